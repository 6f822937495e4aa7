//! Malformed or unsupported input gives an error that says what and where, never a panic.

use serde_json::{json, Value};
use tradechain_epcis::*;

fn document(events: Value) -> Value {
	json!({
		"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
		"type": "EPCISDocument",
		"schemaVersion": "2.0",
		"creationDate": "2024-01-01T00:00:00Z",
		"epcisBody": {"eventList": events}
	})
}

fn event() -> Value {
	json!({
		"type": "ObjectEvent",
		"eventTime": "2024-03-01T10:00:00.000+03:00",
		"eventTimeZoneOffset": "+03:00",
		"epcList": ["urn:epc:id:sgtin:4012345.011111.1"],
		"action": "OBSERVE",
		"bizStep": "shipping",
		"readPoint": {"id": "https://id.gs1.org/414/4012345000016"},
		"bizTransactionList": [{"type": "po", "bizTransaction": "urn:tradechain:document:0x01"}],
		"quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.011111.L1", "quantity": 5, "uom": "KGM"}],
		"sensorElementList": [{"sensorReport": [{"type": "Temperature", "meanValue": 5, "uom": "CEL"}]}]
	})
}

/// An event with `f` applied, imported in a document: must fail with a message containing all
/// of `words`.
fn assert_event_error(f: impl FnOnce(&mut Value), words: &[&str]) {
	let mut e = event();
	f(&mut e);
	let text = document(json!([event(), e])).to_string();
	let err = from_json_ld(&text).expect_err(&format!("accepted {e}"));
	let msg = err.to_string();
	for w in words {
		assert!(msg.contains(w), "error `{msg}` does not mention `{w}` (event {e})");
	}
}

fn set(key: &'static str, v: Value) -> impl FnOnce(&mut Value) {
	move |e| e[key] = v
}

fn remove(key: &'static str) -> impl FnOnce(&mut Value) {
	move |e| {
		e.as_object_mut().unwrap().remove(key);
	}
}

#[test]
fn the_base_event_is_fine() {
	let text = document(json!([event(), event()])).to_string();
	assert_eq!(from_json_ld(&text).unwrap().len(), 2);
	assert!(hash_id_of_json(&event()).is_ok());
}

#[test]
fn malformed_events() {
	assert_event_error(
		set("type", json!("ShipmentEvent")),
		&["eventList[1].type", "unknown event type `ShipmentEvent`"],
	);
	assert_event_error(set("type", json!(7)), &["eventList[1].type", "expected a string"]);
	assert_event_error(remove("type"), &["eventList[1].type", "missing"]);
	assert_event_error(remove("eventTime"), &["eventList[1].eventTime", "missing"]);
	assert_event_error(
		set("eventTime", json!("yesterday")),
		&["eventList[1].eventTime", "yesterday", "RFC 3339"],
	);
	assert_event_error(
		set("eventTime", json!(1_709_276_400_000u64)),
		&["eventTime", "expected a string"],
	);
	assert_event_error(
		set("eventTime", json!("2024-02-30T10:00:00Z")),
		&["eventTime", "not a valid date"],
	);
	assert_event_error(set("eventTime", json!("2024-03-01T10:00:00")), &["eventTime", "time zone"]);
	assert_event_error(
		set("eventTime", json!("2024-03-01T23:59:60Z")),
		&["eventTime", "leap seconds"],
	);
	assert_event_error(remove("eventTimeZoneOffset"), &["eventTimeZoneOffset", "missing"]);
	assert_event_error(set("eventTimeZoneOffset", json!("+3")), &["eventTimeZoneOffset", "+HH:MM"]);
	assert_event_error(
		set("eventTimeZoneOffset", json!("+15:00")),
		&["eventTimeZoneOffset", "outside"],
	);
	assert_event_error(
		set("eventTimeZoneOffset", json!("-00:00")),
		&["eventTimeZoneOffset", "-00:00"],
	);
	assert_event_error(
		set("action", json!("MOVE")),
		&["eventList[1].action", "unknown action `MOVE`"],
	);
	assert_event_error(set("action", json!(["ADD"])), &["action", "expected a string"]);
	assert_event_error(remove("action"), &["eventList[1].action", "missing"]);
	assert_event_error(
		set("epcList", json!("urn:epc:id:sgtin:4012345.011111.1")),
		&["epcList", "expected an array"],
	);
	assert_event_error(set("epcList", json!([1, 2])), &["epcList[0]", "expected a string"]);
	assert_event_error(
		set("quantityList", json!([{"quantity": 5}])),
		&["quantityList[0].epcClass", "missing"],
	);
	assert_event_error(
		set("quantityList", json!([{"epcClass": "urn:x", "quantity": "5"}])),
		&["quantityList[0].quantity", "expected a number"],
	);
	assert_event_error(
		set("quantityList", json!([{"epcClass": "urn:x", "qty": 5}])),
		&["quantityList[0].qty", "unknown field"],
	);
	assert_event_error(set("readPoint", json!("urn:x")), &["readPoint", "expected an object"]);
	assert_event_error(set("readPoint", json!({})), &["readPoint.id", "missing"]);
	assert_event_error(
		set("bizTransactionList", json!([{"type": "po"}])),
		&["bizTransactionList[0].bizTransaction", "missing"],
	);
	assert_event_error(
		set(
			"sensorElementList",
			json!([{"sensorReport": [{"type": "Temperature", "value": "hot"}]}]),
		),
		&["sensorReport[0].value", "not supported"],
	);
	assert_event_error(
		set(
			"sensorElementList",
			json!([{"sensorReport": [{"type": "Temperature", "minValue": "cold"}]}]),
		),
		&["sensorReport[0].minValue", "expected a number"],
	);
	assert_event_error(
		set("sensorElementList", json!([{"sensorReport": [{"type": "", "meanValue": 1}]}])),
		&["sensorReport[0].type", "empty"],
	);
	assert_event_error(
		set("parentID", json!("urn:epc:id:sscc:4012345.0000000001")),
		&["parentID", "not allowed in an EPCIS ObjectEvent"],
	);
	assert_event_error(set("colour", json!("red")), &["eventList[1].colour", "unknown field"]);
	assert_event_error(|e| *e = json!("ObjectEvent"), &["eventList[1]", "expected an object"]);
}

