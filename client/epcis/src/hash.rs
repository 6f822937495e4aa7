//! The CBV 2.0 EPCIS event hash ID: a port of GS1's reference implementation,
//! `epcis-event-hash-generator` 1.9.3 (PyPI; MIT licence, © Ralph Tröger and Sebastian
//! Schmittner), for the fields of [`Event`].
//!
//! The reference reads a JSON-LD document in four steps, each mirrored here:
//! 1. *Bare-string expansion* (`json_to_py._bare_string_pre_preocessing`): the document is
//!    expanded as JSON-LD, every expanded string starting with `https://ref.gs1.org/cbv` or
//!    `https://gs1.org/voc` is a candidate, and every string value `v` of the document for which
//!    exactly one candidate ends with `-v` or `/v` is replaced by that candidate. So `shipping`
//!    becomes `https://ref.gs1.org/cbv/BizStep-shipping`, `Temperature` becomes
//!    `https://gs1.org/voc/Temperature`, but `gs1:Temperature` stays as it is. The candidates are
//!    emulated from the EPCIS context's terms ([`crate::vocab`]) and its `cbv:`/`gs1:` prefixes.
//! 2. *Simple tree* (`_json_to_py` + `deep_structure_correction`): `(name, value, children)`
//!    triples, lists renamed as in XML (`epcList` → `epc`, `quantityList` → `quantityElement`, ...),
//!    each `bizTransaction` kept as a (`type`, `bizTransaction`) pair.
//! 3. *Pre-hash string* (`_recurse_through_children_in_order`): fields in the canonical property
//!    order, `key=value`, values canonicalised (URN vocabulary → web URIs, numbers without
//!    trailing zeros, EPC URNs and Digital Link URIs → constrained canonical Digital Link URIs,
//!    times → UTC with milliseconds), repeated elements sorted. Elements the order does not name
//!    are appended after it (`_gather_elements_not_in_order`): in 1.9.3 that is where the
//!    `bizTransactionList` ends up, after `sensorElementList`, because its order entry never
//!    matches the pairs.
//! 4. `ni:///sha-256;<hex>?ver=CBV2.0` of the UTF-8 pre-hash string.

use crate::{dl, pyfmt, time, vocab, Event};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// An element of the reference's simple tree.
#[derive(Debug, Clone)]
enum Item {
	Node(Node),
	/// A `bizTransaction` (`type` then `bizTransaction`, as the reference pairs them).
	Group(Vec<Node>),
}

#[derive(Debug, Clone)]
struct Node {
	name: &'static str,
	value: String,
	children: Vec<Item>,
}

fn leaf(name: &'static str, value: String) -> Item {
	Item::Node(Node { name, value, children: Vec::new() })
}

fn parent(name: &'static str, children: Vec<Item>) -> Item {
	Item::Node(Node { name, value: String::new(), children })
}

