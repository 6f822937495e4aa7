//! Unit tests: every call's effect, and every error path with `assert_noop!` (a failed call
//! changes no state).

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{BuildStorage, DispatchError, TokenError};
use tradechain_primitives::{
	batch_proof, batch_root, BatchProof, CertificateProvider, CertificateUnusable, DocumentHash,
	Role,
};

use crate::{mock::*, *};

type E = Error<Test>;

fn held(who: u64, reason: HoldReason) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

fn issue(hash: &str, details: DetailsOf<Test>) {
	assert_ok!(CertificatesOfOrigin::issue(signed(ISSUER), h(hash), details));
}

fn status(hash: &str) -> CertificateStatus {
	CertificatesOfOrigin::certificate_status(h(hash))
}

mod agreements {
	use super::*;

	#[test]
	fn a_ministry_lists_updates_and_delists_agreements() {
		build_and_execute(|| {
			let code: AgreementCode = "AFCFTA".parse().unwrap();
			let partners: PartnersOf<Test> = vec![de(), "TZ".parse().unwrap()].try_into().unwrap();
			assert_ok!(CertificatesOfOrigin::set_agreement(
				signed(MINISTRY),
				code.clone(),
				partners.clone()
			));
			assert_eq!(Agreements::<Test>::get(ke(), &code).unwrap().partners, partners);
			assert_eq!(
				last_event(),
				Event::AgreementSet { country: ke(), agreement: code.clone(), partners }.into()
			);
			assert_ok!(CertificatesOfOrigin::remove_agreement(signed(MINISTRY), code.clone()));
			assert!(!Agreements::<Test>::contains_key(ke(), &code));
		});
	}

	#[test]
	fn governance_lists_and_delists_any_countrys_agreements() {
		build_and_execute(|| {
			let partners: PartnersOf<Test> = vec![ke()].try_into().unwrap();
			assert_ok!(CertificatesOfOrigin::force_set_agreement(
				RuntimeOrigin::root(),
				de(),
				epa(),
				partners.clone()
			));
			assert_eq!(Agreements::<Test>::get(de(), epa()).unwrap().partners, partners.clone());
			assert_eq!(
				last_event(),
				Event::AgreementSet { country: de(), agreement: epa(), partners }.into()
			);
			assert_ok!(CertificatesOfOrigin::force_remove_agreement(
				RuntimeOrigin::root(),
				de(),
				epa()
			));
			assert!(!Agreements::<Test>::contains_key(de(), epa()));
			assert_eq!(
				last_event(),
				Event::AgreementRemoved { country: de(), agreement: epa() }.into()
			);
		});
	}

	#[test]
	fn force_agreement_errors() {
		build_and_execute(|| {
			let partners: PartnersOf<Test> = vec![ke()].try_into().unwrap();
			// A trade ministry is not governance, not even for its own country.
			assert_noop!(
				CertificatesOfOrigin::force_set_agreement(signed(MINISTRY), ke(), epa(), partners),
				sp_runtime::DispatchError::BadOrigin
			);
			assert_noop!(
				CertificatesOfOrigin::force_remove_agreement(signed(MINISTRY), ke(), epa()),
				sp_runtime::DispatchError::BadOrigin
			);
			assert_noop!(
				CertificatesOfOrigin::force_set_agreement(
					RuntimeOrigin::root(),
					de(),
					epa(),
					Default::default()
				),
				E::NoPartners
			);
			assert_noop!(
				CertificatesOfOrigin::force_set_agreement(
					RuntimeOrigin::root(),
					de(),
					epa(),
					vec![de()].try_into().unwrap()
				),
				E::PartnerIsSelf
			);
			assert_noop!(
				CertificatesOfOrigin::force_remove_agreement(
					RuntimeOrigin::root(),
					de(),
					"NONE".parse().unwrap()
				),
				E::AgreementNotFound
			);
		});
	}

