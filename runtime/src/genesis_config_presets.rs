//! Genesis presets: `development` (Alice validates alone) and `local_testnet` (Alice, Bob,
//! Charlie and Dave validate). Both fund the well-known development accounts and make Alice the
//! sudo key; a production network builds its genesis from the agencies' own keys instead.
//!
//! `development` also carries a demo set of agencies and operators (see [`demo_roles`]):
//!
//! | account | role | country |
//! | --- | --- | --- |
//! | Bob | customs authority | DE |
//! | Charlie | customs authority | KE |
//! | Dave | origin issuer (chamber of commerce) | KE |
//! | Eve | economic operator `KE0123456789` (exporter) | KE |
//! | Ferdie | economic operator `DE123456789012345` (importer) | DE |
//! | One | carrier | DE |
//! | Two | bank | DE |

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use tradechain_primitives::{AgencyKind, CountryCode, OperatorId, OperatorKind};

use crate::{
	AccountId, AuraConfig, BalancesConfig, GrandpaConfig, RolesConfig, RuntimeGenesisConfig,
	SudoConfig, UNIT,
};

/// Balance given to each endowed development account.
pub const ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// Agencies and operators of the demo: (agencies, operators).
pub type DemoRoles = (
	Vec<(AccountId, AgencyKind, CountryCode)>,
	Vec<(AccountId, OperatorKind, CountryCode, Option<OperatorId>)>,
);

fn code<T: core::str::FromStr>(s: &str) -> T
where
	T::Err: core::fmt::Debug,
{
	s.parse().expect("demo codes are valid")
}

/// The demo agencies and operators of the `development` preset (table in the module docs).
pub fn demo_roles() -> DemoRoles {
	use Sr25519Keyring::*;
	(
		vec![
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
		],
	)
}

/// The genesis of a network with these authorities, funded accounts, sudo key and roles.
pub fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	(agencies, operators): DemoRoles,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: AuraConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		roles: RolesConfig { agencies, operators },
	})
}

/// Aura and GRANDPA keys of a well-known development account.
fn authority_keys(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// `development`: Alice authors and finalizes alone.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		demo_roles(),
	)
}

/// `local_testnet`: four authorities, so that one can be down and finality goes on.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority_keys(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		(Vec::new(), Vec::new()),
	)
}

/// The JSON of the preset with this id, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Runtime;
	use frame_support::genesis_builder_helper::build_state;

	/// Applies a preset patch onto the default config, as the node's chain-spec builder does.
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (k, v) in patch {
					merge(base.entry(k).or_insert(Value::Null), v);
				}
			}
			(base, patch) => *base = patch,
		}
	}

	#[test]
	fn every_preset_builds_a_genesis_state() {
		for (id, authorities) in [("development", 1), ("local_testnet", 4)] {
			let patch: Value = serde_json::from_slice(
				&get_preset(&PresetId::from(id)).expect("listed presets exist"),
			)
			.expect("presets are JSON");
			let mut json =
				serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
			merge(&mut json, patch);
			let json = serde_json::to_vec(&json).expect("serializes");
			sp_io::TestExternalities::default().execute_with(|| {
				build_state::<RuntimeGenesisConfig>(json).expect("preset applies");
				assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), authorities);
				assert_eq!(
					pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(),
					authorities
				);
				let alice = Sr25519Keyring::Alice.to_account_id();
				assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&alice), ENDOWMENT);
				assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice));
				let demo = pallet_roles::Roles::<Runtime>::iter().count();
				assert_eq!(demo, if id == "development" { 7 } else { 0 });
			});
		}
		assert_eq!(preset_names().len(), 2);
	}

	#[test]
	fn unknown_preset_is_none() {
		assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
	}
}
