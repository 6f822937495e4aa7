//! Invariants of the validator-set pallet, checked by `try_state` (try-runtime) and after every
//! unit test.

use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

use crate::{Config, Pallet, SessionLength, Validators};

impl<T: Config> Pallet<T> {
	/// - The validators are distinct and at least [`Config::MinValidators`].
	/// - Sessions are at least [`Config::MinSessionLength`] long.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let validators = Validators::<T>::get();
		let mut unique = validators.clone().into_inner();
		unique.sort();
		unique.dedup();
		ensure!(unique.len() == validators.len(), "duplicate validators");
		ensure!(validators.len() as u32 >= T::MinValidators::get(), "too few validators");
		ensure!(SessionLength::<T>::get() >= T::MinSessionLength::get(), "session too short");
		Ok(())
	}
}
