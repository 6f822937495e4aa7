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
	// at index `slot % 4` (see `Node::aura_slot`).
	let mut authors = std::collections::BTreeSet::new();
	for n in 1..=4u64 {
		let (slot, _) = nodes[0].aura_slot(n).await;
		authors.insert(slot % 4);
	}
	assert!(authors.len() > 1, "one authority authored every block: {authors:?}");
}
