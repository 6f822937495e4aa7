//! Starting and stopping `tradechain-node` processes for tests.
//!
//! Each node gets free loopback ports and a temporary database (`--tmp`); its output goes to a
//! log file whose tail is printed if the node does not come up. Dropping a [`Node`] kills the
//! process and waits for it, so a panicking test never leaves a node behind.

use std::{
	fs::File,
	io::Read,
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use crate::Client;

/// How long a node may take until its RPC answers.
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// The node binary: `$TRADECHAIN_NODE`, else `tradechain-node` in cargo's release target dir.
/// Panics with [`find_node_binary`]'s message when there is none (tests cannot run without it).
pub fn node_binary() -> PathBuf {
	find_node_binary().unwrap_or_else(|e| panic!("{e}"))
}

/// [`node_binary`] for tools: a missing binary is an error to report, not a panic.
pub fn find_node_binary() -> Result<PathBuf, String> {
	if let Some(path) = std::env::var_os("TRADECHAIN_NODE") {
		return Ok(PathBuf::from(path));
	}
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
	let path = target.join("release/tradechain-node");
	if path.is_file() {
		Ok(path)
	} else {
		Err(format!(
			"{} not found: build it with `cargo build --release -p tradechain-node` (scripts/test \
			 does; `source scripts/env.sh` sets CARGO_TARGET_DIR), or point TRADECHAIN_NODE (or \
			 --node) at a node binary",
			path.display()
		))
	}
}

/// `polkadot-omni-node`, which runs the parachain runtime: `$POLKADOT_OMNI_NODE`, else where
/// `scripts/setup` installs it (`$HOME/.cache/tradechain/omni-node/bin`), else from `PATH`.
pub fn omni_node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("POLKADOT_OMNI_NODE") {
		return PathBuf::from(path);
	}
	let installed = std::env::var_os("HOME")
		.map(|home| PathBuf::from(home).join(".cache/tradechain/omni-node/bin/polkadot-omni-node"));
	if let Some(path) = installed.filter(|p| p.is_file()) {
		return path;
	}
	std::env::var_os("PATH")
		.into_iter()
		.flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
		.map(|dir| dir.join("polkadot-omni-node"))
		.find(|p| p.is_file())
		.unwrap_or_else(|| {
			panic!(
				"polkadot-omni-node not found: scripts/setup installs it (cargo install --locked \
				 polkadot-omni-node@0.24.0), or point POLKADOT_OMNI_NODE at one"
			)
		})
}

/// A free TCP port on 127.0.0.1 (the OS picks it; it is released for the node to bind).
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("the OS hands out a free loopback port")
}

/// Options of a node to start.
#[derive(Clone, Debug)]
pub struct NodeBuilder {
	binary: Option<PathBuf>,
	chain: String,
	name: String,
	extra: Vec<String>,
	p2p_port: u16,
	base_path: Option<PathBuf>,
}

impl NodeBuilder {
	/// A node of the chain `chain` (`dev`, `local` or a chain spec path).
	pub fn new(chain: &str) -> Self {
		Self {
			binary: None,
			chain: chain.into(),
			name: "test".into(),
			extra: Vec::new(),
			p2p_port: free_port(),
			base_path: None,
		}
	}

	/// A database that outlives the process (instead of `--tmp`), so that the node can be
	/// stopped or killed and started again on it.
	pub fn base_path(mut self, path: impl Into<PathBuf>) -> Self {
		self.base_path = Some(path.into());
		self
	}

	/// Another node binary than [`node_binary`], e.g. a different Substrate node to compare with.
	pub fn binary(mut self, path: impl Into<PathBuf>) -> Self {
		self.binary = Some(path.into());
		self
	}

	/// A name for logs and telemetry.
	pub fn name(mut self, name: &str) -> Self {
		self.name = name.into();
		self
	}

	/// The libp2p port, e.g. to give other nodes a known bootnode address.
	pub fn p2p_port(mut self, port: u16) -> Self {
		self.p2p_port = port;
		self
	}

	/// More command-line arguments.
	pub fn args<I: IntoIterator<Item = S>, S: Into<String>>(mut self, args: I) -> Self {
		self.extra.extend(args.into_iter().map(Into::into));
		self
	}

	/// Starts the node and waits until its RPC answers.
	pub async fn spawn(&self) -> Node {
		let rpc_port = free_port();
		let prometheus_port = free_port();
		let log_path = std::env::temp_dir().join(format!(
			"tradechain-{}-{}-{rpc_port}.log",
			self.name,
			std::process::id()
		));
		let log = File::create(&log_path).expect("log file can be created in the temp dir");
		let mut cmd = Command::new(self.binary.clone().unwrap_or_else(node_binary));
		cmd.args(["--chain", &self.chain, "--name", &self.name]);
		match &self.base_path {
			Some(path) => cmd.arg("--base-path").arg(path),
			None => cmd.arg("--tmp"),
		};
		cmd.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{}", self.p2p_port)])
			// Loopback only: no multicast discovery, no telemetry.
			.args(["--no-mdns", "--no-telemetry"])
			// A throwaway database gets a throwaway network key, also for authorities.
			.arg("--unsafe-force-node-key-generation")
			.args(&self.extra)
			.stdin(Stdio::null())
			.stdout(log.try_clone().expect("log file handle"))
			.stderr(log);
		let child = cmd.spawn().expect("the node binary starts");
		let mut node = Node {
			child,
			rpc_port,
			prometheus_port,
			p2p_port: self.p2p_port,
			log_path,
			name: self.name.clone(),
		};
		node.wait_for_rpc().await;
		node
	}
}

