//! Builds `tradechain-parachain-runtime` for `wasm32v1-none` only. The runtime is never compiled
//! for the host: the parachain node (`polkadot-omni-node`) needs only its WASM, and the cumulus
//! and XCM crates would otherwise be compiled twice more (native and, with the node's features,
//! again). The WASM build has its own target dir (`wbuild/tradechain-parachain-runtime/target`),
//! kept warm between builds like the rest of cargo's target dir.

fn main() {
	// Read when the script runs, not when it is compiled (`env!`): cargo reuses a compiled build
	// script across clones of the workspace in one target dir, and a path baked in would point
	// at whichever clone compiled it. Canonical: the builder finds the project in `cargo
	// metadata` by this exact path.
	let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
	let manifest = std::path::Path::new(&dir)
		.join("../Cargo.toml")
		.canonicalize()
		.expect("runtime-parachain/Cargo.toml exists");
	println!("cargo:rerun-if-changed={}", manifest.display());
	substrate_wasm_builder::WasmBuilder::new()
		.with_project(manifest)
		.expect("the path names a Cargo.toml")
		.import_memory()
		.export_heap_base()
		.build();
}
