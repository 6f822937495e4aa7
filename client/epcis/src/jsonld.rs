//! EPCIS 2.0 JSON-LD: export of [`Event`]s as an `EPCISDocument`, import of documents and events.

use crate::{
	event_hash_id, time, vocab, Action, BizTransaction, Error, Event, EventType, QuantityElement,
	SensorReport,
};
use serde_json::{Map, Number, Value};
use std::collections::BTreeMap;

/// GS1's EPCIS 2.0 JSON-LD context, the `@context` of exported documents.
pub const EPCIS_CONTEXT: &str = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/// The `@context` URLs accepted on import: GS1's EPCIS 2.0 context under its versioned and
/// unversioned URL, and the earlier draft location (all define the same terms for the fields
/// modelled here; the reference bundles the first and the last).
const KNOWN_CONTEXTS: &[&str] = &[
	EPCIS_CONTEXT,
	"https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
	"https://gs1.github.io/EPCIS/epcis-context.jsonld",
];

// ---------------------------------------------------------------------------------------------
// Export

fn number(x: f64) -> Value {
	Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn strings(list: &[String]) -> Value {
	Value::Array(list.iter().cloned().map(Value::String).collect())
}

fn quantities(list: &[QuantityElement]) -> Value {
	Value::Array(
		list.iter()
			.map(|q| {
				let mut m = Map::new();
				m.insert("epcClass".into(), Value::String(q.epc_class.clone()));
				if let Some(x) = q.quantity {
					m.insert("quantity".into(), number(x));
				}
				if let Some(uom) = &q.uom {
					m.insert("uom".into(), Value::String(uom.clone()));
				}
				Value::Object(m)
			})
			.collect(),
	)
}

fn event_to_json(e: &Event) -> Value {
	let mut m = Map::new();
	let s = |v: &str| Value::String(v.to_string());
	m.insert("type".into(), s(e.event_type.as_str()));
	m.insert("eventID".into(), s(&event_hash_id(e)));
	m.insert(
		"eventTime".into(),
		s(&time::format_local(e.event_time_millis, e.time_zone_offset_minutes)),
	);
	m.insert("eventTimeZoneOffset".into(), s(&time::format_offset(e.time_zone_offset_minutes)));
	// ObjectEvent and TransactionEvent need epcList or quantityList: an empty epcList is
	// what EPCIS writes for neither, and it does not change the hash.
	let needs_epc_list = matches!(e.event_type, EventType::Object | EventType::Transaction)
		&& e.quantity_list.is_empty();
	if !e.epc_list.is_empty() || needs_epc_list {
		m.insert("epcList".into(), strings(&e.epc_list));
	}
	if let Some(p) = &e.parent_id {
		m.insert("parentID".into(), s(p));
	}
	for (key, list) in [("childEPCs", &e.child_epcs), ("inputEPCList", &e.input_epc_list)] {
		if !list.is_empty() {
			m.insert(key.into(), strings(list));
		}
	}
	for (key, list) in [
		("quantityList", &e.quantity_list),
		("childQuantityList", &e.child_quantity_list),
		("inputQuantityList", &e.input_quantity_list),
	] {
		if !list.is_empty() {
			m.insert(key.into(), quantities(list));
		}
	}
	if !e.output_epc_list.is_empty() {
		m.insert("outputEPCList".into(), strings(&e.output_epc_list));
	}
	if !e.output_quantity_list.is_empty() {
		m.insert("outputQuantityList".into(), quantities(&e.output_quantity_list));
	}
	if let Some(a) = e.action {
		m.insert("action".into(), s(a.as_str()));
	}
	if let Some(v) = &e.biz_step {
		m.insert("bizStep".into(), s(v));
	}
	if let Some(v) = &e.disposition {
		m.insert("disposition".into(), s(v));
	}
	for (key, v) in [("readPoint", &e.read_point), ("bizLocation", &e.biz_location)] {
		if let Some(id) = v {
			let mut loc = Map::new();
			loc.insert("id".into(), s(id));
			m.insert(key.into(), Value::Object(loc));
		}
	}
	if !e.biz_transactions.is_empty() {
		let list = e
			.biz_transactions
			.iter()
			.map(|t| {
				let mut bt = Map::new();
				if let Some(kind) = &t.kind {
					bt.insert("type".into(), s(kind));
				}
				bt.insert("bizTransaction".into(), s(&t.id));
				Value::Object(bt)
			})
			.collect();
		m.insert("bizTransactionList".into(), Value::Array(list));
	}
	if !e.sensor_reports.is_empty() {
		let reports = e
			.sensor_reports
			.iter()
			.map(|r| {
				let mut rm = Map::new();
				if !r.kind.is_empty() {
					rm.insert("type".into(), s(&r.kind));
				}
				for (key, v) in [("minValue", r.min), ("maxValue", r.max), ("meanValue", r.mean)] {
					if let Some(x) = v {
						rm.insert(key.into(), number(x));
					}
				}
				if let Some(uom) = &r.uom {
					rm.insert("uom".into(), s(uom));
				}
				Value::Object(rm)
			})
			.collect();
		let mut element = Map::new();
		element.insert("sensorReport".into(), Value::Array(reports));
		m.insert("sensorElementList".into(), Value::Array(vec![Value::Object(element)]));
	}
	Value::Object(m)
}

pub(crate) fn to_json_ld(events: &[Event], creation_date_millis: i64) -> Value {
	let mut body = Map::new();
	body.insert("eventList".into(), Value::Array(events.iter().map(event_to_json).collect()));
	let mut doc = Map::new();
	doc.insert("@context".into(), Value::Array(vec![Value::String(EPCIS_CONTEXT.into())]));
	doc.insert("type".into(), Value::String("EPCISDocument".into()));
	doc.insert("schemaVersion".into(), Value::String("2.0".into()));
	doc.insert("creationDate".into(), Value::String(time::format_utc(creation_date_millis)));
	doc.insert("epcisBody".into(), Value::Object(body));
	Value::Object(doc)
}

/// The order in which [`to_json_ld_string`] writes keys (others follow, sorted).
const KEY_ORDER: &[&str] = &[
	"@context",
	"type",
	"schemaVersion",
	"creationDate",
	"epcisHeader",
	"epcisBody",
	"eventList",
	"eventID",
	"eventTime",
	"eventTimeZoneOffset",
	"epcList",
	"parentID",
	"childEPCs",
	"inputEPCList",
	"quantityList",
	"childQuantityList",
	"inputQuantityList",
	"outputEPCList",
	"outputQuantityList",
	"action",
	"bizStep",
	"disposition",
	"readPoint",
	"bizLocation",
	"bizTransactionList",
	"sensorElementList",
	"id",
	"epcClass",
	"quantity",
	"bizTransaction",
	"sensorReport",
	"minValue",
	"maxValue",
	"meanValue",
	"uom",
];

fn write_json(v: &Value, out: &mut String) {
	match v {
		Value::Object(m) => {
			let mut keys: Vec<&String> = m.keys().collect();
			let rank = |k: &str| KEY_ORDER.iter().position(|o| *o == k).unwrap_or(KEY_ORDER.len());
			keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
			out.push('{');
			for (i, k) in keys.into_iter().enumerate() {
				if i > 0 {
					out.push(',');
				}
				out.push_str(&Value::String(k.clone()).to_string());
				out.push(':');
				write_json(&m[k], out);
			}
			out.push('}');
		}
		Value::Array(items) => {
			out.push('[');
			for (i, item) in items.iter().enumerate() {
				if i > 0 {
					out.push(',');
				}
				write_json(item, out);
			}
			out.push(']');
		}
		other => out.push_str(&other.to_string()),
	}
}

/// [`crate::to_json_ld`] serialised with the keys in EPCIS order (`type` first in every object),
/// whatever `serde_json`'s features. Use this text when the document leaves Tradechain: the
/// reference hash implementation reads a `bizTransaction`'s keys in document order.
pub fn to_json_ld_string(events: &[Event], creation_date_millis: i64) -> String {
	let mut out = String::new();
	write_json(&to_json_ld(events, creation_date_millis), &mut out);
	out
}

// ---------------------------------------------------------------------------------------------
// Import

/// How strictly an event is read.
struct Ctx {
	/// Namespace prefixes declared in the document's `@context`, applied to string values the
	/// way the reference does before hashing (`ex:x` → `https://example.com/x`).
	namespaces: BTreeMap<String, String>,
	/// Whole documents: the EPCIS rules of which fields an event type has. A single event for
	/// [`crate::hash_id_of_json`]: any modelled field, as the reference hashes whatever is there.
	strict: bool,
}

fn invalid(path: &str, message: impl Into<String>) -> Error {
	Error::InvalidValue { path: path.to_string(), message: message.into() }
}

fn unsupported(path: &str, what: impl Into<String>) -> Error {
	Error::Unsupported { path: path.to_string(), what: what.into() }
}

fn join(path: &str, key: &str) -> String {
	if path.is_empty() {
		key.to_string()
	} else {
		format!("{path}.{key}")
	}
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, Error> {
	v.as_object().ok_or_else(|| Error::WrongType { path: path.to_string(), expected: "an object" })
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, Error> {
	v.as_array().ok_or_else(|| Error::WrongType { path: path.to_string(), expected: "an array" })
}

fn raw_string<'a>(v: &'a Value, path: &str) -> Result<&'a str, Error> {
	v.as_str().ok_or_else(|| Error::WrongType { path: path.to_string(), expected: "a string" })
}

fn required<'a>(m: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a Value, Error> {
	m.get(key).ok_or_else(|| Error::Missing { path: join(path, key) })
}

