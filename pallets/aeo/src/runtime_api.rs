//! Reads for customs risk engines and dashboards.

use alloc::vec::Vec;
use codec::Codec;
use tradechain_primitives::CountryCode;

use crate::{AeoStatus, Mra};

sp_api::decl_runtime_apis! {
	/// The AEO registry.
	pub trait AeoApi<AccountId>
	where
		AccountId: Codec,
	{
		/// `operator`'s AEO status as `seen_from` recognises it now: its own customs' certificate,
		/// or a foreign one under a mutual recognition agreement in force.
		fn aeo_status(operator: AccountId, seen_from: CountryCode) -> AeoStatus;
		/// The mutual recognition agreements `country` is party to (proposed or in force), with
		/// the other country.
		fn mras(country: CountryCode) -> Vec<(CountryCode, Mra)>;
	}
}
