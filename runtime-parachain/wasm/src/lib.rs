//! The Tradechain parachain runtime's WASM (`tradechain-parachain-runtime`, built by this crate's
//! build script for `wasm32v1-none` only).
//!
//! [`WASM_BINARY`] is the compressed runtime that `polkadot-omni-node chain-spec-builder create
//! --runtime <file>` takes; `None` when the build was skipped with `SKIP_WASM_BUILD=1`.

include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
