//! `tradechain-bench`: how much load a node carries, measured from outside through JSON-RPC.
//!
//! For each node binary and network it starts the nodes itself (on loopback, throwaway
//! databases), endows load accounts in genesis, pre-signs transactions from all of them and
//! measures per workload:
//! - **sustained** transactions per second included in best blocks and finalized, while the
//!   pool is kept full (at most `--backlog` transactions waiting): those whose dispatch succeeded
//!   (read from each block's events); included ones that failed are counted apart;
//! - **latency** from submission to inclusion and to finality (p50, p95) at half that rate;
//! - (Tradechain) certificates anchored per second by a Merkle batch of `--batch-leaves`;
//! - on `dev`, each measured full block re-executed by the node's own `benchmark block`
//!   (`--time-blocks` times), its execution time next to the weight it consumed;
//! - `--burst N`: N pre-signed transfers submitted at once, and how many are included;
//! - `--soak N`: N trade transactions at a steady rate, what was dropped and the nodes' memory
//!   after every chunk (`scripts/soak`).
//!
//! Other Substrate nodes (`--compare LABEL=PATH`, e.g. polkadot-sdk's solochain template) are
//! measured with transfers in the same run. Results: `<out>/throughput.{json,md,png}`.

mod load;
mod plot;
mod report;
mod soak;
mod spec;
mod track;

use std::{
	path::{Path, PathBuf},
	sync::{atomic::Ordering, Arc},
	time::{Duration, Instant},
};

use clap::Parser;
use subxt::rpcs::RpcClient;
use tradechain_integration_tests::{node::find_node_binary, Client, Node, NodeBuilder};

use crate::{
	load::{Load, Workload},
	report::{Batch, Burst, Execution, Latency, Run, Sustained},
	track::{Pace, Tracker},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
enum Network {
	/// One authority (`dev` chain, Alice).
	Dev,
	/// Four authorities (`local` chain: Alice, Bob, Charlie, Dave) on loopback.
	Local,
}

#[derive(Parser, Debug)]
#[command(name = "tradechain-bench", about, long_about = None)]
struct Args {
	/// The Tradechain node (default: $TRADECHAIN_NODE, else the workspace's release build).
	#[arg(long)]
	node: Option<PathBuf>,
	/// Another Substrate node measured with transfers on its `dev` chain in the same run, as
	/// LABEL=PATH (repeatable).
	#[arg(long = "compare", value_name = "LABEL=PATH")]
	compare: Vec<String>,
	/// Networks to run the Tradechain node on.
	#[arg(long, value_delimiter = ',', default_values = ["dev", "local"])]
	networks: Vec<Network>,
	/// Workloads (on other nodes only `transfer`).
	#[arg(long, value_delimiter = ',', default_values = ["transfer", "certificate", "event", "declaration", "escrow"])]
	workloads: Vec<Workload>,
	/// Load accounts.
	#[arg(long, default_value_t = 300)]
	accounts: usize,
	/// Transactions pre-signed per account for a sustained phase.
	#[arg(long, default_value_t = 200)]
	per_account: u64,
	/// Full blocks measured per sustained phase (after one block of warm-up).
	#[arg(long, default_value_t = 5)]
	blocks: u64,
	/// At most this many submitted transactions wait in the pool during a sustained phase.
	#[arg(long, default_value_t = 8_000)]
	backlog: u64,
	/// Seconds of submission at half the sustained rate for the latency phase.
	#[arg(long, default_value_t = 30)]
	latency_secs: u64,
	/// Certificates in the Merkle batch (0: skip).
	#[arg(long, default_value_t = 1_000_000)]
	batch_leaves: u64,
	/// A few seconds per phase, to keep the tool working in CI: 16 accounts, 1 block, 3 s of
	/// latency, transfers and certificates on `dev`, 10,000 batch leaves, no comparison.
	#[arg(long)]
	smoke: bool,
	/// Burst mode instead: submit this many transfers at once and count what is included.
	#[arg(long)]
	burst: Option<u64>,
	/// Bursts, each on a fresh node.
	#[arg(long, default_value_t = 1)]
	repeat: u32,
	/// Soak mode instead: this many transactions of the trade workloads in turn, in chunks of
	/// `--accounts` × `--per-account`, on the first of `--networks`; reports what was dropped and
	/// each node's memory after every chunk (`<out>/soak.{md,json}`).
	#[arg(long)]
	soak: Option<u64>,
	/// Transactions per second submitted in soak mode.
	#[arg(long, default_value_t = 200.0)]
	soak_rate: f64,
	/// Re-executions of each measured full block on `dev` by the node's `benchmark block`, which
	/// times them against the weight they consumed (0: skip). The dev node then runs on a
	/// database in the run's temp dir instead of `--tmp`, and is stopped before the timing.
	#[arg(long, default_value_t = 3)]
	time_blocks: u32,
	/// Extra arguments for every node started (e.g. `--node-arg=--pool-type=single-state`).
	#[arg(long = "node-arg", allow_hyphen_values = true)]
	node_args: Vec<String>,
	/// Where results go.
	#[arg(long, default_value = "bench-results")]
	out: PathBuf,
}

/// RPC connections used for submission.
const CONNECTIONS: usize = 4;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
	let mut args = Args::parse();
	if args.smoke {
		args.accounts = 16;
		args.per_account = 40;
		args.blocks = 1;
		args.latency_secs = 3;
		args.batch_leaves = 10_000;
		args.time_blocks = 1;
		args.networks = vec![Network::Dev];
		args.workloads.retain(|w| matches!(w, Workload::Transfer | Workload::Certificate));
		args.compare.clear();
	}
	if let Err(e) = run(args).await {
		eprintln!("Error: {e}");
		std::process::exit(1);
	}
}

