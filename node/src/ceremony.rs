//! A production network's launch ceremony: each member administration generates its own keys on
//! its own machines (`tradechain-node key generate`, `key insert`), the members collect the
//! public halves in one ceremony file, and every member builds the same chain specification
//! from it:
//!
//! ```text
//! tradechain-node build-spec --chain network.ceremony.json --raw > network.json
//! ```
//!
//! A file whose name ends in `.ceremony.json` is read as a ceremony (see
//! `docs/operations/example.ceremony.json`); its genesis has no sudo key, no development
//! account and no demo record. Every mistake is reported with the member it concerns, before
//! any genesis is built.

use std::collections::BTreeSet;

use sc_service::ChainType;
use serde::Deserialize;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519};
use tradechain_primitives::{AgencyKind, CountryCode};
use tradechain_runtime::{
	genesis_config_presets::{production_genesis, GenesisIdentities, ProductionGenesis},
	AccountId, Balance, BlockNumber, UNIT,
};

use crate::chain_spec::{properties, wasm_binary, ChainSpec};

/// The suffix that marks a ceremony file.
pub const CEREMONY_SUFFIX: &str = ".ceremony.json";

/// The most council members and validators (the runtime's bounds).
const MAX_COUNCIL: usize = 64;
const MAX_EMERGENCY: usize = 32;
const MAX_VALIDATORS: usize = 32;
/// The shortest session the runtime accepts.
const MIN_SESSION_LENGTH: BlockNumber = 5;

/// A launch ceremony file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Ceremony {
	/// The network's name (e.g. "Tradechain East Africa").
	pub name: String,
	/// The network's id: lowercase letters, digits and `_` (e.g. `tradechain_eac`).
	pub id: String,
	/// The libp2p protocol id; defaults to the id.
	#[serde(default)]
	pub protocol_id: Option<String>,
	/// Bootnodes: `/dns/…/tcp/30333/p2p/12D3…` addresses of members' nodes.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// Blocks per session (validator changes take effect at session changes); an hour by
	/// default.
	#[serde(default = "default_session_length")]
	pub session_length: BlockNumber,
	/// The member administrations.
	pub members: Vec<Member>,
}

fn default_session_length() -> BlockNumber {
	tradechain_runtime::HOURS
}

/// One member administration (or one of its agencies).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Member {
	/// Its name, recorded as its on-chain identity (at most 32 bytes).
	pub name: String,
	/// Its country: ISO 3166-1 alpha-2.
	pub country: String,
	/// Its agency kind: `CustomsAuthority`, `OriginIssuer`, `TradeMinistry` or `PortAuthority`.
	pub agency: String,
	/// Its account (SS58).
	pub account: String,
	/// Its validator's session keys, if it runs a validator.
	#[serde(default)]
	pub validator: Option<ValidatorKeys>,
	/// Whether it sits on the council.
	#[serde(default)]
	pub council: bool,
	/// Whether it sits on the emergency committee (customs authorities only).
	#[serde(default)]
	pub emergency: bool,
	/// Its initial balance in whole TRD (fees and deposits); 1,000 by default.
	#[serde(default = "default_endowment")]
	pub endowment: u64,
}

fn default_endowment() -> u64 {
	1_000
}

/// A validator's public session keys, as `key inspect` prints them (SS58 or `0x` hex).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidatorKeys {
	/// The Aura key (sr25519).
	pub aura: String,
	/// The GRANDPA key (ed25519).
	pub grandpa: String,
}

/// A public key from SS58 or `0x` hex.
fn public<K: Ss58Codec + for<'a> TryFrom<&'a [u8]>>(text: &str) -> Result<K, String> {
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes = sp_core::bytes::from_hex(hex).map_err(|e| format!("not hex: {e}"))?;
		return K::try_from(&bytes[..]).map_err(|_| format!("{} bytes is not a key", bytes.len()));
	}
	K::from_ss58check(text).map_err(|e| format!("not an SS58 address: {e:?}"))
}

