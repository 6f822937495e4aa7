//! Unit tests of the roles pallet: one test per behaviour, every error path with `assert_noop!`.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::{DispatchError, TokenError};
use tradechain_primitives::{EncryptionKeyProvider, RoleProvider};

use crate::{mock::*, Error, Event, HoldReason, OperatorIds, OperatorKind, Role, RoleStatus};

const OP: u64 = 10;
const BANK: u64 = 11;

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn eori(s: &str) -> Option<crate::OperatorId> {
	Some(s.parse().unwrap())
}

fn reason(s: &str) -> BoundedVec<u8, frame_support::traits::ConstU32<64>> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Roles(HoldReason::Registration), &who)
}

/// OP applies as a DE economic operator, is judged, and DE customs approves.
fn register_operator() {
	assert_ok!(Roles::apply(origin(OP), OperatorKind::EconomicOperator, de(), eori("DE123")));
	Judged::mutate(|j| j.push(OP));
	assert_ok!(Roles::approve(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator));
}

/// DE customs suspends OP's economic operator role.
fn suspend_operator() {
	assert_ok!(Roles::suspend(
		origin(CUSTOMS_DE),
		OP,
		OperatorKind::EconomicOperator,
		reason("audit")
	));
}

mod agencies {
	use super::*;

	#[test]
	fn governance_appoints_and_dismisses_agencies() {
		build_and_execute(|| {
			assert_ok!(Roles::appoint_agency(
				RuntimeOrigin::root(),
				20,
				crate::AgencyKind::PortAuthority,
				fr()
			));
			System::assert_last_event(
				Event::AgencyAppointed {
					who: 20,
					kind: crate::AgencyKind::PortAuthority,
					country: fr(),
				}
				.into(),
			);
			assert!(Roles::has_role(&20, Role::PORT_AUTHORITY, fr()));
			assert!(!Roles::has_role(&20, Role::PORT_AUTHORITY, de()));
			assert_ok!(Roles::dismiss_agency(
				RuntimeOrigin::root(),
				20,
				crate::AgencyKind::PortAuthority
			));
			System::assert_last_event(
				Event::AgencyDismissed {
					who: 20,
					kind: crate::AgencyKind::PortAuthority,
					country: fr(),
				}
				.into(),
			);
			assert_eq!(Roles::country_of(&20, Role::PORT_AUTHORITY), None);
		});
	}

