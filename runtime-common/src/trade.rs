//! The trade pallets' wiring, shared by every Tradechain runtime.
//!
//! Pallets see each other only through the traits of `tradechain-primitives`; this module says
//! which pallet answers which trait, what each record's deposit is and how large records may
//! grow. A runtime calls [`impl_trade_pallets!`](crate::impl_trade_pallets) once.

use core::marker::PhantomData;
use frame_support::{parameter_types, weights::Weight};
use sp_runtime::Perbill;
use tradechain_primitives::IdentityVerifier;

use crate::{currency::deposit, Balance};

/// A day in milliseconds.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

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
	pub const MinEscrow: Balance = 1_000 * crate::currency::EXISTENTIAL_DEPOSIT;
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

	/// An identity record: registration, judgements and bounded fields.
	pub const IdentityBasicDeposit: Balance = deposit(1, 258);
	/// Each byte of identity information.
	pub const IdentityByteDeposit: Balance = deposit(0, 1);
	/// A username.
	pub const IdentityUsernameDeposit: Balance = deposit(0, 32);
	/// A sub-account of an identity.
	pub const IdentitySubAccountDeposit: Balance = deposit(1, 53);
}

/// A positive judgement is `Reasonable` or `KnownGood` from any registrar of pallet-identity
/// (agencies act as registrars).
pub struct IdentityJudgement<R>(PhantomData<R>);
impl<R: pallet_identity::Config> IdentityVerifier<R::AccountId> for IdentityJudgement<R>
where
	R::IdentityInformation: Default,
{
	fn has_positive_judgement(who: &R::AccountId) -> bool {
		use pallet_identity::Judgement;
		pallet_identity::IdentityOf::<R>::get(who).is_some_and(|registration| {
			registration
				.judgements
				.iter()
				.any(|(_, j)| matches!(j, Judgement::Reasonable | Judgement::KnownGood))
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn judge_for_benchmarks(who: &R::AccountId) {
		let judgements = alloc::vec![(0, pallet_identity::Judgement::KnownGood)]
			.try_into()
			.expect("one judgement is within MaxRegistrars");
		pallet_identity::IdentityOf::<R>::insert(
			who,
			pallet_identity::Registration {
				judgements,
				deposit: Default::default(),
				info: Default::default(),
			},
		);
	}
}

/// The most draw-list entries [`max_draws`] gives, whatever the weights (the list's largest
/// encoding is then about 64 KiB).
pub const MAX_DRAWS: u32 = 8_192;

/// The most declarations one block may lodge for a random draw (customs'
/// `MaxLodgingsPerBlock`): as many as the next block's `on_initialize` can draw within a fifth of
/// a block (`max_block`), in execution time and in proof size. `one` and `two` are the hook's
/// whole weights for one and for two draws. The normal share of a block is 75 %, so a full list's
/// draws and a full block of normal transactions stay within the block's limit, with a twentieth
/// left for the block's own overhead and its inherents; the standalone runtime's test
/// `a_full_block_of_lodgings_fits_the_draw_list` checks the list also holds more lodgings than a
/// block's normal share, so there only the block's weight limits lodging (4,060 draws against
/// 2,965 lodgings). On the parachain runtime proof size binds instead: about 280 draws (a fifth
/// of the relay chain's 10 MiB proof-of-validity limit over the 7,455 bytes one draw may prove,
/// by worst-case sizes), fewer than the lodgings whose proofs fit a block's normal share, so
/// there, while any country draws at random, lodging that country's risk-checked declarations
/// is capped at about 280 a block for the whole parachain; draining the list over several
/// blocks (each declaration drawn from its own lodging block's hash) would lift that.
pub fn max_draws(max_block: Weight, one: Weight, two: Weight) -> u32 {
	let per = two.saturating_sub(one);
	let room = (Perbill::from_percent(20) * max_block).saturating_sub(one.saturating_sub(per));
	let fits = |room: u64, per: u64| room.checked_div(per).unwrap_or(u64::MAX);
	let n = fits(room.ref_time(), per.ref_time()).min(fits(room.proof_size(), per.proof_size()));
	u32::try_from(n).unwrap_or(u32::MAX).min(MAX_DRAWS)
}

/// Sets pallet-timestamp's time for the trade pallets' benchmarks.
pub struct BenchmarkTime<R>(PhantomData<R>);
#[cfg(feature = "runtime-benchmarks")]
impl<R: pallet_timestamp::Config<Moment = u64>> tradechain_primitives::BenchmarkTime
	for BenchmarkTime<R>
{
	fn set_time(ms: u64) {
		pallet_timestamp::Now::<R>::put(ms);
	}
}

/// Writes `impl X::Config for Runtime` for pallet-identity and the seven trade pallets.
///
/// Call it in the runtime crate, where these names are in scope as in every Tradechain runtime:
/// `Runtime`, `RuntimeEvent`, `RuntimeHoldReason`, `Signature`, `DAYS` and the pallets `Balances`,
/// `Timestamp`, `Roles`, `Documents`, `CertificatesOfOrigin`, `Aeo`, `Payments`, `Customs`,
/// `Traceability`. The runtime chooses only who governs: `governance_origin` appoints agencies,
/// lists trade agreements and manages identity registrars.
///
/// ```ignore
/// tradechain_runtime_common::impl_trade_pallets!(governance_origin = GovernanceOrigin);
/// ```
#[macro_export]
macro_rules! impl_trade_pallets {
	(governance_origin = $governance:ty $(,)?) => {
		impl pallet_identity::Config for Runtime {
			type RuntimeEvent = RuntimeEvent;
			type Currency = Balances;
			type BasicDeposit = $crate::trade::IdentityBasicDeposit;
			type ByteDeposit = $crate::trade::IdentityByteDeposit;
			type UsernameDeposit = $crate::trade::IdentityUsernameDeposit;
			type SubAccountDeposit = $crate::trade::IdentitySubAccountDeposit;
			type MaxSubAccounts = frame_support::traits::ConstU32<16>;
			type IdentityInformation =
				pallet_identity::legacy::IdentityInfo<frame_support::traits::ConstU32<16>>;
			type MaxRegistrars = frame_support::traits::ConstU32<32>;
			/// Slashed identity deposits are burned.
			type Slashed = ();
			/// Agencies act as identity registrars: governance adds them.
			type ForceOrigin = $governance;
			type RegistrarOrigin = $governance;
			type OffchainSignature = Signature;
			type SigningPublicKey = <Signature as sp_runtime::traits::Verify>::Signer;
			type UsernameAuthorityOrigin = $governance;
			type PendingUsernameExpiration = frame_support::traits::ConstU32<{ 7 * DAYS }>;
			type UsernameGracePeriod = frame_support::traits::ConstU32<{ 30 * DAYS }>;
			type MaxSuffixLength = frame_support::traits::ConstU32<7>;
			type MaxUsernameLength = frame_support::traits::ConstU32<32>;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = ();
			type WeightInfo = pallet_identity::weights::SubstrateWeight<Runtime>;
		}

		impl pallet_roles::Config for Runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type GovernanceOrigin = $governance;
			type IdentityVerifier = $crate::trade::IdentityJudgement<Runtime>;
			type RegistrationDeposit = $crate::trade::RegistrationDeposit;
			type KeyDeposit = $crate::trade::KeyDeposit;
			type MaxReasonLength = frame_support::traits::ConstU32<256>;
			type WeightInfo = pallet_roles::weights::SubstrateWeight<Runtime>;
		}

		impl pallet_documents::Config for Runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type Roles = Roles;
			type EncryptionKeys = Roles;
			type Time = Timestamp;
			type DocumentDeposit = $crate::trade::DocumentDeposit;
			type GrantDeposit = $crate::trade::GrantDeposit;
			type MaxReferenceLength = frame_support::traits::ConstU32<64>;
			/// A sealed 32-byte content key is 80 bytes (ephemeral key, key, tag); room for HPKE.
			type MaxEnvelopeLength = frame_support::traits::ConstU32<256>;
			type MaxGrants = frame_support::traits::ConstU32<32>;
			type MaxHistory = frame_support::traits::ConstU32<64>;
			type WeightInfo = pallet_documents::weights::SubstrateWeight<Runtime>;
		}

		impl pallet_certificates_of_origin::Config for Runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type Roles = Roles;
			type GovernanceOrigin = $governance;
			type Time = Timestamp;
			type CertificateDeposit = $crate::trade::CertificateDeposit;
			type BatchDeposit = $crate::trade::BatchDeposit;
			type ApplicationDeposit = $crate::trade::OriginApplicationDeposit;
			type MaxGoodsLines = frame_support::traits::ConstU32<32>;
			type MaxReasonLength = frame_support::traits::ConstU32<256>;
			/// The African Continental FTA has 54 parties.
			type MaxPartners = frame_support::traits::ConstU32<64>;
			type MaxRevokedPerBatch = frame_support::traits::ConstU32<1_000>;
			type MaxValidity = $crate::trade::MaxCertificateValidity;
			type RetentionPeriod = $crate::trade::OriginRetention;
			type WeightInfo = pallet_certificates_of_origin::weights::SubstrateWeight<Runtime>;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = $crate::trade::BenchmarkTime<Runtime>;
		}

		impl pallet_aeo::Config for Runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type Roles = Roles;
			type Time = Timestamp;
			type ApplicationDeposit = $crate::trade::AeoApplicationDeposit;
			type MaxTextLength = frame_support::traits::ConstU32<256>;
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
			type PalletId = $crate::trade::TreasuryPalletId;
			type EscrowDeposit = $crate::trade::EscrowDeposit;
			type MinEscrow = $crate::trade::MinEscrow;
			type MaxConditions = frame_support::traits::ConstU32<8>;
			type MaxReasonLength = frame_support::traits::ConstU32<256>;
			type MaxDeadline = $crate::trade::MaxEscrowDeadline;
			type WeightInfo = pallet_payments::weights::SubstrateWeight<Runtime>;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = $crate::trade::BenchmarkTime<Runtime>;
		}

		/// Customs' `MaxLodgingsPerBlock` from this runtime's weights and block limits
		/// ([`max_draws`]($crate::trade::max_draws)).
		pub struct CustomsMaxDraws;
		impl frame_support::traits::Get<u32> for CustomsMaxDraws {
			fn get() -> u32 {
				use frame_support::traits::Get as _;
				$crate::trade::max_draws(
					<Runtime as frame_system::Config>::BlockWeights::get().max_block,
					Customs::draws_weight(1),
					Customs::draws_weight(2),
				)
			}
		}

		impl pallet_customs::Config for Runtime {
			type Currency = Balances;
			type Roles = Roles;
			type Time = Timestamp;
			type Aeo = Aeo;
			type Certificates = CertificatesOfOrigin;
			type Duties = Payments;
			type MaxLines = frame_support::traits::ConstU32<32>;
			type MaxDocuments = frame_support::traits::ConstU32<16>;
			type MaxRules = frame_support::traits::ConstU32<64>;
			type MaxPreferences = frame_support::traits::ConstU32<8>;
			type MaxLodgingsPerBlock = CustomsMaxDraws;
			type MaxReasonLength = frame_support::traits::ConstU32<256>;
			type RetentionPeriod = $crate::trade::DeclarationRetention;
			type WeightInfo = pallet_customs::weights::SubstrateWeight<Runtime>;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = $crate::trade::BenchmarkTime<Runtime>;
		}

		impl pallet_traceability::Config for Runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type Roles = Roles;
			type Time = Timestamp;
			type ItemDeposit = $crate::trade::ItemDeposit;
			type AnchorDeposit = $crate::trade::ReadingsAnchorDeposit;
			type MaxItemsPerEvent = frame_support::traits::ConstU32<32>;
			type MaxHistory = frame_support::traits::ConstU32<64>;
			type WeightInfo = pallet_traceability::weights::SubstrateWeight<Runtime>;
		}
	};
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn max_draws_fills_a_fifth_of_the_block_in_time_and_proof_size() {
		// 1 ms and 1,000 bytes fixed; 100 µs and 8,000 bytes per draw.
		let weight = |n: u64| {
			Weight::from_parts(1_000_000_000, 1_000)
				.saturating_add(Weight::from_parts(100_000_000, 8_000).saturating_mul(n))
		};
		let fifth = |block: Weight| Perbill::from_percent(20) * block;
		// A parachain block (2 s, 10 MiB of proof): the proof binds, (2,097,152 − 1,000) / 8,000.
		let para = Weight::from_parts(2_000_000_000_000, 10 * 1024 * 1024);
		assert_eq!(max_draws(para, weight(1), weight(2)), 262);
		assert!(weight(262).all_lte(fifth(para)) && !weight(263).all_lte(fifth(para)));
		// A standalone block (no proof limit): time binds, (400 ms − 1 ms) / 100 µs.
		let solo = Weight::from_parts(2_000_000_000_000, u64::MAX);
		assert_eq!(max_draws(solo, weight(1), weight(2)), 3_990);
		assert!(weight(3_990).all_lte(fifth(solo)) && !weight(3_991).all_lte(fifth(solo)));
		// Draws that cost nothing (a test runtime's weights) or a huge block: the cap.
		assert_eq!(max_draws(solo, Weight::zero(), Weight::zero()), MAX_DRAWS);
		assert_eq!(max_draws(Weight::MAX, weight(1), weight(2)), MAX_DRAWS);
		// A fixed cost above the fifth leaves no room.
		assert_eq!(max_draws(Weight::from_parts(1_000_000_000, u64::MAX), weight(1), weight(2)), 0);
	}
}
