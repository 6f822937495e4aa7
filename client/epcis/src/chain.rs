//! Between the EPCIS model and the traceability pallet's records.
//!
//! * [`to_chain`]: the arguments of `Traceability::record_event` for an EPCIS event, with its hash
//!   ID as the event id. An event the chain cannot record *exactly* is refused with
//!   [`Error::Unsupported`] rather than recorded without a part: the exported event must hash to
//!   the id it was recorded under.
//! * [`from_chain`]: the EPCIS event of a recorded event (for [`crate::to_json_ld`]); the chain
//!   keys items by the BLAKE2-256 of their EPC URI, so the caller looks the URIs up (the runtime
//!   API `TraceabilityApi::item` returns them).
//!
//! What the chain records of an event, and so what an imported event may carry:
//! * identifiers: EPC URIs of the schemes the pallet knows (SGTIN, SSCC, GRAI as instances; LGTIN
//!   as a class, in a quantity list without quantity or unit);
//! * business step and disposition: the CBV subset of [`BizStep`] and [`Disposition`], bare names;
//! * read point and business location: a GLN ([`crate::gln_uri`]) or a UN/LOCODE
//!   ([`crate::locode_uri`]);
//! * business transactions: documents anchored by hash ([`crate::document_uri`]) with a CBV type
//!   of [`BizTransactionType`] (`po`, `inv`, `bol`, …); a TransactionEvent's first one is its
//!   document;
//! * one sensor report of `Temperature` (`CEL`) or `RelativeHumidity` (`P1`, percent) with min,
//!   max and mean in thousandths of the unit.

pub use pallet_traceability::{
	Action as ChainAction, BizStep, BizTransaction as ChainBizTransaction, BizTransactionType,
	Disposition, Epc, EventContext, EventKind, EventRecord, SensorKind, SensorSummary,
};
use tradechain_primitives::{DocumentHash, ItemRef, Location};

use crate::{
	document_uri, gln_uri, locode_uri, Action, BizTransaction, Error, Event, EventType,
	QuantityElement, SensorReport,
};

/// An event kind as `record_event` takes it (SCALE-identical to the runtime's bounded form).
pub type Kind = EventKind<Vec<ItemRef>, Vec<Epc>>;
/// An event context as `record_event` takes it.
pub type Context = EventContext<Vec<ChainBizTransaction>>;
/// A recorded event as the runtime API returns it (account ids as 32 bytes, block numbers u32).
pub type Record = EventRecord<[u8; 32], u32, Kind, Context, Vec<Option<DocumentHash>>>;

const BIZ_STEPS: [(BizStep, &str); 13] = [
	(BizStep::Commissioning, "commissioning"),
	(BizStep::Packing, "packing"),
	(BizStep::Unpacking, "unpacking"),
	(BizStep::Loading, "loading"),
	(BizStep::Shipping, "shipping"),
	(BizStep::Departing, "departing"),
	(BizStep::Arriving, "arriving"),
	(BizStep::Receiving, "receiving"),
	(BizStep::Storing, "storing"),
	(BizStep::Inspecting, "inspecting"),
	(BizStep::Transforming, "transforming"),
	(BizStep::SensorReporting, "sensor_reporting"),
	(BizStep::Decommissioning, "decommissioning"),
];

const BIZ_TRANSACTION_TYPES: [(BizTransactionType, &str); 9] = [
	(BizTransactionType::Bol, "bol"),
	(BizTransactionType::Cert, "cert"),
	(BizTransactionType::Desadv, "desadv"),
	(BizTransactionType::Inv, "inv"),
	(BizTransactionType::Po, "po"),
	(BizTransactionType::Poc, "poc"),
	(BizTransactionType::Prodorder, "prodorder"),
	(BizTransactionType::Recadv, "recadv"),
	(BizTransactionType::Rma, "rma"),
];

