//! The trade pallets: how roles, documents, certificates of origin, the AEO registry and payments
//! are wired to balances, identity, time and each other.
//!
//! Pallets see each other only through the traits of `tradechain-primitives`; this file is where
//! the runtime says which pallet answers which trait.

use frame_support::{parameter_types, traits::ConstU32};
use tradechain_primitives::IdentityVerifier;

use crate::{
	deposit, AccountId, Aeo, Balance, Balances, CertificatesOfOrigin, Customs, Documents, Payments,
	Roles, Runtime, RuntimeHoldReason, Timestamp, Traceability,
};

/// A positive judgement is `Reasonable` or `KnownGood` from any registrar of pallet-identity
/// (agencies act as registrars).
pub struct IdentityJudgement;
impl IdentityVerifier<AccountId> for IdentityJudgement {
	fn has_positive_judgement(who: &AccountId) -> bool {
		use pallet_identity::Judgement;
		pallet_identity::IdentityOf::<Runtime>::get(who).is_some_and(|registration| {
			registration
				.judgements
				.iter()
				.any(|(_, j)| matches!(j, Judgement::Reasonable | Judgement::KnownGood))
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn judge_for_benchmarks(who: &AccountId) {
		let judgements = alloc::vec![(0, pallet_identity::Judgement::KnownGood)]
			.try_into()
			.expect("one judgement is within MaxRegistrars");
		pallet_identity::IdentityOf::<Runtime>::insert(
			who,
			pallet_identity::Registration { judgements, deposit: 0, info: Default::default() },
		);
	}
}

parameter_types! {
	/// A role record or application: account, role, country, operator id, status, deposit.
	pub const RegistrationDeposit: Balance = deposit(2, 160);
	/// An encryption key record.
	pub const KeyDeposit: Balance = deposit(1, 80);
	/// A document anchor: hash, owner, kind, time, reference.
	pub const DocumentDeposit: Balance = deposit(1, 180);
	/// A key envelope.
	pub const GrantDeposit: Balance = deposit(1, 160);
	/// A certificate of origin (up to 32 goods lines, texts of 256 bytes): about 2.6 kB at most.
	pub const CertificateDeposit: Balance = deposit(1, 2_600);
	/// A batch of certificates: root, issuer, counts, times.
	pub const BatchDeposit: Balance = deposit(1, 140);
	/// An exporter's application for a certificate of origin.
	pub const OriginApplicationDeposit: Balance = deposit(1, 2_600);
	/// An operator's AEO application.
	pub const AeoApplicationDeposit: Balance = deposit(1, 100);
	/// An escrow record (up to 8 conditions) and its two index entries.
	pub const EscrowDeposit: Balance = deposit(3, 800);
	/// The smallest escrow or partial share: a thousand existential deposits.
	pub const MinEscrow: Balance = 1_000 * crate::EXISTENTIAL_DEPOSIT;
	/// Escrow deadlines are at most two years away.
	pub const MaxEscrowDeadline: u64 = 2 * 365 * DAY_MS;
	/// Declarations are kept ten years after lodging (customs audit periods) before anyone may
	/// purge them.
	pub const DeclarationRetention: u64 = 10 * 365 * DAY_MS;
	/// A traced item and its history of up to 64 events (about 700 bytes each).
	pub const ItemDeposit: Balance = deposit(65, 45_000);
	/// An anchor of readings.
	pub const ReadingsAnchorDeposit: Balance = deposit(1, 120);
	/// Derives the per-country treasury accounts that collect duties.
	pub const TreasuryPalletId: frame_support::PalletId = frame_support::PalletId(*b"tc/duty_");
	/// Certificates and batches are valid for at most a year.
	pub const MaxCertificateValidity: u64 = 365 * DAY_MS;
	/// Origin records are kept five years after their validity (the usual customs retention
	/// period for proofs of origin) before anyone may purge them.
	pub const OriginRetention: u64 = 5 * 365 * DAY_MS;
}

/// A day in milliseconds.
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

impl pallet_roles::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Two thirds of the agency council (or sudo on development chains).
	type GovernanceOrigin = crate::configs::governance::GovernanceOrigin;
	type IdentityVerifier = IdentityJudgement;
	type RegistrationDeposit = RegistrationDeposit;
	type KeyDeposit = KeyDeposit;
	type MaxReasonLength = ConstU32<256>;
	type WeightInfo = pallet_roles::weights::SubstrateWeight<Runtime>;
}

impl pallet_documents::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = Roles;
	type EncryptionKeys = Roles;
	type Time = Timestamp;
	type DocumentDeposit = DocumentDeposit;
	type GrantDeposit = GrantDeposit;
	type MaxReferenceLength = ConstU32<64>;
	/// A sealed 32-byte content key is 80 bytes (ephemeral key, key, tag); room for HPKE too.
	type MaxEnvelopeLength = ConstU32<256>;
	type MaxGrants = ConstU32<32>;
	type MaxHistory = ConstU32<64>;
	type WeightInfo = pallet_documents::weights::SubstrateWeight<Runtime>;
}

impl pallet_certificates_of_origin::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = Roles;
	/// The agency council (or sudo on development chains).
	type GovernanceOrigin = crate::configs::governance::GovernanceOrigin;
	type Time = Timestamp;
	type CertificateDeposit = CertificateDeposit;
	type BatchDeposit = BatchDeposit;
	type ApplicationDeposit = OriginApplicationDeposit;
	type MaxGoodsLines = ConstU32<32>;
	type MaxReasonLength = ConstU32<256>;
	/// The African Continental FTA has 54 parties.
	type MaxPartners = ConstU32<64>;
	type MaxRevokedPerBatch = ConstU32<1_000>;
	type MaxValidity = MaxCertificateValidity;
	type RetentionPeriod = OriginRetention;
	type WeightInfo = pallet_certificates_of_origin::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkTime;
}

