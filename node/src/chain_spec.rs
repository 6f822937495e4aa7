//! Chain specifications: `dev`, `local` and `demo` from the runtime's genesis presets, a JSON
//! file, or a production network's launch ceremony file (`*.ceremony.json`).

use sc_service::ChainType;
use tradechain_runtime::WASM_BINARY;

/// A chain specification of Tradechain (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// Properties wallets and Polkadot.js Apps show: the operational unit and its decimals.
pub(crate) fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), "TRD".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

pub(crate) fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's WASM binary is not available: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it."
			.to_string()
	})
}

/// `--dev`: Alice authors and finalizes alone; the development accounts are funded.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Tradechain Development")
		.with_id("tradechain_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: Alice, Bob, Charlie and Dave are the authorities.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Tradechain Local Testnet")
		.with_id("tradechain_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain demo`: the development chain with a demo network of several administrations (Kenya,
/// Germany, the Netherlands, France), MRAs and tariffs; Alice authors and finalizes alone.
pub fn demo_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Tradechain Demo")
		.with_id("tradechain_demo")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(
			tradechain_runtime::genesis_config_presets::DEMO_RUNTIME_PRESET,
		)
		.with_properties(properties())
		.build())
}

/// A chain specification from a JSON file, with a readable error for a missing or malformed one.
/// A file ending in `.ceremony.json` is a launch ceremony (see [`crate::ceremony`]).
pub fn from_json_file(path: &str) -> Result<ChainSpec, String> {
	let path = std::path::PathBuf::from(path);
	if path.to_string_lossy().ends_with(crate::ceremony::CEREMONY_SUFFIX) {
		return crate::ceremony::Ceremony::from_file(&path)?.chain_spec();
	}
	if !path.is_file() {
		return Err(format!(
			"Chain specification {} does not exist (use `dev`, `local`, `demo` or the path of a JSON file)",
			path.display()
		));
	}
	ChainSpec::from_json_file(path.clone())
		.map_err(|e| format!("Chain specification {} is not valid: {e}", path.display()))
}
