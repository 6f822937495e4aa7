//! The node's memory allocator and what it reports.
//!
//! On Linux the node allocates with jemalloc, as the Polkadot node does: with the many threads of
//! a node (network, import, RPC, the transaction pool's workers) glibc's per-thread arenas keep
//! freed memory and let the resident size creep up, while jemalloc returns unused pages to the
//! system as they age (decay driven by the allocations of a working node). It also says how much
//! of what it holds is live, which the process's resident size cannot:
//!
//! | metric | what |
//! | --- | --- |
//! | `tradechain_memory_allocated_bytes` | bytes the node has allocated and not freed (its live heap: caches, pools, buffers) |
//! | `tradechain_memory_resident_bytes` | bytes of physical memory the allocator holds (live heap, freed pages not yet returned, metadata) |
//!
//! Outside both are ParityDB's memory-mapped files, the runtime instances' memory (mapped
//! directly by the WASM executor), thread stacks and the binary: the process's RSS is all of
//! them. A live heap that stops growing once the caches are full is what "memory flat" means for
//! an operator (see `docs/soak/`).
//!
//! What holds the live heap: build with the `heap-profiling` feature, run with
//! `MALLOC_CONF=prof:true,lg_prof_interval:34,prof_prefix:<dir>/jeprof` (a profile every 16 GiB
//! allocated) and sum the profiles by owner with `scripts/heap-owners`; `HEAP_PROFILE=<dir>
//! scripts/soak` does all three. Under load the trie cache (`--trie-cache-size`) is most of it.

use std::time::Duration;

use prometheus_endpoint::{register, Gauge, PrometheusError, Registry, U64};

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// How often the gauges are refreshed.
const PERIOD: Duration = Duration::from_secs(5);

/// The allocator's gauges, registered in the node's Prometheus registry.
pub struct MemoryMetrics {
	allocated: Gauge<U64>,
	resident: Gauge<U64>,
}

impl MemoryMetrics {
	/// Registers the gauges; `None` where the allocator cannot report (not Linux).
	pub fn register(registry: &Registry) -> Result<Option<Self>, PrometheusError> {
		if !cfg!(target_os = "linux") {
			return Ok(None);
		}
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		Ok(Some(Self {
			allocated: gauge(
				"tradechain_memory_allocated_bytes",
				"Bytes allocated by the node and not freed (its live heap)",
			)?,
			resident: gauge(
				"tradechain_memory_resident_bytes",
				"Bytes of physical memory held by the node's allocator",
			)?,
		}))
	}

	/// Refreshes the gauges every few seconds; runs until the node stops. Stops with a warning if
	/// the allocator's statistics cannot be read.
	pub async fn run(self) {
		loop {
			match stats::read() {
				Ok((allocated, resident)) => {
					self.allocated.set(allocated);
					self.resident.set(resident);
				}
				Err(e) => {
					log::warn!(target: "tradechain-metrics", "allocator statistics unreadable: {e}");
					return;
				}
			}
			futures_timer::Delay::new(PERIOD).await;
		}
	}
}

#[cfg(target_os = "linux")]
mod stats {
	use tikv_jemalloc_ctl::{epoch, stats};

	/// The allocated and resident bytes now. jemalloc caches its statistics until its epoch is
	/// advanced.
	pub fn read() -> Result<(u64, u64), tikv_jemalloc_ctl::Error> {
		epoch::advance()?;
		Ok((stats::allocated::read()? as u64, stats::resident::read()? as u64))
	}
}

#[cfg(not(target_os = "linux"))]
mod stats {
	/// Not reached: the gauges are registered on Linux only.
	pub fn read() -> Result<(u64, u64), &'static str> {
		Err("no allocator statistics on this platform")
	}
}