fn num(v: &Value, path: &str) -> Result<f64, Error> {
	v.as_f64()
		.filter(|x| x.is_finite())
		.ok_or_else(|| Error::WrongType { path: path.to_string(), expected: "a number" })
}

/// Keys that the reference ignores wherever they are (`json_to_py`'s `to_be_ignored`).
fn is_comment(key: &str) -> bool {
	key == "comment" || key == "rdfs:comment"
}

/// A key that is no field of `allowed`: a user extension when namespaced, else unknown.
fn unexpected_key(path: &str, key: &str, allowed: &[&str]) -> Error {
	if key.contains(':') {
		unsupported(&join(path, key), "user extension fields")
	} else {
		invalid(
			&join(path, key),
			format!("unknown field (expected one of: {})", allowed.join(", ")),
		)
	}
}

impl Ctx {
	/// A string value, with the document's namespace prefixes expanded (`_namespace_replace`).
	fn string(&self, v: &Value, path: &str) -> Result<String, Error> {
		let s = raw_string(v, path)?;
		if let Some((prefix, rest)) = s.split_once(':') {
			if let Some(iri) = self.namespaces.get(prefix) {
				return Ok(format!("{}{rest}", iri.replace(['{', '}'], "")));
			}
		}
		Ok(s.to_string())
	}

