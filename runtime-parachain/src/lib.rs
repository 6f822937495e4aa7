//! # Tradechain parachain runtime
//!
//! The same trade pallets as the standalone runtime (`tradechain-runtime`), as a parachain of a
//! relay chain: the relay chain provides finality and shared security, collators author blocks
//! with Aura, and XCM connects the chain to the relay chain and its siblings. It is run by
//! `polkadot-omni-node` (no node binary of ours).
//!
//! - [`configs`]: FRAME system, balances, collators (collator-selection, session, Aura), the
//!   parachain pallets and XCM; the trade pallets and pallet-identity are configured by
//!   `tradechain_runtime_common::impl_trade_pallets!`, the standalone runtime's own wiring.
//! - [`apis`]: the runtime APIs omni-node needs (Aura, unincluded segment, collation info,
//!   parachain info) and the trade APIs both runtimes share.
//! - [`genesis_config_presets`]: `development` and `local_testnet`.
//!
//! The trade pallets keep the standalone runtime's pallet indices (20 to 26), and the pallets
//! both runtimes have keep theirs too, so that a trade call or storage key encodes the same on
//! both chains and one client (`tradechain`, `tradechain-api`) serves both.
//!
//! Governance on this chain is Root: sudo on development chains; on a real network the relay
//! chain's governance through XCM, or a council added here as in the standalone runtime.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` and friends expand to deep types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
pub mod configs;
pub mod genesis_config_presets;

use alloc::vec::Vec;
use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature, Perbill,
};
use sp_version::RuntimeVersion;

pub use tradechain_runtime_common::currency::{
	deposit, EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT, UNIT,
};

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
}

impl_opaque_keys! {
	/// The session keys of a collator: its Aura key.
	pub struct SessionKeys {
		pub aura: Aura,
	}
}

/// The runtime's version (the standalone runtime's upgrade policy applies: bump `spec_version`
/// on every change of behaviour, `transaction_version` on every change of a call).
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("tradechain-parachain"),
	impl_name: alloc::borrow::Cow::Borrowed("tradechain-parachain"),
	authoring_version: 1,
	spec_version: 4,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target time between blocks (one per relay chain slot with asynchronous backing).
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura's slot duration. Changing it after launch would break block production.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day, for time-based constants.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// About 5% of the block weight goes to `on_initialize` hooks.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(5);
/// Normal transactions may fill 75% of a block; the rest is for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Two seconds of execution per block, and the relay chain's proof-of-validity limit: a
/// parachain block is bounded in time and in proof size (the storage it reads, which the relay
/// chain's validators receive with it).
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),
	cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,
);

/// Parachain blocks authored but not yet included in the relay chain (asynchronous backing).
const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// Parachain blocks per relay chain block.
const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Relay chain slot duration, in milliseconds.
const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;

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

/// The transaction extensions checked on every signed transaction: the standalone runtime's,
/// wrapped in cumulus' storage weight reclaim, which returns unused proof size to the block.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::AuthorizeCall<Runtime>,
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	),
>;

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade.
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

	// Declaration order is hook order: system and the parachain inherent first. Indices shared
	// with the standalone runtime keep its values.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(30)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(31)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(32)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

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

	// Collators: the order of these four matters (authorship notes the author, collator
	// selection pays it and chooses the next set, session rotates keys, Aura authors).
	#[runtime::pallet_index(33)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(34)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(35)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(36)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(37)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// XCM.
	#[runtime::pallet_index(40)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;
	#[runtime::pallet_index(41)]
	pub type PolkadotXcm = pallet_xcm;
	#[runtime::pallet_index(42)]
	pub type CumulusXcm = cumulus_pallet_xcm;
	#[runtime::pallet_index(43)]
	pub type MessageQueue = pallet_message_queue;

	// The trade pallets, at the standalone runtime's indices.
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

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
