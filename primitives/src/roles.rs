//! Who acts on Tradechain: agencies appointed by governance, and operators registered by their
//! country's customs authority. Every role is held for one country.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A government agency's function.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum AgencyKind {
	/// Customs administration: registers operators, clears goods, certifies AEOs.
	CustomsAuthority,
	/// Accredited issuer of certificates of origin (e.g. a chamber of commerce).
	OriginIssuer,
	/// Trade ministry: maintains trade agreements.
	TradeMinistry,
	/// Port authority.
	PortAuthority,
}

/// A non-government participant's function.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum OperatorKind {
	/// An economic operator (trader, manufacturer, broker) with a national operator id.
	EconomicOperator,
	/// A carrier: issues transport documents such as bills of lading.
	Carrier,
	/// A bank: finances trade, approves payment conditions.
	Bank,
	/// An arbiter: settles payment disputes.
	Arbiter,
}

/// A role on the network; held by an account for one country.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// An agency, appointed by governance.
	Agency(AgencyKind),
	/// An operator, registered by its country's customs authority.
	Operator(OperatorKind),
}

impl Role {
	/// The customs authority role.
	pub const CUSTOMS: Role = Role::Agency(AgencyKind::CustomsAuthority);
	/// The origin issuer role.
	pub const ORIGIN_ISSUER: Role = Role::Agency(AgencyKind::OriginIssuer);
	/// The trade ministry role.
	pub const TRADE_MINISTRY: Role = Role::Agency(AgencyKind::TradeMinistry);
	/// The port authority role.
	pub const PORT_AUTHORITY: Role = Role::Agency(AgencyKind::PortAuthority);
	/// The economic operator role.
	pub const ECONOMIC_OPERATOR: Role = Role::Operator(OperatorKind::EconomicOperator);
	/// The carrier role.
	pub const CARRIER: Role = Role::Operator(OperatorKind::Carrier);
	/// The bank role.
	pub const BANK: Role = Role::Operator(OperatorKind::Bank);
	/// The arbiter role.
	pub const ARBITER: Role = Role::Operator(OperatorKind::Arbiter);

	/// Whether governance appoints this role (agencies) rather than customs (operators).
	pub fn is_agency(&self) -> bool {
		matches!(self, Role::Agency(_))
	}
}
