//! Unit tests of the validator-set pallet.

use frame_support::{
	assert_noop, assert_ok,
	traits::{EstimateNextSessionRotation, Get},
};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{BuildStorage, DispatchError, Permill};

use crate::{mock::*, ChangePending, Error, Event, SessionLength, SessionStart, Validators};

fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(COUNCIL)
}

#[test]
fn genesis_sets_the_validators_and_the_session_length() {
	test(|| {
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 3]);
		assert_eq!(SessionLength::<Test>::get(), 10);
		assert!(!ChangePending::<Test>::get());
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![1, 2, 3]));
	});
}

#[test]
fn an_added_validator_is_planned_at_the_next_session_change() {
	test(|| {
		assert_ok!(ValidatorSet::add_validator(council(), JOINER));
		System::assert_last_event(Event::ValidatorAdded { who: JOINER }.into());
		assert!(ChangePending::<Test>::get());
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, JOINER]));
		System::assert_last_event(Event::ValidatorsPlanned { session: 2, validators: 4 }.into());
		// Handed over once: the next session keeps the set.
		assert_eq!(ValidatorSet::new_session(3), None);
	});
}

#[test]
fn a_removed_validator_is_planned_out() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(council(), 2));
		System::assert_last_event(Event::ValidatorRemoved { who: 2 }.into());
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 3]));
	});
}

#[test]
fn only_governance_changes_the_set() {
	test(|| {
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::signed(JOINER)] {
			assert_noop!(
				ValidatorSet::add_validator(origin.clone(), JOINER),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidatorSet::remove_validator(origin.clone(), 2),
				DispatchError::BadOrigin
			);
			assert_noop!(ValidatorSet::set_session_length(origin, 20), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn add_errors() {
	test(|| {
		assert_noop!(ValidatorSet::add_validator(council(), 2), Error::<Test>::AlreadyValidator);
		assert_noop!(ValidatorSet::add_validator(council(), KEYLESS), Error::<Test>::NoSessionKeys);
		Registered::mutate(|r| r.extend([KEYLESS, 6]));
		assert_ok!(ValidatorSet::add_validator(council(), JOINER));
		assert_ok!(ValidatorSet::add_validator(council(), KEYLESS));
		assert_eq!(
			Validators::<Test>::get().len() as u32,
			<<Test as crate::Config>::MaxValidators as Get<u32>>::get()
		);
		assert_noop!(ValidatorSet::add_validator(council(), 6), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn remove_errors() {
	test(|| {
		assert_noop!(
			ValidatorSet::remove_validator(council(), JOINER),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(council(), 3));
		// Two left, the minimum.
		assert_noop!(ValidatorSet::remove_validator(council(), 2), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn sessions_end_every_session_length_blocks() {
	test(|| {
		assert!(!ValidatorSet::should_end_session(9));
		assert!(ValidatorSet::should_end_session(10));
		System::set_block_number(10);
		ValidatorSet::start_session(1);
		assert_eq!(SessionStart::<Test>::get(), 10);
		assert!(!ValidatorSet::should_end_session(19));
		assert!(ValidatorSet::should_end_session(20));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(12).0, Some(20));
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(15).0,
			Some(Permill::from_percent(50))
		);
		assert_eq!(ValidatorSet::average_session_length(), 10);
	});
}

#[test]
fn a_new_session_length_applies_to_the_running_session() {
	test(|| {
		assert_ok!(ValidatorSet::set_session_length(council(), 4));
		System::assert_last_event(Event::SessionLengthSet { blocks: 4 }.into());
		assert!(ValidatorSet::should_end_session(4));
		assert_noop!(
			ValidatorSet::set_session_length(council(), 1),
			Error::<Test>::SessionTooShort
		);
	});
}

#[test]
#[should_panic(expected = "duplicate validators")]
fn genesis_refuses_duplicates() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { validators: vec![1, 1], session_length: 10 }
		.assimilate_storage(&mut storage)
		.unwrap();
}

#[test]
fn try_state_catches_a_broken_set() {
	test(|| {
		Validators::<Test>::put(frame_support::BoundedVec::truncate_from(vec![1, 1, 2]));
		assert!(ValidatorSet::do_try_state().is_err());
		Validators::<Test>::put(frame_support::BoundedVec::truncate_from(vec![1, 2]));
		SessionLength::<Test>::put(1);
		assert!(ValidatorSet::do_try_state().is_err());
		SessionLength::<Test>::put(10);
	});
}
