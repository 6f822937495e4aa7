//! The trade pallets and pallet-identity: how roles, documents, certificates of origin, the AEO
//! registry, customs, traceability and payments are wired to balances, identity, time and each
//! other.
//!
//! The wiring is `tradechain-runtime-common`'s, shared with the parachain runtime so that the two
//! cannot drift apart; this runtime chooses only who governs (two thirds of the agency council,
//! or sudo on development chains).

use crate::{
	configs::governance::GovernanceOrigin, Aeo, Balances, CertificatesOfOrigin, Customs, Documents,
	Payments, Roles, Runtime, RuntimeEvent, RuntimeHoldReason, Signature, Timestamp, Traceability,
	DAYS,
};

tradechain_runtime_common::impl_trade_pallets!(governance_origin = GovernanceOrigin);