async fn run(args: Args) -> Result<(), String> {
	std::fs::create_dir_all(&args.out)
		.map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
	let tradechain = match args.node.clone() {
		Some(node) => node,
		None => find_node_binary()?,
	};
	if let Some(total) = args.soak {
		let network = *args.networks.first().ok_or("--networks is empty")?;
		println!("== soak: {total} transactions at {} tx/s on {network:?}", args.soak_rate);
		let net = start(&args, &tradechain, network, false).await?;
		let soak = soak::run(&args, &net, total, args.soak_rate).await?;
		let write = |name: &str, text: String| {
			let path = args.out.join(name);
			std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
		};
		write("soak.md", soak.markdown())?;
		write("soak.json", serde_json::to_string_pretty(&soak).map_err(|e| e.to_string())?)?;
		println!("{}", soak.markdown());
		return Ok(());
	}
	let mut report = report::Report::new(&args.out, args.smoke);
	if let Some(n) = args.burst {
		for r in 0..args.repeat {
			let b = burst(&args, &tradechain, n).await?;
			println!(
				"burst {}/{}: {} submitted, {} rejected, {} included (lost {})",
				r + 1,
				args.repeat,
				b.submitted,
				b.rejected,
				b.included,
				b.lost
			);
			report.bursts.push(b);
		}
		return report.write();
	}
	for network in &args.networks {
		let run = measure(&args, "tradechain-node", &tradechain, *network).await?;
		report.runs.push(run);
	}
	for other in &args.compare {
		let (label, path) = other
			.split_once('=')
			.ok_or_else(|| format!("--compare {other}: expected LABEL=PATH"))?;
		report.runs.push(measure(&args, label, Path::new(path), Network::Dev).await?);
	}
	report.write()
}

/// The started network: its nodes (killed on drop) and the temp dir of its spec (and, with
/// `keep_db`, of the dev node's database).
struct Net {
	nodes: Vec<Node>,
	dir: tempfile::TempDir,
	spec: String,
}

