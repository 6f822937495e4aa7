//! # Tradechain runtime
//!
//! The state transition function of a permissioned trade-facilitation network run by government
//! agencies (customs, chambers of commerce, trade ministries, ports) and used by traders, carriers
//! and banks.
//!
//! - [`configs`]: `impl X::Config for Runtime`, one file per concern.
//! - [`apis`]: the runtime APIs the node and dashboards call.
//! - [`genesis_config_presets`]: the `development`, `local_testnet` and `demo` genesis presets.
//!
//! Block production is Aura (6-second slots), finality GRANDPA; the validators are agencies'
//! nodes chosen by governance, handed to consensus by pallet-session. The network is governed by
//! a council of its member administrations (see [`configs::governance`]); sudo has a key only on
//! development chains.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` and friends expand to deep types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's calls.
pub mod opaque {
	use super::*;
	use sp_runtime::{generic, traits::Hash as HashT};

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// The session keys of a validator: an Aura key for authoring, a GRANDPA key for finality.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}

/// The runtime's version. Bump `spec_version` on every change of behaviour, `transaction_version`
/// on every change of a call's index or arguments (see the README's upgrade policy).
#[cfg(not(feature = "upgrade-test"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tradechain"),
	impl_name: alloc::borrow::Cow::Borrowed("tradechain"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The runtime-upgrade test's target: this runtime with `spec_version` one higher (feature
/// `upgrade-test`, built by `build.rs` beside the real one; never deployed). The version
/// macro reads literals, hence the copy; keep the two in step.
#[cfg(feature = "upgrade-test")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tradechain"),
	impl_name: alloc::borrow::Cow::Borrowed("tradechain"),
	authoring_version: 1,
	spec_version: 108,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The WASM of the runtime-upgrade test's target (see the `upgrade-test` [`VERSION`]).
#[cfg(feature = "std")]
pub mod upgrade_test {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary_upgrade_test.rs"));
}

/// Target time between blocks. Aura slots have this length.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura's slot duration. Changing it after launch would break block production.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day, for time-based constants.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// The operational unit (TRD, 12 decimals), the existential deposit and the deposit formula are
/// the same on every Tradechain runtime (see `tradechain_runtime_common::currency`).
pub use tradechain_runtime_common::currency::{
	deposit, EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT, UNIT,
};

/// Block number type.
pub type BlockNumber = u32;
/// Signature type of transactions.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account.
pub type Balance = u128;
/// Transaction index of an account.
pub type Nonce = u32;
/// Hash type.
pub type Hash = sp_core::H256;
/// Address format of transactions.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions checked on every signed transaction.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade (see `migrations/` of each pallet).
type Migrations = (
	// Roles v0 → v1: the per-account count of active roles (`Roles::Members`). A no-op on a
	// chain started from this code's genesis (already at version 1).
	pallet_roles::migrations::MigrateToV1<Runtime>,
	// Payments v0 → v1: escrow deposits held with the amount under `Payments::Escrow`.
	pallet_payments::migrations::MigrateToV1<Runtime>,
	// Customs v0 → v1: the next declaration id and the append-only draw list apart.
	pallet_customs::migrations::MigrateToV1<Runtime>,
);

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

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
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(8)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(9)]
	pub type Identity = pallet_identity;
	// Governance, validators and the emergency brakes (configs/governance.rs). The validator set
	// precedes Session: Session's genesis asks it for the first validators.
	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(11)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(12)]
	pub type EmergencyCommittee = pallet_collective<Instance2>;
	#[runtime::pallet_index(13)]
	pub type EmergencyMembership = pallet_membership<Instance2>;
	#[runtime::pallet_index(14)]
	pub type Governance = pallet_governance;
	#[runtime::pallet_index(15)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(16)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(17)]
	pub type TxPause = pallet_tx_pause;
	#[runtime::pallet_index(18)]
	pub type SafeMode = pallet_safe_mode;
	// Trade pallets start at index 20.
	#[runtime::pallet_index(20)]
	pub type Roles = pallet_roles;
	#[runtime::pallet_index(21)]
	pub type Documents = pallet_documents;
	#[runtime::pallet_index(22)]
	pub type CertificatesOfOrigin = pallet_certificates_of_origin;
	#[runtime::pallet_index(23)]
	pub type Aeo = pallet_aeo;
	#[runtime::pallet_index(24)]
	pub type Payments = pallet_payments;
	#[runtime::pallet_index(25)]
	pub type Customs = pallet_customs;
	#[runtime::pallet_index(26)]
	pub type Traceability = pallet_traceability;
}
