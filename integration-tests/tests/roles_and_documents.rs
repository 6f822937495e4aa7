//! Roles and documents through the real node, with the development preset's demo agencies:
//! Bob is DE customs (and becomes an identity registrar), Charlie KE customs, Dave a KE origin
//! issuer, One a DE carrier, Two a DE bank, Ferdie a DE economic operator.
//!
//! An agency registers a new operator whose identity it judged; the operator anchors an invoice
//! and shares it encrypted with customs, which decrypts it with `tradechain-seal`; a bill of
//! lading is issued, endorsed twice and surrendered. A wrong-role attempt at each step fails with
//! the runtime's error and changes no state.

use subxt::utils::{AccountId32, MultiAddress, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::{submit, submit_ok},
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_documents::types::{DocumentKind, TransferAction, TransferStatus},
			pallet_identity::{
				legacy::IdentityInfo,
				types::{Data, Judgement},
			},
			tradechain_primitives::{
				codes::{CountryCode, OperatorId},
				roles::OperatorKind,
			},
			tradechain_runtime::RuntimeCall,
		},
	},
	Client, Node,
};
use tradechain_seal::{
	decrypt_document, encrypt_document, open_key, seal_key, EncryptedDocument, ReaderKeypair,
};

const UNIT: u128 = 1_000_000_000_000;

fn de() -> CountryCode {
	CountryCode(*b"DE")
}

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn addr(k: &Keypair) -> MultiAddress<AccountId32, ()> {
	MultiAddress::Id(id(k))
}

fn display(name: &str) -> Data {
	let bytes = name.as_bytes();
	assert_eq!(bytes.len(), 14, "the test uses 14-byte display names");
	Data::Raw14(bytes.try_into().unwrap())
}

fn identity(name: &str) -> IdentityInfo {
	IdentityInfo {
		additional: BoundedVec(vec![]),
		display: display(name),
		legal: Data::None,
		web: Data::None,
		riot: Data::None,
		email: Data::None,
		pgp_fingerprint: None,
		image: Data::None,
		twitter: Data::None,
	}
}

/// A fresh account funded by Alice.
async fn new_account(api: &Client, seed: &str) -> Keypair {
	let uri: subxt_signer::SecretUri = format!("//Tradechain//{seed}").parse().unwrap();
	let key = Keypair::from_uri(&uri).unwrap();
	let fund = tradechain::transactions().balances().transfer_keep_alive(addr(&key), 1_000 * UNIT);
	submit_ok(api, &fund, &dev::alice(), "fund a new account").await;
	key
}

async fn roles_of(api: &Client, who: &Keypair) -> usize {
	let at = api.at_current_block().await.unwrap();
	at.runtime_apis()
		.call(tradechain::runtime_apis().roles_api().roles_of(id(who)))
		.await
		.unwrap()
		.len()
}

