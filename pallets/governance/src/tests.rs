//! Unit tests of the governance pallet.

use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_runtime::{traits::Hash, DispatchError};

use crate::{mock::*, Event};

fn set_heap_pages(pages: u64) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages { pages }))
}

#[test]
fn the_root_origin_dispatches_a_root_only_call() {
	new_test_ext().execute_with(|| {
		let call = set_heap_pages(64);
		let hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(Governance::dispatch_as_root(RuntimeOrigin::signed(COUNCIL), call));
		assert_eq!(
			sp_io::storage::get(sp_core::storage::well_known_keys::HEAP_PAGES).map(|v| v.to_vec()),
			Some(64u64.to_le_bytes().to_vec())
		);
		System::assert_last_event(Event::DispatchedAsRoot { call_hash: hash }.into());
	});
}

#[test]
fn anyone_else_is_refused_and_nothing_changes() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Governance::dispatch_as_root(RuntimeOrigin::signed(OUTSIDER), set_heap_pages(64)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Governance::dispatch_as_root(RuntimeOrigin::root(), set_heap_pages(64)),
			DispatchError::BadOrigin
		);
		assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::HEAP_PAGES), None);
	});
}

#[test]
fn a_failing_call_fails_with_its_own_error_and_emits_nothing() {
	new_test_ext().execute_with(|| {
		// Root is not the council: the nested dispatch fails with `BadOrigin`, and that error is
		// what the council's motion records.
		let nested = Box::new(RuntimeCall::Governance(crate::Call::dispatch_as_root {
			call: set_heap_pages(64),
		}));
		let err = Governance::dispatch_as_root(RuntimeOrigin::signed(COUNCIL), nested)
			.expect_err("Root is not the council");
		assert_eq!(err.error, DispatchError::BadOrigin);
		assert!(System::events().is_empty());
		assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::HEAP_PAGES), None);
	});
}

#[test]
fn the_weight_is_the_calls_plus_the_dispatch() {
	new_test_ext().execute_with(|| {
		let inner = set_heap_pages(64);
		let outer = RuntimeCall::Governance(crate::Call::dispatch_as_root { call: inner.clone() });
		let (inner, outer) = (inner.get_dispatch_info(), outer.get_dispatch_info());
		assert!(outer.call_weight.all_gte(inner.call_weight));
		assert_eq!(outer.class, inner.class);
	});
}
