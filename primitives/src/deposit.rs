//! Deposits held for records that users create.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A deposit held from `who` under a pallet's hold reason. Removing the record it belongs to
/// releases exactly `amount` to `who`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Deposit<AccountId, Balance> {
	/// The account the deposit is held from.
	pub who: AccountId,
	/// The amount held.
	pub amount: Balance,
}
