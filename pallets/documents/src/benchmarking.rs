//! Benchmarks of the documents pallet (frame-benchmarking v2), each at its worst case: longest
//! reference, longest envelope, fullest history.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tradechain_primitives::{
	document_hash, CountryCode, EncryptionKeyProvider, Role, RoleProvider,
};

fn member<T: Config>(name: &'static str, role: Role) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	// Past genesis, so that the time source reports a real time.
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let who: T::AccountId = account(name, 0, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	T::Roles::grant_for_benchmarks(&who, role, CountryCode::parse(b"DE").expect("assigned"));
	who
}

fn longest_reference<T: Config>() -> Option<ReferenceOf<T>> {
	Some(
		BoundedVec::try_from(alloc::vec![b'R'; T::MaxReferenceLength::get() as usize])
			.expect("bound"),
	)
}

fn longest_envelope<T: Config>() -> EnvelopeOf<T> {
	BoundedVec::try_from(alloc::vec![7u8; T::MaxEnvelopeLength::get() as usize]).expect("bound")
}

fn hash(i: u32) -> DocumentHash {
	document_hash(&i.to_le_bytes())
}

/// A bill of lading issued by a carrier to a shipper, endorsed back and forth until only the room
/// for one endorsement and the surrender is left. Returns (carrier, holder, other member).
fn bill_with_full_history<T: Config>() -> (T::AccountId, T::AccountId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let carrier = member::<T>("carrier", Role::CARRIER);
	let a = member::<T>("shipper", Role::ECONOMIC_OPERATOR);
	let b = member::<T>("bank", Role::BANK);
	Pallet::<T>::issue_transferable(
		RawOrigin::Signed(carrier.clone()).into(),
		hash(0),
		a.clone(),
		longest_reference::<T>(),
	)
	.expect("issues");
	let (mut holder, mut other) = (a, b);
	while (Transferables::<T>::get(hash(0)).expect("issued").history.len() as u32) + 3
		<= T::MaxHistory::get()
	{
		Pallet::<T>::endorse(RawOrigin::Signed(holder.clone()).into(), hash(0), other.clone())
			.expect("endorses");
		Pallet::<T>::accept_endorsement(RawOrigin::Signed(other.clone()).into(), hash(0))
			.expect("accepts");
		core::mem::swap(&mut holder, &mut other);
	}
	(carrier, holder, other)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn anchor() {
		let who = member::<T>("shipper", Role::ECONOMIC_OPERATOR);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(1), DocumentKind::Invoice, longest_reference::<T>());
		assert!(Documents::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn remove() {
		let who = member::<T>("shipper", Role::ECONOMIC_OPERATOR);
		Pallet::<T>::anchor(
			RawOrigin::Signed(who.clone()).into(),
			hash(1),
			DocumentKind::Invoice,
			longest_reference::<T>(),
		)
		.expect("anchors");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(1));
		assert!(!Documents::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn grant_access() {
		let who = member::<T>("shipper", Role::ECONOMIC_OPERATOR);
		let reader = member::<T>("customs", Role::CUSTOMS);
		T::EncryptionKeys::set_for_benchmarks(&reader, [9u8; 32]);
		Pallet::<T>::anchor(
			RawOrigin::Signed(who.clone()).into(),
			hash(1),
			DocumentKind::Invoice,
			None,
		)
		.expect("anchors");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(1), reader.clone(), longest_envelope::<T>());
		assert!(Grants::<T>::contains_key(hash(1), &reader));
	}

	#[benchmark]
	fn revoke_access() {
		let who = member::<T>("shipper", Role::ECONOMIC_OPERATOR);
		let reader = member::<T>("customs", Role::CUSTOMS);
		T::EncryptionKeys::set_for_benchmarks(&reader, [9u8; 32]);
		Pallet::<T>::anchor(
			RawOrigin::Signed(who.clone()).into(),
			hash(1),
			DocumentKind::Invoice,
			None,
		)
		.expect("anchors");
		Pallet::<T>::grant_access(
			RawOrigin::Signed(who.clone()).into(),
			hash(1),
			reader.clone(),
			longest_envelope::<T>(),
		)
		.expect("grants");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(1), reader.clone());
		assert!(!Grants::<T>::contains_key(hash(1), &reader));
	}

	#[benchmark]
	fn issue_transferable() {
		let carrier = member::<T>("carrier", Role::CARRIER);
		let holder = member::<T>("shipper", Role::ECONOMIC_OPERATOR);
		#[extrinsic_call]
		_(RawOrigin::Signed(carrier), hash(0), holder, longest_reference::<T>());
		assert!(Transferables::<T>::contains_key(hash(0)));
	}

	#[benchmark]
	fn endorse() {
		let (_, holder, other) = bill_with_full_history::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), hash(0), other);
	}

	#[benchmark]
	fn accept_endorsement() {
		let (_, holder, other) = bill_with_full_history::<T>();
		Pallet::<T>::endorse(RawOrigin::Signed(holder).into(), hash(0), other.clone())
			.expect("endorses");
		#[extrinsic_call]
		_(RawOrigin::Signed(other.clone()), hash(0));
		assert_eq!(Transferables::<T>::get(hash(0)).expect("exists").holder, other);
	}

	#[benchmark]
	fn cancel_endorsement() {
		let (_, holder, other) = bill_with_full_history::<T>();
		Pallet::<T>::endorse(RawOrigin::Signed(holder.clone()).into(), hash(0), other)
			.expect("endorses");
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), hash(0));
	}

	#[benchmark]
	fn surrender() {
		let (_, holder, _) = bill_with_full_history::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), hash(0));
		assert_eq!(
			Transferables::<T>::get(hash(0)).expect("exists").status,
			TransferStatus::Surrendered
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
