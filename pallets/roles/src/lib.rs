//! # Roles Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! Who may act on Tradechain, and for which country. Government **agencies** (customs
//! authorities, origin issuers, trade ministries, port authorities) are appointed and dismissed
//! by the governance origin. **Operators** (economic operators, carriers, banks, arbiters) apply
//! to their country's customs authority, which registers them once their on-chain identity has a
//! positive judgement from a registrar (agencies act as identity registrars), and may suspend,
//! reinstate or remove them. Agencies and operators may publish an X25519 public key to which
//! documents are sealed for them.
//!
//! Other pallets ask "does this account hold this role, and for which country?" through
//! [`tradechain_primitives::RoleProvider`], which this pallet implements, and guard their calls
//! with [`tradechain_primitives::EnsureRole`].
//!
//! ### Terminology
//!
//! - **Role:** an [`AgencyKind`] or an [`OperatorKind`], held by an account for one country. An
//!   account may hold several roles, each for one country.
//! - **Application:** an operator's request for a role; its deposit is held until the customs
//!   authority decides, and stays held for as long as the role exists.
//! - **Suspension:** the role stays on record but [`RoleProvider`] no longer reports it.
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! #### For governance
//! * `appoint_agency` - Appoint an account as an agency of a country.
//! * `dismiss_agency` - Dismiss an agency.
//!
//! #### For operators
//! * `apply` - Apply for an operator role, holding the registration deposit.
//! * `withdraw_application` - Withdraw a pending application; the deposit is released.
//! * `resign` - Give up an operator role; the deposit is released.
//!
//! #### For customs authorities (of the operator's country)
//! * `approve` - Register an applicant whose identity is positively judged.
//! * `reject` - Reject an application with a reason; the deposit is released.
//! * `suspend` / `reinstate` - Suspend an operator with a reason, or lift the suspension.
//! * `remove_operator` - Remove an operator with a reason; the deposit is released.
//!
//! #### For agencies and operators
//! * `set_encryption_key` - Publish (or replace) an X25519 key, holding the key deposit once.
//! * `clear_encryption_key` - Remove the key; the deposit is released.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use tradechain_primitives::{AgencyKind, CountryCode, OperatorId, OperatorKind, Role};

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
			fungible::{Inspect, InspectHold, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use tradechain_primitives::{IdentityVerifier, X25519PublicKey};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A deposit of this pallet.
	pub type DepositOf<T> = Deposit<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A free-text reason of this pallet.
	pub type ReasonOf<T> = Reason<<T as Config>::MaxReasonLength>;
	/// A role record of this pallet.
	pub type RoleRecordOf<T> = RoleRecord<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		ReasonOf<T>,
	>;
	/// An application of this pallet.
	pub type ApplicationOf<T> =
		Application<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A key record of this pallet.
	pub type KeyRecordOf<T> = KeyRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// Version 1 added [`Members`].
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds registration and key deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Appoints and dismisses agencies (Root until the council governs).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account's identity carries a positive judgement (pallet-identity).
		type IdentityVerifier: IdentityVerifier<Self::AccountId>;

		/// Held from an operator while its application or role exists.
		#[pallet::constant]
		type RegistrationDeposit: Get<BalanceOf<Self>>;

		/// Held from an account while its encryption key is published.
		#[pallet::constant]
		type KeyDeposit: Get<BalanceOf<Self>>;

		/// The longest reason (suspension, rejection, removal), in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An operator's application or role record is stored.
		#[codec(index = 0)]
		Registration,
		/// An encryption key is published.
		#[codec(index = 1)]
		EncryptionKey,
	}

	/// Roles by holder and role. Blake2: operators choose their accounts; the role is one of
	/// eight values, so `Twox64Concat` is safe for it.
	#[pallet::storage]
	pub type Roles<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Role, RoleRecordOf<T>>;

	/// How many active roles each account holds (no entry for none): "is this account a member?"
	/// in one read, however many roles it holds. Kept in step with [`Roles`] by every call that
	/// adds, removes, suspends or reinstates a role.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32>;

	/// Pending operator applications by applicant and role.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Role, ApplicationOf<T>>;

	/// Which account holds (or applied with) a national operator id, per country: an id belongs to
	/// one account. Blake2: ids are chosen by applicants.
	#[pallet::storage]
	pub type OperatorIds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CountryCode, Blake2_128Concat, OperatorId, T::AccountId>;

	/// Published X25519 keys for document encryption.
	#[pallet::storage]
	pub type EncryptionKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, KeyRecordOf<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Agencies: account, function, country.
		pub agencies: Vec<(T::AccountId, AgencyKind, CountryCode)>,
		/// Operators: account, function, country, national operator id.
		pub operators: Vec<(T::AccountId, OperatorKind, CountryCode, Option<OperatorId>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let roles = self
				.agencies
				.iter()
				.map(|(who, kind, country)| (who, Role::Agency(*kind), *country, None))
				.chain(self.operators.iter().map(|(who, kind, country, id)| {
					(who, Role::Operator(*kind), *country, id.clone())
				}));
			for (who, role, country, operator_id) in roles {
				assert!(!Roles::<T>::contains_key(who, role), "genesis: duplicate role");
				if let Some(id) = &operator_id {
					assert!(
						!OperatorIds::<T>::contains_key(country, id),
						"genesis: duplicate operator id"
					);
					OperatorIds::<T>::insert(country, id, who);
				}
				Pallet::<T>::put_role(
					who,
					role,
					RoleRecord {
						country,
						operator_id,
						status: RoleStatus::Active,
						appointed_by: Appointer::Genesis,
						since: Zero::zero(),
						deposit: None,
					},
				);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance appointed an agency.
		AgencyAppointed {
			/// The agency's account.
			who: T::AccountId,
			/// Its function.
			kind: AgencyKind,
			/// Its country.
			country: CountryCode,
		},
		/// Governance dismissed an agency.
		AgencyDismissed {
			/// The agency's account.
			who: T::AccountId,
			/// Its function.
			kind: AgencyKind,
			/// Its country.
			country: CountryCode,
		},
		/// An account applied for an operator role.
		Applied {
			/// The applicant.
			who: T::AccountId,
			/// The role applied for.
			kind: OperatorKind,
			/// The country whose customs decides.
			country: CountryCode,
			/// The national operator id, if given.
			operator_id: Option<OperatorId>,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// An applicant withdrew its application; its deposit was released.
		ApplicationWithdrawn {
			/// The applicant.
			who: T::AccountId,
			/// The role applied for.
			kind: OperatorKind,
		},
		/// A customs authority registered an operator.
		OperatorRegistered {
			/// The operator.
			who: T::AccountId,
			/// Its role.
			kind: OperatorKind,
			/// Its country.
			country: CountryCode,
			/// Its national operator id.
			operator_id: Option<OperatorId>,
			/// The customs authority that registered it.
			by: T::AccountId,
		},
		/// A customs authority rejected an application; the deposit was released.
		ApplicationRejected {
			/// The applicant.
			who: T::AccountId,
			/// The role applied for.
			kind: OperatorKind,
			/// The customs authority.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// A customs authority suspended an operator.
		OperatorSuspended {
			/// The operator.
			who: T::AccountId,
			/// The suspended role.
			kind: OperatorKind,
			/// The customs authority.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// A customs authority lifted an operator's suspension.
		OperatorReinstated {
			/// The operator.
			who: T::AccountId,
			/// The reinstated role.
			kind: OperatorKind,
			/// The customs authority.
			by: T::AccountId,
		},
		/// A customs authority removed an operator; its deposit was released.
		OperatorRemoved {
			/// The former operator.
			who: T::AccountId,
			/// The removed role.
			kind: OperatorKind,
			/// The customs authority.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// An operator gave up its role; its deposit was released.
		OperatorResigned {
			/// The former operator.
			who: T::AccountId,
			/// The role given up.
			kind: OperatorKind,
		},
		/// An account published or replaced its encryption key.
		EncryptionKeySet {
			/// The account.
			who: T::AccountId,
			/// The X25519 public key.
			key: X25519PublicKey,
		},
		/// An account removed its encryption key; its deposit was released.
		EncryptionKeyCleared {
			/// The account.
			who: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account already holds this role.
		AlreadyHoldsRole,
		/// The account does not hold this role.
		RoleNotFound,
		/// The account already has a pending application for this role.
		AlreadyApplied,
		/// There is no pending application for this role.
		ApplicationNotFound,
		/// An economic operator must give its national operator id.
		OperatorIdRequired,
		/// Another account holds or applied with this operator id in this country.
		OperatorIdTaken,
		/// The applicant's identity has no positive judgement from a registrar.
		NoPositiveJudgement,
		/// The origin is not an active customs authority.
		NotCustoms,
		/// The customs authority is of another country than the operator.
		WrongCountry,
		/// The role is already suspended.
		AlreadySuspended,
		/// The role is not suspended.
		NotSuspended,
		/// Only agencies and active operators may publish an encryption key.
		NotMember,
		/// The account has no published encryption key.
		NoEncryptionKey,
		/// The key is the all-zero X25519 point, which no one can decrypt to.
		InvalidKey,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Appoint `who` as an agency of `country`. Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::AgencyAppointed`]. Errors with [`Error::AlreadyHoldsRole`] if `who`
		/// already holds this agency role (for any country).
		#[pallet::call_index(0)]
		pub fn appoint_agency(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: AgencyKind,
			country: CountryCode,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let role = Role::Agency(kind);
			ensure!(!Roles::<T>::contains_key(&who, role), Error::<T>::AlreadyHoldsRole);
			Self::put_role(
				&who,
				role,
				RoleRecord {
					country,
					operator_id: None,
					status: RoleStatus::Active,
					appointed_by: Appointer::Governance,
					since: frame_system::Pallet::<T>::block_number(),
					deposit: None,
				},
			);
			Self::deposit_event(Event::AgencyAppointed { who, kind, country });
			Ok(())
		}

		/// Dismiss an agency. Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::AgencyDismissed`]. Errors with [`Error::RoleNotFound`].
		#[pallet::call_index(1)]
		pub fn dismiss_agency(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: AgencyKind,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let record = Self::take_role(&who, Role::Agency(kind))?;
			Self::deposit_event(Event::AgencyDismissed { who, kind, country: record.country });
			Ok(())
		}

		/// Apply for an operator role in `country`. Origin: signed by the applicant.
		///
		/// Holds [`Config::RegistrationDeposit`]. An economic operator must give its national
		/// `operator_id`, unique in the country. Emits [`Event::Applied`].
		#[pallet::call_index(2)]
		pub fn apply(
			origin: OriginFor<T>,
			kind: OperatorKind,
			country: CountryCode,
			operator_id: Option<OperatorId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let role = Role::Operator(kind);
			ensure!(!Roles::<T>::contains_key(&who, role), Error::<T>::AlreadyHoldsRole);
			ensure!(!Applications::<T>::contains_key(&who, role), Error::<T>::AlreadyApplied);
			ensure!(
				kind != OperatorKind::EconomicOperator || operator_id.is_some(),
				Error::<T>::OperatorIdRequired
			);
			if let Some(id) = &operator_id {
				ensure!(!OperatorIds::<T>::contains_key(country, id), Error::<T>::OperatorIdTaken);
			}
			let amount = T::RegistrationDeposit::get();
			T::Currency::hold(&HoldReason::Registration.into(), &who, amount)?;
			if let Some(id) = &operator_id {
				OperatorIds::<T>::insert(country, id, &who);
			}
			Applications::<T>::insert(
				&who,
				role,
				Application {
					country,
					operator_id: operator_id.clone(),
					applied_at: frame_system::Pallet::<T>::block_number(),
					deposit: Deposit { who: who.clone(), amount },
				},
			);
			Self::deposit_event(Event::Applied {
				who,
				kind,
				country,
				operator_id,
				deposit: amount,
			});
			Ok(())
		}

		/// Withdraw a pending application. Origin: signed by the applicant.
		///
		/// Releases the deposit. Emits [`Event::ApplicationWithdrawn`].
		#[pallet::call_index(3)]
		pub fn withdraw_application(origin: OriginFor<T>, kind: OperatorKind) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let application = Applications::<T>::get(&who, Role::Operator(kind))
				.ok_or(Error::<T>::ApplicationNotFound)?;
			Self::close_application(&who, kind, application)?;
			Self::deposit_event(Event::ApplicationWithdrawn { who, kind });
			Ok(())
		}

		/// Register an applicant as an operator. Origin: an active customs authority of the
		/// application's country.
		///
		/// The applicant's identity must carry a positive judgement ([`Error::NoPositiveJudgement`]).
		/// The application's deposit stays held as the role's deposit. Emits
		/// [`Event::OperatorRegistered`].
		#[pallet::call_index(4)]
		pub fn approve(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: OperatorKind,
		) -> DispatchResult {
			let (customs, customs_country) = Self::ensure_customs(origin)?;
			let role = Role::Operator(kind);
			let application =
				Applications::<T>::get(&who, role).ok_or(Error::<T>::ApplicationNotFound)?;
			ensure!(application.country == customs_country, Error::<T>::WrongCountry);
			ensure!(
				T::IdentityVerifier::has_positive_judgement(&who),
				Error::<T>::NoPositiveJudgement
			);
			Applications::<T>::remove(&who, role);
			Self::put_role(
				&who,
				role,
				RoleRecord {
					country: application.country,
					operator_id: application.operator_id.clone(),
					status: RoleStatus::Active,
					appointed_by: Appointer::Customs(customs.clone()),
					since: frame_system::Pallet::<T>::block_number(),
					deposit: Some(application.deposit),
				},
			);
			Self::deposit_event(Event::OperatorRegistered {
				who,
				kind,
				country: application.country,
				operator_id: application.operator_id,
				by: customs,
			});
			Ok(())
		}

		/// Reject an application with a reason. Origin: an active customs authority of the
		/// application's country.
		///
		/// Releases the deposit. Emits [`Event::ApplicationRejected`].
		#[pallet::call_index(5)]
		pub fn reject(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: OperatorKind,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (customs, customs_country) = Self::ensure_customs(origin)?;
			let application = Applications::<T>::get(&who, Role::Operator(kind))
				.ok_or(Error::<T>::ApplicationNotFound)?;
			ensure!(application.country == customs_country, Error::<T>::WrongCountry);
			Self::close_application(&who, kind, application)?;
			Self::deposit_event(Event::ApplicationRejected { who, kind, by: customs, reason });
			Ok(())
		}

		/// Suspend an operator with a reason. Origin: an active customs authority of the
		/// operator's country.
		///
		/// Emits [`Event::OperatorSuspended`]. Errors with [`Error::AlreadySuspended`].
		#[pallet::call_index(6)]
		pub fn suspend(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: OperatorKind,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (customs, _) = Self::ensure_customs_of(origin, &who, kind)?;
			Roles::<T>::try_mutate(&who, Role::Operator(kind), |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::RoleNotFound)?;
				ensure!(record.status == RoleStatus::Active, Error::<T>::AlreadySuspended);
				record.status = RoleStatus::Suspended { reason: reason.clone() };
				Ok(())
			})?;
			Self::note_member(&who, false);
			Self::deposit_event(Event::OperatorSuspended { who, kind, by: customs, reason });
			Ok(())
		}

		/// Lift an operator's suspension. Origin: an active customs authority of the operator's
		/// country.
		///
		/// Emits [`Event::OperatorReinstated`]. Errors with [`Error::NotSuspended`].
		#[pallet::call_index(7)]
		pub fn reinstate(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: OperatorKind,
		) -> DispatchResult {
			let (customs, _) = Self::ensure_customs_of(origin, &who, kind)?;
			Roles::<T>::try_mutate(&who, Role::Operator(kind), |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::RoleNotFound)?;
				ensure!(record.status != RoleStatus::Active, Error::<T>::NotSuspended);
				record.status = RoleStatus::Active;
				Ok(())
			})?;
			Self::note_member(&who, true);
			Self::deposit_event(Event::OperatorReinstated { who, kind, by: customs });
			Ok(())
		}

		/// Remove an operator with a reason. Origin: an active customs authority of the
		/// operator's country.
		///
		/// Releases the deposit and frees the operator id. Emits [`Event::OperatorRemoved`].
		#[pallet::call_index(8)]
		pub fn remove_operator(
			origin: OriginFor<T>,
			who: T::AccountId,
			kind: OperatorKind,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (customs, record) = Self::ensure_customs_of(origin, &who, kind)?;
			Self::close_role(&who, kind, record)?;
			Self::deposit_event(Event::OperatorRemoved { who, kind, by: customs, reason });
			Ok(())
		}

		/// Give up an operator role. Origin: signed by the operator.
		///
		/// Releases the deposit and frees the operator id. A suspended operator may resign too.
		/// Emits [`Event::OperatorResigned`].
		#[pallet::call_index(9)]
		pub fn resign(origin: OriginFor<T>, kind: OperatorKind) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record =
				Roles::<T>::get(&who, Role::Operator(kind)).ok_or(Error::<T>::RoleNotFound)?;
			Self::close_role(&who, kind, record)?;
			Self::deposit_event(Event::OperatorResigned { who, kind });
			Ok(())
		}

		/// Publish or replace the caller's X25519 key. Origin: signed by an agency or an active
		/// operator.
		///
		/// Holds [`Config::KeyDeposit`] on first publication. Emits [`Event::EncryptionKeySet`].
		#[pallet::call_index(10)]
		pub fn set_encryption_key(origin: OriginFor<T>, key: X25519PublicKey) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(key != [0u8; 32], Error::<T>::InvalidKey);
			ensure!(Self::is_active_member(&who), Error::<T>::NotMember);
			let deposit = match EncryptionKeys::<T>::get(&who) {
				Some(existing) => existing.deposit,
				None => {
					let amount = T::KeyDeposit::get();
					T::Currency::hold(&HoldReason::EncryptionKey.into(), &who, amount)?;
					Deposit { who: who.clone(), amount }
				}
			};
			EncryptionKeys::<T>::insert(&who, KeyRecord { key, deposit });
			Self::deposit_event(Event::EncryptionKeySet { who, key });
			Ok(())
		}

		/// Remove the caller's encryption key. Origin: signed by the key's owner (also after the
		/// owner lost its roles).
		///
		/// Releases the deposit. Emits [`Event::EncryptionKeyCleared`].
		#[pallet::call_index(11)]
		pub fn clear_encryption_key(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = EncryptionKeys::<T>::get(&who).ok_or(Error::<T>::NoEncryptionKey)?;
			Self::release(HoldReason::EncryptionKey, &record.deposit)?;
			EncryptionKeys::<T>::remove(&who);
			Self::deposit_event(Event::EncryptionKeyCleared { who });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The origin must be signed by an active customs authority; returns it and its country.
		pub(crate) fn ensure_customs(
			origin: OriginFor<T>,
		) -> Result<(T::AccountId, CountryCode), DispatchError> {
			let who = ensure_signed(origin)?;
			let country = <Self as tradechain_primitives::RoleProvider<T::AccountId>>::country_of(
				&who,
				Role::CUSTOMS,
			)
			.ok_or(Error::<T>::NotCustoms)?;
			Ok((who, country))
		}

		/// The origin must be an active customs authority of the country `who` holds `kind` for;
		/// returns the authority and the operator's record.
		fn ensure_customs_of(
			origin: OriginFor<T>,
			who: &T::AccountId,
			kind: OperatorKind,
		) -> Result<(T::AccountId, RoleRecordOf<T>), DispatchError> {
			let (customs, country) = Self::ensure_customs(origin)?;
			let record =
				Roles::<T>::get(who, Role::Operator(kind)).ok_or(Error::<T>::RoleNotFound)?;
			ensure!(record.country == country, Error::<T>::WrongCountry);
			Ok((customs, record))
		}

		/// Releases exactly the deposit's amount back to its owner.
		fn release(reason: HoldReason, deposit: &DepositOf<T>) -> DispatchResult {
			T::Currency::release(&reason.into(), &deposit.who, deposit.amount, Precision::Exact)?;
			Ok(())
		}

		/// Removes an application, its operator id claim and its deposit.
		fn close_application(
			who: &T::AccountId,
			kind: OperatorKind,
			application: ApplicationOf<T>,
		) -> DispatchResult {
			Self::release(HoldReason::Registration, &application.deposit)?;
			if let Some(id) = &application.operator_id {
				OperatorIds::<T>::remove(application.country, id);
			}
			Applications::<T>::remove(who, Role::Operator(kind));
			Ok(())
		}

		/// Removes an operator role (whose `record` the caller read), its operator id and its
		/// deposit.
		fn close_role(
			who: &T::AccountId,
			kind: OperatorKind,
			record: RoleRecordOf<T>,
		) -> DispatchResult {
			if let Some(deposit) = &record.deposit {
				Self::release(HoldReason::Registration, deposit)?;
			}
			if let Some(id) = &record.operator_id {
				OperatorIds::<T>::remove(record.country, id);
			}
			Self::remove_role(who, Role::Operator(kind), &record);
			Ok(())
		}

		/// Stores a new role record (the caller checked `who` did not hold `role`) and counts it
		/// in [`Members`] if it is active.
		pub(crate) fn put_role(who: &T::AccountId, role: Role, record: RoleRecordOf<T>) {
			let active = record.status == RoleStatus::Active;
			Roles::<T>::insert(who, role, record);
			if active {
				Self::note_member(who, true);
			}
		}

		/// Removes a role record, uncounting it from [`Members`] if it was active.
		fn take_role(who: &T::AccountId, role: Role) -> Result<RoleRecordOf<T>, DispatchError> {
			let record = Roles::<T>::get(who, role).ok_or(Error::<T>::RoleNotFound)?;
			Self::remove_role(who, role, &record);
			Ok(record)
		}

		/// Removes the record `who` holds as `role`, already read by the caller (`record`),
		/// uncounting it from [`Members`] if it was active.
		fn remove_role(who: &T::AccountId, role: Role, record: &RoleRecordOf<T>) {
			Roles::<T>::remove(who, role);
			if record.status == RoleStatus::Active {
				Self::note_member(who, false);
			}
		}

		/// One active role of `who` more (`true`) or fewer (`false`) in [`Members`]. An account
		/// holds at most one record per role (eight roles), so the count cannot overflow, and it
		/// is decremented only for a role counted before.
		fn note_member(who: &T::AccountId, gained: bool) {
			Members::<T>::mutate_exists(who, |count| {
				let n = count.unwrap_or(0);
				let n = if gained { n.saturating_add(1) } else { n.saturating_sub(1) };
				*count = (n > 0).then_some(n);
			});
		}

		/// Whether `who` holds at least one active role: one read of [`Members`].
		pub fn is_active_member(who: &T::AccountId) -> bool {
			Members::<T>::contains_key(who)
		}

		/// Every role `who` holds, for the runtime API.
		pub fn roles_of(who: &T::AccountId) -> Vec<RoleInfo<T::AccountId, BlockNumberFor<T>>> {
			Roles::<T>::iter_prefix(who).map(|(role, record)| (role, &record).into()).collect()
		}

		/// Every holder of `role` for `country`, for the runtime API (reads the whole registry).
		pub fn holders(role: Role, country: CountryCode) -> Vec<T::AccountId> {
			Roles::<T>::iter()
				.filter(|(_, r, record)| *r == role && record.country == country)
				.map(|(who, _, _)| who)
				.collect()
		}
	}

	impl<T: Config> tradechain_primitives::RoleProvider<T::AccountId> for Pallet<T> {
		fn country_of(who: &T::AccountId, role: Role) -> Option<CountryCode> {
			Roles::<T>::get(who, role).filter(|r| r.status == RoleStatus::Active).map(|r| r.country)
		}

		fn is_member(who: &T::AccountId) -> bool {
			Self::is_active_member(who)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn grant_for_benchmarks(who: &T::AccountId, role: Role, country: CountryCode) {
			if Roles::<T>::contains_key(who, role) {
				let _ = Self::take_role(who, role);
			}
			Self::put_role(
				who,
				role,
				RoleRecord {
					country,
					operator_id: None,
					status: RoleStatus::Active,
					appointed_by: Appointer::Genesis,
					since: Zero::zero(),
					deposit: None,
				},
			);
		}
	}

	impl<T: Config> tradechain_primitives::EncryptionKeyProvider<T::AccountId> for Pallet<T> {
		fn encryption_key(who: &T::AccountId) -> Option<X25519PublicKey> {
			EncryptionKeys::<T>::get(who).map(|r| r.key)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn set_for_benchmarks(who: &T::AccountId, key: X25519PublicKey) {
			let deposit = Deposit { who: who.clone(), amount: Zero::zero() };
			EncryptionKeys::<T>::insert(who, KeyRecord { key, deposit });
		}
	}
}