#[test]
fn unsupported_epcis_features_are_refused_not_dropped() {
	type Mangle = Box<dyn FnOnce(&mut Value)>;
	let cases: Vec<(Mangle, &[&str])> = vec![
		(Box::new(set("ilmd", json!({"ex:harvest": "2024"}))), &["ilmd", "not supported"]),
		(Box::new(set("ex:myField", json!("x"))), &["ex:myField", "user extension"]),
		(
			Box::new(set("sourceList", json!([{"type": "owning_party", "source": "urn:x"}]))),
			&["sourceList", "not supported"],
		),
		(
			Box::new(set("persistentDisposition", json!({"set": ["completeness_verified"]}))),
			&["persistentDisposition"],
		),
		(
			Box::new(set("certificationInfo", json!("https://cert.example.com/1"))),
			&["certificationInfo"],
		),
		(
			Box::new(set("@context", json!({"ex": "https://example.com/"}))),
			&["@context", "event-level"],
		),
		(
			Box::new(set("errorDeclaration", json!({"declarationTime": "2024-03-02T00:00:00Z"}))),
			&["errorDeclaration", "not supported"],
		),
		(
			Box::new(set(
				"sensorElementList",
				json!([{"sensorMetadata": {"time": "2024-03-01T10:00:00Z"}, "sensorReport": [{"type": "Temperature"}]}]),
			)),
			&["sensorMetadata", "not supported"],
		),
		(
			Box::new(set(
				"sensorElementList",
				json!([
					{"sensorReport": [{"type": "Temperature", "meanValue": 1}]},
					{"sensorReport": [{"type": "Temperature", "meanValue": 2}]}
				]),
			)),
			&["sensorElementList[1]", "more than one sensorElement"],
		),
		(
			Box::new(set("readPoint", json!({"id": "urn:x", "ex:gate": "3"}))),
			&["readPoint.ex:gate", "user extension"],
		),
	];
	for (f, words) in cases {
		assert_event_error(f, words);
	}
	// The hash of a single event object: extensions refused too, errorDeclaration ignored (not hashed).
	let mut e = event();
	e["ex:myField"] = json!("x");
	assert!(matches!(hash_id_of_json(&e), Err(Error::Unsupported { .. })));
	let mut e = event();
	e["errorDeclaration"] =
		json!({"declarationTime": "2024-03-02T00:00:00Z", "reason": "incorrect_data"});
	e["recordTime"] = json!("2024-03-02T00:00:00Z");
	e["eventID"] = json!("ni:///sha-256;00?ver=CBV2.0");
	assert_eq!(hash_id_of_json(&e), hash_id_of_json(&event()));
}

