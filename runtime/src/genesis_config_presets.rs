//! Genesis presets: `development` (Alice validates alone), `local_testnet` (Alice, Bob,
//! Charlie and Dave validate) and `demo` (the development demo with more administrations, see
//! [`demo_config_genesis`]). All fund the well-known development accounts and seat Alice, Bob
//! and Charlie on the council (Alice to Dave on `local_testnet`), Bob and Charlie on the
//! emergency committee; the development chains (`development`, `demo`) make Alice the sudo key,
//! `local_testnet` has none. A production network builds its genesis from the agencies' own
//! keys instead ([`production_genesis`], from a launch ceremony file).
//!
//! `development` also carries a demo set of agencies and operators (see [`demo_roles`]):
//!
//! | account | role | country |
//! | --- | --- | --- |
//! | Alice | trade ministry (also sudo and validator) | KE |
//! | Bob | customs authority | DE |
//! | Charlie | customs authority | KE |
//! | Dave | origin issuer (chamber of commerce) | KE |
//! | Eve | economic operator `KE0123456789` (exporter) | KE |
//! | Ferdie | economic operator `DE123456789012345` (importer) | DE |
//! | One | carrier | DE |
//! | Two | bank | DE |
//! | Alice//stash | arbiter | DE |
//! | Bob//stash | economic operator `DE000000000000077` (a second importer) | DE |
//!
//! The demo trade (see [`demo_trade`]): Kenya lists the agreement `EU-KE-EPA` with Germany, France
//! and the Netherlands; Dave has issued two certificates of origin for Eve's coffee to Ferdie (one
//! preferential under the EPA, one not; hashes [`DEMO_PREFERENTIAL_CERTIFICATE`] and
//! [`DEMO_CERTIFICATE`], valid to the end of 2027); Charlie has certified Eve as AEO-F and Bob
//! has certified Ferdie as AEO-S (valid to the end of 2028); Kenya and Germany have a mutual
//! recognition agreement in force covering both kinds. Ferdie has three escrows for Eve (arbiter
//! Alice//stash): 5,000 UNIT waiting on customs release of declaration 1 and the preferential
//! certificate; 5,000 UNIT released per condition, of which Two's (the bank's) approval already
//! paid 2,000 and the surrender of a bill of lading will pay 3,000; and 1,000 UNIT disputed by
//! Ferdie.
//!
//! Customs (see [`demo_customs`]): German and Kenyan rule sets and tariff excerpts (coffee 0901,
//! tea 0902, cut flowers 0603), and declarations in every stage: Eve's export from Mombasa
//! (released), Ferdie's preferential coffee import (declaration 1, lodged: the escrow above waits
//! on it), a tea import (released after inspection and payment), one held, one rejected, one
//! withdrawn.
//!
//! Traceability (see [`demo_traceability`]): a cold chain of cut roses from Eve's farm to Ferdie —
//! the lot (2–8 °C) packed on a pallet and loaded into a container at Mombasa; custody passes to
//! One (the carrier), whose sensor report reads 11.2 °C (a breach of the lot's rules) and who
//! ships the container; custody passes to Ferdie, who receives it in Hamburg.
//!
//! Bob and Charlie are also identity registrars (indices 0 and 1), and every demo account has an
//! on-chain identity; the operators' identities are judged `KnownGood` by their customs. These
//! identities live in the preset's extra `identities` section (see [`GenesisIdentities`]), which
//! the runtime's `GenesisBuilder::build_state` applies after the pallets' genesis, since
//! pallet-identity has no genesis configuration of its own.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_certificates_of_origin::{CertificateDetails, GoodsLine, OriginCriterion, Preference};
use tradechain_primitives::{
	document_hash, AeoKind, AgencyKind, CountryCode, DocumentHash, OperatorKind,
};

pub use tradechain_runtime_common::genesis::{
	code, demo_identities, demo_roles, seed_identities, split_identities, with_identities,
	DemoRoles, GenesisIdentities, ENDOWMENT, IDENTITIES_KEY,
};

use crate::{
	opaque::SessionKeys, AccountId, AeoConfig, Balance, BalancesConfig, BlockNumber,
	CertificatesOfOriginConfig, CouncilMembershipConfig, CustomsConfig, EmergencyMembershipConfig,
	PaymentsConfig, RolesConfig, RuntimeGenesisConfig, SessionConfig, SudoConfig,
	TraceabilityConfig, ValidatorSetConfig, MINUTES, UNIT,
};

/// The hash of the demo's preferential certificate of origin (the BLAKE2-256 of its stand-in
/// document text `demo certificate of origin KE-2026-0001`).
pub const DEMO_PREFERENTIAL_CERTIFICATE: &str = "demo certificate of origin KE-2026-0001";
/// The stand-in document text of the demo's non-preferential certificate.
pub const DEMO_CERTIFICATE: &str = "demo certificate of origin KE-2026-0002";
/// 2027-12-31T23:59:59Z in milliseconds.
const END_OF_2027: u64 = 1_830_297_599_000;
/// 2028-12-31T23:59:59Z in milliseconds.
const END_OF_2028: u64 = 1_861_919_999_000;