	#[test]
	fn only_governance_appoints_agencies() {
		build_and_execute(|| {
			assert_noop!(
				Roles::appoint_agency(
					origin(CUSTOMS_DE),
					20,
					crate::AgencyKind::CustomsAuthority,
					de()
				),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Roles::dismiss_agency(
					origin(CUSTOMS_DE),
					CUSTOMS_FR,
					crate::AgencyKind::CustomsAuthority
				),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn an_agency_role_is_held_once() {
		build_and_execute(|| {
			assert_noop!(
				Roles::appoint_agency(
					RuntimeOrigin::root(),
					CUSTOMS_DE,
					crate::AgencyKind::CustomsAuthority,
					fr()
				),
				Error::<Test>::AlreadyHoldsRole
			);
		});
	}

	#[test]
	fn dismissing_an_unknown_agency_fails() {
		build_and_execute(|| {
			assert_noop!(
				Roles::dismiss_agency(RuntimeOrigin::root(), 20, crate::AgencyKind::TradeMinistry),
				Error::<Test>::RoleNotFound
			);
		});
	}
}

mod applications {
	use super::*;

	#[test]
	fn applying_holds_the_deposit_and_approval_registers() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			System::assert_last_event(
				Event::Applied {
					who: OP,
					kind: OperatorKind::EconomicOperator,
					country: de(),
					operator_id: eori("DE123"),
					deposit: REGISTRATION_DEPOSIT,
				}
				.into(),
			);
			assert_eq!(held(OP), REGISTRATION_DEPOSIT);
			assert!(!Roles::has_role(&OP, Role::ECONOMIC_OPERATOR, de()), "not before approval");

			Judged::mutate(|j| j.push(OP));
			assert_ok!(Roles::approve(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator));
			System::assert_last_event(
				Event::OperatorRegistered {
					who: OP,
					kind: OperatorKind::EconomicOperator,
					country: de(),
					operator_id: eori("DE123"),
					by: CUSTOMS_DE,
				}
				.into(),
			);
			assert!(Roles::has_role(&OP, Role::ECONOMIC_OPERATOR, de()));
			assert!(Roles::is_member(&OP));
			assert_eq!(held(OP), REGISTRATION_DEPOSIT, "the deposit stays held for the role");
			assert_eq!(Roles::roles_of(&OP).len(), 1);
			assert_eq!(Roles::holders(Role::ECONOMIC_OPERATOR, de()), vec![OP]);
		});
	}

	#[test]
	fn an_economic_operator_needs_an_operator_id() {
		build_and_execute(|| {
			assert_noop!(
				Roles::apply(origin(OP), OperatorKind::EconomicOperator, de(), None),
				Error::<Test>::OperatorIdRequired
			);
			// Banks need none.
			assert_ok!(Roles::apply(origin(BANK), OperatorKind::Bank, de(), None));
		});
	}

	#[test]
	fn an_operator_id_belongs_to_one_account_per_country() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			assert_noop!(
				Roles::apply(origin(BANK), OperatorKind::EconomicOperator, de(), eori("DE123")),
				Error::<Test>::OperatorIdTaken
			);
			// The same id in another country is another id.
			assert_ok!(Roles::apply(
				origin(BANK),
				OperatorKind::EconomicOperator,
				fr(),
				eori("DE123")
			));
		});
	}

	#[test]
	fn one_application_per_role() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(origin(BANK), OperatorKind::Bank, de(), None));
			assert_noop!(
				Roles::apply(origin(BANK), OperatorKind::Bank, fr(), None),
				Error::<Test>::AlreadyApplied
			);
		});
	}

	#[test]
	fn a_holder_cannot_apply_again() {
		build_and_execute(|| {
			register_operator();
			assert_noop!(
				Roles::apply(origin(OP), OperatorKind::EconomicOperator, de(), eori("DE999")),
				Error::<Test>::AlreadyHoldsRole
			);
		});
	}

	#[test]
	fn applying_without_funds_fails_and_changes_nothing() {
		build_and_execute(|| {
			assert_noop!(
				Roles::apply(origin(99), OperatorKind::EconomicOperator, de(), eori("DE777")),
				TokenError::FundsUnavailable
			);
			assert!(!OperatorIds::<Test>::contains_key(
				de(),
				"DE777".parse::<crate::OperatorId>().unwrap()
			));
		});
	}

	#[test]
	fn withdrawing_releases_the_deposit_and_the_id() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			assert_ok!(Roles::withdraw_application(origin(OP), OperatorKind::EconomicOperator));
			System::assert_last_event(
				Event::ApplicationWithdrawn { who: OP, kind: OperatorKind::EconomicOperator }
					.into(),
			);
			assert_eq!(held(OP), 0);
			assert_eq!(Balances::free_balance(OP), 1_000);
			assert_ok!(Roles::apply(
				origin(BANK),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
		});
	}

	#[test]
	fn withdrawing_needs_an_application() {
		build_and_execute(|| {
			assert_noop!(
				Roles::withdraw_application(origin(OP), OperatorKind::Carrier),
				Error::<Test>::ApplicationNotFound
			);
		});
	}

	#[test]
	fn approval_needs_a_positive_identity_judgement() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			assert_noop!(
				Roles::approve(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator),
				Error::<Test>::NoPositiveJudgement
			);
		});
	}

	#[test]
	fn only_customs_of_the_country_decides() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			Judged::mutate(|j| j.push(OP));
			assert_noop!(
				Roles::approve(origin(CUSTOMS_FR), OP, OperatorKind::EconomicOperator),
				Error::<Test>::WrongCountry
			);
			assert_noop!(
				Roles::approve(origin(ISSUER_DE), OP, OperatorKind::EconomicOperator),
				Error::<Test>::NotCustoms
			);
			assert_noop!(
				Roles::reject(origin(CUSTOMS_FR), OP, OperatorKind::EconomicOperator, reason("no")),
				Error::<Test>::WrongCountry
			);
			assert_noop!(
				Roles::reject(origin(OP), OP, OperatorKind::EconomicOperator, reason("no")),
				Error::<Test>::NotCustoms
			);
			assert_noop!(
				Roles::approve(RuntimeOrigin::root(), OP, OperatorKind::EconomicOperator),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn deciding_needs_an_application() {
		build_and_execute(|| {
			assert_noop!(
				Roles::approve(origin(CUSTOMS_DE), OP, OperatorKind::Bank),
				Error::<Test>::ApplicationNotFound
			);
			assert_noop!(
				Roles::reject(origin(CUSTOMS_DE), OP, OperatorKind::Bank, reason("no")),
				Error::<Test>::ApplicationNotFound
			);
		});
	}

	#[test]
	fn rejection_releases_the_deposit() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			assert_ok!(Roles::reject(
				origin(CUSTOMS_DE),
				OP,
				OperatorKind::EconomicOperator,
				reason("unknown firm")
			));
			System::assert_last_event(
				Event::ApplicationRejected {
					who: OP,
					kind: OperatorKind::EconomicOperator,
					by: CUSTOMS_DE,
					reason: reason("unknown firm"),
				}
				.into(),
			);
			assert_eq!(held(OP), 0);
			assert_eq!(Balances::free_balance(OP), 1_000);
		});
	}
}

