//! Unit tests: the risk engine's explainable outcomes, channels, random selection, mirror
//! checks, duties and payment, statistics, and every error path with `assert_noop!`.

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_runtime::{DispatchError, TokenError};
use tradechain_primitives::{document_hash, AeoKind, DeclarationId, DeclarationStatus};

use crate::{mock::*, *};

type E = Error<Test>;

fn epa() -> tradechain_primitives::AgreementCode {
	"EU-KE-EPA".parse().unwrap()
}

fn coffee_from(origin: &str, value: u64) -> DeclarationLine<u64> {
	DeclarationLine {
		hs_code: "090111".parse().unwrap(),
		origin: origin.parse().unwrap(),
		value,
		quantity: 19_200,
		unit: "KGM".parse().unwrap(),
	}
}

fn import(lines: Vec<DeclarationLine<u64>>) -> DetailsOf<Test> {
	DeclarationDetails {
		procedure: Procedure::Import,
		office: "DEHAM".parse().unwrap(),
		partner: ke(),
		lines: lines.try_into().unwrap(),
		invoice_currency: "EUR".parse().unwrap(),
		certificate: None,
		consignment: None,
		export_declaration: None,
		documents: vec![document_hash(b"invoice")].try_into().unwrap(),
	}
}

fn export(value: u64) -> DetailsOf<Test> {
	DeclarationDetails {
		procedure: Procedure::Export,
		office: "KEMBA".parse().unwrap(),
		partner: de(),
		..import(vec![coffee_from("KE", value)])
	}
}

fn rules() -> RuleSetOf<Test> {
	RuleSet {
		rules: vec![
			RiskRule::Commodity { scope: HsScope::Heading(901), origin: None, points: 10 },
			RiskRule::Commodity {
				scope: HsScope::Chapter(9),
				origin: Some("CO".parse().unwrap()),
				points: 60,
			},
			RiskRule::UnknownDeclarant { points: 30 },
			RiskRule::Aeo { kind: AeoKind::Security, points: -40 },
			RiskRule::PreferentialCertificate { points: -10 },
			RiskRule::ValueAbove { value: 500_000, points: 20 },
			RiskRule::MirrorMismatch { points: 80 },
		]
		.try_into()
		.unwrap(),
		yellow_from: 30,
		red_from: 60,
		random_per_mille: 0,
		deferred_payment_for: Some(AeoKind::Full),
		mirror_tolerance_bp: 500,
	}
}

/// DE customs sets the rules and the coffee tariff (7.5 %, 0 % under the EPA).
fn setup() {
	assert_ok!(Customs::set_rules(signed(CUSTOMS_DE), rules()));
	let line =
		TariffLine { mfn_bp: 750, per_unit: 0, preferential: vec![(epa(), 0)].try_into().unwrap() };
	assert_ok!(Customs::set_tariff(signed(CUSTOMS_DE), 901, Some(line)));
}

fn lodge(who: u64, details: DetailsOf<Test>) -> DeclarationId {
	let id = Customs::next_declaration_id();
	assert_ok!(Customs::lodge(signed(who), None, details));
	id
}

fn decl(id: DeclarationId) -> DeclarationOf<Test> {
	Declarations::<Test>::get(id).unwrap()
}

fn with_certificate(details: DetailsOf<Test>, consignee: u64) -> DetailsOf<Test> {
	let hash = document_hash(b"certificate");
	Certificates::mutate(|c| c.push((hash, consignee, de(), ke(), Some(epa()), false)));
	DetailsOf::<Test> { certificate: Some(hash), ..details }
}

mod engine {
	use super::*;

