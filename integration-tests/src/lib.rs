//! Tests that drive a real `tradechain-node` through [`subxt`].
//!
//! - [`node`]: starts the built node on free loopback ports with `--tmp`, waits until its RPC
//!   answers, and always stops it (also when a test panics).
//! - [`tradechain`]: the typed interface generated from the runtime's metadata
//!   (`artifacts/tradechain.scale`, refreshed by `scripts/update-metadata`; every test checks that
//!   it still matches the running node).

pub mod chain;
pub mod node;

pub use node::{Node, NodeBuilder};

/// The metadata the interface is generated from. Included so that cargo rebuilds this crate when
/// `scripts/update-metadata` rewrites the file (the `subxt` macro alone is not tracked).
pub const METADATA: &[u8] = include_bytes!("../artifacts/tradechain.scale");

/// The typed interface of the Tradechain runtime, generated from its metadata. Traceability's
/// events are the pallet's own types (through `tradechain_epcis::chain`, SCALE-identical), so that
/// EPCIS events convert to calls and records back to EPCIS in one place.
#[subxt::subxt(
	runtime_metadata_path = "artifacts/tradechain.scale",
	substitute_type(
		path = "pallet_traceability::types::EventKind<A, B>",
		with = "::subxt::utils::Static<::tradechain_epcis::chain::Kind>"
	),
	substitute_type(
		path = "pallet_traceability::types::EventContext<A>",
		with = "::subxt::utils::Static<::tradechain_epcis::chain::Context>"
	),
	substitute_type(
		path = "pallet_traceability::types::EventRecord<A, B, C, D, E>",
		with = "::subxt::utils::Static<::tradechain_epcis::chain::Record>"
	)
)]
pub mod tradechain {}

/// The client configuration of Tradechain: Substrate's defaults (sr25519 multi-signatures,
/// 32-byte account ids, u32 block numbers, BLAKE2-256 hashing).
pub type Config = subxt::SubstrateConfig;

/// An RPC client connected to a node.
pub type Client = subxt::OnlineClient<Config>;
