//! GS1 EPCIS 2.0 on the client side: an event model, EPCIS 2.0 JSON-LD export and import, and the
//! CBV 2.0 *EPCIS event hash ID* (`ni:///sha-256;<hex>?ver=CBV2.0`) that Tradechain anchors on
//! chain. Pure Rust: no pallet or polkadot-sdk crate.
//!
//! # The model
//!
//! One [`Event`] struct for the five EPCIS 2.0 event types ([`EventType`]); which fields an event
//! type may use is the EPCIS rule (ObjectEvent: `epc_list`/`quantity_list`; Aggregation and
//! Association: `parent_id`, `child_epcs`, `child_quantity_list`; Transaction: `parent_id`,
//! `epc_list`, `quantity_list`, at least one business transaction; Transformation: the
//! input/output lists and no `action`). Times are UTC milliseconds plus the local offset in
//! minutes. `biz_step`, `disposition`, business transaction types and sensor measurement types are
//! kept exactly as written: CBV bare names (`"shipping"`, `"in_transit"`, `"po"`,
//! `"Temperature"`), which EPCIS 2.0 JSON uses, or URIs.
//!
//! * [`event_hash_id`] / [`event_hash_digest`] / [`pre_hash_string`]: the hash ID, equal to the one
//!   GS1's reference implementation (PyPI `epcis-event-hash-generator` 1.9.3) computes for the
//!   event in a JSON-LD document with the standard EPCIS context. `eventID` (and `recordTime`,
//!   `errorDeclaration`) are not part of the hash.
//! * [`to_json_ld`] / [`to_json_ld_string`]: an `EPCISDocument` (EPCIS 2.0 JSON-LD) whose events
//!   carry their hash ID as `eventID`. It validates against GS1's EPCIS 2.0 JSON Schema when the
//!   events follow the EPCIS rules above and the schema's value rules: CBV values as bare names
//!   or as URIs other than `urn:epcglobal:cbv:…` (a bare name outside CBV, such as
//!   `"customs_clearance"`, is invalid: use a URI), measurement types as bare GS1 names or
//!   non-`https://gs1.org/voc/` URIs (`gs1:Temperature` passes), units as 2-3 character UN/ECE
//!   codes, identifiers as URIs.
//! * [`from_json_ld`]: import an `EPCISDocument` (or `EPCISQueryDocument`); every problem is an
//!   [`Error`] naming the JSON path, never a panic.
//! * [`hash_id_of_json`]: the hash ID of one EPCIS JSON event object (parsed, then hashed).
//!
//! # URI conventions
//!
//! * Locations with a GLN: GS1 Digital Link, [`gln_uri`] → `https://id.gs1.org/414/<GLN>`. The
//!   hash canonicalises `urn:epc:id:sgln:<company prefix>.<location ref>.0` to the same URI, so
//!   both forms give the same hash ID.
//! * Locations with a UN/LOCODE: [`locode_uri`] → `https://vocabulary.uncefact.org/unlocode#DEHAM`,
//!   the UN/CEFACT web vocabulary's identifier of the location (namespace `unlcd:`). It is a valid
//!   `uri` for the schema and the hash keeps it as it is (not a GS1 key, no CBV term).
//! * Documents anchored on chain by their 32-byte hash: [`document_uri`] →
//!   `urn:tradechain:document:0x<64 hex>`, used as the `bizTransaction` identifier.
//!
//! # Hashing: where the reference sets the rules
//!
//! The hash follows the reference implementation's behaviour, not only the algorithm's prose:
//! * Bare CBV names are expanded through the EPCIS JSON-LD context (`shipping` →
//!   `https://ref.gs1.org/cbv/BizStep-shipping`), but compact IRIs are not: `gs1:Temperature`
//!   stays `gs1:Temperature` while `Temperature` becomes `https://gs1.org/voc/Temperature`, so the
//!   two spellings give different hash IDs. Prefer the bare names, whose hash also equals the XML
//!   form's.
//! * `bizTransactionList` comes last in the pre-hash string (after `sensorElementList`), each
//!   entry as `type=…bizTransaction=…`. The reference reads that pair in the order of the JSON
//!   object's keys: it matches ours when `type` comes first, as in GS1's examples and in
//!   [`to_json_ld_string`], but not after a serialiser that sorts keys (`serde_json` without
//!   `preserve_order`, which is why [`to_json_ld_string`] exists). A business transaction
//!   without a type is hashed as `bizTransaction=…`; the reference cannot hash it (it raises).
//! * Expansion candidates are gathered per event, where the reference gathers them per document:
//!   they only differ when another event of the same document carries a CBV/GS1 web vocabulary
//!   URI ending in the very same term.
//! * Numbers are canonicalised as Python prints them (`1`, `10.5`, `1e-05`); non-finite numbers
//!   are not EPCIS (they export as `null`). Identifiers made only of digits are numbers to the
//!   reference too (`"00123"` hashes as `123`). Non-ASCII decimal digits, which Python's `float()`
//!   and `\d` accept, are not treated as digits here.
//! * Times: the reference cuts to microseconds and rounds to milliseconds half to even; a time
//!   that rounds up to the next second makes the reference fail, this crate carries the second.
//!
//! # Not supported
//!
//! `ilmd`, `sourceList`/`destinationList` (non-empty), `persistentDisposition`,
//! `certificationInfo`, `transformationID`, `sensorMetadata`, sensor report fields other than
//! `type`/`minValue`/`maxValue`/`meanValue`/`uom`, more than one sensor element with reports,
//! user extensions (namespaced fields anywhere), event-level `@context`, `errorDeclaration` on
//! import (an error declaration retracts an event: the model cannot say so; [`hash_id_of_json`]
//! accepts it, as the hash excludes it), EPCIS XML, master data. Import refuses all of these with
//! [`Error::Unsupported`] rather than dropping them, because most would change the hash. A
//! document's `@context` must be GS1's EPCIS 2.0 context, optionally followed by namespace
//! declarations (`{"ex": "https://example.com/"}`); values written with such a prefix are
//! imported expanded, as the reference hashes them. `recordTime` and `comment`/`rdfs:comment` are
//! accepted and dropped (not hashed). An `eventTimeZoneOffset` of `-00:00` is refused (the model
//! keeps minutes, and the reference hashes `-00:00` and `+00:00` differently).
//!
//! Portions are ports of `epcis-event-hash-generator` (MIT License, Copyright 2020-2023 Ralph
//! Tröger and Sebastian Schmittner).

