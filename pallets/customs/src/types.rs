//! Records of the customs pallet.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use tradechain_primitives::{
	AeoKind, AgreementCode, CountryCode, CurrencyCode, DeclarationId, DocumentHash, HsCode,
	ItemRef, UnLocode, UnitCode,
};

/// The customs procedure declared.
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
pub enum Procedure {
	/// Release for free circulation in the office's country.
	Import,
	/// Export from the office's country.
	Export,
	/// Transit through the office's country.
	Transit,
}

/// One line of goods on a declaration.
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
pub struct DeclarationLine<Balance> {
	/// The goods' Harmonized System code.
	pub hs_code: HsCode,
	/// The country of origin of the goods.
	pub origin: CountryCode,
	/// The customs value, in the network's settlement unit (the duty is computed from it).
	pub value: Balance,
	/// The quantity, in `unit`.
	pub quantity: u64,
	/// The unit of measure.
	pub unit: UnitCode,
}

/// What a declarant declares.
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
	serialize = "Lines: serde::Serialize, Documents: serde::Serialize",
	deserialize = "Lines: serde::Deserialize<'de>, Documents: serde::Deserialize<'de>"
))]
#[serde(rename_all = "camelCase")]
pub struct DeclarationDetails<Lines, Documents> {
	/// Import, export or transit.
	pub procedure: Procedure,
	/// The customs office (its country is the declaration's country).
	pub office: UnLocode,
	/// The other country: of dispatch for an import, of destination for an export or transit.
	pub partner: CountryCode,
	/// The goods lines (a bounded list of [`DeclarationLine`]).
	pub lines: Lines,
	/// The currency of the commercial invoice, for the record.
	pub invoice_currency: CurrencyCode,
	/// A certificate of origin claimed for the goods (its document hash).
	pub certificate: Option<DocumentHash>,
	/// The consignment (hash of its EPC URI in the traceability domain).
	pub consignment: Option<ItemRef>,
	/// For an import: the exporting country's export declaration of the same consignment.
	pub export_declaration: Option<DeclarationId>,
	/// Supporting documents (hashes of invoices, packing lists, licences).
	pub documents: Documents,
}

/// Which goods a risk profile targets.
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
pub enum HsScope {
	/// An HS chapter (2 digits, e.g. 9 for coffee, tea and spices).
	Chapter(u8),
	/// An HS heading (4 digits, e.g. 901 for coffee).
	Heading(u16),
}

impl HsScope {
	/// Whether `code` falls within the scope.
	pub fn covers(&self, code: &HsCode) -> bool {
		match self {
			HsScope::Chapter(c) => code.chapter() == *c,
			HsScope::Heading(h) => code.heading() == *h,
		}
	}
}

/// A rule of a customs authority's risk engine. Points may be negative (trust lowers the score).
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
pub enum RiskRule {
	/// A line's goods are in `scope` (and, if given, originate in `origin`).
	Commodity {
		/// The goods.
		scope: HsScope,
		/// The origin, or any.
		origin: Option<CountryCode>,
		/// Points added.
		points: i32,
	},
	/// The declaration's total customs value is above `value` (settlement units).
	ValueAbove {
		/// The threshold.
		value: u128,
		/// Points added.
		points: i32,
	},
	/// The declarant holds an AEO status including `kind` as this country recognises it.
	Aeo {
		/// The kind that must be included (AEO-F includes both).
		kind: AeoKind,
		/// Points added (usually negative).
		points: i32,
	},
	/// The declarant has had no declaration released by this authority.
	UnknownDeclarant {
		/// Points added.
		points: i32,
	},
	/// A valid preferential certificate of origin is linked.
	PreferentialCertificate {
		/// Points added (usually negative).
		points: i32,
	},
	/// The linked export declaration's value or quantity differs beyond the tolerance.
	MirrorMismatch {
		/// Points added.
		points: i32,
	},
}

