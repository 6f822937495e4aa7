//! Invariants of the documents pallet, checked by `try_state` (try-runtime) and after every unit
//! test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, TryRuntimeError};

use crate::{
	BalanceOf, Config, Documents, Grants, HoldReason, Pallet, TransferStatus, Transferables,
};

impl<T: Config> Pallet<T> {
	/// - Each document's grant count equals its envelopes, and no envelope outlives its document.
	/// - Every transferable document is anchored and flagged so; a pending endorsee is not the
	///   holder; the history starts with the issuance.
	/// - Per account and reason, the recorded deposits add up to what is held.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut documents: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut grants: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut transferables = 0usize;

		for (hash, doc) in Documents::<T>::iter() {
			ensure!(doc.deposit.who == doc.owner, "document deposit held from another account");
			*documents.entry(doc.owner.clone()).or_insert_with(Zero::zero) += doc.deposit.amount;
			ensure!(
				Grants::<T>::iter_prefix(hash).count() as u32 == doc.grants,
				"grant count differs from the envelopes"
			);
			ensure!(
				doc.transferable == Transferables::<T>::contains_key(hash),
				"transferable flag is wrong"
			);
		}
		for (hash, _, grant) in Grants::<T>::iter() {
			let doc = Documents::<T>::get(hash).ok_or("envelope of a missing document")?;
			ensure!(
				grant.deposit.who == doc.owner,
				"grant deposit held from another account than the owner"
			);
			*grants.entry(grant.deposit.who.clone()).or_insert_with(Zero::zero) +=
				grant.deposit.amount;
		}
		for (hash, t) in Transferables::<T>::iter() {
			transferables += 1;
			let doc = Documents::<T>::get(hash).ok_or("transferable document not anchored")?;
			ensure!(doc.owner == t.carrier, "a transferable document is owned by its carrier");
			if let TransferStatus::EndorsementPending { to } = &t.status {
				ensure!(*to != t.holder, "endorsement pending to the holder itself");
			}
			ensure!(
				matches!(
					t.history.first().map(|e| &e.action),
					Some(crate::TransferAction::Issued { .. })
				),
				"history does not start with the issuance"
			);
		}
		ensure!(
			Documents::<T>::iter_values().filter(|d| d.transferable).count() == transferables,
			"transferable documents and flags differ"
		);

		for (reason, sums) in [(HoldReason::Document, &documents), (HoldReason::Grant, &grants)] {
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
