//! Invariants of the traceability pallet, checked by `try_state` (try-runtime) and after every
//! unit test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

use crate::{Anchors, BalanceOf, Config, HoldReason, Items, Pallet};

impl<T: Config> Pallet<T> {
	/// - Each item is stored under the hash of its EPC; its history chain has exactly `events`
	///   recorded events, each with a link per item it touched; a parent exists.
	/// - Per account and reason, the recorded deposits equal what is held.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut held: [BTreeMap<T::AccountId, BalanceOf<T>>; 2] = Default::default();
		for (key, item) in Items::<T>::iter() {
			ensure!(item.epc.item_ref() == key, "item not under its EPC's hash");
			// The chain from the last event back reaches exactly `events` recorded events.
			let chain = Pallet::<T>::chain(key);
			ensure!(chain.len() as u32 == item.events, "history chain length");
			ensure!(item.last_event.is_some() == (item.events > 0), "last event");
			for (_, record) in chain.iter() {
				ensure!(
					record.previous.len() == Pallet::<T>::touched(&record.kind).len(),
					"an event's links do not match the items it touched"
				);
			}
			ensure!(
				crate::Custody::<T>::iter_prefix(key).count() as u32 == item.custody_changes,
				"custody history length"
			);
			if let Some(parent) = item.parent {
				ensure!(Items::<T>::contains_key(parent), "parent missing");
			}
			let h = held[0].entry(item.deposit.who.clone()).or_insert_with(Zero::zero);
			*h = h.saturating_add(item.deposit.amount);
		}
		for (_, anchor) in Anchors::<T>::iter() {
			ensure!(anchor.leaves > 0, "empty anchor");
			let h = held[1].entry(anchor.deposit.who.clone()).or_insert_with(Zero::zero);
			*h = h.saturating_add(anchor.deposit.amount);
		}
		for (reason, sums) in [HoldReason::Item, HoldReason::Anchor].into_iter().zip(held.iter()) {
			for (who, sum) in sums.iter() {
				ensure!(
					T::Currency::balance_on_hold(&reason.into(), who) == *sum,
					"held balance differs from the recorded deposits"
				);
			}
		}
		Ok(())
	}
}
