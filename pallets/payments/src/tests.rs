//! Unit tests: every call's effect, every error path with `assert_noop!` (a failed call changes
//! no state), and a property test over random sequences of calls that checks after every step
//! that no funds appear or vanish.

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{DispatchError, Perbill, TokenError};
use tradechain_primitives::{document_hash, DutyPayment, Location};

use crate::{mock::*, *};

type E = Error<Test>;

fn escrowed(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Escrow.into(), &who)
}

fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

fn port() -> Location {
	Location::UnLocode("DEHAM".parse().unwrap())
}

fn conditions(list: Vec<(ConditionOf<Test>, u64)>) -> NewConditionsOf<Test> {
	list.try_into().unwrap()
}

fn release_and_receipt() -> NewConditionsOf<Test> {
	conditions(vec![
		(Condition::DeclarationReleased { declaration: 7 }, 0),
		(
			Condition::ConsignmentReceived {
				consignment: document_hash(b"sscc"),
				location: port(),
			},
			0,
		),
	])
}

fn create(amount: u64, conditions: NewConditionsOf<Test>, partial: bool) -> EscrowId {
	let id = Payments::next_id();
	assert_ok!(Payments::create(
		signed(BUYER),
		SELLER,
		ARBITER,
		amount,
		conditions,
		partial,
		Timestamp::get() + 30 * DAY,
		Some(document_hash(b"contract"))
	));
	id
}

mod escrow {
	use super::*;

	#[test]
	fn the_seller_is_paid_only_when_all_conditions_hold() {
		build_and_execute(|| {
			let id = create(1_000, release_and_receipt(), false);
			assert_eq!(escrowed(BUYER), 1_000 + ESCROW_DEPOSIT);
			assert_eq!(free(BUYER), ENDOWMENT - 1_000 - ESCROW_DEPOSIT);
			assert_noop!(Payments::release(signed(OUTSIDER), id), E::ConditionsNotMet);
			Released::set(vec![7]);
			assert_noop!(Payments::release(signed(OUTSIDER), id), E::ConditionsNotMet);
			Received::set(vec![(document_hash(b"sscc"), port())]);
			let info = &Payments::escrows_of(&SELLER)[0];
			assert!(info.conditions.iter().all(|(_, _, holds)| *holds));
			assert_ok!(Payments::release(signed(OUTSIDER), id));
			assert_eq!(
				last_event(),
				Event::Released { id, seller: SELLER, amount: 1_000, complete: true }.into()
			);
			assert_eq!(free(SELLER), ENDOWMENT + 1_000);
			assert_eq!(free(BUYER), ENDOWMENT - 1_000);
			assert_eq!(escrowed(BUYER), 0);
			assert!(Escrows::<Test>::get(id).is_none());
			assert!(Payments::escrows_of(&BUYER).is_empty());
			assert_noop!(Payments::release(signed(OUTSIDER), id), E::EscrowNotFound);
		});
	}

	#[test]
	fn a_partial_escrow_pays_each_share_as_its_condition_holds() {
		build_and_execute(|| {
			let list = conditions(vec![
				(Condition::ApprovedBy { party: BANK }, 300),
				(Condition::BillOfLadingSurrendered { bill: document_hash(b"bill") }, 700),
			]);
			let id = create(1_000, list, true);
			assert_noop!(Payments::approve(signed(OUTSIDER), id), E::NotApprover);
			assert_ok!(Payments::approve(signed(BANK), id));
			assert_eq!(last_event(), Event::Approved { id, by: BANK }.into());
			assert_noop!(Payments::approve(signed(BANK), id), E::AlreadyApproved);
			assert_ok!(Payments::release(signed(SELLER), id));
			assert_eq!(free(SELLER), ENDOWMENT + 300);
			assert_eq!(Escrows::<Test>::get(id).unwrap().released, 300);
			assert_noop!(Payments::release(signed(SELLER), id), E::ConditionsNotMet);
			Surrendered::set(vec![document_hash(b"bill")]);
			assert_ok!(Payments::release(signed(SELLER), id));
			assert_eq!(free(SELLER), ENDOWMENT + 1_000);
			assert!(Escrows::<Test>::get(id).is_none());
		});
	}

