//! `impl X::Config for Runtime`, one file per concern.
//!
//! - [`system`]: frame-system, timestamp, Aura, GRANDPA: blocks, time and consensus.
//! - [`currency`]: balances (with holds and freezes) and transaction payment.
//! - [`accounts`]: sudo, utility, multisig and identity.
//! - [`governance`]: council, emergency committee, validator set and sessions, pause and safe mode.
//! - [`trade`]: the trade pallets and the traits that connect them.

pub mod accounts;
pub mod currency;
pub mod governance;
pub mod system;
pub mod trade;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
