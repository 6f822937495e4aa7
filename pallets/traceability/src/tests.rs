//! Unit tests: every event type's effect, custody, breaches, receipts, anchors, and every error
//! path with `assert_noop!`.

use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::{DispatchError, TokenError};
use tradechain_primitives::{
	batch_proof, batch_root, document_hash, ConsignmentReceipts, DocumentHash, ItemRef, Location,
};

use crate::{mock::*, *};

type E = Error<Test>;

fn epc(s: &str) -> Epc {
	Epc::parse(s.as_bytes()).expect("valid EPC")
}

const LOT: &str = "urn:epc:class:lgtin:4012345.012345.LOT-0042";
const PALLET: &str = "urn:epc:id:sscc:4012345.0000000001";
const CONTAINER: &str = "urn:epc:id:sscc:4012345.0000000002";

fn key(s: &str) -> ItemRef {
	epc(s).item_ref()
}

fn create(who: u64, s: &str) -> ItemRef {
	assert_ok!(Traceability::create_item(signed(who), epc(s), None));
	key(s)
}

fn items(list: &[ItemRef]) -> ItemsOf<Test> {
	list.to_vec().try_into().unwrap()
}

fn mombasa() -> Location {
	Location::UnLocode("KEMBA".parse().unwrap())
}

fn hamburg() -> Location {
	Location::UnLocode("DEHAM".parse().unwrap())
}

fn context(id: &str, biz_step: BizStep) -> EventContextOf {
	EventContext {
		event_id: document_hash(id.as_bytes()),
		event_time: START,
		time_zone_offset_minutes: 180,
		biz_step,
		disposition: Disposition::InProgress,
		read_point: Some(mombasa()),
		biz_location: Some(mombasa()),
		biz_transactions: BoundedVec::default(),
		sensor: None,
	}
}

fn record(who: u64, kind: EventKindOf<Test>, ctx: EventContextOf) -> DocumentHash {
	let id = ctx.event_id;
	assert_ok!(Traceability::record_event(signed(who), kind, ctx));
	id
}

fn object(action: Action, list: &[ItemRef]) -> EventKindOf<Test> {
	EventKind::Object { action, items: items(list) }
}

#[test]
fn epcs_are_validated_in_text_and_in_scale() {
	assert_eq!(epc(PALLET).kind(), EpcKind::LogisticUnit);
	assert_eq!(epc(LOT).kind(), EpcKind::Lot);
	assert_eq!(epc("urn:epc:id:sgtin:4012345.011111.987").kind(), EpcKind::TradeItem);
	assert_eq!(epc("urn:epc:id:grai:4012345.55555.1").kind(), EpcKind::ReturnableAsset);
	for bad in ["urn:epc:id:sscc:", "urn:epc:id:gdti:1.2.3", "urn:epc:id:sscc:1 2", "sscc:1"] {
		assert!(Epc::parse(bad.as_bytes()).is_none(), "{bad}");
		let raw: BoundedVec<u8, frame_support::traits::ConstU32<128>> =
			bad.as_bytes().to_vec().try_into().unwrap();
		assert!(Epc::decode(&mut &raw.encode()[..]).is_err(), "{bad} must not decode");
	}
}

mod items_and_events {
	use super::*;

	#[test]
	fn a_lot_is_packed_shipped_and_received() {
		build_and_execute(|| {
			let (lot, pallet) = (create(PRODUCER, LOT), create(PRODUCER, PALLET));
			record(
				PRODUCER,
				object(Action::Add, &[lot]),
				context("commission", BizStep::Commissioning),
			);
			let pack = EventKind::Aggregation {
				action: Action::Add,
				parent: pallet,
				children: items(&[lot]),
			};
			record(PRODUCER, pack, context("pack", BizStep::Packing));
			assert_eq!(Items::<Test>::get(lot).unwrap().parent, Some(pallet));
			let mut receive = context("receive", BizStep::Receiving);
			receive.biz_location = Some(hamburg());
			record(PRODUCER, object(Action::Observe, &[pallet]), receive);
			assert!(<Traceability as ConsignmentReceipts>::received_at(&pallet, &hamburg()));
			assert!(!<Traceability as ConsignmentReceipts>::received_at(&pallet, &mombasa()));
			assert!(events().contains(&RuntimeEvent::Traceability(Event::Received {
				item: pallet,
				location: hamburg()
			})));
			let unpack = EventKind::Aggregation {
				action: Action::Delete,
				parent: pallet,
				children: items(&[lot]),
			};
			record(PRODUCER, unpack, context("unpack", BizStep::Unpacking));
			assert_eq!(Items::<Test>::get(lot).unwrap().parent, None);
			let history = Traceability::history(lot, 0, 10);
			assert_eq!(
				history.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
				vec![
					document_hash(b"commission"),
					document_hash(b"pack"),
					document_hash(b"unpack")
				]
			);
			assert_eq!(Traceability::history(lot, 1, 1).len(), 1);
			assert_eq!(Traceability::history(lot, 5, 3).len(), 0);
		});
	}

