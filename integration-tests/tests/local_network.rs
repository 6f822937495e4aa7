//! `--chain local` run as four processes (Alice, Bob, Charlie, Dave) on loopback: the network
//! authors and finalizes. The base of the fault tests of the resilience work.

use std::time::Duration;

use tradechain_integration_tests::node::local_network;

#[tokio::test(flavor = "multi_thread")]
async fn four_authorities_author_and_finalize() {
	let nodes = local_network(&["alice", "bob", "charlie", "dave"]).await;

	// Four authorities take turns in 6-second slots; GRANDPA needs three of four votes.
	for node in &nodes {
		node.wait_finalized(4, Duration::from_secs(120)).await;
	}
	// All agree on the finalized chain: the block at #3 is the same everywhere.
	let mut hashes = Vec::new();
	for node in &nodes {
		hashes
			.push(node.rpc("chain_getBlockHash", serde_json::json!([3])).await.expect("block #3"));
	}
	assert!(hashes.windows(2).all(|w| w[0] == w[1]), "finalized chains differ: {hashes:?}");

	// Blocks were authored by more than one authority: Aura's author of a block is the authority
	// at index `slot % 4`, and the slot is in the block's pre-runtime digest
	// (`0x06 'aura' <compact length 8> <u64 slot, little-endian>`).
	let mut authors = std::collections::BTreeSet::new();
	for n in 1..=4u64 {
		let hash = nodes[0].rpc("chain_getBlockHash", serde_json::json!([n])).await.expect("hash");
		let header =
			nodes[0].rpc("chain_getHeader", serde_json::json!([hash])).await.expect("header");
		let logs = header["digest"]["logs"].as_array().cloned().unwrap_or_default();
		let pre = logs
			.iter()
			.filter_map(|l| l.as_str())
			.find(|l| l.starts_with("0x0661757261"))
			.expect("an Aura pre-runtime digest");
		let slot_le = &pre["0x0661757261".len() + 2..]; // skip the compact length (0x20)
		let bytes: Vec<u8> = (0..8)
			.map(|i| u8::from_str_radix(&slot_le[2 * i..2 * i + 2], 16).expect("hex"))
			.collect();
		let slot = u64::from_le_bytes(bytes.try_into().expect("8 bytes"));
		authors.insert(slot % 4);
	}
	assert!(authors.len() > 1, "one authority authored every block: {authors:?}");
}
