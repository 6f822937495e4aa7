//! Unit tests: every call's effect, recognition under MRAs, and every error path with
//! `assert_noop!` (a failed call changes no state).

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{BuildStorage, DispatchError, TokenError};
use tradechain_primitives::{AeoKind, AeoStatusProvider};

use crate::{mock::*, *};

type E = Error<Test>;

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Application.into(), &who)
}

fn certify(operator: u64, kind: AeoKind) {
	assert_ok!(Aeo::certify(
		signed(CUSTOMS_KE),
		operator,
		kind,
		text("KEAEOF0001"),
		START,
		START + 365 * DAY
	));
}

fn mra(covers: AeoKind) {
	assert_ok!(Aeo::propose_mra(signed(CUSTOMS_KE), de(), covers));
	assert_ok!(Aeo::accept_mra(signed(CUSTOMS_DE), ke()));
}

fn recognised(operator: u64, country: CountryCode) -> Option<AeoKind> {
	<Aeo as AeoStatusProvider<u64>>::recognised_kind(&operator, country)
}

use tradechain_primitives::CountryCode;

mod applications {
	use super::*;

	#[test]
	fn an_application_is_answered_by_certification() {
		build_and_execute(|| {
			assert_ok!(Aeo::apply(signed(OPERATOR), AeoKind::Full));
			assert_eq!(held(OPERATOR), APPLICATION_DEPOSIT);
			assert_eq!(
				last_event(),
				Event::Applied { operator: OPERATOR, country: ke(), kind: AeoKind::Full }.into()
			);
			certify(OPERATOR, AeoKind::Full);
			assert_eq!(held(OPERATOR), 0);
			assert!(Applications::<Test>::get(OPERATOR).is_none());
			assert_eq!(recognised(OPERATOR, ke()), Some(AeoKind::Full));
		});
	}

	#[test]
	fn rejection_and_withdrawal_release_the_deposit() {
		build_and_execute(|| {
			assert_ok!(Aeo::apply(signed(OPERATOR), AeoKind::Security));
			assert_ok!(Aeo::reject_application(signed(CUSTOMS_KE), OPERATOR, text("audit failed")));
			assert_eq!(
				last_event(),
				Event::ApplicationRejected {
					operator: OPERATOR,
					by: CUSTOMS_KE,
					reason: text("audit failed")
				}
				.into()
			);
			assert_eq!(held(OPERATOR), 0);
			assert_ok!(Aeo::apply(signed(CARRIER), AeoKind::Security));
			assert_ok!(Aeo::withdraw_application(signed(CARRIER)));
			assert_eq!(held(CARRIER), 0);
		});
	}

	#[test]
	fn application_errors() {
		build_and_execute(|| {
			assert_noop!(Aeo::apply(signed(OUTSIDER), AeoKind::Full), E::NotOperator);
			assert_noop!(Aeo::apply(signed(CUSTOMS_KE), AeoKind::Full), E::NotOperator);
			assert_noop!(
				Aeo::apply(signed(POOR_OPERATOR), AeoKind::Full),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			assert_ok!(Aeo::apply(signed(OPERATOR), AeoKind::Full));
			assert_noop!(Aeo::apply(signed(OPERATOR), AeoKind::Full), E::ApplicationPending);
			assert_noop!(Aeo::withdraw_application(signed(CARRIER)), E::ApplicationNotFound);
			assert_noop!(
				Aeo::reject_application(signed(CUSTOMS_DE), OPERATOR, text("no")),
				E::OtherCountry
			);
			assert_noop!(
				Aeo::reject_application(signed(CUSTOMS_KE), CARRIER, text("no")),
				E::ApplicationNotFound
			);
			assert_noop!(
				Aeo::reject_application(signed(OPERATOR), OPERATOR, text("no")),
				E::NotCustoms
			);
			certify(CARRIER, AeoKind::Security);
			assert_noop!(Aeo::apply(signed(CARRIER), AeoKind::Full), E::AlreadyCertified);
		});
	}
}

mod certificates {
	use super::*;

	#[test]
	fn certification_checks() {
		build_and_execute(|| {
			let certify_as = |customs, operator, from, until| {
				Aeo::certify(signed(customs), operator, AeoKind::Full, text("R"), from, until)
			};
			assert_noop!(certify_as(OPERATOR, CARRIER, START, START + DAY), E::NotCustoms);
			assert_noop!(
				certify_as(CUSTOMS_DE, OPERATOR, START, START + DAY),
				E::OperatorOfOtherCountry
			);
			assert_noop!(
				certify_as(CUSTOMS_KE, OUTSIDER, START, START + DAY),
				E::OperatorOfOtherCountry
			);
			assert_noop!(certify_as(CUSTOMS_KE, OPERATOR, START, START), E::InvalidValidity);
			assert_noop!(certify_as(CUSTOMS_KE, OPERATOR, 0, START - 1), E::InvalidValidity);
			certify(OPERATOR, AeoKind::Full);
			assert_noop!(certify_as(CUSTOMS_KE, OPERATOR, START, START + DAY), E::AlreadyCertified);
			// A revoked or expired certificate can be replaced by a new certification.
			assert_ok!(Aeo::revoke(signed(CUSTOMS_KE), OPERATOR, text("fraud")));
			assert_ok!(certify_as(CUSTOMS_KE, OPERATOR, START, START + DAY));
			advance(DAY + 1);
			assert_eq!(
				Aeo::aeo_status(&OPERATOR, ke()),
				AeoStatus::Expired { valid_until: START + DAY }
			);
			assert_ok!(certify_as(CUSTOMS_KE, OPERATOR, START, START + 2 * DAY));
		});
	}