	#[test]
	fn agreement_errors() {
		build_and_execute(|| {
			let partners: PartnersOf<Test> = vec![de()].try_into().unwrap();
			assert_noop!(
				CertificatesOfOrigin::set_agreement(signed(ISSUER), epa(), partners),
				E::NotTradeMinistry
			);
			assert_noop!(
				CertificatesOfOrigin::set_agreement(signed(MINISTRY), epa(), Default::default()),
				E::NoPartners
			);
			assert_noop!(
				CertificatesOfOrigin::set_agreement(
					signed(MINISTRY),
					epa(),
					vec![ke()].try_into().unwrap()
				),
				E::PartnerIsSelf
			);
			assert_noop!(
				CertificatesOfOrigin::remove_agreement(signed(MINISTRY), "NONE".parse().unwrap()),
				E::AgreementNotFound
			);
			assert_noop!(
				CertificatesOfOrigin::remove_agreement(signed(OUTSIDER), epa()),
				E::NotTradeMinistry
			);
		});
	}
}

mod issuance {
	use super::*;

	#[test]
	fn an_issuer_issues_and_holds_the_deposit() {
		build_and_execute(|| {
			issue("c1", preferential());
			let cert = Certificates::<Test>::get(h("c1")).unwrap();
			assert_eq!(
				(cert.issuer, cert.origin, cert.state),
				(ISSUER, ke(), CertificateState::Issued)
			);
			assert_eq!(held(ISSUER, HoldReason::Certificate), CERTIFICATE_DEPOSIT);
			assert_eq!(status("c1"), CertificateStatus::Issued { valid_until: START + 90 * DAY });
			assert_eq!(
				last_event(),
				Event::Issued {
					hash: h("c1"),
					issuer: ISSUER,
					exporter: EXPORTER,
					origin: ke(),
					destination: de(),
					agreement: Some(epa()),
					application: None,
				}
				.into()
			);
			let info = CertificatesOfOrigin::certificate(h("c1")).unwrap();
			assert_eq!((info.exporter, info.consignee, info.goods.len()), (EXPORTER, CONSIGNEE, 1));
			assert_eq!(CertificatesOfOrigin::certificate(h("nothing")), None);
			assert_eq!(status("nothing"), CertificateStatus::Unknown);
		});
	}

	#[test]
	fn issuance_checks_every_detail() {
		build_and_execute(|| {
			let mut d = details();
			d.goods = Default::default();
			assert_noop!(CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d), E::NoGoods);
			let mut d = details();
			d.goods[0].quantity = 0;
			assert_noop!(CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d), E::ZeroQuantity);
			let d = DetailsOf::<Test> { destination: ke(), ..details() };
			assert_noop!(CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d), E::SameCountry);
			let d = DetailsOf::<Test> { valid_until: START, ..details() };
			assert_noop!(CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d), E::ValidityInPast);
			let d = DetailsOf::<Test> { valid_until: START + MAX_VALIDITY + 1, ..details() };
			assert_noop!(
				CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d),
				E::ValidityTooLong
			);
			let d = DetailsOf::<Test> { exporter: CONSIGNEE, ..details() };
			assert_noop!(
				CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d),
				E::ExporterNotRegistered
			);
			let d = DetailsOf::<Test> {
				preference: Preference::Preferential {
					agreement: "AFCFTA".parse().unwrap(),
					criterion: OriginCriterion::ValueAdded,
				},
				..details()
			};
			assert_noop!(
				CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d),
				E::AgreementNotFound
			);
			let d = DetailsOf::<Test> { destination: "FR".parse().unwrap(), ..preferential() };
			assert_noop!(
				CertificatesOfOrigin::issue(signed(ISSUER), h("x"), d),
				E::DestinationNotParty
			);
			assert_noop!(
				CertificatesOfOrigin::issue(signed(EXPORTER), h("x"), details()),
				E::NotIssuer
			);
			assert_noop!(
				CertificatesOfOrigin::issue(signed(POOR_ISSUER), h("x"), details()),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			issue("c1", details());
			assert_noop!(
				CertificatesOfOrigin::issue(signed(ISSUER), h("c1"), details()),
				E::AlreadyIssued
			);
		});
	}

	#[test]
	fn an_issuer_of_another_country_cannot_touch_a_certificate() {
		build_and_execute(|| {
			issue("c1", details());
			assert_noop!(
				CertificatesOfOrigin::revoke(signed(ISSUER_DE), h("c1"), text("fraud")),
				E::OtherCountry
			);
			assert_noop!(
				CertificatesOfOrigin::replace(signed(ISSUER_DE), h("c1"), h("c2"), details()),
				E::OtherCountry
			);
		});
	}
}