	#[test]
	fn an_aeo_with_a_preferential_certificate_goes_green_with_reasons() {
		build_and_execute(|| {
			setup();
			let details = with_certificate(import(vec![coffee_from("KE", 100_000)]), AEO_IMPORTER);
			let id = lodge(AEO_IMPORTER, details);
			let d = decl(id);
			assert_eq!(d.assessment.channel, Channel::Green);
			assert_eq!(d.assessment.score, 10 + 30 - 40 - 10);
			assert_eq!(
				d.assessment.fired.to_vec(),
				vec![
					RiskRule::Commodity { scope: HsScope::Heading(901), origin: None, points: 10 },
					RiskRule::UnknownDeclarant { points: 30 },
					RiskRule::Aeo { kind: AeoKind::Security, points: -40 },
					RiskRule::PreferentialCertificate { points: -10 },
				]
			);
			assert!(events().iter().any(|e| matches!(e,
				RuntimeEvent::Customs(Event::Lodged { id: i, channel: Channel::Green, fired, .. })
					if *i == id && fired.len() == 4)));
			// Preferential rate: no duty; the certificate is used.
			assert_eq!((d.duty, d.payment, d.agreement), (0, Payment::NotDue, Some(epa())));
			assert!(d.duties[0].preferential);
			assert!(Certificates::get()[0].5);
			assert_ok!(Customs::release(signed(CUSTOMS_DE), id));
			assert!(Customs::is_released(id));
		});
	}

	#[test]
	fn a_high_risk_origin_from_an_unknown_declarant_goes_red() {
		build_and_execute(|| {
			setup();
			let id = lodge(IMPORTER, import(vec![coffee_from("CO", 100_000)]));
			let d = decl(id);
			assert_eq!((d.assessment.score, d.assessment.channel), (10 + 60 + 30, Channel::Red));
			// MFN duty: 7.5 % of 100,000.
			assert_eq!((d.duty, d.payment), (7_500, Payment::Due));
			assert_noop!(Customs::release(signed(CUSTOMS_DE), id), E::ControlRequired);
			let report = document_hash(b"inspection report");
			assert_ok!(Customs::record_control(
				signed(CUSTOMS_DE),
				id,
				ControlKind::Documentary,
				report,
				true
			));
			assert_noop!(Customs::release(signed(CUSTOMS_DE), id), E::ControlRequired);
			assert_ok!(Customs::record_control(
				signed(CUSTOMS_DE),
				id,
				ControlKind::Physical,
				report,
				true
			));
			assert_noop!(Customs::release(signed(CUSTOMS_DE), id), E::PaymentDue);
			assert_ok!(Customs::pay_duty(signed(IMPORTER), id));
			assert_eq!(Balances::balance(&TREASURY), ENDOWMENT + 7_500);
			assert_noop!(Customs::pay_duty(signed(IMPORTER), id), E::NothingDue);
			Timestamp::set_timestamp(START + 2 * HOUR);
			assert_ok!(Customs::release(signed(CUSTOMS_DE), id));
			assert_eq!(KnownDeclarants::<Test>::get(de(), IMPORTER), 1);
			// Known now: the same goods score 30 less.
			let again = lodge(IMPORTER, import(vec![coffee_from("CO", 100_000)]));
			assert_eq!(decl(again).assessment.score, 70);
		});
	}

	#[test]
	fn a_yellow_declaration_needs_a_satisfactory_check() {
		build_and_execute(|| {
			setup();
			let id = lodge(IMPORTER, import(vec![coffee_from("KE", 100_000)]));
			assert_eq!(decl(id).assessment.channel, Channel::Yellow);
			let report = document_hash(b"check");
			assert_ok!(Customs::record_control(
				signed(CUSTOMS_DE),
				id,
				ControlKind::Documentary,
				report,
				false
			));
			assert_ok!(Customs::pay_duty(signed(IMPORTER), id));
			assert_noop!(Customs::release(signed(CUSTOMS_DE), id), E::ControlRequired);
			assert_ok!(Customs::hold(signed(CUSTOMS_DE), id, text("missing licence")));
			assert_ok!(Customs::record_control(
				signed(CUSTOMS_DE),
				id,
				ControlKind::Documentary,
				report,
				true
			));
			assert_ok!(Customs::release(signed(CUSTOMS_DE), id));
		});
	}

	#[test]
	fn without_rules_everything_is_green() {
		build_and_execute(|| {
			let id = lodge(IMPORTER, import(vec![coffee_from("CO", 100_000)]));
			let d = decl(id);
			assert_eq!((d.assessment.score, d.assessment.channel, d.duty), (0, Channel::Green, 0));
			assert!(d.assessment.fired.is_empty());
		});
	}