	#[test]
	fn suspension_reinstatement_and_revocation() {
		build_and_execute(|| {
			certify(OPERATOR, AeoKind::Full);
			assert_ok!(Aeo::suspend(signed(CUSTOMS_KE), OPERATOR, text("audit")));
			assert_eq!(Aeo::aeo_status(&OPERATOR, ke()), AeoStatus::Suspended);
			assert_eq!(recognised(OPERATOR, ke()), None);
			assert_noop!(Aeo::suspend(signed(CUSTOMS_KE), OPERATOR, text("x")), E::NotActive);
			assert_ok!(Aeo::reinstate(signed(CUSTOMS_KE), OPERATOR));
			assert_eq!(
				last_event(),
				Event::Reinstated { operator: OPERATOR, by: CUSTOMS_KE }.into()
			);
			assert_eq!(recognised(OPERATOR, ke()), Some(AeoKind::Full));
			assert_noop!(Aeo::reinstate(signed(CUSTOMS_KE), OPERATOR), E::NotSuspended);
			assert_ok!(Aeo::revoke(signed(CUSTOMS_KE), OPERATOR, text("fraud")));
			assert_eq!(Aeo::aeo_status(&OPERATOR, ke()), AeoStatus::Revoked);
			assert_noop!(Aeo::revoke(signed(CUSTOMS_KE), OPERATOR, text("x")), E::AlreadyRevoked);
			assert_noop!(Aeo::suspend(signed(CUSTOMS_KE), OPERATOR, text("x")), E::NotActive);
			assert_noop!(Aeo::reinstate(signed(CUSTOMS_KE), OPERATOR), E::NotSuspended);
		});
	}

	#[test]
	fn only_the_certifying_customs_acts_on_a_certificate() {
		build_and_execute(|| {
			certify(OPERATOR, AeoKind::Full);
			assert_noop!(Aeo::suspend(signed(CUSTOMS_DE), OPERATOR, text("x")), E::OtherCountry);
			assert_noop!(Aeo::reinstate(signed(CUSTOMS_DE), OPERATOR), E::OtherCountry);
			assert_noop!(Aeo::revoke(signed(CUSTOMS_DE), OPERATOR, text("x")), E::OtherCountry);
			assert_noop!(Aeo::suspend(signed(OPERATOR), OPERATOR, text("x")), E::NotCustoms);
			assert_noop!(Aeo::reinstate(signed(OPERATOR), OPERATOR), E::NotCustoms);
			assert_noop!(Aeo::revoke(signed(OPERATOR), OPERATOR, text("x")), E::NotCustoms);
			assert_noop!(
				Aeo::suspend(signed(CUSTOMS_KE), CARRIER, text("x")),
				E::CertificateNotFound
			);
			assert_noop!(Aeo::reinstate(signed(CUSTOMS_KE), CARRIER), E::CertificateNotFound);
			assert_noop!(
				Aeo::revoke(signed(CUSTOMS_KE), CARRIER, text("x")),
				E::CertificateNotFound
			);
		});
	}

	#[test]
	fn validity_is_computed_from_the_time() {
		build_and_execute(|| {
			assert_ok!(Aeo::certify(
				signed(CUSTOMS_KE),
				OPERATOR,
				AeoKind::Security,
				text("R"),
				START + DAY,
				START + 2 * DAY
			));
			assert_eq!(
				Aeo::aeo_status(&OPERATOR, ke()),
				AeoStatus::NotYetValid { valid_from: START + DAY }
			);
			advance(DAY);
			assert_eq!(recognised(OPERATOR, ke()), Some(AeoKind::Security));
			advance(DAY + 1);
			assert_eq!(recognised(OPERATOR, ke()), None);
			assert_eq!(Aeo::aeo_status(&OUTSIDER, ke()), AeoStatus::NotAeo);
		});
	}
}

mod mutual_recognition {
	use super::*;

