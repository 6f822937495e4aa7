//! # AEO Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! The registry of Authorized Economic Operators (WCO SAFE Framework). A country's customs
//! authority certifies operators of its own country as AEO-C (customs simplifications), AEO-S
//! (security and safety) or AEO-F (both), with a reference and a validity period; it may suspend,
//! reinstate or revoke the certificate. Expiry needs no call: it is computed from the time.
//!
//! Two customs administrations recognise each other's AEOs by a **mutual recognition agreement**
//! (MRA): proposed by one, accepted by the other, ended by either. An MRA names the kinds it
//! covers; an AEO-F seen under an MRA that covers security only is an AEO-S there.
//!
//! Other pallets (the customs risk engine) ask through
//! [`tradechain_primitives::AeoStatusProvider`] which AEO kind an operator holds as a given
//! country recognises it; dashboards use [`runtime_api::AeoApi`]. A suspension is visible to every
//! partner administration in the next block.
//!
//! ### Terminology
//!
//! - **Operator:** an account holding the `EconomicOperator` or `Carrier` role for a country.
//! - **Home country:** the country whose customs certified the operator.
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! #### For operators
//! * `apply` - Apply for AEO status, holding the application deposit.
//! * `withdraw_application` - Withdraw the application; releases the deposit.
//!
//! #### For customs authorities
//! * `certify` - Certify an operator of the caller's country (answers its application, if any).
//! * `reject_application` - Reject an operator's application with a reason.
//! * `suspend` - Suspend a certificate with a reason.
//! * `reinstate` - Lift a suspension.
//! * `revoke` - Revoke a certificate with a reason.
//! * `propose_mra` - Propose a mutual recognition agreement to another administration.
//! * `accept_mra` - Accept the other administration's proposal: the MRA is in force.
//! * `end_mra` - End an MRA, or withdraw or decline a proposal.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use tradechain_primitives::{AeoKind, AeoStatusProvider, CountryCode, Role, RoleProvider};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A reason or reference text.
	pub type TextOf<T> = BoundedVec<u8, <T as Config>::MaxTextLength>;
	/// An AEO certificate of this pallet.
	pub type AeoCertificateOf<T> =
		AeoCertificate<<T as frame_system::Config>::AccountId, TextOf<T>>;
	/// An application of this pallet.
	pub type AeoApplicationOf<T> =
		AeoApplication<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// The storage key of the MRA between `a` and `b`: the pair in order.
	pub fn mra_key(a: CountryCode, b: CountryCode) -> (CountryCode, CountryCode) {
		if a <= b {
			(a, b)
		} else {
			(b, a)
		}
	}

	/// The roles that make an account an operator that customs may certify.
	const OPERATOR_ROLES: [Role; 2] = [Role::ECONOMIC_OPERATOR, Role::CARRIER];

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds application deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who holds which role (the roles pallet): customs authorities and operators.
		type Roles: RoleProvider<Self::AccountId>;

		/// The time (pallet-timestamp), for validity periods.
		type Time: UnixTime;

		/// Held from an operator while its application waits.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// The longest reference or reason, in bytes.
		#[pallet::constant]
		type MaxTextLength: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An AEO application waits for a decision.
		#[codec(index = 0)]
		Application,
	}

	/// AEO certificates by operator. TWOX-NOTE: OK ― `AccountId` is a secure hash.
	#[pallet::storage]
	pub type Certificates<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, AeoCertificateOf<T>>;

	/// Waiting applications by operator. TWOX-NOTE: OK ― `AccountId` is a secure hash.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, AeoApplicationOf<T>>;

	/// Mutual recognition agreements by the pair of countries, in order ([`mra_key`]). Twox: only
	/// customs authorities write these keys.
	#[pallet::storage]
	pub type Mras<T: Config> = StorageMap<_, Twox64Concat, (CountryCode, CountryCode), Mra>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// AEO certificates: operator, certifying customs account, kind, reference, valid until
		/// (milliseconds since the Unix epoch). Valid from genesis.
		pub certificates: Vec<(T::AccountId, T::AccountId, AeoKind, Vec<u8>, u64)>,
		/// MRAs in force: the two countries and the kinds covered.
		pub mras: Vec<(CountryCode, CountryCode, AeoKind)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (operator, customs, kind, reference, valid_until) in &self.certificates {
				let country = T::Roles::country_of(customs, Role::CUSTOMS)
					.expect("genesis: AEO certifier is not a customs authority");
				assert_eq!(
					Pallet::<T>::operator_country(operator),
					Some(country),
					"genesis: AEO operator is not an operator of the certifier's country"
				);
				Certificates::<T>::insert(
					operator,
					AeoCertificate {
						country,
						kind: *kind,
						reference: reference
							.clone()
							.try_into()
							.expect("genesis: reference too long"),
						valid_from: 0,
						valid_until: *valid_until,
						state: AeoState::Active,
						certified_by: customs.clone(),
						certified_at: 0,
					},
				);
			}
			for (a, b, covers) in &self.mras {
				assert!(a != b, "genesis: an MRA needs two countries");
				Mras::<T>::insert(
					mra_key(*a, *b),
					Mra { proposer: *a, covers: *covers, state: MraState::InForce { since: 0 } },
				);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An operator applied for AEO status.
		Applied {
			/// The operator.
			operator: T::AccountId,
			/// Its country.
			country: CountryCode,
			/// The kind applied for.
			kind: AeoKind,
		},
		/// An operator withdrew its application; the deposit was released.
		ApplicationWithdrawn {
			/// The operator.
			operator: T::AccountId,
		},
		/// Customs rejected an application; the deposit was released.
		ApplicationRejected {
			/// The operator.
			operator: T::AccountId,
			/// The customs account.
			by: T::AccountId,
			/// Why.
			reason: TextOf<T>,
		},
		/// Customs certified an operator.
		Certified {
			/// The operator.
			operator: T::AccountId,
			/// The certifying country.
			country: CountryCode,
			/// The kind.
			kind: AeoKind,
			/// Valid from (milliseconds since the Unix epoch).
			valid_from: u64,
			/// Valid until (milliseconds since the Unix epoch).
			valid_until: u64,
		},
		/// Customs suspended a certificate.
		Suspended {
			/// The operator.
			operator: T::AccountId,
			/// The customs account.
			by: T::AccountId,
			/// Why.
			reason: TextOf<T>,
		},
		/// Customs lifted a suspension.
		Reinstated {
			/// The operator.
			operator: T::AccountId,
			/// The customs account.
			by: T::AccountId,
		},
		/// Customs revoked a certificate.
		Revoked {
			/// The operator.
			operator: T::AccountId,
			/// The customs account.
			by: T::AccountId,
			/// Why.
			reason: TextOf<T>,
		},
		/// An administration proposed a mutual recognition agreement.
		MraProposed {
			/// The proposing country.
			proposer: CountryCode,
			/// The other country.
			partner: CountryCode,
			/// The kinds covered.
			covers: AeoKind,
		},
		/// The other administration accepted: the MRA is in force.
		MraInForce {
			/// The proposing country.
			proposer: CountryCode,
			/// The accepting country.
			acceptor: CountryCode,
			/// The kinds covered.
			covers: AeoKind,
		},
		/// An MRA ended, or a proposal was withdrawn or declined.
		MraEnded {
			/// The country that ended it.
			by: CountryCode,
			/// The other country.
			partner: CountryCode,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an active customs authority may do this.
		NotCustoms,
		/// Only an active economic operator or carrier may apply.
		NotOperator,
		/// The account is not an operator of the customs authority's country.
		OperatorOfOtherCountry,
		/// The operator already holds a valid AEO certificate (revoke it first to change it).
		AlreadyCertified,
		/// The operator already has an application waiting.
		ApplicationPending,
		/// The operator has no application waiting.
		ApplicationNotFound,
		/// The validity period is empty or has already ended.
		InvalidValidity,
		/// The operator holds no AEO certificate.
		CertificateNotFound,
		/// The certificate is from another country.
		OtherCountry,
		/// The certificate is not active (suspended or revoked).
		NotActive,
		/// The certificate is not suspended.
		NotSuspended,
		/// The certificate is already revoked.
		AlreadyRevoked,
		/// An MRA needs two different countries.
		SameCountry,
		/// An MRA or proposal between these countries already exists.
		MraExists,
		/// No MRA or proposal between these countries exists.
		MraNotFound,
		/// The MRA is already in force.
		MraInForce,
		/// A country cannot accept its own proposal.
		OwnProposal,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Apply for AEO status of `kind`. Origin: an active economic operator or carrier.
		///
		/// Holds [`Config::ApplicationDeposit`]. Emits [`Event::Applied`].
		#[pallet::call_index(0)]
		pub fn apply(origin: OriginFor<T>, kind: AeoKind) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			let country = Self::operator_country(&operator).ok_or(Error::<T>::NotOperator)?;
			ensure!(!Applications::<T>::contains_key(&operator), Error::<T>::ApplicationPending);
			ensure!(!Self::holds_valid(&operator), Error::<T>::AlreadyCertified);
			let amount = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::Application.into(), &operator, amount)?;
			Applications::<T>::insert(
				&operator,
				AeoApplication {
					country,
					kind,
					applied_at: Self::now(),
					deposit: Deposit { who: operator.clone(), amount },
				},
			);
			Self::deposit_event(Event::Applied { operator, country, kind });
			Ok(())
		}

		/// Withdraw the caller's application. Releases the deposit. Emits
		/// [`Event::ApplicationWithdrawn`].
		#[pallet::call_index(1)]
		pub fn withdraw_application(origin: OriginFor<T>) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			let app = Applications::<T>::get(&operator).ok_or(Error::<T>::ApplicationNotFound)?;
			Self::close_application(&operator, &app)?;
			Self::deposit_event(Event::ApplicationWithdrawn { operator });
			Ok(())
		}

		/// Certify `operator` as an AEO of `kind`. Origin: an active customs authority of the
		/// operator's country.
		///
		/// Replaces a revoked or expired certificate; answers (and releases the deposit of) a
		/// waiting application. Emits [`Event::Certified`].
		#[pallet::call_index(2)]
		pub fn certify(
			origin: OriginFor<T>,
			operator: T::AccountId,
			kind: AeoKind,
			reference: TextOf<T>,
			valid_from: u64,
			valid_until: u64,
		) -> DispatchResult {
			let (customs, country) = Self::customs(origin)?;
			ensure!(
				Self::operator_country(&operator) == Some(country),
				Error::<T>::OperatorOfOtherCountry
			);
			ensure!(
				valid_until > valid_from && valid_until > Self::now(),
				Error::<T>::InvalidValidity
			);
			ensure!(!Self::holds_valid(&operator), Error::<T>::AlreadyCertified);
			if let Some(app) = Applications::<T>::get(&operator) {
				Self::close_application(&operator, &app)?;
			}
			Certificates::<T>::insert(
				&operator,
				AeoCertificate {
					country,
					kind,
					reference,
					valid_from,
					valid_until,
					state: AeoState::Active,
					certified_by: customs,
					certified_at: Self::now(),
				},
			);
			Self::deposit_event(Event::Certified {
				operator,
				country,
				kind,
				valid_from,
				valid_until,
			});
			Ok(())
		}

		/// Reject `operator`'s application. Origin: an active customs authority of the
		/// application's country. Releases the deposit. Emits [`Event::ApplicationRejected`].
		#[pallet::call_index(3)]
		pub fn reject_application(
			origin: OriginFor<T>,
			operator: T::AccountId,
			reason: TextOf<T>,
		) -> DispatchResult {
			let (customs, country) = Self::customs(origin)?;
			let app = Applications::<T>::get(&operator).ok_or(Error::<T>::ApplicationNotFound)?;
			ensure!(app.country == country, Error::<T>::OtherCountry);
			Self::close_application(&operator, &app)?;
			Self::deposit_event(Event::ApplicationRejected { operator, by: customs, reason });
			Ok(())
		}

		/// Suspend `operator`'s certificate. Origin: an active customs authority of the
		/// certifying country. Emits [`Event::Suspended`].
		#[pallet::call_index(4)]
		pub fn suspend(
			origin: OriginFor<T>,
			operator: T::AccountId,
			reason: TextOf<T>,
		) -> DispatchResult {
			let (customs, country) = Self::customs(origin)?;
			let mut cert = Self::of_country(&operator, country)?;
			ensure!(cert.state == AeoState::Active, Error::<T>::NotActive);
			cert.state = AeoState::Suspended { reason: reason.clone(), at: Self::now() };
			Certificates::<T>::insert(&operator, cert);
			Self::deposit_event(Event::Suspended { operator, by: customs, reason });
			Ok(())
		}

		/// Lift the suspension of `operator`'s certificate. Origin: an active customs authority
		/// of the certifying country. Emits [`Event::Reinstated`].
		#[pallet::call_index(5)]
		pub fn reinstate(origin: OriginFor<T>, operator: T::AccountId) -> DispatchResult {
			let (customs, country) = Self::customs(origin)?;
			let mut cert = Self::of_country(&operator, country)?;
			ensure!(matches!(cert.state, AeoState::Suspended { .. }), Error::<T>::NotSuspended);
			cert.state = AeoState::Active;
			Certificates::<T>::insert(&operator, cert);
			Self::deposit_event(Event::Reinstated { operator, by: customs });
			Ok(())
		}

		/// Revoke `operator`'s certificate. Origin: an active customs authority of the certifying
		/// country. Emits [`Event::Revoked`].
		#[pallet::call_index(6)]
		pub fn revoke(
			origin: OriginFor<T>,
			operator: T::AccountId,
			reason: TextOf<T>,
		) -> DispatchResult {
			let (customs, country) = Self::customs(origin)?;
			let mut cert = Self::of_country(&operator, country)?;
			ensure!(!matches!(cert.state, AeoState::Revoked { .. }), Error::<T>::AlreadyRevoked);
			cert.state = AeoState::Revoked { reason: reason.clone(), at: Self::now() };
			Certificates::<T>::insert(&operator, cert);
			Self::deposit_event(Event::Revoked { operator, by: customs, reason });
			Ok(())
		}

		/// Propose a mutual recognition agreement covering `covers` to `partner`'s customs.
		/// Origin: an active customs authority. Emits [`Event::MraProposed`].
		#[pallet::call_index(7)]
		pub fn propose_mra(
			origin: OriginFor<T>,
			partner: CountryCode,
			covers: AeoKind,
		) -> DispatchResult {
			let (_, country) = Self::customs(origin)?;
			ensure!(partner != country, Error::<T>::SameCountry);
			let key = mra_key(country, partner);
			ensure!(!Mras::<T>::contains_key(key), Error::<T>::MraExists);
			Mras::<T>::insert(
				key,
				Mra { proposer: country, covers, state: MraState::Proposed { at: Self::now() } },
			);
			Self::deposit_event(Event::MraProposed { proposer: country, partner, covers });
			Ok(())
		}

		/// Accept `partner`'s proposal: the MRA is in force. Origin: an active customs authority
		/// of the other country. Emits [`Event::MraInForce`].
		#[pallet::call_index(8)]
		pub fn accept_mra(origin: OriginFor<T>, partner: CountryCode) -> DispatchResult {
			let (_, country) = Self::customs(origin)?;
			let key = mra_key(country, partner);
			let mut mra = Mras::<T>::get(key).ok_or(Error::<T>::MraNotFound)?;
			ensure!(matches!(mra.state, MraState::Proposed { .. }), Error::<T>::MraInForce);
			ensure!(mra.proposer != country, Error::<T>::OwnProposal);
			mra.state = MraState::InForce { since: Self::now() };
			let covers = mra.covers;
			Mras::<T>::insert(key, mra);
			Self::deposit_event(Event::MraInForce { proposer: partner, acceptor: country, covers });
			Ok(())
		}

		/// End the MRA with `partner`, or withdraw or decline a proposal. Origin: an active
		/// customs authority of either country. Emits [`Event::MraEnded`].
		#[pallet::call_index(9)]
		pub fn end_mra(origin: OriginFor<T>, partner: CountryCode) -> DispatchResult {
			let (_, country) = Self::customs(origin)?;
			let key = mra_key(country, partner);
			ensure!(Mras::<T>::contains_key(key), Error::<T>::MraNotFound);
			Mras::<T>::remove(key);
			Self::deposit_event(Event::MraEnded { by: country, partner });
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
		/// Milliseconds since the Unix epoch; zero at genesis, where no time is known yet.
		fn now() -> u64 {
			tradechain_primitives::unix_millis::<T, T::Time>()
		}

		/// The signer and its country, if it is an active customs authority.
		fn customs(origin: OriginFor<T>) -> Result<(T::AccountId, CountryCode), DispatchError> {
			let who = ensure_signed(origin)?;
			let country =
				T::Roles::country_of(&who, Role::CUSTOMS).ok_or(Error::<T>::NotCustoms)?;
			Ok((who, country))
		}

		/// The country `who` is an active operator of, if any.
		pub(crate) fn operator_country(who: &T::AccountId) -> Option<CountryCode> {
			OPERATOR_ROLES.iter().find_map(|role| T::Roles::country_of(who, *role))
		}

		/// Whether `who` holds a certificate that is not revoked and not expired.
		fn holds_valid(who: &T::AccountId) -> bool {
			Certificates::<T>::get(who).is_some_and(|c| {
				!matches!(c.state, AeoState::Revoked { .. }) && c.valid_until >= Self::now()
			})
		}

		/// `operator`'s certificate, if `country` certified it.
		fn of_country(
			operator: &T::AccountId,
			country: CountryCode,
		) -> Result<AeoCertificateOf<T>, DispatchError> {
			let cert = Certificates::<T>::get(operator).ok_or(Error::<T>::CertificateNotFound)?;
			ensure!(cert.country == country, Error::<T>::OtherCountry);
			Ok(cert)
		}

		fn close_application(operator: &T::AccountId, app: &AeoApplicationOf<T>) -> DispatchResult {
			T::Currency::release(
				&HoldReason::Application.into(),
				&app.deposit.who,
				app.deposit.amount,
				Precision::Exact,
			)?;
			Applications::<T>::remove(operator);
			Ok(())
		}

		/// `operator`'s AEO status as `seen_from` recognises it now.
		pub fn aeo_status(operator: &T::AccountId, seen_from: CountryCode) -> AeoStatus {
			let Some(cert) = Certificates::<T>::get(operator) else { return AeoStatus::NotAeo };
			let now = Self::now();
			match cert.state {
				AeoState::Revoked { .. } => return AeoStatus::Revoked,
				AeoState::Suspended { .. } => return AeoStatus::Suspended,
				AeoState::Active => {}
			}
			if now < cert.valid_from {
				return AeoStatus::NotYetValid { valid_from: cert.valid_from };
			}
			if now > cert.valid_until {
				return AeoStatus::Expired { valid_until: cert.valid_until };
			}
			let (home, valid_until) = (cert.country, cert.valid_until);
			if home == seen_from {
				return AeoStatus::Recognised {
					kind: cert.kind,
					home,
					valid_until,
					mutual_recognition: false,
				};
			}
			let recognised = Mras::<T>::get(mra_key(home, seen_from))
				.filter(|mra| matches!(mra.state, MraState::InForce { .. }))
				.and_then(|mra| cert.kind.within(mra.covers));
			match recognised {
				Some(kind) => {
					AeoStatus::Recognised { kind, home, valid_until, mutual_recognition: true }
				}
				None => AeoStatus::NotRecognised { kind: cert.kind, home },
			}
		}

		/// The MRAs `country` is party to, proposed or in force, with the other country.
		pub fn mras_of(country: CountryCode) -> Vec<(CountryCode, Mra)> {
			Mras::<T>::iter()
				.filter_map(|((a, b), mra)| {
					if a == country {
						Some((b, mra))
					} else if b == country {
						Some((a, mra))
					} else {
						None
					}
				})
				.collect()
		}
	}

	impl<T: Config> AeoStatusProvider<T::AccountId> for Pallet<T> {
		fn recognised_kind(who: &T::AccountId, seen_from: CountryCode) -> Option<AeoKind> {
			match Self::aeo_status(who, seen_from) {
				AeoStatus::Recognised { kind, .. } => Some(kind),
				_ => None,
			}
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn certify_for_benchmarks(who: &T::AccountId, country: CountryCode, kind: AeoKind) {
			Certificates::<T>::insert(
				who,
				AeoCertificate {
					country,
					kind,
					reference: Default::default(),
					valid_from: 0,
					valid_until: u64::MAX,
					state: AeoState::Active,
					certified_by: who.clone(),
					certified_at: 0,
				},
			);
		}
	}
}
