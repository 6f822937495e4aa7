//! Records of the traceability pallet: EPC identifiers, EPCIS 2.0 events with the Core Business
//! Vocabulary, custody, condition rules.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, Input, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
pub use tradechain_primitives::Deposit;
use tradechain_primitives::{DocumentHash, ItemRef, Location, UnitCode};

/// An EPC pure-identity URI (EPC Tag Data Standard), at most 128 characters: an SGTIN (a trade
/// item instance), an SSCC (a logistic unit: pallet, container), a GRAI (a returnable asset) or an
/// LGTIN (a lot). Validated on decoding, so no invalid EPC is ever stored.
#[derive(Clone, PartialEq, Eq, Debug, Encode, MaxEncodedLen, TypeInfo)]
pub struct Epc(BoundedVec<u8, ConstU32<128>>);

/// What an EPC identifies.
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
pub enum EpcKind {
	/// `urn:epc:id:sgtin:` — one trade item.
	TradeItem,
	/// `urn:epc:id:sscc:` — a logistic unit (pallet, container, consignment).
	LogisticUnit,
	/// `urn:epc:id:grai:` — a returnable asset.
	ReturnableAsset,
	/// `urn:epc:class:lgtin:` — a lot (batch) of a trade item.
	Lot,
}

const SCHEMES: [(&[u8], EpcKind); 4] = [
	(b"urn:epc:id:sgtin:", EpcKind::TradeItem),
	(b"urn:epc:id:sscc:", EpcKind::LogisticUnit),
	(b"urn:epc:id:grai:", EpcKind::ReturnableAsset),
	(b"urn:epc:class:lgtin:", EpcKind::Lot),
];

impl Epc {
	/// Checks the scheme prefix and that the rest is non-empty printable ASCII without spaces.
	pub fn parse(bytes: &[u8]) -> Option<Self> {
		let (prefix, _) = SCHEMES.iter().find(|(p, _)| bytes.starts_with(p))?;
		let rest = &bytes[prefix.len()..];
		if rest.is_empty() || !rest.iter().all(|c| c.is_ascii_graphic()) {
			return None;
		}
		BoundedVec::try_from(bytes.to_vec()).ok().map(Epc)
	}

	/// What it identifies.
	pub fn kind(&self) -> EpcKind {
		SCHEMES
			.iter()
			.find(|(p, _)| self.0.starts_with(p))
			.map(|(_, k)| *k)
			// Every stored EPC passed `parse`.
			.unwrap_or(EpcKind::TradeItem)
	}

	/// The URI.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// The item's key: the BLAKE2-256 hash of the URI.
	pub fn item_ref(&self) -> ItemRef {
		tradechain_primitives::document_hash(&self.0)
	}
}

impl Decode for Epc {
	fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
		let raw = BoundedVec::<u8, ConstU32<128>>::decode(input)?;
		Epc::parse(&raw).ok_or_else(|| "invalid EPC URI".into())
	}
}
impl DecodeWithMemTracking for Epc {}

/// The URI as a JSON string (genesis presets).
impl serde::Serialize for Epc {
	fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		// Every stored EPC is ASCII (see `parse`).
		s.serialize_str(core::str::from_utf8(&self.0).unwrap_or_default())
	}
}

impl<'de> serde::Deserialize<'de> for Epc {
	fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		let text = alloc::string::String::deserialize(d)?;
		Epc::parse(text.as_bytes())
			.ok_or_else(|| serde::de::Error::custom("not an SGTIN, SSCC, GRAI or LGTIN EPC URI"))
	}
}

/// The EPCIS action of an object, aggregation, transaction or association event.
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
pub enum Action {
	/// The items come into being, or are added (packed) to the parent.
	Add,
	/// The items were seen.
	Observe,
	/// The items cease to exist, or are removed (unpacked) from the parent.
	Delete,
}

/// A business step of the GS1 Core Business Vocabulary (a subset).
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
pub enum BizStep {
	/// `commissioning`
	Commissioning,
	/// `packing`
	Packing,
	/// `unpacking`
	Unpacking,
	/// `loading`
	Loading,
	/// `shipping`
	Shipping,
	/// `departing`
	Departing,
	/// `arriving`
	Arriving,
	/// `receiving`
	Receiving,
	/// `storing`
	Storing,
	/// `inspecting`
	Inspecting,
	/// `transforming`
	Transforming,
	/// `sensor_reporting`
	SensorReporting,
	/// `decommissioning`
	Decommissioning,
}

