//! Storage migrations of the customs pallet.

use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

use crate::{Config, Pallet};

/// Version 0 → 1: `Customs::Lodging` (the next declaration id and the draw list in one value,
/// decoded and re-encoded by every lodging) becomes [`crate::NextDeclarationId`] and the
/// append-only [`crate::PendingDraws`]. Runs once; a chain started from a genesis of this code is
/// at version 1 already and skips it.
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
	use crate::{NextDeclarationId, PendingDraws};
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, storage_alias, weights::Weight};
	use tradechain_primitives::DeclarationId;

	/// Version 0's single item: the next id, then the declarations lodged in the block.
	#[storage_alias]
	pub type Lodging<T: Config> = StorageValue<Pallet<T>, (DeclarationId, Vec<DeclarationId>)>;

	/// Moves the next id and the draw list out of `Lodging` and removes it. The draw list is
	/// written whole, without `MaxLodgingsPerBlock`'s bound: the upgrade block's `on_initialize`,
	/// which runs after the migration, draws every declaration of the block before it (it reads
	/// the list without the bound).
	pub struct UncheckedMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let Some((next, pending)) = Lodging::<T>::take() else {
				return T::DbWeight::get().reads(1);
			};
			NextDeclarationId::<T>::put(next);
			if !pending.is_empty() {
				frame_support::storage::unhashed::put(&PendingDraws::<T>::hashed_key(), &pending);
			}
			T::DbWeight::get().reads_writes(1, 3)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok(Lodging::<T>::get().unwrap_or_default().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (next, pending) = <(DeclarationId, Vec<DeclarationId>)>::decode(&mut &state[..])
				.map_err(|_| "pre_upgrade state")?;
			ensure!(!Lodging::<T>::exists(), "Lodging not removed");
			ensure!(NextDeclarationId::<T>::get() == next, "next declaration id changed");
			ensure!(Pallet::<T>::pending_draws() == pending, "draw list changed");
			Pallet::<T>::do_try_state()
		}
	}
}
