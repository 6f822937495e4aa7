//! What the trade pallets tell each other about certificates of origin and Authorized Economic
//! Operators, and the Merkle proofs of batch-issued certificates.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

use crate::{AgreementCode, CountryCode, DocumentHash};

/// The kind of an Authorized Economic Operator certificate (WCO SAFE Framework, EU UCC art. 38).
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
pub enum AeoKind {
	/// AEO-C: customs simplifications.
	Simplifications,
	/// AEO-S: security and safety.
	Security,
	/// AEO-F: both (full).
	Full,
}

impl AeoKind {
	/// What `self` amounts to where only `covered` is recognised, e.g. an AEO-F seen under a
	/// mutual recognition agreement that covers security only is an AEO-S there; an AEO-C under
	/// that agreement is nothing.
	pub fn within(self, covered: AeoKind) -> Option<AeoKind> {
		use AeoKind::*;
		match (self, covered) {
			(Full, other) | (other, Full) => Some(other),
			(a, b) if a == b => Some(a),
			_ => None,
		}
	}

	/// Whether `self` includes customs simplifications (AEO-C or AEO-F).
	pub fn has_simplifications(self) -> bool {
		matches!(self, AeoKind::Simplifications | AeoKind::Full)
	}

	/// Whether `self` includes security and safety (AEO-S or AEO-F).
	pub fn has_security(self) -> bool {
		matches!(self, AeoKind::Security | AeoKind::Full)
	}
}

/// A certificate of origin that customs may rely on for one import.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct UsableCertificate {
	/// The country of origin it certifies.
	pub origin: CountryCode,
	/// The trade agreement under which it claims preference; `None`: non-preferential.
	pub agreement: Option<AgreementCode>,
	/// Valid until (milliseconds since the Unix epoch).
	pub valid_until: u64,
}

/// Why customs may not rely on a certificate of origin.
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
pub enum CertificateUnusable {
	/// No certificate has this hash.
	Unknown,
	/// It was replaced by an amendment, revoked, or rejected.
	NotValid,
	/// Its validity ended.
	Expired,
	/// It is preferential and was already used for an import.
	AlreadyUsed,
	/// It names another consignee.
	OtherImporter,
	/// It names another destination country.
	OtherDestination,
}