/// Starts the nodes; with `keep_db` (`dev` only) the node's database is `<dir>/alice`, so that
/// `benchmark block` can read its blocks afterwards.
async fn start(args: &Args, binary: &Path, network: Network, keep_db: bool) -> Result<Net, String> {
	let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
	let spec = dir.path().join("spec.json");
	let ids: Vec<_> = load::accounts(args.accounts).iter().map(load::id).collect();
	let chain = match network {
		Network::Dev => "dev",
		Network::Local => "local",
	};
	spec::write(binary, chain, &ids, &spec)?;
	let spec = spec.to_string_lossy().into_owned();
	let node =
		|name: &str| NodeBuilder::new(&spec).binary(binary).name(name).args(args.node_args.clone());
	let mut nodes = Vec::new();
	match network {
		Network::Dev => {
			let mut alice = node("alice").args(["--alice", "--force-authoring"]);
			if keep_db {
				alice = alice.base_path(dir.path().join("alice"));
			}
			nodes.push(alice.spawn().await)
		}
		Network::Local => {
			let alice = node("alice").args(["--alice"]).spawn().await;
			let peer = alice.rpc("system_localPeerId", serde_json::json!([])).await?;
			let boot = format!(
				"/ip4/127.0.0.1/tcp/{}/p2p/{}",
				alice.p2p_port,
				peer.as_str().unwrap_or_default()
			);
			nodes.push(alice);
			for name in ["bob", "charlie", "dave"] {
				let args = [format!("--{name}"), "--bootnodes".into(), boot.clone()];
				nodes.push(node(name).args(args).spawn().await);
			}
			let started = Instant::now();
			while nodes[0].finalized_number().await.unwrap_or(0) < 2 {
				if started.elapsed() > Duration::from_secs(120) {
					return Err("the local network did not finalize block #2 in 120 s".into());
				}
				tokio::time::sleep(Duration::from_millis(500)).await;
			}
		}
	}
	Ok(Net { nodes, dir, spec })
}

async fn connect(url: &str) -> Result<RpcClient, String> {
	RpcClient::from_insecure_url(url).await.map_err(|e| format!("cannot connect to {url}: {e}"))
}

/// Connections to a network's first node: for submission, for following its blocks (until
/// dropped), and a client at its current block to sign with.
struct Attached {
	clients: Vec<RpcClient>,
	tracker: Tracker,
	stop_tracking: Arc<std::sync::atomic::AtomicBool>,
	at: tradechain_integration_tests::chain::AtBlock,
}

impl Net {
	async fn attach(&self) -> Result<Attached, String> {
		let url = self.nodes[0].ws_url();
		let mut clients = Vec::new();
		for _ in 0..CONNECTIONS {
			clients.push(connect(&url).await?);
		}
		let api = Client::from_insecure_url(&url).await.map_err(|e| e.to_string())?;
		let (tracker, stop_tracking) = Tracker::start(connect(&url).await?, api.clone()).await?;
		let at = api.at_current_block().await.map_err(|e| e.to_string())?;
		Ok(Attached { clients, tracker, stop_tracking, at })
	}
}

impl Drop for Attached {
	fn drop(&mut self) {
		self.stop_tracking.store(true, Ordering::Relaxed);
	}
}

/// Everything measured on one node binary and network.
async fn measure(args: &Args, label: &str, binary: &Path, network: Network) -> Result<Run, String> {
	println!("== {label} ({}) on {network:?}", binary.display());
	let mut timed = network == Network::Dev && args.time_blocks > 0;
	if timed && !has_benchmark_block(binary) {
		println!("   (this node has no `benchmark block`: its blocks are not timed)");
		timed = false;
	}
	let net = start(args, binary, network, timed).await?;
	let mut run = measure_on(args, label, binary, network, &net).await?;
	if timed {
		time_blocks(args, binary, net, &mut run.sustained);
	}
	Ok(run)
}