	#[test]
	fn an_mra_recognises_foreign_aeos_while_in_force() {
		build_and_execute(|| {
			certify(OPERATOR, AeoKind::Full);
			assert_eq!(
				Aeo::aeo_status(&OPERATOR, de()),
				AeoStatus::NotRecognised { kind: AeoKind::Full, home: ke() }
			);
			assert_ok!(Aeo::propose_mra(signed(CUSTOMS_KE), de(), AeoKind::Full));
			assert_eq!(
				last_event(),
				Event::MraProposed { proposer: ke(), partner: de(), covers: AeoKind::Full }.into()
			);
			// Proposed is not in force.
			assert_eq!(recognised(OPERATOR, de()), None);
			assert_ok!(Aeo::accept_mra(signed(CUSTOMS_DE), ke()));
			assert_eq!(
				Aeo::aeo_status(&OPERATOR, de()),
				AeoStatus::Recognised {
					kind: AeoKind::Full,
					home: ke(),
					valid_until: START + 365 * DAY,
					mutual_recognition: true
				}
			);
			// Not in a third country.
			assert_eq!(recognised(OPERATOR, fr()), None);
			assert_eq!(Aeo::mras_of(de()).len(), 1);
			assert_eq!(Aeo::mras_of(fr()).len(), 0);
			// A suspension is seen abroad at once.
			assert_ok!(Aeo::suspend(signed(CUSTOMS_KE), OPERATOR, text("audit")));
			assert_eq!(recognised(OPERATOR, de()), None);
			assert_ok!(Aeo::reinstate(signed(CUSTOMS_KE), OPERATOR));
			assert_eq!(recognised(OPERATOR, de()), Some(AeoKind::Full));
			// Either side ends it.
			assert_ok!(Aeo::end_mra(signed(CUSTOMS_DE), ke()));
			assert_eq!(last_event(), Event::MraEnded { by: de(), partner: ke() }.into());
			assert_eq!(recognised(OPERATOR, de()), None);
		});
	}

	#[test]
	fn an_mra_narrows_to_the_kinds_it_covers() {
		build_and_execute(|| {
			certify(OPERATOR, AeoKind::Full);
			certify(CARRIER, AeoKind::Simplifications);
			mra(AeoKind::Security);
			assert_eq!(recognised(OPERATOR, de()), Some(AeoKind::Security));
			assert_eq!(recognised(CARRIER, de()), None);
			assert_eq!(
				Aeo::aeo_status(&CARRIER, de()),
				AeoStatus::NotRecognised { kind: AeoKind::Simplifications, home: ke() }
			);
		});
	}

	#[test]
	fn mra_errors() {
		build_and_execute(|| {
			assert_noop!(Aeo::propose_mra(signed(OPERATOR), de(), AeoKind::Full), E::NotCustoms);
			assert_noop!(Aeo::propose_mra(signed(CUSTOMS_KE), ke(), AeoKind::Full), E::SameCountry);
			assert_noop!(Aeo::accept_mra(signed(CUSTOMS_DE), ke()), E::MraNotFound);
			assert_noop!(Aeo::end_mra(signed(CUSTOMS_DE), ke()), E::MraNotFound);
			assert_noop!(Aeo::accept_mra(signed(OPERATOR), ke()), E::NotCustoms);
			assert_noop!(Aeo::end_mra(signed(OPERATOR), ke()), E::NotCustoms);
			assert_ok!(Aeo::propose_mra(signed(CUSTOMS_KE), de(), AeoKind::Full));
			assert_noop!(Aeo::propose_mra(signed(CUSTOMS_DE), ke(), AeoKind::Full), E::MraExists);
			assert_noop!(Aeo::accept_mra(signed(CUSTOMS_KE), de()), E::OwnProposal);
			assert_noop!(Aeo::accept_mra(signed(CUSTOMS_FR), ke()), E::MraNotFound);
			assert_ok!(Aeo::accept_mra(signed(CUSTOMS_DE), ke()));
			assert_noop!(Aeo::accept_mra(signed(CUSTOMS_DE), ke()), E::MraInForce);
			// The proposer may also withdraw a proposal.
			assert_ok!(Aeo::propose_mra(signed(CUSTOMS_FR), ke(), AeoKind::Security));
			assert_ok!(Aeo::end_mra(signed(CUSTOMS_FR), ke()));
			assert!(Mras::<Test>::get(mra_key(fr(), ke())).is_none());
		});
	}
}

#[test]
fn unsigned_origins_are_refused() {
	build_and_execute(|| {
		assert_noop!(Aeo::apply(RuntimeOrigin::none(), AeoKind::Full), DispatchError::BadOrigin);
		assert_noop!(
			Aeo::propose_mra(RuntimeOrigin::root(), de(), AeoKind::Full),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn genesis_certifies_and_puts_mras_in_force() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	Members::set(vec![
		(CUSTOMS_KE, Role::CUSTOMS, ke()),
		(OPERATOR, Role::ECONOMIC_OPERATOR, ke()),
	]);
	crate::GenesisConfig::<Test> {
		certificates: vec![(
			OPERATOR,
			CUSTOMS_KE,
			AeoKind::Full,
			b"KEAEOF0001".to_vec(),
			START + DAY,
		)],
		mras: vec![(ke(), de(), AeoKind::Full)],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		Timestamp::set_timestamp(START);
		assert_eq!(recognised(OPERATOR, de()), Some(AeoKind::Full));
		Aeo::do_try_state().unwrap();
	});
}

use tradechain_primitives::Role;