	#[test]
	fn a_certificate_condition_holds_while_usable_or_once_used() {
		build_and_execute(|| {
			let cert = document_hash(b"certificate");
			let list = conditions(vec![(
				Condition::CertificateValid { certificate: cert, destination: de() },
				0,
			)]);
			let id = create(500, list, false);
			// Issued to another importer: does not hold.
			Certificates::set(vec![(cert, SELLER, de(), false)]);
			assert_noop!(Payments::release(signed(BUYER), id), E::ConditionsNotMet);
			Certificates::set(vec![(cert, BUYER, de(), true)]);
			assert_ok!(Payments::release(signed(BUYER), id));
			assert_eq!(free(SELLER), ENDOWMENT + 500);
		});
	}

	#[test]
	fn an_expired_escrow_is_refunded() {
		build_and_execute(|| {
			let id = create(1_000, release_and_receipt(), false);
			assert_noop!(Payments::refund(signed(OUTSIDER), id), E::DeadlineNotReached);
			advance(30 * DAY + 1);
			assert_ok!(Payments::refund(signed(OUTSIDER), id));
			assert_eq!(last_event(), Event::Refunded { id, buyer: BUYER, amount: 1_000 }.into());
			assert_eq!(free(BUYER), ENDOWMENT);
			assert_noop!(Payments::refund(signed(OUTSIDER), id), E::EscrowNotFound);
		});
	}

	#[test]
	fn a_partly_released_escrow_refunds_only_the_rest() {
		build_and_execute(|| {
			let list = conditions(vec![
				(Condition::ApprovedBy { party: BANK }, 400),
				(Condition::DeclarationReleased { declaration: 1 }, 600),
			]);
			let id = create(1_000, list, true);
			assert_ok!(Payments::approve(signed(BANK), id));
			assert_ok!(Payments::release(signed(SELLER), id));
			advance(30 * DAY + 1);
			assert_ok!(Payments::refund(signed(BUYER), id));
			assert_eq!(free(BUYER), ENDOWMENT - 400);
			assert_eq!(free(SELLER), ENDOWMENT + 400);
		});
	}

	#[test]
	fn an_arbiter_settles_a_dispute_in_any_split() {
		build_and_execute(|| {
			let id = create(1_000, release_and_receipt(), false);
			assert_noop!(Payments::dispute(signed(BANK), id, text("late")), E::NotParty);
			assert_noop!(
				Payments::settle(
					signed(ARBITER),
					id,
					Settlement { seller_share: Perbill::from_percent(70) }
				),
				E::NotDisputed
			);
			assert_ok!(Payments::dispute(signed(BUYER), id, text("goods damaged")));
			assert_noop!(Payments::dispute(signed(SELLER), id, text("x")), E::Disputed);
			// A disputed escrow is neither released nor refunded.
			Released::set(vec![7]);
			Received::set(vec![(document_hash(b"sscc"), port())]);
			assert_noop!(Payments::release(signed(SELLER), id), E::Disputed);
			advance(31 * DAY);
			assert_noop!(Payments::refund(signed(BUYER), id), E::Disputed);
			let split = Settlement { seller_share: Perbill::from_percent(70) };
			assert_noop!(Payments::settle(signed(OTHER_ARBITER), id, split), E::NotArbiter);
			assert_noop!(Payments::settle(signed(BUYER), id, split), E::NotArbiter);
			assert_ok!(Payments::settle(signed(ARBITER), id, split));
			assert_eq!(
				last_event(),
				Event::Settled { id, arbiter: ARBITER, to_seller: 700, to_buyer: 300 }.into()
			);
			assert_eq!(free(SELLER), ENDOWMENT + 700);
			assert_eq!(free(BUYER), ENDOWMENT - 700);
			// The arbiter must still hold the role.
			let id = create(100, release_and_receipt(), false);
			assert_ok!(Payments::dispute(signed(SELLER), id, text("unpaid")));
			Members::mutate(|m| m.retain(|(w, _)| *w != ARBITER));
			assert_noop!(Payments::settle(signed(ARBITER), id, split), E::NotArbiter);
		});
	}