	fn strings(&self, v: &Value, path: &str) -> Result<Vec<String>, Error> {
		array(v, path)?
			.iter()
			.enumerate()
			.map(|(i, item)| self.string(item, &format!("{path}[{i}]")))
			.collect()
	}

	fn quantities(&self, v: &Value, path: &str) -> Result<Vec<QuantityElement>, Error> {
		const FIELDS: &[&str] = &["epcClass", "quantity", "uom"];
		let mut out = Vec::new();
		for (i, item) in array(v, path)?.iter().enumerate() {
			let path = format!("{path}[{i}]");
			let m = object(item, &path)?;
			let mut q = QuantityElement {
				epc_class: self
					.string(required(m, "epcClass", &path)?, &join(&path, "epcClass"))?,
				..Default::default()
			};
			for (key, val) in m {
				let p = join(&path, key);
				match key.as_str() {
					"epcClass" => {}
					"quantity" => q.quantity = Some(num(val, &p)?),
					"uom" => q.uom = Some(self.string(val, &p)?),
					k if is_comment(k) => {}
					k => return Err(unexpected_key(&path, k, FIELDS)),
				}
			}
			out.push(q);
		}
		Ok(out)
	}

	fn location(&self, v: &Value, path: &str) -> Result<String, Error> {
		let m = object(v, path)?;
		for key in m.keys() {
			if key != "id" && !is_comment(key) {
				return Err(unexpected_key(path, key, &["id"]));
			}
		}
		self.string(required(m, "id", path)?, &join(path, "id"))
	}

	fn biz_transactions(&self, v: &Value, path: &str) -> Result<Vec<BizTransaction>, Error> {
		const FIELDS: &[&str] = &["type", "bizTransaction"];
		let mut out = Vec::new();
		for (i, item) in array(v, path)?.iter().enumerate() {
			let path = format!("{path}[{i}]");
			let m = object(item, &path)?;
			let mut t = BizTransaction {
				kind: None,
				id: self.string(
					required(m, "bizTransaction", &path)?,
					&join(&path, "bizTransaction"),
				)?,
			};
			for (key, val) in m {
				match key.as_str() {
					"bizTransaction" => {}
					"type" => t.kind = Some(self.string(val, &join(&path, key))?),
					k if is_comment(k) => {}
					k => return Err(unexpected_key(&path, k, FIELDS)),
				}
			}
			out.push(t);
		}
		Ok(out)
	}

