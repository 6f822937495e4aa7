// This file is part of Tradechain. SPDX-License-Identifier: Apache-2.0

//! Provisional weights for `pallet_traceability`: regenerate with `scripts/bench-weights pallet_traceability`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_traceability`.
pub trait WeightInfo {
	fn create_item() -> Weight;
	fn record_event(n: u32) -> Weight;
	fn offer_custody() -> Weight;
	fn accept_custody() -> Weight;
	fn cancel_custody() -> Weight;
	fn set_conditions() -> Weight;
	fn anchor_readings() -> Weight;
}

/// Weights for `pallet_traceability` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_item() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn record_event(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes(n.into()))
	}
	fn offer_custody() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn accept_custody() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn cancel_custody() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_conditions() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn anchor_readings() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

// For tests.
impl WeightInfo for () {
	fn create_item() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn record_event(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes(n.into()))
	}
	fn offer_custody() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn accept_custody() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn cancel_custody() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_conditions() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn anchor_readings() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}
