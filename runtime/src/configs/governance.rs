//! Governance: the agency council and its membership, the emergency committee of customs
//! authorities, the council's way to Root (runtime upgrades), the validator set and its sessions,
//! and the emergency brakes (pallet-tx-pause, pallet-safe-mode).
//!
//! | origin | who | may |
//! | --- | --- | --- |
//! | [`GovernanceOrigin`] | two thirds of the council (or Root, i.e. sudo on development chains) | appoint and dismiss agencies, register identity registrars, add and remove validators, change council and committee membership, pause and resume calls, enter and leave safe mode |
//! | [`CouncilRoot`] (via `Governance::dispatch_as_root`) | two thirds of the council | Root-only calls: `System::authorize_upgrade`, `set_code`, `set_storage` |
//! | [`FastTrackOrigin`] | half of the emergency committee (or governance) | pause and resume calls, enter, extend and leave safe mode |
//!
//! The thresholds are the constants below ([`COUNCIL_THRESHOLD`], [`EMERGENCY_THRESHOLD`]); a
//! network that wants others changes them here and ships them in a runtime upgrade.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, EitherOfDiverse, InsideBoth},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureWithSuccess};
use pallet_collective::EnsureProportionAtLeast;
use pallet_tx_pause::RuntimeCallNameOf;
use sp_runtime::traits::ConvertInto;

use crate::{
	configs::{system::MAX_AUTHORITIES, RuntimeBlockWeights},
	deposit,
	opaque::SessionKeys,
	AccountId, Balance, Balances, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, SafeMode, TxPause, ValidatorSet, DAYS,
};

/// The agency council: one seat per member administration.
pub type CouncilCollective = pallet_collective::Instance1;
/// The emergency committee: customs authorities who may pause trade at once.
pub type EmergencyCollective = pallet_collective::Instance2;

/// The council's threshold for governance motions: two thirds of its members (numerator,
/// denominator).
pub const COUNCIL_THRESHOLD: (u32, u32) = (2, 3);
/// The emergency committee's threshold: half of its members.
pub const EMERGENCY_THRESHOLD: (u32, u32) = (1, 2);

/// A council motion carried by [`COUNCIL_THRESHOLD`].
pub type CouncilRoot = EnsureProportionAtLeast<
	AccountId,
	CouncilCollective,
	{ COUNCIL_THRESHOLD.0 },
	{ COUNCIL_THRESHOLD.1 },
>;

/// The network's governance: a council motion carried by two thirds, or Root (which only a
/// development chain's sudo key reaches directly).
pub type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilRoot>;

/// The fast track for incidents: governance, or a motion of half the emergency committee.
pub type FastTrackOrigin = EitherOfDiverse<
	GovernanceOrigin,
	EnsureProportionAtLeast<
		AccountId,
		EmergencyCollective,
		{ EMERGENCY_THRESHOLD.0 },
		{ EMERGENCY_THRESHOLD.1 },
	>,
>;

parameter_types! {
	/// A motion stays open three days; it closes early once its threshold is reached.
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may dispatch up to half a block's weight.
	pub MaxProposalWeight: Weight = {
		let max = RuntimeBlockWeights::get().max_block;
		Weight::from_parts(max.ref_time() / 2, max.proof_size() / 2)
	};
}

/// The member administrations' council. Its membership is managed by `CouncilMembership`.
impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<64>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Only `CouncilMembership` sets the members (Root may repair them).
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	/// Members are governments: no deposit on motions.
	type Consideration = ();
}

/// Admits and removes council members: by a council motion.
impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<64>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// The emergency committee of customs authorities; it can only pause (see [`FastTrackOrigin`]).
impl pallet_collective::Config<EmergencyCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	/// An incident is handled within a day or not by the fast track.
	type MotionDuration = ConstU32<{ DAYS }>;
	type MaxProposals = ConstU32<20>;
	type MaxMembers = ConstU32<32>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	type Consideration = ();
}

/// The council appoints the emergency committee.
impl pallet_membership::Config<pallet_membership::Instance2> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = crate::EmergencyCommittee;
	type MembershipChanged = crate::EmergencyCommittee;
	type MaxMembers = ConstU32<32>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// The council's way to Root-only calls (runtime upgrades).
impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = CouncilRoot;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from a validator's account while its session keys are registered.
	pub const SessionKeyDeposit: Balance = deposit(1, 96);
}

/// Sessions hand the validator set (and each validator's Aura and GRANDPA keys) to consensus.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// Validators are known agencies; misbehaviour is a matter for governance, not automatic
	/// disabling.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// The validator set, managed by governance.
impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	type KeysRegistered = crate::Session;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	type MinValidators = ConstU32<1>;
	/// Thirty seconds: short sessions are for test networks; production uses an hour.
	type MinSessionLength = ConstU32<5>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSessionKeys;
}

/// Registers (fake) session keys for the validator set's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSessionKeys;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for BenchmarkSessionKeys {
	fn register_keys(who: &AccountId) {
		use codec::Decode;
		let raw: &[u8; 32] = who.as_ref();
		let keys = SessionKeys {
			aura: Decode::decode(&mut &raw[..]).expect("32 bytes"),
			grandpa: Decode::decode(&mut &raw[..]).expect("32 bytes"),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

/// Pallets whose calls are never paused: consensus, time, governance and the brakes themselves.
pub struct Unpausable;
impl Contains<RuntimeCallNameOf<Runtime>> for Unpausable {
	fn contains((pallet, _call): &RuntimeCallNameOf<Runtime>) -> bool {
		GOVERNANCE_PALLETS.iter().any(|p| p.as_bytes() == pallet.as_slice())
	}
}

/// The pallets that keep the network governable: never paused, usable in safe mode.
const GOVERNANCE_PALLETS: [&str; 11] = [
	"System",
	"Timestamp",
	"Sudo",
	"Council",
	"CouncilMembership",
	"EmergencyCommittee",
	"EmergencyMembership",
	"Governance",
	"Session",
	"ValidatorSet",
	"SafeMode",
];

/// Chosen calls (or, call by call, whole pallets) are paused by the fast track.
impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = FastTrackOrigin;
	type UnpauseOrigin = FastTrackOrigin;
	type WhitelistedCalls = Unpausable;
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = pallet_tx_pause::weights::SubstrateWeight<Runtime>;
}

/// In safe mode only these calls work: governance, consensus, balances and accounts. All trade
/// pallets stop.
pub struct SafeModeWhitelist;
impl Contains<RuntimeCall> for SafeModeWhitelist {
	fn contains(call: &RuntimeCall) -> bool {
		use frame_support::traits::GetCallMetadata;
		let pallet = call.get_call_metadata().pallet_name;
		GOVERNANCE_PALLETS.contains(&pallet)
			|| matches!(
				call,
				RuntimeCall::TxPause(_)
					| RuntimeCall::Balances(_)
					| RuntimeCall::Utility(_)
					| RuntimeCall::Multisig(_)
					| RuntimeCall::Identity(_)
			)
	}
}

parameter_types! {
	/// The fast track enters safe mode for a day; it may extend or leave earlier.
	pub const SafeModeDuration: BlockNumber = DAYS;
}

/// Safe mode: every trade call stops at once, until the fast track ends it or it expires.
/// Nobody may enter it by deposit: only the fast track.
impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeWhitelist;
	type EnterDuration = SafeModeDuration;
	type ExtendDuration = SafeModeDuration;
	type EnterDepositAmount = ();
	type ExtendDepositAmount = ();
	type ForceEnterOrigin = EnsureWithSuccess<FastTrackOrigin, AccountId, SafeModeDuration>;
	type ForceExtendOrigin = EnsureWithSuccess<FastTrackOrigin, AccountId, SafeModeDuration>;
	type ForceExitOrigin = FastTrackOrigin;
	type ForceDepositOrigin = GovernanceOrigin;
	type Notify = ();
	type ReleaseDelay = ();
	type WeightInfo = pallet_safe_mode::weights::SubstrateWeight<Runtime>;
}

/// Every call passes both brakes: safe mode and the paused calls.
pub type CallFilter = InsideBoth<SafeMode, TxPause>;
