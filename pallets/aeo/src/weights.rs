// This file is part of Tradechain. SPDX-License-Identifier: Apache-2.0

//! Provisional weights for `pallet_aeo`: regenerate with `scripts/bench-weights pallet_aeo`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_aeo`.
pub trait WeightInfo {
	fn apply() -> Weight;
	fn withdraw_application() -> Weight;
	fn certify() -> Weight;
	fn reject_application() -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn revoke() -> Weight;
	fn propose_mra() -> Weight;
	fn accept_mra() -> Weight;
	fn end_mra() -> Weight;
}

/// Weights for `pallet_aeo` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn apply() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn certify() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn reject_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn propose_mra() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn accept_mra() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn end_mra() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn apply() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn certify() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reject_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn propose_mra() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn accept_mra() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn end_mra() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}
