//! A test runtime: System, Timestamp, Balances and Certificates of Origin, with roles from a
//! static list. Accounts are `u64`; Kenya (KE) exports to Germany (DE).

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;
use tradechain_primitives::{document_hash, CountryCode, DocumentHash, Role, RoleProvider};

use crate::{self as pallet_certificates_of_origin, *};

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
	pub type CertificatesOfOrigin = pallet_certificates_of_origin;
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

/// Origin issuer of Kenya.
pub const ISSUER: u64 = 1;
/// Exporter, economic operator of Kenya.
pub const EXPORTER: u64 = 2;
/// Consignee, economic operator of Germany.
pub const CONSIGNEE: u64 = 3;
/// Customs of Germany.
pub const CUSTOMS_DE: u64 = 4;
/// Customs of Kenya.
pub const CUSTOMS_KE: u64 = 5;
/// Trade ministry of Kenya.
pub const MINISTRY: u64 = 6;
/// Origin issuer of Germany.
pub const ISSUER_DE: u64 = 7;
/// An issuer with no funds.
pub const POOR_ISSUER: u64 = 8;
/// Holds no role.
pub const OUTSIDER: u64 = 9;

pub const START: u64 = 1_700_000_000_000;
pub const DAY: u64 = 86_400_000;
pub const CERTIFICATE_DEPOSIT: u64 = 40;
pub const BATCH_DEPOSIT: u64 = 60;
pub const APPLICATION_DEPOSIT: u64 = 10;
pub const MAX_GOODS: u32 = 3;
pub const MAX_REVOKED: u32 = 2;
pub const MAX_VALIDITY: u64 = 365 * DAY;
pub const RETENTION: u64 = 30 * DAY;

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

impl pallet_certificates_of_origin::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = MockRoles;
	type GovernanceOrigin = frame_system::EnsureRoot<u64>;
	type Time = Timestamp;
	type CertificateDeposit = frame_support::traits::ConstU64<CERTIFICATE_DEPOSIT>;
	type BatchDeposit = frame_support::traits::ConstU64<BATCH_DEPOSIT>;
	type ApplicationDeposit = frame_support::traits::ConstU64<APPLICATION_DEPOSIT>;
	type MaxGoodsLines = ConstU32<MAX_GOODS>;
	type MaxReasonLength = ConstU32<32>;
	type MaxPartners = ConstU32<3>;
	type MaxRevokedPerBatch = ConstU32<MAX_REVOKED>;
	type MaxValidity = frame_support::traits::ConstU64<MAX_VALIDITY>;
	type RetentionPeriod = frame_support::traits::ConstU64<RETENTION>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestTime;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct TestTime;
#[cfg(feature = "runtime-benchmarks")]
impl tradechain_primitives::BenchmarkTime for TestTime {
	fn set_time(ms: u64) {
		Timestamp::set_timestamp(ms);
	}
}

/// The agreement Kenya lists with Germany.
pub fn epa() -> AgreementCode {
	"EU-KE-EPA".parse().unwrap()
}

/// A certificate hash.
pub fn h(name: &str) -> DocumentHash {
	document_hash(name.as_bytes())
}

/// A bounded text.
pub fn text(s: &str) -> ReasonOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// Non-preferential details from the exporter to the consignee, valid 90 days.
pub fn details() -> DetailsOf<Test> {
	CertificateDetails {
		exporter: EXPORTER,
		consignee: CONSIGNEE,
		destination: de(),
		goods: vec![GoodsLine {
			hs_code: "090111".parse().unwrap(),
			description: h("green coffee, not roasted"),
			quantity: 19_200,
			unit: "KGM".parse().unwrap(),
		}]
		.try_into()
		.unwrap(),
		preference: Preference::NonPreferential,
		invoice: text("INV-2026-0042"),
		valid_until: START + 90 * DAY,
	}
}

/// The same details, preferential under the EPA.
pub fn preferential() -> DetailsOf<Test> {
	DetailsOf::<Test> {
		preference: Preference::Preferential {
			agreement: epa(),
			criterion: OriginCriterion::WhollyObtained,
		},
		..details()
	}
}

pub use tradechain_primitives::AgreementCode;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [1, 2, 3, 4, 5, 6, 7, 9].into_iter().map(|a| (a, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		Members::set(vec![
			(ISSUER, Role::ORIGIN_ISSUER, ke()),
			(EXPORTER, Role::ECONOMIC_OPERATOR, ke()),
			(CONSIGNEE, Role::ECONOMIC_OPERATOR, de()),
			(CUSTOMS_DE, Role::CUSTOMS, de()),
			(CUSTOMS_KE, Role::CUSTOMS, ke()),
			(MINISTRY, Role::TRADE_MINISTRY, ke()),
			(ISSUER_DE, Role::ORIGIN_ISSUER, de()),
			(POOR_ISSUER, Role::ORIGIN_ISSUER, ke()),
		]);
		Agreements::<Test>::insert(
			ke(),
			epa(),
			Agreement { partners: vec![de()].try_into().unwrap() },
		);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		CertificatesOfOrigin::do_try_state().expect("invariants hold after the test");
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
