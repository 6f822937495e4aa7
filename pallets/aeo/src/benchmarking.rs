//! Benchmarks of the AEO pallet (frame-benchmarking v2), each at its worst case: longest texts,
//! an application answered by the certification.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tradechain_primitives::{AeoKind, CountryCode, Role, RoleProvider};

fn country(code: &[u8]) -> CountryCode {
	CountryCode::parse(code).expect("assigned")
}

fn member<T: Config>(name: &'static str, role: Role, of: &[u8]) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	// Past genesis, so that the time source is read.
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let who: T::AccountId = account(name, 0, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	T::Roles::grant_for_benchmarks(&who, role, country(of));
	who
}

fn longest_text<T: Config>() -> TextOf<T> {
	BoundedVec::try_from(alloc::vec![b'R'; T::MaxTextLength::get() as usize]).expect("bound")
}

/// Customs of Kenya and a Kenyan operator holding an AEO-F certificate.
fn certified<T: Config>() -> (T::AccountId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let customs = member::<T>("customs", Role::CUSTOMS, b"KE");
	let operator = member::<T>("operator", Role::ECONOMIC_OPERATOR, b"KE");
	Pallet::<T>::certify(
		RawOrigin::Signed(customs.clone()).into(),
		operator.clone(),
		AeoKind::Full,
		longest_text::<T>(),
		0,
		u64::MAX,
	)
	.expect("certifies");
	(customs, operator)
}

/// Countries without an MRA in the development preset (which has KE–DE).
const A: &[u8; 2] = b"FR";
const B: &[u8; 2] = b"JP";

/// Customs of `A` and of `B`, `A` having proposed an MRA.
fn proposed<T: Config>() -> (T::AccountId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let a = member::<T>("customs-a", Role::CUSTOMS, A);
	let b = member::<T>("customs-b", Role::CUSTOMS, B);
	Pallet::<T>::propose_mra(RawOrigin::Signed(a.clone()).into(), country(B), AeoKind::Full)
		.expect("proposes");
	(a, b)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply() {
		let operator = member::<T>("operator", Role::ECONOMIC_OPERATOR, b"KE");
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), AeoKind::Full);
		assert!(Applications::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn withdraw_application() {
		let operator = member::<T>("operator", Role::ECONOMIC_OPERATOR, b"KE");
		Pallet::<T>::apply(RawOrigin::Signed(operator.clone()).into(), AeoKind::Full)
			.expect("applies");
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()));
		assert!(!Applications::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn certify() {
		let customs = member::<T>("customs", Role::CUSTOMS, b"KE");
		// A carrier: the operator-role lookup tries the economic-operator role first.
		let operator = member::<T>("operator", Role::CARRIER, b"KE");
		Pallet::<T>::apply(RawOrigin::Signed(operator.clone()).into(), AeoKind::Full)
			.expect("applies");
		#[extrinsic_call]
		_(
			RawOrigin::Signed(customs),
			operator.clone(),
			AeoKind::Full,
			longest_text::<T>(),
			0,
			u64::MAX,
		);
		assert!(Certificates::<T>::contains_key(&operator));
		assert!(!Applications::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn reject_application() {
		let customs = member::<T>("customs", Role::CUSTOMS, b"KE");
		let operator = member::<T>("operator", Role::ECONOMIC_OPERATOR, b"KE");
		Pallet::<T>::apply(RawOrigin::Signed(operator.clone()).into(), AeoKind::Full)
			.expect("applies");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), operator.clone(), longest_text::<T>());
		assert!(!Applications::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn suspend() {
		let (customs, operator) = certified::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), operator.clone(), longest_text::<T>());
		assert!(matches!(
			Certificates::<T>::get(&operator).expect("certified").state,
			AeoState::Suspended { .. }
		));
	}

	#[benchmark]
	fn reinstate() {
		let (customs, operator) = certified::<T>();
		Pallet::<T>::suspend(
			RawOrigin::Signed(customs.clone()).into(),
			operator.clone(),
			longest_text::<T>(),
		)
		.expect("suspends");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), operator.clone());
		assert_eq!(Certificates::<T>::get(&operator).expect("certified").state, AeoState::Active);
	}

	#[benchmark]
	fn revoke() {
		let (customs, operator) = certified::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), operator.clone(), longest_text::<T>());
		assert!(matches!(
			Certificates::<T>::get(&operator).expect("certified").state,
			AeoState::Revoked { .. }
		));
	}

	#[benchmark]
	fn propose_mra() {
		let customs = member::<T>("customs-a", Role::CUSTOMS, A);
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), country(B), AeoKind::Full);
		assert!(Mras::<T>::contains_key(mra_key(country(A), country(B))));
	}

	#[benchmark]
	fn accept_mra() {
		let (_, b) = proposed::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(b), country(A));
		assert!(matches!(
			Mras::<T>::get(mra_key(country(A), country(B))).expect("exists").state,
			MraState::InForce { .. }
		));
	}

	#[benchmark]
	fn end_mra() {
		let (_, b) = proposed::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(b), country(A));
		assert!(!Mras::<T>::contains_key(mra_key(country(A), country(B))));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
