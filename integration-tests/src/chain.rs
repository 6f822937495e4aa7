//! Small reads used by several tests.

use subxt::utils::AccountId32;

use crate::{tradechain, Client, Config};

/// A client positioned at one block.
pub type AtBlock =
	subxt::client::ClientAtBlock<Config, subxt::client::OnlineClientAtBlockImpl<Config>>;

/// Fails the test if the checked-in metadata (and so the generated interface) no longer matches
/// the runtime of the running node: run `scripts/update-metadata`.
pub fn assert_metadata_current(api: &Client, at: &AtBlock) {
	let _ = api;
	assert!(
		tradechain::is_codegen_valid_for(&at.metadata()),
		"integration-tests/artifacts/tradechain.scale is stale: run scripts/update-metadata"
	);
}

/// The free balance of `who` at block `at`.
pub async fn free_balance(at: &AtBlock, who: &AccountId32) -> u128 {
	let entry = at
		.storage()
		.entry(tradechain::storage().system().account())
		.expect("System::Account exists in the metadata");
	entry
		.fetch((who.clone(),))
		.await
		.expect("account storage is readable")
		.decode()
		.expect("AccountInfo decodes")
		.data
		.free
}

/// The events of a finalized, successful transaction.
pub type Events = subxt::extrinsics::ExtrinsicEvents<Config>;

/// Signs `call` with `signer` at the current finalized block, submits it and waits for finality.
/// A failed dispatch is `Err("Pallet::Error")` (or the dispatch error's text), so tests can assert
/// the runtime's exact error.
pub async fn submit<C: subxt::transactions::Payload>(
	api: &Client,
	call: &C,
	signer: &subxt_signer::sr25519::Keypair,
) -> Result<Events, String> {
	let at = api.at_current_block().await.map_err(|e| format!("no finalized block: {e}"))?;
	let progress = at
		.transactions()
		.sign_and_submit_then_watch_default(call, signer)
		.await
		.map_err(|e| format!("submission rejected: {e}"))?;
	let in_block =
		progress.wait_for_finalized().await.map_err(|e| format!("not finalized: {e}"))?;
	match in_block.wait_for_success().await {
		Ok(events) => Ok(events),
		Err(subxt::error::TransactionEventsError::ExtrinsicFailed(
			subxt::error::DispatchError::Module(e),
		)) => Err(e.details_string()),
		Err(e) => Err(e.to_string()),
	}
}

/// Like [`submit`], for calls that must succeed.
pub async fn submit_ok<C: subxt::transactions::Payload>(
	api: &Client,
	call: &C,
	signer: &subxt_signer::sr25519::Keypair,
	what: &str,
) -> Events {
	submit(api, call, signer).await.unwrap_or_else(|e| panic!("{what}: {e}"))
}
