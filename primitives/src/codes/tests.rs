use super::*;
use proptest::prelude::*;

fn roundtrip<T>(value: &T)
where
	T: Encode
		+ Decode
		+ FromStr<Err = CodeError>
		+ fmt::Display
		+ PartialEq
		+ fmt::Debug
		+ serde::Serialize
		+ for<'de> serde::Deserialize<'de>,
{
	let encoded = value.encode();
	assert_eq!(&T::decode(&mut &encoded[..]).expect("valid value decodes"), value);
	assert_eq!(&value.to_string().parse::<T>().expect("text form parses"), value);
	let json = serde_json::to_string(value).expect("serializes");
	assert_eq!(&serde_json::from_str::<T>(&json).expect("JSON form parses"), value);
}

#[test]
fn country_codes_are_the_assigned_ones() {
	assert_eq!(CountryCode::all().count(), 249);
	assert_eq!("DE".parse::<CountryCode>().unwrap().to_string(), "DE");
	assert_eq!("KE".parse::<CountryCode>().unwrap().as_bytes(), b"KE");
	assert_eq!("XX".parse::<CountryCode>(), Err(CodeError::UnassignedCountry));
	assert_eq!("UK".parse::<CountryCode>(), Err(CodeError::UnassignedCountry));
	assert_eq!("de".parse::<CountryCode>(), Err(CodeError::InvalidCharacter));
	assert_eq!("DEU".parse::<CountryCode>(), Err(CodeError::Length));
	assert_eq!("".parse::<CountryCode>(), Err(CodeError::Length));
	assert!(CountryCode::decode(&mut &b"XX"[..]).is_err());
	assert!(CountryCode::decode(&mut &b"D"[..]).is_err());
}

#[test]
fn hs_code_accessors() {
	let hs: HsCode = "0901210010".parse().unwrap();
	assert_eq!((hs.chapter(), hs.heading(), hs.subheading()), (9, 901, 90121));
	let hs: HsCode = "847130".parse().unwrap();
	assert_eq!((hs.chapter(), hs.heading(), hs.subheading()), (84, 8471, 847130));
	assert_eq!("84713".parse::<HsCode>(), Err(CodeError::Length));
	assert_eq!("84713012345".parse::<HsCode>(), Err(CodeError::Length));
	assert_eq!("8471.30".parse::<HsCode>(), Err(CodeError::NotDigit));
	assert_eq!("001234".parse::<HsCode>(), Err(CodeError::ReservedChapter));
	assert_eq!("771234".parse::<HsCode>(), Err(CodeError::ReservedChapter));
}

#[test]
fn gln_check_digit_is_verified() {
	// GS1's example GLN.
	assert!("0614141000005".parse::<Gln>().is_ok());
	assert!("4000001000005".parse::<Gln>().is_ok());
	assert_eq!("0614141000006".parse::<Gln>(), Err(CodeError::CheckDigit));
	assert_eq!("061414100000".parse::<Gln>(), Err(CodeError::Length));
	assert_eq!("06141410000A5".parse::<Gln>(), Err(CodeError::NotDigit));
}

#[test]
fn un_locode_accepts_the_usual_forms() {
	let ham: UnLocode = "DEHAM".parse().unwrap();
	assert_eq!("DE HAM".parse::<UnLocode>().unwrap(), ham);
	assert_eq!(ham.country(), "DE".parse().unwrap());
	assert_eq!(ham.to_string(), "DEHAM");
	assert!("USNYC".parse::<UnLocode>().is_ok());
	assert!("GBLO2".parse::<UnLocode>().is_ok());
	assert_eq!("DEHA1".parse::<UnLocode>(), Err(CodeError::InvalidCharacter));
	assert_eq!("DEha0".parse::<UnLocode>(), Err(CodeError::InvalidCharacter));
	assert_eq!("XXHAM".parse::<UnLocode>(), Err(CodeError::UnassignedCountry));
	assert_eq!("DEHAMB".parse::<UnLocode>(), Err(CodeError::Length));
}

#[test]
fn operator_ids() {
	assert!("DE123456789012345".parse::<OperatorId>().is_ok());
	assert_eq!("DE1234567890123456".parse::<OperatorId>(), Err(CodeError::Length));
	assert_eq!("D".parse::<OperatorId>(), Err(CodeError::Length));
	assert_eq!("DE-123".parse::<OperatorId>(), Err(CodeError::InvalidCharacter));
}

#[test]
fn agreement_codes() {
	assert_eq!("EU-KE-EPA".parse::<AgreementCode>().unwrap().as_bytes(), b"EU-KE-EPA");
	assert_eq!("A".parse::<AgreementCode>(), Err(CodeError::Length));
	assert_eq!("AFCFTA-2019-PROTOCOL".parse::<AgreementCode>(), Err(CodeError::Length));
	assert_eq!("eu-ke".parse::<AgreementCode>(), Err(CodeError::InvalidCharacter));
	assert_eq!("EU KE".parse::<AgreementCode>(), Err(CodeError::InvalidCharacter));
}

#[test]
fn unit_codes() {
	assert_eq!("KGM".parse::<UnitCode>().unwrap().as_bytes(), b"KGM");
	assert_eq!("KG".parse::<UnitCode>().unwrap().to_string(), "KG");
	assert_eq!(UnitCode::decode(&mut &b"KG "[..]).unwrap().as_bytes(), b"KG");
	assert_eq!("K".parse::<UnitCode>(), Err(CodeError::Length));
	assert_eq!("KGMS".parse::<UnitCode>(), Err(CodeError::Length));
	assert_eq!("kgm".parse::<UnitCode>(), Err(CodeError::InvalidCharacter));
	assert_eq!("K  ".parse::<UnitCode>(), Err(CodeError::InvalidCharacter));
}