	#[test]
	fn random_selection_is_drawn_in_the_next_block() {
		build_and_execute(|| {
			let mut set = rules();
			set.random_per_mille = 1000;
			assert_ok!(Customs::set_rules(signed(CUSTOMS_DE), set));
			let id = lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]));
			assert_eq!(decl(id).assessment.selection, Selection::Pending);
			assert_noop!(Customs::release(signed(CUSTOMS_DE), id), E::SelectionPending);
			next_block();
			let d = decl(id);
			assert_eq!(
				(d.assessment.selection, d.assessment.channel),
				(Selection::Selected, Channel::Red)
			);
			assert_eq!(Customs::statistics(de(), None).counters.channels, [0, 0, 1]);
			// At a rate of zero nothing is pending.
			assert_ok!(Customs::set_rules(signed(CUSTOMS_DE), rules()));
			let other = lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]));
			assert_eq!(decl(other).assessment.selection, Selection::NotSelected);
		});
	}

	#[test]
	fn the_draw_depends_on_the_block_hash_and_the_id() {
		build_and_execute(|| {
			let mut set = rules();
			set.random_per_mille = 500;
			assert_ok!(Customs::set_rules(signed(CUSTOMS_DE), set));
			let mut selected = 0;
			for round in 0..20u8 {
				let id = lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]));
				frame_system::Pallet::<Test>::set_parent_hash([round; 32].into());
				next_block();
				if decl(id).assessment.selection == Selection::Selected {
					selected += 1;
				}
			}
			// Half on average: neither never nor always.
			assert!((3..=17).contains(&selected), "{selected} of 20 selected");
		});
	}

	#[test]
	fn too_many_lodgings_in_one_block_wait_for_the_next() {
		build_and_execute(|| {
			let mut set = rules();
			set.random_per_mille = 10;
			assert_ok!(Customs::set_rules(signed(CUSTOMS_DE), set));
			for _ in 0..MAX_LODGINGS {
				lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]));
			}
			assert_noop!(
				Customs::lodge(signed(AEO_IMPORTER), None, import(vec![coffee_from("KE", 10)])),
				E::TooManyLodgings
			);
			next_block();
			lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]));
		});
	}
}

mod migration {
	use super::*;
	use crate::migrations::{v1::Lodging, MigrateToV1};
	use crate::{NextDeclarationId, PendingDraws};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn the_v1_migration_splits_lodging_and_the_upgrade_block_draws_every_pending_declaration() {
		build_and_execute(|| {
			let mut set = rules();
			set.random_per_mille = 1000;
			assert_ok!(Customs::set_rules(signed(CUSTOMS_DE), set));
			// Version 0 after a block that lodged more declarations than today's bound.
			let ids: Vec<_> = (0..MAX_LODGINGS + 2)
				.map(|_| {
					PendingDraws::<Test>::kill();
					lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]))
				})
				.collect();
			let next = NextDeclarationId::<Test>::take();
			PendingDraws::<Test>::kill();
			Lodging::<Test>::put((next, ids.clone()));
			StorageVersion::new(0).put::<Customs>();

			MigrateToV1::<Test>::on_runtime_upgrade();
			assert!(!Lodging::<Test>::exists());
			assert_eq!(Customs::on_chain_storage_version(), StorageVersion::new(1));
			assert_eq!(Customs::next_declaration_id(), next);
			next_block();
			for id in &ids {
				assert_eq!(decl(*id).assessment.selection, Selection::Selected);
			}
			// New declarations take the next ids; a second run changes nothing.
			let id = lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 10)]));
			assert_eq!(id, next);
			assert_eq!(PendingDraws::<Test>::get().into_inner(), vec![next]);
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Customs::next_declaration_id(), next + 1);
			assert_eq!(PendingDraws::<Test>::get().into_inner(), vec![next]);
		});
	}

	#[test]
	fn a_chain_started_at_version_1_skips_the_migration() {
		build_and_execute(|| {
			// As a genesis of this code leaves it (the mock's genesis sets no pallet versions).
			StorageVersion::new(1).put::<Customs>();
			let id = lodge(IMPORTER, import(vec![coffee_from("CO", 100)]));
			Lodging::<Test>::put((0, vec![id]));
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert!(Lodging::<Test>::exists(), "not touched at version 1");
			assert_eq!(Customs::next_declaration_id(), id + 1);
			Lodging::<Test>::kill();
		});
	}
}