use serde_json::Value;
use std::fmt;

pub mod chain;
mod dl;
mod hash;
mod jsonld;
mod pyfmt;
pub mod reference;
mod time;
mod vocab;

pub use jsonld::{to_json_ld_string, EPCIS_CONTEXT};

/// The five EPCIS 2.0 event types.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EventType {
	#[default]
	Object,
	Aggregation,
	Transformation,
	Transaction,
	Association,
}

impl EventType {
	/// The JSON `type`: `ObjectEvent`, `AggregationEvent`, ...
	pub fn as_str(self) -> &'static str {
		match self {
			EventType::Object => "ObjectEvent",
			EventType::Aggregation => "AggregationEvent",
			EventType::Transformation => "TransformationEvent",
			EventType::Transaction => "TransactionEvent",
			EventType::Association => "AssociationEvent",
		}
	}

	/// The event type of a JSON `type`.
	pub fn from_name(name: &str) -> Option<Self> {
		[
			Self::Object,
			Self::Aggregation,
			Self::Transformation,
			Self::Transaction,
			Self::Association,
		]
		.into_iter()
		.find(|t| t.as_str() == name)
	}
}

/// An event's action (every event type but TransformationEvent has one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
	Add,
	Observe,
	Delete,
}

impl Action {
	/// `ADD`, `OBSERVE` or `DELETE`.
	pub fn as_str(self) -> &'static str {
		match self {
			Action::Add => "ADD",
			Action::Observe => "OBSERVE",
			Action::Delete => "DELETE",
		}
	}

	/// The action of its JSON value.
	pub fn from_name(name: &str) -> Option<Self> {
		[Self::Add, Self::Observe, Self::Delete].into_iter().find(|a| a.as_str() == name)
	}
}

