//! Invariants of the certificates-of-origin pallet, checked by `try_state` (try-runtime) and
//! after every unit test.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, TryRuntimeError};

use crate::{
	Agreements, Applications, BalanceOf, Batches, CertificateState, Certificates, Config,
	HoldReason, NextApplicationId, Pallet, RevokedLeaves,
};

impl<T: Config> Pallet<T> {
	/// - Agreements have partners and never list their own country.
	/// - A certificate's deposit is held from its issuer; a replaced certificate's amendment exists
	///   and points back to it; origin and destination differ.
	/// - Application ids are below the next id; each deposit is held from the exporter.
	/// - Each batch's revoked count equals its revoked certificates, within its size.
	/// - Per account and reason, the recorded deposits add up to what is held.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (country, _, agreement) in Agreements::<T>::iter() {
			ensure!(!agreement.partners.is_empty(), "agreement without partners");
			ensure!(!agreement.partners.contains(&country), "agreement lists its own country");
		}

		let mut held: [BTreeMap<T::AccountId, BalanceOf<T>>; 3] = Default::default();
		let mut add = |slot: usize, who: &T::AccountId, amount: BalanceOf<T>| {
			*held[slot].entry(who.clone()).or_insert_with(Zero::zero) += amount;
		};

		for (hash, cert) in Certificates::<T>::iter() {
			ensure!(cert.deposit.who == cert.issuer, "certificate deposit not held from issuer");
			ensure!(cert.origin != cert.details.destination, "origin equals destination");
			if let CertificateState::Replaced { by, .. } = cert.state {
				// The amendment may have been purged since.
				if let Some(amendment) = Certificates::<T>::get(by) {
					ensure!(amendment.replaces == Some(hash), "amendment does not point back");
				}
			}
			add(0, &cert.deposit.who, cert.deposit.amount);
		}

		let next = NextApplicationId::<T>::get();
		for (id, app) in Applications::<T>::iter() {
			ensure!(id < next, "application id not below the next id");
			ensure!(app.deposit.who == app.details.exporter, "application deposit not exporter's");
			add(2, &app.deposit.who, app.deposit.amount);
		}

		for (root, batch) in Batches::<T>::iter() {
			ensure!(batch.leaves > 0, "empty batch");
			ensure!(batch.deposit.who == batch.issuer, "batch deposit not held from issuer");
			let revoked = RevokedLeaves::<T>::iter_prefix(root).count() as u32;
			ensure!(revoked == batch.revoked, "revoked count differs from revocations");
			ensure!(batch.revoked <= batch.leaves, "more revoked than leaves");
			add(1, &batch.deposit.who, batch.deposit.amount);
		}
		for (root, _, _) in RevokedLeaves::<T>::iter() {
			ensure!(Batches::<T>::contains_key(root), "revocation of a missing batch");
		}

		let reasons = [HoldReason::Certificate, HoldReason::Batch, HoldReason::Application];
		for (reason, sums) in reasons.into_iter().zip(held.iter()) {
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