const DISPOSITIONS: [(Disposition, &str); 8] = [
	(Disposition::Active, "active"),
	(Disposition::InProgress, "in_progress"),
	(Disposition::InTransit, "in_transit"),
	(Disposition::SellableAccessible, "sellable_accessible"),
	(Disposition::Damaged, "damaged"),
	(Disposition::Expired, "expired"),
	(Disposition::Recalled, "recalled"),
	(Disposition::Destroyed, "destroyed"),
];

const SENSORS: [(SensorKind, &str, &str); 2] = [
	(SensorKind::Temperature, "Temperature", "CEL"),
	(SensorKind::RelativeHumidity, "RelativeHumidity", "P1"),
];

const DOCUMENT_PREFIX: &str = "urn:tradechain:document:0x";
const GLN_PREFIX: &str = "https://id.gs1.org/414/";
const LOCODE_PREFIX: &str = "https://vocabulary.uncefact.org/unlocode#";

fn unsupported(path: &str, what: impl Into<String>) -> Error {
	Error::Unsupported { path: path.into(), what: what.into() }
}

/// The arguments of `record_event` for `event`, under its EPCIS hash ID. The items it names must
/// exist on chain (`create_item`), but a transformation's outputs, which the event creates.
pub fn to_chain(event: &Event) -> Result<(Kind, Context), Error> {
	let action = || -> Result<ChainAction, Error> {
		match event.action.ok_or(Error::Missing { path: "action".into() })? {
			Action::Add => Ok(ChainAction::Add),
			Action::Observe => Ok(ChainAction::Observe),
			Action::Delete => Ok(ChainAction::Delete),
		}
	};
	let items = |path: &str, epcs: &[String], classes: &[QuantityElement]| {
		let mut out = Vec::with_capacity(epcs.len() + classes.len());
		for epc in epcs {
			out.push(parse_epc(path, epc)?.item_ref());
		}
		for class in classes {
			if class.quantity.is_some() || class.uom.is_some() {
				return Err(unsupported(path, "quantities (the chain records the class only)"));
			}
			out.push(parse_epc(path, &class.epc_class)?.item_ref());
		}
		Ok(out)
	};
	let parent = || -> Result<ItemRef, Error> {
		let id = event.parent_id.as_ref().ok_or(Error::Missing { path: "parentID".into() })?;
		Ok(parse_epc("parentID", id)?.item_ref())
	};
	let mut documents = Vec::with_capacity(event.biz_transactions.len());
	for (i, t) in event.biz_transactions.iter().enumerate() {
		let path = format!("bizTransactionList[{i}]");
		let name = t
			.kind
			.as_deref()
			.ok_or_else(|| unsupported(&path, "a business transaction without a type"))?;
		let kind = BIZ_TRANSACTION_TYPES
			.iter()
			.find(|(_, n)| *n == name)
			.map(|(k, _)| *k)
			.ok_or_else(|| unsupported(&path, format!("business transaction type `{name}`")))?;
		documents.push(ChainBizTransaction { kind, document: parse_document(&path, &t.id)? });
	}
	let kind = match event.event_type {
		EventType::Object => Kind::Object {
			action: action()?,
			items: items("epcList", &event.epc_list, &event.quantity_list)?,
		},
		EventType::Aggregation => Kind::Aggregation {
			action: action()?,
			parent: parent()?,
			children: items("childEPCs", &event.child_epcs, &event.child_quantity_list)?,
		},
		EventType::Association => Kind::Association {
			action: action()?,
			parent: parent()?,
			children: items("childEPCs", &event.child_epcs, &event.child_quantity_list)?,
		},
		EventType::Transaction => {
			if event.parent_id.is_some() {
				return Err(unsupported("parentID", "a parent of a TransactionEvent"));
			}
			if documents.is_empty() {
				return Err(Error::Missing { path: "bizTransactionList".into() });
			}
			Kind::Transaction {
				action: action()?,
				document: documents.remove(0),
				items: items("epcList", &event.epc_list, &event.quantity_list)?,
			}
		}
		EventType::Transformation => {
			let mut outputs = Vec::new();
			for epc in &event.output_epc_list {
				outputs.push(parse_epc("outputEPCList", epc)?);
			}
			for class in &event.output_quantity_list {
				if class.quantity.is_some() || class.uom.is_some() {
					return Err(unsupported("outputQuantityList", "quantities"));
				}
				outputs.push(parse_epc("outputQuantityList", &class.epc_class)?);
			}
			Kind::Transformation {
				inputs: items("inputEPCList", &event.input_epc_list, &event.input_quantity_list)?,
				outputs,
			}
		}
	};
	let step = event.biz_step.as_deref().ok_or(Error::Missing { path: "bizStep".into() })?;
	let biz_step =
		BIZ_STEPS.iter().find(|(_, name)| *name == step).map(|(s, _)| *s).ok_or_else(|| {
			unsupported("bizStep", format!("`{step}` (not in the chain's CBV subset)"))
		})?;
	let disposition =
		event.disposition.as_deref().ok_or(Error::Missing { path: "disposition".into() })?;
	let disposition = DISPOSITIONS
		.iter()
		.find(|(_, name)| *name == disposition)
		.map(|(d, _)| *d)
		.ok_or_else(|| {
		unsupported("disposition", format!("`{disposition}` (not in the chain's CBV subset)"))
	})?;
	let context = Context {
		event_id: DocumentHash::from(crate::event_hash_digest(event)),
		event_time: u64::try_from(event.event_time_millis)
			.map_err(|_| unsupported("eventTime", "a time before 1970"))?,
		time_zone_offset_minutes: event.time_zone_offset_minutes,
		biz_step,
		disposition,
		read_point: event
			.read_point
			.as_deref()
			.map(|u| parse_location("readPoint", u))
			.transpose()?,
		biz_location: event
			.biz_location
			.as_deref()
			.map(|u| parse_location("bizLocation", u))
			.transpose()?,
		biz_transactions: documents,
		sensor: sensor_summary(&event.sensor_reports)?,
	};
	if context.biz_transactions.len() > 4 {
		return Err(unsupported("bizTransactionList", "more than 4 business transactions"));
	}
	Ok((kind, context))
}

