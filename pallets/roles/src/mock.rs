//! A test runtime: System, Balances and Roles. Accounts are `u64`; account 1 is the customs
//! authority of DE, 2 that of FR; 10.. are funded would-be operators.

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;
use tradechain_primitives::IdentityVerifier;

use crate as pallet_roles;
use crate::{AgencyKind, CountryCode};

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
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Roles = pallet_roles;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	/// Accounts whose identity a registrar judged positively.
	pub static Judged: Vec<u64> = vec![];
}

/// Positive judgements come from [`Judged`].
pub struct MockIdentity;
impl IdentityVerifier<u64> for MockIdentity {
	fn has_positive_judgement(who: &u64) -> bool {
		Judged::get().contains(who)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn judge_for_benchmarks(who: &u64) {
		Judged::mutate(|j| j.push(*who));
	}
}

pub const REGISTRATION_DEPOSIT: u64 = 100;
pub const KEY_DEPOSIT: u64 = 10;

impl pallet_roles::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = frame_system::EnsureRoot<u64>;
	type IdentityVerifier = MockIdentity;
	type RegistrationDeposit = frame_support::traits::ConstU64<REGISTRATION_DEPOSIT>;
	type KeyDeposit = frame_support::traits::ConstU64<KEY_DEPOSIT>;
	type MaxReasonLength = ConstU32<64>;
	type WeightInfo = ();
}

pub const CUSTOMS_DE: u64 = 1;
pub const CUSTOMS_FR: u64 = 2;
pub const ISSUER_DE: u64 = 3;

pub fn de() -> CountryCode {
	"DE".parse().unwrap()
}
pub fn fr() -> CountryCode {
	"FR".parse().unwrap()
}

/// Balances for 1..=3 and 10..=20; DE and FR customs and a DE origin issuer at genesis.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=3).chain(10..=20).map(|a| (a, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_roles::GenesisConfig::<Test> {
		agencies: vec![
			(CUSTOMS_DE, AgencyKind::CustomsAuthority, de()),
			(CUSTOMS_FR, AgencyKind::CustomsAuthority, fr()),
			(ISSUER_DE, AgencyKind::OriginIssuer, de()),
		],
		operators: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Judged::take();
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Roles::do_try_state().expect("invariants hold after the test");
	});
}