mod applications {
	use super::*;

	fn apply() -> ApplicationId {
		let id = NextApplicationId::<Test>::get();
		assert_ok!(CertificatesOfOrigin::apply(signed(EXPORTER), preferential()));
		id
	}

	#[test]
	fn an_approved_application_becomes_a_certificate() {
		build_and_execute(|| {
			let id = apply();
			assert_eq!(held(EXPORTER, HoldReason::Application), APPLICATION_DEPOSIT);
			assert_eq!(
				last_event(),
				Event::Applied { id, exporter: EXPORTER, origin: ke() }.into()
			);
			assert_ok!(CertificatesOfOrigin::approve_application(signed(ISSUER), id, h("c1")));
			assert_eq!(held(EXPORTER, HoldReason::Application), 0);
			assert_eq!(held(ISSUER, HoldReason::Certificate), CERTIFICATE_DEPOSIT);
			assert!(Applications::<Test>::get(id).is_none());
			let cert = Certificates::<Test>::get(h("c1")).unwrap();
			assert_eq!(cert.details, preferential());
			assert!(matches!(
				last_event(),
				RuntimeEvent::CertificatesOfOrigin(Event::Issued { application: Some(i), .. }) if i == id
			));
		});
	}

	#[test]
	fn rejected_and_withdrawn_applications_release_their_deposit() {
		build_and_execute(|| {
			let a = apply();
			let b = apply();
			assert_eq!(held(EXPORTER, HoldReason::Application), 2 * APPLICATION_DEPOSIT);
			assert_ok!(CertificatesOfOrigin::reject_application(
				signed(ISSUER),
				a,
				text("no invoice")
			));
			assert_eq!(
				last_event(),
				Event::ApplicationRejected { id: a, by: ISSUER, reason: text("no invoice") }.into()
			);
			assert_ok!(CertificatesOfOrigin::withdraw_application(signed(EXPORTER), b));
			assert_eq!(held(EXPORTER, HoldReason::Application), 0);
			assert_eq!(Balances::balance(&EXPORTER), 1_000);
		});
	}

	#[test]
	fn application_errors() {
		build_and_execute(|| {
			assert_noop!(CertificatesOfOrigin::apply(signed(OUTSIDER), details()), E::NotOperator);
			assert_noop!(
				CertificatesOfOrigin::apply(signed(CONSIGNEE), details()),
				E::NotApplicant
			);
			let d = DetailsOf::<Test> { destination: ke(), ..details() };
			assert_noop!(CertificatesOfOrigin::apply(signed(EXPORTER), d), E::SameCountry);
			let id = apply();
			assert_noop!(
				CertificatesOfOrigin::withdraw_application(signed(ISSUER), id),
				E::NotApplicant
			);
			assert_noop!(
				CertificatesOfOrigin::withdraw_application(signed(EXPORTER), 99),
				E::ApplicationNotFound
			);
			assert_noop!(
				CertificatesOfOrigin::approve_application(signed(ISSUER), 99, h("c1")),
				E::ApplicationNotFound
			);
			assert_noop!(
				CertificatesOfOrigin::approve_application(signed(ISSUER_DE), id, h("c1")),
				E::OtherCountry
			);
			assert_noop!(
				CertificatesOfOrigin::approve_application(signed(EXPORTER), id, h("c1")),
				E::NotIssuer
			);
			assert_noop!(
				CertificatesOfOrigin::reject_application(signed(ISSUER_DE), id, text("no")),
				E::OtherCountry
			);
			assert_noop!(
				CertificatesOfOrigin::reject_application(signed(ISSUER), 99, text("no")),
				E::ApplicationNotFound
			);
			assert_noop!(
				CertificatesOfOrigin::reject_application(signed(CUSTOMS_KE), id, text("no")),
				E::NotIssuer
			);
			// The agreement was delisted after the application: approval re-checks the details.
			assert_ok!(CertificatesOfOrigin::remove_agreement(signed(MINISTRY), epa()));
			assert_noop!(
				CertificatesOfOrigin::approve_application(signed(ISSUER), id, h("c1")),
				E::AgreementNotFound
			);
		});
	}
}