	#[test]
	fn transformation_consumes_inputs_and_creates_outputs() {
		build_and_execute(|| {
			let lot = create(PRODUCER, LOT);
			let roasted = epc("urn:epc:class:lgtin:4012345.099999.ROAST-1");
			let kind = EventKind::Transformation {
				inputs: items(&[lot]),
				outputs: vec![roasted.clone()].try_into().unwrap(),
			};
			record(PRODUCER, kind, context("roast", BizStep::Transforming));
			assert_eq!(Items::<Test>::get(lot).unwrap().state, ItemState::Consumed);
			let out = Items::<Test>::get(roasted.item_ref()).unwrap();
			assert_eq!((out.custodian, out.events), (PRODUCER, 1));
			assert_noop!(
				Traceability::record_event(
					signed(PRODUCER),
					object(Action::Observe, &[lot]),
					context("late", BizStep::Storing)
				),
				E::ItemInactive
			);
		});
	}

	#[test]
	fn transaction_association_and_deletion() {
		build_and_execute(|| {
			let (lot, pallet) = (create(PRODUCER, LOT), create(PRODUCER, PALLET));
			let tx = EventKind::Transaction {
				action: Action::Add,
				document: BizTransaction {
					kind: BizTransactionType::Po,
					document: document_hash(b"PO-1"),
				},
				items: items(&[lot]),
			};
			record(PRODUCER, tx, context("po", BizStep::Shipping));
			let assoc = EventKind::Association {
				action: Action::Add,
				parent: pallet,
				children: items(&[lot]),
			};
			record(PRODUCER, assoc, context("assoc", BizStep::SensorReporting));
			record(
				PRODUCER,
				object(Action::Delete, &[lot]),
				context("destroy", BizStep::Decommissioning),
			);
			assert_eq!(Items::<Test>::get(lot).unwrap().state, ItemState::Deleted);
			assert_eq!(Items::<Test>::get(lot).unwrap().events, 3);
		});
	}

	#[test]
	fn an_agency_of_the_place_may_record_others_may_not() {
		build_and_execute(|| {
			let lot = create(PRODUCER, LOT);
			assert_noop!(
				Traceability::record_event(
					signed(CARRIER),
					object(Action::Observe, &[lot]),
					context("x", BizStep::Inspecting)
				),
				E::NotCustodian
			);
			// The Kenyan port authority at Mombasa may; German customs may not there.
			record(PORT_KE, object(Action::Observe, &[lot]), context("port", BizStep::Inspecting));
			assert_noop!(
				Traceability::record_event(
					signed(CUSTOMS_DE),
					object(Action::Observe, &[lot]),
					context("de", BizStep::Inspecting)
				),
				E::NotCustodian
			);
		});
	}

	#[test]
	fn event_errors() {
		build_and_execute(|| {
			let (lot, pallet) = (create(PRODUCER, LOT), create(PRODUCER, PALLET));
			let rec = |kind, ctx| Traceability::record_event(signed(PRODUCER), kind, ctx);
			record(PRODUCER, object(Action::Observe, &[lot]), context("seen", BizStep::Storing));
			assert_noop!(
				rec(object(Action::Observe, &[lot]), context("seen", BizStep::Storing)),
				E::EventExists
			);
			assert_noop!(
				rec(object(Action::Observe, &[]), context("none", BizStep::Storing)),
				E::NoItems
			);
			let nothing =
				EventKind::Transformation { inputs: items(&[]), outputs: Default::default() };
			assert_noop!(rec(nothing, context("nothing", BizStep::Transforming)), E::NoItems);
			assert_noop!(
				rec(object(Action::Observe, &[key(CONTAINER)]), context("ghost", BizStep::Storing)),
				E::ItemNotFound
			);
			let into_lot = EventKind::Aggregation {
				action: Action::Add,
				parent: lot,
				children: items(&[pallet]),
			};
			assert_noop!(rec(into_lot, context("bad", BizStep::Packing)), E::NotLogisticUnit);
			let into_itself = EventKind::Aggregation {
				action: Action::Add,
				parent: pallet,
				children: items(&[pallet]),
			};
			assert_noop!(rec(into_itself, context("self", BizStep::Packing)), E::OwnParent);
			for i in 1..MAX_HISTORY {
				record(
					PRODUCER,
					object(Action::Observe, &[lot]),
					context(&format!("obs{i}"), BizStep::Storing),
				);
			}
			assert_noop!(
				rec(object(Action::Observe, &[lot]), context("full", BizStep::Storing)),
				E::HistoryFull
			);
			assert_noop!(
				rec(object(Action::Observe, &[pallet, pallet]), context("twice", BizStep::Storing)),
				E::DuplicateItem
			);
			assert_noop!(
				Traceability::record_event(
					signed(OUTSIDER),
					object(Action::Observe, &[pallet]),
					context("o", BizStep::Storing)
				),
				E::NotCustodian
			);
			// A custodian whose roles ended records nothing more.
			Members::mutate(|m| m.retain(|(who, ..)| *who != PRODUCER));
			assert_noop!(
				rec(object(Action::Observe, &[pallet]), context("gone", BizStep::Storing)),
				E::NotMember
			);
		});
	}

