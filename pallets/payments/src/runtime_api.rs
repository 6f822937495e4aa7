//! Reads for banks, traders and dashboards.

use alloc::vec::Vec;
use codec::Codec;
use tradechain_primitives::CountryCode;

use crate::EscrowInfo;

sp_api::decl_runtime_apis! {
	/// Escrows and duties.
	pub trait PaymentsApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// The open escrows `who` is buyer or seller of, with each condition's state now.
		fn escrows_of(who: AccountId) -> Vec<EscrowInfo<AccountId, Balance>>;
		/// The treasury account that collects `country`'s duties.
		fn treasury_account(country: CountryCode) -> AccountId;
		/// What `who` owes `country` in deferred duties.
		fn deferred_duty(who: AccountId, country: CountryCode) -> Balance;
	}
}