/// The EPCIS event of a recorded one; `epc_of` gives the EPC URI of an item key. Its `event_id`
/// is the recorded id (which [`crate::event_hash_id`] of the result equals when it was recorded
/// through [`to_chain`]).
pub fn from_chain(
	kind: &Kind,
	context: &Context,
	epc_of: impl Fn(&ItemRef) -> Option<String>,
) -> Result<Event, Error> {
	let uri = |path: &str, r: &ItemRef| {
		epc_of(r).ok_or_else(|| Error::InvalidValue {
			path: path.into(),
			message: format!("no EPC known for item {r:?}"),
		})
	};
	// Instances to the EPC list, classes (LGTIN) to the quantity list.
	let split =
		|path: &str, items: &[ItemRef]| -> Result<(Vec<String>, Vec<QuantityElement>), Error> {
			let (mut epcs, mut classes) = (Vec::new(), Vec::new());
			for r in items {
				let epc = uri(path, r)?;
				if epc.starts_with("urn:epc:class:") {
					classes.push(QuantityElement { epc_class: epc, quantity: None, uom: None });
				} else {
					epcs.push(epc);
				}
			}
			Ok((epcs, classes))
		};
	let action = |a: &ChainAction| {
		Some(match a {
			ChainAction::Add => Action::Add,
			ChainAction::Observe => Action::Observe,
			ChainAction::Delete => Action::Delete,
		})
	};
	let mut event = Event {
		event_time_millis: i64::try_from(context.event_time).map_err(|_| Error::InvalidValue {
			path: "eventTime".into(),
			message: "beyond the year 9999".into(),
		})?,
		time_zone_offset_minutes: context.time_zone_offset_minutes,
		biz_step: BIZ_STEPS
			.iter()
			.find(|(s, _)| *s == context.biz_step)
			.map(|(_, n)| n.to_string()),
		disposition: DISPOSITIONS
			.iter()
			.find(|(d, _)| *d == context.disposition)
			.map(|(_, n)| n.to_string()),
		read_point: context.read_point.as_ref().map(location_uri),
		biz_location: context.biz_location.as_ref().map(location_uri),
		sensor_reports: context.sensor.iter().map(sensor_report).collect(),
		event_id: Some(format!("ni:///sha-256;{}?ver=CBV2.0", hex(context.event_id.as_bytes()))),
		..Default::default()
	};
	let reference = |t: &ChainBizTransaction| BizTransaction {
		kind: BIZ_TRANSACTION_TYPES.iter().find(|(k, _)| *k == t.kind).map(|(_, n)| n.to_string()),
		id: document_uri(t.document.as_fixed_bytes()),
	};
	let references: Vec<_> = context.biz_transactions.iter().map(reference).collect();
	match kind {
		Kind::Object { action: a, items } => {
			event.event_type = EventType::Object;
			event.action = action(a);
			(event.epc_list, event.quantity_list) = split("epcList", items)?;
		}
		Kind::Aggregation { action: a, parent, children }
		| Kind::Association { action: a, parent, children } => {
			event.event_type = if matches!(kind, Kind::Aggregation { .. }) {
				EventType::Aggregation
			} else {
				EventType::Association
			};
			event.action = action(a);
			event.parent_id = Some(uri("parentID", parent)?);
			(event.child_epcs, event.child_quantity_list) = split("childEPCs", children)?;
		}
		Kind::Transaction { action: a, document, items } => {
			event.event_type = EventType::Transaction;
			event.action = action(a);
			(event.epc_list, event.quantity_list) = split("epcList", items)?;
			event.biz_transactions.push(reference(document));
		}
		Kind::Transformation { inputs, outputs } => {
			event.event_type = EventType::Transformation;
			(event.input_epc_list, event.input_quantity_list) = split("inputEPCList", inputs)?;
			for epc in outputs {
				let epc = String::from_utf8_lossy(epc.as_bytes()).into_owned();
				if epc.starts_with("urn:epc:class:") {
					event.output_quantity_list.push(QuantityElement {
						epc_class: epc,
						quantity: None,
						uom: None,
					});
				} else {
					event.output_epc_list.push(epc);
				}
			}
		}
	}
	event.biz_transactions.extend(references);
	Ok(event)
}