	fn sensor_reports(&self, v: &Value, path: &str) -> Result<Vec<SensorReport>, Error> {
		const REPORT_FIELDS: &[&str] = &["type", "minValue", "maxValue", "meanValue", "uom"];
		const OTHER_REPORT_FIELDS: &[&str] = &[
			"exception",
			"deviceID",
			"deviceMetadata",
			"rawData",
			"dataProcessingMethod",
			"time",
			"microorganism",
			"chemicalSubstance",
			"value",
			"component",
			"stringValue",
			"booleanValue",
			"hexBinaryValue",
			"uriValue",
			"sDev",
			"percRank",
			"percValue",
			"coordinateReferenceSystem",
		];
		let mut found: Option<(String, Vec<SensorReport>)> = None;
		for (i, element) in array(v, path)?.iter().enumerate() {
			let epath = format!("{path}[{i}]");
			let m = object(element, &epath)?;
			let mut reports = Vec::new();
			for (key, val) in m {
				let rpath = join(&epath, key);
				match key.as_str() {
					"sensorReport" => {
						for (j, report) in array(val, &rpath)?.iter().enumerate() {
							let rpath = format!("{rpath}[{j}]");
							let rm = object(report, &rpath)?;
							let mut r = SensorReport::default();
							for (key, val) in rm {
								let p = join(&rpath, key);
								match key.as_str() {
									"type" => {
										r.kind = self.string(val, &p)?;
										// The model writes "no type" as an empty kind; an explicit
										// empty type is no EPCIS and could hash differently.
										if r.kind.is_empty() {
											return Err(invalid(&p, "empty measurement type"));
										}
									}
									"minValue" => r.min = Some(num(val, &p)?),
									"maxValue" => r.max = Some(num(val, &p)?),
									"meanValue" => r.mean = Some(num(val, &p)?),
									"uom" => r.uom = Some(self.string(val, &p)?),
									k if is_comment(k) => {}
									k if OTHER_REPORT_FIELDS.contains(&k) => {
										return Err(unsupported(
											&p,
											format!("sensor report field `{k}`"),
										))
									}
									k => return Err(unexpected_key(&rpath, k, REPORT_FIELDS)),
								}
							}
							reports.push(r);
						}
					}
					"sensorMetadata" => return Err(unsupported(&rpath, "sensorMetadata")),
					k if is_comment(k) => {}
					k => return Err(unexpected_key(&epath, k, &["sensorReport"])),
				}
			}
			if reports.is_empty() {
				// An element without reports adds nothing to the event (nor to its hash).
				continue;
			}
			if let Some((first, _)) = &found {
				return Err(unsupported(
					&epath,
					format!("more than one sensorElement with reports (the first is {first})"),
				));
			}
			found = Some((epath, reports));
		}
		Ok(found.map(|(_, r)| r).unwrap_or_default())
	}

