//! A test runtime: System and the validator set; account 100 is the council (the governance
//! origin); accounts 1 to 3 are the genesis validators; session keys are "registered" for the
//! accounts in [`Registered`].

use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, ValidatorRegistration},
};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

use crate::{self as pallet_validator_set};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ValidatorSet = pallet_validator_set;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The account that stands for the council's origin.
pub const COUNCIL: u64 = 100;
/// An agency with registered session keys, not yet a validator.
pub const JOINER: u64 = 4;
/// An account without session keys.
pub const KEYLESS: u64 = 5;

ord_parameter_types! {
	pub const Council: u64 = COUNCIL;
}

parameter_types! {
	/// The accounts with registered session keys.
	pub static Registered: Vec<u64> = vec![1, 2, 3, JOINER];
}

/// Session keys are registered for the accounts in [`Registered`].
pub struct MockKeys;
impl ValidatorRegistration<u64> for MockKeys {
	fn is_registered(id: &u64) -> bool {
		Registered::get().contains(id)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockKeys {
	fn register_keys(who: &u64) {
		Registered::mutate(|r| r.push(*who));
	}
}

impl pallet_validator_set::Config for Test {
	type GovernanceOrigin = EnsureSignedBy<Council, u64>;
	type KeysRegistered = MockKeys;
	type MaxValidators = ConstU32<5>;
	type MinValidators = ConstU32<2>;
	type MinSessionLength = ConstU64<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKeys;
}

/// Validators 1, 2 and 3; sessions of 10 blocks.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().expect("builds");
	pallet_validator_set::GenesisConfig::<Test> { validators: vec![1, 2, 3], session_length: 10 }
		.assimilate_storage(&mut storage)
		.expect("builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test and checks the pallet's invariants after it.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		ValidatorSet::do_try_state().expect("invariants hold");
	});
}