mod mirror {
	use super::*;

	#[test]
	fn an_undervalued_import_fires_the_mirror_rule() {
		build_and_execute(|| {
			setup();
			let exp = lodge(EXPORTER, export(100_000));
			let mut details = import(vec![coffee_from("KE", 60_000)]);
			details.export_declaration = Some(exp);
			let id = lodge(AEO_IMPORTER, details);
			let d = decl(id);
			let check = d.assessment.mirror.unwrap();
			assert_eq!((check.export, check.value_diff_bp, check.matched), (exp, 4_000, false));
			assert!(d.assessment.fired.contains(&RiskRule::MirrorMismatch { points: 80 }));
			assert_eq!(d.assessment.channel, Channel::Red);
			assert_eq!(MirrorOf::<Test>::get(exp), Some(id));
			// A second import cannot name the same export.
			let mut again = import(vec![coffee_from("KE", 100_000)]);
			again.export_declaration = Some(exp);
			assert_noop!(Customs::lodge(signed(IMPORTER), None, again), E::ExportAlreadyLinked);
		});
	}

	#[test]
	fn a_matching_import_does_not_fire_it() {
		build_and_execute(|| {
			setup();
			let exp = lodge(EXPORTER, export(100_000));
			let mut details = import(vec![coffee_from("KE", 97_000)]);
			details.export_declaration = Some(exp);
			let d = decl(lodge(AEO_IMPORTER, details));
			assert!(d.assessment.mirror.unwrap().matched);
			assert!(!d.assessment.fired.contains(&RiskRule::MirrorMismatch { points: 80 }));
		});
	}

	#[test]
	fn mirror_errors() {
		build_and_execute(|| {
			setup();
			let exp = lodge(EXPORTER, export(100_000));
			let mut not_import = export(1);
			not_import.export_declaration = Some(exp);
			assert_noop!(Customs::lodge(signed(EXPORTER), None, not_import), E::NotImport);
			let mut unknown = import(vec![coffee_from("KE", 1)]);
			unknown.export_declaration = Some(99);
			assert_noop!(
				Customs::lodge(signed(IMPORTER), None, unknown),
				E::InvalidExportDeclaration
			);
			let imp = lodge(IMPORTER, import(vec![coffee_from("KE", 1)]));
			let mut wrong_kind = import(vec![coffee_from("KE", 1)]);
			wrong_kind.export_declaration = Some(imp);
			assert_noop!(
				Customs::lodge(signed(IMPORTER), None, wrong_kind),
				E::InvalidExportDeclaration
			);
		});
	}
}

mod duties {
	use super::*;

	#[test]
	fn a_second_declaration_with_the_same_certificate_pays_the_mfn_rate() {
		build_and_execute(|| {
			setup();
			let details = with_certificate(import(vec![coffee_from("KE", 100_000)]), IMPORTER);
			let first = lodge(IMPORTER, details.clone());
			assert_eq!((decl(first).duty, decl(first).agreement), (0, Some(epa())));
			let second = lodge(IMPORTER, details);
			let d = decl(second);
			assert_eq!((d.duty, d.agreement), (7_500, None));
			assert!(!d.duties[0].preferential);
			assert!(!d
				.assessment
				.fired
				.contains(&RiskRule::PreferentialCertificate { points: -10 }));
		});
	}