mod supervision {
	use super::*;

	#[test]
	fn suspension_hides_the_role_until_reinstated() {
		build_and_execute(|| {
			register_operator();
			suspend_operator();
			System::assert_last_event(
				Event::OperatorSuspended {
					who: OP,
					kind: OperatorKind::EconomicOperator,
					by: CUSTOMS_DE,
					reason: reason("audit"),
				}
				.into(),
			);
			assert_eq!(Roles::country_of(&OP, Role::ECONOMIC_OPERATOR), None);
			assert!(!Roles::is_member(&OP));
			assert!(matches!(
				crate::Roles::<Test>::get(OP, Role::ECONOMIC_OPERATOR).unwrap().status,
				RoleStatus::Suspended { .. }
			));
			assert_noop!(
				Roles::suspend(
					origin(CUSTOMS_DE),
					OP,
					OperatorKind::EconomicOperator,
					reason("again")
				),
				Error::<Test>::AlreadySuspended
			);

			assert_ok!(Roles::reinstate(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator));
			System::assert_last_event(
				Event::OperatorReinstated {
					who: OP,
					kind: OperatorKind::EconomicOperator,
					by: CUSTOMS_DE,
				}
				.into(),
			);
			assert!(Roles::has_role(&OP, Role::ECONOMIC_OPERATOR, de()));
			assert_noop!(
				Roles::reinstate(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator),
				Error::<Test>::NotSuspended
			);
		});
	}

	#[test]
	fn only_customs_of_the_operators_country_supervises() {
		build_and_execute(|| {
			register_operator();
			assert_noop!(
				Roles::suspend(origin(CUSTOMS_FR), OP, OperatorKind::EconomicOperator, reason("x")),
				Error::<Test>::WrongCountry
			);
			assert_noop!(
				Roles::remove_operator(
					origin(ISSUER_DE),
					OP,
					OperatorKind::EconomicOperator,
					reason("x")
				),
				Error::<Test>::NotCustoms
			);
			assert_noop!(
				Roles::reinstate(origin(CUSTOMS_DE), OP, OperatorKind::Carrier),
				Error::<Test>::RoleNotFound
			);
		});
	}

	#[test]
	fn a_suspended_customs_authority_cannot_act() {
		build_and_execute(|| {
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			Judged::mutate(|j| j.push(OP));
			assert_ok!(Roles::dismiss_agency(
				RuntimeOrigin::root(),
				CUSTOMS_DE,
				crate::AgencyKind::CustomsAuthority
			));
			assert_noop!(
				Roles::approve(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator),
				Error::<Test>::NotCustoms
			);
		});
	}

