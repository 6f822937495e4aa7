//! Records of the payments pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;
pub use tradechain_primitives::Deposit;
use tradechain_primitives::{CountryCode, DeclarationId, DocumentHash, ItemRef, Location};

/// The identifier of an escrow.
pub type EscrowId = u64;

/// A trade condition an escrow waits on.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(bound(
	serialize = "AccountId: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>"
))]
#[serde(rename_all = "camelCase")]
pub enum Condition<AccountId> {
	/// Customs released this declaration.
	DeclarationReleased {
		/// The declaration.
		declaration: DeclarationId,
	},
	/// A receiving event of this consignment was recorded at this location.
	ConsignmentReceived {
		/// The consignment (hash of its EPC URI).
		consignment: ItemRef,
		/// Where.
		location: Location,
	},
	/// This certificate of origin is valid for the buyer importing into `destination`, or was
	/// used at that import.
	CertificateValid {
		/// The certificate's document hash.
		certificate: DocumentHash,
		/// The importing country.
		destination: CountryCode,
	},
	/// This party approved (e.g. the buyer's bank after checking documents).
	ApprovedBy {
		/// The approving account.
		party: AccountId,
	},
	/// This electronic bill of lading was surrendered to its carrier at delivery.
	BillOfLadingSurrendered {
		/// The bill's document hash.
		bill: DocumentHash,
	},
}

/// A condition of an escrow with its share of the amount and whether it was seen to hold.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ConditionEntry<AccountId, Balance> {
	/// What must hold.
	pub condition: Condition<AccountId>,
	/// For a partially releasable escrow, what this condition releases; zero otherwise.
	pub share: Balance,
	/// Seen to hold (once met, a condition stays met).
	pub met: bool,
	/// Its share was paid (partial escrows).
	pub paid: bool,
}

/// Where an escrow stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum EscrowState<AccountId, Reason> {
	/// Waiting for its conditions or its deadline.
	Open,
	/// A party disputed it: only the arbiter can end it.
	Disputed {
		/// Who disputed it.
		by: AccountId,
		/// Why.
		reason: Reason,
	},
}

/// Funds a buyer holds for a seller until trade conditions hold.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Escrow<AccountId, Balance, Conditions, Reason> {
	/// Who pays; the amount is held from this account.
	pub buyer: AccountId,
	/// Who is paid.
	pub seller: AccountId,
	/// Who settles a dispute (an account holding the arbiter role when it settles).
	pub arbiter: AccountId,
	/// The amount held at creation.
	pub amount: Balance,
	/// What was already paid to the seller (partial releases).
	pub released: Balance,
	/// The conditions (a bounded list of [`ConditionEntry`]).
	pub conditions: Conditions,
	/// Whether each condition releases its share as soon as it holds; otherwise everything is
	/// released once all hold.
	pub partial: bool,
	/// After this time (milliseconds since the Unix epoch) the buyer may be refunded what was not
	/// released, unless the escrow is disputed.
	pub deadline: u64,
	/// The contract or invoice it pays, if given.
	pub reference: Option<DocumentHash>,
	/// When it was created (milliseconds since the Unix epoch).
	pub created_at: u64,
	/// Open or disputed.
	pub state: EscrowState<AccountId, Reason>,
	/// The deposit held from the buyer for the record.
	pub deposit: Deposit<AccountId, Balance>,
}

impl<AccountId, Balance: Copy + sp_runtime::Saturating, C, R> Escrow<AccountId, Balance, C, R> {
	/// What is still held.
	pub fn remaining(&self) -> Balance {
		self.amount.saturating_sub(self.released)
	}
}

/// How an arbiter split a disputed escrow.
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
pub struct Settlement {
	/// The seller's part of what was still held; the buyer gets the rest.
	pub seller_share: Perbill,
}

/// An escrow as the runtime API reports it, with each condition's state now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct EscrowInfo<AccountId, Balance> {
	/// The escrow.
	pub id: EscrowId,
	/// The buyer.
	pub buyer: AccountId,
	/// The seller.
	pub seller: AccountId,
	/// The arbiter.
	pub arbiter: AccountId,
	/// The amount held at creation.
	pub amount: Balance,
	/// Already paid to the seller.
	pub released: Balance,
	/// Partial releases per condition.
	pub partial: bool,
	/// The refund deadline (milliseconds since the Unix epoch).
	pub deadline: u64,
	/// Whether it is disputed.
	pub disputed: bool,
	/// Each condition, its share, and whether it holds now (or was seen to hold).
	pub conditions: Vec<(Condition<AccountId>, Balance, bool)>,
}