/// One sensor report. All reports of an event belong to one `sensorElement`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SensorReport {
	/// The measurement type: a bare GS1 name (`"Temperature"`), a compact IRI
	/// (`"gs1:Temperature"`) or a URI. Empty means no type (exported without `type`).
	pub kind: String,
	pub min: Option<f64>,
	pub max: Option<f64>,
	pub mean: Option<f64>,
	/// UN/ECE Recommendation 20 unit code, e.g. `"CEL"`.
	pub uom: Option<String>,
}

/// A business transaction: a document the event refers to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BizTransaction {
	/// CBV type, bare (`"po"`, `"inv"`, `"bol"`, `"desadv"`, ...) or a URI.
	pub kind: Option<String>,
	/// The transaction's URI, e.g. [`document_uri`].
	pub id: String,
}

/// A quantity of a class of objects (`urn:epc:class:lgtin:...` or a Digital Link URI).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuantityElement {
	pub epc_class: String,
	pub quantity: Option<f64>,
	/// UN/ECE Recommendation 20 unit code (`"KGM"`); none means a count of instances.
	pub uom: Option<String>,
}

/// An EPCIS 2.0 event of any of the five types (see the crate documentation for which fields
/// each type uses).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
	pub event_type: EventType,
	/// `None` for TransformationEvent, required for the others.
	pub action: Option<Action>,
	/// UTC milliseconds since the Unix epoch (years 0001 to 9999).
	pub event_time_millis: i64,
	/// Local time offset east of UTC in minutes, e.g. `180` for `+03:00` (-840..=840).
	pub time_zone_offset_minutes: i16,
	/// Object and Transaction events: instance-level identifiers.
	pub epc_list: Vec<String>,
	/// Object and Transaction events: class-level quantities.
	pub quantity_list: Vec<QuantityElement>,
	/// Aggregation, Association (required) and Transaction events.
	pub parent_id: Option<String>,
	/// Aggregation and Association events.
	pub child_epcs: Vec<String>,
	pub child_quantity_list: Vec<QuantityElement>,
	/// Transformation events.
	pub input_epc_list: Vec<String>,
	pub input_quantity_list: Vec<QuantityElement>,
	pub output_epc_list: Vec<String>,
	pub output_quantity_list: Vec<QuantityElement>,
	/// CBV business step, bare (`"shipping"`) or a URI; exported as is.
	pub biz_step: Option<String>,
	/// CBV disposition, bare (`"in_transit"`) or a URI.
	pub disposition: Option<String>,
	/// Location URI where the event was observed ([`gln_uri`], [`locode_uri`], SGLN URN, ...).
	pub read_point: Option<String>,
	/// Location URI where the objects are afterwards.
	pub biz_location: Option<String>,
	pub biz_transactions: Vec<BizTransaction>,
	/// The reports of the event's one `sensorElement` (none: no `sensorElementList`).
	pub sensor_reports: Vec<SensorReport>,
	/// The `eventID` as imported. Export always writes [`event_hash_id`] instead.
	pub event_id: Option<String>,
}

/// What went wrong reading EPCIS JSON. `path` is the JSON path, e.g.
/// `epcisBody.eventList[2].eventTime`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
	/// The text is not JSON.
	Json(String),
	/// A required field is missing.
	Missing { path: String },
	/// A field has the wrong JSON type.
	WrongType { path: String, expected: &'static str },
	/// A field's value is not valid.
	InvalidValue { path: String, message: String },
	/// The event `type` is none of the five EPCIS 2.0 event types.
	UnknownEventType { path: String, found: String },
	/// Valid EPCIS that this model does not represent; importing or hashing it without it would
	/// be wrong.
	Unsupported { path: String, what: String },
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let at =
			|path: &str| if path.is_empty() { "document".to_string() } else { path.to_string() };
		match self {
			Error::Json(msg) => write!(f, "not valid JSON: {msg}"),
			Error::Missing { path } => write!(f, "{}: required field is missing", at(path)),
			Error::WrongType { path, expected } => write!(f, "{}: expected {expected}", at(path)),
			Error::InvalidValue { path, message } => write!(f, "{}: {message}", at(path)),
			Error::UnknownEventType { path, found } => write!(
				f,
				"{}: unknown event type `{found}` (expected ObjectEvent, AggregationEvent, \
				 TransformationEvent, TransactionEvent or AssociationEvent)",
				at(path)
			),
			Error::Unsupported { path, what } => {
				write!(f, "{}: not supported by tradechain-epcis: {what}", at(path))
			}
		}
	}
}

