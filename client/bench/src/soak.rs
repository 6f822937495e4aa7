//! `--soak N`: N trade transactions through a network at a steady rate, in chunks that take the
//! trade workloads in turn; after each chunk, what was included, finalized, rejected and lost,
//! and each node's memory: resident (`VmRSS`), of which anonymous (`RssAnon`: the heap; the rest
//! is mostly ParityDB's memory-mapped files, which grow with the database and which the kernel
//! can reclaim), the live heap as the node's allocator counts it
//! (`tradechain_memory_allocated_bytes`: allocated and not freed; `RssAnon` also holds freed pages
//! the allocator has not returned yet), and the trie cache's share of it
//! (`substrate_state_cache_bytes`, capped by `--trie-cache-size`, 1 GiB by default; the cache
//! counts less than it holds: heap profiles found 1.0–1.7× the gauge, see `docs/soak`). The
//! goals: nothing dropped, the live heap flat once the caches are full.

use std::{
	sync::{atomic::AtomicBool, Arc},
	time::{Duration, Instant},
};

use serde::Serialize;

use crate::{
	load::{self, Load, Workload},
	track::{self, Pace},
	Args, Attached, Net,
};

/// One chunk of the soak.
#[derive(Debug, Serialize)]
pub struct Chunk {
	pub workload: Workload,
	pub submitted: usize,
	pub included: usize,
	pub finalized: usize,
	pub rejected: usize,
	pub lost: usize,
	/// Seconds since the soak started, at the end of the chunk.
	pub at_secs: f64,
	/// Each node's resident memory in MiB after the chunk.
	pub rss_mib: Vec<f64>,
	/// Each node's anonymous resident memory (heap) in MiB.
	pub heap_mib: Vec<f64>,
	/// Each node's live heap in MiB (allocated and not freed; NaN for a node that does not
	/// report it).
	pub live_mib: Vec<f64>,
	/// Each node's trie cache in MiB (part of the heap).
	pub trie_cache_mib: Vec<f64>,
}

/// The whole soak.
#[derive(Debug, Serialize)]
pub struct Soak {
	pub network: String,
	pub rate: f64,
	pub chunks: Vec<Chunk>,
}

/// A field of a process's `/proc/<pid>/status` given in kB (`VmRSS`, `RssAnon`), in MiB.
fn status_mib(pid: u32, field: &str) -> f64 {
	std::fs::read_to_string(format!("/proc/{pid}/status"))
		.ok()
		.and_then(|s| {
			let line =
				s.lines().find(|l| l.strip_prefix(field).is_some_and(|r| r.starts_with(':')))?;
			line.split_whitespace().nth(1)?.parse::<f64>().ok()
		})
		.map_or(0.0, |kib| kib / 1024.0)
}

/// The workloads a soak cycles through (the trade calls and transfers).
const CYCLE: [Workload; 5] = [
	Workload::Transfer,
	Workload::Certificate,
	Workload::Event,
	Workload::Declaration,
	Workload::Escrow,
];

