//! Accounts and their administration: sudo (development and bootstrap only), utility batches,
//! multisig accounts for agencies that sign jointly, and on-chain identities.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	deposit, Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, Signature,
	System, DAYS,
};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A multisig operation stores its call hash, depositor and approvals.
	pub const MultisigDepositBase: Balance = deposit(1, 88);
	/// Each approval adds an account id.
	pub const MultisigDepositFactor: Balance = deposit(0, 32);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// An identity record: registration, judgements and bounded fields.
	pub const IdentityBasicDeposit: Balance = deposit(1, 258);
	pub const IdentityByteDeposit: Balance = deposit(0, 1);
	pub const IdentityUsernameDeposit: Balance = deposit(0, 32);
	pub const IdentitySubAccountDeposit: Balance = deposit(1, 53);
}

/// Agencies act as identity registrars: governance (the agency council) adds them.
type IdentityAdminOrigin = crate::configs::governance::GovernanceOrigin;

impl pallet_identity::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BasicDeposit = IdentityBasicDeposit;
	type ByteDeposit = IdentityByteDeposit;
	type UsernameDeposit = IdentityUsernameDeposit;
	type SubAccountDeposit = IdentitySubAccountDeposit;
	type MaxSubAccounts = ConstU32<16>;
	type IdentityInformation = pallet_identity::legacy::IdentityInfo<ConstU32<16>>;
	type MaxRegistrars = ConstU32<32>;
	/// Slashed identity deposits are burned.
	type Slashed = ();
	type ForceOrigin = IdentityAdminOrigin;
	type RegistrarOrigin = IdentityAdminOrigin;
	type OffchainSignature = Signature;
	type SigningPublicKey = <Signature as sp_runtime::traits::Verify>::Signer;
	type UsernameAuthorityOrigin = IdentityAdminOrigin;
	type PendingUsernameExpiration = ConstU32<{ 7 * DAYS }>;
	type UsernameGracePeriod = ConstU32<{ 30 * DAYS }>;
	type MaxSuffixLength = ConstU32<7>;
	type MaxUsernameLength = ConstU32<32>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type WeightInfo = pallet_identity::weights::SubstrateWeight<Runtime>;
}
