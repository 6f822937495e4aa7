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
	use frame_support::{pallet_prelude::*, weights::Weight};
	use sp_runtime::Saturating;

	/// Counts each account's active roles into [`Members`]. One read per role record and one
	/// write per member: the registry of a permissioned network (agencies and registered
	/// operators) fits one block.
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let _ = Members::<T>::clear(u32::MAX, None);
			let mut reads = 0u64;
			let mut writes = 0u64;
			for (who, _, record) in Roles::<T>::iter() {
				reads.saturating_inc();
				if record.status == RoleStatus::Active {
					Members::<T>::mutate(&who, |n| *n = Some(n.unwrap_or(0).saturating_add(1)));
					writes.saturating_inc();
				}
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}
}