/// The demo hash of a stand-in document text.
pub fn demo_hash(text: &str) -> DocumentHash {
	document_hash(text.as_bytes())
}

/// The demo's agreements, certificates of origin, AEOs and MRA (see the module docs).
pub fn demo_trade() -> (CertificatesOfOriginConfig, AeoConfig) {
	use Sr25519Keyring::*;
	let coffee = GoodsLine {
		hs_code: code("090111"),
		description: demo_hash("green coffee beans, not roasted, not decaffeinated, AA grade"),
		quantity: 19_200,
		unit: code("KGM"),
	};
	let details = |preference, invoice: &str| CertificateDetails {
		exporter: Eve.to_account_id(),
		consignee: Ferdie.to_account_id(),
		destination: code("DE"),
		goods: vec![coffee.clone()].try_into().expect("one line is within the bound"),
		preference,
		invoice: invoice.as_bytes().to_vec().try_into().expect("short reference"),
		valid_until: END_OF_2027,
	};
	let epa = Preference::Preferential {
		agreement: code("EU-KE-EPA"),
		criterion: OriginCriterion::WhollyObtained,
	};
	(
		CertificatesOfOriginConfig {
			agreements: vec![(
				code("KE"),
				code("EU-KE-EPA"),
				vec![code("DE"), code("FR"), code("NL")],
			)],
			certificates: vec![
				(
					demo_hash(DEMO_PREFERENTIAL_CERTIFICATE),
					Dave.to_account_id(),
					details(epa, "INV-2026-0001"),
				),
				(
					demo_hash(DEMO_CERTIFICATE),
					Dave.to_account_id(),
					details(Preference::NonPreferential, "INV-2026-0002"),
				),
			],
		},
		AeoConfig {
			certificates: vec![
				(
					Eve.to_account_id(),
					Charlie.to_account_id(),
					AeoKind::Full,
					b"KEAEOF2026001".to_vec(),
					END_OF_2028,
				),
				(
					Ferdie.to_account_id(),
					Bob.to_account_id(),
					AeoKind::Security,
					b"DEAEOS2026001".to_vec(),
					END_OF_2028,
				),
			],
			mras: vec![(code("KE"), code("DE"), AeoKind::Full)],
		},
	)
}

/// The demo lot of cut roses: chilled at 2–8 °C.
pub const DEMO_LOT: &str = "urn:epc:class:lgtin:0614141.107346.ROSES-2611";
/// The demo pallet (SSCC) the lot is packed on.
pub const DEMO_PALLET: &str = "urn:epc:id:sscc:0614141.1000000017";
/// The demo container (SSCC) the pallet is loaded into.
pub const DEMO_CONTAINER: &str = "urn:epc:id:sscc:0614141.1000000024";
/// Eve's farm and pack house in Naivasha (GLN).
pub const DEMO_FARM_GLN: &str = "0614141000012";

/// The EPCIS event hash IDs (`ni:///sha-256;…?ver=CBV2.0`, the SHA-256 digests) of the demo's
/// events, in order: commissioning, packing, loading, sensor report (the breach), shipping,
/// receiving. Computed by `tradechain-epcis` from the events as the chain exports them; the
/// runtime's tests recompute them.
pub const DEMO_EVENT_IDS: [[u8; 32]; 6] = [
	hex32("449e7409e4ff075ba81c32eeb8611c54a662fd60a9f4cd02af67b12571e4b3c8"),
	hex32("8a916d4bfe3f81aa92dca2548123ffd2567b2ec6942d4f096d5b04a6c8bce3e2"),
	hex32("b14d691c64caecfd0d2cfe245f79be812c08c2dc2a71ff50a5bf66c29c3ccda5"),
	hex32("897f827d575f122e02bfe8b07183c188618847ca25d00d6519cf107342571aa5"),
	hex32("3436a001817e6df59fd5a521d30c9f753ed308a51682b24fd7dddbb460a3a8ed"),
	hex32("de9c2d92939757f0380300097b01fe773c0248151218aaf0e70a1a3a4b2051ad"),
];

/// 64 hex digits as 32 bytes, at compile time (a malformed constant does not compile).
const fn hex32(text: &str) -> [u8; 32] {
	const fn nibble(c: u8) -> u8 {
		match c {
			b'0'..=b'9' => c - b'0',
			b'a'..=b'f' => c - b'a' + 10,
			_ => panic!("not a lowercase hex digit"),
		}
	}
	let bytes = text.as_bytes();
	assert!(bytes.len() == 64, "not 64 hex digits");
	let mut out = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		out[i] = nibble(bytes[2 * i]) << 4 | nibble(bytes[2 * i + 1]);
		i += 1;
	}
	out
}

/// 2026-11-20T06:00:00Z, when the demo lot was harvested.
const HARVEST: u64 = 1_795_586_400_000;
const HOUR: u64 = 3_600_000;

