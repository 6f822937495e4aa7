// This file is part of Tradechain. SPDX-License-Identifier: Apache-2.0

//! Provisional weights for `pallet_customs`: regenerate with `scripts/bench-weights pallet_customs`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_customs`.
pub trait WeightInfo {
	fn set_rules(r: u32) -> Weight;
	fn set_tariff() -> Weight;
	fn authorize_broker() -> Weight;
	fn lodge(l: u32, r: u32) -> Weight;
	fn amend(l: u32, r: u32) -> Weight;
	fn withdraw() -> Weight;
	fn record_control() -> Weight;
	fn hold() -> Weight;
	fn release() -> Weight;
	fn reject() -> Weight;
	fn pay_duty() -> Weight;
	fn purge() -> Weight;
	fn on_initialize_draws(n: u32) -> Weight;
}

/// Weights for `pallet_customs` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_rules(r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes(r.into()))
	}
	fn set_tariff() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn authorize_broker() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn lodge(l: u32, r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes((l + r).into()))
	}
	fn amend(l: u32, r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes((l + r).into()))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn record_control() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn hold() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn release() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn pay_duty() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn purge() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn on_initialize_draws(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes(n.into()))
	}
}

// For tests.
impl WeightInfo for () {
	fn set_rules(r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes(r.into()))
	}
	fn set_tariff() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn authorize_broker() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn lodge(l: u32, r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes((l + r).into()))
	}
	fn amend(l: u32, r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes((l + r).into()))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn record_control() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn hold() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn release() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn pay_duty() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn purge() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_draws(n: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes(n.into()))
	}
}