/// A customs authority's risk engine and payment settings.
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
pub struct RuleSet<Rules> {
	/// The rules (a bounded list of [`RiskRule`]).
	pub rules: Rules,
	/// From this score on, the channel is yellow (documentary check).
	pub yellow_from: i32,
	/// From this score on, the channel is red (physical inspection).
	pub red_from: i32,
	/// Declarations not already red are sent to red at random at this rate, per thousand.
	pub random_per_mille: u16,
	/// Declarants holding an AEO status including this kind pay duties later (deferred).
	pub deferred_payment_for: Option<AeoKind>,
	/// The mirror check's tolerance, in basis points of the export declaration's figures.
	pub mirror_tolerance_bp: u32,
}

/// The channel a declaration is sent to.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Channel {
	/// Release without control.
	Green,
	/// Documentary check.
	Yellow,
	/// Physical inspection.
	Red,
}

/// The random selection of a declaration.
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
pub enum Selection {
	/// Drawn at the start of the next block (see the pallet docs).
	Pending,
	/// Not selected (or not subject to selection).
	NotSelected,
	/// Selected: sent to red.
	Selected,
}

/// The outcome of the mirror check between an import and the exporting country's export.
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
pub struct MirrorCheck {
	/// The export declaration.
	pub export: DeclarationId,
	/// How far the total value differs, in basis points of the export's.
	pub value_diff_bp: u32,
	/// How far the total quantity differs, in basis points of the export's.
	pub quantity_diff_bp: u32,
	/// Whether both are within the importing authority's tolerance.
	pub matched: bool,
}

/// The risk engine's explainable result.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Assessment<Rules> {
	/// The sum of the points of the rules that fired.
	pub score: i32,
	/// The channel: from the score, or red by random selection.
	pub channel: Channel,
	/// The rules that fired (copies, so later rule changes do not rewrite history).
	pub fired: Rules,
	/// The random selection.
	pub selection: Selection,
	/// The mirror check, when an export declaration is linked.
	pub mirror: Option<MirrorCheck>,
}

/// The duty on one line.
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
pub struct LineDuty<Balance> {
	/// The ad valorem rate applied, in basis points.
	pub rate_bp: u32,
	/// The specific amount per unit applied.
	pub per_unit: Balance,
	/// Whether the preferential rate of the certificate's agreement was applied.
	pub preferential: bool,
	/// The duty.
	pub amount: Balance,
}

/// A control recorded by an officer.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Control<AccountId> {
	/// Documentary check or physical inspection.
	pub kind: ControlKind,
	/// The officer.
	pub officer: AccountId,
	/// The hash of the report.
	pub report: DocumentHash,
	/// Whether the goods and documents were found in order.
	pub satisfactory: bool,
	/// When (milliseconds since the Unix epoch).
	pub at: u64,
}

/// The kind of a control.
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
pub enum ControlKind {
	/// A check of the documents (yellow channel).
	Documentary,
	/// A physical inspection of the goods (red channel; it also covers the documents).
	Physical,
}

/// Whether the duty was settled.
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
pub enum Payment {
	/// No duty is due.
	NotDue,
	/// The duty is due.
	Due,
	/// Paid into the country's treasury.
	Paid {
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// Deferred at release (an AEO granted deferred payment); settled through payments.
	Deferred,
}

/// Where a declaration stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Stage<Reason> {
	/// Lodged, awaiting controls, payment or decision.
	Lodged,
	/// Held by customs.
	Held {
		/// Why.
		reason: Reason,
	},
	/// Released for the procedure.
	Released {
		/// When (milliseconds since the Unix epoch).
		at: u64,
	},
	/// Rejected by customs.
	Rejected {
		/// Why.
		reason: Reason,
	},
	/// Withdrawn by the declarant.
	Withdrawn,
}

impl<Reason> Stage<Reason> {
	/// Whether no more decision can be taken.
	pub fn is_final(&self) -> bool {
		matches!(self, Stage::Released { .. } | Stage::Rejected { .. } | Stage::Withdrawn)
	}
}