/// The demo's traceability (see the module docs): Eve commissions a lot of roses (2–8 °C) at her
/// farm, packs it on a pallet and loads the pallet into a container at Mombasa; custody of the
/// three passes to One (the carrier), whose sensor report at sea reads 11.2 °C (a breach of the
/// lot's rules) and who ships the container; custody passes to Ferdie, who receives the
/// container in Hamburg.
pub fn demo_traceability() -> TraceabilityConfig {
	use pallet_traceability::{
		Action, BizStep, ConditionRules, Disposition, Epc, EventContext, EventKind, GenesisStep,
		SensorKind, SensorSummary,
	};
	use tradechain_primitives::Location;
	use Sr25519Keyring::*;
	let epc = |s: &str| Epc::parse(s.as_bytes()).expect("a valid EPC");
	let key = |s: &str| epc(s).item_ref();
	let (lot, pallet, container) = (key(DEMO_LOT), key(DEMO_PALLET), key(DEMO_CONTAINER));
	let farm = Location::Gln(DEMO_FARM_GLN.parse().expect("a valid GLN"));
	let mombasa = Location::UnLocode("KEMBA".parse().expect("a valid UN/LOCODE"));
	let hamburg = Location::UnLocode("DEHAM".parse().expect("a valid UN/LOCODE"));
	let context =
		|n: usize, hours: u64, offset: i16, biz_step, disposition, place: &Location| EventContext {
			event_id: DEMO_EVENT_IDS[n].into(),
			event_time: HARVEST + hours * HOUR,
			time_zone_offset_minutes: offset,
			biz_step,
			disposition,
			read_point: Some(*place),
			biz_location: Some(*place),
			biz_transactions: vec![],
			sensor: None,
		};
	let record = |by: Sr25519Keyring, kind, context| GenesisStep::RecordEvent {
		by: by.to_account_id(),
		kind,
		context,
	};
	let hand_over = |from: Sr25519Keyring, to: Sr25519Keyring| {
		[lot, pallet, container].into_iter().flat_map(move |item| {
			[
				GenesisStep::OfferCustody {
					by: from.to_account_id(),
					item,
					to: to.to_account_id(),
				},
				GenesisStep::AcceptCustody { by: to.to_account_id(), item },
			]
		})
	};
	let rules = ConditionRules {
		temperature: Some((2_000, 8_000)),
		humidity: None,
		expires_at: Some(HARVEST + 21 * 24 * HOUR),
	};
	let mut report = context(3, 60, 0, BizStep::SensorReporting, Disposition::InTransit, &mombasa);
	(report.read_point, report.biz_location) = (None, None);
	report.sensor = Some(SensorSummary {
		kind: SensorKind::Temperature,
		min: 3_100,
		max: 11_200,
		mean: 6_400,
		unit: "CEL".parse().expect("a valid unit"),
	});
	let mut steps = vec![
		GenesisStep::CreateItem {
			by: Eve.to_account_id(),
			epc: epc(DEMO_LOT),
			conditions: Some(rules),
		},
		GenesisStep::CreateItem {
			by: Eve.to_account_id(),
			epc: epc(DEMO_PALLET),
			conditions: None,
		},
		GenesisStep::CreateItem {
			by: Eve.to_account_id(),
			epc: epc(DEMO_CONTAINER),
			conditions: None,
		},
		record(
			Eve,
			EventKind::Object { action: Action::Add, items: vec![lot] },
			context(0, 0, 180, BizStep::Commissioning, Disposition::Active, &farm),
		),
		record(
			Eve,
			EventKind::Aggregation { action: Action::Add, parent: pallet, children: vec![lot] },
			context(1, 4, 180, BizStep::Packing, Disposition::InProgress, &farm),
		),
		record(
			Eve,
			EventKind::Aggregation {
				action: Action::Add,
				parent: container,
				children: vec![pallet],
			},
			context(2, 30, 180, BizStep::Loading, Disposition::InProgress, &mombasa),
		),
	];
	steps.extend(hand_over(Eve, One));
	steps.push(record(
		One,
		EventKind::Object { action: Action::Observe, items: vec![lot] },
		report,
	));
	steps.push(record(
		One,
		EventKind::Object { action: Action::Observe, items: vec![container] },
		context(4, 36, 180, BizStep::Shipping, Disposition::InTransit, &mombasa),
	));
	steps.extend(hand_over(One, Ferdie));
	steps.push(record(
		Ferdie,
		EventKind::Object { action: Action::Observe, items: vec![container] },
		context(5, 20 * 24, 60, BizStep::Receiving, Disposition::InProgress, &hamburg),
	));
	TraceabilityConfig { steps }
}