/// Set (to anything) to keep every node's log file after the node stops.
pub const KEEP_LOGS: &str = "TRADECHAIN_KEEP_NODE_LOGS";

/// A running node; killed when dropped.
pub struct Node {
	child: Child,
	/// JSON-RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// Prometheus port on 127.0.0.1.
	pub prometheus_port: u16,
	/// libp2p port on 127.0.0.1.
	pub p2p_port: u16,
	log_path: PathBuf,
	name: String,
}

impl Node {
	/// A single-authority `--dev` node (Alice).
	pub async fn dev() -> Node {
		NodeBuilder::new("dev").name("dev").args(["--alice", "--force-authoring"]).spawn().await
	}

	/// The node's process id.
	pub fn pid(&self) -> u32 {
		self.child.id()
	}

	/// Stops the node as an operator would (SIGTERM) and waits for it to exit.
	pub fn stop(&mut self) {
		let _ = Command::new("kill").arg(self.child.id().to_string()).status();
		let _ = self.child.wait();
	}

	/// Kills the node at once (SIGKILL), as a crash or power loss would.
	pub fn kill(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}

	/// This node's libp2p address with its peer id, for other nodes' `--bootnodes`.
	pub async fn bootnode(&self) -> String {
		let peer_id = self
			.rpc("system_localPeerId", serde_json::json!([]))
			.await
			.expect("the node's peer id");
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", self.p2p_port, peer_id.as_str().expect("a string"))
	}

	/// `ws://127.0.0.1:<rpc port>`.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// A subxt client of this node.
	pub async fn client(&self) -> Client {
		Client::from_insecure_url(self.ws_url()).await.expect("RPC answers once the node is up")
	}

	/// The node's log so far.
	pub fn log(&self) -> String {
		let mut s = String::new();
		let _ = File::open(&self.log_path).and_then(|mut f| f.read_to_string(&mut s));
		s
	}