#[test]
fn currency_codes() {
	assert_eq!("EUR".parse::<CurrencyCode>().unwrap().to_string(), "EUR");
	assert_eq!("EU".parse::<CurrencyCode>(), Err(CodeError::Length));
	assert_eq!("eur".parse::<CurrencyCode>(), Err(CodeError::InvalidCharacter));
	assert_eq!("E1R".parse::<CurrencyCode>(), Err(CodeError::InvalidCharacter));
}

#[test]
fn document_hash_is_blake2_256() {
	assert_eq!(
		format!("{:?}", document_hash(b"")),
		"0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
	);
}

#[test]
fn serde_errors_name_the_code() {
	let err = serde_json::from_str::<CountryCode>("\"XX\"").unwrap_err().to_string();
	assert!(err.contains("invalid ISO 3166-1 alpha-2 country code \"XX\""), "{err}");
}

fn country() -> impl Strategy<Value = CountryCode> {
	(0..249usize).prop_map(|i| CountryCode::all().nth(i).unwrap())
}

fn gln() -> impl Strategy<Value = Gln> {
	proptest::collection::vec(0u8..10, 12).prop_map(|d| {
		let mut digits: Vec<u8> = d.iter().map(|x| b'0' + x).collect();
		digits.push(b'0' + gs1_check_digit(&digits));
		Gln::parse(&digits).unwrap()
	})
}

proptest! {
	#[test]
	fn valid_countries_round_trip(c in country()) { roundtrip(&c); }

	#[test]
	fn valid_hs_codes_round_trip(s in "(0[1-9]|[1-6][0-9]|7[0-689]|[89][0-9])[0-9]{4,8}") {
		roundtrip(&s.parse::<HsCode>().unwrap());
	}

	#[test]
	fn valid_glns_round_trip(g in gln()) { roundtrip(&g); }

	#[test]
	fn valid_un_locodes_round_trip(c in country(), rest in "[A-Z2-9]{3}") {
		let code: UnLocode = format!("{c}{rest}").parse().unwrap();
		roundtrip(&code);
	}

	#[test]
	fn valid_operator_ids_round_trip(s in "[A-Z0-9]{2,17}") { roundtrip(&s.parse::<OperatorId>().unwrap()); }

	#[test]
	fn valid_agreement_codes_round_trip(s in "[A-Z0-9-]{2,16}") { roundtrip(&s.parse::<AgreementCode>().unwrap()); }

	#[test]
	fn valid_unit_codes_round_trip(s in "[A-Z0-9]{2,3}") { roundtrip(&s.parse::<UnitCode>().unwrap()); }

	/// Any input either parses into a code whose text is the input, or is rejected; never a panic.
	#[test]
	fn arbitrary_text_is_parsed_or_rejected(s in "\\PC{0,20}") {
		if let Ok(c) = s.parse::<CountryCode>() { prop_assert_eq!(c.to_string(), s.clone()); }
		if let Ok(c) = s.parse::<HsCode>() { prop_assert_eq!(c.to_string(), s.clone()); }
		if let Ok(c) = s.parse::<Gln>() { prop_assert_eq!(c.to_string(), s.clone()); }
		if let Ok(c) = s.parse::<OperatorId>() { prop_assert_eq!(c.to_string(), s.clone()); }
		if let Ok(c) = s.parse::<UnLocode>() { prop_assert_eq!(c.to_string(), s.replace(' ', "")); }
		if let Ok(c) = s.parse::<AgreementCode>() { prop_assert_eq!(c.to_string(), s.clone()); }
		if let Ok(c) = s.parse::<UnitCode>() { prop_assert_eq!(c.to_string(), s.trim_end()); }
	}

	/// Arbitrary bytes never decode into an invalid code.
	#[test]
	fn arbitrary_bytes_never_decode_invalid(bytes in proptest::collection::vec(any::<u8>(), 0..20)) {
		if let Ok(c) = CountryCode::decode(&mut &bytes[..]) { prop_assert!(CountryCode::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = HsCode::decode(&mut &bytes[..]) { prop_assert!(HsCode::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = Gln::decode(&mut &bytes[..]) { prop_assert!(Gln::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = UnLocode::decode(&mut &bytes[..]) { prop_assert!(UnLocode::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = OperatorId::decode(&mut &bytes[..]) { prop_assert!(OperatorId::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = AgreementCode::decode(&mut &bytes[..]) { prop_assert!(AgreementCode::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = UnitCode::decode(&mut &bytes[..]) { prop_assert!(UnitCode::parse(c.as_bytes()).is_ok()); }
		if let Ok(c) = CurrencyCode::decode(&mut &bytes[..]) { prop_assert!(CurrencyCode::parse(c.as_bytes()).is_ok()); }
	}

	/// Invalid GLNs: any change of one digit breaks the check digit.
	#[test]
	fn one_changed_gln_digit_is_rejected(g in gln(), pos in 0usize..13, delta in 1u8..10) {
		let mut digits = g.as_bytes().to_vec();
		digits[pos] = b'0' + (digits[pos] - b'0' + delta) % 10;
		prop_assert_eq!(Gln::parse(&digits), Err(CodeError::CheckDigit));
	}

	/// Lower-case or out-of-alphabet letters are rejected everywhere.
	#[test]
	fn invalid_country_letters_are_rejected(s in "[a-z]{2}|[A-Z][^A-Z]") {
		prop_assert!(s.parse::<CountryCode>().is_err());
	}
}