/// The demo's escrows (see the module docs).
pub fn demo_escrows() -> PaymentsConfig {
	use pallet_payments::{Condition, GenesisEscrow};
	use Sr25519Keyring::*;
	let escrow = |amount: u128, conditions, partial| GenesisEscrow {
		buyer: Ferdie.to_account_id(),
		seller: Eve.to_account_id(),
		arbiter: AliceStash.to_account_id(),
		amount: amount * UNIT,
		conditions,
		partial,
		deadline: END_OF_2027,
		approved_by: vec![],
		release: false,
		disputed_by: None,
	};
	PaymentsConfig {
		escrows: vec![
			escrow(
				5_000,
				vec![
					(Condition::DeclarationReleased { declaration: 1 }, 0),
					(
						Condition::CertificateValid {
							certificate: demo_hash(DEMO_PREFERENTIAL_CERTIFICATE),
							destination: code("DE"),
						},
						0,
					),
				],
				false,
			),
			GenesisEscrow {
				approved_by: vec![Two.to_account_id()],
				release: true,
				..escrow(
					5_000,
					vec![
						(Condition::ApprovedBy { party: Two.to_account_id() }, 2_000 * UNIT),
						(
							Condition::BillOfLadingSurrendered {
								bill: demo_hash("demo bill of lading"),
							},
							3_000 * UNIT,
						),
					],
					true,
				)
			},
			GenesisEscrow {
				disputed_by: Some((Ferdie.to_account_id(), b"quality below contract".to_vec())),
				..escrow(
					1_000,
					vec![(Condition::ApprovedBy { party: Two.to_account_id() }, 0)],
					false,
				)
			},
		],
	}
}

/// The demo's customs rules, tariffs and declarations (see the module docs).
pub fn demo_customs() -> CustomsConfig {
	use pallet_customs::{
		DeclarationDetails, DeclarationLine, GenesisOutcome, HsScope, Procedure, RiskRule, RuleSet,
	};
	use Sr25519Keyring::*;
	let line = |hs: &str, origin: &str, value: u128, kg: u64| DeclarationLine {
		hs_code: code(hs),
		origin: code(origin),
		value: value * UNIT,
		quantity: kg,
		unit: code("KGM"),
	};
	let declaration = |procedure,
	                   office: &str,
	                   partner: &str,
	                   lines: Vec<DeclarationLine<u128>>| {
		DeclarationDetails {
			procedure,
			office: code(office),
			partner: code(partner),
			lines: lines.try_into().expect("few lines"),
			invoice_currency: code("EUR"),
			certificate: None,
			consignment: None,
			export_declaration: None,
			documents: vec![demo_hash("demo commercial invoice")].try_into().expect("one document"),
		}
	};
	let import = |lines| declaration(Procedure::Import, "DEHAM", "KE", lines);
	let rules = |deferred| RuleSet {
		rules: vec![
			RiskRule::Commodity { scope: HsScope::Heading(901), origin: None, points: 10 },
			RiskRule::Commodity {
				scope: HsScope::Chapter(9),
				origin: Some(code("CO")),
				points: 60,
			},
			RiskRule::Commodity { scope: HsScope::Chapter(6), origin: None, points: 35 },
			RiskRule::UnknownDeclarant { points: 30 },
			RiskRule::Aeo { kind: AeoKind::Security, points: -40 },
			RiskRule::PreferentialCertificate { points: -10 },
			RiskRule::ValueAbove { value: 1_000_000 * UNIT, points: 20 },
			RiskRule::MirrorMismatch { points: 80 },
		],
		yellow_from: 30,
		red_from: 60,
		random_per_mille: 20,
		deferred_payment_for: deferred,
		mirror_tolerance_bp: 500,
	};
	let preferential = DeclarationDetails {
		certificate: Some(demo_hash(DEMO_PREFERENTIAL_CERTIFICATE)),
		..import(vec![line("090111", "KE", 48_000, 19_200)])
	};
	let reason = |r: &str| r.as_bytes().to_vec();
	CustomsConfig {
		rule_sets: vec![(code("DE"), rules(None)), (code("KE"), rules(Some(AeoKind::Full)))],
		tariffs: vec![
			// Coffee: 7.5 % MFN, 2 % under the EU-KE EPA (demo rates).
			(code("DE"), 901, 750, 0, vec![(code("EU-KE-EPA"), 200)]),
			// Tea: 3.2 %, free under the EPA.
			(code("DE"), 902, 320, 0, vec![(code("EU-KE-EPA"), 0)]),
			// Cut flowers: 8.5 % plus 0.01 UNIT per kg.
			(code("DE"), 603, 850, UNIT / 100, vec![(code("EU-KE-EPA"), 0)]),
			(code("KE"), 901, 2_500, 0, vec![]),
		],
		declarations: vec![
			(
				Eve.to_account_id(),
				declaration(
					Procedure::Export,
					"KEMBA",
					"DE",
					vec![line("090111", "KE", 48_000, 19_200)],
				),
				GenesisOutcome::Released { officer: Charlie.to_account_id() },
			),
			(Ferdie.to_account_id(), preferential, GenesisOutcome::Lodged),
			(
				Ferdie.to_account_id(),
				import(vec![line("090230", "KE", 12_000, 5_000)]),
				GenesisOutcome::Released { officer: Bob.to_account_id() },
			),
			(
				BobStash.to_account_id(),
				import(vec![line("060311", "KE", 9_000, 3_000)]),
				GenesisOutcome::Held {
					officer: Bob.to_account_id(),
					reason: reason("phytosanitary certificate missing"),
				},
			),
			(
				BobStash.to_account_id(),
				import(vec![line("090111", "CO", 30_000, 12_000)]),
				GenesisOutcome::Rejected {
					officer: Bob.to_account_id(),
					reason: reason("declared origin not supported by documents"),
				},
			),
			(
				BobStash.to_account_id(),
				import(vec![line("090210", "KE", 2_000, 800)]),
				GenesisOutcome::Withdrawn,
			),
		],
	}
}

