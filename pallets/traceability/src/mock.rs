//! A test runtime: System, Timestamp, Balances and Traceability, with roles from a static list.
//! Accounts are `u64`; goods travel from Kenya (KE) to Germany (DE).

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::BuildStorage;
use tradechain_primitives::{CountryCode, Role, RoleProvider};

use crate as pallet_traceability;

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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Traceability = pallet_traceability;
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

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

pub const PRODUCER: u64 = 1;
pub const CARRIER: u64 = 2;
pub const IMPORTER: u64 = 3;
pub const CUSTOMS_DE: u64 = 4;
pub const PORT_KE: u64 = 5;
pub const POOR: u64 = 8;
pub const OUTSIDER: u64 = 9;
pub const ITEM_DEPOSIT: u64 = 20;
pub const ANCHOR_DEPOSIT: u64 = 15;
pub const MAX_HISTORY: u32 = 4;
pub const START: u64 = 1_700_000_000_000;

parameter_types! {
	/// Active roles: account, role, country.
	pub static Members: Vec<(u64, Role, CountryCode)> = vec![];
}

pub fn de() -> CountryCode {
	"DE".parse().unwrap()
}
pub fn ke() -> CountryCode {
	"KE".parse().unwrap()
}

pub struct MockRoles;
impl RoleProvider<u64> for MockRoles {
	fn country_of(who: &u64, role: Role) -> Option<CountryCode> {
		Members::get().iter().find(|(w, r, _)| w == who && *r == role).map(|(_, _, c)| *c)
	}
	fn is_member(who: &u64) -> bool {
		Members::get().iter().any(|(w, _, _)| w == who)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn grant_for_benchmarks(who: &u64, role: Role, country: CountryCode) {
		Members::mutate(|m| m.push((*who, role, country)));
	}
}

impl pallet_traceability::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = MockRoles;
	type Time = Timestamp;
	type ItemDeposit = ConstU64<ITEM_DEPOSIT>;
	type AnchorDeposit = ConstU64<ANCHOR_DEPOSIT>;
	type MaxItemsPerEvent = ConstU32<4>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [PRODUCER, CARRIER, IMPORTER, CUSTOMS_DE, PORT_KE, OUTSIDER]
			.into_iter()
			.map(|a| (a, 1_000))
			.chain([(POOR, 10)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		Members::set(vec![
			(PRODUCER, Role::ECONOMIC_OPERATOR, ke()),
			(CARRIER, Role::CARRIER, ke()),
			(IMPORTER, Role::ECONOMIC_OPERATOR, de()),
			(CUSTOMS_DE, Role::CUSTOMS, de()),
			(PORT_KE, Role::PORT_AUTHORITY, ke()),
			(POOR, Role::ECONOMIC_OPERATOR, ke()),
		]);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Traceability::do_try_state().expect("invariants hold after the test");
	});
}

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|e| e.event).collect()
}
