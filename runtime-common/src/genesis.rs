//! Genesis pieces every Tradechain runtime's presets use.
//!
//! - [`GenesisIdentities`]: pallet-identity has no genesis configuration, so registrars and
//!   identities come in an extra `identities` section of the genesis JSON, split off with
//!   [`split_identities`] and written with [`seed_identities`] after the pallets' genesis.
//! - [`demo_roles`] and [`demo_identities`]: the development agencies and operators (Kenya and
//!   Germany), the same on the standalone and the parachain development chains.

use alloc::{string::String, vec, vec::Vec};
use serde_json::Value;
use sp_keyring::Sr25519Keyring;
use tradechain_primitives::{AgencyKind, CountryCode, OperatorId, OperatorKind};

use crate::{currency::UNIT, AccountId, Balance};

/// The key of the extra genesis section that seeds pallet-identity.
pub const IDENTITIES_KEY: &str = "identities";

/// Balance given to each endowed development account.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Identity registrars and identities to seed at genesis (pallet-identity has no genesis config).
#[derive(Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GenesisIdentities {
	/// Registrar accounts, in index order.
	pub registrars: Vec<AccountId>,
	/// Identities: account, display name (at most 32 bytes), and the registrar index that judged
	/// it `KnownGood`, if any.
	pub identities: Vec<(AccountId, String, Option<u32>)>,
}

/// Splits the `identities` section off a full genesis config, so that the rest is exactly the
/// runtime's `RuntimeGenesisConfig`.
pub fn split_identities(config: Vec<u8>) -> Result<(Vec<u8>, GenesisIdentities), String> {
	let mut json: Value = serde_json::from_slice(&config)
		.map_err(|e| alloc::format!("genesis config is not JSON: {e}"))?;
	let identities = match json.as_object_mut().and_then(|o| o.remove(IDENTITIES_KEY)) {
		Some(section) => serde_json::from_value(section)
			.map_err(|e| alloc::format!("invalid `{IDENTITIES_KEY}` genesis section: {e}"))?,
		None => GenesisIdentities::default(),
	};
	let config = serde_json::to_vec(&json).map_err(|e| alloc::format!("{e}"))?;
	Ok((config, identities))
}

/// Writes the registrars and identities into pallet-identity's storage of runtime `R` (no
/// deposits: genesis records are the network's own).
pub fn seed_identities<R, FieldLimit>(seed: GenesisIdentities) -> Result<(), String>
where
	R: pallet_identity::Config<
		AccountId = AccountId,
		IdentityInformation = pallet_identity::legacy::IdentityInfo<FieldLimit>,
	>,
	FieldLimit: frame_support::traits::Get<u32> + 'static,
{
	use pallet_identity::{legacy::IdentityInfo, Data, Judgement, RegistrarInfo, Registration};
	let registrars: frame_support::BoundedVec<_, _> = seed
		.registrars
		.into_iter()
		.map(|account| {
			Some(RegistrarInfo { account, fee: Default::default(), fields: Default::default() })
		})
		.collect::<Vec<_>>()
		.try_into()
		.map_err(|_| "too many genesis registrars")?;
	pallet_identity::Registrars::<R>::put(registrars);
	for (who, display, judged_by) in seed.identities {
		let display = Data::Raw(
			display.into_bytes().try_into().map_err(|_| "a display name is at most 32 bytes")?,
		);
		let judgements = judged_by
			.map(|index| (index, Judgement::KnownGood))
			.into_iter()
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| "too many judgements")?;
		let info = IdentityInfo { display, ..Default::default() };
		pallet_identity::IdentityOf::<R>::insert(
			who,
			Registration { judgements, deposit: Default::default(), info },
		);
	}
	Ok(())
}

/// A genesis patch with an `identities` section added.
pub fn with_identities(mut patch: Value, identities: GenesisIdentities) -> Value {
	let identities = serde_json::to_value(identities).expect("plain data serializes");
	if let Some(o) = patch.as_object_mut() {
		o.insert(IDENTITIES_KEY.into(), identities);
	}
	patch
}

/// Agencies and operators: (agencies, operators).
pub type DemoRoles = (
	Vec<(AccountId, AgencyKind, CountryCode)>,
	Vec<(AccountId, OperatorKind, CountryCode, Option<OperatorId>)>,
);

/// Parses a demo code (country, agreement, HS code, ...); the demo's codes are constants.
pub fn code<T: core::str::FromStr>(s: &str) -> T
where
	T::Err: core::fmt::Debug,
{
	s.parse().expect("demo codes are valid")
}