	#[test]
	fn item_errors() {
		build_and_execute(|| {
			create(PRODUCER, LOT);
			assert_noop!(
				Traceability::create_item(signed(PRODUCER), epc(LOT), None),
				E::ItemExists
			);
			assert_noop!(
				Traceability::create_item(signed(OUTSIDER), epc(PALLET), None),
				E::NotMember
			);
			assert_noop!(
				Traceability::create_item(signed(POOR), epc(PALLET), None),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			let bad = ConditionRules {
				temperature: Some((8_000, 2_000)),
				humidity: None,
				expires_at: None,
			};
			assert_noop!(
				Traceability::create_item(signed(PRODUCER), epc(PALLET), Some(bad)),
				E::InvalidRange
			);
			assert_eq!(
				Balances::balance_on_hold(&HoldReason::Item.into(), &PRODUCER),
				ITEM_DEPOSIT
			);
		});
	}
}

mod custody {
	use super::*;

	#[test]
	fn custody_passes_by_offer_and_acceptance() {
		build_and_execute(|| {
			let pallet = create(PRODUCER, PALLET);
			assert_noop!(Traceability::accept_custody(signed(CARRIER), pallet), E::NoOffer);
			assert_noop!(
				Traceability::offer_custody(signed(CARRIER), pallet, IMPORTER),
				E::NotCustodian
			);
			assert_noop!(
				Traceability::offer_custody(signed(PRODUCER), pallet, OUTSIDER),
				E::InvalidReceiver
			);
			assert_noop!(
				Traceability::offer_custody(signed(PRODUCER), pallet, PRODUCER),
				E::InvalidReceiver
			);
			assert_ok!(Traceability::offer_custody(signed(PRODUCER), pallet, CARRIER));
			assert_noop!(Traceability::accept_custody(signed(IMPORTER), pallet), E::NoOffer);
			assert_ok!(Traceability::accept_custody(signed(CARRIER), pallet));
			assert_ok!(Traceability::offer_custody(signed(CARRIER), pallet, IMPORTER));
			assert_noop!(Traceability::cancel_custody(signed(PRODUCER), pallet), E::NotCustodian);
			assert_ok!(Traceability::cancel_custody(signed(IMPORTER), pallet));
			assert_noop!(Traceability::cancel_custody(signed(IMPORTER), pallet), E::NoOffer);
			assert_ok!(Traceability::offer_custody(signed(CARRIER), pallet, IMPORTER));
			assert_ok!(Traceability::accept_custody(signed(IMPORTER), pallet));
			let chain: Vec<_> =
				Traceability::custody_history(pallet).into_iter().map(|c| (c.from, c.to)).collect();
			assert_eq!(chain, vec![(PRODUCER, CARRIER), (CARRIER, IMPORTER)]);
			assert_eq!(Traceability::item(pallet).unwrap().custodian, IMPORTER);
			assert_noop!(Traceability::accept_custody(signed(IMPORTER), key(LOT)), E::ItemNotFound);
		});
	}
}

mod conditions {
	use super::*;

	#[test]
	fn a_temperature_excursion_is_a_breach() {
		build_and_execute(|| {
			let lot = create(PRODUCER, LOT);
			let rules = ConditionRules {
				temperature: Some((2_000, 8_000)),
				humidity: None,
				expires_at: Some(START + 1_000),
			};
			assert_noop!(
				Traceability::set_conditions(signed(CARRIER), lot, Some(rules)),
				E::NotCustodian
			);
			assert_ok!(Traceability::set_conditions(signed(PRODUCER), lot, Some(rules)));
			let mut within = context("cold", BizStep::SensorReporting);
			within.sensor = Some(SensorSummary {
				kind: SensorKind::Temperature,
				min: 3_000,
				max: 7_500,
				mean: 5_000,
				unit: "CEL".parse().unwrap(),
			});
			record(PRODUCER, object(Action::Observe, &[lot]), within.clone());
			assert_eq!(Traceability::item(lot).unwrap().breaches, 0);
			let mut warm = within;
			warm.event_id = document_hash(b"warm");
			warm.sensor.as_mut().unwrap().max = 11_200;
			record(PRODUCER, object(Action::Observe, &[lot]), warm);
			assert_eq!(Traceability::item(lot).unwrap().breaches, 1);
			assert_eq!(Traceability::breaches(lot), vec![document_hash(b"warm")]);
			assert!(!Traceability::item(lot).unwrap().expired);
			Timestamp::set_timestamp(START + 1_001);
			assert!(Traceability::item(lot).unwrap().expired);
		});
	}
}

mod anchors {
	use super::*;

