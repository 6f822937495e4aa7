//! Prometheus metrics of the trade domain, beside Substrate's own on the node's `/metrics`.
//!
//! Counted from the events of every **finalized** block (so that a block on an abandoned fork
//! is never counted), from the node's start. A node that restarts starts its counters at zero, as
//! Prometheus counters do; use `increase()`/`rate()` over them. The open escrows are a gauge:
//! counted in the finalized state when the node starts (and again after a runtime upgrade, which
//! may migrate them), then moved by the finalized blocks' escrow events, so that no block costs
//! a walk over every escrow.
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
use sp_blockchain::HeaderBackend;
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

	/// Counts one finalized event. Returns whether it was a runtime upgrade.
	fn observe(&self, event: &RuntimeEvent) -> bool {
		use pallet_certificates_of_origin::Event as Origin;
		use pallet_customs::{Channel, Event as Customs};
		use pallet_payments::Event as Payments;
		use pallet_traceability::Event as Trace;
		match event {
			RuntimeEvent::System(frame_system::Event::CodeUpdated { .. }) => return true,
			RuntimeEvent::Payments(Payments::Created { .. }) => self.escrows_open.inc(),
			RuntimeEvent::Payments(
				Payments::Released { complete: true, .. }
				| Payments::Refunded { .. }
				| Payments::Settled { .. },
			) => {
				// Never below zero (a wrapped u64 gauge), whatever the events say.
				if self.escrows_open.get() > 0 {
					self.escrows_open.dec()
				}
			}
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
		false
	}

	/// Sets the open escrows to the count in the state of block `hash`.
	fn count_escrows<C, B>(&self, client: &C, hash: Hash)
	where
		C: StorageProvider<Block, B>,
		B: sc_client_api::Backend<Block>,
	{
		match client.storage_keys(hash, Some(&prefix("Payments", "Escrows")), None) {
			Ok(keys) => self.escrows_open.set(keys.count() as u64),
			Err(e) => log::warn!(target: "tradechain-metrics", "open escrows not counted: {e}"),
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
///
/// The open escrows are moved by events only while every finalized block is seen in order; after
/// a gap (blocks finalized during a sync send no notification), an unreadable block, or a
/// runtime upgrade (whose migrations run in the block after the one that set the code), they are
/// counted again in the finalized state.
pub async fn follow_finality<C, B>(client: Arc<C>, metrics: TradeMetrics)
where
	C: BlockchainEvents<Block> + StorageProvider<Block, B> + HeaderBackend<Block>,
	B: sc_client_api::Backend<Block>,
{
	// Subscribe first, then count: a block finalized in between is in the stream, and the
	// blocks up to the counted one are skipped there.
	let mut finality = client.finality_notification_stream();
	let info = client.info();
	let mut last = info.finalized_number;
	metrics.count_escrows(&*client, info.finalized_hash);
	// The block that set new code, until a finalized block after it has been counted.
	let mut upgraded_at = None;
	while let Some(n) = finality.next().await {
		let mut in_order = true;
		for hash in n.tree_route.iter().chain(std::iter::once(&n.hash)) {
			let Some(number) = client.number(*hash).ok().flatten() else {
				in_order = false;
				continue;
			};
			if number <= last {
				continue;
			}
			in_order &= number == last + 1;
			last = number;
			match events_at(&*client, *hash) {
				Some(events) => {
					for event in &events {
						if metrics.observe(event) {
							upgraded_at = Some(number);
						}
					}
				}
				None => {
					in_order = false;
					log::warn!(
						target: "tradechain-metrics",
						"events of finalized block {hash} not readable; trade metrics skip it"
					)
				}
			}
		}
		let migrated = upgraded_at.is_some_and(|at| last > at);
		if !in_order || migrated {
			metrics.count_escrows(&*client, n.hash);
			if migrated {
				upgraded_at = None;
			}
		}
	}
}
