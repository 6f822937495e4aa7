//! One shipment across every trade pallet, through the real node, with the development preset's
//! agencies and operators: Eve (KE exporter, AEO-F) sells 19.2 t of green coffee to Ferdie (DE
//! importer, AEO-S); Dave is the KE origin issuer, Charlie KE customs, Bob DE customs, One the
//! carrier.
//!
//! Roles and judged identities are in place (read back); Dave issues a preferential certificate
//! of origin; One issues a bill of lading to Eve, who endorses it to Ferdie; the coffee is traced
//! (lot packed into a container, custody Eve → One → Ferdie, a temperature reading at sea);
//! Eve's export declaration in Kenya is released; Ferdie's import declaration in Germany passes
//! the mirror check against it and is assessed at the EPA's preferential rate; Ferdie escrows the
//! price for Eve on customs release and receipt in Hamburg, pays the duty into Germany's
//! treasury; customs releases, Ferdie receives the container, and the escrow pays Eve. Afterwards
//! the certificate is used, the bill surrendered, and Hamburg's statistics count the import.

use subxt::utils::{AccountId32, Static, H256};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_epcis::{
	chain::to_chain, gln_uri, locode_uri, Action, Event, EventType, SensorReport,
};
use tradechain_integration_tests::{
	chain::{free_balance, Chain},
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_certificates_of_origin::types::{
				CertificateDetails, CertificateStatus, GoodsLine, OriginCriterion, Preference,
			},
			pallet_customs::types::{
				Channel, DeclarationDetails, DeclarationLine, Procedure, RiskRule, RuleSet, Stage,
			},
			pallet_payments::types::Condition,
			pallet_traceability::{
				pallet::Call as TraceCall,
				types::{ConditionRules, Epc},
			},
			tradechain_primitives::{
				codes::{AgreementCode, CountryCode, CurrencyCode, HsCode, UnLocode, UnitCode},
				payments::Location,
				trade::AeoKind,
			},
			tradechain_runtime::RuntimeCall,
		},
	},
	Node,
};

const UNIT: u128 = 1_000_000_000_000;
const DAY_MS: u64 = 86_400_000;
const LOT: &str = "urn:epc:class:lgtin:0614141.107346.COFFEE-2611";
const CONTAINER: &str = "urn:epc:id:sscc:0614141.3000000011";

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

fn hash(text: &str) -> H256 {
	H256(tradechain_primitives::document_hash(text.as_bytes()).0)
}

fn key(epc: &str) -> H256 {
	hash(epc)
}

fn now() -> u64 {
	let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
	since.as_millis() as u64
}

fn text(s: &str) -> BoundedVec<u8> {
	BoundedVec(s.as_bytes().to_vec())
}

fn country(c: &[u8; 2]) -> CountryCode {
	CountryCode(*c)
}

type Details = DeclarationDetails<BoundedVec<DeclarationLine<u128>>, BoundedVec<H256>>;

/// 19.2 t of Kenyan green coffee worth 48,000 UNIT, declared at `office`.
fn declaration(procedure: Procedure, office: &[u8; 5], partner: &[u8; 2]) -> Details {
	DeclarationDetails {
		procedure,
		office: UnLocode(*office),
		partner: country(partner),
		lines: BoundedVec(vec![DeclarationLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			origin: country(b"KE"),
			value: 48_000 * UNIT,
			quantity: 19_200,
			unit: UnitCode(*b"KGM"),
		}]),
		invoice_currency: CurrencyCode(*b"EUR"),
		certificate: None,
		consignment: Some(key(CONTAINER)),
		export_declaration: None,
		documents: BoundedVec(vec![hash("invoice INV-0900")]),
	}
}

