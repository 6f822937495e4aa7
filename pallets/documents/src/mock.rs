//! A test runtime: System, Timestamp, Balances and Documents, with roles and keys from static
//! lists. Accounts are `u64`: 1 a carrier, 2..=5 members (2 and 3 with keys), 9 an outsider.

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;
use tradechain_primitives::{
	CountryCode, EncryptionKeyProvider, Role, RoleProvider, X25519PublicKey,
};

use crate as pallet_documents;

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
	pub type Documents = pallet_documents;
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

pub const CARRIER: u64 = 1;
pub const SHIPPER: u64 = 2;
pub const CUSTOMS: u64 = 3;
pub const BANK: u64 = 4;
pub const CONSIGNEE: u64 = 5;
pub const OUTSIDER: u64 = 9;

parameter_types! {
	/// Accounts holding an active role (all with DE), and whether it is the carrier role.
	pub static Members: Vec<(u64, Role)> = vec![];
	/// Published encryption keys.
	pub static Keys: Vec<(u64, X25519PublicKey)> = vec![];
}

pub fn de() -> CountryCode {
	"DE".parse().unwrap()
}

pub struct MockRoles;
impl RoleProvider<u64> for MockRoles {
	fn country_of(who: &u64, role: Role) -> Option<CountryCode> {
		Members::get().iter().any(|(w, r)| w == who && *r == role).then(de)
	}
	fn is_member(who: &u64) -> bool {
		Members::get().iter().any(|(w, _)| w == who)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn grant_for_benchmarks(who: &u64, role: Role, _: CountryCode) {
		Members::mutate(|m| m.push((*who, role)));
	}
}

pub struct MockKeys;
impl EncryptionKeyProvider<u64> for MockKeys {
	fn encryption_key(who: &u64) -> Option<X25519PublicKey> {
		Keys::get().iter().find(|(w, _)| w == who).map(|(_, k)| *k)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_for_benchmarks(who: &u64, key: X25519PublicKey) {
		Keys::mutate(|k| k.push((*who, key)));
	}
}

pub const DOCUMENT_DEPOSIT: u64 = 50;
pub const GRANT_DEPOSIT: u64 = 5;
pub const MAX_GRANTS: u32 = 3;
pub const MAX_HISTORY: u32 = 4;

impl pallet_documents::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = MockRoles;
	type EncryptionKeys = MockKeys;
	type Time = Timestamp;
	type DocumentDeposit = frame_support::traits::ConstU64<DOCUMENT_DEPOSIT>;
	type GrantDeposit = frame_support::traits::ConstU64<GRANT_DEPOSIT>;
	type MaxReferenceLength = ConstU32<32>;
	type MaxEnvelopeLength = ConstU32<128>;
	type MaxGrants = ConstU32<MAX_GRANTS>;
	type MaxHistory = ConstU32<MAX_HISTORY>;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=5).map(|a| (a, 1_000)).chain([(OUTSIDER, 1_000)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(1_700_000_000_000);
		Members::set(vec![
			(CARRIER, Role::CARRIER),
			(SHIPPER, Role::ECONOMIC_OPERATOR),
			(CUSTOMS, Role::CUSTOMS),
			(BANK, Role::BANK),
			(CONSIGNEE, Role::ECONOMIC_OPERATOR),
		]);
		Keys::set(vec![(CUSTOMS, [3u8; 32]), (BANK, [4u8; 32])]);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Documents::do_try_state().expect("invariants hold after the test");
	});
}
