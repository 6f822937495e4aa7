//! Reads for verification portals, customs and dashboards.

use codec::Codec;
use tradechain_primitives::{BatchProof, DocumentHash};

use crate::{CertificateInfo, CertificateStatus};

sp_api::decl_runtime_apis! {
	/// Certificates of origin.
	pub trait CertificatesApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The status now of the certificate whose document hashes to `hash`: issued, accepted,
		/// used, rejected, replaced by another, revoked, expired, or unknown.
		fn certificate_status(hash: DocumentHash) -> CertificateStatus;
		/// The certificate under `hash`, with its status. `None`: unknown hash.
		fn certificate(hash: DocumentHash) -> Option<CertificateInfo<AccountId>>;
		/// The status of the certificate `hash` in the batch `root`, shown by `proof`: issued,
		/// revoked or expired; unknown if the batch is unknown or the proof fails.
		fn batch_certificate_status(
			root: DocumentHash,
			hash: DocumentHash,
			proof: BatchProof,
		) -> CertificateStatus;
	}
}