/// The governance of a test network: its council and emergency committee, and the length of its
/// sessions in blocks.
pub struct TestGovernance {
	pub council: Vec<AccountId>,
	pub emergency: Vec<AccountId>,
	pub session_length: BlockNumber,
}

/// Development and test networks: Alice (Kenya's trade ministry), Bob (German customs) and
/// Charlie (Kenyan customs) sit on the council; the two customs authorities form the emergency
/// committee; sessions last a minute, so that validator changes are quick to see.
fn test_governance() -> TestGovernance {
	use Sr25519Keyring::*;
	TestGovernance {
		council: vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		emergency: vec![Bob.to_account_id(), Charlie.to_account_id()],
		session_length: MINUTES,
	}
}

/// The genesis of a network with these validators (account, Aura key, GRANDPA key), funded
/// accounts, sudo key, governance, roles and trade records.
pub fn testnet_genesis(
	validators: Vec<(AccountId, AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: Option<AccountId>,
	governance: TestGovernance,
	(agencies, operators): DemoRoles,
	(certificates_of_origin, aeo): (CertificatesOfOriginConfig, AeoConfig),
	payments: PaymentsConfig,
	customs: CustomsConfig,
	traceability: TraceabilityConfig,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.0.clone()).collect::<Vec<_>>(),
			session_length: governance.session_length,
		},
		session: SessionConfig { keys: session_keys(&validators) },
		council_membership: CouncilMembershipConfig {
			members: governance.council.try_into().expect("at most 64 council members"),
		},
		emergency_membership: EmergencyMembershipConfig {
			members: governance.emergency.try_into().expect("at most 32 committee members"),
		},
		sudo: SudoConfig { key: root },
		roles: RolesConfig { agencies, operators },
		certificates_of_origin: CertificatesOfOriginConfig {
			agreements: certificates_of_origin.agreements,
			certificates: certificates_of_origin.certificates,
		},
		aeo: AeoConfig { certificates: aeo.certificates, mras: aeo.mras },
		payments: PaymentsConfig { escrows: payments.escrows },
		customs: CustomsConfig {
			rule_sets: customs.rule_sets,
			tariffs: customs.tariffs,
			declarations: customs.declarations,
		},
		traceability: TraceabilityConfig { steps: traceability.steps },
	})
}

/// A production network's genesis, as the node builds it from a launch ceremony file
/// (`tradechain-node build-spec --chain <file>.ceremony.json`): the members' own keys, no sudo
/// key, no development accounts, no demo records.
pub struct ProductionGenesis {
	/// Validators: account, Aura key, GRANDPA key.
	pub validators: Vec<(AccountId, AuraId, GrandpaId)>,
	/// Council members (one per member administration).
	pub council: Vec<AccountId>,
	/// The emergency committee (customs authorities).
	pub emergency: Vec<AccountId>,
	/// Agencies appointed at genesis.
	pub agencies: Vec<(AccountId, AgencyKind, CountryCode)>,
	/// Initial balances.
	pub endowments: Vec<(AccountId, Balance)>,
	/// The members' on-chain identities (and customs authorities as registrars).
	pub identities: GenesisIdentities,
	/// Blocks per session.
	pub session_length: BlockNumber,
}

/// The genesis patch of a production network (see [`ProductionGenesis`]); sudo's key is
/// explicitly empty, so no account can ever call `Sudo::sudo`.
pub fn production_genesis(g: ProductionGenesis) -> Value {
	let patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: g.endowments },
		validator_set: ValidatorSetConfig {
			validators: g.validators.iter().map(|v| v.0.clone()).collect::<Vec<_>>(),
			session_length: g.session_length,
		},
		session: SessionConfig { keys: session_keys(&g.validators) },
		council_membership: CouncilMembershipConfig {
			members: g.council.try_into().expect("the node checks the council's size"),
		},
		emergency_membership: EmergencyMembershipConfig {
			members: g.emergency.try_into().expect("the node checks the committee's size"),
		},
		sudo: SudoConfig { key: None },
		roles: RolesConfig { agencies: g.agencies },
	});
	with_identities(patch, g.identities)
}

