//! Trade payments through the real node, with the development preset's demo: Ferdie (DE
//! importer) buys from Eve (KE exporter); Dave is a KE origin issuer, One a DE carrier, Two a DE
//! bank, Alice//stash an arbiter.
//!
//! An escrow waiting on a certificate of origin and the surrender of a bill of lading pays Eve
//! only after both; another is refunded after its deadline; a disputed one is settled 70/30 by the
//! arbiter. Wrong parties move no funds, and total issuance falls by exactly the transaction fees
//! (this runtime burns fees): the escrows neither create nor lose funds.
//!
//! A fourth escrow waits on customs releasing Ferdie's import declaration and on a receiving
//! event of the container in Hamburg: Eve is paid only after both, and the duty went to
//! Germany's treasury.

use subxt::utils::{AccountId32, Static, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_epcis::chain::{BizStep, ChainAction, Disposition, EventContext, EventKind};
use tradechain_integration_tests::{
	chain::{free_balance, Chain},
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_certificates_of_origin::types::{CertificateDetails, GoodsLine, Preference},
			pallet_customs::types::{
				DeclarationDetails, DeclarationLine, HsScope, Procedure, RiskRule, RuleSet,
			},
			pallet_payments::types::{Condition, Settlement},
			pallet_traceability::types::Epc,
			sp_arithmetic::per_things::Perbill,
			tradechain_primitives::{
				codes::{CountryCode, CurrencyCode, HsCode, UnLocode, UnitCode},
				payments::Location,
			},
		},
	},
	Node,
};

const UNIT: u128 = 1_000_000_000_000;
const DAY_MS: u64 = 86_400_000;

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn hash(text: &str) -> H256 {
	H256(tradechain_primitives::document_hash(text.as_bytes()).0)
}

fn now() -> u64 {
	let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	since.as_millis() as u64
}

fn arbiter() -> Keypair {
	Keypair::from_uri(&"//Alice//stash".parse().unwrap()).unwrap()
}

async fn held(chain: &Chain, who: &AccountId32) -> u128 {
	let at = chain.at().await;
	let entry = at.storage().entry(tradechain::storage().system().account()).unwrap();
	entry.fetch((who.clone(),)).await.unwrap().decode().unwrap().data.reserved
}

async fn issuance(chain: &Chain) -> u128 {
	let at = chain.at().await;
	let entry = at.storage().entry(tradechain::storage().balances().total_issuance()).unwrap();
	entry.fetch(()).await.unwrap().decode().unwrap()
}

/// The fees (burned) of every transaction in blocks `from + 1 ..= to`.
async fn fees(chain: &Chain, from: u64, to: u64) -> u128 {
	let mut total = 0;
	for n in from + 1..=to {
		let events = chain.api.at_block(n).await.unwrap().events().fetch().await.unwrap();
		for fee in events.find::<tradechain::transaction_payment::events::TransactionFeePaid>() {
			let fee = fee.unwrap();
			total += fee.actual_fee + fee.tip;
		}
	}
	total
}

