//! Reads for verification portals and dashboards.

use alloc::vec::Vec;
use codec::Codec;
use tradechain_primitives::DocumentHash;

use crate::DocumentInfo;

sp_api::decl_runtime_apis! {
	/// Anchored documents.
	pub trait DocumentsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Whether `hash` is a registered original, by whom, when, and (for a transferable
		/// document) who holds it and its history. `None`: unknown hash.
		fn document(hash: DocumentHash) -> Option<DocumentInfo<AccountId, BlockNumber>>;
		/// The key envelope granted to `reader` for `hash`, if any.
		fn envelope(hash: DocumentHash, reader: AccountId) -> Option<Vec<u8>>;
	}
}
