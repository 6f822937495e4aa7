//! `origin_verifyCertificate`: a certificate of origin's status as plain JSON, for verification
//! portals that do not speak SCALE. It reads the `CertificatesApi` runtime API at the best block
//! (or at `at`), so it is as safe to expose as any state query.
//!
//! ```text
//! curl -s -H 'Content-Type: application/json' localhost:9944 -d \
//!   '{"id":1,"jsonrpc":"2.0","method":"origin_verifyCertificate","params":["0x…"]}'
//! ```

use std::{fmt::Display, sync::Arc};

use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
};
use pallet_certificates_of_origin::{
	runtime_api::CertificatesApi, CertificateInfo, CertificateStatus, Preference,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use tradechain_primitives::DocumentHash;

/// The `origin_*` methods.
#[rpc(client, server)]
pub trait OriginApi<BlockHash> {
	/// The status of the certificate whose document hashes to `hash` (BLAKE2-256, `0x` hex), with
	/// its contents when known, at block `at` (default: the best block).
	#[method(name = "origin_verifyCertificate")]
	fn verify_certificate(&self, hash: DocumentHash, at: Option<BlockHash>) -> RpcResult<Value>;
}

/// Serves [`OriginApiServer`] from a client.
pub struct Origin<C, B> {
	client: Arc<C>,
	_block: std::marker::PhantomData<B>,
}

impl<C, B> Origin<C, B> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

#[async_trait]
impl<C, Block, AccountId> OriginApiServer<Block::Hash> for Origin<C, (Block, AccountId)>
where
	Block: BlockT,
	AccountId: codec::Codec + Display + Send + Sync + 'static,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CertificatesApi<Block, AccountId>,
{
	fn verify_certificate(&self, hash: DocumentHash, at: Option<Block::Hash>) -> RpcResult<Value> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let info = self
			.client
			.runtime_api()
			.certificate(at, hash)
			.map_err(|e| runtime_error(format!("the runtime API failed: {e}")))?;
		Ok(answer(hash, info))
	}
}

fn runtime_error(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, message, None::<()>)
}

/// Milliseconds since the Unix epoch as RFC 3339 UTC text.
fn time(ms: u64) -> Value {
	i64::try_from(ms)
		.ok()
		.and_then(chrono::DateTime::from_timestamp_millis)
		.map(|t| Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)))
		.unwrap_or(Value::Null)
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// The JSON answer for `hash`.
pub fn answer<AccountId: Display>(
	hash: DocumentHash,
	info: Option<CertificateInfo<AccountId>>,
) -> Value {
	let Some(c) = info else {
		return json!({ "hash": hash, "status": "unknown", "valid": false });
	};
	let mut out = json!({
		"hash": hash,
		"valid": c.status.is_valid(),
		"issuer": c.issuer.to_string(),
		"origin": c.origin.to_string(),
		"exporter": c.exporter.to_string(),
		"consignee": c.consignee.to_string(),
		"destination": c.destination.to_string(),
		"issuedAt": time(c.issued_at),
		"validUntil": time(c.valid_until),
		"invoice": text(&c.invoice),
		"replaces": c.replaces,
		"goods": c.goods.iter().map(|l| json!({
			"hsCode": l.hs_code.to_string(),
			"descriptionHash": l.description,
			"quantity": l.quantity,
			"unit": l.unit.to_string(),
		})).collect::<Vec<_>>(),
	});
	match &c.preference {
		Preference::NonPreferential => out["preferential"] = json!(false),
		Preference::Preferential { agreement, criterion } => {
			out["preferential"] = json!(true);
			out["agreement"] = json!(agreement.to_string());
			out["originCriterion"] = json!(criterion);
		}
	}
	let status = match c.status {
		CertificateStatus::Unknown => json!({ "status": "unknown" }),
		CertificateStatus::Issued { .. } => json!({ "status": "issued" }),
		CertificateStatus::Accepted { times, .. } => {
			json!({ "status": "accepted", "timesAccepted": times })
		}
		CertificateStatus::Used { at } => json!({ "status": "used", "usedAt": time(at) }),
		CertificateStatus::Rejected { reason } => {
			json!({ "status": "rejected", "reason": text(&reason) })
		}
		CertificateStatus::ReplacedBy { by } => json!({ "status": "replaced", "replacedBy": by }),
		CertificateStatus::Revoked { reason } => {
			json!({ "status": "revoked", "reason": text(&reason) })
		}
		CertificateStatus::Expired { .. } => json!({ "status": "expired" }),
	};
	if let (Some(out), Value::Object(status)) = (out.as_object_mut(), status) {
		out.extend(status);
	}
	out
}
