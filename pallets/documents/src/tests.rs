//! Unit tests of the documents pallet: one test per behaviour, every error path with
//! `assert_noop!`.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::{DispatchError, TokenError};
use tradechain_primitives::{document_hash, DocumentHash};

use crate::{
	mock::*, DocumentKind, Documents as DocumentsStorage, Error, Event, Grants, HoldReason,
	TransferAction, TransferStatus, Transferables,
};

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn invoice() -> DocumentHash {
	document_hash(b"invoice INV-2026-0042")
}

fn bill() -> DocumentHash {
	document_hash(b"bill of lading MSKU1234567")
}

fn reference(s: &str) -> Option<BoundedVec<u8, frame_support::traits::ConstU32<32>>> {
	Some(s.as_bytes().to_vec().try_into().unwrap())
}

fn envelope(byte: u8) -> BoundedVec<u8, frame_support::traits::ConstU32<128>> {
	vec![byte; 80].try_into().unwrap()
}

fn held(reason: HoldReason, who: u64) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Documents(reason), &who)
}

fn anchor_invoice() {
	assert_ok!(Documents::anchor(
		origin(SHIPPER),
		invoice(),
		DocumentKind::Invoice,
		reference("INV-42")
	));
}

fn issue_bill() {
	assert_ok!(Documents::issue_transferable(
		origin(CARRIER),
		bill(),
		SHIPPER,
		reference("MSKU1234567")
	));
}

mod anchoring {
	use super::*;

	#[test]
	fn a_member_anchors_and_anyone_verifies() {
		build_and_execute(|| {
			anchor_invoice();
			System::assert_last_event(
				Event::Anchored {
					hash: invoice(),
					owner: SHIPPER,
					kind: DocumentKind::Invoice,
					reference: reference("INV-42"),
				}
				.into(),
			);
			let info = Documents::document(invoice()).expect("registered original");
			assert_eq!(
				(info.owner, info.kind, info.anchored_at),
				(SHIPPER, DocumentKind::Invoice, 1_700_000_000_000)
			);
			assert_eq!(info.reference, Some(b"INV-42".to_vec()));
			assert!(info.transfer.is_none());
			assert_eq!(held(HoldReason::Document, SHIPPER), DOCUMENT_DEPOSIT);
			// A tampered file has another hash, which is unknown.
			assert!(Documents::document(document_hash(b"invoice INV-2026-0043")).is_none());
		});
	}

