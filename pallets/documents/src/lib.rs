//! # Documents Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! Trade documents stay off-chain; this pallet anchors their hashes so that anyone can check that
//! a file is the registered original, who registered it and when. An owner shares an encrypted
//! document by granting each reader a **key envelope**: the document's content key sealed to the
//! reader's published X25519 key (see the `tradechain-seal` client crate); the owner can revoke
//! it. **Transferable documents** (electronic bills of lading, in the spirit of UNCITRAL MLETR)
//! have one holder at a time, pass by endorsement that the next holder accepts, and end by
//! surrender to the carrier at delivery, after which nothing more can happen to them.
//!
//! ### Terminology
//!
//! - **Document hash:** BLAKE2-256 of the document's canonical bytes ([`DocumentHash`]).
//! - **Owner:** the account that anchored a hash; only it shares or removes it.
//! - **Holder:** of a transferable document, the account entitled to the goods.
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! #### For agencies and operators
//! * `anchor` - Anchor a document hash, holding the document deposit.
//! * `remove` - Remove an anchor that has no grants and is not transferable.
//! * `grant_access` - Give a reader a key envelope (or replace it), holding the grant deposit.
//! * `revoke_access` - Take a reader's envelope back.
//!
//! #### For carriers and holders of transferable documents
//! * `issue_transferable` - A carrier issues a transferable document to its first holder.
//! * `endorse` - The holder offers the document to the next holder.
//! * `accept_endorsement` - The next holder accepts and becomes the holder.
//! * `cancel_endorsement` - The holder withdraws, or the offered party declines, an endorsement.
//! * `surrender` - The holder surrenders the document to the carrier at delivery.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use tradechain_primitives::DocumentHash;

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
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, MutateHold},
			tokens::Precision,
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use tradechain_primitives::{EncryptionKeyProvider, Role, RoleProvider, TransferableDocuments};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A deposit of this pallet.
	pub type DepositOf<T> = Deposit<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// An owner's reference of a document.
	pub type ReferenceOf<T> = BoundedVec<u8, <T as Config>::MaxReferenceLength>;
	/// A key envelope.
	pub type EnvelopeOf<T> = BoundedVec<u8, <T as Config>::MaxEnvelopeLength>;
	/// A document record of this pallet.
	pub type DocumentOf<T> = DocumentRecord<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		ReferenceOf<T>,
	>;
	/// A grant of this pallet.
	pub type GrantOf<T> =
		Grant<<T as frame_system::Config>::AccountId, BalanceOf<T>, EnvelopeOf<T>>;
	/// A transferable document of this pallet.
	pub type TransferableOf<T> = Transferable<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxHistory,
	>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds document and grant deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who holds which role (the roles pallet): only members anchor, only carriers issue
		/// transferable documents.
		type Roles: RoleProvider<Self::AccountId>;

		/// Published X25519 keys (the roles pallet): a reader must have one to be granted access.
		type EncryptionKeys: EncryptionKeyProvider<Self::AccountId>;

		/// The time (pallet-timestamp).
		type Time: UnixTime;

		/// Held from the owner while a document is anchored.
		#[pallet::constant]
		type DocumentDeposit: Get<BalanceOf<Self>>;

		/// Held from the owner while a reader holds a key envelope.
		#[pallet::constant]
		type GrantDeposit: Get<BalanceOf<Self>>;

		/// The longest owner's reference, in bytes.
		#[pallet::constant]
		type MaxReferenceLength: Get<u32>;

		/// The longest key envelope, in bytes (a sealed 32-byte key is 80).
		#[pallet::constant]
		type MaxEnvelopeLength: Get<u32>;

		/// The most readers of one document.
		#[pallet::constant]
		type MaxGrants: Get<u32>;

		/// The longest history of a transferable document (issuance, endorsements, surrender).
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A document is anchored.
		#[codec(index = 0)]
		Document,
		/// A reader holds a key envelope.
		#[codec(index = 1)]
		Grant,
	}

	/// Anchored documents by hash. Blake2: hashes are submitted by users.
	#[pallet::storage]
	pub type Documents<T: Config> = StorageMap<_, Blake2_128Concat, DocumentHash, DocumentOf<T>>;

	/// Key envelopes by document and reader.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DocumentHash,
		Blake2_128Concat,
		T::AccountId,
		GrantOf<T>,
	>;

	/// Transferable documents by hash.
	#[pallet::storage]
	pub type Transferables<T: Config> =
		StorageMap<_, Blake2_128Concat, DocumentHash, TransferableOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A document was anchored.
		Anchored {
			/// Its hash.
			hash: DocumentHash,
			/// Who anchored it.
			owner: T::AccountId,
			/// What it is.
			kind: DocumentKind,
			/// The owner's reference.
			reference: Option<ReferenceOf<T>>,
		},
		/// An anchor was removed; its deposit was released.
		Removed {
			/// The hash.
			hash: DocumentHash,
			/// The former owner.
			owner: T::AccountId,
		},
		/// A reader was given (or re-given) a key envelope.
		AccessGranted {
			/// The document.
			hash: DocumentHash,
			/// The reader.
			reader: T::AccountId,
		},
		/// A reader's key envelope was taken back; its deposit was released.
		AccessRevoked {
			/// The document.
			hash: DocumentHash,
			/// The reader.
			reader: T::AccountId,
		},
		/// A carrier issued a transferable document.
		TransferableIssued {
			/// The document.
			hash: DocumentHash,
			/// The carrier.
			carrier: T::AccountId,
			/// The first holder.
			holder: T::AccountId,
		},
		/// The holder offered a transferable document to the next holder.
		EndorsementOffered {
			/// The document.
			hash: DocumentHash,
			/// The holder.
			from: T::AccountId,
			/// The proposed next holder.
			to: T::AccountId,
		},
		/// The next holder accepted: it now holds the document.
		Endorsed {
			/// The document.
			hash: DocumentHash,
			/// The previous holder.
			from: T::AccountId,
			/// The new holder.
			to: T::AccountId,
		},
		/// A pending endorsement was withdrawn by the holder or declined by the offered party.
		EndorsementCancelled {
			/// The document.
			hash: DocumentHash,
			/// Who cancelled.
			by: T::AccountId,
		},
		/// The holder surrendered the document to the carrier; it is spent.
		Surrendered {
			/// The document.
			hash: DocumentHash,
			/// The last holder.
			holder: T::AccountId,
			/// The carrier.
			carrier: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only agencies and active operators may do this.
		NotMember,
		/// The hash is already anchored.
		AlreadyAnchored,
		/// No document is anchored under this hash.
		DocumentNotFound,
		/// Only the document's owner may do this.
		NotOwner,
		/// The document still has readers: revoke their access first.
		HasGrants,
		/// A transferable document's anchor cannot be removed.
		IsTransferable,
		/// The reader has not published an encryption key.
		ReaderHasNoKey,
		/// The key envelope is empty.
		EmptyEnvelope,
		/// The document has as many readers as allowed.
		TooManyGrants,
		/// The reader holds no key envelope for this document.
		GrantNotFound,
		/// Only an active carrier may issue transferable documents.
		NotCarrier,
		/// No transferable document has this hash.
		NotTransferable,
		/// Only the current holder may do this.
		NotHolder,
		/// The next holder must be another agency or active operator.
		InvalidEndorsee,
		/// An endorsement is already pending; cancel it first.
		EndorsementPending,
		/// No endorsement to this account is pending.
		NoPendingEndorsement,
		/// The document was surrendered: nothing more can happen to it.
		AlreadySurrendered,
		/// The document's history has no room for another endorsement (one place stays free for
		/// the surrender).
		HistoryFull,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Anchor a document hash. Origin: signed by an agency or active operator.
		///
		/// Holds [`Config::DocumentDeposit`]. Emits [`Event::Anchored`].
		#[pallet::call_index(0)]
		pub fn anchor(
			origin: OriginFor<T>,
			hash: DocumentHash,
			kind: DocumentKind,
			reference: Option<ReferenceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Roles::is_member(&who), Error::<T>::NotMember);
			Self::do_anchor(who, hash, kind, reference, false)
		}

		/// Remove an anchor. Origin: signed by the owner.
		///
		/// The document must have no readers and not be transferable. Releases the deposit.
		/// Emits [`Event::Removed`].
		#[pallet::call_index(1)]
		pub fn remove(origin: OriginFor<T>, hash: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let doc = Self::owned(&who, hash)?;
			ensure!(!doc.transferable, Error::<T>::IsTransferable);
			ensure!(doc.grants == 0, Error::<T>::HasGrants);
			Self::release(HoldReason::Document, &doc.deposit)?;
			Documents::<T>::remove(hash);
			Self::deposit_event(Event::Removed { hash, owner: who });
			Ok(())
		}

		/// Give `reader` a key envelope for the document, or replace the one it has. Origin:
		/// signed by the owner.
		///
		/// The reader must have published an X25519 key. Holds [`Config::GrantDeposit`] for a
		/// new reader. Emits [`Event::AccessGranted`].
		#[pallet::call_index(2)]
		pub fn grant_access(
			origin: OriginFor<T>,
			hash: DocumentHash,
			reader: T::AccountId,
			envelope: EnvelopeOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut doc = Self::owned(&who, hash)?;
			ensure!(!envelope.is_empty(), Error::<T>::EmptyEnvelope);
			ensure!(
				T::EncryptionKeys::encryption_key(&reader).is_some(),
				Error::<T>::ReaderHasNoKey
			);
			let deposit = match Grants::<T>::get(hash, &reader) {
				Some(existing) => existing.deposit,
				None => {
					ensure!(doc.grants < T::MaxGrants::get(), Error::<T>::TooManyGrants);
					let amount = T::GrantDeposit::get();
					T::Currency::hold(&HoldReason::Grant.into(), &who, amount)?;
					doc.grants = doc.grants.saturating_add(1);
					Documents::<T>::insert(hash, &doc);
					Deposit { who: who.clone(), amount }
				}
			};
			Grants::<T>::insert(
				hash,
				&reader,
				Grant { envelope, granted_at: Self::now(), deposit },
			);
			Self::deposit_event(Event::AccessGranted { hash, reader });
			Ok(())
		}

		/// Take a reader's key envelope back. Origin: signed by the owner.
		///
		/// Releases the grant deposit. A reader that already decrypted the document keeps what it
		/// read: revocation stops future access through the chain only. Emits
		/// [`Event::AccessRevoked`].
		#[pallet::call_index(3)]
		pub fn revoke_access(
			origin: OriginFor<T>,
			hash: DocumentHash,
			reader: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut doc = Self::owned(&who, hash)?;
			let grant = Grants::<T>::get(hash, &reader).ok_or(Error::<T>::GrantNotFound)?;
			Self::release(HoldReason::Grant, &grant.deposit)?;
			doc.grants = doc.grants.saturating_sub(1);
			Documents::<T>::insert(hash, doc);
			Grants::<T>::remove(hash, &reader);
			Self::deposit_event(Event::AccessRevoked { hash, reader });
			Ok(())
		}

		/// Issue a transferable document (electronic bill of lading) to its first holder. Origin:
		/// signed by an active carrier.
		///
		/// Anchors the hash as a bill of lading owned by the carrier and holds
		/// [`Config::DocumentDeposit`]. The holder must be an agency or active operator. Emits
		/// [`Event::Anchored`] and [`Event::TransferableIssued`].
		#[pallet::call_index(4)]
		pub fn issue_transferable(
			origin: OriginFor<T>,
			hash: DocumentHash,
			holder: T::AccountId,
			reference: Option<ReferenceOf<T>>,
		) -> DispatchResult {
			let carrier = ensure_signed(origin)?;
			ensure!(
				T::Roles::country_of(&carrier, Role::CARRIER).is_some(),
				Error::<T>::NotCarrier
			);
			ensure!(T::Roles::is_member(&holder), Error::<T>::InvalidEndorsee);
			let entry = Self::entry(TransferAction::Issued { to: holder.clone() });
			let history =
				BoundedVec::try_from(alloc::vec![entry]).map_err(|_| Error::<T>::HistoryFull)?;
			Self::do_anchor(carrier.clone(), hash, DocumentKind::BillOfLading, reference, true)?;
			Transferables::<T>::insert(
				hash,
				Transferable {
					carrier: carrier.clone(),
					holder: holder.clone(),
					status: TransferStatus::Active,
					history,
				},
			);
			Self::deposit_event(Event::TransferableIssued { hash, carrier, holder });
			Ok(())
		}

		/// Offer a transferable document to the next holder. Origin: signed by the holder.
		///
		/// `to` must be another agency or active operator; it becomes the holder when it accepts.
		/// Errors with [`Error::HistoryFull`] when the history has room only for the surrender.
		/// Emits [`Event::EndorsementOffered`].
		#[pallet::call_index(5)]
		pub fn endorse(
			origin: OriginFor<T>,
			hash: DocumentHash,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut doc = Self::held_by(&who, hash)?;
			ensure!(doc.status == TransferStatus::Active, Error::<T>::EndorsementPending);
			ensure!(to != who && T::Roles::is_member(&to), Error::<T>::InvalidEndorsee);
			// Room for this endorsement and the final surrender, so a document can always be
			// surrendered.
			ensure!(
				doc.history.len().saturating_add(2) <= T::MaxHistory::get() as usize,
				Error::<T>::HistoryFull
			);
			doc.status = TransferStatus::EndorsementPending { to: to.clone() };
			Transferables::<T>::insert(hash, doc);
			Self::deposit_event(Event::EndorsementOffered { hash, from: who, to });
			Ok(())
		}

		/// Accept a pending endorsement and become the holder. Origin: signed by the offered
		/// party.
		///
		/// Emits [`Event::Endorsed`].
		#[pallet::call_index(6)]
		pub fn accept_endorsement(origin: OriginFor<T>, hash: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut doc = Transferables::<T>::get(hash).ok_or(Error::<T>::NotTransferable)?;
			match &doc.status {
				TransferStatus::EndorsementPending { to } if *to == who => {}
				TransferStatus::Surrendered => return Err(Error::<T>::AlreadySurrendered.into()),
				_ => return Err(Error::<T>::NoPendingEndorsement.into()),
			}
			let from = core::mem::replace(&mut doc.holder, who.clone());
			doc.history
				.try_push(Self::entry(TransferAction::Endorsed {
					from: from.clone(),
					to: who.clone(),
				}))
				.map_err(|_| Error::<T>::HistoryFull)?;
			doc.status = TransferStatus::Active;
			Transferables::<T>::insert(hash, doc);
			Self::deposit_event(Event::Endorsed { hash, from, to: who });
			Ok(())
		}

		/// Withdraw a pending endorsement (the holder) or decline it (the offered party).
		///
		/// Emits [`Event::EndorsementCancelled`].
		#[pallet::call_index(7)]
		pub fn cancel_endorsement(origin: OriginFor<T>, hash: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut doc = Transferables::<T>::get(hash).ok_or(Error::<T>::NotTransferable)?;
			match &doc.status {
				TransferStatus::EndorsementPending { to } if *to == who || doc.holder == who => {}
				TransferStatus::EndorsementPending { .. } => {
					return Err(Error::<T>::NotHolder.into())
				}
				TransferStatus::Surrendered => return Err(Error::<T>::AlreadySurrendered.into()),
				TransferStatus::Active => return Err(Error::<T>::NoPendingEndorsement.into()),
			}
			doc.status = TransferStatus::Active;
			Transferables::<T>::insert(hash, doc);
			Self::deposit_event(Event::EndorsementCancelled { hash, by: who });
			Ok(())
		}

		/// Surrender a transferable document to its carrier at delivery. Origin: signed by the
		/// holder; no endorsement may be pending.
		///
		/// Nothing more can happen to the document; its history stays readable. Emits
		/// [`Event::Surrendered`].
		#[pallet::call_index(8)]
		pub fn surrender(origin: OriginFor<T>, hash: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut doc = Self::held_by(&who, hash)?;
			ensure!(doc.status == TransferStatus::Active, Error::<T>::EndorsementPending);
			doc.history
				.try_push(Self::entry(TransferAction::Surrendered { by: who.clone() }))
				.map_err(|_| Error::<T>::HistoryFull)?;
			doc.status = TransferStatus::Surrendered;
			let carrier = doc.carrier.clone();
			Transferables::<T>::insert(hash, doc);
			Self::deposit_event(Event::Surrendered { hash, holder: who, carrier });
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
		fn now() -> u64 {
			tradechain_primitives::unix_millis::<T, T::Time>()
		}

		fn entry(
			action: TransferAction<T::AccountId>,
		) -> HistoryEntry<T::AccountId, BlockNumberFor<T>> {
			HistoryEntry {
				action,
				at: Self::now(),
				block: frame_system::Pallet::<T>::block_number(),
			}
		}

		fn do_anchor(
			owner: T::AccountId,
			hash: DocumentHash,
			kind: DocumentKind,
			reference: Option<ReferenceOf<T>>,
			transferable: bool,
		) -> DispatchResult {
			ensure!(!Documents::<T>::contains_key(hash), Error::<T>::AlreadyAnchored);
			let amount = T::DocumentDeposit::get();
			T::Currency::hold(&HoldReason::Document.into(), &owner, amount)?;
			Documents::<T>::insert(
				hash,
				DocumentRecord {
					owner: owner.clone(),
					kind,
					anchored_at: Self::now(),
					block: frame_system::Pallet::<T>::block_number(),
					reference: reference.clone(),
					grants: 0,
					transferable,
					deposit: Deposit { who: owner.clone(), amount },
				},
			);
			Self::deposit_event(Event::Anchored { hash, owner, kind, reference });
			Ok(())
		}

		/// The document, if `who` owns it.
		fn owned(who: &T::AccountId, hash: DocumentHash) -> Result<DocumentOf<T>, DispatchError> {
			let doc = Documents::<T>::get(hash).ok_or(Error::<T>::DocumentNotFound)?;
			ensure!(doc.owner == *who, Error::<T>::NotOwner);
			Ok(doc)
		}

		/// The transferable document, if `who` holds it and it is not surrendered.
		fn held_by(
			who: &T::AccountId,
			hash: DocumentHash,
		) -> Result<TransferableOf<T>, DispatchError> {
			let doc = Transferables::<T>::get(hash).ok_or(Error::<T>::NotTransferable)?;
			ensure!(doc.status != TransferStatus::Surrendered, Error::<T>::AlreadySurrendered);
			ensure!(doc.holder == *who, Error::<T>::NotHolder);
			Ok(doc)
		}

		fn release(reason: HoldReason, deposit: &DepositOf<T>) -> DispatchResult {
			T::Currency::release(&reason.into(), &deposit.who, deposit.amount, Precision::Exact)?;
			Ok(())
		}

		/// The document under `hash` with its transfer state, for the runtime API.
		pub fn document(
			hash: DocumentHash,
		) -> Option<DocumentInfo<T::AccountId, BlockNumberFor<T>>> {
			let doc = Documents::<T>::get(hash)?;
			let transfer = Transferables::<T>::get(hash).map(|t| TransferInfo {
				carrier: t.carrier,
				holder: t.holder,
				status: t.status,
				history: t.history.into_inner(),
			});
			Some(DocumentInfo {
				owner: doc.owner,
				kind: doc.kind,
				anchored_at: doc.anchored_at,
				block: doc.block,
				reference: doc.reference.map(|r| r.into_inner()),
				grants: doc.grants,
				transfer,
			})
		}

		/// The envelope granted to `reader` for `hash`, for the runtime API.
		pub fn envelope(hash: DocumentHash, reader: T::AccountId) -> Option<alloc::vec::Vec<u8>> {
			Grants::<T>::get(hash, reader).map(|g| g.envelope.into_inner())
		}
	}

	impl<T: Config> TransferableDocuments for Pallet<T> {
		fn is_surrendered(hash: &DocumentHash) -> bool {
			Transferables::<T>::get(hash).is_some_and(|t| t.status == TransferStatus::Surrendered)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn surrender_for_benchmarks(hash: &DocumentHash) {
			// A record written directly (no anchor, no deposit): benchmarks read it, nothing
			// else.
			let who = T::AccountId::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes())
				.expect("an all-zero account decodes");
			Transferables::<T>::insert(
				hash,
				Transferable {
					carrier: who.clone(),
					holder: who,
					status: TransferStatus::Surrendered,
					history: Default::default(),
				},
			);
		}
	}
}
