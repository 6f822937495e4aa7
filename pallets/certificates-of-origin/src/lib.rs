//! # Certificates of Origin Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! Accredited issuers (an `OriginIssuer` of a country, such as a chamber of commerce) issue
//! certificates of origin for goods exported from their country; the importing country's customs
//! accept or reject them; anyone verifies them. A certificate is stored under the hash of its
//! document ([`DocumentHash`]) and its status is computed when read: issued, accepted, used,
//! rejected, replaced, revoked or expired (from pallet-timestamp; no call is needed for expiry).
//!
//! ### Terminology
//!
//! - **Issuer:** an account holding the `OriginIssuer` role for the exporting country. Any issuer
//!   of a country may act on that country's certificates (agencies rotate staff accounts).
//! - **Preferential certificate:** claims tariff preference under a trade agreement that the
//!   exporting country's trade ministry lists, to which the destination is a party. It can be
//!   used for one import only.
//! - **Amendment:** a new certificate that replaces an old one; the old stops being valid and
//!   points to the new.
//! - **Batch:** many certificates issued in one call by anchoring the Merkle root of their hashes
//!   (polkadot-sdk's `binary-merkle-tree`, see [`tradechain_primitives::BatchProof`]); each is
//!   verified with a proof, and the issuer can revoke a single one. The cost of anchoring does not
//!   depend on the batch size.
//! - **Retention period:** after a certificate's or batch's validity plus this period, anyone may
//!   purge the record, which releases its deposit.
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! #### For trade ministries
//! * `set_agreement` - List (or update) a trade agreement and its partner countries.
//! * `remove_agreement` - Delist an agreement; certificates issued under it stay valid.
//!
//! #### For exporters
//! * `apply` - Apply for a certificate, holding the application deposit.
//! * `withdraw_application` - Withdraw an application and release its deposit.
//!
//! #### For issuers
//! * `approve_application` - Issue the certificate an exporter applied for.
//! * `reject_application` - Reject an application with a reason.
//! * `issue` - Issue a certificate, holding the certificate deposit.
//! * `replace` - Issue an amendment that replaces a certificate.
//! * `revoke` - Revoke a certificate with a reason.
//! * `anchor_batch` - Issue a batch of certificates by their Merkle root.
//! * `revoke_batch_certificate` - Revoke one certificate of a batch, shown by its proof.
//!
//! #### For the importing country's customs
//! * `accept` - Accept a certificate for an import (a preferential one is then used up).
//! * `reject` - Reject a certificate with a reason.
//!
//! #### For anyone
//! * `purge` - Remove a certificate past its retention period; releases the deposit.
//! * `purge_batch` - Remove a batch past its retention period; releases the deposit.
//!
//! ### Reads
//! [`runtime_api::CertificatesApi`]: `certificate_status`, `certificate`,
//! `batch_certificate_status`; the node serves `origin_verifyCertificate` over JSON-RPC.
//! [`tradechain_primitives::CertificateProvider`] is implemented for the customs pallet.

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
		sp_runtime::ArithmeticError,
		traits::{
			fungible::{Inspect, InspectHold, MutateHold},
			tokens::Precision,
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use tradechain_primitives::{
		verify_batch_proof, AgreementCode, BatchProof, CertificateProvider, CertificateUnusable,
		CountryCode, DocumentHash, Role, RoleProvider, UsableCertificate,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A deposit of this pallet.
	pub type DepositOf<T> = Deposit<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A reason or reference text.
	pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLength>;
	/// What a certificate certifies.
	pub type DetailsOf<T> =
		CertificateDetails<<T as frame_system::Config>::AccountId, GoodsOf<T>, ReasonOf<T>>;
	/// The goods lines of a certificate.
	pub type GoodsOf<T> = BoundedVec<GoodsLine, <T as Config>::MaxGoodsLines>;
	/// A certificate of this pallet.
	pub type CertificateOf<T> =
		Certificate<<T as frame_system::Config>::AccountId, BalanceOf<T>, GoodsOf<T>, ReasonOf<T>>;
	/// An application of this pallet.
	pub type ApplicationOf<T> =
		Application<<T as frame_system::Config>::AccountId, BalanceOf<T>, GoodsOf<T>, ReasonOf<T>>;
	/// A batch of this pallet.
	pub type BatchOf<T> = Batch<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A partner list of an agreement.
	pub type PartnersOf<T> = BoundedVec<CountryCode, <T as Config>::MaxPartners>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds certificate, batch and application deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who holds which role (the roles pallet): issuers, customs, trade ministries, exporters.
		type Roles: RoleProvider<Self::AccountId>;

		/// Lists and delists trade agreements for any country (in the runtime: the agency
		/// council), beside each country's own trade ministry.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The time (pallet-timestamp), for validity and expiry.
		type Time: UnixTime;

		/// Held from the issuer for each certificate until it is purged.
		#[pallet::constant]
		type CertificateDeposit: Get<BalanceOf<Self>>;

		/// Held from the issuer for each batch until it is purged.
		#[pallet::constant]
		type BatchDeposit: Get<BalanceOf<Self>>;

		/// Held from the exporter while an application waits.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// The most goods lines on one certificate.
		#[pallet::constant]
		type MaxGoodsLines: Get<u32>;

		/// The longest reason or invoice reference, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// The most partner countries of one trade agreement.
		#[pallet::constant]
		type MaxPartners: Get<u32>;

		/// The most certificates that can be revoked in one batch.
		#[pallet::constant]
		type MaxRevokedPerBatch: Get<u32>;

		/// The longest validity of a certificate or batch, in milliseconds from issuance.
		#[pallet::constant]
		type MaxValidity: Get<u64>;

		/// How long a record stays after its validity ends before anyone may purge it, in
		/// milliseconds.
		#[pallet::constant]
		type RetentionPeriod: Get<u64>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets the time for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: tradechain_primitives::BenchmarkTime;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A certificate is stored.
		#[codec(index = 0)]
		Certificate,
		/// A batch is stored.
		#[codec(index = 1)]
		Batch,
		/// An application waits for a decision.
		#[codec(index = 2)]
		Application,
	}

	/// Trade agreements by the listing country and agreement code. Twox: only trade ministries
	/// write these keys.
	#[pallet::storage]
	pub type Agreements<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CountryCode,
		Twox64Concat,
		AgreementCode,
		Agreement<PartnersOf<T>>,
	>;

	/// Certificates by document hash. Blake2: hashes are submitted by users.
	#[pallet::storage]
	pub type Certificates<T: Config> =
		StorageMap<_, Blake2_128Concat, DocumentHash, CertificateOf<T>>;

	/// Waiting applications. Twox: ids are sequential, not chosen by users.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Twox64Concat, ApplicationId, ApplicationOf<T>>;

	/// The next application id.
	#[pallet::storage]
	pub type NextApplicationId<T: Config> = StorageValue<_, ApplicationId, ValueQuery>;

	/// Batches by Merkle root. Blake2: roots are submitted by users.
	#[pallet::storage]
	pub type Batches<T: Config> = StorageMap<_, Blake2_128Concat, DocumentHash, BatchOf<T>>;

	/// Revoked certificates of batches, by root and certificate hash.
	#[pallet::storage]
	pub type RevokedLeaves<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DocumentHash,
		Blake2_128Concat,
		DocumentHash,
		RevokedLeaf<ReasonOf<T>>,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Trade agreements: listing country, code, partner countries.
		pub agreements: Vec<(CountryCode, AgreementCode, Vec<CountryCode>)>,
		/// Certificates issued at genesis: hash, issuer, details. Validated as `issue` would;
		/// the deposit is held from the issuer.
		pub certificates: Vec<(DocumentHash, T::AccountId, DetailsOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (country, code, partners) in &self.agreements {
				let partners = PartnersOf::<T>::try_from(partners.clone())
					.expect("genesis: too many partners");
				Agreements::<T>::insert(country, code, Agreement { partners });
			}
			for (hash, issuer, details) in &self.certificates {
				let origin = T::Roles::country_of(issuer, Role::ORIGIN_ISSUER)
					.expect("genesis: certificate issuer is not an origin issuer");
				Pallet::<T>::do_issue(
					issuer.clone(),
					origin,
					*hash,
					(*details).clone(),
					None,
					None,
				)
				.expect("genesis: invalid certificate");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A trade ministry listed or updated a trade agreement.
		AgreementSet {
			/// The listing country.
			country: CountryCode,
			/// The agreement.
			agreement: AgreementCode,
			/// Its partner countries.
			partners: PartnersOf<T>,
		},
		/// A trade ministry delisted a trade agreement.
		AgreementRemoved {
			/// The listing country.
			country: CountryCode,
			/// The agreement.
			agreement: AgreementCode,
		},
		/// An exporter applied for a certificate.
		Applied {
			/// The application.
			id: ApplicationId,
			/// The exporter.
			exporter: T::AccountId,
			/// The country of origin, whose issuers decide.
			origin: CountryCode,
		},
		/// An exporter withdrew its application; the deposit was released.
		ApplicationWithdrawn {
			/// The application.
			id: ApplicationId,
		},
		/// An issuer rejected an application; the deposit was released.
		ApplicationRejected {
			/// The application.
			id: ApplicationId,
			/// The issuer.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// A certificate was issued.
		Issued {
			/// Its document hash.
			hash: DocumentHash,
			/// The issuer.
			issuer: T::AccountId,
			/// The exporter.
			exporter: T::AccountId,
			/// The country of origin.
			origin: CountryCode,
			/// The country of destination.
			destination: CountryCode,
			/// The agreement claimed, if preferential.
			agreement: Option<AgreementCode>,
			/// The application it answers, if any.
			application: Option<ApplicationId>,
		},
		/// An amendment replaced a certificate (the amendment's `Issued` precedes this).
		Replaced {
			/// The old certificate, no longer valid.
			old: DocumentHash,
			/// The amendment.
			new: DocumentHash,
			/// The issuer.
			by: T::AccountId,
		},
		/// An issuer revoked a certificate.
		Revoked {
			/// The certificate.
			hash: DocumentHash,
			/// The issuer.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// The destination's customs accepted a certificate for an import.
		Accepted {
			/// The certificate.
			hash: DocumentHash,
			/// The customs account.
			by: T::AccountId,
			/// Whether it was preferential and is now used up.
			used_up: bool,
		},
		/// The destination's customs rejected a certificate.
		Rejected {
			/// The certificate.
			hash: DocumentHash,
			/// The customs account.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// An issuer anchored a batch of certificates.
		BatchAnchored {
			/// The Merkle root of the certificates' hashes.
			root: DocumentHash,
			/// The issuer.
			issuer: T::AccountId,
			/// The country of origin.
			origin: CountryCode,
			/// How many certificates.
			leaves: u32,
			/// Valid until (milliseconds since the Unix epoch).
			valid_until: u64,
		},
		/// An issuer revoked one certificate of a batch.
		BatchCertificateRevoked {
			/// The batch.
			root: DocumentHash,
			/// The certificate.
			hash: DocumentHash,
			/// The issuer.
			by: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// A certificate past its retention period was removed; its deposit was released.
		Purged {
			/// The certificate.
			hash: DocumentHash,
		},
		/// A batch past its retention period was removed with its revocations; its deposit was
		/// released.
		BatchPurged {
			/// The batch.
			root: DocumentHash,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an active trade ministry may do this.
		NotTradeMinistry,
		/// Only an active origin issuer may do this.
		NotIssuer,
		/// Only an active customs authority may do this.
		NotCustoms,
		/// Only an active economic operator may apply.
		NotOperator,
		/// An agreement needs at least one partner country.
		NoPartners,
		/// A country cannot be its own partner.
		PartnerIsSelf,
		/// The exporting country lists no such agreement.
		AgreementNotFound,
		/// The destination is not a partner of the agreement.
		DestinationNotParty,
		/// A certificate needs at least one goods line.
		NoGoods,
		/// A goods line has a zero quantity.
		ZeroQuantity,
		/// Origin and destination are the same country.
		SameCountry,
		/// The validity has already ended.
		ValidityInPast,
		/// The validity is longer than allowed.
		ValidityTooLong,
		/// The exporter is not an active economic operator of the country of origin.
		ExporterNotRegistered,
		/// A certificate with this hash already exists.
		AlreadyIssued,
		/// No application has this id.
		ApplicationNotFound,
		/// Only the applicant may withdraw its application.
		NotApplicant,
		/// The certificate or application belongs to another country.
		OtherCountry,
		/// No certificate has this hash.
		CertificateNotFound,
		/// The preferential certificate was already used for an import.
		AlreadyUsed,
		/// The certificate was revoked.
		AlreadyRevoked,
		/// The certificate was replaced by an amendment.
		AlreadyReplaced,
		/// The certificate was rejected by the destination's customs.
		AlreadyRejected,
		/// The certificate's validity has ended.
		Expired,
		/// An amendment must have a new hash.
		SameHash,
		/// A batch with this root already exists.
		BatchExists,
		/// No batch has this root.
		BatchNotFound,
		/// A batch needs at least one certificate.
		EmptyBatch,
		/// The proof does not show the certificate in the batch.
		InvalidProof,
		/// This certificate of the batch is already revoked.
		LeafAlreadyRevoked,
		/// The batch has as many revoked certificates as allowed.
		TooManyRevoked,
		/// The record's retention period has not ended.
		RetentionNotOver,
		/// The witness is lower than the batch's count of revoked certificates.
		WitnessTooLow,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// List or update a trade agreement for the caller's country. Origin: an active trade
		/// ministry.
		///
		/// Emits [`Event::AgreementSet`].
		#[pallet::call_index(0)]
		pub fn set_agreement(
			origin: OriginFor<T>,
			agreement: AgreementCode,
			partners: PartnersOf<T>,
		) -> DispatchResult {
			let (_, country) =
				Self::role(origin, Role::TRADE_MINISTRY, Error::<T>::NotTradeMinistry)?;
			Self::do_set_agreement(country, agreement, partners)
		}

		/// Delist a trade agreement of the caller's country. Origin: an active trade ministry.
		///
		/// Certificates issued under it keep their validity. Emits [`Event::AgreementRemoved`].
		#[pallet::call_index(1)]
		pub fn remove_agreement(origin: OriginFor<T>, agreement: AgreementCode) -> DispatchResult {
			let (_, country) =
				Self::role(origin, Role::TRADE_MINISTRY, Error::<T>::NotTradeMinistry)?;
			Self::do_remove_agreement(country, agreement)
		}

		/// Apply for a certificate. Origin: an active economic operator, which must be the
		/// exporter in `details`; its country is the country of origin.
		///
		/// The details are checked as `issue` checks them. Holds
		/// [`Config::ApplicationDeposit`]. Emits [`Event::Applied`].
		#[pallet::call_index(2)]
		pub fn apply(origin: OriginFor<T>, details: DetailsOf<T>) -> DispatchResult {
			let (exporter, country) =
				Self::role(origin, Role::ECONOMIC_OPERATOR, Error::<T>::NotOperator)?;
			ensure!(details.exporter == exporter, Error::<T>::NotApplicant);
			Self::check_details(country, &details)?;
			let id = NextApplicationId::<T>::get();
			let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			let amount = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::Application.into(), &exporter, amount)?;
			Applications::<T>::insert(
				id,
				Application {
					origin: country,
					details,
					applied_at: Self::now(),
					deposit: Deposit { who: exporter.clone(), amount },
				},
			);
			NextApplicationId::<T>::put(next);
			Self::deposit_event(Event::Applied { id, exporter, origin: country });
			Ok(())
		}

		/// Withdraw an application. Origin: the applicant.
		///
		/// Releases the deposit. Emits [`Event::ApplicationWithdrawn`].
		#[pallet::call_index(3)]
		pub fn withdraw_application(origin: OriginFor<T>, id: ApplicationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let app = Applications::<T>::get(id).ok_or(Error::<T>::ApplicationNotFound)?;
			ensure!(app.deposit.who == who, Error::<T>::NotApplicant);
			Self::close_application(id, &app)?;
			Self::deposit_event(Event::ApplicationWithdrawn { id });
			Ok(())
		}

		/// Issue the certificate an exporter applied for, under `hash`. Origin: an active origin
		/// issuer of the application's country.
		///
		/// The details are checked again (an agreement may have been delisted). Releases the
		/// application deposit and holds [`Config::CertificateDeposit`] from the issuer. Emits
		/// [`Event::Issued`].
		#[pallet::call_index(4)]
		pub fn approve_application(
			origin: OriginFor<T>,
			id: ApplicationId,
			hash: DocumentHash,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			let app = Applications::<T>::get(id).ok_or(Error::<T>::ApplicationNotFound)?;
			ensure!(app.origin == country, Error::<T>::OtherCountry);
			Self::close_application(id, &app)?;
			Self::do_issue(issuer, country, hash, app.details, Some(id), None)
		}

		/// Reject an application. Origin: an active origin issuer of the application's country.
		///
		/// Releases the deposit. Emits [`Event::ApplicationRejected`].
		#[pallet::call_index(5)]
		pub fn reject_application(
			origin: OriginFor<T>,
			id: ApplicationId,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			let app = Applications::<T>::get(id).ok_or(Error::<T>::ApplicationNotFound)?;
			ensure!(app.origin == country, Error::<T>::OtherCountry);
			Self::close_application(id, &app)?;
			Self::deposit_event(Event::ApplicationRejected { id, by: issuer, reason });
			Ok(())
		}

		/// Issue a certificate under its document hash. Origin: an active origin issuer; its
		/// country is the country of origin.
		///
		/// The exporter must be an active economic operator of that country; a preferential
		/// certificate needs an agreement the country lists with the destination as a partner.
		/// Holds [`Config::CertificateDeposit`]. Emits [`Event::Issued`].
		#[pallet::call_index(6)]
		pub fn issue(
			origin: OriginFor<T>,
			hash: DocumentHash,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			Self::do_issue(issuer, country, hash, details, None, None)
		}

		/// Issue an amendment under `new` that replaces the certificate `old`. Origin: an active
		/// origin issuer of the old certificate's country.
		///
		/// The old certificate must not be used, revoked or replaced; it stops being valid and
		/// points to the amendment. Holds [`Config::CertificateDeposit`] for the amendment. Emits
		/// [`Event::Issued`] and [`Event::Replaced`].
		#[pallet::call_index(7)]
		pub fn replace(
			origin: OriginFor<T>,
			old: DocumentHash,
			new: DocumentHash,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			ensure!(old != new, Error::<T>::SameHash);
			let mut cert = Self::of_country(old, country)?;
			match cert.state {
				CertificateState::Issued
				| CertificateState::Accepted { .. }
				| CertificateState::Rejected { .. } => {}
				ref state => return Err(Self::state_error(state).into()),
			}
			Self::do_issue(issuer.clone(), country, new, details, None, Some(old))?;
			cert.state = CertificateState::Replaced { by: new, at: Self::now() };
			Certificates::<T>::insert(old, cert);
			Self::deposit_event(Event::Replaced { old, new, by: issuer });
			Ok(())
		}

		/// Revoke a certificate. Origin: an active origin issuer of its country.
		///
		/// Emits [`Event::Revoked`].
		#[pallet::call_index(8)]
		pub fn revoke(
			origin: OriginFor<T>,
			hash: DocumentHash,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			let mut cert = Self::of_country(hash, country)?;
			match cert.state {
				CertificateState::Revoked { .. } | CertificateState::Replaced { .. } => {
					return Err(Self::state_error(&cert.state).into())
				}
				_ => {}
			}
			cert.state = CertificateState::Revoked { reason: reason.clone(), at: Self::now() };
			Certificates::<T>::insert(hash, cert);
			Self::deposit_event(Event::Revoked { hash, by: issuer, reason });
			Ok(())
		}

		/// Accept a certificate for an import. Origin: an active customs authority of the
		/// destination country.
		///
		/// The certificate must be valid now; a preferential one is then used up and a second
		/// acceptance fails with [`Error::AlreadyUsed`]. Emits [`Event::Accepted`].
		#[pallet::call_index(9)]
		pub fn accept(origin: OriginFor<T>, hash: DocumentHash) -> DispatchResult {
			let (customs, country) = Self::role(origin, Role::CUSTOMS, Error::<T>::NotCustoms)?;
			let cert = Certificates::<T>::get(hash).ok_or(Error::<T>::CertificateNotFound)?;
			ensure!(cert.details.destination == country, Error::<T>::OtherCountry);
			let used_up = Self::do_use(hash, cert)?;
			Self::deposit_event(Event::Accepted { hash, by: customs, used_up });
			Ok(())
		}

		/// Reject a certificate. Origin: an active customs authority of the destination country.
		///
		/// The certificate must be issued or accepted, not used, revoked or replaced. Emits
		/// [`Event::Rejected`].
		#[pallet::call_index(10)]
		pub fn reject(
			origin: OriginFor<T>,
			hash: DocumentHash,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (customs, country) = Self::role(origin, Role::CUSTOMS, Error::<T>::NotCustoms)?;
			let mut cert = Certificates::<T>::get(hash).ok_or(Error::<T>::CertificateNotFound)?;
			ensure!(cert.details.destination == country, Error::<T>::OtherCountry);
			match cert.state {
				CertificateState::Issued | CertificateState::Accepted { .. } => {}
				ref state => return Err(Self::state_error(state).into()),
			}
			cert.state = CertificateState::Rejected { reason: reason.clone(), at: Self::now() };
			Certificates::<T>::insert(hash, cert);
			Self::deposit_event(Event::Rejected { hash, by: customs, reason });
			Ok(())
		}

		/// Issue a batch of `leaves` certificates by the Merkle root of their hashes. Origin: an
		/// active origin issuer; its country is the country of origin.
		///
		/// Only the root is stored: the cost does not depend on the batch size. Holds
		/// [`Config::BatchDeposit`]. Emits [`Event::BatchAnchored`].
		#[pallet::call_index(11)]
		pub fn anchor_batch(
			origin: OriginFor<T>,
			root: DocumentHash,
			leaves: u32,
			valid_until: u64,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			ensure!(leaves > 0, Error::<T>::EmptyBatch);
			Self::check_validity(valid_until)?;
			ensure!(!Batches::<T>::contains_key(root), Error::<T>::BatchExists);
			let amount = T::BatchDeposit::get();
			T::Currency::hold(&HoldReason::Batch.into(), &issuer, amount)?;
			Batches::<T>::insert(
				root,
				Batch {
					issuer: issuer.clone(),
					origin: country,
					leaves,
					issued_at: Self::now(),
					valid_until,
					revoked: 0,
					deposit: Deposit { who: issuer.clone(), amount },
				},
			);
			Self::deposit_event(Event::BatchAnchored {
				root,
				issuer,
				origin: country,
				leaves,
				valid_until,
			});
			Ok(())
		}

		/// Revoke one certificate of a batch, shown to be in it by `proof`. Origin: an active
		/// origin issuer of the batch's country.
		///
		/// Emits [`Event::BatchCertificateRevoked`].
		#[pallet::call_index(12)]
		pub fn revoke_batch_certificate(
			origin: OriginFor<T>,
			root: DocumentHash,
			hash: DocumentHash,
			proof: BatchProof,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (issuer, country) = Self::role(origin, Role::ORIGIN_ISSUER, Error::<T>::NotIssuer)?;
			let mut batch = Batches::<T>::get(root).ok_or(Error::<T>::BatchNotFound)?;
			ensure!(batch.origin == country, Error::<T>::OtherCountry);
			ensure!(Self::proves(&root, &batch, &hash, &proof), Error::<T>::InvalidProof);
			ensure!(!RevokedLeaves::<T>::contains_key(root, hash), Error::<T>::LeafAlreadyRevoked);
			ensure!(batch.revoked < T::MaxRevokedPerBatch::get(), Error::<T>::TooManyRevoked);
			batch.revoked = batch.revoked.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			RevokedLeaves::<T>::insert(
				root,
				hash,
				RevokedLeaf { reason: reason.clone(), at: Self::now() },
			);
			Batches::<T>::insert(root, batch);
			Self::deposit_event(Event::BatchCertificateRevoked { root, hash, by: issuer, reason });
			Ok(())
		}

		/// Remove a certificate whose validity ended more than [`Config::RetentionPeriod`] ago.
		/// Origin: anyone signed.
		///
		/// Releases the deposit to the issuer. Emits [`Event::Purged`].
		#[pallet::call_index(13)]
		pub fn purge(origin: OriginFor<T>, hash: DocumentHash) -> DispatchResult {
			ensure_signed(origin)?;
			let cert = Certificates::<T>::get(hash).ok_or(Error::<T>::CertificateNotFound)?;
			Self::check_retention_over(cert.details.valid_until)?;
			Self::release(HoldReason::Certificate, &cert.deposit)?;
			Certificates::<T>::remove(hash);
			Self::deposit_event(Event::Purged { hash });
			Ok(())
		}

		/// Remove a batch whose validity ended more than [`Config::RetentionPeriod`] ago, with
		/// its revocations. Origin: anyone signed. `revoked` is a witness: at least the batch's
		/// count of revoked certificates.
		///
		/// Releases the deposit to the issuer. Emits [`Event::BatchPurged`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::purge_batch(*revoked))]
		pub fn purge_batch(
			origin: OriginFor<T>,
			root: DocumentHash,
			revoked: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let batch = Batches::<T>::get(root).ok_or(Error::<T>::BatchNotFound)?;
			ensure!(revoked >= batch.revoked, Error::<T>::WitnessTooLow);
			Self::check_retention_over(batch.valid_until)?;
			Self::release(HoldReason::Batch, &batch.deposit)?;
			let _ = RevokedLeaves::<T>::clear_prefix(root, batch.revoked, None);
			Batches::<T>::remove(root);
			Self::deposit_event(Event::BatchPurged { root });
			Ok(Some(T::WeightInfo::purge_batch(batch.revoked)).into())
		}

		/// List or update a trade agreement of `country`. Origin: [`Config::GovernanceOrigin`]
		/// (the agency council, for agreements concluded at the network's level or when a
		/// ministry cannot act).
		///
		/// Emits [`Event::AgreementSet`]. Errors as [`Pallet::set_agreement`].
		#[pallet::call_index(15)]
		pub fn force_set_agreement(
			origin: OriginFor<T>,
			country: CountryCode,
			agreement: AgreementCode,
			partners: PartnersOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_agreement(country, agreement, partners)
		}

		/// Delist a trade agreement of `country`. Origin: [`Config::GovernanceOrigin`].
		///
		/// Emits [`Event::AgreementRemoved`]. Errors with [`Error::AgreementNotFound`].
		#[pallet::call_index(16)]
		pub fn force_remove_agreement(
			origin: OriginFor<T>,
			country: CountryCode,
			agreement: AgreementCode,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_agreement(country, agreement)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxGoodsLines::get() > 0, "MaxGoodsLines must be positive");
			assert!(T::MaxValidity::get() > 0, "MaxValidity must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Lists or updates `agreement` of `country`.
		fn do_set_agreement(
			country: CountryCode,
			agreement: AgreementCode,
			partners: PartnersOf<T>,
		) -> DispatchResult {
			ensure!(!partners.is_empty(), Error::<T>::NoPartners);
			ensure!(!partners.contains(&country), Error::<T>::PartnerIsSelf);
			Agreements::<T>::insert(country, &agreement, Agreement { partners: partners.clone() });
			Self::deposit_event(Event::AgreementSet { country, agreement, partners });
			Ok(())
		}

		/// Delists `agreement` of `country`.
		fn do_remove_agreement(country: CountryCode, agreement: AgreementCode) -> DispatchResult {
			ensure!(
				Agreements::<T>::contains_key(country, &agreement),
				Error::<T>::AgreementNotFound
			);
			Agreements::<T>::remove(country, &agreement);
			Self::deposit_event(Event::AgreementRemoved { country, agreement });
			Ok(())
		}

		/// Milliseconds since the Unix epoch; zero at genesis, where no time is known yet (and
		/// pallet-timestamp logs an error when asked).
		pub(crate) fn now() -> u64 {
			tradechain_primitives::unix_millis::<T, T::Time>()
		}

		/// The signer and the country for which it actively holds `role`, or `error`.
		fn role(
			origin: OriginFor<T>,
			role: Role,
			error: Error<T>,
		) -> Result<(T::AccountId, CountryCode), DispatchError> {
			let who = ensure_signed(origin)?;
			let country = T::Roles::country_of(&who, role).ok_or(error)?;
			Ok((who, country))
		}

		/// The validity must end in the future, and at most [`Config::MaxValidity`] from now. At
		/// genesis the time is not known yet (zero), so only the first check applies there.
		fn check_validity(valid_until: u64) -> DispatchResult {
			let now = Self::now();
			ensure!(valid_until > now, Error::<T>::ValidityInPast);
			ensure!(
				now == 0 || valid_until - now <= T::MaxValidity::get(),
				Error::<T>::ValidityTooLong
			);
			Ok(())
		}

		/// What `issue` checks of the details of a certificate from `origin`.
		fn check_details(origin: CountryCode, details: &DetailsOf<T>) -> DispatchResult {
			ensure!(!details.goods.is_empty(), Error::<T>::NoGoods);
			ensure!(details.goods.iter().all(|l| l.quantity > 0), Error::<T>::ZeroQuantity);
			ensure!(details.destination != origin, Error::<T>::SameCountry);
			Self::check_validity(details.valid_until)?;
			ensure!(
				T::Roles::has_role(&details.exporter, Role::ECONOMIC_OPERATOR, origin),
				Error::<T>::ExporterNotRegistered
			);
			if let Some(code) = details.preference.agreement() {
				let agreement =
					Agreements::<T>::get(origin, code).ok_or(Error::<T>::AgreementNotFound)?;
				ensure!(
					agreement.partners.contains(&details.destination),
					Error::<T>::DestinationNotParty
				);
			}
			Ok(())
		}

		pub(crate) fn do_issue(
			issuer: T::AccountId,
			origin: CountryCode,
			hash: DocumentHash,
			details: DetailsOf<T>,
			application: Option<ApplicationId>,
			replaces: Option<DocumentHash>,
		) -> DispatchResult {
			Self::check_details(origin, &details)?;
			ensure!(!Certificates::<T>::contains_key(hash), Error::<T>::AlreadyIssued);
			let amount = T::CertificateDeposit::get();
			T::Currency::hold(&HoldReason::Certificate.into(), &issuer, amount)?;
			let event = Event::Issued {
				hash,
				issuer: issuer.clone(),
				exporter: details.exporter.clone(),
				origin,
				destination: details.destination,
				agreement: details.preference.agreement().cloned(),
				application,
			};
			Certificates::<T>::insert(
				hash,
				Certificate {
					issuer: issuer.clone(),
					origin,
					details,
					issued_at: Self::now(),
					replaces,
					state: CertificateState::Issued,
					deposit: Deposit { who: issuer, amount },
				},
			);
			Self::deposit_event(event);
			Ok(())
		}

		/// The certificate under `hash`, if it is from `country`.
		fn of_country(
			hash: DocumentHash,
			country: CountryCode,
		) -> Result<CertificateOf<T>, DispatchError> {
			let cert = Certificates::<T>::get(hash).ok_or(Error::<T>::CertificateNotFound)?;
			ensure!(cert.origin == country, Error::<T>::OtherCountry);
			Ok(cert)
		}

		/// The error for acting on a certificate in `state` that the call does not allow.
		fn state_error(state: &CertificateState<ReasonOf<T>>) -> Error<T> {
			match state {
				CertificateState::Used { .. } => Error::<T>::AlreadyUsed,
				CertificateState::Rejected { .. } => Error::<T>::AlreadyRejected,
				CertificateState::Replaced { .. } => Error::<T>::AlreadyReplaced,
				CertificateState::Revoked { .. } => Error::<T>::AlreadyRevoked,
				// Callers reject only the states above.
				CertificateState::Issued | CertificateState::Accepted { .. } => {
					Error::<T>::CertificateNotFound
				}
			}
		}

		/// Why `cert` cannot be used now, if it cannot.
		fn unusable(cert: &CertificateOf<T>) -> Option<CertificateUnusable> {
			match cert.state {
				CertificateState::Issued | CertificateState::Accepted { .. } => {}
				CertificateState::Used { .. } => return Some(CertificateUnusable::AlreadyUsed),
				_ => return Some(CertificateUnusable::NotValid),
			}
			(Self::now() > cert.details.valid_until).then_some(CertificateUnusable::Expired)
		}

		/// Records one use of a usable certificate; returns whether it is used up.
		fn do_use(hash: DocumentHash, mut cert: CertificateOf<T>) -> Result<bool, DispatchError> {
			if let Some(why) = Self::unusable(&cert) {
				return Err(match why {
					CertificateUnusable::AlreadyUsed => Error::<T>::AlreadyUsed,
					CertificateUnusable::Expired => Error::<T>::Expired,
					_ => Self::state_error(&cert.state),
				}
				.into());
			}
			let at = Self::now();
			let used_up = cert.details.preference.agreement().is_some();
			cert.state = match cert.state {
				_ if used_up => CertificateState::Used { at },
				CertificateState::Accepted { times, .. } => {
					CertificateState::Accepted { at, times: times.saturating_add(1) }
				}
				_ => CertificateState::Accepted { at, times: 1 },
			};
			Certificates::<T>::insert(hash, cert);
			Ok(used_up)
		}

		fn close_application(id: ApplicationId, app: &ApplicationOf<T>) -> DispatchResult {
			Self::release(HoldReason::Application, &app.deposit)?;
			Applications::<T>::remove(id);
			Ok(())
		}

		fn check_retention_over(valid_until: u64) -> DispatchResult {
			let end = valid_until.saturating_add(T::RetentionPeriod::get());
			ensure!(Self::now() > end, Error::<T>::RetentionNotOver);
			Ok(())
		}

		fn proves(
			root: &DocumentHash,
			batch: &BatchOf<T>,
			hash: &DocumentHash,
			proof: &BatchProof,
		) -> bool {
			proof.number_of_leaves == batch.leaves && verify_batch_proof(root, hash, proof)
		}

		fn release(reason: HoldReason, deposit: &DepositOf<T>) -> DispatchResult {
			T::Currency::release(&reason.into(), &deposit.who, deposit.amount, Precision::Exact)?;
			Ok(())
		}

		/// The status of the certificate under `hash` now.
		pub fn certificate_status(hash: DocumentHash) -> CertificateStatus {
			match Certificates::<T>::get(hash) {
				Some(cert) => Self::status_of(&cert),
				None => CertificateStatus::Unknown,
			}
		}

		fn status_of(cert: &CertificateOf<T>) -> CertificateStatus {
			let valid_until = cert.details.valid_until;
			let expired = Self::now() > valid_until;
			match &cert.state {
				CertificateState::Issued | CertificateState::Accepted { .. } if expired => {
					CertificateStatus::Expired { valid_until }
				}
				CertificateState::Issued => CertificateStatus::Issued { valid_until },
				CertificateState::Accepted { times, .. } => {
					CertificateStatus::Accepted { valid_until, times: *times }
				}
				CertificateState::Used { at } => CertificateStatus::Used { at: *at },
				CertificateState::Rejected { reason, .. } => {
					CertificateStatus::Rejected { reason: reason.to_vec() }
				}
				CertificateState::Replaced { by, .. } => CertificateStatus::ReplacedBy { by: *by },
				CertificateState::Revoked { reason, .. } => {
					CertificateStatus::Revoked { reason: reason.to_vec() }
				}
			}
		}

		/// The certificate under `hash` with its status, for the runtime API.
		pub fn certificate(hash: DocumentHash) -> Option<CertificateInfo<T::AccountId>> {
			let cert = Certificates::<T>::get(hash)?;
			let status = Self::status_of(&cert);
			let d = cert.details;
			Some(CertificateInfo {
				status,
				issuer: cert.issuer,
				origin: cert.origin,
				exporter: d.exporter,
				consignee: d.consignee,
				destination: d.destination,
				goods: d.goods.into_inner(),
				preference: d.preference,
				invoice: d.invoice.into_inner(),
				issued_at: cert.issued_at,
				valid_until: d.valid_until,
				replaces: cert.replaces,
			})
		}

		/// The status of the certificate `hash` of the batch `root`, shown by `proof`: `Unknown`
		/// if the batch is unknown or the proof fails.
		pub fn batch_certificate_status(
			root: DocumentHash,
			hash: DocumentHash,
			proof: BatchProof,
		) -> CertificateStatus {
			let Some(batch) = Batches::<T>::get(root) else { return CertificateStatus::Unknown };
			if !Self::proves(&root, &batch, &hash, &proof) {
				return CertificateStatus::Unknown;
			}
			if let Some(revoked) = RevokedLeaves::<T>::get(root, hash) {
				return CertificateStatus::Revoked { reason: revoked.reason.into_inner() };
			}
			if Self::now() > batch.valid_until {
				return CertificateStatus::Expired { valid_until: batch.valid_until };
			}
			CertificateStatus::Issued { valid_until: batch.valid_until }
		}
	}

	impl<T: Config> CertificateProvider<T::AccountId> for Pallet<T> {
		fn usable(
			hash: &DocumentHash,
			importer: &T::AccountId,
			destination: CountryCode,
		) -> Result<UsableCertificate, CertificateUnusable> {
			let cert = Certificates::<T>::get(hash).ok_or(CertificateUnusable::Unknown)?;
			Self::usable_for(&cert, importer, destination)
		}

		fn mark_used(
			hash: &DocumentHash,
			importer: &T::AccountId,
			destination: CountryCode,
		) -> Result<UsableCertificate, CertificateUnusable> {
			let cert = Certificates::<T>::get(hash).ok_or(CertificateUnusable::Unknown)?;
			let usable = Self::usable_for(&cert, importer, destination)?;
			Self::do_use(*hash, cert).map_err(|_| CertificateUnusable::NotValid)?;
			Ok(usable)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn make_usable_for_benchmarks(
			hash: &DocumentHash,
			importer: &T::AccountId,
			destination: CountryCode,
			agreement: Option<AgreementCode>,
		) {
			// A record written directly (no deposit held): benchmarks read it, nothing else.
			let origin = CountryCode::parse(b"KE").expect("assigned");
			let details = CertificateDetails {
				exporter: importer.clone(),
				consignee: importer.clone(),
				destination,
				goods: Default::default(),
				preference: match agreement {
					Some(agreement) => Preference::Preferential {
						agreement,
						criterion: OriginCriterion::WhollyObtained,
					},
					None => Preference::NonPreferential,
				},
				invoice: Default::default(),
				valid_until: u64::MAX,
			};
			Certificates::<T>::insert(
				hash,
				Certificate {
					issuer: importer.clone(),
					origin,
					details,
					issued_at: 0,
					replaces: None,
					state: CertificateState::Issued,
					deposit: Deposit { who: importer.clone(), amount: Default::default() },
				},
			);
		}
	}

	impl<T: Config> Pallet<T> {
		fn usable_for(
			cert: &CertificateOf<T>,
			importer: &T::AccountId,
			destination: CountryCode,
		) -> Result<UsableCertificate, CertificateUnusable> {
			if let Some(why) = Self::unusable(cert) {
				return Err(why);
			}
			if cert.details.destination != destination {
				return Err(CertificateUnusable::OtherDestination);
			}
			if cert.details.consignee != *importer {
				return Err(CertificateUnusable::OtherImporter);
			}
			Ok(UsableCertificate {
				origin: cert.origin,
				agreement: cert.details.preference.agreement().cloned(),
				valid_until: cert.details.valid_until,
			})
		}
	}
}
