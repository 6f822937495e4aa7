//! Records of the roles registry.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
pub use tradechain_primitives::Deposit;
use tradechain_primitives::{CountryCode, OperatorId, X25519PublicKey};

/// Whether a role can be exercised.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum RoleStatus<Reason> {
	/// The role is in force.
	Active,
	/// Customs suspended the role; it cannot be exercised until reinstated.
	Suspended {
		/// Why, in the authority's words.
		reason: Reason,
	},
}

/// Who put a role in place.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum Appointer<AccountId> {
	/// The governance origin (agencies).
	Governance,
	/// A customs authority (operators).
	Customs(AccountId),
	/// The chain's genesis.
	Genesis,
}

/// An account's role for one country.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct RoleRecord<AccountId, Balance, BlockNumber, Reason> {
	/// The country the role is held for.
	pub country: CountryCode,
	/// The national operator id (economic operators).
	pub operator_id: Option<OperatorId>,
	/// Active or suspended.
	pub status: RoleStatus<Reason>,
	/// Who appointed or registered the holder.
	pub appointed_by: Appointer<AccountId>,
	/// The block the role was granted in.
	pub since: BlockNumber,
	/// The deposit held for the record (operators that applied; none for agencies and genesis).
	pub deposit: Option<Deposit<AccountId, Balance>>,
}

/// An operator's application, waiting for its customs authority's decision.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Application<AccountId, Balance, BlockNumber> {
	/// The country whose customs authority decides.
	pub country: CountryCode,
	/// The national operator id (required for economic operators).
	pub operator_id: Option<OperatorId>,
	/// The block of the application.
	pub applied_at: BlockNumber,
	/// The deposit held; it becomes the record's deposit on approval.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A published X25519 key for document encryption.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct KeyRecord<AccountId, Balance> {
	/// The public key.
	pub key: X25519PublicKey,
	/// The deposit held for the record.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A free-text reason (suspension, rejection, removal), bounded by `S` bytes.
pub type Reason<S> = BoundedVec<u8, S>;

/// A role held by an account, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct RoleInfo<AccountId, BlockNumber> {
	/// The role.
	pub role: tradechain_primitives::Role,
	/// The country.
	pub country: CountryCode,
	/// The national operator id, if any.
	pub operator_id: Option<OperatorId>,
	/// Whether the role is active (not suspended).
	pub active: bool,
	/// The suspension reason, if suspended.
	pub suspension_reason: Option<alloc::vec::Vec<u8>>,
	/// Who appointed the holder (`None`: governance or genesis).
	pub appointed_by: Option<AccountId>,
	/// The block the role was granted in.
	pub since: BlockNumber,
}

impl<AccountId: Clone, Balance, BlockNumber: Clone, S: Get<u32>>
	From<(tradechain_primitives::Role, &RoleRecord<AccountId, Balance, BlockNumber, Reason<S>>)>
	for RoleInfo<AccountId, BlockNumber>
{
	fn from(
		(role, r): (
			tradechain_primitives::Role,
			&RoleRecord<AccountId, Balance, BlockNumber, Reason<S>>,
		),
	) -> Self {
		let (active, suspension_reason) = match &r.status {
			RoleStatus::Active => (true, None),
			RoleStatus::Suspended { reason } => (false, Some(reason.to_vec())),
		};
		RoleInfo {
			role,
			country: r.country,
			operator_id: r.operator_id.clone(),
			active,
			suspension_reason,
			appointed_by: match &r.appointed_by {
				Appointer::Customs(who) => Some(who.clone()),
				_ => None,
			},
			since: r.since.clone(),
		}
	}
}