	#[test]
	fn creation_checks_every_input() {
		build_and_execute(|| {
			let c = release_and_receipt;
			let deadline = START + DAY;
			let make = |who, seller, arbiter, amount, conditions, partial, deadline| {
				Payments::create(
					signed(who),
					seller,
					arbiter,
					amount,
					conditions,
					partial,
					deadline,
					None,
				)
			};
			assert_noop!(make(OUTSIDER, SELLER, ARBITER, 100, c(), false, deadline), E::NotMember);
			assert_noop!(make(BUYER, BUYER, ARBITER, 100, c(), false, deadline), E::InvalidSeller);
			assert_noop!(
				make(BUYER, OUTSIDER, ARBITER, 100, c(), false, deadline),
				E::InvalidSeller
			);
			assert_noop!(make(BUYER, SELLER, BANK, 100, c(), false, deadline), E::InvalidArbiter);
			assert_noop!(
				make(BUYER, ARBITER, ARBITER, 100, c(), false, deadline),
				E::InvalidArbiter
			);
			assert_noop!(
				make(BUYER, SELLER, ARBITER, 100, Default::default(), false, deadline),
				E::NoConditions
			);
			assert_noop!(make(BUYER, SELLER, ARBITER, 9, c(), false, deadline), E::AmountTooLow);
			let with_shares = conditions(vec![(Condition::ApprovedBy { party: BANK }, 100)]);
			assert_noop!(
				make(BUYER, SELLER, ARBITER, 100, with_shares.clone(), false, deadline),
				E::SharesMismatch
			);
			assert_noop!(
				make(BUYER, SELLER, ARBITER, 101, with_shares, true, deadline),
				E::SharesMismatch
			);
			let small = conditions(vec![
				(Condition::ApprovedBy { party: BANK }, 95),
				(Condition::ApprovedBy { party: ARBITER }, 5),
			]);
			assert_noop!(make(BUYER, SELLER, ARBITER, 100, small, true, deadline), E::AmountTooLow);
			assert_noop!(make(BUYER, SELLER, ARBITER, 100, c(), false, START), E::InvalidDeadline);
			assert_noop!(
				make(BUYER, SELLER, ARBITER, 100, c(), false, START + 366 * DAY),
				E::InvalidDeadline
			);
			assert_noop!(
				make(POOR, SELLER, ARBITER, 100, c(), false, deadline),
				DispatchError::Token(TokenError::FundsUnavailable)
			);
			// Ids come from the block's event count: two creations in one block differ.
			let first = create(100, c(), false);
			let second = create(100, c(), false);
			assert!(second > first && first >> 32 == second >> 32, "{first:#x} {second:#x}");
			// Once the block's event count stops growing, no id is made.
			let count = frame_system::Pallet::<Test>::event_count();
			let key = frame_support::storage::storage_prefix(b"System", b"EventCount");
			frame_support::storage::unhashed::put(&key, &u32::MAX);
			assert_noop!(make(BUYER, SELLER, ARBITER, 100, c(), false, deadline), E::EscrowIdTaken);
			frame_support::storage::unhashed::put(&key, &count);
			assert_noop!(Payments::approve(signed(BANK), 99), E::EscrowNotFound);
			assert_noop!(Payments::dispute(signed(BUYER), 99, text("x")), E::EscrowNotFound);
			assert_noop!(
				Payments::settle(signed(ARBITER), 99, Settlement { seller_share: Perbill::zero() }),
				E::EscrowNotFound
			);
			assert_noop!(
				Payments::create(
					RuntimeOrigin::none(),
					SELLER,
					ARBITER,
					100,
					c(),
					false,
					deadline,
					None
				),
				DispatchError::BadOrigin
			);
		});
	}
}

mod migration {
	use super::*;
	use crate::migrations::MigrateToV1;
	use frame_support::traits::{
		fungible::MutateHold, tokens::Precision, GetStorageVersion, OnRuntimeUpgrade,
		StorageVersion,
	};

	fn held(reason: HoldReason, who: u64) -> u64 {
		Balances::balance_on_hold(&reason.into(), &who)
	}