	#[test]
	fn removal_releases_the_deposit_and_frees_the_id() {
		build_and_execute(|| {
			register_operator();
			assert_ok!(Roles::remove_operator(
				origin(CUSTOMS_DE),
				OP,
				OperatorKind::EconomicOperator,
				reason("fraud")
			));
			System::assert_last_event(
				Event::OperatorRemoved {
					who: OP,
					kind: OperatorKind::EconomicOperator,
					by: CUSTOMS_DE,
					reason: reason("fraud"),
				}
				.into(),
			);
			assert_eq!(held(OP), 0);
			assert_eq!(Balances::free_balance(OP), 1_000);
			assert!(OperatorIds::<Test>::iter().next().is_none());
			assert_noop!(
				Roles::remove_operator(
					origin(CUSTOMS_DE),
					OP,
					OperatorKind::EconomicOperator,
					reason("again")
				),
				Error::<Test>::RoleNotFound
			);
		});
	}

	#[test]
	fn an_operator_may_resign_even_when_suspended() {
		build_and_execute(|| {
			register_operator();
			suspend_operator();
			assert_ok!(Roles::resign(origin(OP), OperatorKind::EconomicOperator));
			System::assert_last_event(
				Event::OperatorResigned { who: OP, kind: OperatorKind::EconomicOperator }.into(),
			);
			assert_eq!(held(OP), 0);
			assert_noop!(
				Roles::resign(origin(OP), OperatorKind::EconomicOperator),
				Error::<Test>::RoleNotFound
			);
		});
	}
}

mod encryption_keys {
	use super::*;

	fn key_held(who: u64) -> u64 {
		Balances::balance_on_hold(&RuntimeHoldReason::Roles(HoldReason::EncryptionKey), &who)
	}

	#[test]
	fn members_publish_and_replace_keys_for_one_deposit() {
		build_and_execute(|| {
			assert_ok!(Roles::set_encryption_key(origin(CUSTOMS_DE), [1u8; 32]));
			System::assert_last_event(
				Event::EncryptionKeySet { who: CUSTOMS_DE, key: [1u8; 32] }.into(),
			);
			assert_eq!(Roles::encryption_key(&CUSTOMS_DE), Some([1u8; 32]));
			assert_eq!(key_held(CUSTOMS_DE), KEY_DEPOSIT);
			assert_ok!(Roles::set_encryption_key(origin(CUSTOMS_DE), [2u8; 32]));
			assert_eq!(Roles::encryption_key(&CUSTOMS_DE), Some([2u8; 32]));
			assert_eq!(key_held(CUSTOMS_DE), KEY_DEPOSIT, "replacing holds nothing more");

			assert_ok!(Roles::clear_encryption_key(origin(CUSTOMS_DE)));
			System::assert_last_event(Event::EncryptionKeyCleared { who: CUSTOMS_DE }.into());
			assert_eq!(key_held(CUSTOMS_DE), 0);
			assert_eq!(Roles::encryption_key(&CUSTOMS_DE), None);
		});
	}

	#[test]
	fn only_active_members_publish_keys() {
		build_and_execute(|| {
			assert_noop!(
				Roles::set_encryption_key(origin(OP), [1u8; 32]),
				Error::<Test>::NotMember
			);
			register_operator();
			suspend_operator();
			assert_noop!(
				Roles::set_encryption_key(origin(OP), [1u8; 32]),
				Error::<Test>::NotMember
			);
		});
	}

	#[test]
	fn the_zero_key_is_rejected() {
		build_and_execute(|| {
			assert_noop!(
				Roles::set_encryption_key(origin(CUSTOMS_DE), [0u8; 32]),
				Error::<Test>::InvalidKey
			);
		});
	}

	#[test]
	fn clearing_needs_a_key() {
		build_and_execute(|| {
			assert_noop!(Roles::clear_encryption_key(origin(OP)), Error::<Test>::NoEncryptionKey);
		});
	}
}

