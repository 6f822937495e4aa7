//! The trade pallets as a parachain: the parachain runtime (`tradechain-parachain-runtime`, its
//! WASM from `tradechain-parachain-wasm`) in `polkadot-omni-node`'s dev mode, no relay chain.
//!
//! The chain spec comes from omni-node's own `chain-spec-builder` and the runtime's `development`
//! preset (para id 2000, the development agencies and operators). The node produces blocks;
//! the runtime reports its para id; an operator cannot issue a certificate of origin, Kenya's
//! chamber (Dave) can; the certificate verifies through the runtime API the standalone chain
//! offers, with the same generated client: the trade pallets keep their indices and types.

use serde_json::json;
use std::time::Duration;
use subxt::utils::{AccountId32, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::Chain,
	parachain,
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_certificates_of_origin::types::{
				CertificateDetails, CertificateStatus, GoodsLine, Preference,
			},
			tradechain_primitives::codes::{CountryCode, HsCode, UnitCode},
		},
	},
};

const DAY_MS: u64 = 86_400_000;

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn hash(text: &str) -> H256 {
	H256(tradechain_primitives::document_hash(text.as_bytes()).0)
}

fn now_ms() -> u64 {
	let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	since.as_millis() as u64
}

/// Eve's tea to Ferdie, non-preferential, valid 90 days.
fn tea(valid_until: u64) -> CertificateDetails<AccountId32, BoundedVec<GoodsLine>, BoundedVec<u8>> {
	CertificateDetails {
		exporter: id(&dev::eve()),
		consignee: id(&dev::ferdie()),
		destination: CountryCode(*b"DE"),
		goods: BoundedVec(vec![GoodsLine {
			hs_code: HsCode(BoundedVec(b"090240".to_vec())),
			description: hash("black tea, fermented, in bulk"),
			quantity: 12_000,
			unit: UnitCode(*b"KGM"),
		}]),
		preference: Preference::NonPreferential,
		invoice: BoundedVec(b"INV-PARA-1".to_vec()),
		valid_until,
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_certificate_of_origin_is_issued_and_verified_on_the_parachain() {
	let dir = tempfile::tempdir().expect("a temp dir");
	let spec = parachain::chain_spec(dir.path(), "development");

	// The spec names the relay chain and the para id, as a relay chain's registration needs.
	let spec_json: serde_json::Value =
		serde_json::from_slice(&std::fs::read(&spec).unwrap()).unwrap();
	assert_eq!(spec_json["para_id"], parachain::PARA_ID, "{}", spec_json["para_id"]);
	assert_eq!(spec_json["relay_chain"], "rococo-local");

	let node = parachain::dev_node(&spec, 1000).await;

	// The parachain runtime runs, and omni-node authors blocks with it.
	let version = node.rpc("state_getRuntimeVersion", json!([])).await.unwrap();
	assert_eq!(version["specName"], "tradechain-parachain", "{version}");
	let started = std::time::Instant::now();
	while node.best_number().await.unwrap_or(0) < 2 {
		assert!(started.elapsed() < Duration::from_secs(60), "no blocks:\n{}", node.log());
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	// `GetParachainInfo` (what omni-node asks for the para id) answers 2000, SCALE-encoded.
	let para_id = node.rpc("state_call", json!(["GetParachainInfo_parachain_id", "0x"])).await;
	assert_eq!(para_id.unwrap(), json!(format!("0x{}", hex(&parachain::PARA_ID.to_le_bytes()))));

	let chain = Chain::sharing_trade_pallets(node.client().await).await;
	let tx = tradechain::transactions;
	let certificate = hash("certificate KE-PARA-0001");
	let valid_until = now_ms() + 90 * DAY_MS;
	let issue = tx().certificates_of_origin().issue(certificate, tea(valid_until));
	let status = || async {
		let api = tradechain::runtime_apis().certificates_api().certificate_status(certificate);
		chain.at().await.runtime_apis().call(api).await.unwrap()
	};

	// Eve is an exporter, not an issuer: refused, nothing stored.
	assert_eq!(chain.err(&issue, &dev::eve()).await, "CertificatesOfOrigin::NotIssuer");
	assert!(matches!(status().await, CertificateStatus::Unknown));

	// Dave, Kenya's chamber, issues; anyone verifies through the runtime API.
	chain.ok(&issue, &dev::dave(), "Dave issues on the parachain").await;
	assert!(
		matches!(status().await, CertificateStatus::Issued { valid_until: v } if v == valid_until),
		"the certificate verifies as issued"
	);

	// The record is Dave's, with its deposit held.
	let record = chain
		.at()
		.await
		.storage()
		.entry(tradechain::storage().certificates_of_origin().certificates())
		.unwrap()
		.fetch((certificate,))
		.await
		.expect("the certificate is stored")
		.decode()
		.unwrap();
	assert_eq!(record.issuer, id(&dev::dave()));
	assert_eq!(record.deposit.who, id(&dev::dave()));
	assert!(record.deposit.amount > 0);

	// German customs (Bob) accepts it at import; it stays valid, accepted once.
	chain
		.ok(&tx().certificates_of_origin().accept(certificate), &dev::bob(), "DE customs accepts")
		.await;
	assert!(matches!(status().await, CertificateStatus::Accepted { times: 1, .. }));
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
