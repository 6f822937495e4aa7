//! `tradechain verify <file>`: is this file anchored on the chain, and as what?

use std::path::PathBuf;

use clap::Args;
use serde_json::json;
use subxt::utils::H256;

use crate::{
	args,
	chain::tradechain,
	cmd::origin::{chain_proof, read_leaves},
	error::{Context, Error, Result},
	json::hex,
	Ctx,
};

/// Hashes a file (BLAKE2-256) and looks it up as an anchored document and as a certificate of
/// origin; with `--batch-root` and `--leaves`, as a certificate of an anchored batch: its Merkle
/// proof is built from the leaves and checked locally and on chain. Exits non-zero when the file
/// is none of these.
#[derive(Args)]
pub struct Verify {
	/// The file.
	file: PathBuf,
	/// The Merkle root of a certificate batch the file may belong to.
	#[arg(long, value_parser = args::hash, requires = "leaves")]
	batch_root: Option<H256>,
	/// The batch's leaves: the CSV given to `origin issue-batch`, or a file of 0x hashes.
	#[arg(long, requires = "batch_root")]
	leaves: Option<PathBuf>,
}

impl Verify {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let bytes =
			std::fs::read(&self.file).ctx(&format!("cannot read {}", self.file.display()))?;
		let leaf = tradechain_primitives::document_hash(&bytes);
		let hash = H256(leaf.0);
		// The local part first: a bad leaves file fails before any connection.
		let batch = match (&self.batch_root, &self.leaves) {
			(Some(root), Some(path)) => {
				let leaves = read_leaves(path)?;
				let index = leaves.iter().position(|l| *l == leaf).ok_or_else(|| {
					Error::new(format!(
						"{} ({}) is not among the leaves in {}",
						self.file.display(),
						hex(&leaf.0),
						path.display()
					))
				})?;
				let proof = tradechain_primitives::batch_proof(&leaves, index as u32)
					.ok_or_else(|| Error::new("the batch is too large for a proof"))?;
				let local =
					tradechain_primitives::verify_batch_proof(&root.0.into(), &leaf, &proof);
				Some((*root, proof, local))
			}
			_ => None,
		};
		let chain = ctx.chain().await?;
		let document =
			chain.read(tradechain::runtime_apis().documents_api().document(hash)).await?;
		let certificates = tradechain::runtime_apis().certificates_api();
		let certificate = chain.read(certificates.certificate_status(hash)).await?;
		let mut found = !document.is_null() || certificate != json!("Unknown");
		let mut out = json!({
			"file": self.file.display().to_string(),
			"hash": hex(&leaf.0),
			"document": document,
			"certificate": certificate,
		});
		if let Some((root, proof, local)) = batch {
			let status = chain
				.read(certificates.batch_certificate_status(root, hash, chain_proof(&proof)))
				.await?;
			let on_chain = status != json!("Unknown");
			found |= local && on_chain;
			out["batch"] = json!({
				"root": hex(&root.0),
				"leafIndex": proof.leaf_index,
				"numberOfLeaves": proof.number_of_leaves,
				"proofValidLocally": local,
				"status": status,
			});
		}
		ctx.print(&out);
		if !found {
			return Err(Error::new(format!(
				"{} ({}) is not anchored: no document, certificate or batch certificate",
				self.file.display(),
				hex(&leaf.0)
			)));
		}
		Ok(())
	}
}
