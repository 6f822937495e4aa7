//! Customs clearance through the real node, with the development preset's demo: Bob is DE
//! customs, Charlie KE customs, Dave a KE origin issuer, Eve a KE exporter (AEO-F), Ferdie a DE
//! importer (AEO-S), Bob//stash a DE importer unknown to customs.
//!
//! Ferdie, certified AEO-F, lodges a preferential import and goes green with the rules that fired
//! listed; the duty is computed at the preferential rate, paid, and only then released; a second
//! declaration with the same certificate pays the MFN rate. The same goods from an unknown
//! declarant with a high-risk origin go red, are inspected and released. An undervalued import
//! naming Eve's export fires the mirror rule. The statistics reflect all of it.

use subxt::utils::{AccountId32, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::{free_balance, Chain},
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_certificates_of_origin::types::{
				CertificateDetails, GoodsLine, OriginCriterion, Preference,
			},
			pallet_customs::types::{
				Channel, ControlKind, DeclarationDetails, DeclarationLine, HsScope, Payment,
				Procedure, RiskRule, RuleSet, Stage,
			},
			tradechain_primitives::{
				codes::{AgreementCode, CountryCode, CurrencyCode, HsCode, UnLocode, UnitCode},
				trade::AeoKind,
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

fn text(s: &str) -> BoundedVec<u8> {
	BoundedVec(s.as_bytes().to_vec())
}

fn coffee(origin: &[u8; 2], value: u128) -> DeclarationLine<u128> {
	DeclarationLine {
		hs_code: HsCode(BoundedVec(b"090111".to_vec())),
		origin: CountryCode(*origin),
		value: value * UNIT,
		quantity: 19_200,
		unit: UnitCode(*b"KGM"),
	}
}

type Details = DeclarationDetails<BoundedVec<DeclarationLine<u128>>, BoundedVec<H256>>;

fn declaration(
	procedure: Procedure,
	office: &[u8; 5],
	partner: &[u8; 2],
	line: DeclarationLine<u128>,
) -> Details {
	DeclarationDetails {
		procedure,
		office: UnLocode(*office),
		partner: CountryCode(*partner),
		lines: BoundedVec(vec![line]),
		invoice_currency: CurrencyCode(*b"EUR"),
		certificate: None,
		consignment: None,
		export_declaration: None,
		documents: BoundedVec(vec![hash("invoice")]),
	}
}

fn import(line: DeclarationLine<u128>) -> Details {
	declaration(Procedure::Import, b"DEHAM", b"KE", line)
}

/// The demo's German rules without random selection, so that channels are deterministic here.
fn rules() -> RuleSet<BoundedVec<RiskRule>> {
	RuleSet {
		rules: BoundedVec(vec![
			RiskRule::Commodity { scope: HsScope::Heading(901), origin: None, points: 10 },
			RiskRule::Commodity {
				scope: HsScope::Chapter(9),
				origin: Some(CountryCode(*b"CO")),
				points: 60,
			},
			RiskRule::UnknownDeclarant { points: 30 },
			RiskRule::Aeo { kind: AeoKind::Security, points: -40 },
			RiskRule::PreferentialCertificate { points: -10 },
			RiskRule::MirrorMismatch { points: 80 },
		]),
		yellow_from: 30,
		red_from: 60,
		random_per_mille: 0,
		deferred_payment_for: None,
		mirror_tolerance_bp: 500,
	}
}

/// Lodges and returns the declaration id from the `Lodged` event.
async fn lodge(chain: &Chain, who: &Keypair, details: Details) -> u64 {
	let events =
		chain.ok(&tradechain::transactions().customs().lodge(None, details), who, "lodge").await;
	events.find_first::<tradechain::customs::events::Lodged>().unwrap().unwrap().id
}

async fn declaration_of(
	chain: &Chain,
	id: u64,
) -> tradechain::runtime_types::pallet_customs::types::Declaration<
	AccountId32,
	u128,
	Details,
	BoundedVec<RiskRule>,
	BoundedVec<tradechain::runtime_types::pallet_customs::types::LineDuty<u128>>,
	BoundedVec<u8>,
> {
	let api = tradechain::runtime_apis().customs_api().declaration(id);
	chain.at().await.runtime_apis().call(api).await.unwrap().expect("declaration exists")
}

#[tokio::test(flavor = "multi_thread")]
async fn declarations_are_assessed_explained_controlled_taxed_and_released() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let (bob, dave, eve, ferdie) = (dev::bob(), dev::dave(), dev::eve(), dev::ferdie());
	let unknown = Keypair::from_uri(&"//Bob//stash".parse().unwrap()).unwrap();
	let statistics = |office: Option<UnLocode>| {
		tradechain::runtime_apis().customs_api().statistics(CountryCode(*b"DE"), office)
	};
	let before =
		chain.at().await.runtime_apis().call(statistics(Some(UnLocode(*b"DEHAM")))).await.unwrap();

	// Setup: DE customs sets its rules (no random selection here) and makes Ferdie an AEO-F;
	// Dave issues Ferdie a preferential certificate; Eve declares an export to Germany.
	chain.ok(&tx().customs().set_rules(rules()), &bob, "rules").await;
	chain
		.ok(&tx().aeo().revoke(id(&ferdie), text("upgraded to AEO-F")), &bob, "revoke AEO-S")
		.await;
	let certify = tx().aeo().certify(
		id(&ferdie),
		AeoKind::Full,
		text("DEAEOF2026100"),
		now(),
		now() + 365 * DAY_MS,
	);
	chain.ok(&certify, &bob, "certify AEO-F").await;
	let certificate = hash("certificate KE-2026-0700");
	let details = CertificateDetails {
		exporter: id(&eve),
		consignee: id(&ferdie),
		destination: CountryCode(*b"DE"),
		goods: BoundedVec(vec![GoodsLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			description: hash("green coffee"),
			quantity: 19_200,
			unit: UnitCode(*b"KGM"),
		}]),
		preference: Preference::Preferential {
			agreement: AgreementCode(BoundedVec(b"EU-KE-EPA".to_vec())),
			criterion: OriginCriterion::WhollyObtained,
		},
		invoice: text("INV-0700"),
		valid_until: now() + 90 * DAY_MS,
	};
	chain
		.ok(&tx().certificates_of_origin().issue(certificate, details), &dave, "certificate")
		.await;
	let export = lodge(
		&chain,
		&eve,
		declaration(Procedure::Export, b"KEMBA", b"DE", coffee(b"KE", 100_000)),
	)
	.await;

	// 1. The AEO-F importer with the preferential certificate goes green, with the reasons.
	let preferential = Details { certificate: Some(certificate), ..import(coffee(b"KE", 48_000)) };
	let green = lodge(&chain, &ferdie, preferential).await;
	let d = declaration_of(&chain, green).await;
	assert!(matches!(d.assessment.channel, Channel::Green));
	assert_eq!(d.assessment.score, 10 - 40 - 10);
	assert_eq!(d.assessment.fired.0.len(), 3, "{:?}", d.assessment.fired.0);
	assert!(d.assessment.fired.0.iter().any(|r| matches!(r, RiskRule::Aeo { .. })));
	assert!(d
		.assessment
		.fired
		.0
		.iter()
		.any(|r| matches!(r, RiskRule::PreferentialCertificate { .. })));
	// Duty at the EPA rate (2 %), not the MFN rate (7.5 %); release waits for payment.
	assert_eq!(d.duty, 960 * UNIT);
	assert!(d.duties.0[0].preferential);
	assert_eq!(chain.err(&tx().customs().release(green), &bob).await, "Customs::PaymentDue");
	let treasury = chain
		.at()
		.await
		.runtime_apis()
		.call(tradechain::runtime_apis().payments_api().treasury_account(CountryCode(*b"DE")))
		.await
		.unwrap();
	let treasury_before = free_balance(&chain.at().await, &treasury).await;
	chain.ok(&tx().customs().pay_duty(green), &ferdie, "Ferdie pays").await;
	assert_eq!(free_balance(&chain.at().await, &treasury).await - treasury_before, 960 * UNIT);
	chain.ok(&tx().customs().release(green), &bob, "Bob releases").await;
	assert!(matches!(declaration_of(&chain, green).await.stage, Stage::Released { .. }));

	// 2. The same certificate again: used, so the MFN rate applies and no preference is claimed.
	let again = Details { certificate: Some(certificate), ..import(coffee(b"KE", 48_000)) };
	let d = declaration_of(&chain, lodge(&chain, &ferdie, again).await).await;
	assert_eq!(d.duty, 3_600 * UNIT);
	assert!(d.agreement.is_none() && !d.duties.0[0].preferential);

	// 3. An unknown declarant, high-risk origin: red; inspected, paid, released.
	let red = lodge(&chain, &unknown, import(coffee(b"CO", 48_000))).await;
	let d = declaration_of(&chain, red).await;
	assert!(matches!(d.assessment.channel, Channel::Red));
	assert_eq!(d.assessment.score, 10 + 60 + 30);
	assert_eq!(chain.err(&tx().customs().pay_duty(red), &ferdie).await, "Customs::NotDeclarant");
	chain.ok(&tx().customs().pay_duty(red), &unknown, "pays").await;
	assert_eq!(chain.err(&tx().customs().release(red), &bob).await, "Customs::ControlRequired");
	let inspect =
		tx().customs().record_control(red, ControlKind::Physical, hash("inspection report"), true);
	assert_eq!(chain.err(&inspect, &dev::charlie()).await, "Customs::OtherCountry");
	chain.ok(&inspect, &bob, "Bob inspects").await;
	chain.ok(&tx().customs().release(red), &bob, "Bob releases").await;
	let d = declaration_of(&chain, red).await;
	assert!(matches!(d.stage, Stage::Released { .. }));
	assert!(matches!(d.payment, Payment::Paid { .. }));

	// 4. The mirror check: an import naming Eve's export at 60 % of its value.
	let undervalued = Details { export_declaration: Some(export), ..import(coffee(b"KE", 60_000)) };
	let d = declaration_of(&chain, lodge(&chain, &unknown, undervalued).await).await;
	let check = d.assessment.mirror.expect("mirror checked");
	assert_eq!((check.value_diff_bp, check.matched), (4_000, false));
	assert!(d.assessment.fired.0.iter().any(|r| matches!(r, RiskRule::MirrorMismatch { .. })));
	assert!(matches!(d.assessment.channel, Channel::Red));

	// 5. The statistics of Hamburg: four more lodged (2 green, 2 red), two more released.
	let after =
		chain.at().await.runtime_apis().call(statistics(Some(UnLocode(*b"DEHAM")))).await.unwrap();
	assert_eq!(after.counters.lodged - before.counters.lodged, 4);
	assert_eq!(after.counters.channels[0] - before.counters.channels[0], 2);
	assert_eq!(after.counters.channels[2] - before.counters.channels[2], 2);
	assert_eq!(after.counters.released - before.counters.released, 2);
	assert_eq!(
		after.counters.duty_collected - before.counters.duty_collected,
		(960 + 3_600) * UNIT
	);
	assert!(after.mean_release_ms.is_some() && after.p90_release_ms.is_some());
	let country = chain.at().await.runtime_apis().call(statistics(None)).await.unwrap();
	assert!(country.counters.lodged >= after.counters.lodged);
}
