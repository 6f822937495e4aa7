//! Records of the documents pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
pub use tradechain_primitives::Deposit;

/// What a document is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum DocumentKind {
	/// Commercial invoice.
	Invoice,
	/// Packing list.
	PackingList,
	/// Bill of lading (transferable ones are issued with `issue_transferable`).
	BillOfLading,
	/// Certificate (origin, phytosanitary, conformity …).
	Certificate,
	/// Inspection report.
	InspectionReport,
	/// Any other trade document.
	Other,
}

/// An anchored document: who registered which hash, when.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct DocumentRecord<AccountId, Balance, BlockNumber, Reference> {
	/// Who anchored it.
	pub owner: AccountId,
	/// What it is.
	pub kind: DocumentKind,
	/// When (milliseconds since the Unix epoch, from pallet-timestamp).
	pub anchored_at: u64,
	/// The block it was anchored in.
	pub block: BlockNumber,
	/// The owner's reference (invoice number, B/L number …).
	pub reference: Option<Reference>,
	/// How many readers currently hold a key envelope.
	pub grants: u32,
	/// Whether it is a transferable document (see [`Transferable`]).
	pub transferable: bool,
	/// The deposit held for the record.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A key envelope granting one reader access to an encrypted document.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Grant<AccountId, Balance, Envelope> {
	/// The document's content key sealed to the reader's published X25519 key.
	pub envelope: Envelope,
	/// When (milliseconds since the Unix epoch).
	pub granted_at: u64,
	/// The deposit held for the grant.
	pub deposit: Deposit<AccountId, Balance>,
}

/// One step in a transferable document's life.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum TransferAction<AccountId> {
	/// The carrier issued it to the first holder.
	Issued {
		/// The first holder.
		to: AccountId,
	},
	/// The holder endorsed it to the next holder, who accepted.
	Endorsed {
		/// The previous holder.
		from: AccountId,
		/// The new holder.
		to: AccountId,
	},
	/// The holder surrendered it to the carrier at delivery.
	Surrendered {
		/// The last holder.
		by: AccountId,
	},
}

/// A dated step of the history.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct HistoryEntry<AccountId, BlockNumber> {
	/// What happened.
	pub action: TransferAction<AccountId>,
	/// When (milliseconds since the Unix epoch).
	pub at: u64,
	/// The block.
	pub block: BlockNumber,
}

/// Where a transferable document stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum TransferStatus<AccountId> {
	/// Held by the holder; endorsable.
	Active,
	/// Offered to `to`, who has not accepted yet.
	EndorsementPending {
		/// The proposed next holder.
		to: AccountId,
	},
	/// Surrendered to the carrier: nothing more can happen to it.
	Surrendered,
}

/// A transferable document (electronic bill of lading, in the spirit of UNCITRAL MLETR): one
/// holder at a time, endorsement to the next holder, surrender to the carrier at delivery.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxHistory))]
pub struct Transferable<AccountId, BlockNumber, MaxHistory: Get<u32>> {
	/// The carrier that issued it.
	pub carrier: AccountId,
	/// The current holder: the only account that may endorse or surrender it.
	pub holder: AccountId,
	/// Active, endorsement pending, or surrendered.
	pub status: TransferStatus<AccountId>,
	/// Every issuance, endorsement and surrender, in order.
	pub history: BoundedVec<HistoryEntry<AccountId, BlockNumber>, MaxHistory>,
}

/// A document as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct DocumentInfo<AccountId, BlockNumber> {
	/// Who anchored it.
	pub owner: AccountId,
	/// What it is.
	pub kind: DocumentKind,
	/// When (milliseconds since the Unix epoch).
	pub anchored_at: u64,
	/// The block it was anchored in.
	pub block: BlockNumber,
	/// The owner's reference.
	pub reference: Option<Vec<u8>>,
	/// How many readers hold a key envelope.
	pub grants: u32,
	/// For transferable documents: carrier, holder, status and history.
	pub transfer: Option<TransferInfo<AccountId, BlockNumber>>,
}

/// A transferable document's state as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct TransferInfo<AccountId, BlockNumber> {
	/// The issuing carrier.
	pub carrier: AccountId,
	/// The current holder.
	pub holder: AccountId,
	/// Its status.
	pub status: TransferStatus<AccountId>,
	/// Its history, in order.
	pub history: Vec<HistoryEntry<AccountId, BlockNumber>>,
}
