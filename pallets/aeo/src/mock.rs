//! A test runtime: System, Timestamp, Balances and AEO, with roles from a static list. Accounts
//! are `u64`; the customs of Kenya (KE), Germany (DE) and France (FR).

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;
use tradechain_primitives::{CountryCode, Role, RoleProvider};

use crate::{self as pallet_aeo, *};

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
	pub type Aeo = pallet_aeo;
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

/// Customs of Kenya.
pub const CUSTOMS_KE: u64 = 1;
/// Customs of Germany.
pub const CUSTOMS_DE: u64 = 2;
/// Customs of France.
pub const CUSTOMS_FR: u64 = 3;
/// An economic operator of Kenya.
pub const OPERATOR: u64 = 4;
/// A carrier of Kenya.
pub const CARRIER: u64 = 5;
/// An economic operator of Germany.
pub const OPERATOR_DE: u64 = 6;
/// An operator of Kenya with no funds.
pub const POOR_OPERATOR: u64 = 8;
/// Holds no role.
pub const OUTSIDER: u64 = 9;

pub const START: u64 = 1_700_000_000_000;
pub const DAY: u64 = 86_400_000;
pub const APPLICATION_DEPOSIT: u64 = 25;

parameter_types! {
	/// Active roles: account, role, country.
	pub static Members: Vec<(u64, Role, CountryCode)> = vec![];
}

pub fn ke() -> CountryCode {
	"KE".parse().unwrap()
}
pub fn de() -> CountryCode {
	"DE".parse().unwrap()
}
pub fn fr() -> CountryCode {
	"FR".parse().unwrap()
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

impl pallet_aeo::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = MockRoles;
	type Time = Timestamp;
	type ApplicationDeposit = frame_support::traits::ConstU64<APPLICATION_DEPOSIT>;
	type MaxTextLength = ConstU32<32>;
	type WeightInfo = ();
}

/// A bounded text.
pub fn text(s: &str) -> TextOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [1, 2, 3, 4, 5, 6, 9].into_iter().map(|a| (a, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		Members::set(vec![
			(CUSTOMS_KE, Role::CUSTOMS, ke()),
			(CUSTOMS_DE, Role::CUSTOMS, de()),
			(CUSTOMS_FR, Role::CUSTOMS, fr()),
			(OPERATOR, Role::ECONOMIC_OPERATOR, ke()),
			(CARRIER, Role::CARRIER, ke()),
			(OPERATOR_DE, Role::ECONOMIC_OPERATOR, de()),
			(POOR_OPERATOR, Role::ECONOMIC_OPERATOR, ke()),
		]);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Aeo::do_try_state().expect("invariants hold after the test");
	});
}

/// Moves the clock forward by `ms`.
pub fn advance(ms: u64) {
	Timestamp::set_timestamp(Timestamp::get() + ms);
}

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}
