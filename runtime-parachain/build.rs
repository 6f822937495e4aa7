fn main() {
	// Only when this crate is built natively with `std` (a developer's `cargo build -p
	// tradechain-parachain-runtime`); CI builds the WASM through `runtime-parachain/wasm`.
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
