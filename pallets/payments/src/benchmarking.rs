//! Benchmarks of the payments pallet (frame-benchmarking v2). `create` and `release` are measured
//! over the number of conditions; `release` at its worst, every condition read from another
//! domain (certificates of origin and bills of lading, alternately) and holding.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::{traits::Bounded, Perbill};
use tradechain_primitives::BenchmarkTime as _;
use tradechain_primitives::{
	document_hash, CertificateProvider, CountryCode, DutyPayment, Role, RoleProvider,
	TransferableDocuments,
};

const NOW: u64 = 1_795_000_000_000;
const DAY: u64 = 86_400_000;

fn de() -> CountryCode {
	CountryCode::parse(b"DE").expect("assigned")
}

fn member<T: Config>(name: &'static str, role: Role) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	endow::<T>(account(name, 0, 0), role)
}

/// `who` funded and holding `role`; the block number and time set.
fn endow<T: Config>(who: T::AccountId, role: Role) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	T::BenchmarkHelper::set_time(NOW);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	T::Roles::grant_for_benchmarks(&who, role, de());
	who
}

fn amount<T: Config>() -> BalanceOf<T> {
	T::MinEscrow::get() * T::MaxConditions::get().into()
}

/// `c` conditions from other domains, each made to hold for `buyer` when `hold` is true.
fn external<T: Config>(c: u32, buyer: &T::AccountId, hold: bool) -> NewConditionsOf<T> {
	let list: Vec<_> = (0..c)
		.map(|i| {
			let hash = document_hash(&i.to_le_bytes());
			let condition = if i % 2 == 0 {
				if hold {
					T::Certificates::make_usable_for_benchmarks(&hash, buyer, de(), None);
				}
				Condition::CertificateValid { certificate: hash, destination: de() }
			} else {
				if hold {
					T::Bills::surrender_for_benchmarks(&hash);
				}
				Condition::BillOfLadingSurrendered { bill: hash }
			};
			(condition, T::MinEscrow::get())
		})
		.collect();
	list.try_into().expect("within MaxConditions")
}

/// An open escrow with the most approval conditions (all naming `party`); returns its id, buyer
/// and seller.
fn open_escrow<T: Config>(party: &T::AccountId) -> (EscrowId, T::AccountId, T::AccountId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let buyer = member::<T>("buyer", Role::ECONOMIC_OPERATOR);
	let seller = member::<T>("seller", Role::ECONOMIC_OPERATOR);
	let arbiter = member::<T>("arbiter", Role::ARBITER);
	let list: Vec<_> = (0..T::MaxConditions::get())
		.map(|_| (Condition::ApprovedBy { party: party.clone() }, BalanceOf::<T>::zero()))
		.collect();
	let id = Pallet::<T>::next_id();
	Pallet::<T>::create(
		RawOrigin::Signed(buyer.clone()).into(),
		seller.clone(),
		arbiter,
		amount::<T>(),
		list.try_into().expect("within MaxConditions"),
		false,
		NOW + DAY,
		Some(document_hash(b"contract")),
	)
	.expect("creates");
	(id, buyer, seller)
}

use sp_runtime::traits::Zero;

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create(c: Linear<1, { T::MaxConditions::get() }>) {
		// The signer's account is written by the transaction fee anyway: whitelisted.
		let buyer = endow::<T>(whitelisted_caller(), Role::ECONOMIC_OPERATOR);
		let seller = member::<T>("seller", Role::ECONOMIC_OPERATOR);
		let arbiter = member::<T>("arbiter", Role::ARBITER);
		let conditions = external::<T>(c, &buyer, false);
		let total = T::MinEscrow::get() * c.into();
		let id = Pallet::<T>::next_id();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(buyer),
			seller,
			arbiter,
			total,
			conditions,
			true,
			NOW + DAY,
			Some(document_hash(b"contract")),
		);
		assert!(Escrows::<T>::contains_key(id));
	}

	#[benchmark]
	fn approve() {
		let bank = member::<T>("bank", Role::BANK);
		let (id, ..) = open_escrow::<T>(&bank);
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), id);
		assert!(Escrows::<T>::get(id).expect("open").conditions.iter().all(|c| c.met));
	}

	#[benchmark]
	fn release(c: Linear<1, { T::MaxConditions::get() }>) {
		let buyer = member::<T>("buyer", Role::ECONOMIC_OPERATOR);
		let seller = member::<T>("seller", Role::ECONOMIC_OPERATOR);
		let arbiter = member::<T>("arbiter", Role::ARBITER);
		let conditions = external::<T>(c, &buyer, true);
		let id = Pallet::<T>::next_id();
		Pallet::<T>::create(
			RawOrigin::Signed(buyer).into(),
			seller.clone(),
			arbiter,
			T::MinEscrow::get() * c.into(),
			conditions,
			true,
			NOW + DAY,
			None,
		)
		.expect("creates");
		// Anyone may release: a third party (whitelisted, as every signer), so that the seller's
		// account is counted.
		let caller = endow::<T>(whitelisted_caller(), Role::BANK);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(!Escrows::<T>::contains_key(id));
	}

	#[benchmark]
	fn refund() {
		let bank = member::<T>("bank", Role::BANK);
		let (id, buyer, _) = open_escrow::<T>(&bank);
		Escrows::<T>::mutate(id, |e| {
			if let Some(e) = e {
				e.deadline = NOW - 1
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);
		assert!(!Escrows::<T>::contains_key(id));
	}

	#[benchmark]
	fn dispute() {
		let bank = member::<T>("bank", Role::BANK);
		let (id, buyer, _) = open_escrow::<T>(&bank);
		let reason =
			alloc::vec![b'R'; T::MaxReasonLength::get() as usize].try_into().expect("bound");
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id, reason);
		assert!(matches!(Escrows::<T>::get(id).expect("open").state, EscrowState::Disputed { .. }));
	}

	#[benchmark]
	fn settle() {
		let bank = member::<T>("bank", Role::BANK);
		let (id, buyer, _) = open_escrow::<T>(&bank);
		Pallet::<T>::dispute(RawOrigin::Signed(buyer).into(), id, Default::default())
			.expect("disputes");
		let arbiter = Escrows::<T>::get(id).expect("open").arbiter;
		#[extrinsic_call]
		_(RawOrigin::Signed(arbiter), id, Settlement { seller_share: Perbill::from_percent(70) });
		assert!(!Escrows::<T>::contains_key(id));
	}

	#[benchmark]
	fn settle_deferred_duty() {
		let payer = member::<T>("declarant", Role::ECONOMIC_OPERATOR);
		let owed = T::MinEscrow::get() * 10u32.into();
		Pallet::<T>::defer(&payer, de(), 1, owed).expect("defers");
		#[extrinsic_call]
		_(RawOrigin::Signed(payer.clone()), de(), owed);
		assert!(Pallet::<T>::deferred(&payer, de()).is_zero());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