mod lifecycle {
	use super::*;

	#[test]
	fn a_preferential_certificate_is_used_once() {
		build_and_execute(|| {
			issue("c1", preferential());
			assert_ok!(CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")));
			assert_eq!(
				last_event(),
				Event::Accepted { hash: h("c1"), by: CUSTOMS_DE, used_up: true }.into()
			);
			assert_eq!(status("c1"), CertificateStatus::Used { at: START });
			assert_noop!(CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")), E::AlreadyUsed);
			assert_noop!(
				CertificatesOfOrigin::replace(signed(ISSUER), h("c1"), h("c2"), preferential()),
				E::AlreadyUsed
			);
			assert_noop!(
				CertificatesOfOrigin::reject(signed(CUSTOMS_DE), h("c1"), text("late")),
				E::AlreadyUsed
			);
		});
	}

	#[test]
	fn a_non_preferential_certificate_may_be_accepted_again() {
		build_and_execute(|| {
			issue("c1", details());
			assert_ok!(CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")));
			assert_ok!(CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")));
			assert_eq!(
				status("c1"),
				CertificateStatus::Accepted { valid_until: START + 90 * DAY, times: 2 }
			);
		});
	}

	#[test]
	fn an_amendment_replaces_a_certificate() {
		build_and_execute(|| {
			issue("c1", preferential());
			let amended = DetailsOf::<Test> { invoice: text("INV-2026-0042-A"), ..preferential() };
			assert_ok!(CertificatesOfOrigin::replace(signed(ISSUER), h("c1"), h("c2"), amended));
			assert_eq!(status("c1"), CertificateStatus::ReplacedBy { by: h("c2") });
			assert_eq!(Certificates::<Test>::get(h("c2")).unwrap().replaces, Some(h("c1")));
			assert_eq!(
				last_event(),
				Event::Replaced { old: h("c1"), new: h("c2"), by: ISSUER }.into()
			);
			assert_eq!(held(ISSUER, HoldReason::Certificate), 2 * CERTIFICATE_DEPOSIT);
			assert_noop!(
				CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")),
				E::AlreadyReplaced
			);
			assert_noop!(
				CertificatesOfOrigin::replace(signed(ISSUER), h("c1"), h("c3"), preferential()),
				E::AlreadyReplaced
			);
			assert_noop!(
				CertificatesOfOrigin::revoke(signed(ISSUER), h("c1"), text("x")),
				E::AlreadyReplaced
			);
			assert_noop!(
				CertificatesOfOrigin::replace(signed(ISSUER), h("c2"), h("c2"), preferential()),
				E::SameHash
			);
			assert_noop!(
				CertificatesOfOrigin::replace(signed(ISSUER), h("none"), h("c3"), preferential()),
				E::CertificateNotFound
			);
			// The amendment's hash must be new, and its details valid.
			issue("c3", details());
			assert_noop!(
				CertificatesOfOrigin::replace(signed(ISSUER), h("c2"), h("c3"), preferential()),
				E::AlreadyIssued
			);
			assert_noop!(
				CertificatesOfOrigin::replace(signed(CUSTOMS_KE), h("c2"), h("c4"), preferential()),
				E::NotIssuer
			);
			assert_ok!(CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c2")));
		});
	}

	#[test]
	fn revocation_and_rejection() {
		build_and_execute(|| {
			issue("c1", details());
			issue("c2", details());
			assert_ok!(CertificatesOfOrigin::revoke(signed(ISSUER), h("c1"), text("false origin")));
			assert_eq!(
				status("c1"),
				CertificateStatus::Revoked { reason: b"false origin".to_vec() }
			);
			assert_noop!(
				CertificatesOfOrigin::revoke(signed(ISSUER), h("c1"), text("x")),
				E::AlreadyRevoked
			);
			assert_noop!(
				CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")),
				E::AlreadyRevoked
			);
			assert_noop!(
				CertificatesOfOrigin::revoke(signed(ISSUER), h("none"), text("x")),
				E::CertificateNotFound
			);
			assert_noop!(
				CertificatesOfOrigin::revoke(signed(CUSTOMS_KE), h("c2"), text("x")),
				E::NotIssuer
			);

			assert_ok!(CertificatesOfOrigin::reject(
				signed(CUSTOMS_DE),
				h("c2"),
				text("stamp missing")
			));
			assert_eq!(
				status("c2"),
				CertificateStatus::Rejected { reason: b"stamp missing".to_vec() }
			);
			assert_noop!(
				CertificatesOfOrigin::reject(signed(CUSTOMS_DE), h("c2"), text("x")),
				E::AlreadyRejected
			);
			assert_noop!(
				CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c2")),
				E::AlreadyRejected
			);
			// A rejected certificate can still be amended or revoked by its issuer.
			assert_ok!(CertificatesOfOrigin::replace(signed(ISSUER), h("c2"), h("c3"), details()));
			assert_noop!(
				CertificatesOfOrigin::reject(signed(CUSTOMS_DE), h("c1"), text("x")),
				E::AlreadyRevoked
			);
		});
	}

	#[test]
	fn only_the_destinations_customs_decides() {
		build_and_execute(|| {
			issue("c1", details());
			assert_noop!(
				CertificatesOfOrigin::accept(signed(CUSTOMS_KE), h("c1")),
				E::OtherCountry
			);
			assert_noop!(
				CertificatesOfOrigin::reject(signed(CUSTOMS_KE), h("c1"), text("x")),
				E::OtherCountry
			);
			assert_noop!(CertificatesOfOrigin::accept(signed(ISSUER), h("c1")), E::NotCustoms);
			assert_noop!(
				CertificatesOfOrigin::reject(signed(ISSUER), h("c1"), text("x")),
				E::NotCustoms
			);
			assert_noop!(
				CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("none")),
				E::CertificateNotFound
			);
			assert_noop!(
				CertificatesOfOrigin::reject(signed(CUSTOMS_DE), h("none"), text("x")),
				E::CertificateNotFound
			);
		});
	}

	#[test]
	fn expiry_is_computed_from_the_time() {
		build_and_execute(|| {
			issue("c1", details());
			advance(90 * DAY);
			assert!(status("c1").is_valid());
			advance(1);
			assert_eq!(status("c1"), CertificateStatus::Expired { valid_until: START + 90 * DAY });
			assert_noop!(CertificatesOfOrigin::accept(signed(CUSTOMS_DE), h("c1")), E::Expired);
		});
	}

	#[test]
	fn records_are_purged_only_after_retention() {
		build_and_execute(|| {
			issue("c1", details());
			advance(90 * DAY + RETENTION);
			assert_noop!(
				CertificatesOfOrigin::purge(signed(OUTSIDER), h("c1")),
				E::RetentionNotOver
			);
			advance(1);
			assert_ok!(CertificatesOfOrigin::purge(signed(OUTSIDER), h("c1")));
			assert_eq!(held(ISSUER, HoldReason::Certificate), 0);
			assert_eq!(status("c1"), CertificateStatus::Unknown);
			assert_noop!(
				CertificatesOfOrigin::purge(signed(OUTSIDER), h("c1")),
				E::CertificateNotFound
			);
		});
	}
}

mod provider {
	use super::*;

	#[test]
	fn customs_sees_usable_certificates_through_the_trait() {
		build_and_execute(|| {
			issue("c1", preferential());
			let usable = CertificatesOfOrigin::usable(&h("c1"), &CONSIGNEE, de()).unwrap();
			assert_eq!(usable.agreement, Some(epa()));
			assert_eq!(usable.origin, ke());
			assert_eq!(
				CertificatesOfOrigin::usable(&h("c1"), &EXPORTER, de()),
				Err(CertificateUnusable::OtherImporter)
			);
			assert_eq!(
				CertificatesOfOrigin::usable(&h("c1"), &CONSIGNEE, "FR".parse().unwrap()),
				Err(CertificateUnusable::OtherDestination)
			);
			assert_eq!(
				CertificatesOfOrigin::usable(&h("none"), &CONSIGNEE, de()),
				Err(CertificateUnusable::Unknown)
			);
			assert_ok!(CertificatesOfOrigin::mark_used(&h("c1"), &CONSIGNEE, de()));
			assert_eq!(
				CertificatesOfOrigin::mark_used(&h("c1"), &CONSIGNEE, de()),
				Err(CertificateUnusable::AlreadyUsed)
			);
			issue("c2", details());
			assert_ok!(CertificatesOfOrigin::revoke(signed(ISSUER), h("c2"), text("x")));
			assert_eq!(
				CertificatesOfOrigin::usable(&h("c2"), &CONSIGNEE, de()),
				Err(CertificateUnusable::NotValid)
			);
			issue("c3", details());
			advance(91 * DAY);
			assert_eq!(
				CertificatesOfOrigin::usable(&h("c3"), &CONSIGNEE, de()),
				Err(CertificateUnusable::Expired)
			);
		});
	}
}

mod batches {
	use super::*;

	fn leaves() -> Vec<DocumentHash> {
		(0..10u32).map(|i| h(&format!("batch certificate {i}"))).collect()
	}

	fn anchored() -> (DocumentHash, Vec<DocumentHash>) {
		let leaves = leaves();
		let root = batch_root(&leaves);
		assert_ok!(CertificatesOfOrigin::anchor_batch(signed(ISSUER), root, 10, START + 30 * DAY));
		(root, leaves)
	}

	#[test]
	fn a_batch_is_anchored_and_verified_by_proof() {
		build_and_execute(|| {
			let (root, leaves) = anchored();
			assert_eq!(held(ISSUER, HoldReason::Batch), BATCH_DEPOSIT);
			let proof = batch_proof(&leaves, 3).unwrap();
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(root, leaves[3], proof.clone()),
				CertificateStatus::Issued { valid_until: START + 30 * DAY }
			);
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(root, leaves[4], proof.clone()),
				CertificateStatus::Unknown
			);
			let forged = BatchProof { number_of_leaves: 11, ..proof.clone() };
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(root, leaves[3], forged),
				CertificateStatus::Unknown
			);
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(
					h("other root"),
					leaves[3],
					proof.clone()
				),
				CertificateStatus::Unknown
			);
			advance(30 * DAY + 1);
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(root, leaves[3], proof),
				CertificateStatus::Expired { valid_until: START + 30 * DAY }
			);
		});
	}

	#[test]
	fn an_issuer_revokes_one_certificate_of_a_batch() {
		build_and_execute(|| {
			let (root, leaves) = anchored();
			let proof = batch_proof(&leaves, 7).unwrap();
			assert_ok!(CertificatesOfOrigin::revoke_batch_certificate(
				signed(ISSUER),
				root,
				leaves[7],
				proof.clone(),
				text("withdrawn")
			));
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(root, leaves[7], proof.clone()),
				CertificateStatus::Revoked { reason: b"withdrawn".to_vec() }
			);
			assert_eq!(
				CertificatesOfOrigin::batch_certificate_status(
					root,
					leaves[6],
					batch_proof(&leaves, 6).unwrap()
				),
				CertificateStatus::Issued { valid_until: START + 30 * DAY }
			);
			assert_eq!(Batches::<Test>::get(root).unwrap().revoked, 1);
			assert_noop!(
				CertificatesOfOrigin::revoke_batch_certificate(
					signed(ISSUER),
					root,
					leaves[7],
					proof,
					text("x")
				),
				E::LeafAlreadyRevoked
			);
		});
	}

	#[test]
	fn batch_errors() {
		build_and_execute(|| {
			let (root, leaves) = anchored();
			assert_noop!(
				CertificatesOfOrigin::anchor_batch(signed(ISSUER), root, 10, START + DAY),
				E::BatchExists
			);
			assert_noop!(
				CertificatesOfOrigin::anchor_batch(signed(ISSUER), h("r"), 0, START + DAY),
				E::EmptyBatch
			);
			assert_noop!(
				CertificatesOfOrigin::anchor_batch(signed(ISSUER), h("r"), 1, START),
				E::ValidityInPast
			);
			assert_noop!(
				CertificatesOfOrigin::anchor_batch(signed(CUSTOMS_KE), h("r"), 1, START + DAY),
				E::NotIssuer
			);
			assert_noop!(
				CertificatesOfOrigin::anchor_batch(signed(POOR_ISSUER), h("r"), 1, START + DAY),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			let proof = batch_proof(&leaves, 0).unwrap();
			let revoke = |who, root, leaf, proof: &BatchProof| {
				CertificatesOfOrigin::revoke_batch_certificate(
					signed(who),
					root,
					leaf,
					proof.clone(),
					text("x"),
				)
			};
			assert_noop!(revoke(ISSUER, h("r"), leaves[0], &proof), E::BatchNotFound);
			assert_noop!(revoke(ISSUER, root, leaves[1], &proof), E::InvalidProof);
			assert_noop!(revoke(ISSUER_DE, root, leaves[0], &proof), E::OtherCountry);
			assert_noop!(revoke(EXPORTER, root, leaves[0], &proof), E::NotIssuer);
			for i in 0..MAX_REVOKED {
				assert_ok!(revoke(
					ISSUER,
					root,
					leaves[i as usize],
					&batch_proof(&leaves, i).unwrap()
				));
			}
			let next = MAX_REVOKED as usize;
			assert_noop!(
				revoke(ISSUER, root, leaves[next], &batch_proof(&leaves, next as u32).unwrap()),
				E::TooManyRevoked
			);
		});
	}

	#[test]
	fn a_batch_is_purged_with_its_revocations() {
		build_and_execute(|| {
			let (root, leaves) = anchored();
			assert_ok!(CertificatesOfOrigin::revoke_batch_certificate(
				signed(ISSUER),
				root,
				leaves[0],
				batch_proof(&leaves, 0).unwrap(),
				text("x")
			));
			assert_noop!(
				CertificatesOfOrigin::purge_batch(signed(OUTSIDER), root, 1),
				E::RetentionNotOver
			);
			advance(30 * DAY + RETENTION + 1);
			assert_noop!(
				CertificatesOfOrigin::purge_batch(signed(OUTSIDER), root, 0),
				E::WitnessTooLow
			);
			assert_noop!(
				CertificatesOfOrigin::purge_batch(signed(OUTSIDER), h("r"), 1),
				E::BatchNotFound
			);
			assert_ok!(CertificatesOfOrigin::purge_batch(signed(OUTSIDER), root, 1));
			assert_eq!(RevokedLeaves::<Test>::iter_prefix(root).count(), 0);
			assert_eq!(held(ISSUER, HoldReason::Batch), 0);
			assert_eq!(last_event(), Event::BatchPurged { root }.into());
		});
	}
}

#[test]
fn unsigned_origins_are_refused() {
	build_and_execute(|| {
		assert_noop!(
			CertificatesOfOrigin::issue(RuntimeOrigin::none(), h("c1"), details()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CertificatesOfOrigin::purge(RuntimeOrigin::root(), h("c1")),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn genesis_lists_agreements_and_issues_certificates() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ISSUER, 1_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	Members::set(vec![
		(ISSUER, Role::ORIGIN_ISSUER, ke()),
		(EXPORTER, Role::ECONOMIC_OPERATOR, ke()),
	]);
	crate::GenesisConfig::<Test> {
		agreements: vec![(ke(), epa(), vec![de()])],
		certificates: vec![(h("g1"), ISSUER, preferential())],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		// Genesis runs at time zero; the test clock starts later.
		Timestamp::set_timestamp(START);
		assert!(status("g1").is_valid());
		assert_eq!(held(ISSUER, HoldReason::Certificate), CERTIFICATE_DEPOSIT);
		CertificatesOfOrigin::do_try_state().unwrap();
	});
}