/// The existing items a recorded event names (the parent first, then children; a
/// transformation's inputs): those whose EPC URIs [`from_chain`] needs looked up (a
/// transformation's outputs carry their EPCs).
pub fn named_items(kind: &Kind) -> Vec<ItemRef> {
	match kind {
		Kind::Object { items, .. } | Kind::Transaction { items, .. } => items.clone(),
		Kind::Aggregation { parent, children, .. } | Kind::Association { parent, children, .. } => {
			core::iter::once(*parent).chain(children.iter().copied()).collect()
		}
		Kind::Transformation { inputs, .. } => inputs.clone(),
	}
}

fn parse_epc(path: &str, uri: &str) -> Result<Epc, Error> {
	Epc::parse(uri.as_bytes()).ok_or_else(|| {
		unsupported(path, format!("`{uri}` (the chain knows SGTIN, SSCC, GRAI and LGTIN EPC URIs)"))
	})
}

fn parse_document(path: &str, uri: &str) -> Result<DocumentHash, Error> {
	let bad = || unsupported(path, format!("`{uri}` (not a document anchored on Tradechain)"));
	let hex_digits = uri.strip_prefix(DOCUMENT_PREFIX).ok_or_else(bad)?;
	if hex_digits.len() != 64 {
		return Err(bad());
	}
	let mut out = [0u8; 32];
	for (i, byte) in out.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&hex_digits[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
	}
	Ok(DocumentHash::from(out))
}

