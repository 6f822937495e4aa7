//! Records of the certificates-of-origin pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
pub use tradechain_primitives::Deposit;
use tradechain_primitives::{AgreementCode, CountryCode, DocumentHash, HsCode, UnitCode};

/// The identifier of an exporter's application.
pub type ApplicationId = u32;

/// On what ground goods originate under a trade agreement's rules of origin.
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
#[serde(rename_all = "camelCase")]
pub enum OriginCriterion {
	/// Wholly obtained or produced in the country.
	WhollyObtained,
	/// Sufficiently processed: change of tariff classification.
	ChangeOfTariffClassification,
	/// Sufficiently processed: regional or domestic value added above the agreement's threshold.
	ValueAdded,
	/// Sufficiently processed: a specific manufacturing process the agreement names.
	SpecificProcess,
	/// Origin by cumulation with another party to the agreement.
	Cumulation,
}

/// Whether a certificate claims tariff preference, and under which agreement.
#[derive(
	Clone,
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
#[serde(rename_all = "camelCase")]
pub enum Preference {
	/// Non-preferential: proves origin only (trade statistics, quotas, anti-dumping).
	NonPreferential,
	/// Preferential under a trade agreement that the exporting country's trade ministry lists and
	/// to which the destination is a party. Usable for one import only.
	Preferential {
		/// The agreement.
		agreement: AgreementCode,
		/// The origin criterion met.
		criterion: OriginCriterion,
	},
}

impl Preference {
	/// The agreement claimed, if preferential.
	pub fn agreement(&self) -> Option<&AgreementCode> {
		match self {
			Preference::NonPreferential => None,
			Preference::Preferential { agreement, .. } => Some(agreement),
		}
	}
}

/// One line of goods on a certificate.
#[derive(
	Clone,
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
#[serde(rename_all = "camelCase")]
pub struct GoodsLine {
	/// The goods' Harmonized System code.
	pub hs_code: HsCode,
	/// The BLAKE2-256 hash of the goods description (the text stays off-chain).
	pub description: DocumentHash,
	/// The quantity, in `unit`; more than zero.
	pub quantity: u64,
	/// The unit of measure.
	pub unit: UnitCode,
}

/// What an issuer certifies (or an exporter applies for). The country of origin is the issuer's.
#[derive(
	Clone,
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
#[serde(bound(
	serialize = "AccountId: serde::Serialize, Goods: serde::Serialize, Text: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>, Goods: serde::Deserialize<'de>, \
	               Text: serde::Deserialize<'de>"
))]
#[serde(rename_all = "camelCase")]
pub struct CertificateDetails<AccountId, Goods, Text> {
	/// The exporter: an economic operator of the country of origin.
	pub exporter: AccountId,
	/// The consignee (importer) in the destination country.
	pub consignee: AccountId,
	/// The country of destination.
	pub destination: CountryCode,
	/// The goods (a bounded list of [`GoodsLine`]).
	pub goods: Goods,
	/// Preferential or not.
	pub preference: Preference,
	/// The commercial invoice's reference.
	pub invoice: Text,
	/// Valid until (milliseconds since the Unix epoch).
	pub valid_until: u64,
}

