//! A test runtime: System, Timestamp, Balances and Customs, with roles, AEO statuses,
//! certificates and the treasury from static lists. Accounts are `u64`; Germany (DE) imports from
//! Kenya (KE).

use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Mutate, tokens::Preservation, ConstU32, ConstU64},
};
use sp_runtime::{BuildStorage, DispatchResult};
use tradechain_primitives::{
	AeoKind, AeoStatusProvider, AgreementCode, CertificateProvider, CertificateUnusable,
	CountryCode, DeclarationId, DocumentHash, DutyPayment, Role, RoleProvider, UsableCertificate,
};

use crate as pallet_customs;

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
	pub type Customs = pallet_customs;
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

pub const CUSTOMS_DE: u64 = 1;
pub const CUSTOMS_KE: u64 = 2;
pub const IMPORTER: u64 = 3;
pub const EXPORTER: u64 = 4;
pub const BROKER: u64 = 5;
pub const AEO_IMPORTER: u64 = 6;
pub const POOR: u64 = 8;
pub const OUTSIDER: u64 = 9;
pub const TREASURY: u64 = 100;
pub const ENDOWMENT: u64 = 1_000_000;
pub const MAX_LINES: u32 = 5;
pub const MAX_LODGINGS: u32 = 3;
pub const START: u64 = 1_700_000_000_000;
pub const HOUR: u64 = 3_600_000;

parameter_types! {
	/// Active roles: account, role, country.
	pub static Members: Vec<(u64, Role, CountryCode)> = vec![];
	/// AEO statuses: account, country that recognises it, kind.
	pub static Aeos: Vec<(u64, CountryCode, AeoKind)> = vec![];
	/// Certificates: hash, consignee, destination, origin, agreement, used.
	pub static Certificates: Vec<(DocumentHash, u64, CountryCode, CountryCode, Option<AgreementCode>, bool)> = vec![];
	/// Deferred duties: payer, country, declaration, amount.
	pub static Deferred: Vec<(u64, CountryCode, DeclarationId, u64)> = vec![];
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

pub struct MockDomains;
impl AeoStatusProvider<u64> for MockDomains {
	fn recognised_kind(who: &u64, seen_from: CountryCode) -> Option<AeoKind> {
		Aeos::get().iter().find(|(w, c, _)| w == who && *c == seen_from).map(|(_, _, k)| *k)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn certify_for_benchmarks(who: &u64, country: CountryCode, kind: AeoKind) {
		Aeos::mutate(|a| a.push((*who, country, kind)));
	}
}
impl CertificateProvider<u64> for MockDomains {
	fn usable(
		hash: &DocumentHash,
		importer: &u64,
		destination: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable> {
		let (_, consignee, dest, origin, agreement, used) = Certificates::get()
			.into_iter()
			.find(|c| c.0 == *hash)
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
		Ok(UsableCertificate { origin, agreement, valid_until: u64::MAX })
	}
	fn mark_used(
		hash: &DocumentHash,
		importer: &u64,
		destination: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable> {
		let usable = Self::usable(hash, importer, destination)?;
		if usable.agreement.is_some() {
			Certificates::mutate(|c| {
				c.iter_mut().filter(|c| c.0 == *hash).for_each(|c| c.5 = true)
			});
		}
		Ok(usable)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn make_usable_for_benchmarks(
		hash: &DocumentHash,
		importer: &u64,
		destination: CountryCode,
		agreement: Option<AgreementCode>,
	) {
		Certificates::mutate(|c| c.push((*hash, *importer, destination, ke(), agreement, false)));
	}
}
impl DutyPayment<u64, u64> for MockDomains {
	fn pay(payer: &u64, _: CountryCode, _: DeclarationId, amount: u64) -> DispatchResult {
		<Balances as Mutate<u64>>::transfer(payer, &TREASURY, amount, Preservation::Preserve)?;
		Ok(())
	}
	fn defer(payer: &u64, country: CountryCode, id: DeclarationId, amount: u64) -> DispatchResult {
		Deferred::mutate(|d| d.push((*payer, country, id, amount)));
		Ok(())
	}
	fn deferred(payer: &u64, country: CountryCode) -> u64 {
		Deferred::get().iter().filter(|d| d.0 == *payer && d.1 == country).map(|d| d.3).sum()
	}
}

impl pallet_customs::Config for Test {
	type Currency = Balances;
	type Roles = MockRoles;
	type Time = Timestamp;
	type Aeo = MockDomains;
	type Certificates = MockDomains;
	type Duties = MockDomains;
	type MaxLines = ConstU32<MAX_LINES>;
	type MaxDocuments = ConstU32<4>;
	type MaxRules = ConstU32<8>;
	type MaxPreferences = ConstU32<2>;
	type MaxLodgingsPerBlock = ConstU32<MAX_LODGINGS>;
	type MaxReasonLength = ConstU32<32>;
	type RetentionPeriod = ConstU64<{ 24 * HOUR }>;
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
		balances: [
			CUSTOMS_DE,
			CUSTOMS_KE,
			IMPORTER,
			EXPORTER,
			BROKER,
			AEO_IMPORTER,
			OUTSIDER,
			TREASURY,
		]
		.into_iter()
		.map(|a| (a, ENDOWMENT))
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
			(CUSTOMS_DE, Role::CUSTOMS, de()),
			(CUSTOMS_KE, Role::CUSTOMS, ke()),
			(IMPORTER, Role::ECONOMIC_OPERATOR, de()),
			(EXPORTER, Role::ECONOMIC_OPERATOR, ke()),
			(BROKER, Role::ECONOMIC_OPERATOR, de()),
			(AEO_IMPORTER, Role::ECONOMIC_OPERATOR, de()),
			(POOR, Role::ECONOMIC_OPERATOR, de()),
		]);
		Aeos::set(vec![(AEO_IMPORTER, de(), AeoKind::Full)]);
		Certificates::set(vec![]);
		Deferred::set(vec![]);
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Customs::do_try_state().expect("invariants hold after the test");
	});
}

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|e| e.event).collect()
}

/// Starts the next block, running the random draws.
pub fn next_block() {
	use frame_support::traits::Hooks;
	let n = System::block_number() + 1;
	System::set_block_number(n);
	Customs::on_initialize(n);
}