/// A deterministic rule set (no random selection): AEOs and preferential certificates lower the
/// score, a mirror mismatch raises it.
fn rules() -> RuleSet<BoundedVec<RiskRule>> {
	RuleSet {
		rules: BoundedVec(vec![
			RiskRule::UnknownDeclarant { points: 30 },
			RiskRule::Aeo { kind: AeoKind::Simplifications, points: -20 },
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

fn trace(e: &Event) -> RuntimeCall {
	let (kind, context) = to_chain(e).expect("recordable");
	RuntimeCall::Traceability(TraceCall::record_event {
		kind: Static(kind),
		context: Static(context),
	})
}

fn event(event_type: EventType, hours: u64, step: &str, disposition: &str, place: String) -> Event {
	Event {
		event_type,
		action: Some(Action::Observe),
		event_time_millis: (now() - 30 * DAY_MS + hours * 3_600_000) as i64,
		time_zone_offset_minutes: 180,
		biz_step: Some(step.into()),
		disposition: Some(disposition.into()),
		read_point: Some(place.clone()),
		biz_location: Some(place),
		..Default::default()
	}
}

/// Custody of the lot and the container offered to `to`, or (`None`) accepted.
fn custody(to: Option<&Keypair>) -> Vec<RuntimeCall> {
	[LOT, CONTAINER]
		.map(|epc| {
			RuntimeCall::Traceability(match to {
				Some(to) => TraceCall::offer_custody { item: key(epc), to: id(to) },
				None => TraceCall::accept_custody { item: key(epc) },
			})
		})
		.into()
}

/// `who` lodges `details` together with `also` (one signer's calls go in one batch); returns the
/// declaration id from the `Lodged` event.
async fn lodged(chain: &Chain, details: Details, also: RuntimeCall, who: &Keypair) -> u64 {
	let lodge =
		RuntimeCall::Customs(tradechain::runtime_types::pallet_customs::pallet::Call::lodge {
			on_behalf_of: None,
			details,
		});
	let batch = tradechain::transactions().utility().batch_all(vec![lodge, also]);
	let events = chain.ok(&batch, who, "lodge").await;
	events.find_first::<tradechain::customs::events::Lodged>().unwrap().unwrap().id
}

fn documents(call: tradechain::runtime_types::pallet_documents::pallet::Call) -> RuntimeCall {
	RuntimeCall::Documents(call)
}

#[tokio::test(flavor = "multi_thread")]
async fn one_shipment_from_kenya_to_germany_across_every_pallet() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let tx = tradechain::transactions;
	let api = tradechain::runtime_apis;
	let (eve, ferdie, dave, bob, charlie, one) =
		(dev::eve(), dev::ferdie(), dev::dave(), dev::bob(), dev::charlie(), dev::one());
	macro_rules! call {
		($payload:expr) => {
			chain.at().await.runtime_apis().call($payload).await.unwrap()
		};
	}

	// The parties hold their roles, and the operators' identities are judged.
	assert_eq!(call!(api().roles_api().roles_of(id(&eve))).len(), 1);
	assert_eq!(call!(api().roles_api().roles_of(id(&ferdie))).len(), 1);
	let statistics = |office| api().customs_api().statistics(country(b"DE"), office);
	let before = call!(statistics(Some(UnLocode(*b"DEHAM"))));
	let treasury = call!(api().payments_api().treasury_account(country(b"DE")));
	let treasury_before = free_balance(&chain.at().await, &treasury).await;

	// 1. Dave issues the certificate; One issues the bill of lading to Eve; Eve registers and
	//    loads the coffee and offers the container to One; both customs set deterministic rules.
	let (certificate, bill) = (hash("certificate KE-2026-0900"), hash("B/L MSKU0900001"));
	let details = CertificateDetails {
		exporter: id(&eve),
		consignee: id(&ferdie),
		destination: country(b"DE"),
		goods: BoundedVec(vec![GoodsLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			description: hash("green coffee, washed arabica"),
			quantity: 19_200,
			unit: UnitCode(*b"KGM"),
		}]),
		preference: Preference::Preferential {
			agreement: AgreementCode(BoundedVec(b"EU-KE-EPA".to_vec())),
			criterion: OriginCriterion::WhollyObtained,
		},
		invoice: text("INV-0900"),
		valid_until: now() + 90 * DAY_MS,
	};
	let farm = gln_uri("0614141000012");
	let commission = Event {
		action: Some(Action::Add),
		quantity_list: vec![tradechain_epcis::QuantityElement {
			epc_class: LOT.into(),
			quantity: None,
			uom: None,
		}],
		..event(EventType::Object, 0, "commissioning", "active", farm)
	};
	let load = Event {
		action: Some(Action::Add),
		parent_id: Some(CONTAINER.into()),
		child_quantity_list: commission.quantity_list.clone(),
		..event(EventType::Aggregation, 48, "loading", "in_progress", locode_uri("KEMBA"))
	};
	let create = |epc: &str, conditions| {
		RuntimeCall::Traceability(TraceCall::create_item {
			epc: Epc(BoundedVec(epc.as_bytes().to_vec())),
			conditions,
		})
	};
	let cool =
		ConditionRules { temperature: Some((10_000, 25_000)), humidity: None, expires_at: None };
	let mut goods =
		vec![create(LOT, Some(cool)), create(CONTAINER, None), trace(&commission), trace(&load)];
	goods.extend(custody(Some(&one)));
	let goods = tx().utility().batch_all(goods);
	let issue = tx().certificates_of_origin().issue(certificate, details);
	let issue_bill = tx().documents().issue_transferable(bill, id(&eve), None);
	let set_rules = tx().customs().set_rules(rules());
	let (issued, billed, traced, de_rules, ke_rules) = tokio::join!(
		chain.submit(&issue, &dave),
		chain.submit(&issue_bill, &one),
		chain.submit(&goods, &eve),
		chain.submit(&set_rules, &bob),
		chain.submit(&set_rules, &charlie),
	);
	for (what, result) in [
		("certificate", issued),
		("bill", billed),
		("goods", traced),
		("DE rules", de_rules),
		("KE rules", ke_rules),
	] {
		result.unwrap_or_else(|e| panic!("{what}: {e}"));
	}

	// 2. Eve lodges the export in Mombasa (green: an AEO) and endorses the bill to Ferdie; One
	//    takes the container, ships it and reads 18.5 °C at sea.
	let shipping = Event {
		epc_list: vec![CONTAINER.into()],
		quantity_list: commission.quantity_list.clone(),
		sensor_reports: vec![SensorReport {
			kind: "Temperature".into(),
			min: Some(14.0),
			max: Some(18.5),
			mean: Some(16.25),
			uom: Some("CEL".into()),
		}],
		..event(EventType::Object, 60, "shipping", "in_transit", locode_uri("KEMBA"))
	};
	let mut carry = custody(None);
	carry.push(trace(&shipping));
	carry.extend(custody(Some(&ferdie)));
	let carry = tx().utility().batch_all(carry);
	use tradechain::runtime_types::pallet_documents::pallet::Call as DocCall;
	let endorse = documents(DocCall::endorse { hash: bill, to: id(&ferdie) });
	let (export, carried) = tokio::join!(
		lodged(&chain, declaration(Procedure::Export, b"KEMBA", b"DE"), endorse, &eve),
		chain.submit(&carry, &one),
	);
	carried.expect("One carries the container");
	let item = call!(api().traceability_api().item(key(LOT))).expect("traced");
	assert_eq!((item.breaches, item.events), (0, 3), "18.5 °C is within 10–25 °C");

	// 3. Charlie releases the export; Ferdie lodges the import with the certificate, naming the
	//    export (mirror check), and accepts the bill.
	let import = DeclarationDetails {
		certificate: Some(certificate),
		export_declaration: Some(export),
		..declaration(Procedure::Import, b"DEHAM", b"KE")
	};
	let release_export = tx().customs().release(export);
	let accept = documents(DocCall::accept_endorsement { hash: bill });
	let (released, import) = tokio::join!(
		chain.submit(&release_export, &charlie),
		lodged(&chain, import, accept, &ferdie),
	);
	released.expect("KE customs releases the export");
	let d = call!(api().customs_api().declaration(import)).expect("lodged");
	assert!(matches!(d.assessment.channel, Channel::Green), "{:?}", d.assessment);
	let mirror = d.assessment.mirror.expect("mirror checked against the export");
	assert!(mirror.matched, "{mirror:?}");
	assert_eq!(d.duty, 960 * UNIT, "the EPA rate, 2 %, not the MFN 7.5 %");
	assert!(d.duties.0[0].preferential);

	// 4. Ferdie escrows the price for Eve until customs releases the import and the container is
	//    received in Hamburg, and pays the duty into Germany's treasury.
	let arbiter = Keypair::from_uri(&"//Alice//stash".parse().unwrap()).unwrap();
	let escrow = tx().payments().create(
		id(&eve),
		id(&arbiter),
		40_000 * UNIT,
		BoundedVec(vec![
			(Condition::DeclarationReleased { declaration: import }, 0),
			(
				Condition::ConsignmentReceived {
					consignment: key(CONTAINER),
					location: Location::UnLocode(UnLocode(*b"DEHAM")),
				},
				0,
			),
		]),
		false,
		now() + 60 * DAY_MS,
		Some(hash("sales contract SC-0900")),
	);
	let escrowed = chain.ok(&escrow, &ferdie, "Ferdie escrows the price").await;
	let escrow_id =
		escrowed.find_first::<tradechain::payments::events::Created>().unwrap().unwrap().id;
	chain.ok(&tx().customs().pay_duty(import), &ferdie, "Ferdie pays the duty").await;
	assert_eq!(free_balance(&chain.at().await, &treasury).await - treasury_before, 960 * UNIT);

	// 5. Bob releases the import; the escrow still waits for the container.
	chain.ok(&tx().customs().release(import), &bob, "DE customs releases").await;
	let release = tx().payments().release(escrow_id);
	assert_eq!(chain.err(&release, &one).await, "Payments::ConditionsNotMet");

	// 6. Ferdie takes the container and receives it in Hamburg, and surrenders the bill; now
	//    anyone releases the escrow and Eve is paid.
	let receive = Event {
		epc_list: vec![CONTAINER.into()],
		time_zone_offset_minutes: 60,
		..event(EventType::Object, 20 * 24, "receiving", "in_progress", locode_uri("DEHAM"))
	};
	let mut arrive = custody(None);
	arrive.push(trace(&receive));
	arrive.push(documents(DocCall::surrender { hash: bill }));
	let arrive = tx().utility().batch_all(arrive);
	chain.ok(&arrive, &ferdie, "Ferdie receives the container and surrenders the bill").await;
	let eve_before = free_balance(&chain.at().await, &id(&eve)).await;
	chain.ok(&release, &one, "anyone releases").await;
	assert_eq!(free_balance(&chain.at().await, &id(&eve)).await - eve_before, 40_000 * UNIT);

	// Afterwards: the certificate is used, the bill surrendered, Hamburg counts the import.
	let status = call!(api().certificates_api().certificate_status(certificate));
	assert!(matches!(status, CertificateStatus::Used { .. }), "{status:?}");
	let d = call!(api().customs_api().declaration(import)).expect("lodged");
	assert!(matches!(d.stage, Stage::Released { .. }));
	let after = call!(statistics(Some(UnLocode(*b"DEHAM"))));
	assert_eq!(after.counters.lodged - before.counters.lodged, 1);
	assert_eq!(after.counters.released - before.counters.released, 1);
	assert_eq!(after.counters.duty_collected - before.counters.duty_collected, 960 * UNIT);
	let container = call!(api().traceability_api().item(key(CONTAINER))).expect("traced");
	assert_eq!((container.custodian, container.receipts.len()), (id(&ferdie), 1));

	// The node's trade metrics count the finalized trade (the demo's genesis records are not
	// events): both declarations, the certificate, the traced events; the demo's three escrows
	// are open, this trade's is closed.
	let best = node.best_number().await.expect("best block");
	node.wait_finalized(best, std::time::Duration::from_secs(60)).await;
	let metric = |text: &str, name: &str| Node::metric(text, name);
	let text = node.metrics().await;
	assert!(metric(&text, "tradechain_declarations_lodged_total") >= 2.0, "{text}");
	assert!(text.contains("tradechain_declarations_lodged_total{channel=\""), "{text}");
	assert!(metric(&text, "tradechain_declarations_released_total") >= 1.0);
	assert!(metric(&text, "tradechain_certificates_issued_total") >= 1.0);
	assert!(metric(&text, "tradechain_epcis_events_total") >= 2.0);
	assert_eq!(metric(&text, "tradechain_escrows_open"), 3.0);
	// The allocator's gauges (node/src/memory.rs): a live heap of some MiB, within what the
	// allocator holds.
	let allocated = metric(&text, "tradechain_memory_allocated_bytes");
	let resident = metric(&text, "tradechain_memory_resident_bytes");
	assert!(allocated > 1e6 && allocated <= resident, "{allocated} of {resident}: {text}");
}