/// pallet-session's genesis keys of these validators (each is its own controller).
fn session_keys(
	validators: &[(AccountId, AuraId, GrandpaId)],
) -> Vec<(AccountId, AccountId, SessionKeys)> {
	validators
		.iter()
		.map(|(who, aura, grandpa)| {
			(who.clone(), who.clone(), SessionKeys { aura: aura.clone(), grandpa: grandpa.clone() })
		})
		.collect()
}

/// A well-known development account with its Aura and GRANDPA keys.
fn authority_keys(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AccountId, AuraId, GrandpaId) {
	(sr.to_account_id(), sr.public().into(), ed.public().into())
}

/// `development`: Alice authors and finalizes alone.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		test_governance(),
		demo_roles(),
		demo_trade(),
		demo_escrows(),
		demo_customs(),
		demo_traceability(),
	)
}

/// `local_testnet`: four validators, so that one can be down and finality goes on; their four
/// administrations sit on the council.
pub fn local_config_genesis() -> Value {
	let local_council =
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.iter()
			.map(|k| k.to_account_id())
			.collect();
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority_keys(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		// Governed by its council from genesis, as a production network: no sudo key.
		None,
		TestGovernance { council: local_council, ..test_governance() },
		(Vec::new(), Vec::new()),
		(CertificatesOfOriginConfig::default(), AeoConfig::default()),
		PaymentsConfig::default(),
		CustomsConfig::default(),
		TraceabilityConfig::default(),
	)
}

/// The id of the `demo` preset.
pub const DEMO_RUNTIME_PRESET: &str = "demo";

/// `demo`: the development preset's demo (Kenya and Germany; Alice authors and finalizes alone)
/// with two more administrations, so that a newcomer sees a network of several countries: the
/// Netherlands (customs Charlie//stash, the Port of Rotterdam Dave//stash, a flower importer
/// Eve//stash certified AEO-F by Dutch customs) and France (customs Ferdie//stash); mutual
/// recognition agreements KE–DE and KE–NL; Dutch risk rules and a Dutch tariff excerpt.
pub fn demo_config_genesis() -> Value {
	use Sr25519Keyring::*;
	let (mut agencies, mut operators) = demo_roles();
	agencies.extend([
		(CharlieStash.to_account_id(), AgencyKind::CustomsAuthority, code("NL")),
		(DaveStash.to_account_id(), AgencyKind::PortAuthority, code("NL")),
		(FerdieStash.to_account_id(), AgencyKind::CustomsAuthority, code("FR")),
	]);
	operators.push((
		EveStash.to_account_id(),
		OperatorKind::EconomicOperator,
		code("NL"),
		Some(code("NL812345678B01")),
	));
	let (origin, mut aeo) = demo_trade();
	aeo.certificates.push((
		EveStash.to_account_id(),
		CharlieStash.to_account_id(),
		AeoKind::Full,
		b"NLAEOF2026001".to_vec(),
		END_OF_2028,
	));
	aeo.mras.push((code("KE"), code("NL"), AeoKind::Full));
	let mut customs = demo_customs();
	let german = |c: &CountryCode| *c == code::<CountryCode>("DE");
	let dutch_rules = customs.rule_sets.iter().find(|(c, _)| german(c)).map(|(_, r)| r.clone());
	customs.rule_sets.extend(dutch_rules.map(|r| (code("NL"), r)));
	let dutch_tariffs: Vec<_> = customs
		.tariffs
		.iter()
		.filter(|t| german(&t.0))
		.map(|t| (code("NL"), t.1, t.2, t.3, t.4.clone()))
		.collect();
	customs.tariffs.extend(dutch_tariffs);
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::iter().map(|k| k.to_account_id()).collect(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		test_governance(),
		(agencies, operators),
		(origin, aeo),
		demo_escrows(),
		customs,
		demo_traceability(),
	)
}

/// The identities of the `demo` preset: the development ones, the Dutch and French
/// administrations, and the Dutch importer judged by Dutch customs (registrar 2).
fn demo_network_identities() -> GenesisIdentities {
	use Sr25519Keyring::*;
	let mut seed = demo_identities();
	seed.registrars.push(CharlieStash.to_account_id());
	seed.identities.extend([
		(CharlieStash.to_account_id(), "Douane Nederland".into(), None),
		(DaveStash.to_account_id(), "Port of Rotterdam Authority".into(), None),
		(FerdieStash.to_account_id(), "Douane France".into(), None),
		(EveStash.to_account_id(), "Aalsmeer Flower Import BV".into(), Some(2)),
	]);
	seed
}