	fn event(&self, v: &Value, path: &str, allow_error_declaration: bool) -> Result<Event, Error> {
		let m = object(v, path)?;
		let type_path = join(path, "type");
		let name = raw_string(required(m, "type", path)?, &type_path)?;
		let event_type = EventType::from_name(name)
			.ok_or_else(|| Error::UnknownEventType { path: type_path, found: name.to_string() })?;
		let mut e = Event { event_type, ..Default::default() };
		let time_value = required(m, "eventTime", path)?;
		let p = join(path, "eventTime");
		e.event_time_millis =
			time::parse_datetime(raw_string(time_value, &p)?).map_err(|msg| invalid(&p, msg))?;
		let offset_value = required(m, "eventTimeZoneOffset", path)?;
		let p = join(path, "eventTimeZoneOffset");
		e.time_zone_offset_minutes =
			time::parse_offset(raw_string(offset_value, &p)?).map_err(|msg| invalid(&p, msg))?;

		let specific = type_fields(event_type);
		for (key, val) in m {
			let p = join(path, key);
			let k = key.as_str();
			let allowed = SHARED_FIELDS.contains(&k) || specific.contains(&k);
			if self.strict && MODELLED_FIELDS.contains(&k) && !allowed {
				return Err(invalid(
					&p,
					format!("field not allowed in an EPCIS {}", event_type.as_str()),
				));
			}
			match k {
				"type" | "eventTime" | "eventTimeZoneOffset" => {},
				"eventID" => e.event_id = Some(raw_string(val, &p)?.to_string()),
				"recordTime" => {
					raw_string(val, &p)?;
				},
				"action" => {
					let a = raw_string(val, &p)?;
					e.action = Some(Action::from_name(a).ok_or_else(|| {
						invalid(&p, format!("unknown action `{a}` (expected ADD, OBSERVE or DELETE)"))
					})?);
				},
				"epcList" => e.epc_list = self.strings(val, &p)?,
				"childEPCs" => e.child_epcs = self.strings(val, &p)?,
				"inputEPCList" => e.input_epc_list = self.strings(val, &p)?,
				"outputEPCList" => e.output_epc_list = self.strings(val, &p)?,
				"quantityList" => e.quantity_list = self.quantities(val, &p)?,
				"childQuantityList" => e.child_quantity_list = self.quantities(val, &p)?,
				"inputQuantityList" => e.input_quantity_list = self.quantities(val, &p)?,
				"outputQuantityList" => e.output_quantity_list = self.quantities(val, &p)?,
				"parentID" => e.parent_id = Some(self.string(val, &p)?),
				"bizStep" => e.biz_step = Some(self.string(val, &p)?),
				"disposition" => e.disposition = Some(self.string(val, &p)?),
				"readPoint" => e.read_point = Some(self.location(val, &p)?),
				"bizLocation" => e.biz_location = Some(self.location(val, &p)?),
				"bizTransactionList" => e.biz_transactions = self.biz_transactions(val, &p)?,
				"sensorElementList" => e.sensor_reports = self.sensor_reports(val, &p)?,
				"sourceList" | "destinationList" => {
					if !array(val, &p)?.is_empty() {
						return Err(unsupported(&p, format!("`{k}`")));
					}
				},
				"errorDeclaration" if allow_error_declaration => {},
				"errorDeclaration" => return Err(unsupported(
					&p,
					"error declarations (the event would be imported as valid; hash_id_of_json accepts it)",
				)),
				"ilmd" | "persistentDisposition" | "certificationInfo" | "transformationID" => {
					return Err(unsupported(&p, format!("`{k}`")))
				},
				"@context" => return Err(unsupported(&p, "an event-level @context")),
				_ if is_comment(k) => {},
				_ => {
					let mut known: Vec<&str> = COMMON_FIELDS.to_vec();
					if self.strict {
						known.extend_from_slice(specific);
						known.extend_from_slice(SHARED_FIELDS);
					} else {
						known.extend_from_slice(MODELLED_FIELDS);
					}
					return Err(unexpected_key(path, k, &known));
				},
			}
		}
		if self.strict {
			let missing = |key: &str| Error::Missing { path: join(path, key) };
			match event_type {
				EventType::Transformation => {}
				_ if e.action.is_none() => return Err(missing("action")),
				EventType::Association if e.parent_id.is_none() => return Err(missing("parentID")),
				EventType::Transaction if e.biz_transactions.is_empty() => {
					return Err(invalid(
						&join(path, "bizTransactionList"),
						"a TransactionEvent needs at least one business transaction",
					))
				}
				_ => {}
			}
		}
		Ok(e)
	}
}

const COMMON_FIELDS: &[&str] =
	&["type", "eventID", "eventTime", "eventTimeZoneOffset", "recordTime", "errorDeclaration"];

/// The event fields this crate models (besides the common ones).
const MODELLED_FIELDS: &[&str] = &[
	"action",
	"epcList",
	"quantityList",
	"parentID",
	"childEPCs",
	"childQuantityList",
	"inputEPCList",
	"inputQuantityList",
	"outputEPCList",
	"outputQuantityList",
	"bizStep",
	"disposition",
	"readPoint",
	"bizLocation",
	"bizTransactionList",
	"sensorElementList",
];

/// The modelled fields every event type may have.
const SHARED_FIELDS: &[&str] = &[
	"bizStep",
	"disposition",
	"readPoint",
	"bizLocation",
	"bizTransactionList",
	"sensorElementList",
];

/// The modelled fields specific to each event type (EPCIS 2.0 JSON schema, `propertyNames`).
fn type_fields(t: EventType) -> &'static [&'static str] {
	match t {
		EventType::Object => &["action", "epcList", "quantityList"],
		EventType::Aggregation | EventType::Association => {
			&["action", "parentID", "childEPCs", "childQuantityList"]
		}
		EventType::Transaction => &["action", "parentID", "epcList", "quantityList"],
		EventType::Transformation => {
			&["inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList"]
		}
	}
}

