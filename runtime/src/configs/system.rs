//! Blocks, time and consensus: frame-system, timestamp, Aura and GRANDPA.

use frame_support::dispatch::DispatchClass;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, Get},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Perbill;

use crate::{
	AccountId, Aura, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SLOT_DURATION, VERSION,
};

/// Share of a block's weight and length that normal (non-operational) transactions may use.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Upper bound on the number of Aura and GRANDPA authorities.
pub const MAX_AUTHORITIES: u32 = 32;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;

	/// Two seconds of compute per 6-second block, as polkadot-sdk's templates, with the block
	/// and per-transaction overhead measured on this project's machine (`crate::weights`).
	pub RuntimeBlockWeights: BlockWeights = {
		let max = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
		let normal = NORMAL_DISPATCH_RATIO * max;
		BlockWeights::builder()
			.base_block(crate::weights::block_weights::BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |w| {
				w.base_extrinsic = crate::weights::ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |w| w.max_total = Some(normal))
			.for_class(DispatchClass::Operational, |w| {
				w.max_total = Some(max);
				w.reserved = Some(max - normal);
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic()
	};
	/// 5 MiB blocks, of which normal transactions may fill 75 %.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * *m
		})
		.build();
	pub const SS58Prefix: u8 = 42;
}

/// The default types come from `SolochainDefaultConfig`; what matters for Tradechain is set here.
#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// ParityDB is the node's database: its read and write costs measured on this project's
	/// machine (`scripts/bench-weights db`).
	type DbWeight = crate::weights::paritydb_weights::constants::ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<crate::Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
	/// Safe mode and paused calls (see `governance`).
	type BaseCallFilter = crate::configs::governance::CallFilter;
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	/// A timestamp: milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
