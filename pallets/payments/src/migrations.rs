//! Storage migrations of the payments pallet.

use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

use crate::{Config, Pallet};

/// Version 0 → 1: each open escrow's deposit moves from [`crate::HoldReason::EscrowDeposit`] to
/// [`crate::HoldReason::Escrow`], where version 1 holds it with the amount. Runs once; a chain
/// started from a genesis of this code is at version 1 already and skips it.
pub type MigrateToV1<T> = VersionedMigration<
	0,
	1,
	v1::UncheckedMigrateToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The unversioned body of [`MigrateToV1`].
pub mod v1 {
	use super::*;
	use crate::{Escrows, HoldReason};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible::MutateHold, tokens::Precision},
		weights::Weight,
	};
	use sp_runtime::Saturating;

	/// Releases each open escrow's deposit from the old reason and holds it again under
	/// [`HoldReason::Escrow`]: no funds move between accounts, total issuance is unchanged. One
	/// escrow read, two hold operations (the buyer's holds and account) per open escrow: the open
	/// escrows of a network fit one block.
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut escrows = 0u64;
			for (id, escrow) in Escrows::<T>::iter() {
				escrows.saturating_inc();
				let (who, amount) = (&escrow.deposit.who, escrow.deposit.amount);
				let moved = T::Currency::release(
					&HoldReason::EscrowDeposit.into(),
					who,
					amount,
					Precision::BestEffort,
				)
				.and_then(|released| T::Currency::hold(&HoldReason::Escrow.into(), who, released));
				if let Err(e) = moved {
					// The deposit stays with its owner (held or free); nothing is lost, and
					// try_state reports the escrow.
					log::error!(target: "runtime::payments", "escrow {id}: deposit not moved: {e:?}");
				}
			}
			// Per escrow: the escrow, the buyer's holds and account read; holds and account
			// written (twice each, counted once per key).
			T::DbWeight::get().reads_writes(escrows.saturating_mul(3), escrows.saturating_mul(2))
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}
}