/// The development agencies and operators:
///
/// | account | role | country |
/// | --- | --- | --- |
/// | Alice | trade ministry | KE |
/// | Bob | customs authority | DE |
/// | Charlie | customs authority | KE |
/// | Dave | origin issuer (chamber of commerce) | KE |
/// | Eve | economic operator `KE0123456789` (exporter) | KE |
/// | Ferdie | economic operator `DE123456789012345` (importer) | DE |
/// | One | carrier | DE |
/// | Two | bank | DE |
/// | Alice//stash | arbiter | DE |
/// | Bob//stash | economic operator `DE000000000000077` (a second importer) | DE |
pub fn demo_roles() -> DemoRoles {
	use Sr25519Keyring::*;
	(
		vec![
			(Alice.to_account_id(), AgencyKind::TradeMinistry, code("KE")),
			(Bob.to_account_id(), AgencyKind::CustomsAuthority, code("DE")),
			(Charlie.to_account_id(), AgencyKind::CustomsAuthority, code("KE")),
			(Dave.to_account_id(), AgencyKind::OriginIssuer, code("KE")),
		],
		vec![
			(
				Eve.to_account_id(),
				OperatorKind::EconomicOperator,
				code("KE"),
				Some(code("KE0123456789")),
			),
			(
				Ferdie.to_account_id(),
				OperatorKind::EconomicOperator,
				code("DE"),
				Some(code("DE123456789012345")),
			),
			(One.to_account_id(), OperatorKind::Carrier, code("DE"), None),
			(Two.to_account_id(), OperatorKind::Bank, code("DE"), None),
			(AliceStash.to_account_id(), OperatorKind::Arbiter, code("DE"), None),
			(
				BobStash.to_account_id(),
				OperatorKind::EconomicOperator,
				code("DE"),
				Some(code("DE000000000000077")),
			),
		],
	)
}

/// The development identities: Bob and Charlie (the two customs authorities) are registrars 0
/// and 1; every agency and operator has a display name; the operators are judged `KnownGood` by
/// their customs.
pub fn demo_identities() -> GenesisIdentities {
	use Sr25519Keyring::*;
	let named =
		|k: Sr25519Keyring, name: &str, judge: Option<u32>| (k.to_account_id(), name.into(), judge);
	GenesisIdentities {
		registrars: vec![Bob.to_account_id(), Charlie.to_account_id()],
		identities: vec![
			named(Bob, "Customs DE", None),
			named(Charlie, "Kenya Revenue Authority Customs", None),
			named(Dave, "Kenya National Chamber", None),
			named(Eve, "Rift Valley Coffee Exporters", Some(1)),
			named(Ferdie, "Hamburg Coffee Import GmbH", Some(0)),
			named(One, "Nordsee Container Line", Some(0)),
			named(Two, "Hanseatic Trade Bank", Some(0)),
		],
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn identities_are_split_off_and_the_rest_is_kept() {
		let config = serde_json::json!({
			"balances": { "balances": [] },
			"identities": serde_json::to_value(demo_identities()).unwrap(),
		});
		let (rest, seed) = split_identities(serde_json::to_vec(&config).unwrap()).unwrap();
		let rest: Value = serde_json::from_slice(&rest).unwrap();
		assert_eq!(rest, serde_json::json!({ "balances": { "balances": [] } }));
		assert_eq!(seed.registrars.len(), 2);
		assert_eq!(seed.identities.len(), 7);
	}

	#[test]
	fn a_malformed_identities_section_is_a_clear_error() {
		let config = br#"{"identities":{"registrars":[],"typo":1}}"#.to_vec();
		let err = split_identities(config).err().expect("unknown field is refused");
		assert!(err.contains("invalid `identities` genesis section"), "{err}");
		let err = split_identities(b"not json".to_vec()).err().expect("refused");
		assert!(err.contains("not JSON"), "{err}");
	}

	#[test]
	fn every_demo_operator_with_an_identity_is_judged_by_a_registrar() {
		let seed = demo_identities();
		let (agencies, operators) = demo_roles();
		for (who, _, judge) in &seed.identities {
			let is_operator = operators.iter().any(|o| &o.0 == who);
			let is_agency = agencies.iter().any(|a| &a.0 == who);
			assert!(is_operator || is_agency);
			assert_eq!(judge.is_some(), is_operator, "operators and only operators are judged");
			if let Some(index) = judge {
				assert!((*index as usize) < seed.registrars.len());
			}
		}
	}
}
