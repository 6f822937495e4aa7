//! The connection to a node: the generated interface, runtime-API reads decoded generically (for
//! output), and transactions submitted and watched until they are in a best block, with module
//! errors decoded into `Pallet::Error — doc text`.

use subxt::{
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	rpcs::{LegacyRpcMethods, RpcClient},
	utils::{AccountId32, H256},
};
use subxt_signer::sr25519::Keypair;

use crate::{
	error::{Context, Error, Result},
	json,
};

/// The typed interface (`tradechain-api`, shared with the integration tests).
pub use tradechain_api::{tradechain, Config};

/// A client positioned at one block.
pub type AtBlock =
	subxt::client::ClientAtBlock<Config, subxt::client::OnlineClientAtBlockImpl<Config>>;
/// The events of a successful transaction.
pub type Events = subxt::extrinsics::ExtrinsicEvents<Config>;

/// A connected node.
pub struct Chain {
	api: subxt::OnlineClient<Config>,
	rpc: LegacyRpcMethods<RpcConfigFor<Config>>,
}

impl Chain {
	/// Connects to `url` (ws:// or wss://).
	pub async fn connect(url: &str) -> Result<Self> {
		let client = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| Error::new(format!("cannot connect to {url}: {e}")))?;
		let api = subxt::OnlineClient::<Config>::from_rpc_client(client.clone())
			.await
			.map_err(|e| Error::new(format!("cannot connect to {url}: {e}")))?;
		Ok(Self { api, rpc: LegacyRpcMethods::new(client) })
	}

	/// A client at the node's best block (transactions of earlier commands, which end once their
	/// transaction is in a best block, are visible there).
	pub async fn at(&self) -> Result<AtBlock> {
		let best = self
			.rpc
			.chain_get_block_hash(None)
			.await
			.ctx("reading the best block")?
			.ok_or_else(|| Error::new("the node has no best block"))?;
		// A block just imported may not be known to the client's block subscription yet: retry
		// briefly before giving up.
		let mut tries = 0;
		let at = loop {
			match self.api.at_block(best).await {
				Ok(at) => break at,
				Err(_) if tries < 5 => {
					tries += 1;
					tokio::time::sleep(std::time::Duration::from_millis(300)).await;
				}
				Err(e) => return Err(Error::new(format!("reading the best block: {e}"))),
			}
		};
		if !tradechain::is_codegen_valid_for(&at.metadata()) {
			return Err(Error::new(
				"the node's runtime does not match this client's metadata \
				 (client/api/artifacts/tradechain.scale): rebuild the client",
			));
		}
		Ok(at)
	}

	/// Calls a runtime API, decoded into its generated type.
	pub async fn call<P: subxt::runtime_apis::Payload>(&self, payload: P) -> Result<P::ReturnType> {
		let at = self.at().await?;
		let name = format!("{}_{}", payload.trait_name(), payload.method_name());
		at.runtime_apis().call(payload).await.ctx(&name)
	}

	/// Calls a runtime API and returns its result as JSON (see [`json::to_json`]).
	pub async fn read<P: subxt::runtime_apis::Payload>(
		&self,
		payload: P,
	) -> Result<serde_json::Value> {
		let at = self.at().await?;
		let apis = at.runtime_apis();
		let name = apis.encode_name(&payload);
		let args = apis.encode_args(&payload).ctx(&name)?;
		let bytes = apis.call_raw(&name, Some(&args)).await.ctx(&name)?;
		let metadata = at.metadata();
		let ty = metadata
			.runtime_api_trait_by_name(payload.trait_name())
			.and_then(|t| t.method_by_name(payload.method_name()).map(|m| m.output_ty()))
			.ok_or_else(|| Error::new(format!("{name} is not in the node's metadata")))?;
		let value =
			subxt::ext::scale_value::scale::decode_as_type(&mut &bytes[..], ty, metadata.types())
				.ctx(&name)?;
		Ok(json::to_json(&value, metadata.types()))
	}

	/// Submits `call` signed by `signer` and waits until it is in a best block. A failed dispatch
	/// is an error `Pallet::Error — <first line of its docs>`.
	pub async fn submit<C: subxt::transactions::Payload>(
		&self,
		call: &C,
		signer: &Keypair,
	) -> Result<Included> {
		use subxt::transactions::TransactionStatus as S;
		let at = self.at().await?;
		let who: AccountId32 = signer.public_key().to_account_id();
		let nonce = self.rpc.system_account_next_index(&who).await.ctx("reading the nonce")?;
		let params = DefaultExtrinsicParamsBuilder::<Config>::new().nonce(nonce).build();
		let mut progress = at
			.transactions()
			.sign_and_submit_then_watch(call, signer, params)
			.await
			.map_err(|e| Error::new(format!("the transaction was refused: {e}")))?;
		while let Some(status) = progress.next().await {
			match status.ctx("watching the transaction")? {
				S::InBestBlock(in_block) | S::InFinalizedBlock(in_block) => {
					let block = in_block.block_hash();
					let events = in_block.wait_for_success().await.map_err(failure)?;
					return Ok(Included { block, events });
				}
				S::Error { message } | S::Invalid { message } | S::Dropped { message } => {
					return Err(Error::new(format!("the transaction was not included: {message}")))
				}
				_ => continue,
			}
		}
		Err(Error::new("the node stopped reporting the transaction's status"))
	}
}

/// A transaction in a best block.
pub struct Included {
	/// The block's hash.
	pub block: H256,
	/// Its events.
	pub events: Events,
}

impl Included {
	/// A JSON summary: the block hash.
	pub fn summary(&self) -> serde_json::Value {
		serde_json::json!({ "block": format!("{:?}", self.block) })
	}
}

/// The error of a failed transaction: module errors by name with their documentation.
fn failure(e: subxt::error::TransactionEventsError) -> Error {
	use subxt::error::{DispatchError, TransactionEventsError as T};
	match e {
		T::ExtrinsicFailed(DispatchError::Module(e)) => Error::new(module_error(&e)),
		T::ExtrinsicFailed(e) => Error::new(format!("the call failed: {e}")),
		e => Error::new(format!("the transaction failed: {e}")),
	}
}

/// `Pallet::Error — <first line of the error's docs>`.
pub fn module_error(e: &subxt::error::ModuleError) -> String {
	match e.details() {
		Ok(d) => {
			let doc = d.variant.docs.iter().map(|l| l.trim()).find(|l| !l.is_empty());
			match doc {
				Some(doc) => format!("{}::{} — {doc}", d.pallet.name(), d.variant.name),
				None => format!("{}::{}", d.pallet.name(), d.variant.name),
			}
		}
		Err(_) => e.details_string(),
	}
}
