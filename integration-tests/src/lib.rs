//! Tests that drive a real `tradechain-node` through [`subxt`].
//!
//! - [`node`]: starts the built node on free loopback ports with `--tmp`, waits until its RPC
//!   answers, and always stops it (also when a test panics).
//! - [`tradechain`]: the typed interface generated from the runtime's metadata by `tradechain-api`
//!   (`client/api/artifacts/tradechain.scale`, refreshed by `scripts/update-metadata`; every test
//!   checks that it still matches the running node).
//! - [`parachain`]: the parachain runtime's chain spec and a `polkadot-omni-node` in dev mode.

pub mod chain;
pub mod governance;
pub mod node;
pub mod parachain;

pub use node::{Node, NodeBuilder};

/// The typed interface of the runtime, its metadata and client types (`tradechain-api`).
pub use tradechain_api::{tradechain, Client, Config, METADATA};
