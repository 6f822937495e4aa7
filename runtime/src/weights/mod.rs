//! Weights of the polkadot-sdk pallets and of block and transaction overhead, measured on this
//! project's machine (2-core Intel Xeon VM) by `scripts/bench-weights runtime` with
//! frame-omni-bencher, so that a block holds what executing it here allows (polkadot-sdk's own
//! `SubstrateWeight`s and `()` weights are from its reference machine, several times slower
//! than these measurements, and the `()` transaction-extension weights assume RocksDB). Database
//! reads and writes are priced by `paritydb_weights`, ParityDB's costs measured by the node's
//! `benchmark storage` on a state of a million accounts (`scripts/bench-weights db`; on the
//! project's machine of 2026-11-27, a 2-core AMD EPYC VM). The trade pallets keep their weights
//! in their own crates.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
pub mod paritydb_weights;
