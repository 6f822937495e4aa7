//! Parsing of command-line values: hashes, accounts, codes, amounts, times, keys. Every parser
//! returns a message on bad input (clap prints it and exits with 2), never panics.

use std::str::FromStr;

use subxt::utils::{AccountId32, H256};
use subxt_signer::{sr25519::Keypair, SecretUri};

use crate::{
	chain::tradechain::runtime_types::{
		bounded_collections::bounded_vec::BoundedVec,
		tradechain_primitives::codes::{
			AgreementCode, CountryCode, CurrencyCode, HsCode, UnLocode, UnitCode,
		},
	},
	error::{Context, Error, Result},
};

/// One unit of the native token (TRD), in plancks.
pub const UNIT: u128 = 1_000_000_000_000;

/// `0x` followed by 64 hex digits.
pub fn hash(s: &str) -> std::result::Result<H256, String> {
	let bytes = hex_bytes(s)?;
	let arr: [u8; 32] = bytes
		.try_into()
		.map_err(|_| format!("`{s}` is not a 32-byte hash (0x + 64 hex digits)"))?;
	Ok(H256(arr))
}

/// Hex digits (with or without `0x`) as bytes.
pub fn hex_bytes(s: &str) -> std::result::Result<Vec<u8>, String> {
	let digits = s.trim().strip_prefix("0x").unwrap_or(s.trim());
	if !digits.len().is_multiple_of(2) || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
		return Err(format!("`{s}` is not hex"));
	}
	(0..digits.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&digits[i..i + 2], 16).map_err(|e| e.to_string()))
		.collect()
}

/// A document given as its hash (`0x` + 64 hex digits) or as a file to hash (BLAKE2-256).
pub fn hash_or_file(s: &str) -> std::result::Result<H256, String> {
	if s.starts_with("0x") && s.len() == 66 {
		return hash(s);
	}
	let bytes = std::fs::read(s).map_err(|e| format!("cannot read `{s}`: {e}"))?;
	Ok(H256(tradechain_primitives::document_hash(&bytes).0))
}

/// Bytes given as `0x` hex, or as a file to read (e.g. a key envelope).
pub fn bytes_or_file(s: &str) -> std::result::Result<Vec<u8>, String> {
	if s.starts_with("0x") {
		return hex_bytes(s);
	}
	std::fs::read(s).map_err(|e| format!("cannot read `{s}`: {e}"))
}

/// An account: an SS58 address, 32 bytes in hex, or a secret URI such as `//Alice` (its public
/// key; for development accounts).
pub fn account(s: &str) -> std::result::Result<AccountId32, String> {
	if let Ok(id) = AccountId32::from_str(s) {
		return Ok(id);
	}
	if s.starts_with("0x") {
		let h = hash(s)?;
		return Ok(AccountId32(h.0));
	}
	if s.starts_with("//") {
		let uri = SecretUri::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
		let pair = Keypair::from_uri(&uri).map_err(|e| format!("`{s}`: {e}"))?;
		return Ok(pair.public_key().to_account_id());
	}
	Err(format!("`{s}` is not an account (SS58 address, 0x hex, or //Name)"))
}

/// A validated ISO 3166-1 alpha-2 country code (a command-line value).
#[derive(Clone, Copy, Debug)]
pub struct Country(pub [u8; 2]);

impl Country {
	/// The chain's form.
	pub fn code(self) -> CountryCode {
		CountryCode(self.0)
	}
}

/// An ISO 3166-1 alpha-2 country code.
pub fn country(s: &str) -> std::result::Result<Country, String> {
	let code =
		tradechain_primitives::CountryCode::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
	let b = code.as_bytes();
	Ok(Country([b[0], b[1]]))
}

/// A validated UN/LOCODE (a command-line value).
#[derive(Clone, Copy, Debug)]
pub struct Locode(pub [u8; 5]);

impl Locode {
	/// The chain's form.
	pub fn code(self) -> UnLocode {
		UnLocode(self.0)
	}
}

/// A UN/LOCODE (`DEHAM`).
pub fn locode(s: &str) -> std::result::Result<Locode, String> {
	let code = tradechain_primitives::UnLocode::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
	let mut out = [0u8; 5];
	out.copy_from_slice(code.as_bytes());
	Ok(Locode(out))
}

/// A validated trade agreement code (a command-line value).
#[derive(Clone, Debug)]
pub struct Agreement(pub Vec<u8>);

impl Agreement {
	/// The chain's form.
	pub fn code(self) -> AgreementCode {
		AgreementCode(BoundedVec(self.0))
	}
}

/// A trade agreement code (`AFCFTA`, `EU-KE-EPA`).
pub fn agreement(s: &str) -> std::result::Result<Agreement, String> {
	let code =
		tradechain_primitives::AgreementCode::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
	Ok(Agreement(code.as_bytes().to_vec()))
}

/// An HS code (6 to 10 digits).
pub fn hs_code(s: &str) -> std::result::Result<HsCode, String> {
	let code = tradechain_primitives::HsCode::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
	Ok(HsCode(BoundedVec(code.as_bytes().to_vec())))
}

/// A UN/ECE unit code (`KGM`).
pub fn unit(s: &str) -> std::result::Result<UnitCode, String> {
	let code = tradechain_primitives::UnitCode::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
	let mut out = [0u8; 3];
	out.copy_from_slice(code.as_bytes());
	Ok(UnitCode(out))
}

/// An ISO 4217 currency code (`EUR`).
pub fn currency(s: &str) -> std::result::Result<CurrencyCode, String> {
	let code =
		tradechain_primitives::CurrencyCode::from_str(s).map_err(|e| format!("`{s}`: {e}"))?;
	let mut out = [0u8; 3];
	out.copy_from_slice(code.as_bytes());
	Ok(CurrencyCode(out))
}

