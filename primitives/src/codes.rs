//! Validated trade codes. Every constructor checks its input and returns a [`CodeError`] rather
//! than panicking; SCALE decoding runs the same checks, so an invalid value can never be read
//! from a transaction or from storage. Each code has a text form ([`core::fmt::Display`] and
//! [`core::str::FromStr`]), which is also its JSON (serde) form, e.g. in genesis presets.

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use core::{fmt, str::FromStr};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// Why a code was rejected.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum CodeError {
	/// The code has the wrong number of characters.
	Length,
	/// A character that must be a digit is not one.
	NotDigit,
	/// A character is outside the code's alphabet.
	InvalidCharacter,
	/// Two letters that ISO 3166-1 does not assign to a country.
	UnassignedCountry,
	/// The GS1 check digit does not match.
	CheckDigit,
	/// HS chapter 00 does not exist and chapter 77 is reserved.
	ReservedChapter,
}

impl fmt::Display for CodeError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			CodeError::Length => "wrong length",
			CodeError::NotDigit => "a digit was expected",
			CodeError::InvalidCharacter => "character outside the code's alphabet",
			CodeError::UnassignedCountry => "not an assigned ISO 3166-1 alpha-2 country code",
			CodeError::CheckDigit => "GS1 check digit does not match",
			CodeError::ReservedChapter => "HS chapter 00 does not exist and 77 is reserved",
		})
	}
}

/// The text form, SCALE validation and serde form shared by every code: `$t` has
/// `fn parse(&[u8]) -> Result<Self, CodeError>` and `fn as_bytes(&self) -> &[u8]`, and encodes
/// as `$raw`.
macro_rules! impl_code {
	($t:ty, $raw:ty, $what:literal) => {
		impl Decode for $t {
			fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
				let raw = <$raw>::decode(input)?;
				Self::parse(&raw[..]).map_err(|_| codec::Error::from(concat!("invalid ", $what)))
			}
		}
		impl DecodeWithMemTracking for $t {}

		impl fmt::Display for $t {
			fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
				// Every accepted code is ASCII.
				f.write_str(core::str::from_utf8(self.as_bytes()).map_err(|_| fmt::Error)?)
			}
		}

		impl fmt::Debug for $t {
			fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
				write!(f, concat!(stringify!($t), "({})"), self)
			}
		}

		impl FromStr for $t {
			type Err = CodeError;
			fn from_str(s: &str) -> Result<Self, CodeError> {
				Self::parse(s.as_bytes())
			}
		}

		impl TryFrom<&[u8]> for $t {
			type Error = CodeError;
			fn try_from(bytes: &[u8]) -> Result<Self, CodeError> {
				Self::parse(bytes)
			}
		}

		impl serde::Serialize for $t {
			fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
				s.collect_str(self)
			}
		}

		impl<'de> serde::Deserialize<'de> for $t {
			fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
				let s = String::deserialize(d)?;
				s.parse().map_err(|e: CodeError| {
					serde::de::Error::custom(alloc::format!(
						concat!("invalid ", $what, " {:?}: {}"),
						s,
						e
					))
				})
			}
		}
	};
}