/// The reference's `PROP_ORDER`.
enum Order {
	Leaf(&'static str),
	Sub(&'static str, &'static [Order]),
}
use Order::{Leaf, Sub};

const EPC: &[Order] = &[Leaf("epc")];
const QUANTITY_ELEMENT: &[Order] =
	&[Sub("quantityElement", &[Leaf("epcClass"), Leaf("quantity"), Leaf("uom")])];
const PROP_ORDER: &[Order] = &[
	Leaf("eventTime"),
	Leaf("eventTimeZoneOffset"),
	Leaf("certificationInfo"),
	Leaf("parentID"),
	Sub("epcList", EPC),
	Sub("inputEPCList", EPC),
	Sub("childEPCs", EPC),
	Sub("quantityList", QUANTITY_ELEMENT),
	Sub("childQuantityList", QUANTITY_ELEMENT),
	Sub("inputQuantityList", QUANTITY_ELEMENT),
	Sub("outputEPCList", EPC),
	Sub("outputQuantityList", QUANTITY_ELEMENT),
	Leaf("action"),
	Leaf("transformationID"),
	Leaf("bizStep"),
	Leaf("disposition"),
	Sub("persistentDisposition", &[Leaf("set"), Leaf("unset")]),
	Sub("readPoint", &[Leaf("id")]),
	Sub("bizLocation", &[Leaf("id")]),
	// The reference lists bizTransactionList, sourceList and destinationList here with a
	// sub-order of (type, value) tuples that never equals a tree element: they contribute
	// nothing at this point and stay for `gather_elements_not_in_order`. Omitting them is
	// equivalent.
	Sub(
		"sensorElementList",
		&[Sub(
			"sensorElement",
			&[
				Sub(
					"sensorMetadata",
					&[
						Leaf("time"),
						Leaf("startTime"),
						Leaf("endTime"),
						Leaf("deviceID"),
						Leaf("deviceMetadata"),
						Leaf("rawData"),
						Leaf("dataProcessingMethod"),
						Leaf("bizRules"),
					],
				),
				Sub(
					"sensorReport",
					&[
						Leaf("type"),
						Leaf("exception"),
						Leaf("deviceID"),
						Leaf("deviceMetadata"),
						Leaf("rawData"),
						Leaf("dataProcessingMethod"),
						Leaf("time"),
						Leaf("microorganism"),
						Leaf("chemicalSubstance"),
						Leaf("value"),
						Leaf("component"),
						Leaf("stringValue"),
						Leaf("booleanValue"),
						Leaf("hexBinaryValue"),
						Leaf("uriValue"),
						Leaf("minValue"),
						Leaf("maxValue"),
						Leaf("meanValue"),
						Leaf("sDev"),
						Leaf("percRank"),
						Leaf("percValue"),
						Leaf("uom"),
						Leaf("coordinateReferenceSystem"),
					],
				),
			],
		)],
	),
];

const CBV: &str = "https://ref.gs1.org/cbv/";
const GS1_VOC: &str = "https://gs1.org/voc/";

/// How JSON-LD expands a field's string value under the EPCIS context.
#[derive(Clone, Copy)]
enum Kind {
	/// A plain literal: the string itself.
	Literal,
	/// `"@type": "@id"` (or the node's `@id`): an IRI, compact IRIs expanded.
	Id,
	/// `"@type": "@vocab"` with the field's scoped terms: a term, else an IRI.
	Vocab(&'static [(&'static str, &'static str)]),
}

/// Compact IRI expansion with the context's prefixes; only `cbv:` and `gs1:` can yield a
/// candidate, every other prefix (or none) leaves a string that cannot be one.
fn expand_iri(v: &str) -> String {
	if let Some((prefix, suffix)) = v.split_once(':') {
		if !suffix.starts_with("//") {
			match prefix {
				"cbv" => return format!("{CBV}{suffix}"),
				"gs1" => return format!("{GS1_VOC}{suffix}"),
				_ => {}
			}
		}
	}
	v.to_string()
}

fn expand(kind: Kind, v: &str) -> String {
	match kind {
		Kind::Literal => v.to_string(),
		Kind::Id => expand_iri(v),
		Kind::Vocab(terms) => {
			if let Some((_, iri)) = terms.iter().find(|(term, _)| *term == v) {
				return iri.to_string();
			}
			match v {
				"cbv" => CBV.to_string(),
				"gs1" => GS1_VOC.to_string(),
				_ => expand_iri(v),
			}
		}
	}
}

fn is_candidate(s: &str) -> bool {
	s.starts_with("https://ref.gs1.org/cbv") || s.starts_with("https://gs1.org/voc")
}

/// Every string value of the event, with how JSON-LD reads it. The event time is left out: it is
/// a timestamp, never a candidate, and the model holds it as a number.
fn string_fields(e: &Event) -> Vec<(Kind, &str)> {
	let mut out: Vec<(Kind, &str)> = Vec::new();
	let quantities = e
		.quantity_list
		.iter()
		.chain(&e.child_quantity_list)
		.chain(&e.input_quantity_list)
		.chain(&e.output_quantity_list);
	for q in quantities {
		out.push((Kind::Id, &q.epc_class));
		if let Some(uom) = &q.uom {
			out.push((Kind::Literal, uom));
		}
	}
	let epcs =
		e.epc_list.iter().chain(&e.child_epcs).chain(&e.input_epc_list).chain(&e.output_epc_list);
	out.extend(epcs.map(|s| (Kind::Id, s.as_str())));
	if let Some(p) = &e.parent_id {
		out.push((Kind::Id, p));
	}
	if let Some(a) = e.action {
		out.push((Kind::Literal, a.as_str()));
	}
	if let Some(v) = &e.biz_step {
		out.push((Kind::Vocab(vocab::BIZ_STEP), v));
	}
	if let Some(v) = &e.disposition {
		out.push((Kind::Vocab(vocab::DISPOSITION), v));
	}
	for v in [&e.read_point, &e.biz_location].into_iter().flatten() {
		out.push((Kind::Id, v));
	}
	for t in &e.biz_transactions {
		if let Some(kind) = &t.kind {
			out.push((Kind::Vocab(vocab::BIZ_TRANSACTION_TYPE), kind));
		}
		out.push((Kind::Id, &t.id));
	}
	for r in &e.sensor_reports {
		if !r.kind.is_empty() {
			out.push((Kind::Vocab(vocab::MEASUREMENT_TYPE), &r.kind));
		}
		if let Some(uom) = &r.uom {
			out.push((Kind::Literal, uom));
		}
	}
	out
}

/// Step 1: the reference's bare-string replacement, for the strings of one event.
struct BareStrings {
	candidates: BTreeSet<String>,
}

impl BareStrings {
	fn new(e: &Event) -> Self {
		let candidates = string_fields(e)
			.into_iter()
			.map(|(kind, v)| expand(kind, v))
			.filter(|s| is_candidate(s))
			.collect();
		BareStrings { candidates }
	}

