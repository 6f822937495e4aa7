//! Records of the AEO pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
pub use tradechain_primitives::Deposit;
use tradechain_primitives::{AeoKind, CountryCode};

/// Where an AEO certificate stands, apart from its validity period (computed from the time).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum AeoState<Reason> {
	/// In force during its validity period.
	Active,
	/// Suspended by its customs authority; may be reinstated.
	Suspended {
		/// Why.
		reason: Reason,
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// Revoked by its customs authority; final.
	Revoked {
		/// Why.
		reason: Reason,
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
}

/// An operator's AEO certificate, granted by the customs authority of its country.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AeoCertificate<AccountId, Text> {
	/// The certifying country.
	pub country: CountryCode,
	/// AEO-C, AEO-S or AEO-F.
	pub kind: AeoKind,
	/// The customs authority's reference (e.g. `DEAEOF1234567`).
	pub reference: Text,
	/// Valid from (milliseconds since the Unix epoch).
	pub valid_from: u64,
	/// Valid until (milliseconds since the Unix epoch).
	pub valid_until: u64,
	/// Active, suspended or revoked.
	pub state: AeoState<Text>,
	/// The customs account that certified it.
	pub certified_by: AccountId,
	/// When it was certified (milliseconds since the Unix epoch).
	pub certified_at: u64,
}

/// An operator's application, waiting for its customs authority.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AeoApplication<AccountId, Balance> {
	/// The operator's country, whose customs decides.
	pub country: CountryCode,
	/// The kind applied for.
	pub kind: AeoKind,
	/// When (milliseconds since the Unix epoch).
	pub applied_at: u64,
	/// The deposit held from the operator until the application is decided or withdrawn.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A mutual recognition agreement between two customs administrations.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Mra {
	/// The administration that proposed it.
	pub proposer: CountryCode,
	/// The AEO kinds it covers: `Full` covers both security and simplifications.
	pub covers: AeoKind,
	/// Proposed or in force.
	pub state: MraState,
}

/// Whether a mutual recognition agreement is in force.
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
pub enum MraState {
	/// Proposed, waiting for the other administration.
	Proposed {
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// Accepted by both: in force.
	InForce {
		/// Since (milliseconds since the Unix epoch).
		since: u64,
	},
}

/// An operator's AEO status as one country sees it (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum AeoStatus {
	/// The operator holds no AEO certificate.
	NotAeo,
	/// Recognised in the asking country.
	Recognised {
		/// The kind recognised there (narrowed to what a mutual recognition agreement covers).
		kind: AeoKind,
		/// The certifying country.
		home: CountryCode,
		/// Valid until (milliseconds since the Unix epoch).
		valid_until: u64,
		/// Whether recognised under a mutual recognition agreement (not the home country).
		mutual_recognition: bool,
	},
	/// A valid foreign AEO that the asking country does not recognise: no agreement in force, or
	/// one that does not cover this kind.
	NotRecognised {
		/// The kind certified.
		kind: AeoKind,
		/// The certifying country.
		home: CountryCode,
	},
	/// Certified, but its validity has not begun.
	NotYetValid {
		/// Valid from (milliseconds since the Unix epoch).
		valid_from: u64,
	},
	/// Suspended by the certifying customs.
	Suspended,
	/// Revoked by the certifying customs.
	Revoked,
	/// Its validity ended.
	Expired {
		/// It was valid until (milliseconds since the Unix epoch).
		valid_until: u64,
	},
}