#[test]
fn genesis_agencies_hold_their_roles() {
	build_and_execute(|| {
		assert!(Roles::has_role(&CUSTOMS_DE, Role::CUSTOMS, de()));
		assert!(Roles::has_role(&CUSTOMS_FR, Role::CUSTOMS, fr()));
		assert!(Roles::has_role(&ISSUER_DE, Role::ORIGIN_ISSUER, de()));
		assert!(!Roles::has_role(&ISSUER_DE, Role::CUSTOMS, de()));
	});
}

mod membership {
	use super::*;
	use crate::{migrations::MigrateToV1, Members};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	/// [`Members`] as a number (0 for no entry).
	fn members(who: u64) -> u32 {
		Members::<Test>::get(who).unwrap_or(0)
	}

	#[test]
	fn membership_follows_every_change_of_an_active_role() {
		build_and_execute(|| {
			assert!(!Roles::is_member(&OP));
			assert_ok!(Roles::apply(
				origin(OP),
				OperatorKind::EconomicOperator,
				de(),
				eori("DE123")
			));
			// An application is not a role.
			assert!(!Roles::is_member(&OP));
			Judged::mutate(|j| j.push(OP));
			assert_ok!(Roles::approve(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator));
			assert_eq!(members(OP), 1);
			// A second role for the same account is counted once more.
			assert_ok!(Roles::appoint_agency(
				RuntimeOrigin::root(),
				OP,
				crate::AgencyKind::PortAuthority,
				fr()
			));
			assert_eq!(members(OP), 2);
			suspend_operator();
			assert_eq!(members(OP), 1);
			assert!(Roles::is_member(&OP), "still a port authority");
			assert_ok!(Roles::dismiss_agency(
				RuntimeOrigin::root(),
				OP,
				crate::AgencyKind::PortAuthority
			));
			// Only a suspended role is left: not a member, no entry.
			assert!(!Roles::is_member(&OP));
			assert!(!Members::<Test>::contains_key(OP));
			assert_ok!(Roles::reinstate(origin(CUSTOMS_DE), OP, OperatorKind::EconomicOperator));
			assert_eq!(members(OP), 1);
			assert_ok!(Roles::resign(origin(OP), OperatorKind::EconomicOperator));
			assert!(!Members::<Test>::contains_key(OP));
			// Removing a suspended role does not count it off twice.
			register_operator();
			suspend_operator();
			assert_ok!(Roles::remove_operator(
				origin(CUSTOMS_DE),
				OP,
				OperatorKind::EconomicOperator,
				reason("fraud")
			));
			assert!(!Members::<Test>::contains_key(OP));
			assert_eq!(members(CUSTOMS_DE), 1, "genesis agencies are members");
		});
	}

	#[test]
	fn the_v1_migration_counts_the_registry_once() {
		build_and_execute(|| {
			register_operator();
			suspend_operator();
			assert_ok!(Roles::apply(origin(BANK), OperatorKind::Bank, de(), None));
			Judged::mutate(|j| j.push(BANK));
			assert_ok!(Roles::approve(origin(CUSTOMS_DE), BANK, OperatorKind::Bank));
			let expected: Vec<_> = {
				let mut m: Vec<_> = Members::<Test>::iter().collect();
				m.sort();
				m
			};
			// A chain of version 0 has no counts.
			let _ = Members::<Test>::clear(u32::MAX, None);
			StorageVersion::new(0).put::<Roles>();
			assert!(!Roles::is_member(&BANK));
			MigrateToV1::<Test>::on_runtime_upgrade();
			let mut migrated: Vec<_> = Members::<Test>::iter().collect();
			migrated.sort();
			assert_eq!(migrated, expected);
			assert!(Roles::is_member(&BANK) && !Roles::is_member(&OP));
			assert_eq!(Roles::on_chain_storage_version(), StorageVersion::new(1));
			// A second run (version 1 already) changes nothing.
			Members::<Test>::insert(BANK, 7);
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert_eq!(members(BANK), 7);
			Members::<Test>::insert(BANK, 1);
		});
	}
}