/// Certificates of origin, as customs sees them (the certificates-of-origin pallet).
pub trait CertificateProvider<AccountId> {
	/// The certificate under `hash`, if `importer` may rely on it now to import into
	/// `destination`.
	fn usable(
		hash: &DocumentHash,
		importer: &AccountId,
		destination: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable>;

	/// Records that the customs of `destination` accepted the certificate for an import; a
	/// preferential one cannot be used again. Checks what [`Self::usable`] checks.
	fn mark_used(
		hash: &DocumentHash,
		importer: &AccountId,
		destination: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable>;

	/// Makes a certificate under `hash` from KE usable by `importer` into `destination`,
	/// preferential under `agreement` if given, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_usable_for_benchmarks(
		hash: &DocumentHash,
		importer: &AccountId,
		destination: CountryCode,
		agreement: Option<AgreementCode>,
	);
}

/// No certificates exist.
impl<AccountId> CertificateProvider<AccountId> for () {
	fn usable(
		_: &DocumentHash,
		_: &AccountId,
		_: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable> {
		Err(CertificateUnusable::Unknown)
	}
	fn mark_used(
		_: &DocumentHash,
		_: &AccountId,
		_: CountryCode,
	) -> Result<UsableCertificate, CertificateUnusable> {
		Err(CertificateUnusable::Unknown)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn make_usable_for_benchmarks(
		_: &DocumentHash,
		_: &AccountId,
		_: CountryCode,
		_: Option<AgreementCode>,
	) {
	}
}

/// AEO status as recognised by a country (the AEO pallet).
pub trait AeoStatusProvider<AccountId> {
	/// The AEO kind `who` holds as `seen_from` recognises it: its own customs' certificate while
	/// valid and not suspended, or a foreign one under a mutual recognition agreement in force,
	/// narrowed to the kinds that agreement covers. `None`: not an AEO there.
	fn recognised_kind(who: &AccountId, seen_from: CountryCode) -> Option<AeoKind>;

	/// Makes `who` an AEO of `kind` certified by `country`, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn certify_for_benchmarks(who: &AccountId, country: CountryCode, kind: AeoKind);
}

/// Nobody is an AEO.
impl<AccountId> AeoStatusProvider<AccountId> for () {
	fn recognised_kind(_: &AccountId, _: CountryCode) -> Option<AeoKind> {
		None
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn certify_for_benchmarks(_: &AccountId, _: CountryCode, _: AeoKind) {}
}

/// The most proof items: a batch has at most 2^32 leaves.
pub type MaxProofItems = ConstU32<32>;

/// A proof that a certificate hash is a leaf of a batch's Merkle root.
///
/// The tree is polkadot-sdk's `binary-merkle-tree` over BLAKE2-256: a leaf node is the hash of the
/// 32-byte certificate hash, an inner node the hash of its two 32-byte children. Leaf and inner
/// inputs differ in length (32 and 64 bytes), so no inner node can pass for a leaf.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct BatchProof {
	/// The leaf's position in the batch (0-based).
	pub leaf_index: u32,
	/// How many leaves the batch has.
	pub number_of_leaves: u32,
	/// The sibling hashes from the leaf up to (not including) the root.
	pub items: BoundedVec<DocumentHash, MaxProofItems>,
}

/// The Merkle root of a batch of certificate hashes, in order. Zero for an empty batch.
pub fn batch_root(leaves: &[DocumentHash]) -> DocumentHash {
	binary_merkle_tree::merkle_root::<BlakeTwo256, _>(leaves.iter().map(|l| l.as_bytes()))
}

/// The proof for the leaf at `index` of `leaves`; `None` if `index` is out of range or the batch
/// is too large.
pub fn batch_proof(leaves: &[DocumentHash], index: u32) -> Option<BatchProof> {
	let number_of_leaves = u32::try_from(leaves.len()).ok()?;
	if index >= number_of_leaves {
		return None;
	}
	let proof = binary_merkle_tree::merkle_proof::<BlakeTwo256, _, _>(
		leaves.iter().map(|l| l.as_bytes()),
		index,
	);
	Some(BatchProof {
		leaf_index: index,
		number_of_leaves,
		items: BoundedVec::try_from(proof.proof).ok()?,
	})
}

/// Whether `proof` shows that `leaf` is in the batch with Merkle root `root`.
pub fn verify_batch_proof(root: &DocumentHash, leaf: &DocumentHash, proof: &BatchProof) -> bool {
	binary_merkle_tree::verify_proof::<BlakeTwo256, _, _>(
		root,
		proof.items.iter().copied(),
		proof.number_of_leaves,
		proof.leaf_index,
		&leaf.as_bytes(),
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::document_hash;

	fn leaves(n: u32) -> alloc::vec::Vec<DocumentHash> {
		(0..n).map(|i| document_hash(&i.to_le_bytes())).collect()
	}

	#[test]
	fn aeo_kinds_narrow_under_an_agreement() {
		use AeoKind::*;
		assert_eq!(Full.within(Security), Some(Security));
		assert_eq!(Full.within(Full), Some(Full));
		assert_eq!(Security.within(Full), Some(Security));
		assert_eq!(Simplifications.within(Simplifications), Some(Simplifications));
		assert_eq!(Simplifications.within(Security), None);
		assert_eq!(Security.within(Simplifications), None);
	}

	#[test]
	fn every_leaf_proves_and_nothing_else_does() {
		for n in [1u32, 2, 3, 7, 8, 33] {
			let leaves = leaves(n);
			let root = batch_root(&leaves);
			for i in 0..n {
				let proof = batch_proof(&leaves, i).expect("in range");
				assert!(verify_batch_proof(&root, &leaves[i as usize], &proof), "{n} leaves, #{i}");
				// Another leaf, another position or a changed item fails.
				assert!(!verify_batch_proof(&root, &document_hash(b"forged"), &proof));
				if n > 1 {
					let other = BatchProof { leaf_index: (i + 1) % n, ..proof.clone() };
					assert!(!verify_batch_proof(&root, &leaves[i as usize], &other));
					let mut tampered = proof.clone();
					tampered.items[0].0[0] ^= 1;
					assert!(!verify_batch_proof(&root, &leaves[i as usize], &tampered));
				}
			}
			assert_eq!(batch_proof(&leaves, n), None);
		}
	}

	#[test]
	fn a_proof_names_its_batch_size() {
		let leaves = leaves(5);
		let root = batch_root(&leaves);
		let proof = batch_proof(&leaves, 4).unwrap();
		let wrong_size = BatchProof { number_of_leaves: 4, ..proof.clone() };
		assert!(!verify_batch_proof(&root, &leaves[4], &wrong_size));
		assert!(verify_batch_proof(&root, &leaves[4], &proof));
	}
}