/// The sustained, latency and batch phases on a started network.
async fn measure_on(
	args: &Args,
	label: &str,
	binary: &Path,
	network: Network,
	net: &Net,
) -> Result<Run, String> {
	let version = net.nodes[0].rpc("system_version", serde_json::json!([])).await?;
	let Attached { clients, tracker, at, .. } = &net.attach().await?;
	let is_tradechain = at.metadata().pallet_by_name("Roles").is_some();
	let workloads: Vec<Workload> = args
		.workloads
		.iter()
		.copied()
		.filter(|w| is_tradechain || *w == Workload::Transfer)
		.collect();
	let accounts = load::accounts(args.accounts);
	let mut seqs = vec![vec![0u64; accounts.len()]; Workload::ALL.len()];
	let run_id = load::now_ms() / 1000;
	let mut run = Run::new(label, network, version.as_str().unwrap_or_default(), binary);

	if workloads.contains(&Workload::Event) {
		// Enough items for both phases of the event workload.
		let nonces = load::nonces(&clients[0], &accounts).await?;
		let mut txs = Vec::new();
		for (i, k) in accounts.iter().enumerate() {
			let items = (2 * args.per_account).div_ceil(load::EVENTS_PER_ITEM);
			txs.push(load::sign(&at, &load::items(i, 0, items), k, nonces[i])?);
		}
		let hashes = settle(&clients, &tracker, txs).await?;
		let (included, ..) = tracker.count(&hashes);
		if included != hashes.len() {
			return Err(format!(
				"creating traceability items: {included} of {} included; {}",
				hashes.len(),
				tracker.errors()
			));
		}
	}

	for workload in workloads {
		let seq = &mut seqs[workload as usize];
		let sustained =
			sustained(args, &clients, &tracker, &at, &accounts, seq, run_id, workload).await?;
		println!(
			"   {:<40} sustained {:>8.1} tx/s succeeded, {:>8.1} finalized ({} tx in {} blocks, \
			 {} failed{})",
			workload.call(),
			sustained.succeeded_per_s,
			sustained.finalized_per_s,
			sustained.transactions,
			sustained.blocks,
			sustained.failed,
			if sustained.saturated { "" } else { ", NOT saturated" },
		);
		if !sustained.failures.is_empty() {
			println!("   {:<40} failed: {:?}", "", sustained.failures);
		}
		let rate = (sustained.succeeded_per_s / 2.0).max(1.0);
		let latency =
			latency(args, &clients, &tracker, &at, &accounts, seq, run_id, workload, rate).await?;
		println!(
			"   {:<40} at {:>6.1} tx/s: inclusion p50 {:.2} s p95 {:.2} s, finality p50 {:.2} s p95 {:.2} s, lost {}, failed {}",
			"",
			latency.rate,
			latency.inclusion_p50,
			latency.inclusion_p95,
			latency.finality_p50,
			latency.finality_p95,
			latency.lost,
			latency.failed
		);
		run.sustained.push(sustained);
		run.latency.push(latency);
	}
	if is_tradechain && network == Network::Dev && args.batch_leaves > 0 {
		let b = batch(args, &clients, &tracker, &at, &accounts[0]).await?;
		println!(
			"   Merkle batch of {} certificates: {:.0} certificates/s anchored (root {:.2} s, inclusion {:.2} s)",
			b.leaves, b.per_s, b.root_secs, b.inclusion_secs
		);
		run.batch = Some(b);
	}
	Ok(run)
}

/// Submits `txs` at once and waits until they are included (or nothing moves for 30 s).
async fn settle(
	clients: &[RpcClient],
	tracker: &Tracker,
	txs: Vec<track::Signed>,
) -> Result<Vec<[u8; 32]>, String> {
	let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
	let hashes = track::submit(clients, txs, tracker, Pace::Burst, stop, 64).await;
	tracker.wait(Duration::from_secs(120), |t| t.settled(&hashes)).await;
	Ok(hashes)
}

