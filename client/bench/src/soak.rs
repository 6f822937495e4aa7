//! `--soak N`: N trade transactions through a network at a steady rate, in chunks that take the
//! trade workloads in turn; after each chunk, what was included (and of that, what failed in
//! dispatch), finalized, rejected and still waiting, and each node's memory: resident
//! (`VmRSS`), of which anonymous (`RssAnon`: the heap; the rest is mostly ParityDB's
//! memory-mapped files, which grow with the database and which the kernel can reclaim), the
//! live heap as the node's allocator counts it
//! (`tradechain_memory_allocated_bytes`: allocated and not freed; `RssAnon` also holds freed pages
//! the allocator has not returned yet), and the trie cache's share of it
//! (`substrate_state_cache_bytes`, capped by `--trie-cache-size`, 1 GiB by default; the cache
//! counts less than it holds: heap profiles found 1.0–1.7× the gauge, see `docs/soak`). The
//! goals: nothing dropped, the live heap flat once the caches are full.
//!
//! A transaction is followed from its submission to the end of the soak, not only through its
//! chunk: one still waiting when its chunk ends (`late`) is waited for once, up to
//! [`LATE_WAIT`], before the next chunk reads the accounts' next nonces and signs, and counts as
//! included if a later block holds it. **Dropped** is what no block held by the end, after a
//! final wait for the pool to drain, and what was rejected at submission. Cross-checks from
//! nonces: how many the tool had to sign a second time (the pool's next nonce fell below what it
//! had signed), and each account's nonce in the finalized state against its nonce at the start
//! plus the transactions signed for it.

use std::{
	sync::{atomic::AtomicBool, Arc},
	time::{Duration, Instant},
};

use serde::Serialize;
use subxt::rpcs::{rpc_params, RpcClient};
use subxt_signer::sr25519::Keypair;

use crate::{
	load::{self, Load, Workload},
	track::{self, Pace},
	Args, Attached, Net,
};

/// One chunk of the soak: its load, and the transactions that set it up (traceability items for
/// the events), all counted together.
#[derive(Debug, Serialize)]
pub struct Chunk {
	pub workload: Workload,
	/// Transactions submitted, the setup ones included.
	pub submitted: usize,
	/// Of them, the setup transactions (traceability items), not counted in the soak's total.
	pub setup: usize,
	pub included: usize,
	/// Of the included, those whose dispatch failed (`System::ExtrinsicFailed`).
	pub failed: usize,
	pub finalized: usize,
	pub rejected: usize,
	/// Not yet in a block when the chunk ended (its last submission + 180 s); followed on.
	pub late: usize,
	/// Of earlier chunks' late transactions, how many a block held by this chunk's end.
	pub late_included: usize,
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
	/// Late transactions that a block held after their chunk (by the end of the final wait).
	pub late_included: usize,
	/// Transactions submitted that no block held by the end of the final wait.
	pub never_included: usize,
	/// Transactions signed with a nonce the tool had signed before: `system_accountNextIndex`
	/// gave less than the account's signed nonces, because the pool no longer held an earlier
	/// one (0 when nothing was lost from the pool).
	pub resigned: u64,
	/// The chain's cross-check: Σ over accounts of (the nonce at the start + the transactions
	/// signed − the nonce in the finalized state at the end); 0 when every signed transaction
	/// took its own nonce on chain.
	pub nonce_shortfall: u64,
	/// Σ over accounts of the transactions signed.
	pub signed: u64,
	/// The submission errors, by kind ("" when none).
	pub errors: String,
	/// The dispatch errors of included transactions, by error ("" when none).
	pub failures: String,
}

impl Soak {
	/// Rejected at submission or never included: the soak's goal is 0.
	pub fn dropped(&self) -> usize {
		self.chunks.iter().map(|c| c.rejected).sum::<usize>() + self.never_included
	}
}

/// Each account's nonces: where the soak started and how many transactions it signed; from
/// these, whether the chain's nonces account for every one.
struct Nonces {
	start: Vec<u64>,
	signed: Vec<u64>,
	resigned: u64,
}