impl Ceremony {
	/// Reads and checks a ceremony file.
	pub fn from_file(path: &std::path::Path) -> Result<Self, String> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("Ceremony file {}: {e}", path.display()))?;
		let ceremony: Ceremony = serde_json::from_str(&text)
			.map_err(|e| format!("Ceremony file {} is malformed: {e}", path.display()))?;
		ceremony.genesis().map_err(|e| format!("Ceremony file {}: {e}", path.display()))?;
		Ok(ceremony)
	}

	/// Checks the ceremony and turns it into the runtime's production genesis.
	pub fn genesis(&self) -> Result<ProductionGenesis, String> {
		if self.name.trim().is_empty() {
			return Err("`name` is empty".into());
		}
		if self.id.is_empty()
			|| !self.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
		{
			return Err(format!("`id` {:?} must be lowercase letters, digits and `_`", self.id));
		}
		if self.session_length < MIN_SESSION_LENGTH {
			return Err(format!(
				"`sessionLength` {} is below the runtime's minimum of {MIN_SESSION_LENGTH} blocks",
				self.session_length
			));
		}
		let mut g = ProductionGenesis {
			validators: Vec::new(),
			council: Vec::new(),
			emergency: Vec::new(),
			agencies: Vec::new(),
			endowments: Vec::new(),
			identities: GenesisIdentities::default(),
			session_length: self.session_length,
		};
		let mut accounts = BTreeSet::new();
		let mut keys = BTreeSet::new();
		for (i, m) in self.members.iter().enumerate() {
			let what = |e: String| format!("member {} ({:?}): {e}", i + 1, m.name);
			let account: AccountId =
				public(&m.account).map_err(|e| what(format!("`account` {e}")))?;
			if !accounts.insert(account.clone()) {
				return Err(what(format!("account {} is listed twice", m.account)));
			}
			if m.name.trim().is_empty() || m.name.len() > 32 {
				return Err(what("`name` must be 1 to 32 bytes".into()));
			}
			let country = CountryCode::parse(m.country.as_bytes())
				.map_err(|e| what(format!("`country` {:?}: {e:?}", m.country)))?;
			let agency: AgencyKind = serde_json::from_value(serde_json::Value::from(
				m.agency.as_str(),
			))
			.map_err(|_| {
				what(format!(
						"`agency` {:?} is not CustomsAuthority, OriginIssuer, TradeMinistry or PortAuthority",
						m.agency
					))
			})?;
			if m.emergency && agency != AgencyKind::CustomsAuthority {
				return Err(what("only customs authorities sit on the emergency committee".into()));
			}
			if let Some(v) = &m.validator {
				let aura: sr25519::Public =
					public(&v.aura).map_err(|e| what(format!("`validator.aura` {e}")))?;
				let grandpa: ed25519::Public =
					public(&v.grandpa).map_err(|e| what(format!("`validator.grandpa` {e}")))?;
				if !keys.insert(aura.0) || !keys.insert(grandpa.0) {
					return Err(what("a session key is used twice".into()));
				}
				g.validators.push((account.clone(), aura.into(), grandpa.into()));
			}
			if m.council {
				g.council.push(account.clone());
			}
			if m.emergency {
				g.emergency.push(account.clone());
			}
			if agency == AgencyKind::CustomsAuthority {
				g.identities.registrars.push(account.clone());
			}
			g.identities.identities.push((account.clone(), m.name.clone(), None));
			g.agencies.push((account.clone(), agency, country));
			let endowment = Balance::from(m.endowment)
				.checked_mul(UNIT)
				.ok_or_else(|| what("`endowment` is too large".into()))?;
			g.endowments.push((account, endowment));
		}
		let bounded = |what: &str, n: usize, min: usize, max: usize| {
			if n < min || n > max {
				Err(format!("{n} {what}; a network needs {min} to {max}"))
			} else {
				Ok(())
			}
		};
		bounded("validators", g.validators.len(), 1, MAX_VALIDATORS)?;
		bounded("council members", g.council.len(), 1, MAX_COUNCIL)?;
		bounded("emergency committee members", g.emergency.len(), 0, MAX_EMERGENCY)?;
		Ok(g)
	}

	/// The chain specification of this ceremony's network.
	pub fn chain_spec(&self) -> Result<ChainSpec, String> {
		let genesis = self.genesis()?;
		let boot_nodes = self
			.boot_nodes
			.iter()
			.map(|a| a.parse().map_err(|e| format!("bootnode {a:?}: {e}")))
			.collect::<Result<Vec<_>, String>>()?;
		Ok(ChainSpec::builder(wasm_binary()?, None)
			.with_name(&self.name)
			.with_id(&self.id)
			.with_chain_type(ChainType::Live)
			.with_protocol_id(self.protocol_id.as_deref().unwrap_or(&self.id))
			.with_boot_nodes(boot_nodes)
			.with_genesis_config_patch(production_genesis(genesis))
			.with_properties(properties())
			.build())
	}
}
