// This file is part of Tradechain. SPDX-License-Identifier: Apache-2.0

//! Provisional weights for `pallet_certificates_of_origin`: regenerate with `scripts/bench-weights pallet_certificates_of_origin`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_certificates_of_origin`.
pub trait WeightInfo {
	fn set_agreement() -> Weight;
	fn remove_agreement() -> Weight;
	fn apply() -> Weight;
	fn withdraw_application() -> Weight;
	fn approve_application() -> Weight;
	fn reject_application() -> Weight;
	fn issue() -> Weight;
	fn replace() -> Weight;
	fn revoke() -> Weight;
	fn accept() -> Weight;
	fn reject() -> Weight;
	fn anchor_batch() -> Weight;
	fn revoke_batch_certificate() -> Weight;
	fn purge() -> Weight;
	fn purge_batch(r: u32) -> Weight;
}

/// Weights for `pallet_certificates_of_origin` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_agreement() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn remove_agreement() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn apply() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn approve_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn reject_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn issue() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn replace() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn accept() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn anchor_batch() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn revoke_batch_certificate() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn purge() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn purge_batch(r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads(6_u64)).saturating_add(T::DbWeight::get().writes(4_u64)).saturating_add(T::DbWeight::get().writes(r.into()))
	}
}

// For tests.
impl WeightInfo for () {
	fn set_agreement() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_agreement() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn apply() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn approve_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reject_application() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn issue() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn replace() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn accept() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reject() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn anchor_batch() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn revoke_batch_certificate() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn purge() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn purge_batch(r: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(ParityDbWeight::get().reads(6_u64)).saturating_add(ParityDbWeight::get().writes(4_u64)).saturating_add(ParityDbWeight::get().writes(r.into()))
	}
}