/// The ISO 3166-1 alpha-2 codes assigned to countries and territories, sorted.
const ASSIGNED_COUNTRIES: [[u8; 2]; 249] = [
	*b"AD", *b"AE", *b"AF", *b"AG", *b"AI", *b"AL", *b"AM", *b"AO", *b"AQ", *b"AR", *b"AS", *b"AT",
	*b"AU", *b"AW", *b"AX", *b"AZ", *b"BA", *b"BB", *b"BD", *b"BE", *b"BF", *b"BG", *b"BH", *b"BI",
	*b"BJ", *b"BL", *b"BM", *b"BN", *b"BO", *b"BQ", *b"BR", *b"BS", *b"BT", *b"BV", *b"BW", *b"BY",
	*b"BZ", *b"CA", *b"CC", *b"CD", *b"CF", *b"CG", *b"CH", *b"CI", *b"CK", *b"CL", *b"CM", *b"CN",
	*b"CO", *b"CR", *b"CU", *b"CV", *b"CW", *b"CX", *b"CY", *b"CZ", *b"DE", *b"DJ", *b"DK", *b"DM",
	*b"DO", *b"DZ", *b"EC", *b"EE", *b"EG", *b"EH", *b"ER", *b"ES", *b"ET", *b"FI", *b"FJ", *b"FK",
	*b"FM", *b"FO", *b"FR", *b"GA", *b"GB", *b"GD", *b"GE", *b"GF", *b"GG", *b"GH", *b"GI", *b"GL",
	*b"GM", *b"GN", *b"GP", *b"GQ", *b"GR", *b"GS", *b"GT", *b"GU", *b"GW", *b"GY", *b"HK", *b"HM",
	*b"HN", *b"HR", *b"HT", *b"HU", *b"ID", *b"IE", *b"IL", *b"IM", *b"IN", *b"IO", *b"IQ", *b"IR",
	*b"IS", *b"IT", *b"JE", *b"JM", *b"JO", *b"JP", *b"KE", *b"KG", *b"KH", *b"KI", *b"KM", *b"KN",
	*b"KP", *b"KR", *b"KW", *b"KY", *b"KZ", *b"LA", *b"LB", *b"LC", *b"LI", *b"LK", *b"LR", *b"LS",
	*b"LT", *b"LU", *b"LV", *b"LY", *b"MA", *b"MC", *b"MD", *b"ME", *b"MF", *b"MG", *b"MH", *b"MK",
	*b"ML", *b"MM", *b"MN", *b"MO", *b"MP", *b"MQ", *b"MR", *b"MS", *b"MT", *b"MU", *b"MV", *b"MW",
	*b"MX", *b"MY", *b"MZ", *b"NA", *b"NC", *b"NE", *b"NF", *b"NG", *b"NI", *b"NL", *b"NO", *b"NP",
	*b"NR", *b"NU", *b"NZ", *b"OM", *b"PA", *b"PE", *b"PF", *b"PG", *b"PH", *b"PK", *b"PL", *b"PM",
	*b"PN", *b"PR", *b"PS", *b"PT", *b"PW", *b"PY", *b"QA", *b"RE", *b"RO", *b"RS", *b"RU", *b"RW",
	*b"SA", *b"SB", *b"SC", *b"SD", *b"SE", *b"SG", *b"SH", *b"SI", *b"SJ", *b"SK", *b"SL", *b"SM",
	*b"SN", *b"SO", *b"SR", *b"SS", *b"ST", *b"SV", *b"SX", *b"SY", *b"SZ", *b"TC", *b"TD", *b"TF",
	*b"TG", *b"TH", *b"TJ", *b"TK", *b"TL", *b"TM", *b"TN", *b"TO", *b"TR", *b"TT", *b"TV", *b"TW",
	*b"TZ", *b"UA", *b"UG", *b"UM", *b"US", *b"UY", *b"UZ", *b"VA", *b"VC", *b"VE", *b"VG", *b"VI",
	*b"VN", *b"VU", *b"WF", *b"WS", *b"YE", *b"YT", *b"ZA", *b"ZM", *b"ZW",
];

/// An ISO 3166-1 alpha-2 country code: two upper-case ASCII letters that ISO assigns.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Encode, MaxEncodedLen, TypeInfo)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
	/// Checks that `bytes` are an assigned ISO 3166-1 alpha-2 code.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		let code: [u8; 2] = bytes.try_into().map_err(|_| CodeError::Length)?;
		if !code.iter().all(u8::is_ascii_uppercase) {
			return Err(CodeError::InvalidCharacter);
		}
		ASSIGNED_COUNTRIES
			.binary_search(&code)
			.map(|_| CountryCode(code))
			.map_err(|_| CodeError::UnassignedCountry)
	}

	/// The two letters.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// Every assigned code, in order.
	pub fn all() -> impl Iterator<Item = CountryCode> {
		ASSIGNED_COUNTRIES.iter().map(|c| CountryCode(*c))
	}
}
impl_code!(CountryCode, [u8; 2], "ISO 3166-1 alpha-2 country code");

