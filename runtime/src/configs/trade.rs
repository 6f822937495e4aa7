//! The trade pallets: how roles and documents are wired to balances, identity and time.
//!
//! Pallets see each other only through the traits of `tradechain-primitives`; this file is where
//! the runtime says which pallet answers which trait.

use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use tradechain_primitives::IdentityVerifier;

use crate::{deposit, AccountId, Balance, Balances, Roles, Runtime, RuntimeHoldReason, Timestamp};

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
}

impl pallet_roles::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Root until the agency council governs.
	type GovernanceOrigin = EnsureRoot<AccountId>;
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
