//! Reads for officers, traders, auditors and dashboards.

use codec::Codec;
use tradechain_primitives::{CountryCode, DeclarationId, UnLocode};

use crate::Statistics;

sp_api::decl_runtime_apis! {
	/// Declarations and statistics. `Declaration` is the runtime's declaration record.
	pub trait CustomsApi<Balance, Declaration>
	where
		Balance: Codec,
		Declaration: Codec,
	{
		/// The declaration with its assessment (score, channel, the rules that fired, random
		/// draw, mirror check), duties per line, payment, controls and stage.
		fn declaration(id: DeclarationId) -> Option<Declaration>;
		/// Counters of `country` (one office, or all): lodged, per channel and their shares,
		/// released, rejected, mean, p50 and p90 time to release, duty collected.
		fn statistics(country: CountryCode, office: Option<UnLocode>) -> Statistics<Balance>;
	}
}
