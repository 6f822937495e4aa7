//! # Tradechain primitives
//!
//! The vocabulary every Tradechain pallet shares, and the traits by which pallets see each other
//! (no trade pallet depends on another trade pallet's crate).
//!
//! - [`codes`]: validated codes: [`CountryCode`] (ISO 3166-1 alpha-2, assigned codes only),
//!   [`HsCode`] (Harmonized System, 6 to 10 digits), [`Gln`] (GS1 Global Location Number, check
//!   digit verified), [`UnLocode`] (UN/LOCODE), [`OperatorId`] (EORI/TIN style) and
//!   [`DocumentHash`] (BLAKE2-256 of a document's canonical bytes). Each rejects bad input with a
//!   [`CodeError`], from text and from SCALE alike, and never panics.
//! - [`deposit`]: [`Deposit`], the record of a deposit held for a user-created record.
//! - [`payments`]: the conditions an escrow waits on ([`DeclarationStatus`],
//!   [`ConsignmentReceipts`], [`TransferableDocuments`]) and [`DutyPayment`] for customs.
//! - [`roles`]: agencies and operators, by country.
//! - [`trade`]: certificates of origin and AEO status as customs sees them
//!   ([`CertificateProvider`], [`AeoStatusProvider`]), and Merkle proofs of batch-issued
//!   certificates ([`batch_root`], [`batch_proof`], [`verify_batch_proof`]).
//! - [`time`]: [`unix_millis`], the time every trade pallet reads.
//! - [`traits`]: [`RoleProvider`] and the [`EnsureRole`] origin built on it, identity judgements,
//!   encryption keys.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod codes;
pub mod deposit;
pub mod payments;
pub mod roles;
pub mod time;
pub mod trade;
pub mod traits;

pub use codes::{
	document_hash, AgreementCode, CodeError, CountryCode, CurrencyCode, DocumentHash, Gln, HsCode,
	OperatorId, UnLocode, UnitCode,
};
pub use deposit::Deposit;
pub use payments::{
	ConsignmentReceipts, DeclarationId, DeclarationStatus, DutyPayment, ItemRef, Location,
	TransferableDocuments,
};
pub use roles::{AgencyKind, OperatorKind, Role};
pub use time::unix_millis;
#[cfg(feature = "runtime-benchmarks")]
pub use time::BenchmarkTime;
pub use trade::{
	batch_proof, batch_root, verify_batch_proof, AeoKind, AeoStatusProvider, BatchProof,
	CertificateProvider, CertificateUnusable, UsableCertificate,
};
pub use traits::{
	EncryptionKeyProvider, EnsureRole, IdentityVerifier, RoleProvider, X25519PublicKey,
};
