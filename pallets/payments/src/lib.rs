//! # Payments Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! Trade payments in the spirit of a documentary credit, tied to what the other domains record on
//! chain, and the collection of duties for each country's treasury.
//!
//! An **escrow** holds a buyer's funds for a seller (a fungible hold under
//! [`HoldReason::Escrow`]) until its **conditions** hold: customs released a declaration, a
//! consignment was received at a location, a certificate of origin is valid, a named party
//! approved, an electronic bill of lading was surrendered. The other domains are read through the
//! traits of `tradechain-primitives`. Anyone may trigger the release, which the pallet checks; a
//! partially releasable escrow pays each condition's share as soon as that condition holds. After
//! the deadline the buyer is refunded what was not released. Either party may dispute an open
//! escrow; its arbiter then splits what is held in any proportion.
//!
//! **No funds are lost:** every held amount ends in exactly one release, refund or settlement,
//! funds move only with `transfer_on_hold` and `release` (total issuance never changes), and
//! `try_state` checks that what the open escrows still hold plus their deposits equals the balance
//! on hold under [`HoldReason::Escrow`], for every buyer of an open escrow.
//!
//! **Duties:** [`tradechain_primitives::DutyPayment`] lets customs pay a declaration's duty from
//! the declarant into the treasury account of the country (derived from [`Config::PalletId`] and
//! the country code, see [`Pallet::treasury_account`]), or record it as deferred for an AEO, who
//! settles it later with `settle_deferred_duty`.
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! * `create` - A buyer holds an amount for a seller under conditions and a deadline.
//! * `approve` - A party named in an approval condition approves.
//! * `release` - Anyone: pay the seller what the conditions that hold allow.
//! * `refund` - Anyone, after the deadline: return to the buyer what was not released.
//! * `dispute` - The buyer or the seller disputes an open escrow.
//! * `settle` - The escrow's arbiter splits a disputed escrow.
//! * `settle_deferred_duty` - A declarant pays deferred duties to a country's treasury.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
			UnixTime,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AccountIdConversion, CheckedAdd, SaturatedConversion, Saturating, Zero},
		ArithmeticError, Perbill,
	};
	use tradechain_primitives::{
		CertificateProvider, CertificateUnusable, ConsignmentReceipts, CountryCode, DeclarationId,
		DeclarationStatus, DocumentHash, DutyPayment, Role, RoleProvider, TransferableDocuments,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A reason text.
	pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLength>;
	/// A condition of this pallet.
	pub type ConditionOf<T> = Condition<<T as frame_system::Config>::AccountId>;
	/// The conditions of an escrow.
	pub type ConditionsOf<T> = BoundedVec<
		ConditionEntry<<T as frame_system::Config>::AccountId, BalanceOf<T>>,
		<T as Config>::MaxConditions,
	>;
	/// The conditions given at creation, each with its share.
	pub type NewConditionsOf<T> =
		BoundedVec<(ConditionOf<T>, BalanceOf<T>), <T as Config>::MaxConditions>;
	/// An escrow of this pallet.
	pub type EscrowOf<T> =
		Escrow<<T as frame_system::Config>::AccountId, BalanceOf<T>, ConditionsOf<T>, ReasonOf<T>>;

	/// Version 1 holds an escrow's deposit with its amount under [`HoldReason::Escrow`].
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds escrowed funds and deposits; moves duties.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>
			+ Mutate<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who holds which role (the roles pallet): parties must be members, arbiters hold the
		/// arbiter role.
		type Roles: RoleProvider<Self::AccountId>;

		/// The time (pallet-timestamp), for deadlines.
		type Time: UnixTime;

		/// Declaration releases (the customs pallet).
		type Declarations: DeclarationStatus;

		/// Receiving events of consignments (the traceability pallet).
		type Consignments: ConsignmentReceipts;

		/// Certificates of origin (the certificates-of-origin pallet).
		type Certificates: CertificateProvider<Self::AccountId>;

		/// Transferable documents (the documents pallet).
		type Bills: TransferableDocuments;

		/// Derives each country's treasury account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from the buyer for the escrow record until it ends.
		#[pallet::constant]
		type EscrowDeposit: Get<BalanceOf<Self>>;

		/// The smallest escrow, and the smallest share of a partially releasable one (at least
		/// the existential deposit, so that a payment can always be received).
		#[pallet::constant]
		type MinEscrow: Get<BalanceOf<Self>>;

		/// The most conditions of one escrow.
		#[pallet::constant]
		type MaxConditions: Get<u32>;

		/// The longest reason, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// The latest deadline, in milliseconds from creation.
		#[pallet::constant]
		type MaxDeadline: Get<u64>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets the time for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: tradechain_primitives::BenchmarkTime;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An open escrow: what it has still to pay, plus its record's deposit
		/// ([`Config::EscrowDeposit`]). One hold, not two: creating an escrow is one balance
		/// operation.
		#[codec(index = 0)]
		Escrow,
		/// Before storage version 1: an escrow's deposit, held apart. Nothing is held under it
		/// after [`crate::migrations::MigrateToV1`]; kept so that holds made before it still
		/// decode until it has run on every network.
		#[codec(index = 1)]
		EscrowDeposit,
	}

	/// Escrows by id. Twox: ids are made by the pallet (see [`Pallet::next_id`]), not chosen by
	/// users.
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageMap<_, Twox64Concat, EscrowId, EscrowOf<T>>;

	/// Deferred duties owed, by country and declarant. Twox: countries and accounts are not
	/// attacker-chosen hashes.
	#[pallet::storage]
	pub type DeferredDuties<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CountryCode,
		Twox64Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// An escrow of the genesis state (demo data).
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, serde::Serialize, serde::Deserialize)]
	#[serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: serde::Deserialize<'de>"
	))]
	#[serde(rename_all = "camelCase")]
	pub struct GenesisEscrow<AccountId, Balance> {
		/// The buyer.
		pub buyer: AccountId,
		/// The seller.
		pub seller: AccountId,
		/// The arbiter.
		pub arbiter: AccountId,
		/// The amount.
		pub amount: Balance,
		/// The conditions with their shares.
		pub conditions: Vec<(Condition<AccountId>, Balance)>,
		/// Partial releases per condition.
		pub partial: bool,
		/// The refund deadline (milliseconds since the Unix epoch).
		pub deadline: u64,
		/// Parties that have approved.
		pub approved_by: Vec<AccountId>,
		/// Release what the approvals allow.
		pub release: bool,
		/// Disputed by this party, for this reason.
		pub disputed_by: Option<(AccountId, Vec<u8>)>,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Escrows created at genesis, checked as `create` checks them; funds are held from the
		/// buyers.
		pub escrows: Vec<GenesisEscrow<T::AccountId, BalanceOf<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (id, e) in (0..).zip(&self.escrows) {
				let conditions =
					e.conditions.clone().try_into().expect("genesis: too many conditions");
				Pallet::<T>::do_create(
					id,
					e.buyer.clone(),
					e.seller.clone(),
					e.arbiter.clone(),
					e.amount,
					conditions,
					e.partial,
					e.deadline,
					None,
				)
				.expect("genesis: invalid escrow");
				for party in &e.approved_by {
					Pallet::<T>::approve(frame_system::RawOrigin::Signed(party.clone()).into(), id)
						.expect("genesis: invalid approval");
				}
				if e.release {
					Pallet::<T>::release(
						frame_system::RawOrigin::Signed(e.buyer.clone()).into(),
						id,
					)
					.expect("genesis: release failed");
				}
				if let Some((by, reason)) = &e.disputed_by {
					let reason = reason.clone().try_into().expect("genesis: reason too long");
					Pallet::<T>::dispute(
						frame_system::RawOrigin::Signed(by.clone()).into(),
						id,
						reason,
					)
					.expect("genesis: invalid dispute");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A buyer escrowed funds for a seller.
		Created {
			/// The escrow.
			id: EscrowId,
			/// The buyer.
			buyer: T::AccountId,
			/// The seller.
			seller: T::AccountId,
			/// The amount held.
			amount: BalanceOf<T>,
			/// The refund deadline (milliseconds since the Unix epoch).
			deadline: u64,
		},
		/// A named party approved.
		Approved {
			/// The escrow.
			id: EscrowId,
			/// The approving party.
			by: T::AccountId,
		},
		/// Funds were paid to the seller.
		Released {
			/// The escrow.
			id: EscrowId,
			/// The seller.
			seller: T::AccountId,
			/// The amount paid now.
			amount: BalanceOf<T>,
			/// Whether the escrow is now fully paid and closed.
			complete: bool,
		},
		/// The deadline passed: the buyer got back what was not released; the escrow is closed.
		Refunded {
			/// The escrow.
			id: EscrowId,
			/// The buyer.
			buyer: T::AccountId,
			/// The amount returned.
			amount: BalanceOf<T>,
		},
		/// A party disputed the escrow.
		Disputed {
			/// The escrow.
			id: EscrowId,
			/// The buyer or the seller.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// The arbiter split a disputed escrow; it is closed.
		Settled {
			/// The escrow.
			id: EscrowId,
			/// The arbiter.
			arbiter: T::AccountId,
			/// Paid to the seller.
			to_seller: BalanceOf<T>,
			/// Returned to the buyer.
			to_buyer: BalanceOf<T>,
		},
		/// A duty was paid into a country's treasury.
		DutyPaid {
			/// The declarant.
			payer: T::AccountId,
			/// The country.
			country: CountryCode,
			/// The declaration.
			declaration: DeclarationId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A duty was deferred: the declarant owes it.
		DutyDeferred {
			/// The declarant.
			payer: T::AccountId,
			/// The country.
			country: CountryCode,
			/// The declaration.
			declaration: DeclarationId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A declarant paid deferred duties.
		DeferredDutySettled {
			/// The declarant.
			payer: T::AccountId,
			/// The country.
			country: CountryCode,
			/// The amount paid.
			amount: BalanceOf<T>,
			/// What it still owes.
			remaining: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only agencies and active operators may take part in escrows.
		NotMember,
		/// The seller must be another member than the buyer.
		InvalidSeller,
		/// The arbiter must hold the arbiter role and be neither buyer nor seller.
		InvalidArbiter,
		/// An escrow needs at least one condition.
		NoConditions,
		/// The amount or a share is below the minimum.
		AmountTooLow,
		/// A partially releasable escrow's shares must add up to its amount; other escrows give
		/// no shares.
		SharesMismatch,
		/// The deadline has passed or is too far away.
		InvalidDeadline,
		/// No escrow has this id.
		EscrowNotFound,
		/// The caller is not named in an approval condition of this escrow.
		NotApprover,
		/// The caller already approved.
		AlreadyApproved,
		/// The conditions do not hold (or no further condition holds, for a partial release).
		ConditionsNotMet,
		/// The escrow is disputed: only its arbiter can end it.
		Disputed,
		/// The escrow is not disputed.
		NotDisputed,
		/// The deadline has not passed.
		DeadlineNotReached,
		/// Only the buyer or the seller may do this.
		NotParty,
		/// Only the escrow's arbiter, holding the arbiter role, may do this.
		NotArbiter,
		/// The declarant owes no deferred duty to this country.
		NothingOwed,
		/// The payment is more than what is owed.
		MoreThanOwed,
		/// No new escrow id can be made in this block: its event count, from which ids are made,
		/// reached `u32::MAX` and stopped growing.
		EscrowIdTaken,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Hold `amount` for `seller` until `conditions` hold. Origin: a member (the buyer).
		///
		/// Each condition comes with a share: for a `partial` escrow the shares add up to the
		/// amount and each is released when its condition holds; otherwise all shares are zero and
		/// everything is released when all hold. After `deadline` (milliseconds since the Unix
		/// epoch) what was not released can be refunded. Holds the amount and
		/// [`Config::EscrowDeposit`]. Emits [`Event::Created`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create(conditions.len() as u32))]
		pub fn create(
			origin: OriginFor<T>,
			seller: T::AccountId,
			arbiter: T::AccountId,
			amount: BalanceOf<T>,
			conditions: NewConditionsOf<T>,
			partial: bool,
			deadline: u64,
			reference: Option<DocumentHash>,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			ensure!(frame_system::Pallet::<T>::event_count() < u32::MAX, Error::<T>::EscrowIdTaken);
			Self::do_create(
				Self::next_id(),
				buyer,
				seller,
				arbiter,
				amount,
				conditions,
				partial,
				deadline,
				reference,
			)
		}

		/// Approve: every approval condition naming the caller is met. Origin: the named party.
		///
		/// Emits [`Event::Approved`].
		#[pallet::call_index(1)]
		pub fn approve(origin: OriginFor<T>, id: EscrowId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut escrow = Escrows::<T>::get(id).ok_or(Error::<T>::EscrowNotFound)?;
			let mut named = false;
			let mut newly = false;
			for entry in escrow.conditions.iter_mut() {
				if matches!(&entry.condition, Condition::ApprovedBy { party } if *party == who) {
					named = true;
					newly |= !entry.met;
					entry.met = true;
				}
			}
			ensure!(named, Error::<T>::NotApprover);
			ensure!(newly, Error::<T>::AlreadyApproved);
			Escrows::<T>::insert(id, escrow);
			Self::deposit_event(Event::Approved { id, by: who });
			Ok(())
		}

		/// Pay the seller what the conditions allow. Origin: anyone signed.
		///
		/// Conditions are checked now through the other domains; one seen to hold stays met. An
		/// escrow that is not partial pays everything once all hold; a partial one pays the shares
		/// of the conditions that newly hold. Closes the escrow (releasing the deposit) when all
		/// is paid. Emits [`Event::Released`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::release(T::MaxConditions::get()))]
		pub fn release(origin: OriginFor<T>, id: EscrowId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut escrow = Escrows::<T>::get(id).ok_or(Error::<T>::EscrowNotFound)?;
			ensure!(escrow.state == EscrowState::Open, Error::<T>::Disputed);
			let conditions = escrow.conditions.len() as u32;
			for entry in escrow.conditions.iter_mut() {
				if !entry.met && Self::holds(&entry.condition, &escrow.buyer) {
					entry.met = true;
				}
			}
			let all_met = escrow.conditions.iter().all(|e| e.met);
			let pay = if all_met {
				// Everything still held, so nothing stays behind (a partial escrow's last share
				// is exactly what remains).
				escrow.remaining()
			} else if escrow.partial {
				let mut due: BalanceOf<T> = Zero::zero();
				for entry in escrow.conditions.iter().filter(|e| e.met && !e.paid) {
					due = due.checked_add(&entry.share).ok_or(ArithmeticError::Overflow)?;
				}
				ensure!(!due.is_zero(), Error::<T>::ConditionsNotMet);
				due
			} else {
				return Err(Error::<T>::ConditionsNotMet.into());
			};
			for entry in escrow.conditions.iter_mut().filter(|e| e.met) {
				entry.paid = true;
			}
			T::Currency::transfer_on_hold(
				&HoldReason::Escrow.into(),
				&escrow.buyer,
				&escrow.seller,
				pay,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			escrow.released = escrow.released.checked_add(&pay).ok_or(ArithmeticError::Overflow)?;
			let seller = escrow.seller.clone();
			if all_met {
				Self::close(id, &escrow, Zero::zero())?;
			} else {
				Escrows::<T>::insert(id, escrow);
			}
			Self::deposit_event(Event::Released { id, seller, amount: pay, complete: all_met });
			Ok(Some(T::WeightInfo::release(conditions)).into())
		}

		/// Return to the buyer what was not released, once the deadline has passed. Origin:
		/// anyone signed. The escrow must not be disputed.
		///
		/// Closes the escrow. Emits [`Event::Refunded`].
		#[pallet::call_index(3)]
		pub fn refund(origin: OriginFor<T>, id: EscrowId) -> DispatchResult {
			ensure_signed(origin)?;
			let escrow = Escrows::<T>::get(id).ok_or(Error::<T>::EscrowNotFound)?;
			ensure!(escrow.state == EscrowState::Open, Error::<T>::Disputed);
			ensure!(Self::now() > escrow.deadline, Error::<T>::DeadlineNotReached);
			let amount = escrow.remaining();
			Self::close(id, &escrow, amount)?;
			Self::deposit_event(Event::Refunded { id, buyer: escrow.buyer, amount });
			Ok(())
		}

		/// Dispute an open escrow: release and refund stop until the arbiter settles. Origin: the
		/// buyer or the seller.
		///
		/// Emits [`Event::Disputed`].
		#[pallet::call_index(4)]
		pub fn dispute(origin: OriginFor<T>, id: EscrowId, reason: ReasonOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut escrow = Escrows::<T>::get(id).ok_or(Error::<T>::EscrowNotFound)?;
			ensure!(who == escrow.buyer || who == escrow.seller, Error::<T>::NotParty);
			ensure!(escrow.state == EscrowState::Open, Error::<T>::Disputed);
			escrow.state = EscrowState::Disputed { by: who.clone(), reason: reason.clone() };
			Escrows::<T>::insert(id, escrow);
			Self::deposit_event(Event::Disputed { id, by: who, reason });
			Ok(())
		}

		/// Split what a disputed escrow still holds: `seller_share` of it to the seller, the rest
		/// back to the buyer. Origin: the escrow's arbiter, holding the arbiter role.
		///
		/// Closes the escrow. Emits [`Event::Settled`].
		#[pallet::call_index(5)]
		pub fn settle(
			origin: OriginFor<T>,
			id: EscrowId,
			settlement: Settlement,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let escrow = Escrows::<T>::get(id).ok_or(Error::<T>::EscrowNotFound)?;
			ensure!(
				who == escrow.arbiter && T::Roles::country_of(&who, Role::ARBITER).is_some(),
				Error::<T>::NotArbiter
			);
			ensure!(matches!(escrow.state, EscrowState::Disputed { .. }), Error::<T>::NotDisputed);
			let remaining = escrow.remaining();
			let to_seller = settlement.seller_share.mul_floor(remaining);
			let to_buyer = remaining.saturating_sub(to_seller);
			if !to_seller.is_zero() {
				T::Currency::transfer_on_hold(
					&HoldReason::Escrow.into(),
					&escrow.buyer,
					&escrow.seller,
					to_seller,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				)?;
			}
			Self::close(id, &escrow, to_buyer)?;
			Self::deposit_event(Event::Settled { id, arbiter: who, to_seller, to_buyer });
			Ok(())
		}

		/// Pay `amount` of the deferred duties the caller owes `country` into its treasury.
		/// Origin: the declarant.
		///
		/// Emits [`Event::DeferredDutySettled`].
		#[pallet::call_index(6)]
		pub fn settle_deferred_duty(
			origin: OriginFor<T>,
			country: CountryCode,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			let owed = DeferredDuties::<T>::get(country, &payer);
			ensure!(!owed.is_zero(), Error::<T>::NothingOwed);
			ensure!(amount <= owed, Error::<T>::MoreThanOwed);
			T::Currency::transfer(
				&payer,
				&Self::treasury_account(country),
				amount,
				Preservation::Preserve,
			)?;
			let remaining = owed.saturating_sub(amount);
			DeferredDuties::<T>::set(country, &payer, remaining);
			Self::deposit_event(Event::DeferredDutySettled { payer, country, amount, remaining });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxConditions::get() > 0, "MaxConditions must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Milliseconds since the Unix epoch; zero at genesis, where no time is known yet.
		pub(crate) fn now() -> u64 {
			tradechain_primitives::unix_millis::<T, T::Time>()
		}

		/// The id `create` gives an escrow now: the block number in the high 32 bits and the
		/// block's event count in the low 32 bits. Each creation emits events, so two creations
		/// in one block never see the same count, and no counter (and no existing id) has to be
		/// read: an id is unique while the count grows, and `create` refuses to make one once it
		/// stops at `u32::MAX` ([`Error::EscrowIdTaken`]). Escrows made at genesis (block 0) are
		/// numbered 0, 1, … instead.
		pub fn next_id() -> EscrowId {
			let block: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
			(block << 32) | u64::from(frame_system::Pallet::<T>::event_count())
		}

		/// Creates escrow `id` (see [`Pallet::create`]).
		#[allow(clippy::too_many_arguments)]
		pub(crate) fn do_create(
			id: EscrowId,
			buyer: T::AccountId,
			seller: T::AccountId,
			arbiter: T::AccountId,
			amount: BalanceOf<T>,
			conditions: NewConditionsOf<T>,
			partial: bool,
			deadline: u64,
			reference: Option<DocumentHash>,
		) -> DispatchResult {
			ensure!(T::Roles::is_member(&buyer), Error::<T>::NotMember);
			ensure!(seller != buyer && T::Roles::is_member(&seller), Error::<T>::InvalidSeller);
			ensure!(
				arbiter != buyer
					&& arbiter != seller
					&& T::Roles::country_of(&arbiter, Role::ARBITER).is_some(),
				Error::<T>::InvalidArbiter
			);
			ensure!(!conditions.is_empty(), Error::<T>::NoConditions);
			ensure!(amount >= T::MinEscrow::get(), Error::<T>::AmountTooLow);
			Self::check_shares(amount, &conditions, partial)?;
			let now = Self::now();
			// At genesis (time zero) only the first check applies.
			ensure!(
				deadline > now && (now == 0 || deadline - now <= T::MaxDeadline::get()),
				Error::<T>::InvalidDeadline
			);
			let deposit = T::EscrowDeposit::get();
			let held = amount.checked_add(&deposit).ok_or(ArithmeticError::Overflow)?;
			T::Currency::hold(&HoldReason::Escrow.into(), &buyer, held)?;
			let conditions = conditions
				.into_iter()
				.map(|(condition, share)| ConditionEntry {
					condition,
					share,
					met: false,
					paid: false,
				})
				.collect::<Vec<_>>()
				.try_into()
				.map_err(|_| Error::<T>::NoConditions)?;
			Escrows::<T>::insert(
				id,
				Escrow {
					buyer: buyer.clone(),
					seller: seller.clone(),
					arbiter,
					amount,
					released: Zero::zero(),
					conditions,
					partial,
					deadline,
					reference,
					created_at: now,
					state: EscrowState::Open,
					deposit: Deposit { who: buyer.clone(), amount: deposit },
				},
			);
			Self::deposit_event(Event::Created { id, buyer, seller, amount, deadline });
			Ok(())
		}

		/// The treasury account of `country`: a sub-account of [`Config::PalletId`].
		pub fn treasury_account(country: CountryCode) -> T::AccountId {
			T::PalletId::get().into_sub_account_truncating(country)
		}

		fn check_shares(
			amount: BalanceOf<T>,
			conditions: &NewConditionsOf<T>,
			partial: bool,
		) -> DispatchResult {
			if !partial {
				ensure!(conditions.iter().all(|(_, s)| s.is_zero()), Error::<T>::SharesMismatch);
				return Ok(());
			}
			let mut sum: BalanceOf<T> = Zero::zero();
			for (_, share) in conditions.iter() {
				ensure!(*share >= T::MinEscrow::get(), Error::<T>::AmountTooLow);
				sum = sum.checked_add(share).ok_or(Error::<T>::SharesMismatch)?;
			}
			ensure!(sum == amount, Error::<T>::SharesMismatch);
			Ok(())
		}

		/// Whether `condition` holds now for an escrow of `buyer`. Approvals hold only once
		/// recorded by `approve`.
		pub(crate) fn holds(condition: &ConditionOf<T>, buyer: &T::AccountId) -> bool {
			match condition {
				Condition::DeclarationReleased { declaration } => {
					T::Declarations::is_released(*declaration)
				}
				Condition::ConsignmentReceived { consignment, location } => {
					T::Consignments::received_at(consignment, location)
				}
				Condition::CertificateValid { certificate, destination } => matches!(
					T::Certificates::usable(certificate, buyer, *destination),
					Ok(_) | Err(CertificateUnusable::AlreadyUsed)
				),
				Condition::ApprovedBy { .. } => false,
				Condition::BillOfLadingSurrendered { bill } => T::Bills::is_surrendered(bill),
			}
		}

		/// Removes an escrow, returning to the buyer in one release its deposit and `to_buyer`
		/// (what is left of the amount once the seller has been paid).
		fn close(id: EscrowId, escrow: &EscrowOf<T>, to_buyer: BalanceOf<T>) -> DispatchResult {
			let back =
				escrow.deposit.amount.checked_add(&to_buyer).ok_or(ArithmeticError::Overflow)?;
			T::Currency::release(
				&HoldReason::Escrow.into(),
				&escrow.deposit.who,
				back,
				Precision::Exact,
			)?;
			Escrows::<T>::remove(id);
			Ok(())
		}

		/// The open escrows `who` is buyer or seller of, by id, with each condition's state now.
		///
		/// Reads every open escrow: there is no per-account index, which would cost each
		/// `create` and each closing two more writes. Meant for runtime API calls, off chain.
		pub fn escrows_of(who: &T::AccountId) -> Vec<EscrowInfo<T::AccountId, BalanceOf<T>>> {
			let mut open: Vec<(EscrowId, EscrowOf<T>)> =
				Escrows::<T>::iter().filter(|(_, e)| e.buyer == *who || e.seller == *who).collect();
			open.sort_unstable_by_key(|(id, _)| *id);
			open.into_iter()
				.map(|(id, e)| EscrowInfo {
					id,
					conditions: e
						.conditions
						.iter()
						.map(|c| {
							let holds = c.met || Self::holds(&c.condition, &e.buyer);
							(c.condition.clone(), c.share, holds)
						})
						.collect(),
					buyer: e.buyer,
					seller: e.seller,
					arbiter: e.arbiter,
					amount: e.amount,
					released: e.released,
					partial: e.partial,
					deadline: e.deadline,
					disputed: matches!(e.state, EscrowState::Disputed { .. }),
				})
				.collect()
		}
	}

	impl<T: Config> DutyPayment<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn pay(
			payer: &T::AccountId,
			country: CountryCode,
			declaration: DeclarationId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::Currency::transfer(
				payer,
				&Self::treasury_account(country),
				amount,
				Preservation::Preserve,
			)?;
			Self::deposit_event(Event::DutyPaid {
				payer: payer.clone(),
				country,
				declaration,
				amount,
			});
			Ok(())
		}

		fn defer(
			payer: &T::AccountId,
			country: CountryCode,
			declaration: DeclarationId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			DeferredDuties::<T>::try_mutate(country, payer, |owed| -> DispatchResult {
				*owed = owed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
				Ok(())
			})?;
			Self::deposit_event(Event::DutyDeferred {
				payer: payer.clone(),
				country,
				declaration,
				amount,
			});
			Ok(())
		}

		fn deferred(payer: &T::AccountId, country: CountryCode) -> BalanceOf<T> {
			DeferredDuties::<T>::get(country, payer)
		}
	}

	/// Perbill is re-exported for callers building a [`Settlement`].
	pub type Share = Perbill;
}
