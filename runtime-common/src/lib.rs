//! # What every Tradechain runtime shares
//!
//! Tradechain runs standalone (`tradechain-runtime`: Aura and GRANDPA, the node in `node/`) or
//! as a parachain (`tradechain-parachain-runtime`, run by `polkadot-omni-node`). The trade pallets
//! must not care which, and the two runtimes must not drift apart: this crate is the one place
//! that defines how they are wired.
//!
//! - [`currency`]: the operational unit, the existential deposit and the storage deposit formula.
//! - [`trade`]: every trade pallet's parameters (deposits, bounds, retention periods) and the
//!   glue types between pallets; the macro [`impl_trade_pallets!`] writes `impl X::Config for
//!   Runtime` for pallet-identity and the seven trade pallets.
//! - [`apis`]: [`impl_tradechain_runtime_apis!`], every runtime API the runtimes share (the
//!   trade APIs among them); each runtime adds only its consensus-specific ones.
//! - [`genesis`]: identities seeded at genesis (pallet-identity has no genesis config of its
//!   own) and the development roles both runtimes' presets start from.
//!
//! A runtime differs in consensus, block limits, governance and (for the parachain) XCM; what a
//! certificate of origin, a declaration or an escrow is, and what it costs to store, is the same.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod apis;
pub mod currency;
pub mod genesis;
pub mod trade;

/// Account identifier of every Tradechain runtime (an sr25519/ed25519/ecdsa public key or its
/// hash, as `MultiSignature` makes it).
pub type AccountId = sp_runtime::AccountId32;
/// Balance of an account, in the smallest unit (see [`currency::UNIT`]).
pub type Balance = u128;

/// The storage keys the runtime's benchmarks count as already read and written in the block:
/// those the pallets declare (`#[pallet::whitelist_storage]`: frame-system's block number,
/// events, execution phase, …) and `Timestamp::Now`. The mandatory timestamp inherent sets `Now`
/// before any transaction of every block, standalone and as a parachain, so a transaction's read
/// of it is served from the block's overlay and is already in the proof; charging a database read
/// for it would overprice every call that checks a deadline.
#[cfg(feature = "runtime-benchmarks")]
pub fn benchmark_whitelist<Runtime, AllPallets>(
) -> alloc::vec::Vec<frame_support::traits::TrackedStorageKey>
where
	Runtime: pallet_timestamp::Config,
	AllPallets: frame_support::traits::WhitelistedStorageKeys,
{
	let mut keys = AllPallets::whitelisted_storage_keys();
	keys.push(pallet_timestamp::Now::<Runtime>::hashed_key().to_vec().into());
	keys
}