/// A disposition of the GS1 Core Business Vocabulary (a subset).
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
pub enum Disposition {
	/// `active`
	Active,
	/// `in_progress`
	InProgress,
	/// `in_transit`
	InTransit,
	/// `sellable_accessible`
	SellableAccessible,
	/// `damaged`
	Damaged,
	/// `expired`
	Expired,
	/// `recalled`
	Recalled,
	/// `destroyed`
	Destroyed,
}

/// What a sensor measured.
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
pub enum SensorKind {
	/// Temperature, in thousandths of a degree Celsius (`gs1:Temperature`, `CEL`).
	Temperature,
	/// Relative humidity, in thousandths of a percent (`gs1:Humidity`, `A93`).
	RelativeHumidity,
}

/// A summary of sensor readings over the event's period.
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
pub struct SensorSummary {
	/// What was measured.
	pub kind: SensorKind,
	/// The lowest reading, in thousandths of the unit.
	pub min: i32,
	/// The highest reading.
	pub max: i32,
	/// The mean reading.
	pub mean: i32,
	/// The UN/ECE unit code (`CEL`, `A93`).
	pub unit: UnitCode,
}

/// An item's condition rules: ranges its readings must stay in, and its expiry.
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
pub struct ConditionRules {
	/// Allowed temperature range, in thousandths of a degree Celsius.
	pub temperature: Option<(i32, i32)>,
	/// Allowed relative humidity range, in thousandths of a percent.
	pub humidity: Option<(i32, i32)>,
	/// Best before / expiry (milliseconds since the Unix epoch).
	pub expires_at: Option<u64>,
}

impl ConditionRules {
	/// Whether `sensor` leaves the allowed range.
	pub fn breached_by(&self, sensor: &SensorSummary) -> bool {
		let range = match sensor.kind {
			SensorKind::Temperature => self.temperature,
			SensorKind::RelativeHumidity => self.humidity,
		};
		range.is_some_and(|(lo, hi)| sensor.min < lo || sensor.max > hi)
	}
}

/// A business transaction type of the GS1 Core Business Vocabulary.
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
pub enum BizTransactionType {
	/// `bol`: a bill of lading.
	Bol,
	/// `cert`: a certificate (e.g. of origin).
	Cert,
	/// `desadv`: a despatch advice.
	Desadv,
	/// `inv`: an invoice.
	Inv,
	/// `po`: a purchase order.
	Po,
	/// `poc`: a purchase order confirmation.
	Poc,
	/// `prodorder`: a production order.
	Prodorder,
	/// `recadv`: a receiving advice.
	Recadv,
	/// `rma`: a return merchandise authorisation.
	Rma,
}

/// A business document an event refers to: its CBV type and its hash (as anchored by the
/// documents pallet).
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
pub struct BizTransaction {
	/// What kind of document.
	pub kind: BizTransactionType,
	/// Its BLAKE2-256 hash.
	pub document: DocumentHash,
}

/// What an event records, by EPCIS 2.0 event type.
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
pub enum EventKind<Items, NewItems> {
	/// ObjectEvent: `items` were added (commissioned), observed or deleted.
	Object {
		/// ADD, OBSERVE or DELETE.
		action: Action,
		/// The items.
		items: Items,
	},
	/// AggregationEvent: `children` were packed into (ADD) or unpacked from (DELETE) `parent`, or
	/// observed in it.
	Aggregation {
		/// ADD, OBSERVE or DELETE.
		action: Action,
		/// The logistic unit.
		parent: ItemRef,
		/// The contents.
		children: Items,
	},
	/// TransformationEvent: `inputs` were consumed to make `outputs`, new items of the caller.
	Transformation {
		/// Consumed items.
		inputs: Items,
		/// Created items (their EPCs).
		outputs: NewItems,
	},
	/// TransactionEvent: `items` were associated with (ADD) or dissociated from (DELETE) a
	/// business document.
	Transaction {
		/// ADD, OBSERVE or DELETE.
		action: Action,
		/// The business document (purchase order, invoice, bill of lading).
		document: BizTransaction,
		/// The items.
		items: Items,
	},
	/// AssociationEvent: `children` (e.g. a sensor device) were associated with `parent`.
	Association {
		/// ADD, OBSERVE or DELETE.
		action: Action,
		/// The parent.
		parent: ItemRef,
		/// The associated items.
		children: Items,
	},
}