	#[test]
	fn the_v1_migration_moves_deposits_into_the_escrow_hold() {
		build_and_execute(|| {
			let first = create(1_000, release_and_receipt(), false);
			let second = create(300, release_and_receipt(), false);
			// A chain of version 0: the deposits held apart.
			for _ in [first, second] {
				assert_ok!(Balances::release(
					&HoldReason::Escrow.into(),
					&BUYER,
					ESCROW_DEPOSIT,
					Precision::Exact
				));
				assert_ok!(Balances::hold(
					&HoldReason::EscrowDeposit.into(),
					&BUYER,
					ESCROW_DEPOSIT
				));
			}
			StorageVersion::new(0).put::<Payments>();
			assert!(Payments::do_try_state().is_err(), "version 1's invariant fails before");
			let (issuance, total) = (Balances::total_issuance(), Balances::total_balance(&BUYER));
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert_eq!(held(HoldReason::Escrow, BUYER), 1_300 + 2 * ESCROW_DEPOSIT);
			assert_eq!(held(HoldReason::EscrowDeposit, BUYER), 0);
			assert_eq!(
				(Balances::total_issuance(), Balances::total_balance(&BUYER)),
				(issuance, total)
			);
			assert_eq!(Payments::on_chain_storage_version(), StorageVersion::new(1));
			assert_ok!(Payments::do_try_state());
			// The migrated escrows close as new ones do: the refund returns amount and deposit.
			advance(31 * DAY);
			assert_ok!(Payments::refund(signed(OUTSIDER), first));
			assert_ok!(Payments::refund(signed(OUTSIDER), second));
			assert_eq!(Balances::total_balance_on_hold(&BUYER), 0);
			// A second run (version 1 already) changes nothing.
			MigrateToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Balances::total_balance_on_hold(&BUYER), 0);
		});
	}
}

mod duties {
	use super::*;

	#[test]
	fn duties_are_paid_or_deferred_to_the_treasury() {
		build_and_execute(|| {
			// (Treasuries of different countries differ with 32-byte accounts; the mock's u64
			// accounts truncate the derivation, see the runtime's test.)
			let treasury = Payments::treasury_account(de());
			assert_ok!(<Payments as DutyPayment<_, _>>::pay(&BUYER, de(), 1, 250));
			assert_eq!(free(treasury), 250);
			assert_eq!(
				last_event(),
				Event::DutyPaid { payer: BUYER, country: de(), declaration: 1, amount: 250 }.into()
			);
			assert!(<Payments as DutyPayment<_, _>>::pay(&POOR, de(), 2, 250).is_err());

			assert_ok!(<Payments as DutyPayment<_, _>>::defer(&SELLER, de(), 3, 120));
			assert_ok!(<Payments as DutyPayment<_, _>>::defer(&SELLER, de(), 4, 80));
			assert_eq!(<Payments as DutyPayment<_, _>>::deferred(&SELLER, de()), 200);
			assert_noop!(
				Payments::settle_deferred_duty(signed(SELLER), de(), 201),
				E::MoreThanOwed
			);
			assert_noop!(Payments::settle_deferred_duty(signed(BUYER), de(), 1), E::NothingOwed);
			assert_ok!(Payments::settle_deferred_duty(signed(SELLER), de(), 150));
			assert_eq!(
				last_event(),
				Event::DeferredDutySettled {
					payer: SELLER,
					country: de(),
					amount: 150,
					remaining: 50
				}
				.into()
			);
			assert_eq!(free(treasury), 400);
			assert_eq!(free(SELLER), ENDOWMENT - 150);
		});
	}
}

fn text(s: &str) -> ReasonOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

