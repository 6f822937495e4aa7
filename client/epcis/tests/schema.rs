//! Exported documents validate against GS1's EPCIS 2.0 JSON Schema (run with ajv in node, and
//! epcis2.js's validator; `scripts/epcis-tools` installs both), and broken ones do not.

mod common;

use common::*;
use serde_json::Value;
use tradechain_epcis::*;

fn describe(v: &Validation) -> String {
	format!("schema: {:?}\nepcis2.js: {:?}", v.schema_errors, v.epcis2js_errors)
}

#[test]
fn exported_history_validates() {
	let events = history();
	let dir = TempDir::new("schema");
	let text = to_json_ld_string(&events, 1_711_000_000_000);
	// The Value as serde_json writes it (keys sorted unless preserve_order) must validate too.
	let value_text = serde_json::to_string_pretty(&to_json_ld(&events, 1_711_000_000_000)).unwrap();
	let files =
		[dir.write("history.jsonld", &text), dir.write("history-value.jsonld", &value_text)];
	for (file, v) in files.iter().zip(validate(&files)) {
		assert!(
			v.schema_valid && v.epcis2js_valid,
			"{} does not validate:\n{}",
			file.display(),
			describe(&v)
		);
	}
	let types: std::collections::BTreeSet<&str> =
		events.iter().map(|e| e.event_type.as_str()).collect();
	assert_eq!(types.len(), 5, "the history covers all five event types");
}

/// Proof that the validator runs and rejects: the same export, broken in one place at a time.
#[test]
fn broken_documents_are_rejected() {
	let doc = to_json_ld(&history(), 1_711_000_000_000);
	type Breaker = fn(&mut Value);
	let breakers: [(&str, Breaker); 6] = [
		("eventTime missing", |d| {
			d["epcisBody"]["eventList"][1].as_object_mut().unwrap().remove("eventTime");
		}),
		("invalid action", |d| d["epcisBody"]["eventList"][0]["action"] = "MOVE".into()),
		("action on a TransformationEvent", |d| {
			d["epcisBody"]["eventList"][7]["action"] = "ADD".into()
		}),
		("eventTimeZoneOffset out of range", |d| {
			d["epcisBody"]["eventList"][2]["eventTimeZoneOffset"] = "+15:00".into()
		}),
		("uom not a UN/ECE code", |d| {
			d["epcisBody"]["eventList"][0]["quantityList"][0]["uom"] = "kilogram".into()
		}),
		("unknown bare bizStep", |d| d["epcisBody"]["eventList"][4]["bizStep"] = "sailing".into()),
	];
	let dir = TempDir::new("broken");
	let files: Vec<_> = breakers
		.iter()
		.enumerate()
		.map(|(i, (_, breaker))| {
			let mut broken = doc.clone();
			breaker(&mut broken);
			assert_ne!(broken, doc);
			dir.write(&format!("broken-{i}.jsonld"), &broken.to_string())
		})
		.collect();
	for ((what, _), v) in breakers.iter().zip(validate(&files)) {
		assert!(!v.schema_valid, "the schema accepted a document with {what}");
		assert!(!v.epcis2js_valid, "epcis2.js accepted a document with {what}");
	}
}

/// The hand-written documents of tests/data (except the `edge_` one, which uses forms the schema
/// forbids on purpose) are valid EPCIS 2.0, and so are their re-exports.
#[test]
fn test_documents_and_their_re_exports_validate() {
	let dir = TempDir::new("data");
	let mut files = Vec::new();
	for file in data_files() {
		let name = file.file_name().unwrap().to_string_lossy().to_string();
		if name.starts_with("edge_") {
			continue;
		}
		let events = from_json_ld(&std::fs::read_to_string(&file).unwrap()).unwrap();
		files.push(file);
		files.push(dir.write(&format!("re-export-{name}"), &to_json_ld_string(&events, 0)));
	}
	assert!(files.len() >= 20);
	for (file, v) in files.iter().zip(validate(&files)) {
		assert!(
			v.schema_valid && v.epcis2js_valid,
			"{} does not validate:\n{}",
			file.display(),
			describe(&v)
		);
	}
}
