//! The event hash ID against GS1's reference implementation (PyPI `epcis-event-hash-generator`
//! 1.9.3, run as a subprocess at test time; `scripts/epcis-tools` installs it).

mod common;

use common::*;
use tradechain_epcis::{reference_internals, *};

/// Every event of every document in tests/data: the hash ID (and pre-hash string) of the imported
/// event equals the reference's for that event in that document.
#[test]
fn documents_hash_like_the_reference() {
	let files = data_files();
	let references = reference_hashes(&files);
	let mut compared = 0;
	let mut failures = Vec::new();
	for (file, reference) in files.iter().zip(&references) {
		let name = file.file_name().expect("name").to_string_lossy().to_string();
		let text = std::fs::read_to_string(file).expect("read");
		let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
		let events = from_json_ld(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
		assert_eq!(events.len(), reference.hashes.len(), "{name}: number of events");
		let context_has_namespaces = doc["@context"].as_array().is_some_and(|c| c.len() > 1);
		for (i, event) in events.iter().enumerate() {
			let ours = event_hash_id(event);
			if ours != reference.hashes[i] || pre_hash_string(event) != reference.prehashes[i] {
				failures.push(format!(
					"{name} event {i}:\n  reference {}\n            {}\n  ours      {ours}\n            {}",
					reference.hashes[i],
					reference.prehashes[i],
					pre_hash_string(event)
				));
			}
			// The digest is the hex inside the ID.
			let hex: String = event_hash_digest(event).iter().map(|b| format!("{b:02x}")).collect();
			assert_eq!(ours, format!("ni:///sha-256;{hex}?ver=CBV2.0"));
			// The same event object on its own (without the document's namespace declarations).
			if !context_has_namespaces {
				let json = &doc["epcisBody"]["eventList"][i];
				match hash_id_of_json(json) {
					Ok(h) if h == reference.hashes[i] => {}
					other => {
						failures.push(format!("{name} event {i}: hash_id_of_json gave {other:?}"))
					}
				}
			}
			compared += 1;
		}
	}
	assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
	assert!(compared > 0, "no event compared");
	assert!(compared >= 29, "only {compared} events compared");
	println!("{compared} events in {} documents hash like the reference", files.len());
}

/// The hash must see every field: changing any one value of an event changes its hash ID, and
/// the reference agrees (guards against fields silently left out of the pre-hash string).
#[test]
fn every_field_changes_the_hash() {
	let base = history();
	let mut variants: Vec<Event> = Vec::new();
	for e in &base {
		let mut push = |f: &dyn Fn(&mut Event)| {
			let mut v = e.clone();
			f(&mut v);
			if v != *e {
				variants.push(v);
			}
		};
		push(&|v| v.event_time_millis += 1);
		push(&|v| v.time_zone_offset_minutes += 60);
		push(&|v| v.action = v.action.map(|_| Action::Delete));
		push(&|v| v.epc_list.iter_mut().for_each(|x| x.push('9')));
		push(&|v| v.parent_id.iter_mut().for_each(|x| x.push('9')));
		push(&|v| v.child_epcs.iter_mut().for_each(|x| x.push('9')));
		push(&|v| {
			v.quantity_list.iter_mut().for_each(|q| q.quantity = q.quantity.map(|x| x + 0.5))
		});
		push(&|v| v.child_quantity_list.iter_mut().for_each(|q| q.uom = Some("TNE".into())));
		push(&|v| v.input_quantity_list.iter_mut().for_each(|q| q.epc_class.push('9')));
		push(&|v| v.output_quantity_list.iter_mut().for_each(|q| q.quantity = None));
		push(&|v| v.biz_step = Some("storing".into()));
		push(&|v| v.disposition = None);
		push(&|v| v.read_point = Some(locode_uri("NLRTM")));
		push(&|v| v.biz_location = v.biz_location.as_ref().map(|_| gln_uri("4012345000023")));
		push(&|v| v.biz_transactions.iter_mut().for_each(|t| t.kind = Some("desadv".into())));
		push(&|v| v.biz_transactions.iter_mut().for_each(|t| t.id.push('0')));
		push(&|v| v.sensor_reports.iter_mut().for_each(|r| r.max = r.max.map(|x| x + 0.25)));
		push(&|v| v.sensor_reports.iter_mut().for_each(|r| r.kind = "Mass".into()));
	}
	let all: Vec<Event> = base.iter().cloned().chain(variants).collect();
	let mut seen = std::collections::BTreeSet::new();
	for e in &all {
		assert!(seen.insert(event_hash_id(e)), "two different events share a hash: {e:?}");
	}
	let dir = TempDir::new("variants");
	let file = dir.write("variants.jsonld", &to_json_ld_string(&all, 0));
	let reference = &reference_hashes(&[file])[0];
	let ours: Vec<String> = all.iter().map(event_hash_id).collect();
	assert_eq!(ours, reference.hashes);
	assert!(all.len() > 60, "only {} events", all.len());
}

/// Field values: EPC URNs of every scheme, Digital Link URIs, CBV URNs, numbers, oddities,
/// canonicalised like the reference's `_canonize_value`.
#[test]
fn value_canonicalisation_matches_the_reference() {
	let mut inputs: Vec<String> = [
		"urn:epc:id:sgtin:4012345.011111.9876",
		"urn:epc:id:sgtin:4012345.011111.%2F%3F%22",
		"urn:epc:id:sgtin:012345678901.0.1",
		"urn:epc:id:sscc:4012345.0000000001",
		"urn:epc:id:sscc:012345678901.12345",
		"urn:epc:id:sgln:4012345.00001.0",
		"urn:epc:id:sgln:4012345.00001.dock(1)",
		"urn:epc:id:sgln:012345678901..x",
		"urn:epc:id:grai:4012345.55555.CNT1",
		"urn:epc:id:grai:012345678901...1",
		"urn:epc:id:giai:4012345.CONT-MSKU1234565",
		"urn:epc:id:gsrn:4012345.0000000001",
		"urn:epc:id:gsrnp:4012345.0000000001",
		"urn:epc:id:gdti:4012345.00001.D-77",
		"urn:epc:id:cpi:4012345.CP-1.42",
		"urn:epc:id:cpi:4012345.CP%2F1.42",
		"urn:epc:id:sgcn:4012345.00001.123",
		"urn:epc:id:ginc:4012345.C+1",
		"urn:epc:id:gsin:4012345.000000001",
		"urn:epc:id:itip:4012345.011111.01.02.P1",
		"urn:epc:id:upui:4012345.011111.ab*c",
		"urn:epc:id:pgln:4012345.00002",
		"urn:epc:class:lgtin:4012345.011111.L:1",
		"urn:epc:idpat:sgtin:4012345.011111.*",
		"urn:epc:idpat:grai:4012345.55555.*",
		"urn:epc:idpat:gdti:4012345.00001.*",
		"urn:epc:idpat:sgcn:4012345.00001.*",
		"urn:epc:idpat:cpi:4012345.CP-1.*",
		"urn:epc:idpat:itip:4012345.011111.01.02.*",
		"urn:epc:idpat:upui:4012345.011111.*",
		"urn:epc:id:sgtin:4012345.011111.toolongserialnumber12345",
		"urn:epc:id:sgtin:401234.5011111.1",
		"https://id.gs1.org/01/04012345111118/21/9876",
		"http://example.com/gtin/4012345111118/ser/9876?x=1#frag",
		"https://example.com/some/path/01/04012345111118/10/L1/21/S",
		"https://example.com/01/012345678905",
		"https://example.com/01/12345670",
		"https://example.com/01/04012345111118/22/ABC",
		"https://example.com/01/04012345111118/22/ABC/21/S1",
		"https://example.com/8006/040123451111180102/22/V/10/L",
		"https://example.com/8006/040123451111180102/10/L/21/S",
		"https://example.com/414/4012345000016/254/x",
		"https://example.com/gln/4012345000016",
		"https://example.com/party/4012345000016",
		"https://example.com/sscc/340123450000000016",
		"https://example.com/gdti/4012345000016ABC",
		"https://example.com/gcn/4012345000016123",
		"https://example.com/ginc/4012345ABC",
		"https://example.com/gsin/40123450000000005",
		"https://example.com/grai/04012345555557X",
		"https://example.com/giai/4012345ASSET",
		"https://example.com/cpid/4012345CP/8011/7",
		"https://example.com/gsrn/401234500000000005",
		"https://example.com/gsrnp/401234500000000005",
		"https://example.com/01/04012345111118/235/TPX",
		"https://example.com/ABCDEFGHIJ",
		"https://example.com/01/ABC",
		"https://vocabulary.uncefact.org/unlocode#DEHAM",
		"urn:tradechain:document:0x00ff",
		"urn:epcglobal:cbv:bizstep:shipping",
		"urn:epcglobal:cbv:disp:in_transit",
		"urn:epcglobal:cbv:btt:po",
		"urn:epcglobal:cbv:sdt:owning_party",
		"urn:epcglobal:cbv:er:incorrect_data",
		"urn:epcglobal:cbv:bt:4012345000016:PO-1",
		"1",
		"1.0",
		"-0",
		"+17",
		"00123",
		"1_000",
		"1e3",
		"1E-7",
		".5",
		"5.",
		"nan",
		"NaN",
		"1e400x",
		"0x10",
		"12345678901234567890",
		"3.141592653589793238",
		"4.35",
		"1.1.1",
		"+03:00",
		"ADD",
		"KGM",
		"gs1:Temperature",
		"",
		"a b",
		"Straße",
	]
	.iter()
	.map(|s| s.to_string())
	.collect();
	// Doubles across magnitudes, as Python prints them (repr / exact integers).
	let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
	for _ in 0..400 {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		let mantissa = (x % 10_000_000_000_000) as f64 / 1e6;
		let exponent = (x >> 40) as i32 % 60 - 30;
		let v = mantissa * 10f64.powi(exponent) * if x & 1 == 0 { 1.0 } else { -1.0 };
		inputs.push(format!("{v:e}"));
		inputs.push(format!("{v}"));
	}
	for v in [
		0.1 + 0.2,
		1e16,
		1e15 + 0.5,
		2f64.powi(53) + 2.0,
		f64::MAX,
		f64::MIN_POSITIVE,
		5e-324,
		123456.0e-9,
	] {
		inputs.push(format!("{v:e}"));
	}
	let reference = reference_strings("canon", &inputs);
	let mismatches: Vec<String> = inputs
		.iter()
		.zip(&reference)
		.filter(|(input, want)| reference_internals::canonize_value(input) != **want)
		.map(|(input, want)| {
			format!(
				"{input:?}: reference {want:?}, ours {:?}",
				reference_internals::canonize_value(input)
			)
		})
		.collect();
	assert!(
		mismatches.is_empty(),
		"{} of {} differ:\n{}",
		mismatches.len(),
		inputs.len(),
		mismatches.join("\n")
	);
}

/// Timestamps in various offsets and precisions: UTC, milliseconds, rounded like the reference.
#[test]
fn time_canonicalisation_matches_the_reference() {
	let inputs: Vec<String> = [
		"2024-03-01T10:00:00+03:00",
		"2024-03-01T10:00:00.1+03:00",
		"2024-03-01T10:00:00.123456789-11:30",
		"2024-03-01T10:00:00.0005Z",
		"2024-03-01T10:00:00.0015Z",
		"2024-03-01T10:00:00.0025Z",
		"2024-03-01T10:00:00.0035Z",
		"2024-03-01T10:00:00.9994999Z",
		"2024-02-29T23:59:59.999-00:01",
		"2000-02-29T12:00:00Z",
		"1900-03-01T00:00:00+14:00",
		"0001-01-02T00:00:00Z",
		"9999-12-31T23:59:59.999Z",
		"2024-03-01 10:00:00+0300",
		"2024-03-01T10:00:00+03",
		"2024-03-01t10:00:00z",
	]
	.iter()
	.map(|s| s.to_string())
	.collect();
	let reference = reference_strings("time", &inputs);
	for (input, want) in inputs.iter().zip(&reference) {
		assert_eq!(reference_internals::fix_time(input).as_deref(), Some(want.as_str()), "{input}");
	}
}

/// Known and pinned: the reference reads a bizTransaction's two keys in JSON order, so the same
/// event written with `bizTransaction` before `type` hashes differently there. This crate always
/// uses `type` first (the reference's order for GS1's examples and for EPCIS XML).
#[test]
fn reference_reads_biz_transaction_keys_in_document_order() {
	let doc = |first: &str, second: &str| {
		format!(
			r#"{{"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
			"type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
			"epcisBody": {{"eventList": [{{"type": "ObjectEvent", "eventTime": "2024-01-01T00:00:00Z",
			"eventTimeZoneOffset": "+00:00", "epcList": [], "action": "OBSERVE",
			"bizTransactionList": [{{{first}, {second}}}]}}]}}}}"#
		)
	};
	let typ = r#""type": "po""#;
	let id = r#""bizTransaction": "urn:tradechain:document:0x01""#;
	let dir = TempDir::new("key-order");
	let files = [
		dir.write("type-first.jsonld", &doc(typ, id)),
		dir.write("id-first.jsonld", &doc(id, typ)),
	];
	let reference = reference_hashes(&files);
	let ours: Vec<String> = files
		.iter()
		.map(|f| event_hash_id(&from_json_ld(&std::fs::read_to_string(f).unwrap()).unwrap()[0]))
		.collect();
	assert_eq!(ours[0], ours[1], "our hash does not depend on key order");
	assert_eq!(ours[0], reference[0].hashes[0], "type first: as the reference");
	assert_ne!(ours[1], reference[1].hashes[0], "bizTransaction first: the reference differs");
	assert!(reference[1].prehashes[0].ends_with(
		"bizTransaction=urn:tradechain:document:0x01type=https://ref.gs1.org/cbv/BTT-po"
	));
}