fn parse_location(path: &str, uri: &str) -> Result<Location, Error> {
	let bad =
		|| unsupported(path, format!("`{uri}` (the chain records a GLN or UN/LOCODE location)"));
	if let Some(gln) = uri.strip_prefix(GLN_PREFIX) {
		return gln.parse().map(Location::Gln).map_err(|_| bad());
	}
	if let Some(code) = uri.strip_prefix(LOCODE_PREFIX) {
		return code.parse().map(Location::UnLocode).map_err(|_| bad());
	}
	Err(bad())
}

fn location_uri(location: &Location) -> String {
	match location {
		Location::Gln(gln) => gln_uri(&String::from_utf8_lossy(gln.as_bytes())),
		Location::UnLocode(code) => locode_uri(&code.to_string()),
	}
}

fn sensor_summary(reports: &[SensorReport]) -> Result<Option<SensorSummary>, Error> {
	let report = match reports {
		[] => return Ok(None),
		[one] => one,
		_ => return Err(unsupported("sensorElementList", "more than one sensor report")),
	};
	let path = "sensorElementList[0].sensorReport[0]";
	let (kind, _, unit) = SENSORS
		.iter()
		.find(|(_, name, unit)| *name == report.kind && report.uom.as_deref() == Some(*unit))
		.ok_or_else(|| {
			unsupported(path, "a report other than Temperature in CEL or RelativeHumidity in P1")
		})?;
	let thousandths = |field: &str, v: Option<f64>| -> Result<i32, Error> {
		let v = v.ok_or(Error::Missing { path: format!("{path}.{field}") })?;
		let scaled = (v * 1000.0).round();
		if (scaled / 1000.0 - v).abs() > f64::EPSILON * v.abs().max(1.0)
			|| scaled.abs() > f64::from(i32::MAX)
		{
			return Err(unsupported(
				path,
				format!("{field} {v} (thousandths of the unit at most)"),
			));
		}
		Ok(scaled as i32)
	};
	Ok(Some(SensorSummary {
		kind: *kind,
		min: thousandths("minValue", report.min)?,
		max: thousandths("maxValue", report.max)?,
		mean: thousandths("meanValue", report.mean)?,
		unit: unit.parse().map_err(|_| unsupported(path, "unit"))?,
	}))
}