impl Nonces {
	/// Notes `count` transactions of account `i` signed from `first`.
	fn sign(&mut self, i: usize, first: u64, count: u64) {
		let next = self.start[i] + self.signed[i];
		self.resigned += next.saturating_sub(first).min(count);
		self.signed[i] += count;
	}
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
	let mut soak = Soak {
		network: format!("{:?}", args.networks[0]),
		rate,
		chunks: Vec::new(),
		late_included: 0,
		never_included: 0,
		resigned: 0,
		nonce_shortfall: 0,
		signed: 0,
		errors: String::new(),
		failures: String::new(),
	};
	let mut nonces = Nonces {
		start: chain_nonces(&clients[0], &accounts).await?,
		signed: vec![0; accounts.len()],
		resigned: 0,
	};
	// Every late transaction, followed to the end; and those of the last chunk, which the next
	// one waits for (once: a transaction the pool lost would otherwise hold up every chunk).
	let (mut late, mut fresh): (Vec<[u8; 32]>, Vec<[u8; 32]>) = (Vec::new(), Vec::new());
	let mut done = 0u64;
	let mut turn = 0usize;
	while done < total {
		let workload = CYCLE[turn % CYCLE.len()];
		turn += 1;
		let per_account = (total - done).min(chunk).div_ceil(args.accounts as u64);
		if !fresh.is_empty() {
			println!("   soak: {} late transactions; the next chunk waits for them", fresh.len());
			tracker.wait(LATE_WAIT, |t| t.settled(&fresh)).await;
			fresh.clear();
		}
		let mut setup = Vec::new();
		if workload == Workload::Event {
			// Items for this chunk's events, beyond those created before.
			let next = load::nonces(&clients[0], &accounts).await?;
			let seq = &seqs[Workload::Event as usize];
			let mut txs = Vec::new();
			for (i, k) in accounts.iter().enumerate() {
				let need = (seq[i] + per_account).div_ceil(load::EVENTS_PER_ITEM);
				if need > items[i] {
					txs.push(load::sign(at, &load::items(i, items[i], need), k, next[i])?);
					nonces.sign(i, next[i], 1);
					items[i] = need;
				}
			}
			let stop = Arc::new(AtomicBool::new(false));
			setup = track::submit(clients, txs, tracker, Pace::Burst, stop, 64).await;
			tracker.wait(Duration::from_secs(120), |t| t.settled(&setup)).await;
		}
		let next = load::nonces(&clients[0], &accounts).await?;
		for (i, first) in next.iter().enumerate() {
			nonces.sign(i, *first, per_account);
		}
		let seq = &mut seqs[workload as usize];
		let txs = Load { at, accounts: &accounts, nonces: next, seq, run: run_id }
			.build(workload, per_account)?;
		let stop = Arc::new(AtomicBool::new(false));
		let load = track::submit(clients, txs, tracker, Pace::Rate(rate), stop, 256).await;
		tracker.wait(Duration::from_secs(180), |t| t.settled(&load)).await;
		let finalized_by = tracker.best();
		tracker.wait(Duration::from_secs(120), |t| t.finalized() >= finalized_by).await;
		let all: Vec<[u8; 32]> = setup.iter().chain(&load).copied().collect();
		tracker.checked().await;
		let (included, finalized, rejected) = tracker.count(&all);
		let failed = tracker.failed(&all);
		let earlier = late.len();
		late = tracker.unsettled(&late);
		let late_included = earlier - late.len();
		soak.late_included += late_included;
		fresh = tracker.unsettled(&all);
		late.extend(&fresh);
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
			submitted: all.len(),
			setup: setup.len(),
			included,
			failed,
			finalized,
			rejected,
			late: fresh.len(),
			late_included,
			at_secs: started.elapsed().as_secs_f64(),
			rss_mib: net.nodes.iter().map(|n| status_mib(n.pid(), "VmRSS")).collect(),
			heap_mib: net.nodes.iter().map(|n| status_mib(n.pid(), "RssAnon")).collect(),
			live_mib,
			trie_cache_mib,
		};
		done += load.len() as u64;
		println!(
			"   soak {done:>9}/{total}: {:<40} {} included ({} failed), {} finalized, {} rejected, {} late ({} earlier late included); RSS {} MiB, heap {} MiB, live {} MiB",
			workload.call(),
			c.included,
			c.failed,
			c.finalized,
			c.rejected,
			c.late,
			c.late_included,
			joined(&c.rss_mib),
			joined(&c.heap_mib),
			joined(&c.live_mib),
		);
		if c.rejected > 0 {
			println!("   soak: rejected so far: {}", tracker.errors());
		}
		if c.failed > 0 {
			println!("   soak: failed so far: {}", tracker.failures());
		}
		soak.chunks.push(c);
		// Only the waiting transactions stay followed (a million would fill the client).
		tracker.forget_settled();
	}
	if !late.is_empty() {
		println!("   soak: {} late transactions; a last wait for them", late.len());
		tracker.wait(LATE_WAIT * 2, |t| t.settled(&late)).await;
		let left = tracker.unsettled(&late).len();
		soak.late_included += late.len() - left;
		soak.never_included = left;
	}
	// The chain's count, once the blocks seen so far are final.
	let best = tracker.best();
	tracker.wait(Duration::from_secs(120), |t| t.finalized() >= best).await;
	let chain = chain_nonces(&clients[0], &accounts).await?;
	soak.signed = nonces.signed.iter().sum();
	soak.resigned = nonces.resigned;
	soak.nonce_shortfall = (0..accounts.len())
		.map(|i| (nonces.start[i] + nonces.signed[i]).saturating_sub(chain[i]))
		.sum();
	soak.errors = tracker.errors();
	soak.failures = tracker.failures();
	println!(
		"   soak: {} late included after their chunk, {} never included, {} rejected; {} \
		 nonces signed again; the finalized nonces fall {} short of the transactions signed",
		soak.late_included,
		soak.never_included,
		soak.dropped() - soak.never_included,
		soak.resigned,
		soak.nonce_shortfall
	);
	Ok(soak)
}