	#[test]
	fn outsiders_cannot_anchor() {
		build_and_execute(|| {
			assert_noop!(
				Documents::anchor(origin(OUTSIDER), invoice(), DocumentKind::Invoice, None),
				Error::<Test>::NotMember
			);
			assert_noop!(
				Documents::anchor(RuntimeOrigin::root(), invoice(), DocumentKind::Invoice, None),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_hash_is_anchored_once() {
		build_and_execute(|| {
			anchor_invoice();
			assert_noop!(
				Documents::anchor(origin(BANK), invoice(), DocumentKind::Other, None),
				Error::<Test>::AlreadyAnchored
			);
		});
	}

	#[test]
	fn anchoring_without_funds_fails_and_changes_nothing() {
		build_and_execute(|| {
			Members::mutate(|m| m.push((42, tradechain_primitives::Role::BANK)));
			assert_noop!(
				Documents::anchor(origin(42), invoice(), DocumentKind::Invoice, None),
				TokenError::FundsUnavailable
			);
		});
	}

	#[test]
	fn the_owner_removes_an_anchor_and_gets_the_deposit_back() {
		build_and_execute(|| {
			anchor_invoice();
			assert_noop!(Documents::remove(origin(BANK), invoice()), Error::<Test>::NotOwner);
			assert_ok!(Documents::remove(origin(SHIPPER), invoice()));
			System::assert_last_event(Event::Removed { hash: invoice(), owner: SHIPPER }.into());
			assert_eq!(held(HoldReason::Document, SHIPPER), 0);
			assert_eq!(Balances::free_balance(SHIPPER), 1_000);
			assert_noop!(
				Documents::remove(origin(SHIPPER), invoice()),
				Error::<Test>::DocumentNotFound
			);
		});
	}

	#[test]
	fn an_anchor_with_readers_cannot_be_removed() {
		build_and_execute(|| {
			anchor_invoice();
			assert_ok!(Documents::grant_access(origin(SHIPPER), invoice(), CUSTOMS, envelope(1)));
			assert_noop!(Documents::remove(origin(SHIPPER), invoice()), Error::<Test>::HasGrants);
		});
	}

	#[test]
	fn a_transferable_anchor_cannot_be_removed() {
		build_and_execute(|| {
			issue_bill();
			assert_noop!(Documents::remove(origin(CARRIER), bill()), Error::<Test>::IsTransferable);
		});
	}
}

mod sharing {
	use super::*;

	#[test]
	fn the_owner_grants_and_revokes_envelopes() {
		build_and_execute(|| {
			anchor_invoice();
			assert_ok!(Documents::grant_access(origin(SHIPPER), invoice(), CUSTOMS, envelope(1)));
			System::assert_last_event(
				Event::AccessGranted { hash: invoice(), reader: CUSTOMS }.into(),
			);
			assert_eq!(Documents::envelope(invoice(), CUSTOMS), Some(vec![1u8; 80]));
			assert_eq!(held(HoldReason::Grant, SHIPPER), GRANT_DEPOSIT);

			// Re-keying replaces the envelope for the same deposit.
			assert_ok!(Documents::grant_access(origin(SHIPPER), invoice(), CUSTOMS, envelope(2)));
			assert_eq!(Documents::envelope(invoice(), CUSTOMS), Some(vec![2u8; 80]));
			assert_eq!(held(HoldReason::Grant, SHIPPER), GRANT_DEPOSIT);
			assert_eq!(DocumentsStorage::<Test>::get(invoice()).unwrap().grants, 1);

			assert_ok!(Documents::revoke_access(origin(SHIPPER), invoice(), CUSTOMS));
			System::assert_last_event(
				Event::AccessRevoked { hash: invoice(), reader: CUSTOMS }.into(),
			);
			assert_eq!(Documents::envelope(invoice(), CUSTOMS), None);
			assert_eq!(held(HoldReason::Grant, SHIPPER), 0);
		});
	}

	#[test]
	fn only_the_owner_shares() {
		build_and_execute(|| {
			anchor_invoice();
			assert_noop!(
				Documents::grant_access(origin(BANK), invoice(), CUSTOMS, envelope(1)),
				Error::<Test>::NotOwner
			);
			assert_ok!(Documents::grant_access(origin(SHIPPER), invoice(), CUSTOMS, envelope(1)));
			assert_noop!(
				Documents::revoke_access(origin(CUSTOMS), invoice(), CUSTOMS),
				Error::<Test>::NotOwner
			);
		});
	}

	#[test]
	fn sharing_an_unknown_document_fails() {
		build_and_execute(|| {
			assert_noop!(
				Documents::grant_access(origin(SHIPPER), invoice(), CUSTOMS, envelope(1)),
				Error::<Test>::DocumentNotFound
			);
		});
	}

	#[test]
	fn a_reader_needs_a_published_key() {
		build_and_execute(|| {
			anchor_invoice();
			assert_noop!(
				Documents::grant_access(origin(SHIPPER), invoice(), CONSIGNEE, envelope(1)),
				Error::<Test>::ReaderHasNoKey
			);
		});
	}

	#[test]
	fn an_envelope_is_not_empty() {
		build_and_execute(|| {
			anchor_invoice();
			assert_noop!(
				Documents::grant_access(origin(SHIPPER), invoice(), CUSTOMS, BoundedVec::new()),
				Error::<Test>::EmptyEnvelope
			);
		});
	}

	#[test]
	fn readers_are_bounded() {
		build_and_execute(|| {
			Keys::mutate(|k| k.extend([(SHIPPER, [2u8; 32]), (CONSIGNEE, [5u8; 32])]));
			anchor_invoice();
			for reader in [CUSTOMS, BANK, CONSIGNEE] {
				assert_ok!(Documents::grant_access(
					origin(SHIPPER),
					invoice(),
					reader,
					envelope(1)
				));
			}
			assert_noop!(
				Documents::grant_access(origin(SHIPPER), invoice(), SHIPPER, envelope(1)),
				Error::<Test>::TooManyGrants
			);
		});
	}

	#[test]
	fn revoking_needs_a_grant() {
		build_and_execute(|| {
			anchor_invoice();
			assert_noop!(
				Documents::revoke_access(origin(SHIPPER), invoice(), CUSTOMS),
				Error::<Test>::GrantNotFound
			);
			assert!(Grants::<Test>::iter().next().is_none());
		});
	}
}

mod transferable {
	use super::*;

	#[test]
	fn a_bill_of_lading_is_issued_endorsed_twice_and_surrendered() {
		build_and_execute(|| {
			issue_bill();
			System::assert_last_event(
				Event::TransferableIssued { hash: bill(), carrier: CARRIER, holder: SHIPPER }
					.into(),
			);
			assert_ok!(Documents::endorse(origin(SHIPPER), bill(), BANK));
			System::assert_last_event(
				Event::EndorsementOffered { hash: bill(), from: SHIPPER, to: BANK }.into(),
			);
			assert_eq!(
				Transferables::<Test>::get(bill()).unwrap().holder,
				SHIPPER,
				"not before acceptance"
			);
			assert_ok!(Documents::accept_endorsement(origin(BANK), bill()));
			System::assert_last_event(
				Event::Endorsed { hash: bill(), from: SHIPPER, to: BANK }.into(),
			);
			assert_ok!(Documents::endorse(origin(BANK), bill(), CONSIGNEE));
			assert_ok!(Documents::accept_endorsement(origin(CONSIGNEE), bill()));
			assert_ok!(Documents::surrender(origin(CONSIGNEE), bill()));
			System::assert_last_event(
				Event::Surrendered { hash: bill(), holder: CONSIGNEE, carrier: CARRIER }.into(),
			);

			let info = Documents::document(bill()).unwrap();
			assert_eq!(info.kind, DocumentKind::BillOfLading);
			let transfer = info.transfer.unwrap();
			assert_eq!(transfer.status, TransferStatus::Surrendered);
			let actions: Vec<_> = transfer.history.into_iter().map(|e| e.action).collect();
			assert_eq!(
				actions,
				vec![
					TransferAction::Issued { to: SHIPPER },
					TransferAction::Endorsed { from: SHIPPER, to: BANK },
					TransferAction::Endorsed { from: BANK, to: CONSIGNEE },
					TransferAction::Surrendered { by: CONSIGNEE },
				]
			);
		});
	}

	#[test]
	fn only_carriers_issue() {
		build_and_execute(|| {
			assert_noop!(
				Documents::issue_transferable(origin(SHIPPER), bill(), BANK, None),
				Error::<Test>::NotCarrier
			);
		});
	}

	#[test]
	fn the_first_holder_must_be_a_member() {
		build_and_execute(|| {
			assert_noop!(
				Documents::issue_transferable(origin(CARRIER), bill(), OUTSIDER, None),
				Error::<Test>::InvalidEndorsee
			);
		});
	}

	#[test]
	fn issuing_an_anchored_hash_fails() {
		build_and_execute(|| {
			issue_bill();
			assert_noop!(
				Documents::issue_transferable(origin(CARRIER), bill(), SHIPPER, None),
				Error::<Test>::AlreadyAnchored
			);
		});
	}

	#[test]
	fn only_the_holder_endorses_or_surrenders() {
		build_and_execute(|| {
			issue_bill();
			assert_noop!(
				Documents::endorse(origin(CARRIER), bill(), BANK),
				Error::<Test>::NotHolder
			);
			assert_noop!(Documents::surrender(origin(BANK), bill()), Error::<Test>::NotHolder);
			assert_noop!(
				Documents::endorse(origin(SHIPPER), invoice(), BANK),
				Error::<Test>::NotTransferable
			);
		});
	}

	#[test]
	fn endorsement_goes_to_another_member() {
		build_and_execute(|| {
			issue_bill();
			assert_noop!(
				Documents::endorse(origin(SHIPPER), bill(), SHIPPER),
				Error::<Test>::InvalidEndorsee
			);
			assert_noop!(
				Documents::endorse(origin(SHIPPER), bill(), OUTSIDER),
				Error::<Test>::InvalidEndorsee
			);
		});
	}

	#[test]
	fn one_endorsement_at_a_time_and_no_surrender_meanwhile() {
		build_and_execute(|| {
			issue_bill();
			assert_ok!(Documents::endorse(origin(SHIPPER), bill(), BANK));
			assert_noop!(
				Documents::endorse(origin(SHIPPER), bill(), CONSIGNEE),
				Error::<Test>::EndorsementPending
			);
			assert_noop!(
				Documents::surrender(origin(SHIPPER), bill()),
				Error::<Test>::EndorsementPending
			);
		});
	}

	#[test]
	fn only_the_offered_party_accepts() {
		build_and_execute(|| {
			issue_bill();
			assert_noop!(
				Documents::accept_endorsement(origin(BANK), bill()),
				Error::<Test>::NoPendingEndorsement
			);
			assert_ok!(Documents::endorse(origin(SHIPPER), bill(), BANK));
			assert_noop!(
				Documents::accept_endorsement(origin(CONSIGNEE), bill()),
				Error::<Test>::NoPendingEndorsement
			);
			assert_noop!(
				Documents::accept_endorsement(origin(BANK), invoice()),
				Error::<Test>::NotTransferable
			);
		});
	}

	#[test]
	fn the_holder_withdraws_or_the_offered_party_declines() {
		build_and_execute(|| {
			issue_bill();
			assert_noop!(
				Documents::cancel_endorsement(origin(SHIPPER), bill()),
				Error::<Test>::NoPendingEndorsement
			);
			assert_ok!(Documents::endorse(origin(SHIPPER), bill(), BANK));
			assert_noop!(
				Documents::cancel_endorsement(origin(CONSIGNEE), bill()),
				Error::<Test>::NotHolder
			);
			assert_ok!(Documents::cancel_endorsement(origin(BANK), bill()));
			System::assert_last_event(
				Event::EndorsementCancelled { hash: bill(), by: BANK }.into(),
			);
			assert_ok!(Documents::endorse(origin(SHIPPER), bill(), BANK));
			assert_ok!(Documents::cancel_endorsement(origin(SHIPPER), bill()));
			assert_eq!(Transferables::<Test>::get(bill()).unwrap().status, TransferStatus::Active);
			assert_noop!(
				Documents::cancel_endorsement(origin(SHIPPER), invoice()),
				Error::<Test>::NotTransferable
			);
		});
	}

	#[test]
	fn nothing_happens_after_surrender() {
		build_and_execute(|| {
			issue_bill();
			assert_ok!(Documents::surrender(origin(SHIPPER), bill()));
			assert_noop!(
				Documents::endorse(origin(SHIPPER), bill(), BANK),
				Error::<Test>::AlreadySurrendered
			);
			assert_noop!(
				Documents::surrender(origin(SHIPPER), bill()),
				Error::<Test>::AlreadySurrendered
			);
			assert_noop!(
				Documents::accept_endorsement(origin(BANK), bill()),
				Error::<Test>::AlreadySurrendered
			);
			assert_noop!(
				Documents::cancel_endorsement(origin(SHIPPER), bill()),
				Error::<Test>::AlreadySurrendered
			);
		});
	}

	#[test]
	fn history_is_bounded_and_keeps_room_for_the_surrender() {
		build_and_execute(|| {
			issue_bill();
			// Issued + 2 endorsements + the surrender fill MAX_HISTORY = 4.
			for (from, to) in [(SHIPPER, BANK), (BANK, CONSIGNEE)] {
				assert_ok!(Documents::endorse(origin(from), bill(), to));
				assert_ok!(Documents::accept_endorsement(origin(to), bill()));
			}
			assert_noop!(
				Documents::endorse(origin(CONSIGNEE), bill(), SHIPPER),
				Error::<Test>::HistoryFull
			);
			assert_ok!(Documents::surrender(origin(CONSIGNEE), bill()));
			assert_eq!(
				Transferables::<Test>::get(bill()).unwrap().history.len() as u32,
				MAX_HISTORY
			);
		});
	}
}
