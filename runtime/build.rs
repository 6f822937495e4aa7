fn main() {
	#[cfg(feature = "std")]
	{
		// The runtime every node runs.
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
		// The same runtime with `spec_version` one higher: the target of the runtime-upgrade test
		// (integration-tests/tests/governance_network.rs). It shares the WASM build's
		// dependencies; only this crate is compiled a second time.
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.set_file_name("wasm_binary_upgrade_test.rs")
			.enable_feature("upgrade-test")
			.build();
	}
}