/// The "when, where, why" of an event.
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
pub struct EventContext<References> {
	/// The EPCIS event hash ID (`ni:///sha-256;…`): the SHA-256 digest of the event's canonical
	/// form (GS1 CBV 2.0 algorithm), computed by the recorder's client.
	pub event_id: DocumentHash,
	/// When it happened (milliseconds since the Unix epoch).
	pub event_time: u64,
	/// The recorder's time-zone offset from UTC, in minutes.
	pub time_zone_offset_minutes: i16,
	/// The business step.
	pub biz_step: BizStep,
	/// The disposition afterwards.
	pub disposition: Disposition,
	/// Where it was read.
	pub read_point: Option<Location>,
	/// Where the goods are afterwards.
	pub biz_location: Option<Location>,
	/// Business transaction references: typed documents, by hash.
	pub biz_transactions: References,
	/// A summary of sensor readings.
	pub sensor: Option<SensorSummary>,
}

/// A recorded event.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct EventRecord<AccountId, BlockNumber, Kind, Context, Links> {
	/// What happened.
	pub kind: Kind,
	/// When, where, why.
	pub context: Context,
	/// For each item the event touched (those it names, the parent first, then a
	/// transformation's outputs), the item's previous event: each item's history is a chain
	/// from its last event back to its first.
	pub previous: Links,
	/// Who recorded it.
	pub recorded_by: AccountId,
	/// The block it was recorded in.
	pub block: BlockNumber,
	/// Whether its sensor summary broke an item's condition rules.
	pub breach: bool,
}

/// Where an item stands.
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
pub enum ItemState {
	/// In existence.
	Active,
	/// Deleted (decommissioned, destroyed).
	Deleted,
	/// Consumed by a transformation.
	Consumed,
}

/// A traced item.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Item<AccountId, Balance> {
	/// Its EPC URI.
	pub epc: Epc,
	/// Its custodian: the only operator who records events on it (with agencies of the place).
	pub custodian: AccountId,
	/// A pending custody offer to this account.
	pub offered_to: Option<AccountId>,
	/// The logistic unit it is packed in.
	pub parent: Option<ItemRef>,
	/// Active, deleted or consumed.
	pub state: ItemState,
	/// Condition rules.
	pub conditions: Option<ConditionRules>,
	/// How many condition breaches its events raised.
	pub breaches: u32,
	/// How many events it has (its history's length).
	pub events: u32,
	/// Its last event, where its history chain starts.
	pub last_event: Option<DocumentHash>,
	/// Where it was received (`receiving` events at a business location) and when
	/// (milliseconds since the Unix epoch): the first receipt at each place, the most recent
	/// [`MAX_RECEIPTS`] places.
	pub receipts: BoundedVec<(Location, u64), ConstU32<MAX_RECEIPTS>>,
	/// How many times custody passed.
	pub custody_changes: u32,
	/// When it was created (milliseconds since the Unix epoch).
	pub created_at: u64,
	/// The deposit held from its creator.
	pub deposit: Deposit<AccountId, Balance>,
}

/// A custody change.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CustodyChange<AccountId> {
	/// The previous custodian.
	pub from: AccountId,
	/// The new custodian.
	pub to: AccountId,
	/// When (milliseconds since the Unix epoch).
	pub at: u64,
}

/// Bulk readings anchored by Merkle root.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct ReadingsAnchor<AccountId, Balance> {
	/// Who anchored them.
	pub by: AccountId,
	/// The item they concern, if one.
	pub item: Option<ItemRef>,
	/// How many readings.
	pub leaves: u32,
	/// When (milliseconds since the Unix epoch).
	pub at: u64,
	/// The deposit held.
	pub deposit: Deposit<AccountId, Balance>,
}

/// The most places an item's receipts are kept for: enough for a container's transshipments.
pub const MAX_RECEIPTS: u32 = 8;

/// An item as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct ItemInfo<AccountId> {
	/// Its EPC URI.
	pub epc: Vec<u8>,
	/// Its custodian.
	pub custodian: AccountId,
	/// A pending custody offer.
	pub offered_to: Option<AccountId>,
	/// Its logistic unit.
	pub parent: Option<ItemRef>,
	/// Active, deleted or consumed.
	pub state: ItemState,
	/// Whether its expiry date has passed.
	pub expired: bool,
	/// How many breaches its events raised.
	pub breaches: u32,
	/// How many events it has.
	pub events: u32,
	/// Where it was received and when (milliseconds since the Unix epoch).
	pub receipts: Vec<(Location, u64)>,
}