/// An amount: plancks (`1500000000000`) or tokens with a unit (`1.5 TRD`, `1.5TRD`, `2 UNIT`).
pub fn amount(s: &str) -> std::result::Result<u128, String> {
	let t = s.trim();
	let tokens = ["TRD", "UNIT"].iter().find_map(|u| t.strip_suffix(u)).map(str::trim);
	let bad = || format!("`{s}` is not an amount (plancks, or tokens like `1.5 TRD`)");
	match tokens {
		None => t.parse::<u128>().map_err(|_| bad()),
		Some(n) => {
			let (whole, frac) = n.split_once('.').unwrap_or((n, ""));
			if frac.len() > 12 || !frac.bytes().all(|b| b.is_ascii_digit()) {
				return Err(bad());
			}
			let whole: u128 = whole.parse().map_err(|_| bad())?;
			let frac_value: u128 = if frac.is_empty() {
				0
			} else {
				format!("{frac:0<12}").parse().map_err(|_| bad())?
			};
			whole.checked_mul(UNIT).and_then(|w| w.checked_add(frac_value)).ok_or_else(bad)
		}
	}
}

/// A share in percent (`70`, `70%`, `12.5%`) as parts per billion (a `Perbill`).
pub fn perbill(s: &str) -> std::result::Result<u32, String> {
	let bad = || format!("`{s}` is not a share from 0 to 100 % (e.g. `70%` or `12.5`)");
	let t = s.trim();
	let percent: f64 = t.strip_suffix('%').unwrap_or(t).trim().parse().map_err(|_| bad())?;
	if !(0.0..=100.0).contains(&percent) {
		return Err(bad());
	}
	Ok((percent * 10_000_000.0).round() as u32)
}

/// A point in time in milliseconds since the Unix epoch: milliseconds, a date `YYYY-MM-DD`
/// (midnight UTC), or `+<n>d` (n days from now).
pub fn time(s: &str) -> std::result::Result<u64, String> {
	let bad = || format!("`{s}` is not a time (milliseconds, YYYY-MM-DD or +<days>d)");
	if let Some(days) = s.strip_prefix('+').and_then(|d| d.strip_suffix('d')) {
		let days: u64 = days.parse().map_err(|_| bad())?;
		return days.checked_mul(86_400_000).and_then(|d| d.checked_add(now())).ok_or_else(bad);
	}
	if let Ok(ms) = s.parse::<u64>() {
		return Ok(ms);
	}
	let parts: Vec<&str> = s.split('-').collect();
	let [y, m, d] = parts[..] else { return Err(bad()) };
	let (y, m, d): (i64, i64, i64) = (
		y.parse().map_err(|_| bad())?,
		m.parse().map_err(|_| bad())?,
		d.parse().map_err(|_| bad())?,
	);
	if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
		return Err(bad());
	}
	// Days from civil (Howard Hinnant's algorithm).
	let y = if m <= 2 { y - 1 } else { y };
	let era = y.div_euclid(400);
	let yoe = y - era * 400;
	let mp = (m + 9) % 12;
	let doy = (153 * mp + 2) / 5 + d - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	let days = era * 146_097 + doe - 719_468;
	u64::try_from(days * 86_400_000).map_err(|_| bad())
}

/// The wall clock in milliseconds since the Unix epoch.
pub fn now() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or(0)
}

/// An item: its EPC URI (`urn:epc:id:sscc:...`) or its key (`0x` + 64 hex digits).
pub fn item(s: &str) -> std::result::Result<H256, String> {
	if s.starts_with("0x") {
		return hash(s);
	}
	let epc = tradechain_epcis::chain::Epc::parse(s.as_bytes()).ok_or_else(|| {
		format!("`{s}` is not an EPC URI the chain knows (SGTIN, SSCC, GRAI, LGTIN)")
	})?;
	Ok(H256(epc.item_ref().0))
}

/// The signing key: from `--suri` or from the secret URI / seed / phrase in `--key-file`.
pub fn signer(suri: Option<&str>, key_file: Option<&std::path::Path>) -> Result<Keypair> {
	let secret = match (suri, key_file) {
		(Some(s), _) => s.to_string(),
		(None, Some(path)) => std::fs::read_to_string(path)
			.ctx(&format!("cannot read the key file {}", path.display()))?
			.trim()
			.to_string(),
		(None, None) => {
			return Err(Error::new("this command signs a transaction: give --suri or --key-file"))
		}
	};
	let uri =
		SecretUri::from_str(&secret).map_err(|e| Error::new(format!("bad secret URI: {e}")))?;
	Keypair::from_uri(&uri).map_err(|e| Error::new(format!("bad secret URI: {e}")))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_and_times_parse() {
		assert_eq!(amount("5"), Ok(5));
		assert_eq!(amount("1.5 TRD"), Ok(1_500_000_000_000));
		assert_eq!(amount("2UNIT"), Ok(2 * UNIT));
		assert!(amount("1.2.3 TRD").is_err());
		assert_eq!(time("1970-01-02"), Ok(86_400_000));
		assert_eq!(time("2027-12-31"), Ok(1_830_211_200_000));
		assert!(time("2027-13-01").is_err());
		assert!(hash("0x12").is_err());
		assert_eq!(perbill("70%"), Ok(700_000_000));
		assert_eq!(perbill("12.5"), Ok(125_000_000));
		assert!(perbill("101%").is_err());
		assert!(agreement("EU-KE-EPA").is_ok());
		assert!(agreement("eu").is_err());
	}
}
