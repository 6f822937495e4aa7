// This file is part of Tradechain. SPDX-License-Identifier: Apache-2.0

//! Provisional weights for `pallet_payments`: regenerate with `scripts/bench-weights pallet_payments`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_payments`.
pub trait WeightInfo {
	fn create(c: u32) -> Weight;
	fn approve() -> Weight;
	fn release(c: u32) -> Weight;
	fn refund() -> Weight;
	fn dispute() -> Weight;
	fn settle() -> Weight;
	fn settle_deferred_duty() -> Weight;
}

/// Weights for `pallet_payments` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create(c: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes(c.into()))
	}
	fn approve() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn release(c: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes(c.into()))
	}
	fn refund() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn settle_deferred_duty() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn create(c: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes(c.into()))
	}
	fn approve() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn release(c: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes(c.into()))
	}
	fn refund() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn settle_deferred_duty() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}