	#[test]
	fn preferential_rates_apply_only_to_lines_of_the_certified_origin() {
		build_and_execute(|| {
			setup();
			let lines = vec![coffee_from("KE", 100_000), coffee_from("CO", 40_000)];
			let d = decl(lodge(IMPORTER, with_certificate(import(lines), IMPORTER)));
			assert_eq!(
				d.duties.iter().map(|l| (l.preferential, l.amount)).collect::<Vec<_>>(),
				vec![(true, 0), (false, 3_000)]
			);
			assert_eq!(d.duty, 3_000);
		});
	}

	#[test]
	fn specific_duties_and_duty_free_headings() {
		build_and_execute(|| {
			let line = TariffLine { mfn_bp: 100, per_unit: 2, preferential: Default::default() };
			assert_ok!(Customs::set_tariff(signed(CUSTOMS_DE), 901, Some(line)));
			let mut tea = coffee_from("KE", 50_000);
			tea.hs_code = "090210".parse().unwrap();
			let d = decl(lodge(IMPORTER, import(vec![coffee_from("KE", 100_000), tea])));
			// 1 % of 100,000 plus 2 per kg of 19,200 kg; tea has no tariff line.
			assert_eq!(d.duties[0].amount, 1_000 + 38_400);
			assert_eq!(d.duties[1].amount, 0);
			assert_ok!(Customs::set_tariff(signed(CUSTOMS_DE), 901, None));
			assert!(Tariffs::<Test>::get(de(), 901).is_none());
		});
	}

	#[test]
	fn an_aeo_defers_its_duty_at_release() {
		build_and_execute(|| {
			setup();
			let id = lodge(AEO_IMPORTER, import(vec![coffee_from("KE", 100_000)]));
			assert_eq!(decl(id).payment, Payment::Due);
			assert_ok!(Customs::release(signed(CUSTOMS_DE), id));
			assert_eq!(decl(id).payment, Payment::Deferred);
			assert_eq!(Deferred::get(), vec![(AEO_IMPORTER, de(), id, 7_500)]);
			assert!(events().contains(&RuntimeEvent::Customs(Event::Released {
				id,
				officer: CUSTOMS_DE,
				deferred: true,
				after_ms: 0
			})));
		});
	}

	#[test]
	fn a_declarant_without_funds_cannot_pay() {
		build_and_execute(|| {
			setup();
			assert_ok!(Customs::authorize_broker(signed(POOR), BROKER, true));
			let id = Customs::next_declaration_id();
			assert_ok!(Customs::lodge(
				signed(BROKER),
				Some(POOR),
				import(vec![coffee_from("KE", 100_000)])
			));
			assert_eq!(decl(id).declarant, POOR);
			assert_noop!(
				Customs::pay_duty(signed(POOR), id),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			// The broker may pay for its client.
			assert_ok!(Customs::pay_duty(signed(BROKER), id));
		});
	}
}

mod lifecycle {
	use super::*;

	#[test]
	fn brokers_lodge_only_when_authorised() {
		build_and_execute(|| {
			let details = import(vec![coffee_from("KE", 1_000)]);
			assert_noop!(
				Customs::lodge(signed(BROKER), Some(IMPORTER), details.clone()),
				E::NotAuthorizedBroker
			);
			assert_ok!(Customs::authorize_broker(signed(IMPORTER), BROKER, true));
			assert_ok!(Customs::lodge(signed(BROKER), Some(IMPORTER), details.clone()));
			assert_ok!(Customs::authorize_broker(signed(IMPORTER), BROKER, false));
			assert_noop!(
				Customs::lodge(signed(BROKER), Some(IMPORTER), details),
				E::NotAuthorizedBroker
			);
			assert_noop!(Customs::authorize_broker(signed(OUTSIDER), BROKER, true), E::NotOperator);
		});
	}

