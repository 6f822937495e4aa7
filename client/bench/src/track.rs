//! Submitting pre-signed transactions and following them into best and finalized blocks.
//!
//! Everything goes through plain JSON-RPC (`author_submitExtrinsic`, `chain_subscribeNewHeads`,
//! `chain_subscribeFinalizedHeads`, `chain_getBlock`), so any Substrate node can be measured.
//! A transaction is recognised in a block by its hash (BLAKE2-256 of its encoding); times are
//! when this client learnt of the block. Whether its dispatch succeeded comes from the block's
//! events (`System::ExtrinsicFailed` at its index), decoded with the node's own metadata, so
//! this too works on any Substrate node: an included transaction may still have failed, and a
//! rate of failed calls is no throughput.

use std::{
	collections::{BTreeMap, HashMap},
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

use futures::StreamExt;
use serde_json::Value;
use subxt::{
	error::DispatchError,
	events::Phase,
	rpcs::{rpc_params, RpcClient},
	utils::H256,
};
use tradechain_integration_tests::Client;

/// A signed transaction ready to submit.
pub struct Signed {
	pub hash: [u8; 32],
	pub hex: String,
}

/// What became of one submitted transaction.
#[derive(Default, Clone, Copy)]
pub struct Fate {
	pub submitted: Option<Instant>,
	pub included: Option<(Instant, u64)>,
	pub finalized: Option<Instant>,
	pub rejected: bool,
	/// Included, but its dispatch failed (`System::ExtrinsicFailed`).
	pub failed: bool,
}

/// A block as this client saw it.
pub struct Seen {
	pub hash: String,
	pub at: Instant,
	pub finalized_at: Option<Instant>,
	/// Our transactions in it.
	pub ours: Vec<[u8; 32]>,
}

#[derive(Default)]
pub struct State {
	pub txs: HashMap<[u8; 32], Fate>,
	pub blocks: BTreeMap<u64, Seen>,
	pub finalized: u64,
	/// Submission errors by kind.
	pub errors: BTreeMap<String, u64>,
	/// Dispatch errors of our included transactions, by error (`Pallet::Error`).
	pub failures: BTreeMap<String, u64>,
	/// Blocks holding our transactions whose events could not be read (their failures are not
	/// counted).
	pub unchecked: u64,
}

/// The shared view of submissions and blocks.
#[derive(Clone)]
pub struct Tracker {
	pub state: Arc<Mutex<State>>,
	/// Transactions submitted and accepted by the pool, not yet seen in a block.
	pub backlog: Arc<AtomicU64>,
	/// Reads the blocks' events.
	api: Client,
	/// Blocks whose events are being read.
	checking: Arc<AtomicU64>,
}

fn number(header: &Value) -> Result<u64, String> {
	let n = header["number"].as_str().ok_or("header without number")?;
	u64::from_str_radix(n.trim_start_matches("0x"), 16).map_err(|e| e.to_string())
}

async fn block_hash(rpc: &RpcClient, n: u64) -> Result<String, String> {
	let hash: Value =
		rpc.request("chain_getBlockHash", rpc_params![n]).await.map_err(|e| e.to_string())?;
	hash.as_str().map(str::to_owned).ok_or_else(|| format!("no block #{n}"))
}

impl Tracker {
	/// Follows the node's best and finalized chains until the returned flag is set, reading the
	/// events of the blocks with our transactions through `api`.
	pub async fn start(rpc: RpcClient, api: Client) -> Result<(Self, Arc<AtomicBool>), String> {
		let tracker = Tracker {
			state: Arc::new(Mutex::new(State::default())),
			backlog: Default::default(),
			api,
			checking: Default::default(),
		};
		let stop = Arc::new(AtomicBool::new(false));
		let mut best = rpc
			.subscribe::<Value>(
				"chain_subscribeNewHeads",
				rpc_params![],
				"chain_unsubscribeNewHeads",
			)
			.await
			.map_err(|e| format!("chain_subscribeNewHeads: {e}"))?;
		let mut finalized = rpc
			.subscribe::<Value>(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await
			.map_err(|e| format!("chain_subscribeFinalizedHeads: {e}"))?;
		let (t, s) = (tracker.clone(), stop.clone());
		tokio::spawn(async move {
			let mut last_best = None::<u64>;
			while !s.load(Ordering::Relaxed) {
				let tick = tokio::time::sleep(Duration::from_millis(200));
				tokio::select! {
					Some(Ok(h)) = best.next() => {
						if let Ok(n) = number(&h) {
							let from = last_best.map_or(n, |l| (l + 1).min(n));
							for k in from..=n {
								if let Err(e) = t.see(&rpc, k, None).await {
									eprintln!("     block #{k}: {e}");
								}
							}
							last_best = Some(n);
						}
					}
					Some(Ok(h)) = finalized.next() => {
						if let Ok(n) = number(&h) {
							if let Err(e) = t.finalize(&rpc, n).await {
								eprintln!("     finalized #{n}: {e}");
							}
						}
					}
					_ = tick => {}
				}
			}
		});
		Ok((tracker, stop))
	}

	/// Records best block `n` (fetched by number unless `hash` is given).
	async fn see(&self, rpc: &RpcClient, n: u64, hash: Option<String>) -> Result<(), String> {
		let hash = match hash {
			Some(h) => h,
			None => block_hash(rpc, n).await?,
		};
		let block: Value =
			rpc.request("chain_getBlock", rpc_params![&hash]).await.map_err(|e| e.to_string())?;
		let extrinsics = block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
		let now = Instant::now();
		let mut state = self.state.lock().expect("not poisoned");
		let mut ours = Vec::new();
		let mut indexed = Vec::new();
		for (i, x) in extrinsics.iter().enumerate() {
			let Some(bytes) = x.as_str().and_then(|x| hex::decode(x.trim_start_matches("0x")).ok())
			else {
				continue;
			};
			let h = sp_crypto_hashing::blake2_256(&bytes);
			if let Some(fate) = state.txs.get_mut(&h) {
				if fate.included.is_none() {
					fate.included = Some((now, n));
					self.backlog.fetch_sub(1, Ordering::Relaxed);
				}
				ours.push(h);
				indexed.push((i as u32, h));
			}
		}
		state.blocks.insert(n, Seen { hash: hash.clone(), at: now, finalized_at: None, ours });
		drop(state);
		if !indexed.is_empty() {
			// Apart from following the chain, so that reading events delays no block's time.
			self.checking.fetch_add(1, Ordering::Relaxed);
			let (api, state, checking) =
				(self.api.clone(), self.state.clone(), self.checking.clone());
			tokio::spawn(async move {
				if let Err(e) = check(&api, &state, &hash, n, indexed).await {
					eprintln!("     events of block #{n}: {e}");
					state.lock().expect("not poisoned").unchecked += 1;
				}
				checking.fetch_sub(1, Ordering::Relaxed);
			});
		}
		Ok(())
	}

	async fn finalize(&self, rpc: &RpcClient, n: u64) -> Result<(), String> {
		let from = self.state.lock().expect("not poisoned").finalized + 1;
		for k in from..=n {
			let hash = block_hash(rpc, k).await?;
			let known = {
				let state = self.state.lock().expect("not poisoned");
				state.blocks.get(&k).map(|b| b.hash == hash)
			};
			if known != Some(true) {
				// Not seen as best, or reorganised away since: the finalized block counts.
				self.see(rpc, k, Some(hash)).await?;
			}
			let now = Instant::now();
			let mut state = self.state.lock().expect("not poisoned");
			let ours = state.blocks.get(&k).map(|b| b.ours.clone()).unwrap_or_default();
			for h in ours {
				if let Some(f) = state.txs.get_mut(&h) {
					f.finalized.get_or_insert(now);
				}
			}
			if let Some(b) = state.blocks.get_mut(&k) {
				b.finalized_at = Some(now);
			}
			state.finalized = k;
		}
		Ok(())
	}

	pub fn best(&self) -> u64 {
		self.state.lock().expect("not poisoned").blocks.keys().next_back().copied().unwrap_or(0)
	}

	pub fn finalized(&self) -> u64 {
		self.state.lock().expect("not poisoned").finalized
	}

	/// Of `hashes`: how many are included, finalized, rejected.
	pub fn count(&self, hashes: &[[u8; 32]]) -> (usize, usize, usize) {
		let state = self.state.lock().expect("not poisoned");
		let mut c = (0, 0, 0);
		for h in hashes {
			if let Some(f) = state.txs.get(h) {
				c.0 += f.included.is_some() as usize;
				c.1 += f.finalized.is_some() as usize;
				c.2 += f.rejected as usize;
			}
		}
		c
	}

	/// Of `hashes`: how many were included with a failed dispatch.
	pub fn failed(&self, hashes: &[[u8; 32]]) -> usize {
		let state = self.state.lock().expect("not poisoned");
		hashes.iter().filter(|h| state.txs.get(*h).is_some_and(|f| f.failed)).count()
	}

	/// Waits (at most a minute) until the events of every block seen so far are read, so that
	/// [`Self::failed`] counts all of them.
	pub async fn checked(&self) {
		let started = Instant::now();
		while self.checking.load(Ordering::Relaxed) > 0 && started.elapsed().as_secs() < 60 {
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
	}

	/// The dispatch errors so far, by error, as one line ("" when none).
	pub fn failures(&self) -> String {
		let state = self.state.lock().expect("not poisoned");
		let mut line: Vec<_> = state.failures.iter().map(|(e, n)| format!("{n}× {e}")).collect();
		if state.unchecked > 0 {
			line.push(format!("{} blocks' events unread", state.unchecked));
		}
		line.join("; ")
	}

	/// Whether every one of `hashes` was included or rejected (or is no longer followed, which
	/// only a settled transaction can be: see [`Self::forget_settled`]).
	pub fn settled(&self, hashes: &[[u8; 32]]) -> bool {
		self.unsettled(hashes).is_empty()
	}

	/// Those of `hashes` neither included nor rejected yet.
	pub fn unsettled(&self, hashes: &[[u8; 32]]) -> Vec<[u8; 32]> {
		let state = self.state.lock().expect("not poisoned");
		let waiting =
			|h: &&[u8; 32]| state.txs.get(*h).is_some_and(|f| f.included.is_none() && !f.rejected);
		hashes.iter().filter(waiting).copied().collect()
	}

	/// Stops following the transactions already included or rejected.
	pub fn forget_settled(&self) {
		let mut state = self.state.lock().expect("not poisoned");
		state.txs.retain(|_, f| f.included.is_none() && !f.rejected);
	}

	/// Waits until `done` holds; `false` after `timeout`.
	pub async fn wait(&self, timeout: Duration, mut done: impl FnMut(&Self) -> bool) -> bool {
		let (started, mut shown) = (Instant::now(), Instant::now());
		while !done(self) {
			if started.elapsed() > timeout {
				return false;
			}
			if shown.elapsed() > Duration::from_secs(10) {
				shown = Instant::now();
				eprintln!(
					"     … best #{}, finalized #{}, {} waiting in the pool",
					self.best(),
					self.finalized(),
					self.backlog.load(Ordering::Relaxed)
				);
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		true
	}

	/// The submission errors so far, by kind, as one line.
	pub fn errors(&self) -> String {
		let state = self.state.lock().expect("not poisoned");
		state.errors.iter().map(|(e, n)| format!("{n}× {e}")).collect::<Vec<_>>().join("; ")
	}
}

/// Marks which of our transactions (`ours`: index in block `n`, hash) failed, from the block's
/// events; a block seen again (the finalized one after a reorganisation) sets them anew.
async fn check(
	api: &Client,
	state: &Mutex<State>,
	hash: &str,
	n: u64,
	ours: Vec<(u32, [u8; 32])>,
) -> Result<(), String> {
	let bytes = hex::decode(hash.trim_start_matches("0x")).map_err(|e| e.to_string())?;
	let hash = H256::from_slice(&bytes);
	let at = api.at_block_hash_and_number(hash, n).await.map_err(|e| e.to_string())?;
	let events = at.events().fetch().await.map_err(|e| e.to_string())?;
	let mut failed = HashMap::new();
	for event in events.iter() {
		let event = event.map_err(|e| e.to_string())?;
		if let Phase::ApplyExtrinsic(i) = event.phase() {
			if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
				let why = match DispatchError::decode_from(event.field_bytes(), at.metadata()) {
					Ok(DispatchError::Module(e)) => e.details_string(),
					Ok(e) => e.to_string(),
					Err(e) => format!("undecoded dispatch error: {e}"),
				};
				failed.insert(i, why);
			}
		}
	}
	let mut state = state.lock().expect("not poisoned");
	let State { txs, failures, .. } = &mut *state;
	for (i, h) in ours {
		let why = failed.remove(&i);
		if let Some(fate) = txs.get_mut(&h) {
			if let (Some(why), false) = (&why, fate.failed) {
				*failures.entry(why.clone()).or_default() += 1;
			}
			fate.failed = why.is_some();
		}
	}
	Ok(())
}

/// How submissions are paced.
#[derive(Clone, Copy)]
pub enum Pace {
	/// As fast as the node takes them, keeping at most this many in the pool.
	Saturate { backlog: u64 },
	/// At this many per second.
	Rate(f64),
	/// All at once.
	Burst,
}

/// Submits `txs` in order over `clients` (round robin, `in_flight` requests at a time) until
/// they are all submitted or `stop` is set; returns the hashes submitted.
pub async fn submit(
	clients: &[RpcClient],
	txs: Vec<Signed>,
	tracker: &Tracker,
	pace: Pace,
	stop: Arc<AtomicBool>,
	in_flight: usize,
) -> Vec<[u8; 32]> {
	let start = Instant::now();
	{
		let mut state = tracker.state.lock().expect("not poisoned");
		for tx in &txs {
			state.txs.insert(tx.hash, Fate::default());
		}
	}
	let submitted = Arc::new(Mutex::new(Vec::with_capacity(txs.len())));
	futures::stream::iter(txs.into_iter().enumerate())
		.for_each_concurrent(in_flight, |(i, tx)| {
			let (rpc, stop, submitted) =
				(&clients[i % clients.len()], stop.clone(), submitted.clone());
			async move {
				match pace {
					Pace::Saturate { backlog } => {
						while tracker.backlog.load(Ordering::Relaxed) >= backlog {
							if stop.load(Ordering::Relaxed) {
								return;
							}
							tokio::time::sleep(Duration::from_millis(10)).await;
						}
					}
					Pace::Rate(per_s) => {
						let at = start + Duration::from_secs_f64(i as f64 / per_s);
						tokio::time::sleep_until(at.into()).await;
					}
					Pace::Burst => {}
				}
				if stop.load(Ordering::Relaxed) {
					return;
				}
				tracker.backlog.fetch_add(1, Ordering::Relaxed);
				let sent = Instant::now();
				tracker
					.state
					.lock()
					.expect("not poisoned")
					.txs
					.entry(tx.hash)
					.or_default()
					.submitted = Some(sent);
				let result: Result<Value, _> =
					rpc.request("author_submitExtrinsic", rpc_params![&tx.hex]).await;
				let mut state = tracker.state.lock().expect("not poisoned");
				if let Err(e) = result {
					let fate = state.txs.entry(tx.hash).or_default();
					fate.rejected = true;
					if fate.included.is_none() {
						tracker.backlog.fetch_sub(1, Ordering::Relaxed);
					}
					*state.errors.entry(short(&e.to_string())).or_default() += 1;
				}
				submitted.lock().expect("not poisoned").push(tx.hash);
			}
		})
		.await;
	let hashes = std::mem::take(&mut *submitted.lock().expect("not poisoned"));
	hashes
}

/// An RPC error without its per-transaction details, to count errors by kind.
fn short(e: &str) -> String {
	let e = e.split(" data:").next().unwrap_or(e);
	e.chars().take(120).collect()
}

#[cfg(test)]
mod tests {
	use std::time::Duration;

	use subxt::dynamic::Value;
	use tradechain_integration_tests::Node;

	use super::*;

	/// A transfer that succeeds and one of more than the sender holds, which the pool accepts
	/// (it can pay the fee) and the block holds, but whose dispatch fails: the tracker counts
	/// both as included and only the second as failed, with its error.
	#[tokio::test]
	async fn an_included_transaction_whose_dispatch_failed_is_counted_as_failed() {
		let node = Node::dev().await;
		let url = node.ws_url();
		let rpc = RpcClient::from_insecure_url(&url).await.expect("RPC");
		let api = Client::from_insecure_url(&url).await.expect("a client");
		let (tracker, stop) = Tracker::start(rpc.clone(), api.clone()).await.expect("tracking");
		let at = api.at_current_block().await.expect("a block");
		let alice = subxt_signer::sr25519::dev::alice();
		let transfer = |amount: u128| {
			let bob = subxt_signer::sr25519::dev::bob().public_key().to_account_id();
			let dest = Value::unnamed_variant("Id", [Value::from_bytes(bob.0)]);
			subxt::dynamic::tx("Balances", "transfer_keep_alive", vec![dest, Value::u128(amount)])
		};
		let nonce =
			crate::load::nonces(&rpc, std::slice::from_ref(&alice)).await.expect("nonce")[0];
		let txs = vec![
			crate::load::sign(&at, &transfer(1), &alice, nonce).expect("signed"),
			crate::load::sign(&at, &transfer(u128::MAX / 2), &alice, nonce + 1).expect("signed"),
		];
		let clients = [rpc];
		let no_stop = Arc::new(AtomicBool::new(false));
		let hashes = submit(&clients, txs, &tracker, Pace::Burst, no_stop, 2).await;
		assert_eq!(hashes.len(), 2);
		let settled = tracker.wait(Duration::from_secs(60), |t| t.settled(&hashes)).await;
		assert!(settled, "not included: {}", tracker.errors());
		tracker.checked().await;
		let (included, _, rejected) = tracker.count(&hashes);
		assert_eq!((included, rejected), (2, 0));
		assert_eq!(tracker.failed(&hashes[..1]), 0, "{}", tracker.failures());
		assert_eq!(tracker.failed(&hashes[1..]), 1, "{}", tracker.failures());
		let failures = tracker.failures();
		assert!(failures.starts_with("1× "), "{failures}");
		stop.store(true, Ordering::Relaxed);
	}
}