/// A declaration.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Declaration<AccountId, Balance, Details, Rules, Duties, Reason> {
	/// The operator for whom the goods are declared (importer or exporter).
	pub declarant: AccountId,
	/// Who lodged it: the declarant or a broker it authorised.
	pub lodged_by: AccountId,
	/// The office's country, whose customs decides.
	pub country: CountryCode,
	/// What was declared.
	pub details: Details,
	/// When it was lodged (milliseconds since the Unix epoch).
	pub lodged_at: u64,
	/// The risk engine's result.
	pub assessment: Assessment<Rules>,
	/// The duty per line (a bounded list of [`LineDuty`]).
	pub duties: Duties,
	/// The total duty.
	pub duty: Balance,
	/// The agreement whose preferential rates applied, from the linked certificate.
	pub agreement: Option<AgreementCode>,
	/// The origin the preferential certificate certifies (preferential rates apply to its lines).
	pub preferential_origin: Option<CountryCode>,
	/// Whether the duty was settled.
	pub payment: Payment,
	/// The documentary check, if recorded.
	pub documentary_check: Option<Control<AccountId>>,
	/// The physical inspection, if recorded.
	pub inspection: Option<Control<AccountId>>,
	/// Where it stands.
	pub stage: Stage<Reason>,
}

/// A tariff line of an authority: the duty rates of one HS heading.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct TariffLine<Balance, Preferences> {
	/// The most-favoured-nation ad valorem rate, in basis points.
	pub mfn_bp: u32,
	/// An additional specific duty per unit of quantity.
	pub per_unit: Balance,
	/// Preferential ad valorem rates by trade agreement (a bounded list of
	/// `(AgreementCode, basis points)`).
	pub preferential: Preferences,
}

/// Release times are counted in these buckets: up to 1 minute, 5, 15 minutes, 1, 2, 4, 8 hours,
/// 1, 2, 4, 7 days, and longer.
pub const RELEASE_BUCKETS_MS: [u64; 11] = [
	60_000,
	300_000,
	900_000,
	3_600_000,
	7_200_000,
	14_400_000,
	28_800_000,
	86_400_000,
	172_800_000,
	345_600_000,
	604_800_000,
];

/// Counters of one customs office.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct OfficeStats<Balance> {
	/// Declarations lodged.
	pub lodged: u32,
	/// Declarations currently in each channel: green, yellow, red.
	pub channels: [u32; 3],
	/// Declarations released.
	pub released: u32,
	/// Declarations rejected.
	pub rejected: u32,
	/// The sum of the times from lodging to release, in milliseconds.
	pub release_time_total_ms: u64,
	/// Releases per time bucket ([`RELEASE_BUCKETS_MS`], then longer).
	pub release_time_buckets: [u32; 12],
	/// Duty paid or deferred on released declarations.
	pub duty_collected: Balance,
}

/// Statistics for a dashboard (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Statistics<Balance> {
	/// The counters.
	pub counters: OfficeStats<Balance>,
	/// The share of each channel (green, yellow, red) among lodged declarations, in per mille.
	pub channel_share_per_mille: [u32; 3],
	/// The mean time from lodging to release, in milliseconds.
	pub mean_release_ms: Option<u64>,
	/// The median, as the upper bound of its bucket (`u64::MAX`: the last, open bucket).
	pub p50_release_ms: Option<u64>,
	/// The 90th percentile, as the upper bound of its bucket.
	pub p90_release_ms: Option<u64>,
}

/// The items of an explanation, for readers that do not decode the rules themselves.
pub type Explanation = Vec<RiskRule>;

/// How a declaration of the genesis state (demo data) ends up.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GenesisOutcome<AccountId> {
	/// Left lodged.
	Lodged,
	/// Held by `officer`.
	Held {
		/// The customs officer.
		officer: AccountId,
		/// Why.
		reason: Vec<u8>,
	},
	/// Inspected, duty paid by the lodger, and released by `officer`.
	Released {
		/// The customs officer.
		officer: AccountId,
	},
	/// Rejected by `officer`.
	Rejected {
		/// The customs officer.
		officer: AccountId,
		/// Why.
		reason: Vec<u8>,
	},
	/// Withdrawn by the lodger.
	Withdrawn,
}