	#[test]
	fn amendment_reassesses_before_any_control() {
		build_and_execute(|| {
			setup();
			let id = lodge(IMPORTER, import(vec![coffee_from("KE", 100_000)]));
			assert_eq!(decl(id).assessment.channel, Channel::Yellow);
			assert_ok!(Customs::amend(
				signed(IMPORTER),
				id,
				import(vec![coffee_from("CO", 100_000)])
			));
			assert_eq!(decl(id).assessment.channel, Channel::Red);
			assert_eq!(Customs::statistics(de(), None).counters.channels, [0, 0, 1]);
			let mut moved = import(vec![coffee_from("KE", 1)]);
			moved.office = "DEBRV".parse().unwrap();
			assert_noop!(Customs::amend(signed(IMPORTER), id, moved), E::CannotChange);
			assert_noop!(Customs::amend(signed(IMPORTER), id, import(vec![])), E::NoLines);
			assert_noop!(
				Customs::amend(signed(EXPORTER), id, import(vec![coffee_from("KE", 1)])),
				E::NotDeclarant
			);
			assert_noop!(
				Customs::amend(signed(IMPORTER), 99, import(vec![coffee_from("KE", 1)])),
				E::DeclarationNotFound
			);
			assert_ok!(Customs::record_control(
				signed(CUSTOMS_DE),
				id,
				ControlKind::Physical,
				document_hash(b"r"),
				true
			));
			assert_noop!(
				Customs::amend(signed(IMPORTER), id, import(vec![coffee_from("KE", 1)])),
				E::AlreadyControlled
			);
		});
	}

	#[test]
	fn paid_declarations_are_neither_amended_nor_withdrawn() {
		build_and_execute(|| {
			setup();
			let id = lodge(IMPORTER, import(vec![coffee_from("KE", 100_000)]));
			assert_ok!(Customs::pay_duty(signed(IMPORTER), id));
			assert_noop!(
				Customs::amend(signed(IMPORTER), id, import(vec![coffee_from("KE", 1)])),
				E::AlreadyPaid
			);
			assert_noop!(Customs::withdraw(signed(IMPORTER), id), E::AlreadyPaid);
		});
	}

	#[test]
	fn withdrawal_rejection_and_purge() {
		build_and_execute(|| {
			let a = lodge(IMPORTER, import(vec![coffee_from("KE", 1_000)]));
			let b = lodge(IMPORTER, import(vec![coffee_from("KE", 1_000)]));
			assert_ok!(Customs::withdraw(signed(IMPORTER), a));
			assert_noop!(Customs::withdraw(signed(IMPORTER), a), E::AlreadyDecided);
			assert_noop!(Customs::withdraw(signed(EXPORTER), b), E::NotDeclarant);
			assert_ok!(Customs::reject(signed(CUSTOMS_DE), b, text("wrong office")));
			assert_noop!(Customs::release(signed(CUSTOMS_DE), b), E::AlreadyDecided);
			assert_noop!(Customs::pay_duty(signed(IMPORTER), b), E::AlreadyDecided);
			assert_eq!(Customs::statistics(de(), None).counters.rejected, 1);
			assert_noop!(Customs::purge(signed(OUTSIDER), b), E::RetentionNotOver);
			Timestamp::set_timestamp(START + 25 * HOUR);
			let c = lodge(IMPORTER, import(vec![coffee_from("KE", 1_000)]));
			assert_ok!(Customs::purge(signed(OUTSIDER), a));
			assert_ok!(Customs::purge(signed(OUTSIDER), b));
			assert_noop!(Customs::purge(signed(OUTSIDER), c), E::RetentionNotOver);
			assert_noop!(Customs::purge(signed(OUTSIDER), a), E::DeclarationNotFound);
			assert!(Declarations::<Test>::get(c).is_some());
		});
	}

	#[test]
	fn only_the_offices_customs_decides() {
		build_and_execute(|| {
			let id = lodge(IMPORTER, import(vec![coffee_from("KE", 1_000)]));
			let r = document_hash(b"r");
			assert_noop!(Customs::release(signed(CUSTOMS_KE), id), E::OtherCountry);
			assert_noop!(Customs::hold(signed(CUSTOMS_KE), id, text("x")), E::OtherCountry);
			assert_noop!(Customs::reject(signed(CUSTOMS_KE), id, text("x")), E::OtherCountry);
			assert_noop!(
				Customs::record_control(signed(CUSTOMS_KE), id, ControlKind::Physical, r, true),
				E::OtherCountry
			);
			assert_noop!(Customs::release(signed(IMPORTER), id), E::NotCustoms);
			assert_noop!(Customs::release(signed(CUSTOMS_DE), 99), E::DeclarationNotFound);
			assert_noop!(Customs::set_tariff(signed(IMPORTER), 901, None), E::NotCustoms);
		});
	}