fn sensor_report(summary: &SensorSummary) -> SensorReport {
	let (_, name, unit) =
		SENSORS.iter().find(|(k, ..)| *k == summary.kind).copied().unwrap_or(SENSORS[0]);
	let value = |v: i32| Some(f64::from(v) / 1000.0);
	SensorReport {
		kind: name.into(),
		min: value(summary.min),
		max: value(summary.max),
		mean: value(summary.mean),
		uom: Some(unit.into()),
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn shipping() -> Event {
		Event {
			event_type: EventType::Object,
			action: Some(Action::Observe),
			event_time_millis: 1_795_716_000_000,
			time_zone_offset_minutes: 180,
			epc_list: vec!["urn:epc:id:sscc:0614141.1000000024".into()],
			quantity_list: vec![QuantityElement {
				epc_class: "urn:epc:class:lgtin:0614141.107346.ROSES-2611".into(),
				quantity: None,
				uom: None,
			}],
			biz_step: Some("shipping".into()),
			disposition: Some("in_transit".into()),
			read_point: Some(locode_uri("KEMBA")),
			biz_location: Some(gln_uri("0614141000012")),
			biz_transactions: vec![BizTransaction {
				kind: Some("bol".into()),
				id: document_uri(&[7; 32]),
			}],
			sensor_reports: vec![SensorReport {
				kind: "Temperature".into(),
				min: Some(3.1),
				max: Some(11.2),
				mean: Some(-6.4),
				uom: Some("CEL".into()),
			}],
			..Default::default()
		}
	}

	fn lookup(event: &Event) -> impl Fn(&ItemRef) -> Option<String> + '_ {
		move |r| {
			event
				.epc_list
				.iter()
				.chain(event.quantity_list.iter().map(|q| &q.epc_class))
				.chain(event.child_epcs.iter())
				.chain(event.parent_id.iter())
				.chain(event.input_epc_list.iter())
				.find(|e| Epc::parse(e.as_bytes()).is_some_and(|epc| epc.item_ref() == *r))
				.cloned()
		}
	}

	#[test]
	fn an_event_goes_to_the_chain_and_back_unchanged() {
		let event = shipping();
		let (kind, context) = to_chain(&event).expect("recordable");
		assert_eq!(context.event_id.0, crate::event_hash_digest(&event));
		assert_eq!(context.sensor.map(|s| (s.min, s.max, s.mean)), Some((3_100, 11_200, -6_400)));
		let back = from_chain(&kind, &context, lookup(&event)).expect("exportable");
		assert_eq!(back.event_id.as_deref(), Some(crate::event_hash_id(&event).as_str()));
		assert_eq!(Event { event_id: None, ..back }, event);
	}

	#[test]
	fn a_transaction_event_names_its_document_first() {
		let event = Event {
			event_type: EventType::Transaction,
			quantity_list: vec![],
			biz_transactions: vec![
				BizTransaction { kind: Some("po".into()), id: document_uri(&[1; 32]) },
				BizTransaction { kind: Some("inv".into()), id: document_uri(&[2; 32]) },
			],
			sensor_reports: vec![],
			..shipping()
		};
		let (kind, context) = to_chain(&event).expect("recordable");
		assert!(matches!(
			kind,
			Kind::Transaction { document, .. }
				if document.document.0 == [1; 32] && document.kind == BizTransactionType::Po
		));
		assert_eq!(
			context.biz_transactions,
			vec![ChainBizTransaction { kind: BizTransactionType::Inv, document: [2; 32].into() }]
		);
		let back = from_chain(&kind, &context, lookup(&event)).expect("exportable");
		assert_eq!(Event { event_id: None, ..back }, event);
	}

	#[test]
	fn what_the_chain_cannot_record_exactly_is_refused() {
		let refused = |change: &dyn Fn(&mut Event), what: &str| {
			let mut event = shipping();
			change(&mut event);
			let err = to_chain(&event).expect_err(what).to_string();
			assert!(err.contains(what), "{err} should mention {what}");
		};
		refused(&|e| e.quantity_list[0].quantity = Some(5.0), "quantities");
		refused(&|e| e.epc_list[0] = "urn:epc:id:giai:4012345.X".into(), "giai");
		refused(&|e| e.biz_step = Some("installing".into()), "installing");
		refused(&|e| e.disposition = Some("container_closed".into()), "container_closed");
		refused(&|e| e.read_point = Some("urn:epc:id:sgln:0614141.00001.0".into()), "sgln");
		refused(&|e| e.biz_location = Some(gln_uri("0614141000013")), "0614141000013");
		refused(&|e| e.biz_transactions[0].kind = None, "without a type");
		refused(&|e| e.biz_transactions[0].kind = Some("ship".into()), "`ship`");
		refused(&|e| e.biz_transactions[0].id = "urn:x".into(), "urn:x");
		refused(&|e| e.sensor_reports[0].min = Some(3.1234), "3.1234");
		refused(&|e| e.sensor_reports[0].uom = Some("FAH".into()), "Temperature in CEL");
		refused(&|e| e.sensor_reports.push(e.sensor_reports[0].clone()), "more than one");
		refused(&|e| e.sensor_reports[0].mean = None, "meanValue");
		refused(&|e| e.action = None, "action");
		refused(&|e| e.event_time_millis = -1, "before 1970");
	}

	#[test]
	fn an_unknown_item_is_an_error_on_export() {
		let (kind, context) = to_chain(&shipping()).expect("recordable");
		let err = from_chain(&kind, &context, |_| None).expect_err("no EPCs known");
		assert!(err.to_string().contains("no EPC known"), "{err}");
	}
}
