//! A test runtime: System, Timestamp, Balances and Payments, with roles and the other domains'
//! facts from static lists. Accounts are `u64`.

use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use sp_runtime::BuildStorage;
use tradechain_primitives::{
	CertificateProvider, CertificateUnusable, ConsignmentReceipts, CountryCode, DeclarationId,
	DeclarationStatus, DocumentHash, ItemRef, Location, Role, RoleProvider, TransferableDocuments,
	UsableCertificate,
};

use crate::{self as pallet_payments};

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
	pub type Payments = pallet_payments;
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
	type ExistentialDeposit = frame_support::traits::ConstU64<EXISTENTIAL_DEPOSIT>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

pub const BUYER: u64 = 1;
pub const SELLER: u64 = 2;
pub const ARBITER: u64 = 3;
pub const BANK: u64 = 4;
pub const OTHER_ARBITER: u64 = 5;
pub const POOR: u64 = 8;
pub const OUTSIDER: u64 = 9;
pub const ENDOWMENT: u64 = 10_000;

pub const START: u64 = 1_700_000_000_000;
pub const DAY: u64 = 86_400_000;
pub const EXISTENTIAL_DEPOSIT: u64 = 5;
pub const ESCROW_DEPOSIT: u64 = 7;
pub const MIN_ESCROW: u64 = 10;
pub const MAX_CONDITIONS: u32 = 4;

parameter_types! {
	/// Active roles: account, role.
	pub static Members: Vec<(u64, Role)> = vec![];
	/// Released declarations.
	pub static Released: Vec<DeclarationId> = vec![];
	/// Receipts: consignment, location.
	pub static Received: Vec<(ItemRef, Location)> = vec![];
	/// Surrendered bills of lading.
	pub static Surrendered: Vec<DocumentHash> = vec![];
	/// Certificates: hash, consignee, destination, used.
	pub static Certificates: Vec<(DocumentHash, u64, CountryCode, bool)> = vec![];
	pub const PaymentsPalletId: PalletId = PalletId(*b"tc/duty_");
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

pub struct MockDomains;
impl DeclarationStatus for MockDomains {
	fn is_released(declaration: DeclarationId) -> bool {
		Released::get().contains(&declaration)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn release_for_benchmarks(declaration: DeclarationId) {
		Released::mutate(|r| r.push(declaration));
	}
}
impl ConsignmentReceipts for MockDomains {
	fn received_at(consignment: &ItemRef, location: &Location) -> bool {
		Received::get().contains(&(*consignment, *location))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn receive_for_benchmarks(consignment: &ItemRef, location: &Location) {
		Received::mutate(|r| r.push((*consignment, *location)));
	}
}
impl TransferableDocuments for MockDomains {
	fn is_surrendered(hash: &DocumentHash) -> bool {
		Surrendered::get().contains(hash)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn surrender_for_benchmarks(hash: &DocumentHash) {
		Surrendered::mutate(|s| s.push(*hash));
	}
}
impl CertificateProvider<u64> for MockDomains {
	fn usable(
		hash: &DocumentHash,
		importer: &u64,
		destination: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable> {
		let (_, consignee, dest, used) = Certificates::get()
			.into_iter()
			.find(|(h, ..)| h == hash)
			.ok_or(CertificateUnusable::Unknown)?;
		if used {
			return Err(CertificateUnusable::AlreadyUsed);
		}
		if dest != destination {
			return Err(CertificateUnusable::OtherDestination);
		}
		if consignee != *importer {
			return Err(CertificateUnusable::OtherImporter);
		}
		Ok(UsableCertificate {
			origin: "KE".parse().unwrap(),
			agreement: None,
			valid_until: u64::MAX,
		})
	}
	fn mark_used(
		hash: &DocumentHash,
		importer: &u64,
		destination: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable> {
		let usable = Self::usable(hash, importer, destination)?;
		Certificates::mutate(|c| c.iter_mut().filter(|(h, ..)| h == hash).for_each(|c| c.3 = true));
		Ok(usable)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn make_usable_for_benchmarks(
		hash: &DocumentHash,
		importer: &u64,
		destination: CountryCode,
		_: Option<tradechain_primitives::AgreementCode>,
	) {
		Certificates::mutate(|c| c.push((*hash, *importer, destination, false)));
	}
}

impl pallet_payments::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = MockRoles;
	type Time = Timestamp;
	type Declarations = MockDomains;
	type Consignments = MockDomains;
	type Certificates = MockDomains;
	type Bills = MockDomains;
	type PalletId = PaymentsPalletId;
	type EscrowDeposit = frame_support::traits::ConstU64<ESCROW_DEPOSIT>;
	type MinEscrow = frame_support::traits::ConstU64<MIN_ESCROW>;
	type MaxConditions = ConstU32<MAX_CONDITIONS>;
	type MaxReasonLength = ConstU32<32>;
	type MaxDeadline = frame_support::traits::ConstU64<{ 365 * DAY }>;
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

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [BUYER, SELLER, ARBITER, BANK, OTHER_ARBITER, OUTSIDER]
			.into_iter()
			.map(|a| (a, ENDOWMENT))
			.chain([(POOR, 20)])
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
			(BUYER, Role::ECONOMIC_OPERATOR),
			(SELLER, Role::ECONOMIC_OPERATOR),
			(ARBITER, Role::ARBITER),
			(BANK, Role::BANK),
			(OTHER_ARBITER, Role::ARBITER),
			(POOR, Role::ECONOMIC_OPERATOR),
		]);
		Released::set(vec![]);
		Received::set(vec![]);
		Surrendered::set(vec![]);
		Certificates::set(vec![]);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Payments::do_try_state().expect("invariants hold after the test");
	});
}

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

pub fn advance(ms: u64) {
	Timestamp::set_timestamp(Timestamp::get() + ms);
}
