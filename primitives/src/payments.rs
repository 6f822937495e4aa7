//! What the payments pallet asks of the other domains to release an escrow, and what customs asks
//! of payments to collect duties.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::dispatch::DispatchResult;
use scale_info::TypeInfo;

use crate::{CountryCode, DocumentHash, Gln, UnLocode};

/// A customs declaration's number, as the customs pallet assigns it.
pub type DeclarationId = u64;

/// A traced item or consignment: the BLAKE2-256 hash of its EPC URI (e.g.
/// `urn:epc:id:sscc:0614141.1234567890`), so that keys have a fixed size.
pub type ItemRef = DocumentHash;

/// A place where goods are received: a GS1 location or a UN/LOCODE.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Location {
	/// A GS1 Global Location Number (a warehouse, a dock door).
	Gln(Gln),
	/// A UN/LOCODE (a port, an inland terminal).
	UnLocode(UnLocode),
}

/// Whether customs released a declaration (the customs pallet).
pub trait DeclarationStatus {
	/// Customs released `declaration` for its procedure.
	fn is_released(declaration: DeclarationId) -> bool;

	/// Makes `declaration` released, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn release_for_benchmarks(declaration: DeclarationId);
}

/// No declarations exist: none is ever released.
impl DeclarationStatus for () {
	fn is_released(_: DeclarationId) -> bool {
		false
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn release_for_benchmarks(_: DeclarationId) {}
}

/// Whether a consignment was received somewhere (the traceability pallet).
pub trait ConsignmentReceipts {
	/// A receiving event of `consignment` was recorded at `location`.
	fn received_at(consignment: &ItemRef, location: &Location) -> bool;

	/// Records a receipt, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn receive_for_benchmarks(consignment: &ItemRef, location: &Location);
}

/// Nothing is traced: nothing is ever received.
impl ConsignmentReceipts for () {
	fn received_at(_: &ItemRef, _: &Location) -> bool {
		false
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn receive_for_benchmarks(_: &ItemRef, _: &Location) {}
}

/// Whether a transferable document (electronic bill of lading) was surrendered to its carrier
/// (the documents pallet).
pub trait TransferableDocuments {
	/// The document under `hash` was surrendered at delivery.
	fn is_surrendered(hash: &DocumentHash) -> bool;

	/// Makes `hash` a surrendered document, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn surrender_for_benchmarks(hash: &DocumentHash);
}

/// No transferable documents exist.
impl TransferableDocuments for () {
	fn is_surrendered(_: &DocumentHash) -> bool {
		false
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn surrender_for_benchmarks(_: &DocumentHash) {}
}

/// Duties paid to a country's treasury (the payments pallet), for customs.
pub trait DutyPayment<AccountId, Balance> {
	/// Transfers `amount` of duty on `declaration` from `payer` to the treasury of `country`.
	fn pay(
		payer: &AccountId,
		country: CountryCode,
		declaration: DeclarationId,
		amount: Balance,
	) -> DispatchResult;

	/// Records `amount` of duty on `declaration` as owed by `payer` (an AEO granted deferred
	/// payment) to `country`; the payer settles it later.
	fn defer(
		payer: &AccountId,
		country: CountryCode,
		declaration: DeclarationId,
		amount: Balance,
	) -> DispatchResult;

	/// What `payer` owes `country` in deferred duties.
	fn deferred(payer: &AccountId, country: CountryCode) -> Balance;
}