	fn apply(&self, v: &str) -> String {
		let dash = format!("-{v}");
		let slash = format!("/{v}");
		let mut matches =
			self.candidates.iter().filter(|c| c.ends_with(&dash) || c.ends_with(&slash));
		match (matches.next(), matches.next()) {
			(Some(only), None) => only.clone(),
			_ => v.to_string(),
		}
	}
}

/// A JSON number as the reference reads it: `str()` of the parsed value (our export writes
/// non-finite numbers as `null`, which Python prints as `None`).
fn number(x: f64) -> String {
	pyfmt::py_number(x).unwrap_or_else(|| "None".to_string())
}

/// Step 2: the simple tree of an event (without its `type`, `eventID`: neither is hashed).
fn tree(e: &Event, bare: &BareStrings) -> Vec<Item> {
	let b = |v: &str| bare.apply(v);
	let epcs = |list: &[String]| list.iter().map(|epc| leaf("epc", b(epc))).collect::<Vec<_>>();
	let quantities = |list: &[crate::QuantityElement]| {
		list.iter()
			.map(|q| {
				let mut fields = vec![leaf("epcClass", b(&q.epc_class))];
				if let Some(x) = q.quantity {
					fields.push(leaf("quantity", number(x)));
				}
				if let Some(uom) = &q.uom {
					fields.push(leaf("uom", b(uom)));
				}
				parent("quantityElement", fields)
			})
			.collect::<Vec<_>>()
	};
	let mut items = vec![
		leaf("eventTime", time::format_utc(e.event_time_millis)),
		leaf("eventTimeZoneOffset", b(&time::format_offset(e.time_zone_offset_minutes))),
	];
	if let Some(p) = &e.parent_id {
		items.push(leaf("parentID", b(p)));
	}
	for (name, list) in [
		("epcList", &e.epc_list),
		("childEPCs", &e.child_epcs),
		("inputEPCList", &e.input_epc_list),
		("outputEPCList", &e.output_epc_list),
	] {
		if !list.is_empty() {
			items.push(parent(name, epcs(list)));
		}
	}
	for (name, list) in [
		("quantityList", &e.quantity_list),
		("childQuantityList", &e.child_quantity_list),
		("inputQuantityList", &e.input_quantity_list),
		("outputQuantityList", &e.output_quantity_list),
	] {
		if !list.is_empty() {
			items.push(parent(name, quantities(list)));
		}
	}
	if let Some(a) = e.action {
		items.push(leaf("action", b(a.as_str())));
	}
	if let Some(v) = &e.biz_step {
		items.push(leaf("bizStep", b(v)));
	}
	if let Some(v) = &e.disposition {
		items.push(leaf("disposition", b(v)));
	}
	if let Some(v) = &e.read_point {
		items.push(parent("readPoint", vec![leaf("id", b(v))]));
	}
	if let Some(v) = &e.biz_location {
		items.push(parent("bizLocation", vec![leaf("id", b(v))]));
	}
	if !e.biz_transactions.is_empty() {
		let entries = e
			.biz_transactions
			.iter()
			.map(|t| {
				let mut pair = Vec::new();
				if let Some(kind) = &t.kind {
					pair.push(Node { name: "type", value: b(kind), children: Vec::new() });
				}
				pair.push(Node { name: "bizTransaction", value: b(&t.id), children: Vec::new() });
				Item::Group(pair)
			})
			.collect();
		items.push(parent("bizTransactionList", entries));
	}
	if !e.sensor_reports.is_empty() {
		let reports = e
			.sensor_reports
			.iter()
			.map(|r| {
				let mut fields = Vec::new();
				if !r.kind.is_empty() {
					fields.push(leaf("type", b(&r.kind)));
				}
				for (name, v) in [("minValue", r.min), ("maxValue", r.max), ("meanValue", r.mean)] {
					if let Some(x) = v {
						fields.push(leaf(name, number(x)));
					}
				}
				if let Some(uom) = &r.uom {
					fields.push(leaf("uom", b(uom)));
				}
				parent("sensorReport", fields)
			})
			.collect();
		items.push(parent("sensorElementList", vec![parent("sensorElement", reports)]));
	}
	items
}

/// The reference's `_fix_time_stamp_format`: UTC with milliseconds, or the text unchanged if it
/// is no timestamp.
fn fix_time(text: &str) -> String {
	time::parse_datetime(text).map(time::format_utc).unwrap_or_else(|_| text.to_string())
}

/// The reference's `_try_format_numeric`.
fn format_numeric(text: &str) -> String {
	match pyfmt::py_float(text) {
		// int(nan) raises ValueError (caught: text unchanged); int(inf) raises OverflowError,
		// which makes the reference drop the whole event: nothing better to do than keep the text.
		Some(x) if x.is_finite() => pyfmt::py_number(x).expect("finite"),
		_ => text.to_string(),
	}
}

/// The reference's `_canonize_value`.
pub(crate) fn canonize_value(text: &str) -> String {
	let text = text
		.replace("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-")
		.replace("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-")
		.replace("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-")
		.replace("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-")
		.replace("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-");
	let text = format_numeric(&text);
	dl::normalise(&text).unwrap_or(text)
}

/// The reference's `_child_to_pre_hash_string`.
fn child_to_pre_hash(child: &mut Node, sub_order: Option<&[Order]>) -> String {
	let grand_child_text = match sub_order {
		Some(order) if !order.is_empty() => recurse_in_order(&mut child.children, order),
		_ => String::new(),
	};
	let mut text = String::new();
	if !child.value.is_empty() {
		let stripped = pyfmt::py_strip(&child.value);
		let lower = child.name.to_lowercase();
		text = if lower.contains("time") && !lower.contains("offset") {
			fix_time(stripped)
		} else {
			canonize_value(stripped)
		};
		if !text.is_empty() {
			text.insert(0, '=');
		}
	}
	if text.is_empty() && grand_child_text.is_empty() {
		return String::new();
	}
	format!("{}{}{}", child.name, text, grand_child_text)
}

/// The reference's `_recurse_through_children_in_order`: consumes (removes) every element
/// without children left once it has been written. (`_gather_user_extensions` never finds any
/// here: none of this tree's names is a `{namespace}name`.)
fn recurse_in_order(children: &mut Vec<Item>, order: &[Order]) -> String {
	let mut pre_hash = String::new();
	for entry in order {
		let (name, sub) = match entry {
			Leaf(name) => (*name, None),
			Sub(name, sub) => (*name, Some(*sub)),
		};
		let mut values = Vec::new();
		let mut consumed = vec![false; children.len()];
		for (i, item) in children.iter_mut().enumerate() {
			if let Item::Node(node) = item {
				if node.name == name {
					let s = child_to_pre_hash(node, sub);
					if !s.is_empty() {
						values.push(s);
					}
					consumed[i] = node.children.is_empty();
				}
			}
		}
		let mut flags = consumed.into_iter();
		children.retain(|_| !flags.next().expect("one flag per child"));
		values.sort();
		pre_hash.push_str(&values.concat());
	}
	pre_hash
}

/// The reference's `_generic_child_list_to_prehash_string`.
fn generic(children: &[Item]) -> String {
	let mut values: Vec<String> = children
		.iter()
		.map(|item| match item {
			Item::Group(nodes) => {
				let members: Vec<Item> = nodes.iter().cloned().map(Item::Node).collect();
				generic(&members)
			}
			Item::Node(node) => {
				let mut text = pyfmt::py_strip(&node.value).to_string();
				if !text.is_empty() {
					text = format!("={}", canonize_value(&text));
				}
				format!("{}{}{}", node.name, text, generic(&node.children))
			}
		})
		.collect();
	// `should_sort`: not inside a bizTransaction / source / destination.
	let keep_order = children.iter().any(|item| {
		matches!(item, Item::Node(n) if matches!(n.name, "bizTransaction" | "source" | "destination"))
	});
	if children.len() > 1 && !keep_order {
		values.sort();
	}
	values.concat()
}

/// The reference's `_gather_elements_not_in_order` (its ignored names never occur in our tree).
fn gather_elements_not_in_order(children: &[Item]) -> String {
	if children.is_empty() {
		return String::new();
	}
	generic(children)
}

/// The pre-hash string of an event.
pub(crate) fn pre_hash_string(e: &Event) -> String {
	let bare = BareStrings::new(e);
	let event_type = bare.apply(e.event_type.as_str());
	let mut children = tree(e, &bare);
	let ordered = recurse_in_order(&mut children, PROP_ORDER);
	let rest = gather_elements_not_in_order(&children);
	format!("eventType={event_type}{ordered}{rest}")
}

pub(crate) fn digest(e: &Event) -> [u8; 32] {
	Sha256::digest(pre_hash_string(e).as_bytes()).into()
}

pub(crate) fn hash_id(e: &Event) -> String {
	let hex: String = digest(e).iter().map(|b| format!("{b:02x}")).collect();
	format!("ni:///sha-256;{hex}?ver=CBV2.0")
}
