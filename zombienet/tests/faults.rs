//! Fault tests on the four-authority network of `zombienet/local.toml`, spawned by zombienet-sdk
//! (native provider, loopback) and faulted through its node control:
//!
//! 1. Dave is stopped (SIGSTOP): blocks and finality go on (three of four GRANDPA voters
//!    suffice). Charlie is stopped too: blocks go on (the two left author their slots), finality
//!    stalls. Both are restarted (killed and started again with the same command on their
//!    databases): they catch up, finality resumes within 60 s, and the transfers submitted before
//!    the stop are all in the finalized chain.
//! 2. Bob is killed (SIGKILL) while transfers flow and started again on the same database: it
//!    opens it, syncs, its finalized chain is Alice's, and every transfer of the load is final.
//!
//! A network partition is tested by `integration-tests/tests/faults.rs` (zombienet has no way to
//! cut links between its nodes).

use std::time::{Duration, Instant};

use subxt::utils::{AccountId32, MultiAddress};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::{free_balance, Chain},
	node::rpc_call,
	tradechain, Client,
};
use tradechain_zombienet::{finality_passes, metric, LocalNetwork, BEST, FINALIZED};
use zombienet_sdk::NetworkNode;

const UNIT: u128 = 1_000_000_000_000;

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

async fn finalized(node: &NetworkNode) -> u64 {
	metric(node, FINALIZED).await.expect("the finalized height") as u64
}

async fn best(node: &NetworkNode) -> u64 {
	metric(node, BEST).await.expect("the best height") as u64
}

/// A subxt client of `node` (its RPC is on 127.0.0.1).
async fn client(node: &NetworkNode) -> Client {
	Client::from_insecure_url(node.ws_uri()).await.expect("the node's RPC answers")
}

/// The RPC port of `node`, from its `ws://127.0.0.1:<port>`.
fn rpc_port(node: &NetworkNode) -> u16 {
	node.ws_uri().rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port in the ws uri")
}

/// The hash of block `number` on `node`.
async fn hash_at(node: &NetworkNode, number: u64) -> serde_json::Value {
	rpc_call(rpc_port(node), "chain_getBlockHash", serde_json::json!([number]))
		.await
		.expect("a block hash")
}

/// Transfers `count` × 1 UNIT from Ferdie to `to`, each in a best block.
async fn transfers(chain: &Chain, to: &Keypair, count: usize) {
	for _ in 0..count {
		let tx = tradechain::transactions()
			.balances()
			.transfer_keep_alive(MultiAddress::Id(id(to)), UNIT);
		chain.ok(&tx, &dev::ferdie(), "a transfer").await;
	}
}

/// `to`'s free balance at `node`'s finalized head.
async fn finalized_balance(node: &NetworkNode, to: &Keypair) -> u128 {
	let chain = Chain::new(client(node).await).await;
	free_balance(&chain.at().await, &id(to)).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_zombienet_network_survives_stopped_and_crashed_authorities() {
	let net = LocalNetwork::spawn().await.expect("zombienet spawns local.toml");
	let (alice, bob, charlie, dave) =
		(net.node("alice"), net.node("bob"), net.node("charlie"), net.node("dave"));
	if let Err(e) = finality_passes(alice, 2, Duration::from_secs(180)).await {
		panic!("{e:#}\n--- alice's log:\n{}", net.log_tail("alice", 40));
	}

	// --- 1. One authority stopped, then two, then both restarted on their databases.
	let one = dev::one();
	let before = finalized_balance(alice, &one).await;
	let chain = Chain::new(client(alice).await).await;
	transfers(&chain, &one, 5).await;
	dave.pause().await.expect("Dave stops");
	let f = finalized(alice).await;
	let took = finality_passes(alice, f + 2, Duration::from_secs(60)).await.expect("3 of 4");
	eprintln!("three of four: finality moved on in {took:?}");
	charlie.pause().await.expect("Charlie stops");
	// Let GRANDPA notice (a round in flight may still complete), then watch it stall.
	tokio::time::sleep(Duration::from_secs(12)).await;
	let (stalled, best_at_stall) = (finalized(alice).await, best(alice).await);
	tokio::time::sleep(Duration::from_secs(30)).await;
	assert_eq!(finalized(alice).await, stalled, "two of four must not finalize");
	assert!(best(alice).await > best_at_stall, "the two left keep authoring");
	let restart = Instant::now();
	charlie.restart(None).await.expect("Charlie restarts");
	dave.restart(None).await.expect("Dave restarts");
	let resumed = finality_passes(alice, stalled, Duration::from_secs(60)).await;
	if let Err(e) = resumed {
		panic!("{e:#}\n--- charlie's log:\n{}", net.log_tail("charlie", 40));
	}
	let took = restart.elapsed();
	assert!(took < Duration::from_secs(60), "finality resumed only {took:?} after the restart");
	eprintln!("finality resumed {took:?} after the restart began (stalled at #{stalled})");
	let head = best(alice).await;
	finality_passes(alice, head, Duration::from_secs(60)).await.expect("finality catches up");
	for node in [charlie, dave] {
		finality_passes(node, head, Duration::from_secs(90)).await.expect("restarted nodes sync");
	}
	assert_eq!(
		finalized_balance(alice, &one).await - before,
		5 * UNIT,
		"every transfer submitted before the stop is finalized"
	);

	// --- 2. Bob killed under load, restarted on the same database.
	let two = dev::two();
	let before = finalized_balance(alice, &two).await;
	let load = {
		let chain = Chain::new(client(alice).await).await;
		let two = two.clone();
		tokio::spawn(async move { transfers(&chain, &two, 10).await })
	};
	tokio::time::sleep(Duration::from_secs(8)).await;
	let bob_best = best(bob).await;
	bob.restart(None).await.expect("Bob is killed and started again");
	load.await.expect("the load completes");
	let head = best(alice).await;
	finality_passes(alice, head, Duration::from_secs(60)).await.expect("Alice finalizes");
	if let Err(e) = finality_passes(bob, head, Duration::from_secs(90)).await {
		panic!("{e:#}\n--- bob's log:\n{}", net.log_tail("bob", 40));
	}
	assert!(bob_best > 0, "Bob had blocks before the crash");
	let lowest = finalized(alice).await.min(finalized(bob).await);
	for n in [1, bob_best, lowest] {
		assert_eq!(hash_at(alice, n).await, hash_at(bob, n).await, "finalized #{n} differs");
	}
	assert_eq!(
		finalized_balance(bob, &two).await - before,
		10 * UNIT,
		"Bob's finalized state has every transfer of the load"
	);
	net.destroy().await.expect("the network stops");
}
