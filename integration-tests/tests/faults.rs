//! A network partition on a four-authority `--chain local` network on loopback, every node with
//! a database that survives its process and a fixed network key, connected only to its reserved
//! peers (so that the test can split the network): the network is split into {Alice, Bob} and
//! {Charlie, Dave} (Charlie and Dave restart accepting only each other): each half authors its
//! own fork, neither finalizes (two of four votes); when the links are restored the forks
//! resolve, finality resumes within 60 s, and every node has the same finalized chain.
//!
//! Stopped, restarted and crashed authorities are tested on the same network spawned by
//! zombienet-sdk (`zombienet/tests/faults.rs`); zombienet cannot cut links between its nodes.

use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};

use tradechain_integration_tests::{node::node_binary, Node, NodeBuilder};

const NAMES: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// The fixed network key of node `i` and its peer id.
fn node_key(dir: &Path, i: usize) -> (String, String) {
	let key = format!("{:064x}", i + 1);
	let file = dir.join(format!("node-key-{i}"));
	std::fs::write(&file, &key).expect("writable");
	let out = Command::new(node_binary())
		.args(["key", "inspect-node-key", "--file"])
		.arg(&file)
		.output()
		.expect("the node runs");
	(key, String::from_utf8(out.stdout).expect("utf-8").trim().to_string())
}

/// The four nodes' fixed keys, ports and database directory.
struct Layout {
	dir: std::path::PathBuf,
	keys: Vec<(String, String)>,
	ports: Vec<u16>,
}

impl Layout {
	fn new(dir: &Path) -> Self {
		Self {
			dir: dir.to_path_buf(),
			keys: (0..4).map(|i| node_key(dir, i)).collect(),
			ports: (0..4).map(|_| tradechain_integration_tests::node::free_port()).collect(),
		}
	}

	/// Node `i` with its persistent database and key, accepting and dialling only `peers`
	/// (reserved-only): a node outside them can neither reach it nor be reached.
	fn builder(&self, i: usize, peers: &[usize]) -> NodeBuilder {
		let mut args = vec![format!("--{}", NAMES[i]), "--node-key".into(), self.keys[i].0.clone()];
		args.push("--reserved-only".into());
		for j in peers.iter().filter(|j| **j != i) {
			args.push("--reserved-nodes".into());
			args.push(format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", self.ports[*j], self.keys[*j].1));
		}
		NodeBuilder::new("local")
			.name(NAMES[i])
			.p2p_port(self.ports[i])
			.base_path(self.dir.join(NAMES[i]))
			.args(args)
	}
}

const ALL: [usize; 4] = [0, 1, 2, 3];

async fn best(node: &Node) -> u64 {
	node.best_number().await.expect("best block")
}

async fn finalized(node: &Node) -> u64 {
	node.finalized_number().await.expect("finalized block")
}

/// The hash of block `number` on `node`.
async fn hash_at(node: &Node, number: u64) -> serde_json::Value {
	node.rpc("chain_getBlockHash", serde_json::json!([number])).await.expect("a hash")
}

/// Waits until `node`'s finalized head passes `past`; how long it took.
async fn finality_passes(node: &Node, past: u64, within: Duration) -> Duration {
	let started = Instant::now();
	while finalized(node).await <= past {
		assert!(started.elapsed() < within, "finality stayed at #{past} for {within:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	started.elapsed()
}

/// Every node has the same block at each finalized height up to the lowest finalized head.
async fn same_finalized_chain(nodes: &[&Node]) {
	let mut lowest = u64::MAX;
	for node in nodes {
		lowest = lowest.min(finalized(node).await);
	}
	for n in [1, lowest / 2, lowest] {
		let first = hash_at(nodes[0], n).await;
		for node in &nodes[1..] {
			assert_eq!(hash_at(node, n).await, first, "finalized block #{n} differs");
		}
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partitioned_network_heals_without_a_finalized_fork() {
	let dir = tempfile::tempdir().expect("a temp dir");
	let layout = Layout::new(dir.path());
	let builders: Vec<_> = ALL.iter().map(|i| layout.builder(*i, &ALL)).collect();
	let mut nodes = Vec::new();
	for b in &builders {
		nodes.push(b.spawn().await);
	}
	finality_passes(&nodes[0], 3, Duration::from_secs(120)).await;

	// A partition {Alice, Bob} | {Charlie, Dave}, then healed. Charlie and Dave start again
	// accepting only each other (reserved-only), so Alice and Bob can no longer reach them;
	// healing starts them again with every peer.
	for i in [2, 3] {
		nodes[i].stop();
	}
	for i in [2, 3] {
		nodes[i] = layout.builder(i, &[2, 3]).spawn().await;
	}
	tokio::time::sleep(Duration::from_secs(12)).await;
	for node in &nodes {
		let health = node.rpc("system_health", serde_json::json!([])).await.expect("health");
		assert_eq!(
			health["peers"],
			1,
			"{}: the halves are apart",
			node.rpc("system_name", serde_json::json!([])).await.unwrap()
		);
	}
	let (split_finalized, split_best) = (finalized(&nodes[0]).await, best(&nodes[2]).await);
	let other_half_best = best(&nodes[0]).await;
	tokio::time::sleep(Duration::from_secs(30)).await;
	assert_eq!(finalized(&nodes[0]).await, split_finalized, "half a network must not finalize");
	assert!(best(&nodes[2]).await > split_best, "Charlie and Dave keep authoring");
	assert!(best(&nodes[0]).await > other_half_best, "Alice and Bob keep authoring");
	let heal = Instant::now();
	for i in [2, 3] {
		nodes[i].stop();
		nodes[i] = builders[i].spawn().await;
	}
	finality_passes(&nodes[0], split_finalized, Duration::from_secs(60)).await;
	eprintln!("finality resumed {:?} after the healing began", heal.elapsed());
	let head = best(&nodes[0]).await;
	for node in &nodes {
		finality_passes(node, head, Duration::from_secs(90)).await;
	}
	same_finalized_chain(&nodes.iter().collect::<Vec<_>>()).await;
}
