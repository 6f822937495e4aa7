//! The parachain runtime in `polkadot-omni-node`: its chain spec built from the runtime's WASM
//! with omni-node's own `chain-spec-builder`, and an omni-node in dev mode (blocks without a
//! relay chain) on free loopback ports.

use std::{path::Path, process::Command};

use crate::node::{omni_node_binary, Node, NodeBuilder};

/// The para id of the runtime's presets (`tradechain_parachain_runtime::genesis_config_presets`).
pub const PARA_ID: u32 = 2000;

/// Writes the parachain runtime's WASM and a chain spec of its `preset` into `dir`, built by
/// `polkadot-omni-node chain-spec-builder`; returns the spec's path.
pub fn chain_spec(dir: &Path, preset: &str) -> std::path::PathBuf {
	let wasm = tradechain_parachain_wasm::WASM_BINARY
		.expect("the parachain runtime's WASM is built (SKIP_WASM_BUILD was not set)");
	let wasm_path = dir.join("tradechain_parachain_runtime.compact.compressed.wasm");
	std::fs::write(&wasm_path, wasm).expect("the temp dir is writable");
	let spec = dir.join(format!("parachain-{preset}.json"));
	let out = Command::new(omni_node_binary())
		.arg("chain-spec-builder")
		.arg("--chain-spec-path")
		.arg(&spec)
		.args(["create", "-t", "development"])
		.args(["--chain-name", "Tradechain parachain", "--chain-id", "tradechain_parachain"])
		.args(["--relay-chain", "rococo-local", "--para-id", &PARA_ID.to_string()])
		.args(["--properties", "tokenSymbol=TRD,tokenDecimals=12,ss58Format=42"])
		.arg("--runtime")
		.arg(&wasm_path)
		.args(["named-preset", preset])
		.output()
		.expect("polkadot-omni-node runs");
	assert!(
		out.status.success(),
		"chain-spec-builder failed: {}{}",
		String::from_utf8_lossy(&out.stdout),
		String::from_utf8_lossy(&out.stderr)
	);
	spec
}

/// An omni-node running `spec` in dev mode: a block every `block_ms` milliseconds, authored
/// without a relay chain (the node mocks the relay chain's inherent data).
pub async fn dev_node(spec: &Path, block_ms: u64) -> Node {
	NodeBuilder::new(spec.to_str().expect("a UTF-8 temp path"))
		.binary(omni_node_binary())
		.name("parachain")
		.args(["--dev-block-time".to_string(), block_ms.to_string()])
		.args(["--no-hardware-benchmarks"])
		.spawn()
		.await
}