	#[test]
	fn lodging_checks_its_input() {
		build_and_execute(|| {
			assert_noop!(
				Customs::lodge(signed(OUTSIDER), None, import(vec![coffee_from("KE", 1)])),
				E::NotOperator
			);
			assert_noop!(
				Customs::lodge(signed(CUSTOMS_DE), None, import(vec![coffee_from("KE", 1)])),
				E::NotOperator
			);
			assert_noop!(Customs::lodge(signed(IMPORTER), None, import(vec![])), E::NoLines);
			let mut zero = coffee_from("KE", 1);
			zero.quantity = 0;
			assert_noop!(
				Customs::lodge(signed(IMPORTER), None, import(vec![zero])),
				E::ZeroQuantity
			);
			let mut same = import(vec![coffee_from("KE", 1)]);
			same.partner = de();
			assert_noop!(Customs::lodge(signed(IMPORTER), None, same), E::SameCountry);
			assert_noop!(
				Customs::lodge(RuntimeOrigin::none(), None, import(vec![coffee_from("KE", 1)])),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn rule_sets_are_checked() {
		build_and_execute(|| {
			let mut set = rules();
			set.yellow_from = 70;
			assert_noop!(Customs::set_rules(signed(CUSTOMS_DE), set), E::InvalidRules);
			let mut set = rules();
			set.random_per_mille = 1001;
			assert_noop!(Customs::set_rules(signed(CUSTOMS_DE), set), E::InvalidRules);
			assert_noop!(Customs::set_rules(signed(IMPORTER), rules()), E::NotCustoms);
		});
	}
}

#[test]
fn statistics_report_channels_and_release_times() {
	build_and_execute(|| {
		setup();
		let green = lodge(
			AEO_IMPORTER,
			with_certificate(import(vec![coffee_from("KE", 100)]), AEO_IMPORTER),
		);
		let yellow = lodge(IMPORTER, import(vec![coffee_from("KE", 100)]));
		let red = lodge(IMPORTER, import(vec![coffee_from("CO", 100)]));
		let _other_office = lodge(
			IMPORTER,
			DeclarationDetails {
				office: "DEBRV".parse().unwrap(),
				..import(vec![coffee_from("CO", 100)])
			},
		);
		assert_ok!(Customs::release(signed(CUSTOMS_DE), green));
		Timestamp::set_timestamp(START + 3 * HOUR);
		assert_ok!(Customs::record_control(
			signed(CUSTOMS_DE),
			yellow,
			ControlKind::Documentary,
			document_hash(b"r"),
			true
		));
		assert_ok!(Customs::pay_duty(signed(IMPORTER), yellow));
		assert_ok!(Customs::release(signed(CUSTOMS_DE), yellow));
		assert_ok!(Customs::reject(signed(CUSTOMS_DE), red, text("fraud")));
		let hamburg = Customs::statistics(de(), Some("DEHAM".parse().unwrap()));
		assert_eq!(hamburg.counters.lodged, 3);
		assert_eq!(hamburg.counters.channels, [1, 1, 1]);
		assert_eq!(hamburg.channel_share_per_mille, [333, 333, 333]);
		assert_eq!((hamburg.counters.released, hamburg.counters.rejected), (2, 1));
		assert_eq!(hamburg.mean_release_ms, Some(3 * HOUR / 2));
		assert_eq!(hamburg.p50_release_ms, Some(60_000));
		assert_eq!(hamburg.p90_release_ms, Some(14_400_000));
		assert_eq!(hamburg.counters.duty_collected, 7);
		let all = Customs::statistics(de(), None);
		assert_eq!((all.counters.lodged, all.counters.channels), (4, [1, 1, 2]));
		assert_eq!(Customs::statistics(ke(), None).mean_release_ms, None);
	});
}

fn text(s: &str) -> ReasonOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}