/// The JSON of the preset with this id, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => {
			with_identities(development_config_genesis(), demo_identities())
		}
		DEMO_RUNTIME_PRESET => with_identities(demo_config_genesis(), demo_network_identities()),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(DEMO_RUNTIME_PRESET),
	]
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Runtime;
	use frame_support::genesis_builder_helper::build_state;

	/// Applies a preset patch onto the default config, as the node's chain-spec builder does.
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (k, v) in patch {
					merge(base.entry(k).or_insert(Value::Null), v);
				}
			}
			(base, patch) => *base = patch,
		}
	}

	/// The genesis state of preset `id`, as a node builds it.
	fn preset_state(id: &str) -> sp_io::TestExternalities {
		let patch: Value =
			serde_json::from_slice(&get_preset(&PresetId::from(id)).expect("listed presets exist"))
				.expect("presets are JSON");
		let mut json = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
		merge(&mut json, patch);
		let json = serde_json::to_vec(&json).expect("serializes");
		let mut ext = sp_io::TestExternalities::default();
		ext.execute_with(|| {
			let (json, identities) = split_identities(json).expect("identities section is valid");
			build_state::<RuntimeGenesisConfig>(json).expect("preset applies");
			seed_identities::<Runtime, _>(identities).expect("identities apply");
		});
		ext
	}

	/// What try-runtime checks before a runtime upgrade, on every preset's genesis: the
	/// migrations of `Migrations` with their `pre_upgrade`/`post_upgrade` checks, then every
	/// pallet's `try_state` invariants. Run with `--features try-runtime`.
	#[cfg(feature = "try-runtime")]
	#[test]
	fn migrations_and_invariants_hold_on_every_preset() {
		use frame_support::traits::{TryState, TryStateSelect};
		for id in preset_names() {
			let id: &str = id.as_ref();
			preset_state(id).execute_with(|| {
				frame_system::Pallet::<Runtime>::set_block_number(1);
				crate::Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::All)
					.unwrap_or_else(|e| panic!("{id}: migrations fail: {e:?}"));
				crate::AllPalletsWithSystem::try_state(1, TryStateSelect::All)
					.unwrap_or_else(|e| panic!("{id}: invariants fail: {e:?}"));
			});
		}
	}

	#[test]
	fn every_preset_builds_a_genesis_state() {
		for (id, authorities) in [("development", 1), ("local_testnet", 4), ("demo", 1)] {
			let has_demo = id != "local_testnet";
			preset_state(id).execute_with(|| {
				assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), authorities);
				assert_eq!(
					pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(),
					authorities
				);
				let alice = Sr25519Keyring::Alice.to_account_id();
				assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&alice), ENDOWMENT);
				let sudo = (id != "local_testnet").then_some(alice);
				assert_eq!(pallet_sudo::Key::<Runtime>::get(), sudo, "only development chains");
				// The validators come through pallet-session; the council from its membership.
				assert_eq!(pallet_session::Validators::<Runtime>::get().len(), authorities);
				assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), authorities);
				let council = pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
				assert_eq!(council.len(), if id == "local_testnet" { 4 } else { 3 });
				assert_eq!(
					pallet_collective::Members::<Runtime, pallet_collective::Instance2>::get().len(),
					2
				);
				let demo = pallet_roles::Roles::<Runtime>::iter().count();
				assert_eq!(demo, match id { "development" => 10, "demo" => 14, _ => 0 });
				if id == "demo" {
					// The Dutch importer's AEO-F, certified by Dutch customs, is recognised in
					// Kenya under the KE–NL MRA; the Dutch tariff has the EPA rate for coffee.
					let importer = Sr25519Keyring::EveStash.to_account_id();
					let seen_from_ke = <crate::Aeo as tradechain_primitives::AeoStatusProvider<_>>::recognised_kind(&importer, code("KE"));
					assert_eq!(seen_from_ke, Some(AeoKind::Full));
					assert!(pallet_customs::RuleSets::<Runtime>::contains_key(code::<CountryCode>("NL")));
				}
				// Genesis runs at time zero; look at the demo from 2026-11-25.
				pallet_timestamp::Now::<Runtime>::put(1_795_000_000_000);
				let status =
					crate::CertificatesOfOrigin::certificate_status(demo_hash(DEMO_CERTIFICATE));
				assert_eq!(status.is_valid(), has_demo, "{status:?}");
				// The preferential one was used by the demo import (declaration 1).
				let used = crate::CertificatesOfOrigin::certificate_status(demo_hash(
					DEMO_PREFERENTIAL_CERTIFICATE,
				));
				assert_eq!(
					matches!(used, pallet_certificates_of_origin::CertificateStatus::Used { .. }),
					has_demo
				);
				let eve = Sr25519Keyring::Eve.to_account_id();
				let seen_from_de = <crate::Aeo as tradechain_primitives::AeoStatusProvider<_>>::recognised_kind(&eve, code("DE"));
				assert_eq!(seen_from_de, (has_demo).then_some(AeoKind::Full));
				crate::CertificatesOfOrigin::do_try_state().expect("certificate invariants");
				crate::Aeo::do_try_state().expect("AEO invariants");
				let ferdie = Sr25519Keyring::Ferdie.to_account_id();
				let escrows = crate::Payments::escrows_of(&ferdie);
				assert_eq!(escrows.len(), if has_demo { 3 } else { 0 });
				assert_eq!(
					escrows.iter().map(|e| (e.released, e.disputed)).collect::<Vec<_>>(),
					if has_demo {
						vec![(0, false), (2_000 * UNIT, false), (0, true)]
					} else {
						vec![]
					}
				);
				crate::Payments::do_try_state().expect("payment invariants");
				crate::Customs::do_try_state().expect("customs invariants");
				let stages: Vec<_> = pallet_customs::Declarations::<Runtime>::iter()
					.map(|(id, d)| (id, core::mem::discriminant(&d.stage)))
					.collect();
				assert_eq!(stages.len(), if has_demo { 6 } else { 0 });
				if has_demo {
					use pallet_customs::Stage;
					let d = |i| pallet_customs::Declarations::<Runtime>::get(i).unwrap();
					assert!(matches!(d(0).stage, Stage::Released { .. }));
					assert_eq!(d(1).stage, Stage::Lodged);
					assert_eq!(d(1).agreement, Some(code("EU-KE-EPA")), "the EPA rate applies");
					assert!(matches!(d(2).stage, Stage::Released { .. }));
					assert!(matches!(d(3).stage, Stage::Held { .. }));
					assert!(matches!(d(4).stage, Stage::Rejected { .. }));
					assert_eq!(d(5).stage, Stage::Withdrawn);
				}
				assert_ne!(
					crate::Payments::treasury_account(code("DE")),
					crate::Payments::treasury_account(code("KE"))
				);
				// The roses: the container is Ferdie's and was received in Hamburg; the lot broke
				// its temperature range once.
				let item = |epc: &str| {
					let key = pallet_traceability::Epc::parse(epc.as_bytes()).unwrap().item_ref();
					crate::Traceability::item(key).map(|i| (i.custodian, i.breaches, i.events))
				};
				let ferdie = Sr25519Keyring::Ferdie.to_account_id();
				let hamburg = tradechain_primitives::Location::UnLocode("DEHAM".parse().unwrap());
				let container = pallet_traceability::Epc::parse(DEMO_CONTAINER.as_bytes()).unwrap();
				if has_demo {
					assert_eq!(item(DEMO_LOT), Some((ferdie.clone(), 1, 3)));
					assert_eq!(item(DEMO_CONTAINER), Some((ferdie.clone(), 0, 3)));
					assert!(<crate::Traceability as tradechain_primitives::ConsignmentReceipts>::received_at(&container.item_ref(), &hamburg));
				} else {
					assert_eq!(item(DEMO_LOT), None);
				}
				crate::Traceability::do_try_state().expect("traceability invariants");
				let judged = <tradechain_runtime_common::trade::IdentityJudgement<Runtime> as tradechain_primitives::IdentityVerifier<_>>::has_positive_judgement(&ferdie);
				assert_eq!(judged, has_demo, "demo operators have judged identities");
			});
		}
		assert_eq!(preset_names().len(), 3);
	}

	#[test]
	fn a_malformed_identities_section_is_a_clear_error() {
		let config =
			br#"{"identities": {"registrars": [], "identities": [], "extra": 1}}"#.to_vec();
		let err = split_identities(config).err().expect("unknown field is rejected");
		assert!(err.contains("invalid `identities` genesis section"), "{err}");
		let long = serde_json::json!({"identities": {"registrars": [], "identities": [[
			Sr25519Keyring::Eve.to_account_id(), "x".repeat(33), null]]}});
		let (_, seed) = split_identities(serde_json::to_vec(&long).unwrap()).unwrap();
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(
				seed_identities::<Runtime, _>(seed),
				Err("a display name is at most 32 bytes".into())
			);
		});
	}

	/// The demo's event ids are the EPCIS hash IDs of its events as the chain exports them.
	#[test]
	fn demo_event_ids_are_epcis_hash_ids() {
		use pallet_traceability::GenesisStep;
		let steps = demo_traceability().steps;
		let epcs: Vec<String> = steps
			.iter()
			.filter_map(|s| match s {
				GenesisStep::CreateItem { epc, .. } => {
					Some(String::from_utf8(epc.as_bytes().to_vec()).unwrap())
				}
				_ => None,
			})
			.collect();
		let epc_of = |r: &tradechain_primitives::ItemRef| {
			epcs.iter()
				.find(|e| pallet_traceability::Epc::parse(e.as_bytes()).unwrap().item_ref() == *r)
				.cloned()
		};
		let computed: Vec<[u8; 32]> = steps
			.iter()
			.filter_map(|s| match s {
				GenesisStep::RecordEvent { kind, context, .. } => {
					let event = tradechain_epcis::chain::from_chain(kind, context, epc_of)
						.expect("the demo events export");
					Some(tradechain_epcis::event_hash_digest(&event))
				}
				_ => None,
			})
			.collect();
		let hex = |b: &[u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
		assert_eq!(
			computed.iter().map(hex).collect::<Vec<_>>(),
			DEMO_EVENT_IDS.iter().map(hex).collect::<Vec<_>>()
		);
	}

	#[test]
	fn unknown_preset_is_none() {
		assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
	}
}
