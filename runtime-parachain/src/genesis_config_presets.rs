//! Genesis presets of the parachain: `development` (Alice collates alone; omni-node's dev mode
//! runs it without a relay chain) and `local_testnet` (Alice and Bob collate, for a relay chain
//! launched with zombienet). Both use para id [`PARA_ID`], fund the well-known development
//! accounts, make Alice the sudo key and carry the development agencies and operators that the
//! standalone runtime's presets have (`tradechain_runtime_common::genesis::demo_roles`: Kenya and
//! Germany, Dave the Kenyan chamber that issues certificates of origin, Eve the exporter, Ferdie
//! the importer) with their identities.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::Sr25519Keyring;
use tradechain_runtime_common::genesis::{
	demo_identities, demo_roles, with_identities, DemoRoles, ENDOWMENT,
};

use crate::{
	AccountId, BalancesConfig, CollatorSelectionConfig, ParachainInfoConfig, PolkadotXcmConfig,
	RolesConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, EXISTENTIAL_DEPOSIT,
};

/// The parachain id of the development and local presets (the first id a relay chain hands out
/// to a non-system parachain).
pub const PARA_ID: u32 = 2000;

/// The XCM version spoken until a peer tells its own.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;

/// The genesis of a parachain with these collators (account, Aura key), funded accounts, sudo
/// key and roles.
pub fn parachain_genesis(
	collators: Vec<(AccountId, AuraId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	para_id: u32,
	(agencies, operators): DemoRoles,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: para_id.into() },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|(who, _)| who.clone()).collect::<Vec<_>>(),
			candidacy_bond: EXISTENTIAL_DEPOSIT * 16,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(who, aura)| (who.clone(), who, SessionKeys { aura }))
				.collect::<Vec<_>>(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
		sudo: SudoConfig { key: Some(root) },
		roles: RolesConfig { agencies, operators },
	})
}

/// A well-known development account as a collator.
fn collator(k: Sr25519Keyring) -> (AccountId, AuraId) {
	(k.to_account_id(), k.public().into())
}

/// `development`: Alice collates alone.
pub fn development_config_genesis() -> Value {
	parachain_genesis(
		vec![collator(Sr25519Keyring::Alice)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		PARA_ID,
		demo_roles(),
	)
}

/// `local_testnet`: Alice and Bob collate.
pub fn local_config_genesis() -> Value {
	parachain_genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		PARA_ID,
		demo_roles(),
	)
}

/// The JSON of the preset with this id, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	let patch = with_identities(patch, demo_identities());
	Some(serde_json::to_string(&patch).expect("plain data serializes").into_bytes())
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