/// Sets pallet-timestamp's time for the trade pallets' benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkTime;
#[cfg(feature = "runtime-benchmarks")]
impl tradechain_primitives::BenchmarkTime for BenchmarkTime {
	fn set_time(ms: u64) {
		pallet_timestamp::Now::<Runtime>::put(ms);
	}
}

impl pallet_aeo::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = Roles;
	type Time = Timestamp;
	type ApplicationDeposit = AeoApplicationDeposit;
	type MaxTextLength = ConstU32<256>;
	type WeightInfo = pallet_aeo::weights::SubstrateWeight<Runtime>;
}

impl pallet_payments::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = Roles;
	type Time = Timestamp;
	type Declarations = Customs;
	type Consignments = Traceability;
	type Certificates = CertificatesOfOrigin;
	type Bills = Documents;
	type PalletId = TreasuryPalletId;
	type EscrowDeposit = EscrowDeposit;
	type MinEscrow = MinEscrow;
	type MaxConditions = ConstU32<8>;
	type MaxReasonLength = ConstU32<256>;
	type MaxDeadline = MaxEscrowDeadline;
	type WeightInfo = pallet_payments::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkTime;
}

impl pallet_customs::Config for Runtime {
	type Currency = Balances;
	type Roles = Roles;
	type Time = Timestamp;
	type Aeo = Aeo;
	type Certificates = CertificatesOfOrigin;
	type Duties = Payments;
	type MaxLines = ConstU32<32>;
	type MaxDocuments = ConstU32<16>;
	type MaxRules = ConstU32<64>;
	type MaxPreferences = ConstU32<8>;
	type MaxLodgingsPerBlock = ConstU32<256>;
	type MaxReasonLength = ConstU32<256>;
	type RetentionPeriod = DeclarationRetention;
	type WeightInfo = pallet_customs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkTime;
}

impl pallet_traceability::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = Roles;
	type Time = Timestamp;
	type ItemDeposit = ItemDeposit;
	type AnchorDeposit = ReadingsAnchorDeposit;
	type MaxItemsPerEvent = ConstU32<32>;
	type MaxHistory = ConstU32<64>;
	type WeightInfo = pallet_traceability::weights::SubstrateWeight<Runtime>;
}