/// A Harmonized System code: 6 to 10 digits. The first 6 are the international HS subheading;
/// further digits are national (tariff and statistical) subdivisions.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Encode, MaxEncodedLen, TypeInfo)]
pub struct HsCode(BoundedVec<u8, ConstU32<10>>);

impl HsCode {
	/// Checks that `bytes` are 6 to 10 ASCII digits of an existing chapter.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		if !(6..=10).contains(&bytes.len()) {
			return Err(CodeError::Length);
		}
		if !bytes.iter().all(u8::is_ascii_digit) {
			return Err(CodeError::NotDigit);
		}
		if matches!(&bytes[..2], b"00" | b"77") {
			return Err(CodeError::ReservedChapter);
		}
		BoundedVec::try_from(bytes.to_vec()).map(HsCode).map_err(|_| CodeError::Length)
	}

	/// The digits.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	fn number(&self, digits: usize) -> u32 {
		self.0.iter().take(digits).fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
	}

	/// The chapter: the first two digits (1 to 99).
	pub fn chapter(&self) -> u8 {
		// Two decimal digits are at most 99.
		self.number(2) as u8
	}

	/// The heading: the first four digits.
	pub fn heading(&self) -> u16 {
		// Four decimal digits are at most 9999.
		self.number(4) as u16
	}

	/// The subheading: the first six digits.
	pub fn subheading(&self) -> u32 {
		self.number(6)
	}
}
impl_code!(HsCode, BoundedVec<u8, ConstU32<10>>, "HS code");

/// A GS1 Global Location Number: 13 digits, the last a GS1 mod-10 check digit.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Encode, MaxEncodedLen, TypeInfo)]
pub struct Gln([u8; 13]);

/// The GS1 mod-10 check digit of `digits` (ASCII), weights 3 and 1 from the right.
pub fn gs1_check_digit(digits: &[u8]) -> u8 {
	let sum: u32 = digits
		.iter()
		.rev()
		.enumerate()
		.map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
		.sum();
	// (10 - sum mod 10) mod 10 is a single digit.
	((10 - sum % 10) % 10) as u8
}

impl Gln {
	/// Checks that `bytes` are 13 ASCII digits with a valid GS1 check digit.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		let code: [u8; 13] = bytes.try_into().map_err(|_| CodeError::Length)?;
		if !code.iter().all(u8::is_ascii_digit) {
			return Err(CodeError::NotDigit);
		}
		if gs1_check_digit(&code[..12]) != code[12] - b'0' {
			return Err(CodeError::CheckDigit);
		}
		Ok(Gln(code))
	}

	/// The 13 digits.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}
}
impl_code!(Gln, [u8; 13], "GLN");

/// A UN/LOCODE: an ISO 3166-1 country code and three characters of `A-Z` or `2-9`, e.g. `DEHAM`
/// (Hamburg). The text form also accepts the usual space: `DE HAM`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Encode, MaxEncodedLen, TypeInfo)]
pub struct UnLocode([u8; 5]);

impl UnLocode {
	/// Checks a 5-character UN/LOCODE (or 6 with a space after the country).
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		let compact: Vec<u8> = match bytes {
			[a, b, b' ', rest @ ..] => [&[*a, *b][..], rest].concat(),
			_ => bytes.to_vec(),
		};
		let code: [u8; 5] = compact.as_slice().try_into().map_err(|_| CodeError::Length)?;
		CountryCode::parse(&code[..2])?;
		if !code[2..].iter().all(|c| c.is_ascii_uppercase() || (b'2'..=b'9').contains(c)) {
			return Err(CodeError::InvalidCharacter);
		}
		Ok(UnLocode(code))
	}

	/// The five characters, without a space.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// The country the location is in.
	pub fn country(&self) -> CountryCode {
		CountryCode([self.0[0], self.0[1]])
	}
}
impl_code!(UnLocode, [u8; 5], "UN/LOCODE");

