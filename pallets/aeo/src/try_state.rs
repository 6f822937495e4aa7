//! Invariants of the AEO pallet, checked by `try_state` (try-runtime) and after every unit test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, TryRuntimeError};

use crate::{mra_key, Applications, BalanceOf, Certificates, Config, HoldReason, Mras, Pallet};

impl<T: Config> Pallet<T> {
	/// - A certificate's validity period is not empty.
	/// - An MRA is stored under its ordered pair of two different countries, one of which
	///   proposed it.
	/// - Each application's deposit is held from the applicant, and the recorded deposits add up
	///   to what is held.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (_, cert) in Certificates::<T>::iter() {
			ensure!(cert.valid_until > cert.valid_from, "empty validity period");
		}
		for ((a, b), mra) in Mras::<T>::iter() {
			ensure!(a < b, "MRA key not an ordered pair of two countries");
			ensure!((a, b) == mra_key(a, b), "MRA key out of order");
			ensure!(mra.proposer == a || mra.proposer == b, "MRA proposer not a party");
		}
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (operator, app) in Applications::<T>::iter() {
			ensure!(app.deposit.who == operator, "application deposit not the applicant's");
			*held.entry(operator).or_insert_with(Zero::zero) += app.deposit.amount;
		}
		for (who, sum) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Application.into(), &who) == sum,
				"held balance differs from the recorded deposits"
			);
		}
		Ok(())
	}
}