async fn document(
	api: &Client,
	hash: H256,
) -> Option<tradechain::runtime_types::pallet_documents::types::DocumentInfo<AccountId32, u32>> {
	let at = api.at_current_block().await.unwrap();
	at.runtime_apis().call(tradechain::runtime_apis().documents_api().document(hash)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_is_registered_shares_an_invoice_and_a_bill_of_lading_travels() {
	let node = Node::dev().await;
	let api = node.client().await;
	let (alice, bob, charlie, dave) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());
	let (one, two, ferdie) = (dev::one(), dev::two(), dev::ferdie());
	let operator = new_account(&api, "operator").await;

	// --- Identity: Bob (DE customs) becomes a registrar and judges the operator's identity.
	let add_registrar = RuntimeCall::Identity(
		tradechain::runtime_types::pallet_identity::pallet::Call::add_registrar {
			account: addr(&bob),
		},
	);
	submit_ok(
		&api,
		&tradechain::transactions().sudo().sudo(add_registrar),
		&alice,
		"add registrar",
	)
	.await;
	let set_identity =
		tradechain::transactions().identity().set_identity(identity("Acme Exports 1"));
	submit_ok(&api, &set_identity, &operator, "set identity").await;
	// A registrar judges exactly this identity: BLAKE2-256 of its SCALE encoding, which is the
	// stored registration after its judgements (none yet: one byte) and deposit (16 bytes).
	let at = api.at_current_block().await.unwrap();
	let registration = at
		.storage()
		.entry(tradechain::storage().identity().identity_of())
		.unwrap()
		.fetch((id(&operator),))
		.await
		.expect("the identity is stored");
	let bytes = registration.bytes();
	assert_eq!(bytes[0], 0, "no judgements yet");
	let info_hash = H256(tradechain_seal::document_hash(&bytes[17..]).0);
	submit_ok(
		&api,
		&tradechain::transactions().identity().request_judgement(0, 0),
		&operator,
		"request judgement",
	)
	.await;
	let judge = tradechain::transactions().identity().provide_judgement(
		0,
		addr(&operator),
		Judgement::Reasonable,
		info_hash,
	);
	submit_ok(&api, &judge, &bob, "provide judgement").await;

	// --- The operator applies; only DE customs may register it.
	let eori = OperatorId(BoundedVec(b"DE000000000000042".to_vec()));
	let apply =
		tradechain::transactions().roles().apply(OperatorKind::EconomicOperator, de(), Some(eori));
	submit_ok(&api, &apply, &operator, "apply").await;
	let approve =
		tradechain::transactions().roles().approve(id(&operator), OperatorKind::EconomicOperator);
	assert_eq!(submit(&api, &approve, &dave).await.err().as_deref(), Some("Roles::NotCustoms"));
	assert_eq!(
		submit(&api, &approve, &charlie).await.err().as_deref(),
		Some("Roles::WrongCountry")
	);
	assert_eq!(roles_of(&api, &operator).await, 0, "a wrong-role approval registers nothing");
	submit_ok(&api, &approve, &bob, "approve").await;
	assert_eq!(roles_of(&api, &operator).await, 1);

	// --- The operator anchors an invoice; an account without a role cannot.
	let plaintext =
		br#"{"invoice":"INV-2026-0042","seller":"Acme Exports","total":"12500.00 EUR"}"#.to_vec();
	let (encrypted, content_key) = encrypt_document(&plaintext);
	let hash = H256(encrypted.hash.0);
	let anchor = tradechain::transactions().documents().anchor(hash, DocumentKind::Invoice, None);
	let outsider = new_account(&api, "outsider").await;
	assert_eq!(
		submit(&api, &anchor, &outsider).await.err().as_deref(),
		Some("Documents::NotMember")
	);
	assert!(document(&api, hash).await.is_none(), "a refused anchor leaves no record");
	submit_ok(&api, &anchor, &operator, "anchor").await;
	assert_eq!(document(&api, hash).await.expect("anchored").owner, id(&operator));

	// --- Bob publishes a key; the operator seals the content key to it; only the owner shares.
	let customs_key = ReaderKeypair::generate();
	submit_ok(
		&api,
		&tradechain::transactions().roles().set_encryption_key(customs_key.public()),
		&bob,
		"key",
	)
	.await;
	let at = api.at_current_block().await.unwrap();
	let published = at
		.runtime_apis()
		.call(tradechain::runtime_apis().roles_api().encryption_key(id(&bob)))
		.await
		.unwrap()
		.expect("Bob's key is published");
	let envelope = seal_key(&content_key, &published);
	let grant =
		tradechain::transactions().documents().grant_access(hash, id(&bob), BoundedVec(envelope));
	assert_eq!(submit(&api, &grant, &ferdie).await.err().as_deref(), Some("Documents::NotOwner"));
	submit_ok(&api, &grant, &operator, "grant access").await;

	// Customs reads its envelope from the chain and decrypts the file it received off-chain.
	let at = api.at_current_block().await.unwrap();
	let on_chain = at
		.runtime_apis()
		.call(tradechain::runtime_apis().documents_api().envelope(hash, id(&bob)))
		.await
		.unwrap()
		.expect("Bob holds an envelope");
	let key = open_key(&on_chain, &customs_key).expect("customs opens its envelope");
	let file = EncryptedDocument::from_bytes(&encrypted.to_bytes()).unwrap();
	assert_eq!(decrypt_document(&file, &key).expect("customs decrypts"), plaintext);
	assert!(open_key(&on_chain, &ReaderKeypair::generate()).is_err(), "nobody else can");

	// --- A bill of lading: issued by the carrier, endorsed twice, surrendered.
	let bill = H256(tradechain_seal::document_hash(b"B/L MSKU1234567 Mombasa-Hamburg").0);
	let issue =
		tradechain::transactions().documents().issue_transferable(bill, id(&operator), None);
	assert_eq!(submit(&api, &issue, &ferdie).await.err().as_deref(), Some("Documents::NotCarrier"));
	assert!(document(&api, bill).await.is_none());
	submit_ok(&api, &issue, &one, "issue B/L").await;

	let endorse_to_bank = tradechain::transactions().documents().endorse(bill, id(&two));
	assert_eq!(
		submit(&api, &endorse_to_bank, &ferdie).await.err().as_deref(),
		Some("Documents::NotHolder")
	);
	submit_ok(&api, &endorse_to_bank, &operator, "endorse to the bank").await;
	let accept = tradechain::transactions().documents().accept_endorsement(bill);
	assert_eq!(
		submit(&api, &accept, &ferdie).await.err().as_deref(),
		Some("Documents::NoPendingEndorsement")
	);
	submit_ok(&api, &accept, &two, "the bank accepts").await;
	submit_ok(
		&api,
		&tradechain::transactions().documents().endorse(bill, id(&ferdie)),
		&two,
		"endorse to importer",
	)
	.await;
	submit_ok(&api, &accept, &ferdie, "the importer accepts").await;

	let surrender = tradechain::transactions().documents().surrender(bill);
	assert_eq!(submit(&api, &surrender, &two).await.err().as_deref(), Some("Documents::NotHolder"));
	submit_ok(&api, &surrender, &ferdie, "surrender").await;
	assert_eq!(
		submit(&api, &tradechain::transactions().documents().endorse(bill, id(&two)), &ferdie)
			.await
			.err()
			.as_deref(),
		Some("Documents::AlreadySurrendered")
	);

	let transfer = document(&api, bill).await.expect("anchored").transfer.expect("transferable");
	assert!(matches!(transfer.status, TransferStatus::Surrendered));
	assert_eq!(transfer.holder, id(&ferdie));
	let history: Vec<_> = transfer.history.into_iter().map(|e| e.action).collect();
	assert!(matches!(&history[..], [
		TransferAction::Issued { to: a },
		TransferAction::Endorsed { from: b, to: c },
		TransferAction::Endorsed { from: d, to: e },
		TransferAction::Surrendered { by: f },
	] if *a == id(&operator) && *b == id(&operator) && *c == id(&two) && *d == id(&two) && *e == id(&ferdie) && *f == id(&ferdie)));
}
