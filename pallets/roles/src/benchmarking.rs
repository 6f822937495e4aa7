//! Benchmarks of the roles pallet (frame-benchmarking v2), each at its worst case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tradechain_primitives::{IdentityVerifier, RoleProvider};

fn country() -> CountryCode {
	CountryCode::parse(b"DE").expect("DE is assigned")
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

fn customs<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("customs", 0, 0);
	Pallet::<T>::grant_for_benchmarks(&who, Role::CUSTOMS, country());
	who
}

fn longest_id() -> OperatorId {
	OperatorId::parse(b"DE999999999999999").expect("17 characters")
}

fn longest_reason<T: Config>() -> ReasonOf<T> {
	let len = T::MaxReasonLength::get() as usize;
	alloc::vec![b'x'; len].try_into().expect("exactly the bound")
}

/// An economic operator registered by customs, with the longest id.
fn registered<T: Config>() -> (T::AccountId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let who = funded::<T>("operator", 0);
	let kind = OperatorKind::EconomicOperator;
	Pallet::<T>::apply(RawOrigin::Signed(who.clone()).into(), kind, country(), Some(longest_id()))
		.expect("applies");
	T::IdentityVerifier::judge_for_benchmarks(&who);
	let customs = customs::<T>();
	Pallet::<T>::approve(RawOrigin::Signed(customs.clone()).into(), who.clone(), kind)
		.expect("approves");
	(who, customs)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn appoint_agency() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("agency", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), AgencyKind::CustomsAuthority, country());
		assert!(Pallet::<T>::has_role(&who, Role::CUSTOMS, country()));
		Ok(())
	}

	#[benchmark]
	fn dismiss_agency() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = customs::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), AgencyKind::CustomsAuthority);
		assert!(!Pallet::<T>::has_role(&who, Role::CUSTOMS, country()));
		Ok(())
	}

	#[benchmark]
	fn apply() {
		let who = funded::<T>("operator", 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			OperatorKind::EconomicOperator,
			country(),
			Some(longest_id()),
		);
		assert!(Applications::<T>::contains_key(&who, Role::ECONOMIC_OPERATOR));
	}

	#[benchmark]
	fn withdraw_application() {
		let who = funded::<T>("operator", 0);
		let kind = OperatorKind::EconomicOperator;
		Pallet::<T>::apply(
			RawOrigin::Signed(who.clone()).into(),
			kind,
			country(),
			Some(longest_id()),
		)
		.expect("applies");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), kind);
		assert!(!Applications::<T>::contains_key(&who, Role::ECONOMIC_OPERATOR));
	}

	#[benchmark]
	fn approve() {
		let who = funded::<T>("operator", 0);
		let kind = OperatorKind::EconomicOperator;
		Pallet::<T>::apply(
			RawOrigin::Signed(who.clone()).into(),
			kind,
			country(),
			Some(longest_id()),
		)
		.expect("applies");
		T::IdentityVerifier::judge_for_benchmarks(&who);
		let customs = customs::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), who.clone(), kind);
		assert!(Pallet::<T>::has_role(&who, Role::ECONOMIC_OPERATOR, country()));
	}

	#[benchmark]
	fn reject() {
		let who = funded::<T>("operator", 0);
		let kind = OperatorKind::EconomicOperator;
		Pallet::<T>::apply(
			RawOrigin::Signed(who.clone()).into(),
			kind,
			country(),
			Some(longest_id()),
		)
		.expect("applies");
		let customs = customs::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), who.clone(), kind, longest_reason::<T>());
		assert!(!Applications::<T>::contains_key(&who, Role::ECONOMIC_OPERATOR));
	}

	#[benchmark]
	fn suspend() {
		let (who, customs) = registered::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(customs),
			who.clone(),
			OperatorKind::EconomicOperator,
			longest_reason::<T>(),
		);
		assert!(!Pallet::<T>::has_role(&who, Role::ECONOMIC_OPERATOR, country()));
	}

	#[benchmark]
	fn reinstate() {
		let (who, customs) = registered::<T>();
		let kind = OperatorKind::EconomicOperator;
		Pallet::<T>::suspend(
			RawOrigin::Signed(customs.clone()).into(),
			who.clone(),
			kind,
			longest_reason::<T>(),
		)
		.expect("suspends");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), who.clone(), kind);
		assert!(Pallet::<T>::has_role(&who, Role::ECONOMIC_OPERATOR, country()));
	}

	#[benchmark]
	fn remove_operator() {
		let (who, customs) = registered::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(customs),
			who.clone(),
			OperatorKind::EconomicOperator,
			longest_reason::<T>(),
		);
		assert!(!Roles::<T>::contains_key(&who, Role::ECONOMIC_OPERATOR));
	}

	#[benchmark]
	fn resign() {
		let (who, _) = registered::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), OperatorKind::EconomicOperator);
		assert!(!Roles::<T>::contains_key(&who, Role::ECONOMIC_OPERATOR));
	}

	#[benchmark]
	fn set_encryption_key() {
		let (who, _) = registered::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), [7u8; 32]);
		assert!(EncryptionKeys::<T>::contains_key(&who));
	}

	#[benchmark]
	fn clear_encryption_key() {
		let (who, _) = registered::<T>();
		Pallet::<T>::set_encryption_key(RawOrigin::Signed(who.clone()).into(), [7u8; 32])
			.expect("sets");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!EncryptionKeys::<T>::contains_key(&who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