/// Where a certificate stands, apart from expiry (which is computed from the time).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum CertificateState<Reason> {
	/// Issued and valid until its expiry.
	Issued,
	/// A non-preferential certificate the destination's customs accepted; it may be accepted
	/// again.
	Accepted {
		/// When it was last accepted (milliseconds since the Unix epoch).
		at: u64,
		/// How many times.
		times: u32,
	},
	/// A preferential certificate used for an import: it cannot be used again.
	Used {
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// The destination's customs rejected it.
	Rejected {
		/// Why.
		reason: Reason,
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// An amendment replaced it.
	Replaced {
		/// The amended certificate.
		by: DocumentHash,
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// Its issuer revoked it.
	Revoked {
		/// Why.
		reason: Reason,
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
}

/// An issued certificate of origin, stored under its document hash.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Certificate<AccountId, Balance, Goods, Text> {
	/// The issuing account (an origin issuer of `origin`).
	pub issuer: AccountId,
	/// The country of origin: the issuer's.
	pub origin: CountryCode,
	/// What it certifies.
	pub details: CertificateDetails<AccountId, Goods, Text>,
	/// When it was issued (milliseconds since the Unix epoch).
	pub issued_at: u64,
	/// The certificate this one amends, if any.
	pub replaces: Option<DocumentHash>,
	/// Where it stands.
	pub state: CertificateState<Text>,
	/// The deposit held from the issuer until the record is purged.
	pub deposit: Deposit<AccountId, Balance>,
}

/// An exporter's application, waiting for an issuer of its country.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Application<AccountId, Balance, Goods, Text> {
	/// The country of origin: the exporter's.
	pub origin: CountryCode,
	/// What the exporter asks to be certified (`details.exporter` is the applicant).
	pub details: CertificateDetails<AccountId, Goods, Text>,
	/// When (milliseconds since the Unix epoch).
	pub applied_at: u64,
	/// The deposit held from the exporter until the application is decided or withdrawn.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A batch of certificates issued at once: only the Merkle root of their hashes is stored.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Batch<AccountId, Balance> {
	/// The issuing account.
	pub issuer: AccountId,
	/// The country of origin: the issuer's.
	pub origin: CountryCode,
	/// How many certificates the batch holds.
	pub leaves: u32,
	/// When it was anchored (milliseconds since the Unix epoch).
	pub issued_at: u64,
	/// Every certificate of the batch is valid until (milliseconds since the Unix epoch).
	pub valid_until: u64,
	/// How many of its certificates were revoked.
	pub revoked: u32,
	/// The deposit held from the issuer until the batch is purged.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A revoked certificate of a batch.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct RevokedLeaf<Reason> {
	/// Why.
	pub reason: Reason,
	/// When (milliseconds since the Unix epoch).
	pub at: u64,
}

/// A trade agreement as a trade ministry lists it for its country.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Agreement<Partners> {
	/// The other parties to which preferential certificates may be issued (a bounded list of
	/// countries).
	pub partners: Partners,
}

/// A certificate's status, for anyone who verifies it (runtime API and RPC).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum CertificateStatus {
	/// No certificate (and no batch, for a batch check) is known under this hash or proof.
	Unknown,
	/// Issued and valid.
	Issued {
		/// Valid until (milliseconds since the Unix epoch).
		valid_until: u64,
	},
	/// Non-preferential, accepted by the destination's customs, still valid.
	Accepted {
		/// Valid until (milliseconds since the Unix epoch).
		valid_until: u64,
		/// How many times it was accepted.
		times: u32,
	},
	/// Preferential and used for an import.
	Used {
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// Rejected by the destination's customs.
	Rejected {
		/// Why.
		reason: Vec<u8>,
	},
	/// Replaced by an amendment.
	ReplacedBy {
		/// The amended certificate's hash.
		by: DocumentHash,
	},
	/// Revoked by its issuer.
	Revoked {
		/// Why.
		reason: Vec<u8>,
	},
	/// Its validity ended.
	Expired {
		/// It was valid until (milliseconds since the Unix epoch).
		valid_until: u64,
	},
}

impl CertificateStatus {
	/// Whether the certificate may still be relied on.
	pub fn is_valid(&self) -> bool {
		matches!(self, CertificateStatus::Issued { .. } | CertificateStatus::Accepted { .. })
	}
}

/// A certificate as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct CertificateInfo<AccountId> {
	/// Its status now.
	pub status: CertificateStatus,
	/// The issuing account.
	pub issuer: AccountId,
	/// The country of origin.
	pub origin: CountryCode,
	/// The exporter.
	pub exporter: AccountId,
	/// The consignee.
	pub consignee: AccountId,
	/// The country of destination.
	pub destination: CountryCode,
	/// The goods.
	pub goods: Vec<GoodsLine>,
	/// Preferential or not.
	pub preference: Preference,
	/// The invoice reference.
	pub invoice: Vec<u8>,
	/// When it was issued (milliseconds since the Unix epoch).
	pub issued_at: u64,
	/// Valid until (milliseconds since the Unix epoch).
	pub valid_until: u64,
	/// The certificate it amends, if any.
	pub replaces: Option<DocumentHash>,
}
