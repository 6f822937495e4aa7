//! Invariants of the payments pallet, checked by `try_state` (try-runtime), after every unit test
//! and after every step of the property test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

use crate::{BalanceOf, Config, Escrows, HoldReason, Pallet};

impl<T: Config> Pallet<T> {
	/// - Per buyer of an open escrow, what its open escrows still hold plus their deposits equals
	///   its balance on hold under [`HoldReason::Escrow`], and nothing is held under the legacy
	///   [`HoldReason::EscrowDeposit`]: no escrow without its funds. (Funds held by an account
	///   with no open escrow are not seen here: the pallet cannot list every holder.)
	/// - An escrow never released more than its amount; a partial one's shares add up to it.
	/// - No escrow's id is ahead of the chain: its block (the high 32 bits) is not in the future.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let next = Pallet::<T>::next_id();
		for (id, e) in Escrows::<T>::iter() {
			ensure!(id >> 32 <= next >> 32, "escrow id from a future block");
			ensure!(e.released <= e.amount, "released more than the amount");
			ensure!(e.released < e.amount, "a fully released escrow stayed open");
			if e.partial {
				let sum = e
					.conditions
					.iter()
					.fold(BalanceOf::<T>::zero(), |s, c| s.saturating_add(c.share));
				ensure!(sum == e.amount, "partial shares do not add up to the amount");
			}
			ensure!(e.deposit.who == e.buyer, "deposit not held from the buyer");
			let h = held.entry(e.buyer.clone()).or_insert_with(Zero::zero);
			*h = h.saturating_add(e.remaining()).saturating_add(e.deposit.amount);
		}
		for (who, sum) in held.iter() {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who) == *sum,
				"held balance differs from what the open escrows hold"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::EscrowDeposit.into(), who).is_zero(),
				"a deposit is still held apart (payments MigrateToV1 has not run)"
			);
		}
		Ok(())
	}
}