mod no_funds_lost {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Create { buyer: u64, seller: u64, amount: u64, partial: bool, declaration: u64 },
		Approve { escrow: u64 },
		FulfilDeclaration { declaration: u64 },
		Release { escrow: u64 },
		Advance { days: u64 },
		Refund { escrow: u64 },
		Dispute { escrow: u64, by_seller: bool },
		Settle { escrow: u64, percent: u32 },
	}

	fn party() -> impl Strategy<Value = u64> {
		prop_oneof![Just(BUYER), Just(SELLER), Just(BANK), Just(POOR)]
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			(party(), party(), 0u64..3_000, any::<bool>(), 0u64..3).prop_map(
				|(buyer, seller, amount, partial, declaration)| Op::Create {
					buyer,
					seller,
					amount,
					partial,
					declaration
				}
			),
			(0u64..6).prop_map(|escrow| Op::Approve { escrow }),
			(0u64..3).prop_map(|declaration| Op::FulfilDeclaration { declaration }),
			(0u64..6).prop_map(|escrow| Op::Release { escrow }),
			(0u64..40).prop_map(|days| Op::Advance { days }),
			(0u64..6).prop_map(|escrow| Op::Refund { escrow }),
			(0u64..6, any::<bool>())
				.prop_map(|(escrow, by_seller)| Op::Dispute { escrow, by_seller }),
			(0u64..6, 0u32..=100).prop_map(|(escrow, percent)| Op::Settle { escrow, percent }),
		]
	}

	fn apply(op: Op) {
		// Outcomes are not asserted here: failing calls are part of the test.
		let _ = match op {
			Op::Create { buyer, seller, amount, partial, declaration } => {
				let half = amount / 2;
				let shares = if partial { (half, amount - half) } else { (0, 0) };
				Payments::create(
					signed(buyer),
					seller,
					ARBITER,
					amount,
					conditions(vec![
						(Condition::ApprovedBy { party: BANK }, shares.0),
						(Condition::DeclarationReleased { declaration }, shares.1),
					]),
					partial,
					Timestamp::get() + 20 * DAY,
					None,
				)
			}
			Op::Approve { escrow } => Payments::approve(signed(BANK), escrow),
			Op::FulfilDeclaration { declaration } => {
				Released::mutate(|r| r.push(declaration));
				Ok(())
			}
			Op::Release { escrow } => {
				Payments::release(signed(OUTSIDER), escrow).map(|_| ()).map_err(|e| e.error)
			}
			Op::Advance { days } => {
				advance(days * DAY);
				Ok(())
			}
			Op::Refund { escrow } => Payments::refund(signed(OUTSIDER), escrow),
			Op::Dispute { escrow, by_seller } => {
				let who = Escrows::<Test>::get(escrow)
					.map(|e| if by_seller { e.seller } else { e.buyer })
					.unwrap_or(OUTSIDER);
				Payments::dispute(signed(who), escrow, text("dispute"))
			}
			Op::Settle { escrow, percent } => Payments::settle(
				signed(ARBITER),
				escrow,
				Settlement { seller_share: Perbill::from_percent(percent) },
			),
		};
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]
		/// After every step: total issuance is unchanged, the open escrows hold exactly what is on
		/// hold, and every account's funds add up (free + held) to what it started with plus what
		/// it was paid minus what it paid.
		#[test]
		fn random_sequences_never_create_or_lose_funds(ops in proptest::collection::vec(op(), 1..40)) {
			new_test_ext().execute_with(|| {
				let issuance = Balances::total_issuance();
				let accounts = [BUYER, SELLER, ARBITER, BANK, POOR, OUTSIDER];
				let total = || accounts.iter().map(|a| Balances::total_balance(a)).sum::<u64>();
				let before = total();
				for op in ops {
					apply(op.clone());
					prop_assert_eq!(Balances::total_issuance(), issuance, "after {:?}", op);
					prop_assert_eq!(total(), before, "after {:?}", op);
					Payments::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?} after {op:?}")))?;
				}
				// Past every deadline, every escrow that is not disputed can be refunded, and a
				// disputed one settled: then nothing stays held.
				advance(400 * DAY);
				for id in Escrows::<Test>::iter_keys().collect::<Vec<_>>() {
					let _ = Payments::refund(signed(OUTSIDER), id);
					let _ = Payments::settle(signed(ARBITER), id, Settlement { seller_share: Perbill::from_percent(50) });
				}
				prop_assert_eq!(Escrows::<Test>::iter().count(), 0);
				for a in accounts {
					prop_assert_eq!(Balances::total_balance_on_hold(&a), 0);
				}
				prop_assert_eq!(total(), before);
				Ok(())
			})?;
		}
	}
}