#[allow(clippy::too_many_arguments)]
async fn sustained(
	args: &Args,
	clients: &[RpcClient],
	tracker: &Tracker,
	at: &tradechain_integration_tests::chain::AtBlock,
	accounts: &[subxt_signer::sr25519::Keypair],
	seq: &mut Vec<u64>,
	run_id: u64,
	workload: Workload,
) -> Result<Sustained, String> {
	let nonces = load::nonces(&clients[0], accounts).await?;
	// This phase's dispatch errors only (the last latency phase's are in its `failed`).
	tracker.state.lock().expect("not poisoned").failures.clear();
	let signing = Instant::now();
	let txs = Load { at, accounts, nonces, seq, run: run_id }.build(workload, args.per_account)?;
	let total = txs.len();
	println!("   signed {total} {} in {:.1} s", workload.call(), signing.elapsed().as_secs_f64());
	let start_best = tracker.best();
	let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
	let submitter = {
		let (clients, tracker, stop) = (clients.to_vec(), tracker.clone(), stop.clone());
		let pace = Pace::Saturate { backlog: args.backlog };
		tokio::spawn(async move { track::submit(&clients, txs, &tracker, pace, stop, 64).await })
	};
	// The first block with our transactions is warm-up; then `blocks` blocks are measured.
	let first = |t: &Tracker| {
		let state = t.state.lock().expect("not poisoned");
		state.blocks.range(start_best + 1..).find(|(_, b)| !b.ours.is_empty()).map(|(n, _)| *n)
	};
	let moved = tracker.wait(Duration::from_secs(60), |t| first(t).is_some()).await;
	let b0 = first(tracker)
		.filter(|_| moved)
		.ok_or_else(|| format!("no transaction of the load was included: {}", tracker.errors()))?;
	let last = b0 + args.blocks;
	tracker.wait(Duration::from_secs(12 * args.blocks + 30), |t| t.best() >= last).await;
	let saturated = !submitter.is_finished();
	stop.store(true, Ordering::Relaxed);
	let hashes = submitter.await.map_err(|e| e.to_string())?;
	let finalized = tracker.wait(Duration::from_secs(60), |t| t.finalized() >= last).await;
	tracker.checked().await;
	let (mut window, mut full, mut included_secs, mut finalized_secs) = (Vec::new(), 0, 0.0, None);
	// A load that ran out within the window is measured from the block before its first.
	let from = if saturated { b0 } else { b0.saturating_sub(1) };
	{
		let state = tracker.state.lock().expect("not poisoned");
		let (Some(start), Some(end)) = (state.blocks.get(&from), state.blocks.get(&last)) else {
			return Err(format!("blocks #{from}..#{last} were not all seen"));
		};
		for n in from + 1..=last {
			let ours = state.blocks.get(&n).map_or(&[][..], |b| &b.ours[..]);
			window.extend_from_slice(ours);
			full = full.max(ours.len());
		}
		included_secs = end.at.duration_since(start.at).as_secs_f64().max(included_secs);
		if let (true, Some(a), Some(b)) = (finalized, start.finalized_at, end.finalized_at) {
			finalized_secs = Some(b.duration_since(a).as_secs_f64());
		}
	}
	// Whatever was submitted must still be included: nothing may get lost.
	tracker.wait(Duration::from_secs(120), |t| t.settled(&hashes)).await;
	let (inc, _, rej) = tracker.count(&hashes);
	let (errors, failures) = {
		let mut state = tracker.state.lock().expect("not poisoned");
		(std::mem::take(&mut state.errors), std::mem::take(&mut state.failures))
	};
	let (count, failed) = (window.len(), tracker.failed(&window));
	let succeeded = (count - failed) as f64;
	Ok(Sustained {
		workload,
		call: workload.call(),
		transactions: count,
		failed,
		blocks: args.blocks,
		measured_blocks: (from + 1, last),
		execution: None,
		max_per_block: full,
		included_per_s: count as f64 / included_secs.max(f64::EPSILON),
		succeeded_per_s: succeeded / included_secs.max(f64::EPSILON),
		finalized_per_s: finalized_secs.map_or(0.0, |s| succeeded / s.max(f64::EPSILON)),
		saturated,
		presigned: total,
		submitted: hashes.len(),
		rejected: rej,
		lost: hashes.len() - inc - rej,
		errors,
		failures,
	})
}