/// A namespace prefix as JSON-LD and the reference can use it: a plain NCName-like word.
fn is_prefix_name(k: &str) -> bool {
	let mut chars = k.chars();
	matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
		&& chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// The namespace declarations of a document's `@context`, which must be GS1's EPCIS 2.0 context
/// (alone, or first in a list followed by objects mapping prefixes to IRIs).
fn parse_context(v: &Value, path: &str) -> Result<BTreeMap<String, String>, Error> {
	let known = |s: &str| KNOWN_CONTEXTS.contains(&s);
	let mut namespaces = BTreeMap::new();
	match v {
		Value::String(s) if known(s) => Ok(namespaces),
		Value::String(s) => {
			Err(unsupported(path, format!("@context `{s}` (expected {EPCIS_CONTEXT})")))
		}
		Value::Array(items) => {
			let mut has_epcis = false;
			for (i, item) in items.iter().enumerate() {
				let p = format!("{path}[{i}]");
				match item {
					Value::String(s) if known(s) => has_epcis = true,
					Value::String(s) => {
						return Err(unsupported(
							&p,
							format!("@context `{s}` (expected {EPCIS_CONTEXT})"),
						))
					}
					Value::Object(m) => {
						for (k, val) in m {
							let kp = join(&p, k);
							let iri = val.as_str().ok_or_else(|| {
								unsupported(
									&kp,
									"term definitions other than a namespace IRI string",
								)
							})?;
							if !is_prefix_name(k) {
								return Err(unsupported(&kp, format!("@context entry `{k}`")));
							}
							if let Some((_, standard)) =
								vocab::TOP_LEVEL_TERMS.iter().find(|(t, _)| *t == k)
							{
								if *standard != Some(iri) {
									return Err(unsupported(
										&kp,
										format!("redefining the EPCIS term `{k}`"),
									));
								}
							} else if iri.starts_with("https://ref.gs1.org/cbv")
								|| iri.starts_with("https://gs1.org/voc")
							{
								return Err(unsupported(
									&kp,
									"a second prefix for GS1's web vocabulary",
								));
							}
							namespaces.insert(k.clone(), iri.to_string());
						}
					}
					_ => {
						return Err(Error::WrongType {
							path: p,
							expected: "a context URL or object",
						})
					}
				}
			}
			if has_epcis {
				Ok(namespaces)
			} else {
				Err(unsupported(path, format!("a @context without {EPCIS_CONTEXT}")))
			}
		}
		Value::Object(_) => Err(unsupported(path, format!("a @context without {EPCIS_CONTEXT}"))),
		_ => Err(Error::WrongType { path: path.to_string(), expected: "a context URL or a list" }),
	}
}

pub(crate) fn from_json_ld(doc: &str) -> Result<Vec<Event>, Error> {
	let root: Value = serde_json::from_str(doc).map_err(|e| Error::Json(e.to_string()))?;
	let m = object(&root, "")?;
	let doc_type = raw_string(required(m, "type", "")?, "type")?;
	let query = match doc_type {
		"EPCISDocument" => false,
		"EPCISQueryDocument" => true,
		other => {
			return Err(invalid(
				"type",
				format!("`{other}` is not an EPCISDocument or EPCISQueryDocument"),
			))
		}
	};
	let namespaces = parse_context(required(m, "@context", "")?, "@context")?;
	let version = raw_string(required(m, "schemaVersion", "")?, "schemaVersion")?;
	if !version.starts_with("2.") {
		return Err(unsupported("schemaVersion", format!("EPCIS {version} (expected 2.x)")));
	}
	let body = object(required(m, "epcisBody", "")?, "epcisBody")?;
	let (list, path) = if query {
		let results =
			object(required(body, "queryResults", "epcisBody")?, "epcisBody.queryResults")?;
		let rbody = object(
			required(results, "resultsBody", "epcisBody.queryResults")?,
			"epcisBody.queryResults.resultsBody",
		)?;
		let path = "epcisBody.queryResults.resultsBody.eventList";
		(required(rbody, "eventList", "epcisBody.queryResults.resultsBody")?, path)
	} else {
		(required(body, "eventList", "epcisBody")?, "epcisBody.eventList")
	};
	let ctx = Ctx { namespaces, strict: true };
	array(list, path)?
		.iter()
		.enumerate()
		.map(|(i, event)| ctx.event(event, &format!("{path}[{i}]"), false))
		.collect()
}

pub(crate) fn parse_single_event(v: &Value) -> Result<Event, Error> {
	Ctx { namespaces: BTreeMap::new(), strict: false }.event(v, "", true)
}