#[test]
fn malformed_documents() {
	let cases: Vec<(String, &[&str])> = vec![
		("".into(), &["not valid JSON"]),
		("{\"type\": \"EPCISDocument\",".into(), &["not valid JSON"]),
		("[]".into(), &["document", "expected an object"]),
		(json!({"type": "EPCISDocument"}).to_string(), &["@context", "missing"]),
		(
			{
				let mut d = document(json!([]));
				d["type"] = json!("EPCISMasterDataDocument");
				d.to_string()
			},
			&["type", "EPCISMasterDataDocument"],
		),
		(
			{
				let mut d = document(json!([]));
				d["@context"] = json!("https://example.com/context.jsonld");
				d.to_string()
			},
			&["@context", "not supported"],
		),
		(
			{
				let mut d = document(json!([]));
				d["@context"] = json!([{"ex": "https://example.com/"}]);
				d.to_string()
			},
			&["@context", "without"],
		),
		(
			{
				let mut d = document(json!([]));
				d["@context"]
					.as_array_mut()
					.unwrap()
					.push(json!({"cbv": "https://example.com/cbv/"}));
				d.to_string()
			},
			&["@context[1].cbv", "redefining"],
		),
		(
			{
				let mut d = document(json!([]));
				d["schemaVersion"] = json!("1.2");
				d.to_string()
			},
			&["schemaVersion", "1.2"],
		),
		(
			{
				let mut d = document(json!([]));
				d.as_object_mut().unwrap().remove("epcisBody");
				d.to_string()
			},
			&["epcisBody", "missing"],
		),
		(
			{
				let mut d = document(json!([]));
				d["epcisBody"]["eventList"] = json!({"type": "ObjectEvent"});
				d.to_string()
			},
			&["epcisBody.eventList", "expected an array"],
		),
		(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)), &["not valid JSON"]),
	];
	for (text, words) in cases {
		let msg = from_json_ld(&text).expect_err(&text[..text.len().min(200)]).to_string();
		for w in words {
			assert!(msg.contains(w), "error `{msg}` does not mention `{w}`");
		}
	}
	// The same document with an empty event list is fine.
	assert_eq!(from_json_ld(&document(json!([])).to_string()).unwrap(), vec![]);
}

/// Every truncation of a valid document, and every leaf or object replaced by each JSON type:
/// import returns (Ok or Err) without panicking.
#[test]
fn no_panics_on_mangled_documents() {
	let doc = document(json!([event()]));
	let text = doc.to_string();
	for end in 0..text.len() {
		if text.is_char_boundary(end) {
			let _ = from_json_ld(&text[..end]);
		}
	}
	fn paths(v: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
		out.push(at.clone());
		match v {
			Value::Object(m) => m.iter().for_each(|(k, c)| {
				let mut p = at.clone();
				p.push(json!(k));
				paths(c, p, out)
			}),
			Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
				let mut p = at.clone();
				p.push(json!(i));
				paths(c, p, out)
			}),
			_ => {}
		}
	}
	fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
		path.iter().fold(v, |v, k| match k {
			Value::String(s) => &mut v[s.as_str()],
			Value::Number(n) => &mut v[n.as_u64().unwrap() as usize],
			_ => unreachable!(),
		})
	}
	let mut all = Vec::new();
	paths(&doc, Vec::new(), &mut all);
	let replacements = [
		json!(null),
		json!(true),
		json!(-1.5),
		json!(""),
		json!("x:y"),
		json!([]),
		json!({}),
		json!([{}]),
	];
	let mut tried = 0;
	for path in &all {
		for r in &replacements {
			let mut d = doc.clone();
			*at(&mut d, path) = r.clone();
			let _ = from_json_ld(&d.to_string());
			if let Some(e) = d.pointer("/epcisBody/eventList/0") {
				let _ = hash_id_of_json(e);
			}
			tried += 1;
		}
	}
	assert!(tried > 250, "{tried}");
}

#[test]
fn errors_display_their_path() {
	let e = Error::Missing { path: "epcisBody.eventList[0].eventTime".into() };
	assert_eq!(e.to_string(), "epcisBody.eventList[0].eventTime: required field is missing");
	let e = Error::UnknownEventType { path: "type".into(), found: "X".into() };
	assert!(e.to_string().starts_with("type: unknown event type `X`"));
}
