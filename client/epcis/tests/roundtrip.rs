//! Export then import gives the events back, and the exported eventIDs are the reference's hash
//! IDs of the exported events.

mod common;

use common::*;
use tradechain_epcis::*;

fn with_ids(events: &[Event]) -> Vec<Event> {
	events.iter().map(|e| Event { event_id: Some(event_hash_id(e)), ..e.clone() }).collect()
}

fn exported_ids(doc: &serde_json::Value) -> Vec<String> {
	doc["epcisBody"]["eventList"]
		.as_array()
		.expect("eventList")
		.iter()
		.map(|e| e["eventID"].as_str().expect("eventID").to_string())
		.collect()
}

#[test]
fn history_round_trips() {
	let events = history();
	let doc = to_json_ld(&events, 1_711_000_000_000);
	assert_eq!(doc["schemaVersion"], "2.0");
	assert_eq!(doc["type"], "EPCISDocument");
	assert_eq!(doc["creationDate"], "2024-03-21T05:46:40.000Z");
	assert_eq!(doc["@context"][0], EPCIS_CONTEXT);
	let expected = with_ids(&events);
	// Through the ordered text and through serde_json's own serialisation of the Value.
	let text = to_json_ld_string(&events, 1_711_000_000_000);
	assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), doc);
	assert_eq!(from_json_ld(&text).unwrap(), expected);
	assert_eq!(from_json_ld(&serde_json::to_string(&doc).unwrap()).unwrap(), expected);
	// The export ignores a stale event_id: the eventID is always the hash ID.
	let stale: Vec<Event> = events
		.iter()
		.map(|e| Event { event_id: Some("urn:uuid:stale".into()), ..e.clone() })
		.collect();
	assert_eq!(to_json_ld(&stale, 1_711_000_000_000), doc);
}

#[test]
fn exported_event_ids_are_the_reference_hashes() {
	let events = history();
	let text = to_json_ld_string(&events, 1_711_000_000_000);
	let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
	let ids = exported_ids(&doc);
	let dir = TempDir::new("roundtrip");
	let reference = &reference_hashes(&[dir.write("history.jsonld", &text)])[0];
	assert_eq!(ids, reference.hashes);
	assert_eq!(ids, events.iter().map(event_hash_id).collect::<Vec<_>>());
	assert_eq!(ids.len(), 8);
	for (i, e) in events.iter().enumerate() {
		assert_eq!(pre_hash_string(e), reference.prehashes[i]);
		assert_eq!(hash_id_of_json(&doc["epcisBody"]["eventList"][i]).unwrap(), ids[i]);
	}
}

/// Every document of tests/data: import, export, import again gives the same events, and the
/// re-exported document hashes (in the reference) as the original did.
#[test]
fn test_documents_round_trip() {
	let files = data_files();
	let originals = reference_hashes(&files);
	let dir = TempDir::new("reexport");
	let mut exported = Vec::new();
	for file in &files {
		let name = file.file_name().unwrap().to_string_lossy().to_string();
		let events = from_json_ld(&std::fs::read_to_string(file).unwrap()).unwrap();
		let text = to_json_ld_string(&events, 0);
		let again = from_json_ld(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
		assert_eq!(again, with_ids(&events), "{name}");
		let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
		exported.push((dir.write(&name, &text), exported_ids(&doc)));
	}
	let paths: Vec<_> = exported.iter().map(|(p, _)| p.clone()).collect();
	let reexported = reference_hashes(&paths);
	for (((path, ids), original), again) in exported.iter().zip(&originals).zip(&reexported) {
		assert_eq!(&again.hashes, ids, "{}", path.display());
		assert_eq!(&original.hashes, ids, "{}: export changed a hash", path.display());
	}
}

#[test]
fn query_documents_import() {
	let events = history();
	let doc = to_json_ld(&events, 0);
	let query = serde_json::json!({
		"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
		"type": "EPCISQueryDocument",
		"schemaVersion": "2.0",
		"creationDate": "2024-03-21T00:00:00Z",
		"epcisBody": {"queryResults": {"queryName": "SimpleEventQuery",
			"resultsBody": {"eventList": doc["epcisBody"]["eventList"].clone()}}}
	});
	assert_eq!(from_json_ld(&query.to_string()).unwrap(), with_ids(&events));
}

#[test]
fn uri_helpers() {
	assert_eq!(gln_uri("4012345000016"), "https://id.gs1.org/414/4012345000016");
	assert_eq!(locode_uri("DEHAM"), "https://vocabulary.uncefact.org/unlocode#DEHAM");
	assert_eq!(locode_uri("de ham"), "https://vocabulary.uncefact.org/unlocode#DEHAM");
	let mut h = [0u8; 32];
	h[0] = 0xab;
	h[31] = 0x01;
	assert_eq!(
		document_uri(&h),
		"urn:tradechain:document:0xab00000000000000000000000000000000000000000000000000000000000001"
	);
	// A GLN as Digital Link or as SGLN URN is the same location to the hash.
	let at = |loc: &str| Event {
		action: Some(Action::Observe),
		read_point: Some(loc.into()),
		..Default::default()
	};
	assert_eq!(
		event_hash_id(&at(&gln_uri("4012345000016"))),
		event_hash_id(&at("urn:epc:id:sgln:4012345.00001.0"))
	);
}
