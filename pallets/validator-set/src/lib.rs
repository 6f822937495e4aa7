//! # Validator Set Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! The validators of a Tradechain network are agencies' nodes, chosen by the network's governance,
//! not by stake. This pallet keeps the list and hands it to `pallet-session`, which passes each
//! validator's session keys (Aura for authoring, GRANDPA for finality) to the consensus pallets
//! at a session change. The network never restarts for a change of validators:
//!
//! 1. The joining agency starts its node, generates session keys on it
//!    (`author_rotateKeysWithOwner`) and registers them from its account with
//!    `Session::set_keys(keys, proof)`.
//! 2. Governance (a council motion) calls [`Pallet::add_validator`]; this needs the keys.
//! 3. At the next session change pallet-session queues the new set; one session later it is the
//!    active set: the new node authors Aura slots and votes in GRANDPA.
//!
//! [`Pallet::remove_validator`] works the same way: the removed node stops authoring once the
//! queued set becomes active, at most two session lengths later. Key rotation needs no
//! governance: a validator registers new keys with `set_keys`, which take effect the same way.
//!
//! This pallet also decides when a session ends ([`pallet_session::ShouldEndSession`]): every
//! [`SessionLength`] blocks, a length governance may change ([`Pallet::set_session_length`];
//! it applies to the running session).
//!
//! ## Interface
//!
//! ### Dispatchable Functions (origin [`Config::GovernanceOrigin`])
//!
//! * `add_validator` - Add an account with registered session keys to the set.
//! * `remove_validator` - Remove an account from the set.
//! * `set_session_length` - Change the session length, in blocks.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod try_state;
pub mod weights;

pub use weights::WeightInfo;

/// What the benchmarks need of the runtime: an account with registered session keys.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, so that it may be added.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Saturating, Permill};

	/// The validators of this pallet.
	pub type ValidatorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Adds and removes validators and sets the session length: in the runtime, a two-thirds
		/// motion of the agency council.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has registered session keys (pallet-session).
		type KeysRegistered: ValidatorRegistration<Self::AccountId>;

		/// The most validators. Aura and GRANDPA bound their authority sets too; this must not
		/// exceed theirs.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The fewest validators: removals below it are refused.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The shortest session, in blocks.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Registers session keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validators, in the order governance added them. pallet-session receives this list at
	/// the next session change after it changed.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// Whether [`Validators`] changed since pallet-session last received it.
	#[pallet::storage]
	pub type ChangePending<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Blocks per session.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The block at which the current session started.
	#[pallet::storage]
	pub type SessionStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// A chain's genesis lists its first validators; the default (no validators, the shortest
	/// session) only exists for tests that build a default genesis.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The first validators (their session keys are in pallet-session's genesis).
		pub validators: Vec<T::AccountId>,
		/// Blocks per session.
		pub session_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { validators: Vec::new(), session_length: T::MinSessionLength::get() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut unique = self.validators.clone();
			unique.sort();
			unique.dedup();
			assert_eq!(unique.len(), self.validators.len(), "validatorSet: duplicate validators");
			let validators = ValidatorsOf::<T>::try_from(self.validators.clone())
				.expect("validatorSet: more validators than MaxValidators");
			assert!(
				validators.is_empty() || validators.len() as u32 >= T::MinValidators::get(),
				"validatorSet: fewer validators than MinValidators"
			);
			assert!(
				self.session_length >= T::MinSessionLength::get(),
				"validatorSet: sessionLength below MinSessionLength"
			);
			Validators::<T>::put(validators);
			SessionLength::<T>::put(self.session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the validators at the next session change but one.
		ValidatorAdded { who: T::AccountId },
		/// `who` leaves the validators at the next session change but one.
		ValidatorRemoved { who: T::AccountId },
		/// Sessions now last `blocks` blocks (the running one included).
		SessionLengthSet { blocks: BlockNumberFor<T> },
		/// The changed set was handed to pallet-session for session `session`, when it becomes
		/// the active set.
		ValidatorsPlanned { session: u32, validators: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set holds [`Config::MaxValidators`] validators already.
		TooManyValidators,
		/// The set would fall below [`Config::MinValidators`].
		TooFewValidators,
		/// The account has not registered session keys (`Session::set_keys`).
		NoSessionKeys,
		/// The session length is below [`Config::MinSessionLength`].
		SessionTooShort,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// pallet-session asks every block whether the session ends: two reads.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			T::DbWeight::get().reads(2)
		}

		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a network needs a validator");
			assert!(T::MinValidators::get() <= T::MaxValidators::get());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who`, whose session keys are registered, to the validators. Origin:
		/// [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::ValidatorAdded`]. Errors: [`Error::AlreadyValidator`],
		/// [`Error::NoSessionKeys`], [`Error::TooManyValidators`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(T::KeysRegistered::is_registered(&who), Error::<T>::NoSessionKeys);
			validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(validators);
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Remove `who` from the validators. Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::ValidatorRemoved`]. Errors: [`Error::NotValidator`],
		/// [`Error::TooFewValidators`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let at = validators.iter().position(|v| *v == who).ok_or(Error::<T>::NotValidator)?;
			ensure!(
				validators.len() as u32 > T::MinValidators::get(),
				Error::<T>::TooFewValidators
			);
			validators.remove(at);
			Validators::<T>::put(validators);
			ChangePending::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Sessions last `blocks` blocks from now on, the running one included (it ends at once
		/// if it is already longer). Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::SessionLengthSet`]. Errors: [`Error::SessionTooShort`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(blocks >= T::MinSessionLength::get(), Error::<T>::SessionTooShort);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The block at which the current session ends.
		pub fn session_end() -> BlockNumberFor<T> {
			SessionStart::<T>::get().saturating_add(SessionLength::<T>::get())
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
			if !ChangePending::<T>::take() {
				return None;
			}
			let validators = Validators::<T>::get();
			Self::deposit_event(Event::ValidatorsPlanned {
				session: new_index,
				validators: validators.len() as u32,
			});
			Some(validators.into_inner())
		}

		fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
			let validators = Validators::<T>::get();
			(!validators.is_empty()).then(|| validators.into_inner())
		}

		fn start_session(_index: u32) {
			SessionStart::<T>::put(frame_system::Pallet::<T>::block_number());
		}

		fn end_session(_index: u32) {}
	}

	impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
		fn should_end_session(now: BlockNumberFor<T>) -> bool {
			now >= Self::session_end()
		}
	}

	impl<T: Config> frame_support::traits::EstimateNextSessionRotation<BlockNumberFor<T>>
		for Pallet<T>
	{
		fn average_session_length() -> BlockNumberFor<T> {
			SessionLength::<T>::get()
		}

		fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
			let (start, length) = (SessionStart::<T>::get(), SessionLength::<T>::get());
			let progress =
				Permill::from_rational(now.saturating_sub(start), length.max(1u32.into()));
			(Some(progress), T::DbWeight::get().reads(2))
		}

		fn estimate_next_session_rotation(
			_now: BlockNumberFor<T>,
		) -> (Option<BlockNumberFor<T>>, Weight) {
			(Some(Self::session_end()), T::DbWeight::get().reads(2))
		}
	}
}