impl std::error::Error for Error {}

/// The CBV 2.0 EPCIS event hash ID of an event: `ni:///sha-256;<64 hex>?ver=CBV2.0`.
pub fn event_hash_id(event: &Event) -> String {
	hash::hash_id(event)
}

/// The SHA-256 digest inside [`event_hash_id`].
pub fn event_hash_digest(event: &Event) -> [u8; 32] {
	hash::digest(event)
}

/// The canonical pre-hash string whose SHA-256 is the event hash ID (for debugging and for
/// comparing with the reference implementation's `-p` output).
pub fn pre_hash_string(event: &Event) -> String {
	hash::pre_hash_string(event)
}

/// The hash ID of one EPCIS 2.0 JSON event object, as the reference computes it for that event
/// in a document with the standard EPCIS context. The event is parsed into [`Event`] first:
/// fields the model does not represent give [`Error::Unsupported`]; `eventID`, `recordTime` and
/// `errorDeclaration` are ignored, as the hash ignores them.
pub fn hash_id_of_json(event: &Value) -> Result<String, Error> {
	jsonld::parse_single_event(event).map(|e| event_hash_id(&e))
}

/// An `EPCISDocument` with the events, each with `eventID` = [`event_hash_id`]. Keys are inserted
/// in EPCIS order, but a `serde_json` built without `preserve_order` keeps them sorted: serialise
/// with [`to_json_ld_string`] for text that other EPCIS hash implementations read the same way.
pub fn to_json_ld(events: &[Event], creation_date_millis: i64) -> Value {
	jsonld::to_json_ld(events, creation_date_millis)
}

/// Imports the events of an EPCIS 2.0 JSON / JSON-LD `EPCISDocument` or `EPCISQueryDocument`.
pub fn from_json_ld(doc: &str) -> Result<Vec<Event>, Error> {
	jsonld::from_json_ld(doc)
}

/// The location URI of a GLN (13 digits): GS1 Digital Link `https://id.gs1.org/414/<gln>`.
/// The GLN is not checked; surrounding whitespace is removed.
pub fn gln_uri(gln: &str) -> String {
	format!("https://id.gs1.org/414/{}", gln.trim())
}

/// The location URI of a UN/LOCODE (`"DEHAM"`, also accepted as `"DE HAM"` or lower case):
/// `https://vocabulary.uncefact.org/unlocode#DEHAM`, its identifier in UN/CEFACT's web vocabulary.
pub fn locode_uri(locode: &str) -> String {
	let code: String = locode.chars().filter(|c| !c.is_whitespace()).collect();
	format!("https://vocabulary.uncefact.org/unlocode#{}", code.to_uppercase())
}

/// The URI of a document anchored on Tradechain by its 32-byte hash:
/// `urn:tradechain:document:0x<64 lower-case hex>`.
pub fn document_uri(hash: &[u8; 32]) -> String {
	let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
	format!("urn:tradechain:document:0x{hex}")
}

/// Internals exposed for the cross-checks against the reference implementation in `tests/`.
#[doc(hidden)]
pub mod reference_internals {
	/// The reference's `_canonize_value` of a field value.
	pub fn canonize_value(text: &str) -> String {
		crate::hash::canonize_value(text)
	}

	/// The reference's `_fix_time_stamp_format` for a timestamp it can parse.
	pub fn fix_time(text: &str) -> Option<String> {
		crate::time::parse_datetime(text).ok().map(crate::time::format_utc)
	}
}