#[allow(clippy::too_many_arguments)]
async fn latency(
	args: &Args,
	clients: &[RpcClient],
	tracker: &Tracker,
	at: &tradechain_integration_tests::chain::AtBlock,
	accounts: &[subxt_signer::sr25519::Keypair],
	seq: &mut Vec<u64>,
	run_id: u64,
	workload: Workload,
	rate: f64,
) -> Result<Latency, String> {
	let nonces = load::nonces(&clients[0], accounts).await?;
	let wanted = (rate * args.latency_secs as f64).ceil() as u64;
	let per_account = wanted.div_ceil(accounts.len() as u64).clamp(1, args.per_account);
	let mut txs = Load { at, accounts, nonces, seq, run: run_id }.build(workload, per_account)?;
	txs.truncate(wanted as usize);
	let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
	let hashes = track::submit(clients, txs, tracker, Pace::Rate(rate), stop, 256).await;
	tracker
		.wait(Duration::from_secs(90), |t| {
			let (_, fin, rej) = t.count(&hashes);
			fin + rej >= hashes.len()
		})
		.await;
	tracker.checked().await;
	let state = tracker.state.lock().expect("not poisoned");
	let fates: Vec<_> = hashes.iter().filter_map(|h| state.txs.get(h)).collect();
	let secs = |to: &dyn Fn(&track::Fate) -> Option<Instant>| -> Vec<f64> {
		let mut v: Vec<f64> = fates
			.iter()
			.filter_map(|f| Some(to(f)?.duration_since(f.submitted?).as_secs_f64()))
			.collect();
		v.sort_by(f64::total_cmp);
		v
	};
	let inclusion = secs(&|f| f.included.map(|i| i.0));
	let finality = secs(&|f| f.finalized);
	let rejected = fates.iter().filter(|f| f.rejected).count();
	Ok(Latency {
		workload,
		rate,
		submitted: hashes.len(),
		included: inclusion.len(),
		finalized: finality.len(),
		rejected,
		failed: fates.iter().filter(|f| f.failed).count(),
		lost: hashes.len() - inclusion.len() - rejected,
		inclusion_p50: report::percentile(&inclusion, 50.0),
		inclusion_p95: report::percentile(&inclusion, 95.0),
		finality_p50: report::percentile(&finality, 50.0),
		finality_p95: report::percentile(&finality, 95.0),
	})
}

/// Certificates anchored per second by one Merkle batch: hashing every certificate, the root,
/// and the `anchor_batch` transaction until it is in a block.
async fn batch(
	args: &Args,
	clients: &[RpcClient],
	tracker: &Tracker,
	at: &tradechain_integration_tests::chain::AtBlock,
	issuer: &subxt_signer::sr25519::Keypair,
) -> Result<Batch, String> {
	use tradechain_integration_tests::tradechain;
	let nonce = load::nonces(&clients[0], std::slice::from_ref(issuer)).await?[0];
	let started = Instant::now();
	let leaves: Vec<_> = (0..args.batch_leaves)
		.map(|i| {
			let row =
				format!("KE-BENCH-{i:09},{},DE,090111,green coffee,19200,KGM", load::id(issuer));
			tradechain_primitives::document_hash(row.as_bytes())
		})
		.collect();
	let root = tradechain_primitives::batch_root(&leaves);
	let root_secs = started.elapsed().as_secs_f64();
	let valid_until = load::now_ms() + 90 * load::DAY_MS;
	let count = u32::try_from(leaves.len()).map_err(|_| "too many leaves")?;
	let call = tradechain::transactions().certificates_of_origin().anchor_batch(
		subxt::utils::H256(root.0),
		count,
		valid_until,
	);
	let tx = load::sign(at, &call, issuer, nonce)?;
	let hash = [tx.hash];
	let sent = Instant::now();
	let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
	track::submit(clients, vec![tx], tracker, Pace::Burst, stop, 1).await;
	tracker.wait(Duration::from_secs(30), |t| t.count(&hash).0 == 1).await;
	let included =
		tracker.state.lock().expect("not poisoned").txs.get(&hash[0]).and_then(|f| f.included);
	let (at_block, _) = included.ok_or("the anchor_batch transaction was not included")?;
	let total = at_block.duration_since(started).as_secs_f64();
	Ok(Batch {
		leaves: args.batch_leaves,
		root_secs,
		inclusion_secs: at_block.duration_since(sent).as_secs_f64(),
		per_s: args.batch_leaves as f64 / total,
	})
}

