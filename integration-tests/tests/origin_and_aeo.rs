//! Certificates of origin and the AEO registry through the real node, with the development
//! preset's demo: Dave is a KE origin issuer, Eve a KE exporter, Ferdie a DE importer, Bob DE
//! customs, Charlie KE customs, One a DE carrier; Kenya lists `EU-KE-EPA` with Germany.
//!
//! Kenya's issuer issues a preferential certificate; German customs verifies it through the
//! runtime API and the `origin_verifyCertificate` RPC method; an amendment replaces it; customs
//! accepts the amendment and a second acceptance fails. A batch of 10,000 certificates is anchored
//! in one call; a proof for one verifies and a forged proof does not. German customs certifies a
//! carrier as AEO-F, and Kenya recognises it only while an MRA is in force and the status is not
//! suspended.

use serde_json::json;
use subxt::utils::{AccountId32, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::Chain,
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_aeo::types::AeoStatus,
			pallet_certificates_of_origin::types::{
				CertificateDetails, CertificateStatus, GoodsLine, OriginCriterion, Preference,
			},
			tradechain_primitives::{
				codes::{AgreementCode, CountryCode, HsCode, UnitCode},
				trade::{AeoKind, BatchProof},
			},
		},
	},
	Node,
};

const DAY_MS: u64 = 86_400_000;

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn country(code: &[u8; 2]) -> CountryCode {
	CountryCode(*code)
}

fn hash(text: &str) -> H256 {
	H256(tradechain_primitives::document_hash(text.as_bytes()).0)
}

fn text(s: &str) -> BoundedVec<u8> {
	BoundedVec(s.as_bytes().to_vec())
}

/// Eve's coffee to Ferdie, preferential under the EPA, valid 90 days from `now`.
fn coffee(
	now: u64,
	invoice: &str,
) -> CertificateDetails<AccountId32, BoundedVec<GoodsLine>, BoundedVec<u8>> {
	CertificateDetails {
		exporter: id(&dev::eve()),
		consignee: id(&dev::ferdie()),
		destination: country(b"DE"),
		goods: BoundedVec(vec![GoodsLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			description: hash("green coffee, not roasted"),
			quantity: 19_200,
			unit: UnitCode(*b"KGM"),
		}]),
		preference: Preference::Preferential {
			agreement: AgreementCode(BoundedVec(b"EU-KE-EPA".to_vec())),
			criterion: OriginCriterion::WhollyObtained,
		},
		invoice: text(invoice),
		valid_until: now + 90 * DAY_MS,
	}
}

/// The wall clock in milliseconds: the dev chain's blocks carry it (the chain's own head may still
/// be the genesis block, at time zero).
fn now() -> u64 {
	let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	since.as_millis() as u64
}

async fn status(chain: &Chain, h: H256) -> CertificateStatus {
	let api = tradechain::runtime_apis().certificates_api().certificate_status(h);
	chain.at().await.runtime_apis().call(api).await.unwrap()
}

async fn aeo(chain: &Chain, who: &Keypair, seen_from: &[u8; 2]) -> AeoStatus {
	let api = tradechain::runtime_apis().aeo_api().aeo_status(id(who), country(seen_from));
	chain.at().await.runtime_apis().call(api).await.unwrap()
}