/// Runs the soak on a started network.
pub async fn run(args: &Args, net: &Net, total: u64, rate: f64) -> Result<Soak, String> {
	let Attached { clients, tracker, at, .. } = &net.attach().await?;
	let accounts = load::accounts(args.accounts);
	let mut seqs = vec![vec![0u64; accounts.len()]; Workload::ALL.len()];
	let mut items = vec![0u64; accounts.len()];
	let run_id = load::now_ms() / 1000;
	let chunk = args.accounts as u64 * args.per_account;
	let started = Instant::now();
	let mut soak = Soak { network: format!("{:?}", args.networks[0]), rate, chunks: Vec::new() };
	let mut done = 0u64;
	let mut turn = 0usize;
	while done < total {
		let workload = CYCLE[turn % CYCLE.len()];
		turn += 1;
		let per_account = (total - done).min(chunk).div_ceil(args.accounts as u64);
		if workload == Workload::Event {
			// Items for this chunk's events, beyond those created before.
			let nonces = load::nonces(&clients[0], &accounts).await?;
			let seq = &seqs[Workload::Event as usize];
			let mut txs = Vec::new();
			for (i, k) in accounts.iter().enumerate() {
				let need = (seq[i] + per_account).div_ceil(load::EVENTS_PER_ITEM);
				if need > items[i] {
					txs.push(load::sign(at, &load::items(i, items[i], need), k, nonces[i])?);
					items[i] = need;
				}
			}
			let stop = Arc::new(AtomicBool::new(false));
			let hashes = track::submit(clients, txs, tracker, Pace::Burst, stop, 64).await;
			tracker.wait(Duration::from_secs(120), |t| t.settled(&hashes)).await;
		}
		let nonces = load::nonces(&clients[0], &accounts).await?;
		let seq = &mut seqs[workload as usize];
		let txs = Load { at, accounts: &accounts, nonces, seq, run: run_id }
			.build(workload, per_account)?;
		let stop = Arc::new(AtomicBool::new(false));
		let hashes = track::submit(clients, txs, tracker, Pace::Rate(rate), stop, 256).await;
		tracker.wait(Duration::from_secs(180), |t| t.settled(&hashes)).await;
		let finalized_by = tracker.best();
		tracker.wait(Duration::from_secs(120), |t| t.finalized() >= finalized_by).await;
		let (included, finalized, rejected) = tracker.count(&hashes);
		// Memory, sampled together: the live heap and the trie cache from each node's
		// Prometheus (NaN if it did not answer: a soak goes on), then RSS and heap from /proc.
		let (mut live_mib, mut trie_cache_mib) = (Vec::new(), Vec::new());
		for node in &net.nodes {
			let text = node.try_metrics().await.ok();
			let mib = |name: &str| match &text {
				Some(m) if m.contains(name) => {
					tradechain_integration_tests::Node::metric(m, name) / (1024.0 * 1024.0)
				}
				_ => f64::NAN,
			};
			live_mib.push(mib("tradechain_memory_allocated_bytes"));
			trie_cache_mib.push(mib("substrate_state_cache_bytes"));
		}
		let c = Chunk {
			workload,
			submitted: hashes.len(),
			included,
			finalized,
			rejected,
			lost: hashes.len() - included - rejected,
			at_secs: started.elapsed().as_secs_f64(),
			rss_mib: net.nodes.iter().map(|n| status_mib(n.pid(), "VmRSS")).collect(),
			heap_mib: net.nodes.iter().map(|n| status_mib(n.pid(), "RssAnon")).collect(),
			live_mib,
			trie_cache_mib,
		};
		done += hashes.len() as u64;
		println!(
			"   soak {done:>9}/{total}: {:<40} {} included, {} finalized, {} rejected, {} lost; RSS {} MiB, heap {} MiB, live {} MiB",
			workload.call(),
			c.included,
			c.finalized,
			c.rejected,
			c.lost,
			joined(&c.rss_mib),
			joined(&c.heap_mib),
			joined(&c.live_mib),
		);
		soak.chunks.push(c);
		tracker.state.lock().expect("not poisoned").txs.clear();
	}
	Ok(soak)
}

impl Soak {
	/// Markdown: totals, memory at start, end and peak, and every chunk.
	pub fn markdown(&self) -> String {
		let sum = |f: fn(&Chunk) -> usize| self.chunks.iter().map(f).sum::<usize>();
		let (submitted, included, finalized) =
			(sum(|c| c.submitted), sum(|c| c.included), sum(|c| c.finalized));
		let (rejected, lost) = (sum(|c| c.rejected), sum(|c| c.lost));
		let secs = self.chunks.last().map_or(0.0, |c| c.at_secs);
		let mut md = format!(
			"# Soak\n\n{submitted} transactions on `{}` at {:.0} tx/s in {:.0} s: {included} \
			 included, {finalized} finalized, **{rejected} rejected, {lost} lost** (dropped: {}).\n\n",
			self.network,
			self.rate,
			secs,
			rejected + lost
		);
		let nodes = self.chunks.first().map_or(0, |c| c.rss_mib.len());
		let (first, last) = match (self.chunks.first(), self.chunks.last()) {
			(Some(first), Some(last)) => (first, last),
			_ => return md,
		};
		md += "| node | RSS after the first chunk (MiB) | after the last | heap (`RssAnon`) after the first chunk | at half-time | after the last | peak | live heap after the first chunk | at half-time | after the last | peak | trie cache after the last |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
		let half = &self.chunks[self.chunks.len() / 2];
		let peak = |f: fn(&Chunk) -> &Vec<f64>, n: usize| {
			self.chunks.iter().map(|c| f(c)[n]).fold(f64::NAN, f64::max)
		};
		for n in 0..nodes {
			md += &format!(
				"| {n} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |\n",
				first.rss_mib[n],
				last.rss_mib[n],
				first.heap_mib[n],
				half.heap_mib[n],
				last.heap_mib[n],
				peak(|c| &c.heap_mib, n),
				first.live_mib[n],
				half.live_mib[n],
				last.live_mib[n],
				peak(|c| &c.live_mib, n),
				last.trie_cache_mib[n],
			);
		}
		md += "\n| chunk | call | submitted | included | finalized | rejected | lost | at (s) | RSS (MiB) | heap (MiB) | live heap (MiB) |\n|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|\n";
		for (i, c) in self.chunks.iter().enumerate() {
			md += &format!(
				"| {} | {} | {} | {} | {} | {} | {} | {:.0} | {} | {} | {} |\n",
				i + 1,
				c.workload.call(),
				c.submitted,
				c.included,
				c.finalized,
				c.rejected,
				c.lost,
				c.at_secs,
				joined(&c.rss_mib),
				joined(&c.heap_mib),
				joined(&c.live_mib),
			);
		}
		md
	}
}

/// Per-node MiB figures, " / "-separated.
fn joined(v: &[f64]) -> String {
	v.iter().map(|m| format!("{m:.0}")).collect::<Vec<_>>().join(" / ")
}
