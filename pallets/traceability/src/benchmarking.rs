//! Benchmarks of the traceability pallet (frame-benchmarking v2). `record_event` is measured over
//! the number of items an event touches, at its worst, separately for object events (the common
//! scan: `record_object`) and for the other kinds (a transformation creating half the items), each
//! item with condition rules broken by the sensor summary, at a receiving step.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tradechain_primitives::{document_hash, CountryCode, Location, Role, RoleProvider};

fn member<T: Config>(name: &'static str, role: Role) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	endow::<T>(account(name, 0, 0), role)
}

/// `who` funded and holding `role` in Kenya.
fn endow<T: Config>(who: T::AccountId, role: Role) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	T::Roles::grant_for_benchmarks(&who, role, CountryCode::parse(b"KE").expect("assigned"));
	who
}

fn epc(i: u32) -> Epc {
	Epc::parse(alloc::format!("urn:epc:id:sscc:4012345.{i:010}").as_bytes()).expect("valid")
}

fn context<T: Config>(id: &[u8]) -> EventContextOf {
	EventContext {
		event_id: document_hash(id),
		event_time: 1,
		time_zone_offset_minutes: 0,
		biz_step: BizStep::Receiving,
		disposition: Disposition::InProgress,
		read_point: Some(Location::UnLocode("KEMBA".parse().expect("valid"))),
		biz_location: Some(Location::UnLocode("KEMBA".parse().expect("valid"))),
		biz_transactions: (0..4u32)
			.map(|i| BizTransaction {
				kind: BizTransactionType::Inv,
				document: document_hash(&i.to_le_bytes()),
			})
			.collect::<Vec<_>>()
			.try_into()
			.expect("four"),
		sensor: Some(SensorSummary {
			kind: SensorKind::Temperature,
			min: -40_000,
			max: 40_000,
			mean: 0,
			unit: "CEL".parse().expect("valid"),
		}),
	}
}

fn rules() -> ConditionRules {
	ConditionRules { temperature: Some((2_000, 8_000)), humidity: None, expires_at: Some(u64::MAX) }
}

/// An item created by `who`; returns its key.
fn item<T: Config>(who: &T::AccountId, i: u32) -> tradechain_primitives::ItemRef {
	Pallet::<T>::do_create(who, epc(i), Some(rules())).expect("creates")
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_item() {
		let who = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), epc(0), Some(rules()));
		assert!(Items::<T>::contains_key(epc(0).item_ref()));
	}

	/// An object event on `n` items at its worst: recorded by a customs authority of the place
	/// (not the custodian), at a receiving step, each item's receipts full (the oldest place
	/// makes room) and its rules broken by the sensor summary.
	#[benchmark]
	fn record_object(n: Linear<1, { T::MaxItemsPerEvent::get() }>) {
		let producer = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		// A port authority: the second role `is_agency_of` reads.
		let customs = endow::<T>(whitelisted_caller(), Role::PORT_AUTHORITY);
		let list: Vec<_> = (0..n)
			.map(|i| {
				let r = item::<T>(&producer, i);
				Items::<T>::mutate(r, |it| {
					if let Some(it) = it {
						for p in 0..MAX_RECEIPTS {
							let place = alloc::format!("NLX{}Z", char::from(b'A' + p as u8));
							let place = Location::UnLocode(place.parse().expect("valid"));
							let _ = it.receipts.try_push((place, 0));
						}
					}
				});
				r
			})
			.collect();
		let kind = EventKind::Object {
			action: Action::Observe,
			items: BoundedVec::try_from(list.clone()).expect("bound"),
		};
		#[extrinsic_call]
		record_event(RawOrigin::Signed(customs), kind, context::<T>(b"event"));
		let first = Items::<T>::get(list[0]).expect("exists");
		assert_eq!((first.breaches, first.receipts.len() as u32), (1, MAX_RECEIPTS));
	}

	/// Any other event on `n` items at its worst: a transformation creating half of them.
	#[benchmark]
	fn record_event(n: Linear<2, { T::MaxItemsPerEvent::get() * 2 }>) {
		let who = endow::<T>(whitelisted_caller(), Role::ECONOMIC_OPERATOR);
		let inputs = n / 2;
		let outputs = n - inputs;
		let max = T::MaxItemsPerEvent::get();
		let inputs: Vec<_> = (0..inputs.min(max)).map(|i| item::<T>(&who, i)).collect();
		let outputs: Vec<_> = (0..outputs.min(max)).map(|i| epc(1_000 + i)).collect();
		let kind = EventKind::Transformation {
			inputs: BoundedVec::try_from(inputs).expect("bound"),
			outputs: BoundedVec::try_from(outputs).expect("bound"),
		};
		#[extrinsic_call]
		_(RawOrigin::Signed(who), kind, context::<T>(b"event"));
		assert!(Events::<T>::contains_key(document_hash(b"event")));
	}

	#[benchmark]
	fn offer_custody() {
		let who = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		let to = member::<T>("carrier", Role::CARRIER);
		let it = item::<T>(&who, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), it, to.clone());
		assert_eq!(Items::<T>::get(it).expect("exists").offered_to, Some(to));
	}

	#[benchmark]
	fn accept_custody() {
		let who = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		let to = member::<T>("carrier", Role::CARRIER);
		let it = item::<T>(&who, 0);
		Pallet::<T>::offer_custody(RawOrigin::Signed(who).into(), it, to.clone()).expect("offers");
		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), it);
		assert_eq!(Items::<T>::get(it).expect("exists").custodian, to);
	}

	#[benchmark]
	fn cancel_custody() {
		let who = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		let to = member::<T>("carrier", Role::CARRIER);
		let it = item::<T>(&who, 0);
		Pallet::<T>::offer_custody(RawOrigin::Signed(who).into(), it, to.clone()).expect("offers");
		#[extrinsic_call]
		_(RawOrigin::Signed(to), it);
		assert_eq!(Items::<T>::get(it).expect("exists").offered_to, None);
	}

	#[benchmark]
	fn set_conditions() {
		let who = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		let it = item::<T>(&who, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), it, Some(rules()));
		assert!(Items::<T>::get(it).expect("exists").conditions.is_some());
	}

	#[benchmark]
	fn anchor_readings() {
		let who = member::<T>("producer", Role::ECONOMIC_OPERATOR);
		let it = item::<T>(&who, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), document_hash(b"root"), u32::MAX, Some(it));
		assert!(Anchors::<T>::contains_key(document_hash(b"root")));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