#[tokio::test(flavor = "multi_thread")]
async fn escrows_pay_on_conditions_refund_after_deadline_and_settle_disputes() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let (ferdie, eve, dave, one, two) =
		(dev::ferdie(), dev::eve(), dev::dave(), dev::one(), dev::two());
	let arbiter = arbiter();
	let start_block = chain.at().await.block_number();
	let issuance_before = issuance(&chain).await;
	let (certificate, bill) = (hash("certificate KE-2026-0300"), hash("B/L MSKU7654321"));
	let de = CountryCode(*b"DE");

	// 1. Ferdie escrows 1,000 UNIT for Eve until the certificate is valid and the bill of lading
	//    is surrendered; 2. 300 UNIT until a bank approval that never comes, deadline in 20 s;
	//    3. 500 UNIT disputed later.
	let conditions = BoundedVec(vec![
		(Condition::CertificateValid { certificate, destination: CountryCode(*b"DE") }, 0),
		(Condition::BillOfLadingSurrendered { bill }, 0),
	]);
	let create = |amount: u128, conditions, deadline| {
		tx().payments().create(id(&eve), id(&arbiter), amount, conditions, false, deadline, None)
	};
	let ferdie_before = free_balance(&chain.at().await, &id(&ferdie)).await;
	let eve_before = free_balance(&chain.at().await, &id(&eve)).await;
	chain.ok(&create(1_000 * UNIT, conditions, now() + 30 * DAY_MS), &ferdie, "escrow 1").await;
	let approval = || BoundedVec(vec![(Condition::ApprovedBy { party: id(&two) }, 0)]);
	let refund_at = now() + 60_000;
	chain.ok(&create(300 * UNIT, approval(), refund_at), &ferdie, "escrow 2").await;
	chain.ok(&create(500 * UNIT, approval(), now() + 30 * DAY_MS), &ferdie, "escrow 3").await;
	let escrows = chain
		.at()
		.await
		.runtime_apis()
		.call(tradechain::runtime_apis().payments_api().escrows_of(id(&ferdie)))
		.await
		.unwrap();
	// The demo preset's three, then ours.
	let ids: Vec<u64> = escrows.iter().map(|e| e.id).skip(3).collect();
	assert_eq!(ids.len(), 3);
	let (first, second, third) = (ids[0], ids[1], ids[2]);

	// Nothing is due yet: a release fails and moves nothing; Eve cannot settle, Two cannot
	// dispute, a refund before the deadline fails.
	let held_before = held(&chain, &id(&ferdie)).await;
	let half = Settlement { seller_share: Perbill(500_000_000) };
	let reason = || BoundedVec(b"late".to_vec());
	let (release, settle) = (tx().payments().release(first), tx().payments().settle(third, half));
	let (dispute, refund) =
		(tx().payments().dispute(third, reason()), tx().payments().refund(second));
	let charlie = dev::charlie();
	let (release, settle, dispute, refund) = tokio::join!(
		chain.err(&release, &one),
		chain.err(&settle, &eve),
		chain.err(&dispute, &two),
		chain.err(&refund, &charlie),
	);
	assert_eq!(release, "Payments::ConditionsNotMet");
	assert_eq!(settle, "Payments::NotArbiter");
	assert_eq!(dispute, "Payments::NotParty");
	assert_eq!(refund, "Payments::DeadlineNotReached");
	assert_eq!(held(&chain, &id(&ferdie)).await, held_before, "wrong parties moved nothing");

	// The certificate is issued to Ferdie: still not all conditions.
	let details = CertificateDetails {
		exporter: id(&eve),
		consignee: id(&ferdie),
		destination: de,
		goods: BoundedVec(vec![GoodsLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			description: hash("green coffee"),
			quantity: 1_000,
			unit: UnitCode(*b"KGM"),
		}]),
		preference: Preference::NonPreferential,
		invoice: BoundedVec(b"INV-0300".to_vec()),
		valid_until: now() + 90 * DAY_MS,
	};
	chain
		.ok(&tx().certificates_of_origin().issue(certificate, details), &dave, "certificate")
		.await;
	assert_eq!(
		chain.err(&tx().payments().release(first), &one).await,
		"Payments::ConditionsNotMet"
	);

	// One (carrier) issues the bill to Ferdie, who surrenders it at delivery: now Eve is paid.
	chain.ok(&tx().documents().issue_transferable(bill, id(&ferdie), None), &one, "bill").await;
	chain.ok(&tx().documents().surrender(bill), &ferdie, "surrender").await;
	let eve_mid = free_balance(&chain.at().await, &id(&eve)).await;
	chain.ok(&tx().payments().release(first), &one, "anyone triggers the release").await;
	let eve_paid = free_balance(&chain.at().await, &id(&eve)).await;
	assert_eq!(eve_paid - eve_mid, 1_000 * UNIT, "Eve received the escrow exactly");

	// The dispute: Ferdie disputes, the arbiter settles 70/30.
	chain.ok(&tx().payments().dispute(third, reason()), &ferdie, "Ferdie disputes").await;
	let settle = tx().payments().settle(third, Settlement { seller_share: Perbill(700_000_000) });
	chain.ok(&settle, &arbiter, "the arbiter settles").await;
	let eve_settled = free_balance(&chain.at().await, &id(&eve)).await;
	assert_eq!(eve_settled - eve_paid, 350 * UNIT);

	// The refund, once the deadline has passed.
	while now() <= refund_at + 6_000 {
		tokio::time::sleep(std::time::Duration::from_secs(2)).await;
	}
	chain.ok(&tx().payments().refund(second), &one, "anyone triggers the refund").await;

	// Ferdie paid 1,000 + 350 and the fees of his own transactions; the held deposits are back.
	let end_block = chain.at().await.block_number();
	let burned = fees(&chain, start_block, end_block).await;
	assert!(burned > 0);
	assert_eq!(issuance(&chain).await, issuance_before - burned, "only fees left the supply");
	let deposits = 3 * deposit_of(&chain).await;
	assert_eq!(held(&chain, &id(&ferdie)).await, held_before - 1_800 * UNIT - deposits);
	let ferdie_after = free_balance(&chain.at().await, &id(&ferdie)).await;
	assert!(ferdie_before - ferdie_after > 1_350 * UNIT, "Ferdie paid 1,350 UNIT and his fees");
	assert!(ferdie_before - ferdie_after < 1_351 * UNIT, "…and nothing else");
	let eve_fee = 1_350 * UNIT - (eve_settled - eve_before);
	assert!(
		eve_fee > 0 && eve_fee < UNIT / 100,
		"Eve got 1,350 UNIT less the fee of her refused call"
	);
}

