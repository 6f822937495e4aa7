//! Shared by the integration tests: the reference tools (see `tradechain_epcis::reference`) and a
//! realistic event history.
#![allow(dead_code)]

pub use tradechain_epcis::reference::*;
use tradechain_epcis::*;

/// 2024-03-01T07:00:00Z
const T0: i64 = 1_709_276_400_000;
const HOUR: i64 = 3_600_000;

fn lgtin(lot: &str) -> String {
	format!("urn:epc:class:lgtin:4012345.011111.{lot}")
}

/// A realistic history: a coffee lot is commissioned in Kenya, packed on an SSCC pallet, the
/// pallet loaded into a container, a temperature logger associated with the container, the
/// container shipped with a bill of lading and temperature readings, a transaction event links
/// the pallets to the purchase order and invoice, the lot is received in Hamburg and roasted.
pub fn history() -> Vec<Event> {
	let farm = gln_uri("4012345000016");
	let importer = gln_uri("4006381000024");
	let pallet = "urn:epc:id:sscc:4012345.0000000001".to_string();
	let pallet2 = "urn:epc:id:sscc:4012345.0000000002".to_string();
	let container = "urn:epc:id:giai:4012345.CONT-MSKU1234565".to_string();
	let logger = "urn:epc:id:giai:4012345.LOGGER-0042".to_string();
	let po = document_uri(&[0x11; 32]);
	let invoice = document_uri(&[0x22; 32]);
	let bill_of_lading = document_uri(&[0x33; 32]);
	let receiving_advice = document_uri(&[0x44; 32]);
	let base = Event { time_zone_offset_minutes: 180, ..Default::default() };
	vec![
		Event {
			event_type: EventType::Object,
			action: Some(Action::Add),
			event_time_millis: T0,
			quantity_list: vec![QuantityElement {
				epc_class: lgtin("LOT-2024-03A"),
				quantity: Some(1200.0),
				uom: Some("KGM".into()),
			}],
			biz_step: Some("commissioning".into()),
			disposition: Some("active".into()),
			read_point: Some(farm.clone()),
			biz_location: Some(farm.clone()),
			..base.clone()
		},
		Event {
			event_type: EventType::Aggregation,
			action: Some(Action::Add),
			event_time_millis: T0 + 2 * HOUR + 1,
			parent_id: Some(pallet.clone()),
			child_quantity_list: vec![QuantityElement {
				epc_class: lgtin("LOT-2024-03A"),
				quantity: Some(600.5),
				uom: Some("KGM".into()),
			}],
			biz_step: Some("packing".into()),
			disposition: Some("in_progress".into()),
			read_point: Some(farm.clone()),
			..base.clone()
		},
		Event {
			event_type: EventType::Aggregation,
			action: Some(Action::Add),
			event_time_millis: T0 + 30 * HOUR,
			parent_id: Some(container.clone()),
			child_epcs: vec![pallet.clone(), pallet2.clone()],
			biz_step: Some("loading".into()),
			disposition: Some("container_closed".into()),
			read_point: Some(locode_uri("KEMBA")),
			..base.clone()
		},
		Event {
			event_type: EventType::Association,
			action: Some(Action::Add),
			event_time_millis: T0 + 30 * HOUR + 60_000,
			parent_id: Some(container.clone()),
			child_epcs: vec![logger],
			biz_step: Some("installing".into()),
			read_point: Some(locode_uri("KEMBA")),
			..base.clone()
		},
		Event {
			event_type: EventType::Object,
			action: Some(Action::Observe),
			event_time_millis: T0 + 36 * HOUR,
			epc_list: vec![container.clone()],
			biz_step: Some("shipping".into()),
			disposition: Some("in_transit".into()),
			read_point: Some(locode_uri("KEMBA")),
			biz_transactions: vec![BizTransaction { kind: Some("bol".into()), id: bill_of_lading }],
			sensor_reports: vec![
				SensorReport {
					kind: "gs1:Temperature".into(),
					min: Some(12.4),
					max: Some(19.75),
					mean: Some(15.0),
					uom: Some("CEL".into()),
				},
				SensorReport {
					kind: "RelativeHumidity".into(),
					min: None,
					max: Some(71.0),
					mean: Some(64.2),
					uom: Some("P1".into()),
				},
			],
			..base.clone()
		},
		Event {
			event_type: EventType::Transaction,
			action: Some(Action::Add),
			event_time_millis: T0 + 36 * HOUR + 5 * 60_000,
			parent_id: Some(container.clone()),
			epc_list: vec![pallet.clone(), pallet2.clone()],
			biz_step: Some("shipping".into()),
			disposition: Some("in_transit".into()),
			biz_transactions: vec![
				BizTransaction { kind: Some("po".into()), id: po.clone() },
				BizTransaction { kind: Some("inv".into()), id: invoice },
			],
			..base.clone()
		},
		Event {
			event_type: EventType::Object,
			action: Some(Action::Observe),
			event_time_millis: T0 + 20 * 24 * HOUR + 123,
			time_zone_offset_minutes: 60,
			epc_list: vec![pallet.clone(), pallet2],
			biz_step: Some("receiving".into()),
			disposition: Some("in_progress".into()),
			read_point: Some(locode_uri("DEHAM")),
			biz_location: Some(importer.clone()),
			biz_transactions: vec![
				BizTransaction { kind: Some("recadv".into()), id: receiving_advice },
				BizTransaction { kind: Some("po".into()), id: po },
			],
			..base.clone()
		},
		Event {
			event_type: EventType::Transformation,
			action: None,
			event_time_millis: T0 + 22 * 24 * HOUR,
			time_zone_offset_minutes: 60,
			input_quantity_list: vec![QuantityElement {
				epc_class: lgtin("LOT-2024-03A"),
				quantity: Some(600.5),
				uom: Some("KGM".into()),
			}],
			output_quantity_list: vec![QuantityElement {
				epc_class: "https://id.gs1.org/01/04006381333931/10/R-2024-03-23".into(),
				quantity: Some(510.0),
				uom: Some("KGM".into()),
			}],
			biz_step: Some("commissioning".into()),
			disposition: Some("active".into()),
			read_point: Some(importer.clone()),
			biz_location: Some(importer),
			..base
		},
	]
}