/// A national economic-operator identifier such as an EORI or a TIN: 2 to 17 upper-case ASCII
/// letters and digits (an EORI is a country code and up to 15 characters).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Encode, MaxEncodedLen, TypeInfo)]
pub struct OperatorId(BoundedVec<u8, ConstU32<17>>);

impl OperatorId {
	/// Checks that `bytes` are 2 to 17 upper-case ASCII letters or digits.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		if !(2..=17).contains(&bytes.len()) {
			return Err(CodeError::Length);
		}
		if !bytes.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
			return Err(CodeError::InvalidCharacter);
		}
		BoundedVec::try_from(bytes.to_vec()).map(OperatorId).map_err(|_| CodeError::Length)
	}

	/// The characters.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}
}
impl_code!(OperatorId, BoundedVec<u8, ConstU32<17>>, "operator id");

/// A trade agreement's short code as the trade ministry lists it (e.g. `AFCFTA`, `EU-KE-EPA`): 2 to
/// 16 upper-case ASCII letters, digits and hyphens.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Encode, MaxEncodedLen, TypeInfo)]
pub struct AgreementCode(BoundedVec<u8, ConstU32<16>>);

impl AgreementCode {
	/// Checks that `bytes` are 2 to 16 upper-case ASCII letters, digits or hyphens.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		if !(2..=16).contains(&bytes.len()) {
			return Err(CodeError::Length);
		}
		if !bytes.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-') {
			return Err(CodeError::InvalidCharacter);
		}
		BoundedVec::try_from(bytes.to_vec()).map(AgreementCode).map_err(|_| CodeError::Length)
	}

	/// The characters.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}
}
impl_code!(AgreementCode, BoundedVec<u8, ConstU32<16>>, "agreement code");

/// A unit of measure, UN/ECE Recommendation 20 style (`KGM` kilogram, `LTR` litre, `NAR` number of
/// articles, `TNE` tonne): 2 or 3 upper-case ASCII letters or digits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, MaxEncodedLen, TypeInfo)]
pub struct UnitCode([u8; 3]);

impl UnitCode {
	/// Checks that `bytes` are 2 or 3 upper-case ASCII letters or digits. A two-character code is
	/// stored with a trailing space.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		let code = match bytes {
			[a, b] => [*a, *b, b' '],
			[a, b, c] if *c != b' ' => [*a, *b, *c],
			[a, b, b' '] => [*a, *b, b' '],
			_ => return Err(CodeError::Length),
		};
		let used = if code[2] == b' ' { &code[..2] } else { &code[..] };
		if !used.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
			return Err(CodeError::InvalidCharacter);
		}
		Ok(UnitCode(code))
	}

	/// The characters, without the padding space of a two-character code.
	pub fn as_bytes(&self) -> &[u8] {
		if self.0[2] == b' ' {
			&self.0[..2]
		} else {
			&self.0
		}
	}
}
impl_code!(UnitCode, [u8; 3], "unit code");

/// An ISO 4217 currency code: three upper-case ASCII letters (`EUR`, `KES`, `USD`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, MaxEncodedLen, TypeInfo)]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
	/// Checks that `bytes` are three upper-case ASCII letters.
	pub fn parse(bytes: &[u8]) -> Result<Self, CodeError> {
		let code: [u8; 3] = bytes.try_into().map_err(|_| CodeError::Length)?;
		if !code.iter().all(|c| c.is_ascii_uppercase()) {
			return Err(CodeError::InvalidCharacter);
		}
		Ok(CurrencyCode(code))
	}

	/// The three letters.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}
}
impl_code!(CurrencyCode, [u8; 3], "currency code");

/// The BLAKE2-256 hash of a document's canonical bytes: a file's bytes, a JSON document's
/// RFC 8785 (JCS) form, an EPCIS event's GS1 event-hash input. Documents stay off-chain.
pub type DocumentHash = sp_core::H256;

/// The [`DocumentHash`] of `bytes`.
pub fn document_hash(bytes: &[u8]) -> DocumentHash {
	sp_core::H256(sp_crypto_hashing::blake2_256(bytes))
}

#[cfg(test)]
mod tests;