	#[test]
	fn readings_are_anchored_and_verified_by_proof() {
		build_and_execute(|| {
			let lot = create(PRODUCER, LOT);
			let readings: Vec<_> = (0..1_000u32).map(|i| document_hash(&i.to_le_bytes())).collect();
			let root = batch_root(&readings);
			assert_ok!(Traceability::anchor_readings(signed(PRODUCER), root, 1_000, Some(lot)));
			let proof = batch_proof(&readings, 777).unwrap();
			assert!(Traceability::verify_reading(root, readings[777], proof.clone()));
			assert!(!Traceability::verify_reading(root, readings[778], proof.clone()));
			assert!(!Traceability::verify_reading(document_hash(b"other"), readings[777], proof));
			assert_noop!(
				Traceability::anchor_readings(signed(PRODUCER), root, 1_000, None),
				E::AnchorExists
			);
			assert_noop!(
				Traceability::anchor_readings(signed(PRODUCER), document_hash(b"r"), 0, None),
				E::NoReadings
			);
			assert_noop!(
				Traceability::anchor_readings(signed(CARRIER), document_hash(b"r"), 1, Some(lot)),
				E::NotCustodian
			);
			assert_eq!(
				Balances::balance_on_hold(&HoldReason::Anchor.into(), &PRODUCER),
				ANCHOR_DEPOSIT
			);
		});
	}
}

mod genesis {
	use super::*;
	use frame_support::traits::BuildGenesisConfig;

	/// A chilled lot handed from producer to carrier, read too warm: the JSON form of the steps
	/// (as in a chain spec) builds the same state as the calls.
	const STEPS: &str = r#"{ "steps": [
		{ "createItem": { "by": 1, "epc": "urn:epc:class:lgtin:4012345.012345.LOT-0042",
			"conditions": { "temperature": [2000, 8000], "humidity": null, "expiresAt": null } } },
		{ "offerCustody": { "by": 1, "item": "ITEM", "to": 2 } },
		{ "acceptCustody": { "by": 2, "item": "ITEM" } },
		{ "recordEvent": { "by": 2,
			"kind": { "object": { "action": "Observe", "items": ["ITEM"] } },
			"context": { "eventId": "EVENT", "eventTime": 1795000000000, "timeZoneOffsetMinutes": 180,
				"bizStep": "SensorReporting", "disposition": "InTransit",
				"readPoint": null, "bizLocation": { "UnLocode": "KEMBA" }, "bizTransactions": [],
				"sensor": { "kind": "Temperature", "min": 3000, "max": 11200, "mean": 6000,
					"unit": "CEL" } } } }
	] }"#;

	fn config(steps: &str) -> GenesisConfig<Test> {
		let json = steps
			.replace("ITEM", &format!("{:?}", key(LOT)))
			.replace("EVENT", &format!("{:?}", document_hash(b"warm")));
		serde_json::from_str(&json).expect("valid genesis JSON")
	}

	#[test]
	fn steps_build_items_custody_and_events() {
		build_and_execute(|| {
			config(STEPS).build();
			let lot = Traceability::item(key(LOT)).expect("created");
			assert_eq!((lot.custodian, lot.breaches, lot.events), (CARRIER, 1, 1));
			assert_eq!(Traceability::breaches(key(LOT)), vec![document_hash(b"warm")]);
			assert_eq!(Traceability::custody_history(key(LOT)).len(), 1);
		});
	}

	#[test]
	#[should_panic(expected = "traceability genesis step 2 failed")]
	fn a_step_the_call_refuses_stops_the_build() {
		build_and_execute(|| {
			// The carrier accepts custody that was never offered.
			config(&STEPS.replace(
				r#"{ "offerCustody": { "by": 1, "item": "ITEM", "to": 2 } },"#,
				r#"{ "offerCustody": { "by": 1, "item": "ITEM", "to": 3 } },"#,
			))
			.build();
		});
	}
}