/// Ferdie's escrow for Eve waits on customs releasing his import and on the container's receipt
/// in Hamburg; the duty goes to Germany's treasury; Eve is paid only after both.
#[tokio::test(flavor = "multi_thread")]
async fn an_escrow_waits_on_customs_release_and_a_receiving_event() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let (bob, eve, ferdie) = (dev::bob(), dev::eve(), dev::ferdie());
	let start_block = chain.at().await.block_number();
	let issuance_before = issuance(&chain).await;
	let hamburg = || Location::UnLocode(UnLocode(*b"DEHAM"));
	let container = b"urn:epc:id:sscc:4012345.0000000777".to_vec();
	let container_ref = H256(tradechain_primitives::document_hash(&container).0);

	// German customs without random selection (deterministic channels here); Eve registers the
	// container and offers its custody to Ferdie.
	let rules = RuleSet {
		rules: BoundedVec(vec![
			RiskRule::Commodity { scope: HsScope::Heading(901), origin: None, points: 10 },
			RiskRule::Aeo {
				kind: tradechain::runtime_types::tradechain_primitives::trade::AeoKind::Security,
				points: -40,
			},
		]),
		yellow_from: 30,
		red_from: 60,
		random_per_mille: 0,
		deferred_payment_for: None,
		mirror_tolerance_bp: 500,
	};
	chain.ok(&tx().customs().set_rules(rules), &bob, "rules").await;
	chain
		.ok(
			&tx().traceability().create_item(Epc(BoundedVec(container.clone())), None),
			&eve,
			"container",
		)
		.await;
	chain.ok(&tx().traceability().offer_custody(container_ref, id(&ferdie)), &eve, "offer").await;

	// Ferdie lodges the import (declaration id from the event) and escrows 2,000 UNIT.
	let declaration = DeclarationDetails {
		procedure: Procedure::Import,
		office: UnLocode(*b"DEHAM"),
		partner: CountryCode(*b"KE"),
		lines: BoundedVec(vec![DeclarationLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			origin: CountryCode(*b"KE"),
			value: 20_000 * UNIT,
			quantity: 8_000,
			unit: UnitCode(*b"KGM"),
		}]),
		invoice_currency: CurrencyCode(*b"EUR"),
		certificate: None,
		consignment: Some(container_ref),
		export_declaration: None,
		documents: BoundedVec(vec![hash("invoice")]),
	};
	let lodged = chain.ok(&tx().customs().lodge(None, declaration), &ferdie, "lodge").await;
	let declaration =
		lodged.find_first::<tradechain::customs::events::Lodged>().unwrap().unwrap().id;
	let conditions = BoundedVec(vec![
		(Condition::DeclarationReleased { declaration }, 0),
		(Condition::ConsignmentReceived { consignment: container_ref, location: hamburg() }, 0),
	]);
	let create = tx().payments().create(
		id(&eve),
		id(&arbiter()),
		2_000 * UNIT,
		conditions,
		false,
		now() + 30 * DAY_MS,
		None,
	);
	let events = chain.ok(&create, &ferdie, "escrow").await;
	let escrow = events.find_first::<tradechain::payments::events::Created>().unwrap().unwrap().id;
	let release = tx().payments().release(escrow);

	// Customs cannot release before the duty is paid; nothing is due to Eve yet either.
	assert_eq!(chain.err(&tx().customs().release(declaration), &bob).await, "Customs::PaymentDue");
	assert_eq!(chain.err(&release, &eve).await, "Payments::ConditionsNotMet");
	let treasury = chain
		.at()
		.await
		.runtime_apis()
		.call(tradechain::runtime_apis().payments_api().treasury_account(CountryCode(*b"DE")))
		.await
		.unwrap();
	let treasury_before = free_balance(&chain.at().await, &treasury).await;
	chain.ok(&tx().customs().pay_duty(declaration), &ferdie, "duty").await;
	assert_eq!(
		free_balance(&chain.at().await, &treasury).await - treasury_before,
		1_500 * UNIT,
		"7.5 % duty"
	);
	chain.ok(&tx().customs().release(declaration), &bob, "customs releases").await;

	// Released, but not yet received: still nothing for Eve.
	assert_eq!(chain.err(&release, &eve).await, "Payments::ConditionsNotMet");

	// Ferdie takes custody and records the receiving event in Hamburg: now Eve is paid.
	chain.ok(&tx().traceability().accept_custody(container_ref), &ferdie, "custody").await;
	let deham = tradechain_primitives::Location::UnLocode("DEHAM".parse().unwrap());
	let receive = tx().traceability().record_event(
		Static(EventKind::Object {
			action: ChainAction::Observe,
			items: vec![container_ref.0.into()],
		}),
		Static(EventContext {
			event_id: tradechain_primitives::document_hash(b"receiving event of container 777"),
			event_time: now(),
			time_zone_offset_minutes: 60,
			biz_step: BizStep::Receiving,
			disposition: Disposition::InProgress,
			read_point: Some(deham),
			biz_location: Some(deham),
			biz_transactions: vec![],
			sensor: None,
		}),
	);
	chain.ok(&receive, &ferdie, "received").await;
	let eve_before = free_balance(&chain.at().await, &id(&eve)).await;
	chain.ok(&release, &dev::one(), "anyone releases").await;
	assert_eq!(free_balance(&chain.at().await, &id(&eve)).await - eve_before, 2_000 * UNIT);

	// Only fees left the supply; the duty moved to the treasury, the escrow to Eve.
	let burned = fees(&chain, start_block, chain.at().await.block_number()).await;
	assert_eq!(issuance(&chain).await, issuance_before - burned);
}

/// The escrow deposit, from the runtime's constants.
async fn deposit_of(chain: &Chain) -> u128 {
	let at = chain.at().await;
	at.constants().entry(tradechain::constants().payments().escrow_deposit()).unwrap()
}
