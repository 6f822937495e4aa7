//! Reads for dashboards: an account's roles and key, a country's role holders.

use alloc::vec::Vec;
use codec::Codec;
use tradechain_primitives::{CountryCode, Role, X25519PublicKey};

use crate::RoleInfo;

sp_api::decl_runtime_apis! {
	/// The roles registry.
	pub trait RolesApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Every role `who` holds (active or suspended), with country and operator id.
		fn roles_of(who: AccountId) -> Vec<RoleInfo<AccountId, BlockNumber>>;
		/// The accounts holding `role` for `country`.
		fn holders(role: Role, country: CountryCode) -> Vec<AccountId>;
		/// The X25519 key `who` published for document encryption.
		fn encryption_key(who: AccountId) -> Option<X25519PublicKey>;
	}
}