fn proof(p: &tradechain_primitives::BatchProof) -> BatchProof {
	BatchProof {
		leaf_index: p.leaf_index,
		number_of_leaves: p.number_of_leaves,
		items: BoundedVec(p.items.iter().map(|h| H256(h.0)).collect()),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn certificates_are_issued_verified_amended_used_once_and_batched() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let (dave, bob, charlie) = (dev::dave(), dev::bob(), dev::charlie());
	let (c1, c2) = (hash("certificate KE-2026-0100"), hash("certificate KE-2026-0100-A"));
	let now = now();

	// Dave (KE issuer) issues; Bob (DE customs) is refused as an issuer, and nothing is stored.
	let issue = tx().certificates_of_origin().issue(c1, coffee(now, "INV-0100"));
	assert_eq!(chain.err(&issue, &bob).await, "CertificatesOfOrigin::NotIssuer");
	assert!(matches!(status(&chain, c1).await, CertificateStatus::Unknown));
	chain.ok(&issue, &dave, "Dave issues").await;

	// German customs verifies through the runtime API and through the RPC method.
	assert!(
		matches!(status(&chain, c1).await, CertificateStatus::Issued { valid_until } if valid_until == now + 90 * DAY_MS)
	);
	let best = chain.at().await.block_hash();
	let rpc = node.rpc("origin_verifyCertificate", json!([c1, best])).await.unwrap();
	assert_eq!(rpc["status"], "issued", "{rpc}");
	assert_eq!(rpc["valid"], true);
	assert_eq!(rpc["preferential"], true);
	assert_eq!(rpc["agreement"], "EU-KE-EPA");
	assert_eq!(rpc["originCriterion"], "whollyObtained");
	assert_eq!((rpc["origin"].as_str(), rpc["destination"].as_str()), (Some("KE"), Some("DE")));
	assert_eq!(rpc["consignee"], id(&dev::ferdie()).to_string());
	assert_eq!(rpc["goods"][0]["hsCode"], "090111");
	assert!(rpc["validUntil"].as_str().is_some_and(|t| t.ends_with('Z')), "{rpc}");
	let unknown = node.rpc("origin_verifyCertificate", json!([hash("nothing")])).await.unwrap();
	assert_eq!(unknown["status"], "unknown");
	assert!(node.rpc("origin_verifyCertificate", json!(["0x12"])).await.is_err());

	// An amendment replaces it: the old one points to the new one and can no longer be used.
	let replace = tx().certificates_of_origin().replace(c1, c2, coffee(now, "INV-0100-A"));
	chain.ok(&replace, &dave, "Dave amends").await;
	assert!(matches!(status(&chain, c1).await, CertificateStatus::ReplacedBy { by } if by == c2));
	let rpc = node.rpc("origin_verifyCertificate", json!([c1])).await.unwrap();
	assert_eq!((rpc["status"].as_str(), rpc["valid"].as_bool()), (Some("replaced"), Some(false)));
	assert_eq!(rpc["replacedBy"], json!(c2));
	let accept_old = tx().certificates_of_origin().accept(c1);
	assert_eq!(chain.err(&accept_old, &bob).await, "CertificatesOfOrigin::AlreadyReplaced");

	// Kenyan customs may not accept for Germany; German customs accepts once, then never again.
	let accept = tx().certificates_of_origin().accept(c2);
	assert_eq!(chain.err(&accept, &charlie).await, "CertificatesOfOrigin::OtherCountry");
	chain.ok(&accept, &bob, "Bob accepts the amendment").await;
	assert!(matches!(status(&chain, c2).await, CertificateStatus::Used { .. }));
	assert_eq!(chain.err(&accept, &bob).await, "CertificatesOfOrigin::AlreadyUsed");
	let rpc = node.rpc("origin_verifyCertificate", json!([c2])).await.unwrap();
	assert_eq!(rpc["status"], "used");
	assert_eq!(rpc["replaces"], json!(c1));

	// A batch of 10,000 certificates in one call: only the root is stored.
	let leaves: Vec<_> = (0..10_000u32)
		.map(|i| tradechain_primitives::document_hash(format!("KE-BATCH-2026-{i:05}").as_bytes()))
		.collect();
	let root = H256(tradechain_primitives::batch_root(&leaves).0);
	let anchor = tx().certificates_of_origin().anchor_batch(root, 10_000, now + 30 * DAY_MS);
	chain.ok(&anchor, &dave, "Dave anchors the batch").await;
	let good = tradechain_primitives::batch_proof(&leaves, 4_321).unwrap();
	assert_eq!(good.items.len(), 14, "a 10,000-leaf tree is 14 levels deep");
	let batch_status = |leaf: tradechain_primitives::DocumentHash, p: BatchProof| {
		tradechain::runtime_apis().certificates_api().batch_certificate_status(
			root,
			H256(leaf.0),
			p,
		)
	};
	let at = chain.at().await;
	let verified = at.runtime_apis().call(batch_status(leaves[4_321], proof(&good))).await.unwrap();
	assert!(matches!(verified, CertificateStatus::Issued { .. }), "{verified:?}");
	// Forgeries: another certificate with this proof, a changed sibling, another position.
	let other_leaf =
		at.runtime_apis().call(batch_status(leaves[4_322], proof(&good))).await.unwrap();
	assert!(matches!(other_leaf, CertificateStatus::Unknown));
	let mut tampered = proof(&good);
	tampered.items.0[3].0[0] ^= 1;
	let forged = at.runtime_apis().call(batch_status(leaves[4_321], tampered)).await.unwrap();
	assert!(matches!(forged, CertificateStatus::Unknown));
	let mut moved = proof(&good);
	moved.leaf_index += 1;
	let forged = at.runtime_apis().call(batch_status(leaves[4_321], moved)).await.unwrap();
	assert!(matches!(forged, CertificateStatus::Unknown));
	// Client-side verification agrees.
	assert!(tradechain_primitives::verify_batch_proof(
		&tradechain_primitives::DocumentHash::from(root.0),
		&leaves[4_321],
		&good
	));

	// The issuer revokes one certificate of the batch; its neighbours stay valid.
	let revoke = tx().certificates_of_origin().revoke_batch_certificate(
		root,
		H256(leaves[4_321].0),
		proof(&good),
		text("goods not originating"),
	);
	chain.ok(&revoke, &dave, "Dave revokes one batch certificate").await;
	let at = chain.at().await;
	let revoked = at.runtime_apis().call(batch_status(leaves[4_321], proof(&good))).await.unwrap();
	assert!(matches!(revoked, CertificateStatus::Revoked { .. }));
	let neighbour = tradechain_primitives::batch_proof(&leaves, 4_320).unwrap();
	let still =
		at.runtime_apis().call(batch_status(leaves[4_320], proof(&neighbour))).await.unwrap();
	assert!(matches!(still, CertificateStatus::Issued { .. }));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_aeo_is_recognised_abroad_only_under_an_mra_in_force_and_while_not_suspended() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let (bob, charlie, carrier) = (dev::bob(), dev::charlie(), dev::one());
	let now = now();
	let recognised_in_ke = |s: &AeoStatus| {
		matches!(s, AeoStatus::Recognised { kind: AeoKind::Full, mutual_recognition: true, .. })
	};

	// The demo's KE-DE agreement is ended first, so that recognition starts from nothing.
	chain.ok(&tx().aeo().end_mra(country(b"DE")), &charlie, "Charlie ends the demo MRA").await;

	// Bob (DE customs) certifies One, a DE carrier, as AEO-F; Charlie may not.
	let certify = tx().aeo().certify(
		id(&carrier),
		AeoKind::Full,
		text("DEAEOF2026077"),
		now,
		now + 365 * DAY_MS,
	);
	assert_eq!(chain.err(&certify, &charlie).await, "Aeo::OperatorOfOtherCountry");
	chain.ok(&certify, &bob, "Bob certifies the carrier").await;
	assert!(matches!(
		aeo(&chain, &carrier, b"DE").await,
		AeoStatus::Recognised { kind: AeoKind::Full, mutual_recognition: false, .. }
	));
	assert!(matches!(aeo(&chain, &carrier, b"KE").await, AeoStatus::NotRecognised { .. }));

	// Germany proposes an MRA: not yet in force. Germany may not accept its own proposal.
	chain.ok(&tx().aeo().propose_mra(country(b"KE"), AeoKind::Full), &bob, "Bob proposes").await;
	assert!(matches!(aeo(&chain, &carrier, b"KE").await, AeoStatus::NotRecognised { .. }));
	assert_eq!(chain.err(&tx().aeo().accept_mra(country(b"KE")), &bob).await, "Aeo::OwnProposal");

	// Kenya accepts: recognised in Kenya.
	chain.ok(&tx().aeo().accept_mra(country(b"DE")), &charlie, "Charlie accepts").await;
	let status = aeo(&chain, &carrier, b"KE").await;
	assert!(recognised_in_ke(&status), "{status:?}");

	// A suspension in Germany is seen in Kenya in the next block; reinstatement restores it.
	chain.ok(&tx().aeo().suspend(id(&carrier), text("audit")), &bob, "Bob suspends").await;
	assert!(matches!(aeo(&chain, &carrier, b"KE").await, AeoStatus::Suspended));
	chain.ok(&tx().aeo().reinstate(id(&carrier)), &bob, "Bob reinstates").await;
	assert!(recognised_in_ke(&aeo(&chain, &carrier, b"KE").await));

	// Kenya ends the MRA: no longer recognised there, still at home.
	chain.ok(&tx().aeo().end_mra(country(b"DE")), &charlie, "Charlie ends the MRA").await;
	assert!(matches!(aeo(&chain, &carrier, b"KE").await, AeoStatus::NotRecognised { .. }));
	assert!(matches!(aeo(&chain, &carrier, b"DE").await, AeoStatus::Recognised { .. }));
}