/// How long a chunk waits for earlier chunks' late transactions before it is signed.
const LATE_WAIT: Duration = Duration::from_secs(300);

/// Each account's nonce in the finalized state (`AccountNonceApi_account_nonce`).
async fn chain_nonces(rpc: &RpcClient, accounts: &[Keypair]) -> Result<Vec<u64>, String> {
	let head: serde_json::Value = rpc
		.request("chain_getFinalizedHead", rpc_params![])
		.await
		.map_err(|e| format!("chain_getFinalizedHead: {e}"))?;
	let head = head.as_str().ok_or("chain_getFinalizedHead: not a hash")?.to_owned();
	let mut out = Vec::with_capacity(accounts.len());
	for k in accounts {
		let account = format!("0x{}", hex::encode(load::id(k).0));
		let nonce: String = rpc
			.request("state_call", rpc_params!["AccountNonceApi_account_nonce", account, &head])
			.await
			.map_err(|e| format!("AccountNonceApi_account_nonce: {e}"))?;
		let bytes = hex::decode(nonce.trim_start_matches("0x")).map_err(|e| e.to_string())?;
		// The nonce is a little-endian u32 or u64, as the runtime's `Nonce` is.
		let mut le = [0u8; 8];
		match bytes.len() {
			4 | 8 => le[..bytes.len()].copy_from_slice(&bytes),
			n => return Err(format!("AccountNonceApi_account_nonce: {n} bytes, not a nonce")),
		}
		out.push(u64::from_le_bytes(le));
	}
	Ok(out)
}

impl Soak {
	/// Markdown: totals, memory at start, end and peak, and every chunk.
	pub fn markdown(&self) -> String {
		let sum = |f: fn(&Chunk) -> usize| self.chunks.iter().map(f).sum::<usize>();
		let (submitted, included, finalized) =
			(sum(|c| c.submitted), sum(|c| c.included), sum(|c| c.finalized));
		let (rejected, late, failed) = (sum(|c| c.rejected), sum(|c| c.late), sum(|c| c.failed));
		let secs = self.chunks.last().map_or(0.0, |c| c.at_secs);
		let mut md = format!(
			"# Soak\n\n{submitted} transactions on `{}` at {:.0} tx/s in {:.0} s ({} of them \
			 setting up traceability items): {included} included ({failed} of them with a failed \
			 dispatch) and {finalized} finalized within their chunk; {late} late, of which {} \
			 included later; **dropped: {}** \
			 ({rejected} rejected at submission, {} never included). Cross-check from the \
			 chain: the accounts' finalized nonces fall {} short of the {} transactions signed; \
			 {} nonces were signed again after the pool lost an earlier one.\n\n",
			self.network,
			self.rate,
			secs,
			sum(|c| c.setup),
			self.late_included,
			self.dropped(),
			self.never_included,
			self.nonce_shortfall,
			self.signed,
			self.resigned,
		);
		if !self.errors.is_empty() {
			md += &format!("Rejections by error: {}.\n\n", self.errors);
		}
		if !self.failures.is_empty() {
			md += &format!("Failed dispatches by error: {}.\n\n", self.failures);
		}
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
		md += "\n| chunk | call | submitted | included | failed | finalized | rejected | late | earlier late included | at (s) | RSS (MiB) | heap (MiB) | live heap (MiB) |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n";
		for (i, c) in self.chunks.iter().enumerate() {
			md += &format!(
				"| {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {} | {} | {} |\n",
				i + 1,
				c.workload.call(),
				c.submitted,
				c.included,
				c.failed,
				c.finalized,
				c.rejected,
				c.late,
				c.late_included,
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
