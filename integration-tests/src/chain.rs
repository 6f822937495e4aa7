//! Small reads used by several tests.

use subxt::utils::AccountId32;

use crate::{tradechain, Client, Config};

/// A client positioned at one block.
pub type AtBlock =
	subxt::client::ClientAtBlock<Config, subxt::client::OnlineClientAtBlockImpl<Config>>;

/// Fails the test if the checked-in metadata (and so the generated interface) no longer matches
/// the runtime of the running node: run `scripts/update-metadata`.
pub fn assert_metadata_current(at: &AtBlock) {
	assert!(
		tradechain::is_codegen_valid_for(&at.metadata()),
		"client/api/artifacts/tradechain.scale is stale: run scripts/update-metadata"
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

/// The events of a successful transaction.
pub type Events = subxt::extrinsics::ExtrinsicEvents<Config>;

/// A failed dispatch as `"Pallet::Error"` (module errors) or the error's text.
fn failure(e: subxt::error::TransactionEventsError) -> String {
	match e {
		subxt::error::TransactionEventsError::ExtrinsicFailed(
			subxt::error::DispatchError::Module(e),
		) => e.details_string(),
		e => e.to_string(),
	}
}

/// A chain driven step by step without waiting for finality: every transaction is built on the
/// latest block in which one of ours was included (so one account's consecutive transactions get
/// consecutive nonces) and the step ends when it is in a best block. A single-authority dev chain
/// does not reorganise; tests that need finality wait for it explicitly.
pub struct Chain {
	/// The client.
	pub api: Client,
	head: std::sync::Mutex<(u64, subxt::utils::H256)>,
}

impl Chain {
	/// Starts from the node's finalized head.
	pub async fn new(api: Client) -> Self {
		let at = api.at_current_block().await.expect("a finalized block");
		assert_metadata_current(&at);
		let head = std::sync::Mutex::new((at.block_number(), at.block_hash()));
		Self { api, head }
	}

	/// Starts from the node's finalized head on another runtime with the same trade pallets
	/// (the parachain runtime): the whole metadata differs, so only subxt's check of each call,
	/// storage entry and runtime API against the node's metadata applies.
	pub async fn sharing_trade_pallets(api: Client) -> Self {
		let at = api.at_current_block().await.expect("a finalized block");
		let head = std::sync::Mutex::new((at.block_number(), at.block_hash()));
		Self { api, head }
	}

	/// A client at the latest block this chain has seen.
	pub async fn at(&self) -> AtBlock {
		let hash = self.head.lock().expect("not poisoned").1;
		self.api.at_block(hash).await.expect("the head block is known")
	}

	/// Submits `call` signed by `signer`; `Ok(events)` once it is in a best block and succeeded,
	/// `Err("Pallet::Error")` if its dispatch failed.
	pub async fn submit<C: subxt::transactions::Payload>(
		&self,
		call: &C,
		signer: &subxt_signer::sr25519::Keypair,
	) -> Result<Events, String> {
		use subxt::transactions::TransactionStatus as S;
		let mut progress = self
			.at()
			.await
			.transactions()
			.sign_and_submit_then_watch_default(call, signer)
			.await
			.map_err(|e| format!("submission rejected: {e}"))?;
		while let Some(status) = progress.next().await {
			match status.map_err(|e| format!("status stream: {e}"))? {
				S::InBestBlock(in_block) | S::InFinalizedBlock(in_block) => {
					let at = in_block.at().await.map_err(|e| format!("block: {e}"))?;
					{
						let mut head = self.head.lock().expect("not poisoned");
						if at.block_number() > head.0 {
							*head = (at.block_number(), at.block_hash());
						}
					}
					return in_block.wait_for_success().await.map_err(failure);
				}
				S::Error { message } | S::Invalid { message } | S::Dropped { message } => {
					return Err(format!("not included: {message}"))
				}
				_ => continue,
			}
		}
		Err("the status stream ended".into())
	}

	/// Like [`Self::submit`], for calls that must succeed.
	pub async fn ok<C: subxt::transactions::Payload>(
		&self,
		call: &C,
		signer: &subxt_signer::sr25519::Keypair,
		what: &str,
	) -> Events {
		self.submit(call, signer).await.unwrap_or_else(|e| panic!("{what}: {e}"))
	}

	/// The module error of a call that must fail, e.g. `"Roles::NotCustoms"`.
	pub async fn err<C: subxt::transactions::Payload>(
		&self,
		call: &C,
		signer: &subxt_signer::sr25519::Keypair,
	) -> String {
		match self.submit(call, signer).await {
			Ok(_) => panic!("the call succeeded but must fail"),
			Err(e) => e,
		}
	}
}
