//! Balance transfers on a `--dev` node: included, finalized, and accounted to the unit.

use subxt_signer::sr25519::dev;
use tradechain_integration_tests::{
	chain::{assert_metadata_current, free_balance},
	tradechain::{
		self,
		runtime_types::{sp_runtime::DispatchError, sp_runtime::TokenError},
	},
	Node,
};

const UNIT: u128 = 1_000_000_000_000;

#[tokio::test(flavor = "multi_thread")]
async fn transfer_is_finalized_and_balances_change_by_amount_plus_fee() {
	let node = Node::dev().await;
	let api = node.client().await;
	let before = api.at_current_block().await.expect("finalized block");
	assert_metadata_current(&before);

	let (alice, bob) = (dev::alice(), dev::bob());
	let alice_id = alice.public_key().to_account_id();
	let bob_id = bob.public_key().to_account_id();
	let alice_before = free_balance(&before, &alice_id).await;
	let bob_before = free_balance(&before, &bob_id).await;

	let amount = 1_234 * UNIT;
	let tx =
		tradechain::transactions().balances().transfer_keep_alive(bob_id.clone().into(), amount);
	let in_block = before
		.transactions()
		.sign_and_submit_then_watch_default(&tx, &alice)
		.await
		.expect("transaction accepted by the pool")
		.wait_for_finalized()
		.await
		.expect("transaction finalized");
	let events = in_block.wait_for_success().await.expect("transfer succeeds");

	let transfer = events
		.find_first::<tradechain::balances::events::Transfer>()
		.expect("a Transfer event")
		.expect("Transfer decodes");
	assert_eq!(
		(transfer.from, transfer.to, transfer.amount),
		(alice_id.clone(), bob_id.clone(), amount)
	);
	let fee = events
		.find_first::<tradechain::transaction_payment::events::TransactionFeePaid>()
		.expect("a TransactionFeePaid event")
		.expect("TransactionFeePaid decodes");
	assert_eq!(fee.who, alice_id);
	assert!(fee.actual_fee > 0, "transfers are not free");

	let after = in_block.at().await.expect("client at the inclusion block");
	assert_eq!(free_balance(&after, &alice_id).await, alice_before - amount - fee.actual_fee);
	assert_eq!(free_balance(&after, &bob_id).await, bob_before + amount);

	// The inclusion block is final: the node's finalized head is at or past it.
	let finalized = node.finalized_number().await.expect("finalized head");
	let header = node
		.rpc("chain_getHeader", serde_json::json!([format!("{:?}", in_block.block_hash())]))
		.await
		.expect("inclusion block header");
	let included =
		u64::from_str_radix(header["number"].as_str().unwrap().trim_start_matches("0x"), 16)
			.unwrap();
	assert!(finalized >= included, "finalized #{finalized} is behind inclusion #{included}");
}

#[tokio::test(flavor = "multi_thread")]
async fn transfer_beyond_the_balance_fails_and_moves_nothing_but_the_fee() {
	let node = Node::dev().await;
	let api = node.client().await;
	let before = api.at_current_block().await.expect("finalized block");

	let (bob, charlie) = (dev::bob(), dev::charlie());
	let bob_id = bob.public_key().to_account_id();
	let charlie_id = charlie.public_key().to_account_id();
	let bob_before = free_balance(&before, &bob_id).await;
	let charlie_before = free_balance(&before, &charlie_id).await;

	let tx = tradechain::transactions()
		.balances()
		.transfer_keep_alive(charlie_id.clone().into(), bob_before + UNIT);
	let in_block = before
		.transactions()
		.sign_and_submit_then_watch_default(&tx, &bob)
		.await
		.expect("transaction accepted by the pool: the fee is payable")
		.wait_for_finalized()
		.await
		.expect("transaction finalized");
	let events = in_block.fetch_events().await.expect("events of the inclusion block");

	let failed = events
		.find_first::<tradechain::system::events::ExtrinsicFailed>()
		.expect("an ExtrinsicFailed event")
		.expect("ExtrinsicFailed decodes");
	assert!(
		matches!(failed.dispatch_error, DispatchError::Token(TokenError::FundsUnavailable)),
		"the runtime's error is Token(FundsUnavailable), got {:?}",
		failed.dispatch_error
	);
	assert!(!events.has::<tradechain::balances::events::Transfer>(), "nothing was transferred");
	let fee = events
		.find_first::<tradechain::transaction_payment::events::TransactionFeePaid>()
		.expect("the fee is still charged")
		.expect("TransactionFeePaid decodes");

	let after = in_block.at().await.expect("client at the inclusion block");
	assert_eq!(free_balance(&after, &charlie_id).await, charlie_before, "recipient unchanged");
	assert_eq!(
		free_balance(&after, &bob_id).await,
		bob_before - fee.actual_fee,
		"sender paid only the fee"
	);
}

/// `--chain demo` (what `scripts/dev --demo` starts): blocks are finalized, and the Dutch and
/// French administrations and the Dutch importer hold their roles next to the development demo.
#[tokio::test(flavor = "multi_thread")]
async fn the_demo_network_runs_with_several_administrations() {
	let node = tradechain_integration_tests::NodeBuilder::new("demo")
		.name("demo")
		.args(["--alice", "--force-authoring"])
		.spawn()
		.await;
	assert!(node.wait_finalized(2, std::time::Duration::from_secs(60)).await >= 2);
	let api = node.client().await;
	let at = api.at_current_block().await.unwrap();
	assert_metadata_current(&at);
	let stash = |uri: &str| {
		subxt_signer::sr25519::Keypair::from_uri(&uri.parse().unwrap())
			.unwrap()
			.public_key()
			.to_account_id()
	};
	let mut countries = Vec::new();
	for who in ["//Charlie//stash", "//Dave//stash", "//Ferdie//stash", "//Eve//stash", "//Bob"] {
		let roles = at
			.runtime_apis()
			.call(tradechain::runtime_apis().roles_api().roles_of(stash(who)))
			.await
			.unwrap();
		assert_eq!(roles.len(), 1, "{who} holds one role");
		countries.push(roles[0].country.0);
	}
	assert_eq!(countries, [*b"NL", *b"NL", *b"FR", *b"NL", *b"DE"]);
}
