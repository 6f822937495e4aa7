//! A governed network through the real node: `--chain local` as four validators (Alice, Bob,
//! Charlie, Dave, whose administrations form the council; sessions of ten blocks) on loopback.
//!
//! 1. Eve's agency joins: its node generates session keys (`author_rotateKeysWithOwner`), Eve
//!    registers them (`Session::set_keys`), a council motion adds her to the validator set, and
//!    her node authors blocks after the next session change but one.
//! 2. A council motion removes her again: once the set without her is active, she authors no
//!    more.
//! 3. A council motion authorizes a new runtime (`spec_version` one higher) through
//!    `Governance::dispatch_as_root(System::authorize_upgrade)`; anyone applies it. Every node
//!    runs the new version, blocks and finality go on without a stall of a minute, and the state
//!    is intact.

use std::time::{Duration, Instant};

use subxt::utils::{AccountId32, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::{free_balance, Chain},
	governance::{motion, Body},
	node::local_network,
	tradechain::{
		self,
		runtime_types::{
			frame_system::pallet::Call as SystemCall,
			pallet_governance::pallet::Call as GovernanceCall,
			pallet_validator_set::pallet::Call as ValidatorSetCall,
			sp_consensus_aura::sr25519::app_sr25519,
			sp_consensus_grandpa::app::Public as GrandpaPublic,
			tradechain_runtime::{opaque::SessionKeys, RuntimeCall},
		},
	},
	Node, NodeBuilder,
};

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn hex_bytes(v: &serde_json::Value) -> Vec<u8> {
	let s = v.as_str().expect("hex string").trim_start_matches("0x");
	(0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

/// The Aura key that authored block `number` (the authority at `slot % n` of its parent's set).
async fn author_of(chain: &Chain, node: &Node, number: u64) -> [u8; 32] {
	let (slot, header) = node.aura_slot(number).await;
	let parent: H256 = serde_json::from_value(header["parentHash"].clone()).expect("parent hash");
	let authorities = chain
		.api
		.at_block(parent)
		.await
		.expect("parent known")
		.storage()
		.entry(tradechain::storage().aura().authorities())
		.unwrap()
		.fetch(())
		.await
		.expect("authorities")
		.decode()
		.expect("decodes")
		.0;
	authorities[(slot % authorities.len() as u64) as usize].0
}

/// The `spec_version` of the runtime at the node's best block.
async fn spec_version(node: &Node) -> u64 {
	let version =
		node.rpc("state_getRuntimeVersion", serde_json::json!([])).await.expect("version");
	version["specVersion"].as_u64().expect("a number")
}

/// The best block's number.
async fn best(node: &Node) -> u64 {
	let header = node.rpc("chain_getHeader", serde_json::json!([])).await.expect("header");
	u64::from_str_radix(header["number"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap()
}

/// Waits (up to `timeout`) for a block from `from` on authored by `aura`; its number.
async fn authored_by(
	chain: &Chain,
	node: &Node,
	aura: [u8; 32],
	from: u64,
	timeout: Duration,
) -> Option<u64> {
	let started = Instant::now();
	let mut next = from;
	while started.elapsed() < timeout {
		while next <= best(node).await {
			if author_of(chain, node, next).await == aura {
				return Some(next);
			}
			next += 1;
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
	None
}

#[tokio::test(flavor = "multi_thread")]
async fn validators_join_and_leave_and_the_runtime_upgrades_by_council() {
	let nodes = local_network(&["alice", "bob", "charlie", "dave"]).await;
	for node in &nodes {
		node.wait_finalized(2, Duration::from_secs(120)).await;
	}
	let alice_node = &nodes[0];
	let chain = Chain::new(alice_node.client().await).await;
	let (alice, bob, charlie, eve) = (dev::alice(), dev::bob(), dev::charlie(), dev::eve());

	// --- 1. Eve's node joins as a validator, with keys generated on it.
	let eve_node = NodeBuilder::new("local")
		.name("eve")
		.args(["--validator".to_string(), "--bootnodes".into(), alice_node.bootnode().await])
		.spawn()
		.await;
	let owner = format!("0x{}", id(&eve).0.iter().map(|b| format!("{b:02x}")).collect::<String>());
	let generated = eve_node
		.rpc("author_rotateKeysWithOwner", serde_json::json!([owner]))
		.await
		.expect("Eve's node generates session keys");
	let keys = hex_bytes(&generated["keys"]);
	assert_eq!(keys.len(), 64, "an Aura (sr25519) and a GRANDPA (ed25519) key");
	let aura: [u8; 32] = keys[..32].try_into().unwrap();
	let grandpa: [u8; 32] = keys[32..].try_into().unwrap();
	let session_keys =
		|| SessionKeys { aura: app_sr25519::Public(aura), grandpa: GrandpaPublic(grandpa) };
	let proof = hex_bytes(&generated["proof"]);
	// A proof for another owner is refused.
	let stolen = tradechain::transactions().session().set_keys(session_keys(), proof.clone());
	let refused = chain.err(&stolen, &dev::ferdie()).await;
	assert!(refused.contains("Session::InvalidProof"), "{refused}");
	chain
		.ok(&tradechain::transactions().session().set_keys(session_keys(), proof), &eve, "set_keys")
		.await;

	let add = RuntimeCall::ValidatorSet(ValidatorSetCall::add_validator { who: id(&eve) });
	// Four council members: two thirds is three.
	let added = motion(&chain, Body::Council, add, 3, &alice, &[&bob, &charlie]).await;
	assert!(added.has::<tradechain::validator_set::events::ValidatorAdded>());
	let from = best(alice_node).await;
	let first = authored_by(&chain, alice_node, aura, from, Duration::from_secs(240))
		.await
		.expect("Eve authors within two sessions and a round of slots");
	eprintln!("Eve authored #{first} (added at #{from})");

	// --- 2. Removed, she stops once the set without her is active.
	let remove = RuntimeCall::ValidatorSet(ValidatorSetCall::remove_validator { who: id(&eve) });
	motion(&chain, Body::Council, remove, 3, &alice, &[&bob, &charlie]).await;
	let started = Instant::now();
	loop {
		let validators = chain
			.api
			.at_current_block()
			.await
			.unwrap()
			.storage()
			.entry(tradechain::storage().session().validators())
			.unwrap()
			.fetch(())
			.await
			.unwrap()
			.decode()
			.unwrap();
		if !validators.contains(&id(&eve)) {
			break;
		}
		assert!(started.elapsed() < Duration::from_secs(240), "Eve is still a validator");
		tokio::time::sleep(Duration::from_secs(3)).await;
	}
	let gone = best(alice_node).await + 1;
	alice_node.wait_finalized(gone + 10, Duration::from_secs(180)).await;
	assert_eq!(
		authored_by(&chain, alice_node, aura, gone, Duration::from_secs(0)).await,
		None,
		"Eve authored after she left the active set"
	);
	drop(eve_node);

	// --- 3. A runtime upgrade by council motion.
	let code =
		tradechain_runtime::upgrade_test::WASM_BINARY.expect("built by the runtime's build.rs");
	let code_hash = H256(sp_crypto_hashing::blake2_256(code));
	let ferdie_before = free_balance(&chain.at().await, &id(&dev::ferdie())).await;
	let before = spec_version(alice_node).await;
	let authorize = RuntimeCall::Governance(GovernanceCall::dispatch_as_root {
		call: Box::new(RuntimeCall::System(SystemCall::authorize_upgrade { code_hash })),
	});
	motion(&chain, Body::Council, authorize, 3, &alice, &[&bob, &charlie]).await;
	let applied = chain
		.ok(
			&tradechain::transactions().system().apply_authorized_upgrade(code.to_vec()),
			&dev::dave(),
			"apply the authorized upgrade",
		)
		.await;
	assert!(applied.has::<tradechain::system::events::CodeUpdated>());
	// Finality never stalls for a minute while every node moves to the new runtime.
	let started = Instant::now();
	let (mut last, mut since) = (alice_node.finalized_number().await.unwrap(), Instant::now());
	let target = last + 10;
	loop {
		let n = alice_node.finalized_number().await.unwrap();
		if n > last {
			(last, since) = (n, Instant::now());
		}
		assert!(since.elapsed() < Duration::from_secs(60), "finality stalled at #{last}");
		let mut upgraded = true;
		for node in &nodes {
			upgraded &= spec_version(node).await == before + 1;
		}
		if upgraded && last >= target {
			break;
		}
		assert!(started.elapsed() < Duration::from_secs(300), "the upgrade did not complete");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	// The state is intact, and the new runtime takes transactions.
	let chain = Chain::new(alice_node.client().await).await;
	assert_eq!(free_balance(&chain.at().await, &id(&dev::ferdie())).await, ferdie_before);
	let at = chain.at().await;
	let council = at.storage().entry(tradechain::storage().council().members()).unwrap();
	assert_eq!(council.fetch(()).await.unwrap().decode().unwrap().len(), 4);
	let remark = tradechain::transactions().system().remark(b"after the upgrade".to_vec());
	chain.ok(&remark, &dev::ferdie(), "a transaction on the new runtime").await;
}
