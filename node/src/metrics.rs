//! Prometheus metrics of the trade domain, beside Substrate's own on the node's `/metrics`.
//!
//! Counted from the events of every **finalized** block (so that a block on an abandoned fork
//! is never counted), from the node's start; the open escrows are a gauge read from the
//! finalized state. A node that restarts starts its counters at zero, as Prometheus counters
//! do; use `increase()`/`rate()` over them.
//!
//! | metric | what |
//! | --- | --- |
//! | `tradechain_declarations_lodged_total{channel}` | declarations lodged, by the risk engine's channel (green, yellow, red) |
//! | `tradechain_declarations_released_total` | declarations released by customs |
//! | `tradechain_certificates_issued_total` | certificates of origin issued one by one (replacements included) |
//! | `tradechain_batch_certificates_anchored_total` | certificates anchored in batches (by Merkle root) |
//! | `tradechain_escrows_open` | escrows not yet released, refunded or settled |
//! | `tradechain_epcis_events_total` | traceability (EPCIS) events recorded |
//! | `tradechain_condition_breaches_total` | traceability condition breaches (e.g. a cold chain's temperature) |

use std::sync::Arc;

use codec::Decode;
use futures::StreamExt;
use prometheus_endpoint::{
	register, Counter, CounterVec, Gauge, Opts, PrometheusError, Registry, U64,
};
use sc_client_api::{BlockchainEvents, StorageProvider};
use sp_core::storage::StorageKey;
use sp_crypto_hashing::twox_128;
use tradechain_runtime::{opaque::Block, Hash, RuntimeEvent};

/// The label values of the risk channels.
const CHANNELS: [&str; 3] = ["green", "yellow", "red"];

/// The trade metrics, registered in the node's Prometheus registry.
#[derive(Clone)]
pub struct TradeMetrics {
	lodged: CounterVec<U64>,
	released: Counter<U64>,
	certificates: Counter<U64>,
	batch_certificates: Counter<U64>,
	escrows_open: Gauge<U64>,
	epcis_events: Counter<U64>,
	breaches: Counter<U64>,
}

impl TradeMetrics {
	/// Registers the metrics.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let counter = |name: &str, help: &str| register(Counter::new(name, help)?, registry);
		let metrics = Self {
			lodged: register(
				CounterVec::new(
					Opts::new(
						"tradechain_declarations_lodged_total",
						"Customs declarations lodged, by risk channel",
					),
					&["channel"],
				)?,
				registry,
			)?,
			released: counter(
				"tradechain_declarations_released_total",
				"Customs declarations released",
			)?,
			certificates: counter(
				"tradechain_certificates_issued_total",
				"Certificates of origin issued one by one (replacements included)",
			)?,
			batch_certificates: counter(
				"tradechain_batch_certificates_anchored_total",
				"Certificates of origin anchored in batches",
			)?,
			escrows_open: register(
				Gauge::new("tradechain_escrows_open", "Escrows not yet closed (finalized state)")?,
				registry,
			)?,
			epcis_events: counter(
				"tradechain_epcis_events_total",
				"Traceability (EPCIS) events recorded",
			)?,
			breaches: counter(
				"tradechain_condition_breaches_total",
				"Traceability condition breaches",
			)?,
		};
		// Every channel is exported from the start (at zero), so that dashboards and alerts see
		// the series before the first declaration.
		for channel in CHANNELS {
			metrics.lodged.with_label_values(&[channel]);
		}
		Ok(metrics)
	}

	/// Counts one finalized event.
	fn observe(&self, event: &RuntimeEvent) {
		use pallet_certificates_of_origin::Event as Origin;
		use pallet_customs::{Channel, Event as Customs};
		use pallet_traceability::Event as Trace;
		match event {
			RuntimeEvent::Customs(Customs::Lodged { channel, .. }) => {
				let channel = match channel {
					Channel::Green => CHANNELS[0],
					Channel::Yellow => CHANNELS[1],
					Channel::Red => CHANNELS[2],
				};
				self.lodged.with_label_values(&[channel]).inc();
			}
			RuntimeEvent::Customs(Customs::Released { .. }) => self.released.inc(),
			RuntimeEvent::CertificatesOfOrigin(Origin::Issued { .. } | Origin::Replaced { .. }) => {
				self.certificates.inc()
			}
			RuntimeEvent::CertificatesOfOrigin(Origin::BatchAnchored { leaves, .. }) => {
				self.batch_certificates.inc_by(u64::from(*leaves))
			}
			RuntimeEvent::Traceability(Trace::EventRecorded { .. }) => self.epcis_events.inc(),
			RuntimeEvent::Traceability(Trace::ConditionBreached { .. }) => self.breaches.inc(),
			_ => {}
		}
	}
}

/// The storage key of a plain storage value or map prefix: `twox128(pallet) ++ twox128(item)`.
fn prefix(pallet: &str, item: &str) -> StorageKey {
	StorageKey([twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat())
}

/// The events of block `hash`.
fn events_at<C, B>(client: &C, hash: Hash) -> Option<Vec<RuntimeEvent>>
where
	C: StorageProvider<Block, B>,
	B: sc_client_api::Backend<Block>,
{
	let data = client.storage(hash, &prefix("System", "Events")).ok()??;
	let records =
		Vec::<frame_system::EventRecord<RuntimeEvent, Hash>>::decode(&mut &data.0[..]).ok()?;
	Some(records.into_iter().map(|r| r.event).collect())
}

/// Follows finality and updates `metrics`; runs until the node stops. A block whose events do
/// not decode (e.g. an old node after a runtime upgrade changed them) is skipped with a warning.
pub async fn follow_finality<C, B>(client: Arc<C>, metrics: TradeMetrics)
where
	C: BlockchainEvents<Block> + StorageProvider<Block, B>,
	B: sc_client_api::Backend<Block>,
{
	let escrows = prefix("Payments", "Escrows");
	let mut finality = client.finality_notification_stream();
	while let Some(n) = finality.next().await {
		for hash in n.tree_route.iter().chain(std::iter::once(&n.hash)) {
			match events_at(&*client, *hash) {
				Some(events) => events.iter().for_each(|e| metrics.observe(e)),
				None => log::warn!(
					target: "tradechain-metrics",
					"events of finalized block {hash} not readable; trade metrics skip it"
				),
			}
		}
		if let Ok(keys) = client.storage_keys(n.hash, Some(&escrows), None) {
			metrics.escrows_open.set(keys.count() as u64);
		}
	}
}
