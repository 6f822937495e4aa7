//! Invariants of the roles registry, checked by `try_state` (try-runtime) and after every unit
//! test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, TryRuntimeError};

use crate::{
	Applications, BalanceOf, Config, EncryptionKeys, HoldReason, Members, OperatorIds, Pallet,
	RoleStatus, Roles,
};

impl<T: Config> Pallet<T> {
	/// - Every deposit is held from the record's own account, and each account's recorded deposits
	///   add up to exactly what is held from it under each of this pallet's reasons.
	/// - Every operator id points at an account that holds or applied for a role with that id, and
	///   every id on a record or application is indexed.
	/// - [`Members`] counts exactly each account's active roles, and has no entry for none.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut registration: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut keys: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut ids = 0u32;
		let mut active: BTreeMap<T::AccountId, u32> = BTreeMap::new();

		for (who, _, record) in Roles::<T>::iter() {
			if record.status == RoleStatus::Active {
				*active.entry(who.clone()).or_default() += 1;
			}
			if let Some(deposit) = &record.deposit {
				ensure!(deposit.who == who, "role deposit held from another account");
				let sum = registration.entry(who.clone()).or_insert_with(Zero::zero);
				*sum += deposit.amount;
			}
			if let Some(id) = &record.operator_id {
				ensure!(
					OperatorIds::<T>::get(record.country, id).as_ref() == Some(&who),
					"role's operator id is not indexed to its holder"
				);
				ids += 1;
			}
		}
		for (who, _, application) in Applications::<T>::iter() {
			ensure!(
				application.deposit.who == who,
				"application deposit held from another account"
			);
			let sum = registration.entry(who.clone()).or_insert_with(Zero::zero);
			*sum += application.deposit.amount;
			if let Some(id) = &application.operator_id {
				ensure!(
					OperatorIds::<T>::get(application.country, id).as_ref() == Some(&who),
					"application's operator id is not indexed to its applicant"
				);
				ids += 1;
			}
		}
		ensure!(
			OperatorIds::<T>::iter().count() as u32 == ids,
			"operator id index has stale entries"
		);

		ensure!(
			Members::<T>::iter().collect::<BTreeMap<_, _>>() == active,
			"member counts differ from the active roles"
		);

		for (who, record) in EncryptionKeys::<T>::iter() {
			ensure!(record.deposit.who == who, "key deposit held from another account");
			keys.insert(who, record.deposit.amount);
		}

		for (reason, sums) in
			[(HoldReason::Registration, &registration), (HoldReason::EncryptionKey, &keys)]
		{
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