	fn tail(&self) -> String {
		let log = self.log();
		let lines: Vec<&str> = log.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	async fn wait_for_rpc(&mut self) {
		let started = Instant::now();
		loop {
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!(
					"node {} exited with {status} before its RPC answered:\n{}",
					self.name,
					self.tail()
				);
			}
			if rpc_call(self.rpc_port, "system_health", serde_json::json!([])).await.is_ok() {
				return;
			}
			if started.elapsed() > START_TIMEOUT {
				panic!(
					"node {}'s RPC did not answer within {START_TIMEOUT:?}:\n{}",
					self.name,
					self.tail()
				);
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// One JSON-RPC call over HTTP; returns the `result` field.
	pub async fn rpc(
		&self,
		method: &str,
		params: serde_json::Value,
	) -> Result<serde_json::Value, String> {
		rpc_call(self.rpc_port, method, params).await
	}

	/// The node's Prometheus metrics (`GET /metrics`), as text.
	pub async fn metrics(&self) -> String {
		self.try_metrics().await.expect("the node serves Prometheus metrics")
	}

	/// The node's Prometheus metrics, or why they could not be read (within 10 s).
	pub async fn try_metrics(&self) -> Result<String, String> {
		use tokio::io::{AsyncReadExt, AsyncWriteExt};
		let read = async {
			let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", self.prometheus_port))
				.await
				.map_err(|e| e.to_string())?;
			stream
				.write_all(b"GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
				.await
				.map_err(|e| e.to_string())?;
			let mut response = String::new();
			stream.read_to_string(&mut response).await.map_err(|e| e.to_string())?;
			Ok(response
				.split_once("\r\n\r\n")
				.map(|(_, body)| body.to_string())
				.unwrap_or_default())
		};
		tokio::time::timeout(Duration::from_secs(10), read)
			.await
			.map_err(|_| "no answer within 10 s".to_string())?
	}

	/// The sum of metric `name` over all its label sets in `metrics` (0 if absent).
	pub fn metric(metrics: &str, name: &str) -> f64 {
		metrics
			.lines()
			.filter(|l| l.starts_with(name) && l[name.len()..].starts_with([' ', '{']))
			.filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
			.sum()
	}

	/// The number of the node's best block.
	pub async fn best_number(&self) -> Result<u64, String> {
		let header = self.rpc("chain_getHeader", serde_json::json!([])).await?;
		let number = header["number"].as_str().ok_or("header without number")?;
		u64::from_str_radix(number.trim_start_matches("0x"), 16).map_err(|e| e.to_string())
	}

	/// The number of the node's finalized head.
	pub async fn finalized_number(&self) -> Result<u64, String> {
		let hash = self.rpc("chain_getFinalizedHead", serde_json::json!([])).await?;
		let header = self.rpc("chain_getHeader", serde_json::json!([hash])).await?;
		let number = header["number"].as_str().ok_or("header without number")?;
		u64::from_str_radix(number.trim_start_matches("0x"), 16).map_err(|e| e.to_string())
	}

	/// The Aura slot of block `number` and the block's header: the slot is in its pre-runtime
	/// digest (`0x06 'aura' <compact length 8> <u64 slot, little-endian>`), and the author is
	/// the authority at `slot % n` of the parent's set.
	pub async fn aura_slot(&self, number: u64) -> (u64, serde_json::Value) {
		let hash = self.rpc("chain_getBlockHash", serde_json::json!([number])).await.expect("hash");
		let header = self.rpc("chain_getHeader", serde_json::json!([hash])).await.expect("header");
		let pre = header["digest"]["logs"]
			.as_array()
			.and_then(|logs| {
				logs.iter().filter_map(|l| l.as_str()).find(|l| l.starts_with("0x0661757261"))
			})
			.expect("an Aura pre-runtime digest");
		let slot_le = &pre["0x0661757261".len() + 2..]; // skip the compact length (0x20)
		let bytes: Vec<u8> = (0..8)
			.map(|i| u8::from_str_radix(&slot_le[2 * i..2 * i + 2], 16).expect("hex"))
			.collect();
		(u64::from_le_bytes(bytes.try_into().expect("8 bytes")), header)
	}

	/// Waits until the finalized head reaches `number`, or fails after `timeout`.
	pub async fn wait_finalized(&self, number: u64, timeout: Duration) -> u64 {
		let started = Instant::now();
		loop {
			let n = self.finalized_number().await.unwrap_or(0);
			if n >= number {
				return n;
			}
			assert!(
				started.elapsed() < timeout,
				"node {} finalized only #{n} of #{number} within {timeout:?}:\n{}",
				self.name,
				self.tail()
			);
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
}

/// `--chain local` with one node per name (`alice`, `bob`, … started with `--<name>`, so with
/// that development authority's keys), all booting from the first; returns once every node sees
/// all the others.
pub async fn local_network(names: &[&str]) -> Vec<Node> {
	let first =
		NodeBuilder::new("local").name(names[0]).args([format!("--{}", names[0])]).spawn().await;
	let bootnode = first.bootnode().await;
	let mut nodes = vec![first];
	for name in &names[1..] {
		nodes.push(
			NodeBuilder::new("local")
				.name(name)
				.args([format!("--{name}"), "--bootnodes".into(), bootnode.clone()])
				.spawn()
				.await,
		);
	}
	let peers = names.len() as u64 - 1;
	for node in &nodes {
		let started = Instant::now();
		loop {
			let health = node.rpc("system_health", serde_json::json!([])).await.expect("health");
			if health["peers"].as_u64() == Some(peers) {
				break;
			}
			assert!(started.elapsed() < Duration::from_secs(60), "peers: {health}");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
	nodes
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
		// Kept when the test failed, or on request (`TRADECHAIN_KEEP_NODE_LOGS=1`, e.g. to read a
		// benchmark's nodes' logs afterwards).
		if !std::thread::panicking() && std::env::var_os(KEEP_LOGS).is_none() {
			let _ = std::fs::remove_file(&self.log_path);
		} else {
			eprintln!("node {} log kept at {}", self.name, self.log_path.display());
		}
	}
}

/// A JSON-RPC request over plain HTTP (the node serves HTTP and WebSocket on one port).
pub async fn rpc_call(
	port: u16,
	method: &str,
	params: serde_json::Value,
) -> Result<serde_json::Value, String> {
	use tokio::io::{AsyncReadExt, AsyncWriteExt};
	let body = serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
		.to_string();
	let request = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	);
	let mut stream = tokio::time::timeout(
		Duration::from_secs(5),
		tokio::net::TcpStream::connect(("127.0.0.1", port)),
	)
	.await
	.map_err(|_| "connect timed out".to_string())?
	.map_err(|e| e.to_string())?;
	stream.write_all(request.as_bytes()).await.map_err(|e| e.to_string())?;
	let mut response = Vec::new();
	tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut response))
		.await
		.map_err(|_| "response timed out".to_string())?
		.map_err(|e| e.to_string())?;
	let response = String::from_utf8_lossy(&response);
	let json = response.split("\r\n\r\n").nth(1).ok_or("no HTTP body")?;
	let value: serde_json::Value =
		serde_json::from_str(json).map_err(|e| format!("{e}: {json}"))?;
	match value.get("result") {
		Some(result) => Ok(result.clone()),
		None => Err(format!("RPC error: {}", value["error"])),
	}
}
