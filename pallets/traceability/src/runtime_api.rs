//! Reads for dashboards, customs and banks.

use alloc::vec::Vec;
use codec::Codec;
use tradechain_primitives::{BatchProof, DocumentHash, ItemRef};

use crate::ItemInfo;

sp_api::decl_runtime_apis! {
	/// Traced items and their histories. `EventRecord` is the runtime's event record.
	pub trait TraceabilityApi<AccountId, EventRecord>
	where
		AccountId: Codec,
		EventRecord: Codec,
	{
		/// The item (its key is the BLAKE2-256 of its EPC URI): custodian, offer, parent, state,
		/// expiry, breaches.
		fn item(item: ItemRef) -> Option<ItemInfo<AccountId>>;
		/// Events `from..from + count` of the item's history, in order (count capped at the
		/// history bound).
		fn history(item: ItemRef, from: u32, count: u32) -> Vec<(DocumentHash, EventRecord)>;
		/// The events of the item's history that broke its condition rules.
		fn breaches(item: ItemRef) -> Vec<DocumentHash>;
		/// Whether `proof` shows `leaf` among the readings anchored under `root`.
		fn verify_reading(root: DocumentHash, leaf: DocumentHash, proof: BatchProof) -> bool;
	}
}