/// `n` transfers from `--accounts` accounts submitted at once to a fresh dev node.
async fn burst(args: &Args, binary: &Path, n: u64) -> Result<Burst, String> {
	let net = start(args, binary, Network::Dev, false).await?;
	let Attached { clients, tracker, at, .. } = &net.attach().await?;
	let accounts = load::accounts(args.accounts);
	let mut seq = vec![0; accounts.len()];
	let nonces = load::nonces(&clients[0], &accounts).await?;
	let per_account = n.div_ceil(accounts.len() as u64);
	let mut txs = Load { at: &at, accounts: &accounts, nonces, seq: &mut seq, run: 0 }
		.build(Workload::Transfer, per_account)?;
	txs.truncate(n as usize);
	let started = Instant::now();
	let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
	let hashes = track::submit(&clients, txs, &tracker, Pace::Burst, stop, 256).await;
	let submit_secs = started.elapsed().as_secs_f64();
	// Until all are in, or no more of them were included for a minute (lost: the pool holds
	// them no longer, or will not put them in blocks).
	let mut progress = (0, Instant::now());
	tracker
		.wait(Duration::from_secs(900), |t| {
			let (inc, _, rej) = t.count(&hashes);
			if inc > progress.0 {
				progress = (inc, Instant::now());
			}
			inc + rej >= hashes.len() || progress.1.elapsed() > Duration::from_secs(60)
		})
		.await;
	let (included, _, rejected) = tracker.count(&hashes);
	let blocks = {
		let state = tracker.state.lock().expect("not poisoned");
		state.blocks.values().filter(|b| !b.ours.is_empty()).count()
	};
	let errors = std::mem::take(&mut tracker.state.lock().expect("not poisoned").errors);
	Ok(Burst {
		node_args: args.node_args.clone(),
		accounts: accounts.len(),
		submitted: hashes.len(),
		rejected,
		included,
		lost: hashes.len() - included - rejected,
		blocks,
		submit_secs,
		all_in_secs: started.elapsed().as_secs_f64(),
		errors,
	})
}

/// Whether the node has frame-benchmarking-cli's `benchmark block` (polkadot-sdk's solochain
/// template has no `benchmark` subcommand).
fn has_benchmark_block(binary: &Path) -> bool {
	std::process::Command::new(binary)
		.args(["benchmark", "block", "--help"])
		.output()
		.is_ok_and(|out| out.status.success())
}

/// Stops the dev node and re-executes each sustained phase's measured blocks with the node's own
/// `benchmark block` (frame-benchmarking-cli: `execute_block` on the parent's state, storage root
/// included, the database commit not), recording their execution time against the weight they
/// consumed. An error leaves the phase untimed, with a warning: e.g. a phase more than 256
/// finalized blocks back, whose parent state the node has pruned (a dev run of every workload
/// takes about 60).
fn time_blocks(args: &Args, binary: &Path, mut net: Net, sustained: &mut [Sustained]) {
	for node in &mut net.nodes {
		node.stop();
	}
	let db = net.dir.path().join("alice");
	for s in sustained {
		let (from, to) = s.measured_blocks;
		// Each command starts cold (the runtime compiled on its first call, empty caches): the
		// block before the range is executed first, as warm-up, and left out.
		let warm_up = from.saturating_sub(1).max(1);
		let output = std::process::Command::new(binary)
			.args(["benchmark", "block", "--chain", &net.spec])
			.arg("--base-path")
			.arg(&db)
			.args(["--from", &warm_up.to_string(), "--to", &to.to_string()])
			.args(["--repeat", &args.time_blocks.to_string()])
			// Its per-block lines are info logs of this target.
			.args(["--log", "benchmark::block::weight=info"])
			.output();
		let blocks = match output {
			Ok(out) if out.status.success() => {
				// frame-benchmarking-cli logs one line per block, to stderr.
				let text = String::from_utf8_lossy(&out.stderr);
				let timed = text.lines().filter_map(report::parse_block_line);
				timed.filter(|b| b.number >= from).collect::<Vec<_>>()
			}
			Ok(out) => {
				let err = String::from_utf8_lossy(&out.stderr);
				let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
				eprintln!("   benchmark block #{from}..#{to} failed: {last}");
				continue;
			}
			Err(e) => {
				eprintln!("   benchmark block: cannot run {}: {e}", binary.display());
				continue;
			}
		};
		match Execution::new(&blocks, args.time_blocks) {
			Some(e) => {
				println!(
					"   {:<40} full blocks #{from}..#{to}: executed in {:.0} ms on average, {:.0} ms of weight ({:.0} % at most)",
					s.call,
					e.execution_ms,
					e.weight_ms,
					100.0 * e.max_ratio
				);
				s.execution = Some(e);
			}
			None => eprintln!("   benchmark block #{from}..#{to}: no block timed"),
		}
	}
}
