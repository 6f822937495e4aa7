//! Benchmarks of the validator-set pallet (frame-benchmarking v2), over the size of the set.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

/// A set of `n` validators (keys registered), replacing the genesis one.
fn set_of<T: Config>(n: u32) -> alloc::vec::Vec<T::AccountId> {
	let validators: alloc::vec::Vec<T::AccountId> =
		(0..n).map(|i| account("validator", i, 0)).collect();
	for v in &validators {
		T::BenchmarkHelper::register_keys(v);
	}
	Validators::<T>::put(ValidatorsOf::<T>::truncate_from(validators.clone()));
	validators
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Adding to a set of `v - 1` validators (the new one is compared with each).
	#[benchmark]
	fn add_validator(v: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		set_of::<T>(v - 1);
		let joiner: T::AccountId = account("joiner", 0, 0);
		T::BenchmarkHelper::register_keys(&joiner);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, joiner.clone());

		assert!(Validators::<T>::get().contains(&joiner));
		Ok(())
	}

	/// Removing the last of `v` validators.
	#[benchmark]
	fn remove_validator(
		v: Linear<{ T::MinValidators::get() + 1 }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let set = set_of::<T>(v);
		let leaver = set.last().cloned().expect("v >= 2");
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaver.clone());

		assert!(!Validators::<T>::get().contains(&leaver));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = T::MinSessionLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(SessionLength::<T>::get(), blocks);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
