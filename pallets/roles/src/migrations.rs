//! Storage migrations of the roles pallet.

use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

use crate::{Config, Pallet};

/// Version 0 → 1: builds [`crate::Members`] (active roles per account) from [`crate::Roles`].
/// Runs once; a chain already at version 1 (every chain started from a genesis of this code)
/// skips it.
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
	use crate::{Members, RoleStatus, Roles};
	use alloc::collections::btree_map::BTreeMap;
	use frame_support::{pallet_prelude::*, weights::Weight};
	use sp_runtime::Saturating;

	/// Counts each account's active roles into [`Members`]: one read per role record, one
	/// write per member. The registry of a permissioned network (agencies and registered
	/// operators) fits one block.
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut records = 0u64;
			let mut counts: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			for (who, _, record) in Roles::<T>::iter() {
				records.saturating_inc();
				if record.status == RoleStatus::Active {
					counts.entry(who).or_default().saturating_inc();
				}
			}
			// Version 0 has no counts; clearing covers a partial earlier attempt.
			let cleared = Members::<T>::clear(u32::MAX, None).unique as u64;
			let members = counts.len() as u64;
			for (who, n) in counts {
				Members::<T>::insert(who, n);
			}
			T::DbWeight::get()
				.reads_writes(records.saturating_add(cleared), members.saturating_add(cleared))
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}
}
