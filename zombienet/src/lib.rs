//! The network definitions of `zombienet/` spawned from Rust with
//! [`zombienet-sdk`](zombienet_sdk) and its native provider: the same `local.toml` the zombienet
//! CLI runs, with only two paths filled in by the test (the node binary and a raw chain spec it
//! makes with that binary), so the file stays the one definition of the network.
//!
//! Nodes run on this machine as child processes (zombienet's native provider), talk over
//! 127.0.0.1 and keep their databases in the network's directory, so a node restarted by
//! [`zombienet_sdk::NetworkNode::restart`] (SIGKILL, then the same command) opens the database it
//! crashed on. Every process is killed when the [`LocalNetwork`] is dropped, also when a test
//! panics (zombienet spawns them with `kill_on_drop`).

use std::{path::Path, process::Command, time::Duration};

use anyhow::{anyhow, ensure, Context};
use tempfile::TempDir;
use zombienet_sdk::{LocalFileSystem, Network, NetworkConfig, NetworkConfigExt, NetworkNode};

pub use tradechain_integration_tests::node::node_binary;

/// The finalized block height as zombienet reads it from a node's Prometheus metrics
/// (`substrate_block_height{status="finalized"}`).
pub const FINALIZED: &str = "block_height{status=\"finalized\"}";
/// The best block height, likewise.
pub const BEST: &str = "block_height{status=\"best\"}";

/// A network spawned from a definition of this directory, with the directory holding its chain
/// spec, each node's database and log (`<dir>/network/<node>/<node>.log`).
pub struct LocalNetwork {
	/// The running network (`get_node("alice")`, …).
	pub network: Network<LocalFileSystem>,
	dir: TempDir,
}

impl LocalNetwork {
	/// Spawns `zombienet/local.toml` (four authorities of `--chain local`) with `tradechain-node`
	/// ([`node_binary`]) on a raw spec of `--chain local` made by that binary.
	pub async fn spawn() -> anyhow::Result<Self> {
		let dir = tempfile::tempdir().context("a temp dir")?;
		let node = node_binary();
		let spec = dir.path().join("local-raw.json");
		let out = Command::new(&node)
			.args(["build-spec", "--chain", "local", "--raw", "--disable-default-bootnode"])
			.output()
			.with_context(|| format!("running {}", node.display()))?;
		ensure!(out.status.success(), "build-spec: {}", String::from_utf8_lossy(&out.stderr));
		std::fs::write(&spec, &out.stdout).context("writing the chain spec")?;

		let definition = concat!(env!("CARGO_MANIFEST_DIR"), "/local.toml");
		let config = load(Path::new(definition), &node, &spec, &dir.path().join("network"))?;
		let network = config.spawn_native().await.map_err(|e| anyhow!("spawning: {e}"))?;
		Ok(Self { network, dir })
	}

	/// Node `name` of the network.
	pub fn node(&self, name: &str) -> &NetworkNode {
		self.network.get_node(name).expect("a node of local.toml")
	}

	/// The last `lines` lines of `name`'s log, for failure messages.
	pub fn log_tail(&self, name: &str, lines: usize) -> String {
		let path = self.dir.path().join("network").join(name).join(format!("{name}.log"));
		let log = std::fs::read_to_string(path).unwrap_or_default();
		let all: Vec<&str> = log.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}

	/// Stops every node.
	pub async fn destroy(self) -> anyhow::Result<()> {
		self.network.destroy().await.map_err(|e| anyhow!("destroying: {e}"))
	}
}

/// Loads `definition` with its `default_command` and `chain_spec_path` pointed at `node` and
/// `spec` (the file names them relatively, for the zombienet CLI run from `zombienet/`), the
/// network's files under `base_dir`, links over 127.0.0.1 and no liveness watcher.
pub fn load(
	definition: &Path,
	node: &Path,
	spec: &Path,
	base_dir: &Path,
) -> anyhow::Result<NetworkConfig> {
	let text = std::fs::read_to_string(definition)
		.with_context(|| format!("reading {}", definition.display()))?;
	let mut filled = String::with_capacity(text.len());
	for line in text.lines() {
		let key = line.split('=').next().unwrap_or_default().trim();
		match key {
			"default_command" => filled.push_str(&format!("default_command = {:?}", node)),
			"chain_spec_path" => filled.push_str(&format!("chain_spec_path = {:?}", spec)),
			_ => filled.push_str(line),
		}
		filled.push('\n');
		if line.trim() == "[settings]" {
			filled.push_str(&format!("base_dir = {:?}\n", base_dir));
			// Links between nodes over loopback; and the test, not zombienet's liveness watcher
			// (which would end the test process when a node it kills is briefly down), judges
			// the nodes.
			filled.push_str("local_ip = \"127.0.0.1\"\ntear_down_on_failure = false\n");
		}
	}
	for key in ["default_command = ", "chain_spec_path = ", "base_dir = "] {
		ensure!(filled.contains(key), "{} has no {key}…", definition.display());
	}
	let path = spec.with_file_name("network.toml");
	std::fs::write(&path, filled).context("writing the filled-in definition")?;
	NetworkConfig::load_from_toml(path.to_str().context("a UTF-8 path")?)
		.map_err(|e| anyhow!("{}: {e}", definition.display()))
}

/// The value of `metric` on `node`: up to five attempts, each given 5 s (zombienet's scrape has
/// no timeout of its own, and a stopped node's socket still accepts connections, so a read of a
/// paused node would otherwise hang). Zombienet reports 0 for a metric the node does not export.
pub async fn metric(node: &NetworkNode, metric: &str) -> anyhow::Result<f64> {
	let mut last = anyhow!("not read");
	for _ in 0..5 {
		match tokio::time::timeout(Duration::from_secs(5), node.reports(metric)).await {
			Ok(Ok(value)) => return Ok(value),
			Ok(Err(e)) => last = e,
			Err(_) => last = anyhow!("no answer within 5 s"),
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Err(last.context(format!("{}: reading {metric}", node.name())))
}

/// Waits until `node`'s finalized height passes `past`, failing after `within`; how long it took.
pub async fn finality_passes(
	node: &NetworkNode,
	past: u64,
	within: Duration,
) -> anyhow::Result<Duration> {
	let started = std::time::Instant::now();
	node.wait_metric_with_timeout(FINALIZED, move |v| v > past as f64, within.as_secs())
		.await
		.with_context(|| format!("{}: finality stayed at #{past} for {within:?}", node.name()))?;
	Ok(started.elapsed())
}
