//! Roles and documents through the real node, with the development preset's demo agencies:
//! Bob is DE customs and identity registrar 0, Charlie KE customs, Dave a KE origin
//! issuer, One a DE carrier, Two a DE bank, Ferdie a DE economic operator.
//!
//! An agency registers a new operator whose identity it judged; the operator anchors an invoice
//! and shares it encrypted with customs, which decrypts it with `tradechain-seal`; a bill of
//! lading is issued, endorsed twice and surrendered. A wrong-role attempt at each step fails with
//! the runtime's error and changes no state.

use subxt::utils::{AccountId32, MultiAddress, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::Chain,
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
	Node,
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

async fn roles_of(chain: &Chain, who: &Keypair) -> usize {
	let api = tradechain::runtime_apis().roles_api().roles_of(id(who));
	chain.at().await.runtime_apis().call(api).await.unwrap().len()
}

async fn document(
	chain: &Chain,
	hash: H256,
) -> Option<tradechain::runtime_types::pallet_documents::types::DocumentInfo<AccountId32, u32>> {
	let api = tradechain::runtime_apis().documents_api().document(hash);
	chain.at().await.runtime_apis().call(api).await.unwrap()
}

/// The SCALE bytes of the identity info inside a stored pallet-identity registration: they follow
/// the judgements (`(u32, Judgement)`, where only `FeePaid` carries a 16-byte balance) and the
/// 16-byte deposit.
fn identity_info_bytes(registration: &[u8]) -> &[u8] {
	let count = registration[0] >> 2; // compact length, fewer than 64 judgements
	let mut at = 1;
	for _ in 0..count {
		let variant = registration[at + 4];
		at += 5 + if variant == 1 { 16 } else { 0 };
	}
	&registration[at + 16..]
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_is_registered_shares_an_invoice_and_a_bill_of_lading_travels() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let (alice, bob, charlie, dave) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());
	let (one, two, ferdie) = (dev::one(), dev::two(), dev::ferdie());
	let account = |seed: &str| {
		let uri: subxt_signer::SecretUri = format!("//Tradechain//{seed}").parse().unwrap();
		Keypair::from_uri(&uri).unwrap()
	};
	let (operator, outsider) = (account("operator"), account("outsider"));
	let customs_key = ReaderKeypair::generate();
	let bill = H256(tradechain_seal::document_hash(b"B/L MSKU1234567 Mombasa-Hamburg").0);

	// Alice funds the operator and an outsider; Bob (DE customs, identity registrar 0 in the
	// development preset) publishes his encryption key.
	let at = chain.at().await;
	let registrars = at.storage().entry(tradechain::storage().identity().registrars()).unwrap();
	let registrars = registrars.fetch(()).await.unwrap().decode().unwrap();
	assert_eq!(registrars.0[0].as_ref().map(|r| r.account.clone()), Some(id(&bob)));
	let setup = tx().utility().batch_all(vec![
		RuntimeCall::Balances(
			tradechain::runtime_types::pallet_balances::pallet::Call::transfer_keep_alive {
				dest: addr(&operator),
				value: 1_000 * UNIT,
			},
		),
		RuntimeCall::Balances(
			tradechain::runtime_types::pallet_balances::pallet::Call::transfer_keep_alive {
				dest: addr(&outsider),
				value: 1_000 * UNIT,
			},
		),
	]);
	let publish_key = tx().roles().set_encryption_key(customs_key.public());
	let (setup, key) = tokio::join!(chain.submit(&setup, &alice), chain.submit(&publish_key, &bob));
	setup.expect("setup");
	key.expect("Bob publishes his key");

	// The operator declares its identity and asks Bob for a judgement; meanwhile an account
	// without a role fails to anchor and a non-carrier fails to issue a bill of lading.
	let identity = tx().utility().batch_all(vec![
		RuntimeCall::Identity(
			tradechain::runtime_types::pallet_identity::pallet::Call::set_identity {
				info: Box::new(identity("Acme Exports 1")),
			},
		),
		RuntimeCall::Identity(
			tradechain::runtime_types::pallet_identity::pallet::Call::request_judgement {
				reg_index: 0,
				max_fee: 0,
			},
		),
	]);
	let plaintext =
		br#"{"invoice":"INV-2026-0042","seller":"Acme Exports","total":"12500.00 EUR"}"#.to_vec();
	let (encrypted, content_key) = encrypt_document(&plaintext);
	let hash = H256(encrypted.hash.0);
	let anchor = tx().documents().anchor(hash, DocumentKind::Invoice, None);
	let issue = tx().documents().issue_transferable(bill, id(&operator), None);
	let (identity, anchored, issued) = tokio::join!(
		chain.submit(&identity, &operator),
		chain.submit(&anchor, &outsider),
		chain.submit(&issue, &ferdie),
	);
	identity.expect("identity");
	assert_eq!(anchored.err().as_deref(), Some("Documents::NotMember"));
	assert_eq!(issued.err().as_deref(), Some("Documents::NotCarrier"));
	assert!(document(&chain, hash).await.is_none(), "a refused anchor leaves no record");
	assert!(document(&chain, bill).await.is_none(), "a refused issuance leaves no record");

	// Bob judges exactly the stored identity (BLAKE2-256 of its SCALE encoding); the operator
	// applies as a DE economic operator.
	let at = chain.at().await;
	let registration = at
		.storage()
		.entry(tradechain::storage().identity().identity_of())
		.unwrap()
		.fetch((id(&operator),))
		.await
		.expect("the identity is stored");
	let info_hash =
		H256(tradechain_seal::document_hash(identity_info_bytes(registration.bytes())).0);
	let judge =
		tx().identity().provide_judgement(0, addr(&operator), Judgement::Reasonable, info_hash);
	let eori = OperatorId(BoundedVec(b"DE000000000000042".to_vec()));
	let apply = tx().roles().apply(OperatorKind::EconomicOperator, de(), Some(eori));
	let (judged, applied) =
		tokio::join!(chain.submit(&judge, &bob), chain.submit(&apply, &operator));
	judged.expect("Bob judges the identity");
	applied.expect("the operator applies");

	// Only DE customs may register it: a KE origin issuer and KE customs fail, and nothing changes.
	let approve = tx().roles().approve(id(&operator), OperatorKind::EconomicOperator);
	let (by_issuer, by_other_customs) =
		tokio::join!(chain.err(&approve, &dave), chain.err(&approve, &charlie));
	assert_eq!(by_issuer, "Roles::NotCustoms");
	assert_eq!(by_other_customs, "Roles::WrongCountry");
	assert_eq!(roles_of(&chain, &operator).await, 0, "a wrong-role approval registers nothing");
	chain.ok(&approve, &bob, "DE customs approves").await;
	assert_eq!(roles_of(&chain, &operator).await, 1);

	// The operator anchors the invoice; the carrier issues a bill of lading to the operator.
	let issue = tx().documents().issue_transferable(bill, id(&operator), None);
	let (anchored, issued) =
		tokio::join!(chain.submit(&anchor, &operator), chain.submit(&issue, &one));
	anchored.expect("the operator anchors");
	issued.expect("the carrier issues");
	assert_eq!(document(&chain, hash).await.expect("anchored").owner, id(&operator));

	// The operator seals the content key to Bob's published key and shares the invoice, and
	// endorses the bill to the bank; KE customs cannot share it, Ferdie cannot endorse it.
	let published = chain
		.at()
		.await
		.runtime_apis()
		.call(tradechain::runtime_apis().roles_api().encryption_key(id(&bob)))
		.await
		.unwrap()
		.expect("Bob's key is published");
	let envelope = seal_key(&content_key, &published);
	let grant = tx().documents().grant_access(hash, id(&bob), BoundedVec(envelope.clone()));
	let endorse_to_bank = tx().documents().endorse(bill, id(&two));
	let share_and_endorse = tx().utility().batch_all(vec![
		RuntimeCall::Documents(
			tradechain::runtime_types::pallet_documents::pallet::Call::grant_access {
				hash,
				reader: id(&bob),
				envelope: BoundedVec(envelope),
			},
		),
		RuntimeCall::Documents(
			tradechain::runtime_types::pallet_documents::pallet::Call::endorse {
				hash: bill,
				to: id(&two),
			},
		),
	]);
	let (granted, by_stranger, endorsed_by_stranger) = tokio::join!(
		chain.submit(&share_and_endorse, &operator),
		chain.submit(&grant, &charlie),
		chain.submit(&endorse_to_bank, &ferdie),
	);
	granted.expect("the operator shares and endorses");
	assert_eq!(by_stranger.err().as_deref(), Some("Documents::NotOwner"));
	assert_eq!(endorsed_by_stranger.err().as_deref(), Some("Documents::NotHolder"));

	// Customs reads its envelope from the chain and decrypts the file it received off-chain.
	let on_chain = chain
		.at()
		.await
		.runtime_apis()
		.call(tradechain::runtime_apis().documents_api().envelope(hash, id(&bob)))
		.await
		.unwrap()
		.expect("Bob holds an envelope");
	let key = open_key(&on_chain, &customs_key).expect("customs opens its envelope");
	let file = EncryptedDocument::from_bytes(&encrypted.to_bytes()).unwrap();
	assert_eq!(decrypt_document(&file, &key).expect("customs decrypts"), plaintext);
	assert!(open_key(&on_chain, &ReaderKeypair::generate()).is_err(), "nobody else can");

	// The bank accepts (Ferdie, not the endorsee, cannot), endorses to Ferdie, who accepts.
	let accept = tx().documents().accept_endorsement(bill);
	let (by_bank, by_ferdie) =
		tokio::join!(chain.submit(&accept, &two), chain.submit(&accept, &ferdie));
	by_bank.expect("the bank accepts");
	assert_eq!(by_ferdie.err().as_deref(), Some("Documents::NoPendingEndorsement"));
	chain.ok(&tx().documents().endorse(bill, id(&ferdie)), &two, "endorse to the importer").await;
	chain.ok(&accept, &ferdie, "the importer accepts").await;

	// Only the holder surrenders; after surrender nothing more happens.
	let surrender = tx().documents().surrender(bill);
	assert_eq!(chain.err(&surrender, &two).await, "Documents::NotHolder");
	chain.ok(&surrender, &ferdie, "surrender").await;
	assert_eq!(
		chain.err(&tx().documents().endorse(bill, id(&two)), &ferdie).await,
		"Documents::AlreadySurrendered"
	);

	let transfer = document(&chain, bill).await.expect("anchored").transfer.expect("transferable");
	assert!(matches!(transfer.status, TransferStatus::Surrendered));
	assert_eq!(transfer.holder, id(&ferdie));
	let history: Vec<_> = transfer.history.into_iter().map(|e| e.action).collect();
	let (op, bank, importer) = (id(&operator), id(&two), id(&ferdie));
	assert!(
		matches!(&history[..], [
			TransferAction::Issued { to: a },
			TransferAction::Endorsed { from: b, to: c },
			TransferAction::Endorsed { from: d, to: e },
			TransferAction::Surrendered { by: f },
		] if *a == op && *b == op && *c == bank && *d == bank && *e == importer && *f == importer),
		"history: {history:?}"
	);

	// All of it is final.
	let head = chain.at().await.block_number();
	node.wait_finalized(head, std::time::Duration::from_secs(60)).await;
}
