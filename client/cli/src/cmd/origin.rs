//! `tradechain origin`: certificates of origin, one by one or as Merkle batches.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::{json, Value as Json};
use subxt::utils::{AccountId32, H256};
use tradechain_primitives::DocumentHash;

use crate::{
	args,
	chain::tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_certificates_of_origin::types::{
				CertificateDetails, GoodsLine, OriginCriterion, Preference,
			},
			tradechain_primitives::codes::AgreementCode,
		},
	},
	error::{Context, Error, Result},
	json::hex,
	Ctx,
};

/// Certificates of origin commands. A certificate is given as its document (a file, hashed with
/// BLAKE2-256) or as its hash.
#[derive(Subcommand)]
pub enum Origin {
	/// A certificate's status (CertificatesApi::certificate_status).
	Status {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
	},
	/// A certificate's record (CertificatesApi::certificate).
	Show {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
	},
	/// The status of a certificate of an anchored batch, by its Merkle proof
	/// (CertificatesApi::batch_certificate_status); the proof is built from the batch's leaves.
	BatchStatus {
		/// The batch's Merkle root.
		#[arg(long, value_parser = args::hash)]
		root: H256,
		/// The batch's leaves: a CSV as given to `issue-batch`, or a file of 0x hashes.
		#[arg(long)]
		leaves: PathBuf,
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
	},
	/// Issue a certificate (signed by an origin issuer). The details are a JSON file:
	/// `{"exporter", "consignee", "destination", "goods": [{"hs_code", "description",
	/// "quantity", "unit"}], "preference": "non-preferential" | {"agreement", "criterion"},
	/// "invoice", "valid_until"}`.
	Issue {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
		/// The details (JSON file).
		#[arg(long)]
		details: PathBuf,
	},
	/// Issue an amendment that replaces a certificate (signed by an origin issuer of its
	/// country). The details are a JSON file as for `issue`.
	Replace {
		/// The certificate replaced: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		old: H256,
		/// The amendment: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		new: H256,
		/// The amendment's details (JSON file).
		#[arg(long)]
		details: PathBuf,
	},
	/// Apply for a certificate (signed by the exporter, an economic operator). The details are a
	/// JSON file as for `issue`; the application's id is printed.
	Apply {
		/// The details (JSON file).
		#[arg(long)]
		details: PathBuf,
	},
	/// Withdraw an application, releasing its deposit (signed by the applicant).
	WithdrawApplication {
		/// The application id.
		id: u32,
	},
	/// Issue the certificate an exporter applied for (signed by an origin issuer of its
	/// country).
	ApproveApplication {
		/// The application id.
		id: u32,
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
	},
	/// Reject an application, releasing its deposit (signed by an origin issuer of its country).
	RejectApplication {
		/// The application id.
		id: u32,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Accept a certificate for an import (signed by the destination's customs).
	Accept {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
	},
	/// Reject a certificate (signed by the destination's customs).
	Reject {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Revoke a certificate (signed by its issuer).
	Revoke {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Remove a certificate whose validity ended more than the retention period ago, releasing
	/// its deposit to the issuer (signed by anyone).
	Purge {
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
	},
	/// Anchor a batch by its Merkle root (signed by an origin issuer).
	AnchorBatch {
		/// The Merkle root.
		#[arg(value_parser = args::hash)]
		root: H256,
		/// How many certificates it has.
		#[arg(long)]
		leaves: u32,
		/// Valid until (milliseconds, YYYY-MM-DD or +<days>d).
		#[arg(long, value_parser = args::time)]
		valid_until: u64,
	},
	/// Revoke one certificate of an anchored batch, by its Merkle proof (signed by an origin
	/// issuer of the batch's country); the proof is built from the batch's leaves.
	RevokeBatchCertificate {
		/// The batch's Merkle root.
		#[arg(long, value_parser = args::hash)]
		root: H256,
		/// The batch's leaves: a CSV as given to `issue-batch`, or a file of 0x hashes.
		#[arg(long)]
		leaves: PathBuf,
		/// The certificate: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		certificate: H256,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Remove a batch whose validity ended more than the retention period ago, with its
	/// revocations, releasing its deposit to the issuer (signed by anyone).
	PurgeBatch {
		/// The batch's Merkle root.
		#[arg(value_parser = args::hash)]
		root: H256,
		/// The batch's count of revoked certificates, or more (default: read from the chain).
		#[arg(long)]
		revoked: Option<u32>,
	},
	/// List or update a trade agreement of one's country (signed by a trade ministry).
	SetAgreement {
		/// The agreement's code (e.g. `AFCFTA`, `EU-KE-EPA`).
		#[arg(value_parser = args::agreement)]
		agreement: args::Agreement,
		/// A partner country (repeatable).
		#[arg(long = "partner", value_parser = args::country, required = true)]
		partners: Vec<args::Country>,
	},
	/// Delist a trade agreement of one's country (signed by a trade ministry).
	RemoveAgreement {
		/// The agreement's code.
		#[arg(value_parser = args::agreement)]
		agreement: args::Agreement,
	},
	/// Hash each CSV row's certificate document, anchor them as one Merkle batch and write every
	/// row's proof to a JSON file. Rows: a `file` column (a path, relative to the CSV) names the
	/// document; else a `hash` column gives its hash; else the row's text is the document. A
	/// rerun finds the root anchored, submits nothing and writes the proofs again.
	IssueBatch {
		/// The CSV file (with a header row).
		csv: PathBuf,
		/// Valid until (milliseconds, YYYY-MM-DD or +<days>d).
		#[arg(long, value_parser = args::time)]
		valid_until: u64,
		/// Where to write the proofs (default: `<csv>.proofs.json`).
		#[arg(long)]
		proofs: Option<PathBuf>,
	},
}

impl Origin {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		if let Origin::IssueBatch { csv, valid_until, proofs } = self {
			return issue_batch(ctx, &csv, valid_until, proofs).await;
		}
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().certificates_api();
		let tx = tradechain::transactions().certificates_of_origin();
		let text = |s: String| BoundedVec(s.into_bytes());
		let out = match self {
			Origin::Status { certificate } => {
				chain.read(apis.certificate_status(certificate)).await?
			}
			Origin::Show { certificate } => chain.read(apis.certificate(certificate)).await?,
			Origin::BatchStatus { root, leaves, certificate } => {
				let proof = chain_proof(&leaf_proof(&leaves, certificate)?);
				chain.read(apis.batch_certificate_status(root, certificate, proof)).await?
			}
			Origin::Issue { certificate, details } => {
				let call = tx.issue(certificate, read_details(&details)?);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::Replace { old, new, details } => {
				let call = tx.replace(old, new, read_details(&details)?);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::Apply { details } => {
				let included =
					chain.submit(&tx.apply(read_details(&details)?), &ctx.signer()?).await?;
				let applied = included
					.events
					.find_first::<tradechain::certificates_of_origin::events::Applied>()
					.transpose()
					.ctx("decoding the Applied event")?;
				let mut out = included.summary();
				out["id"] = applied.map(|a| a.id).into();
				out
			}
			Origin::WithdrawApplication { id } => {
				chain.submit(&tx.withdraw_application(id), &ctx.signer()?).await?.summary()
			}
			Origin::ApproveApplication { id, certificate } => {
				let call = tx.approve_application(id, certificate);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::RejectApplication { id, reason } => {
				let call = tx.reject_application(id, text(reason));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::Accept { certificate } => {
				chain.submit(&tx.accept(certificate), &ctx.signer()?).await?.summary()
			}
			Origin::Reject { certificate, reason } => {
				chain.submit(&tx.reject(certificate, text(reason)), &ctx.signer()?).await?.summary()
			}
			Origin::Revoke { certificate, reason } => {
				chain.submit(&tx.revoke(certificate, text(reason)), &ctx.signer()?).await?.summary()
			}
			Origin::Purge { certificate } => {
				chain.submit(&tx.purge(certificate), &ctx.signer()?).await?.summary()
			}
			Origin::AnchorBatch { root, leaves, valid_until } => {
				let call = tx.anchor_batch(root, leaves, valid_until);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::RevokeBatchCertificate { root, leaves, certificate, reason } => {
				let proof = chain_proof(&leaf_proof(&leaves, certificate)?);
				let call = tx.revoke_batch_certificate(root, certificate, proof, text(reason));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::PurgeBatch { root, revoked } => {
				let revoked = match revoked {
					Some(n) => n,
					None => {
						// The witness the chain checks: the batch's count of revocations.
						let at = chain.at().await?;
						let batches = tradechain::storage().certificates_of_origin().batches();
						let batch = at
							.storage()
							.entry(batches)
							.ctx("CertificatesOfOrigin::Batches")?
							.try_fetch((root,))
							.await
							.ctx("reading CertificatesOfOrigin::Batches")?
							.ok_or_else(|| {
								Error::new(format!("no batch has root {}", hex(&root.0)))
							})?;
						let batch = batch.decode().ctx("decoding the batch")?;
						batch.revoked
					}
				};
				chain.submit(&tx.purge_batch(root, revoked), &ctx.signer()?).await?.summary()
			}
			Origin::SetAgreement { agreement, partners } => {
				let partners = BoundedVec(partners.into_iter().map(args::Country::code).collect());
				let call = tx.set_agreement(agreement.code(), partners);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Origin::RemoveAgreement { agreement } => chain
				.submit(&tx.remove_agreement(agreement.code()), &ctx.signer()?)
				.await?
				.summary(),
			Origin::IssueBatch { .. } => unreachable!("handled above"),
		};
		ctx.print(&out);
		Ok(())
	}
}

/// The generated form of a proof.
pub fn chain_proof(
	p: &tradechain_primitives::BatchProof,
) -> tradechain::runtime_types::tradechain_primitives::trade::BatchProof {
	tradechain::runtime_types::tradechain_primitives::trade::BatchProof {
		leaf_index: p.leaf_index,
		number_of_leaves: p.number_of_leaves,
		items: BoundedVec(p.items.iter().map(|h| H256(h.0)).collect()),
	}
}

/// The Merkle proof of `certificate` among a batch's leaves (see [`read_leaves`]).
fn leaf_proof(leaves: &Path, certificate: H256) -> Result<tradechain_primitives::BatchProof> {
	let leaves = read_leaves(leaves)?;
	let index = leaves
		.iter()
		.position(|l| l.0 == certificate.0)
		.ok_or_else(|| Error::new("the certificate is not among the batch's leaves"))?;
	tradechain_primitives::batch_proof(&leaves, index as u32)
		.ok_or_else(|| Error::new("the batch is too large for a proof"))
}

/// The fields of a CSV line (RFC 4180 quoting: `"a, b"`, `""` for a quote).
fn csv_fields(line: &str) -> Vec<String> {
	let (mut fields, mut field, mut quoted, mut chars) =
		(Vec::new(), String::new(), false, line.chars().peekable());
	while let Some(c) = chars.next() {
		match (c, quoted) {
			('"', true) if chars.peek() == Some(&'"') => {
				field.push('"');
				chars.next();
			}
			('"', _) => quoted = !quoted,
			(',', false) => fields.push(std::mem::take(&mut field)),
			(c, _) => field.push(c),
		}
	}
	fields.push(field);
	fields.into_iter().map(|f| f.trim().to_string()).collect()
}

/// The certificate hashes of a batch CSV's rows, in order, with each row's label (its `id` or
/// `reference` column, else its line number).
pub fn csv_leaves(path: &Path) -> Result<Vec<(String, DocumentHash)>> {
	let text = std::fs::read_to_string(path).ctx(&format!("cannot read {}", path.display()))?;
	let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
	let (_, header) =
		lines.next().ok_or_else(|| Error::new(format!("{} is empty", path.display())))?;
	let header: Vec<String> = csv_fields(header).into_iter().map(|h| h.to_lowercase()).collect();
	let column = |name: &str| header.iter().position(|h| h == name);
	let (file, hash) = (column("file"), column("hash"));
	let label = column("id").or(column("reference"));
	let dir = path.parent().unwrap_or(Path::new("."));
	let mut out = Vec::new();
	for (n, line) in lines {
		let fields = csv_fields(line);
		let at = |i: usize| fields.get(i).cloned().unwrap_or_default();
		let where_ = || format!("{} line {}", path.display(), n + 1);
		let leaf = if let Some(i) = file {
			let doc = dir.join(at(i));
			let bytes = std::fs::read(&doc).map_err(|e| {
				Error::new(format!("{}: cannot read {}: {e}", where_(), doc.display()))
			})?;
			tradechain_primitives::document_hash(&bytes)
		} else if let Some(i) = hash {
			let h = args::hash(&at(i)).map_err(|e| Error::new(format!("{}: {e}", where_())))?;
			DocumentHash::from(h.0)
		} else {
			tradechain_primitives::document_hash(line.trim_end_matches('\r').as_bytes())
		};
		out.push((label.map(at).unwrap_or_else(|| format!("line {}", n + 1)), leaf));
	}
	if out.is_empty() {
		return Err(Error::new(format!("{} has no rows", path.display())));
	}
	Ok(out)
}

/// A batch's leaves: a file of `0x` hashes (one a line), or a CSV as `issue-batch` reads it.
pub fn read_leaves(path: &Path) -> Result<Vec<DocumentHash>> {
	let text = std::fs::read_to_string(path).ctx(&format!("cannot read {}", path.display()))?;
	let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
	if !lines.is_empty() && lines.iter().all(|l| args::hash(l).is_ok()) {
		return Ok(lines.iter().filter_map(|l| args::hash(l).ok()).map(|h| h.0.into()).collect());
	}
	Ok(csv_leaves(path)?.into_iter().map(|(_, h)| h).collect())
}

async fn issue_batch(
	ctx: &Ctx,
	csv: &Path,
	mut valid_until: u64,
	proofs_path: Option<PathBuf>,
) -> Result<()> {
	let rows = csv_leaves(csv)?;
	let leaves: Vec<DocumentHash> = rows.iter().map(|(_, h)| *h).collect();
	let count = u32::try_from(leaves.len()).map_err(|_| Error::new("too many rows"))?;
	let root = tradechain_primitives::batch_root(&leaves);
	let chain = ctx.chain().await?;

	// Already anchored (an earlier run)? Then nothing is submitted.
	let at = chain.at().await?;
	let batches = tradechain::storage().certificates_of_origin().batches();
	let existing = at
		.storage()
		.entry(batches)
		.ctx("CertificatesOfOrigin::Batches")?
		.try_fetch((H256(root.0),))
		.await
		.ctx("reading CertificatesOfOrigin::Batches")?;
	let (anchored, block) = match existing {
		Some(batch) => {
			let batch = batch.decode().ctx("decoding the batch")?;
			if batch.leaves != count {
				return Err(Error::new(format!(
					"root {} is anchored with {} leaves, the CSV has {count}",
					hex(&root.0),
					batch.leaves
				)));
			}
			ctx.note(&format!("batch {} already anchored: nothing to submit", hex(&root.0)));
			// The proofs file says what the chain holds.
			valid_until = batch.valid_until;
			(false, None)
		}
		None => {
			let bar = ctx.progress(1, "anchoring");
			let call = tradechain::transactions().certificates_of_origin().anchor_batch(
				H256(root.0),
				count,
				valid_until,
			);
			let included = chain.submit(&call, &ctx.signer()?).await;
			bar.finish_and_clear();
			(true, Some(format!("{:?}", included?.block)))
		}
	};

	// Every row's proof, checked locally before it is written.
	let bar = ctx.progress(leaves.len() as u64, "proofs");
	let mut proofs = Vec::with_capacity(leaves.len());
	for (i, (label, leaf)) in rows.iter().enumerate() {
		let proof = tradechain_primitives::batch_proof(&leaves, i as u32)
			.ok_or_else(|| Error::new("the batch is too large for proofs"))?;
		if !tradechain_primitives::verify_batch_proof(&root, leaf, &proof) {
			return Err(Error::new(format!("the proof of row {label} does not verify")));
		}
		proofs.push(json!({
			"row": label,
			"leaf": hex(&leaf.0),
			"leafIndex": proof.leaf_index,
			"items": proof.items.iter().map(|h| hex(&h.0)).collect::<Vec<_>>(),
		}));
		bar.inc(1);
	}
	bar.finish_and_clear();
	let path = proofs_path.unwrap_or_else(|| {
		let mut p = csv.as_os_str().to_owned();
		p.push(".proofs.json");
		PathBuf::from(p)
	});
	let file = json!({
		"root": hex(&root.0),
		"numberOfLeaves": count,
		"validUntil": valid_until,
		"proofs": proofs,
	});
	let text = serde_json::to_string_pretty(&file).ctx("serialising the proofs")?;
	std::fs::write(&path, text).ctx(&format!("cannot write {}", path.display()))?;
	ctx.print(&json!({
		"root": hex(&root.0),
		"leaves": count,
		"anchored": anchored,
		"skipped": !anchored,
		"block": block,
		"proofs": path.display().to_string(),
	}));
	Ok(())
}

/// Certificate details from a JSON file (see `origin issue --help`).
fn read_details(
	path: &Path,
) -> Result<CertificateDetails<AccountId32, BoundedVec<GoodsLine>, BoundedVec<u8>>> {
	let text = std::fs::read_to_string(path).ctx(&format!("cannot read {}", path.display()))?;
	parse_details(&text).map_err(|e| Error::new(format!("{}: {e}", path.display())))
}

/// Certificate details from JSON (see `origin issue --help`).
fn parse_details(
	text: &str,
) -> std::result::Result<
	CertificateDetails<AccountId32, BoundedVec<GoodsLine>, BoundedVec<u8>>,
	String,
> {
	let v: Json = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
	let s = |v: &Json, k: &str| -> std::result::Result<String, String> {
		v.get(k)
			.and_then(Json::as_str)
			.map(str::to_string)
			.ok_or_else(|| format!("`{k}`: a string is required"))
	};
	let mut goods = Vec::new();
	for g in v.get("goods").and_then(Json::as_array).ok_or("`goods`: a list is required")? {
		let description = s(g, "description")?;
		goods.push(GoodsLine {
			hs_code: args::hs_code(&s(g, "hs_code")?)?,
			description: args::hash(&description).unwrap_or_else(|_| {
				H256(tradechain_primitives::document_hash(description.as_bytes()).0)
			}),
			quantity: g
				.get("quantity")
				.and_then(Json::as_u64)
				.ok_or("`quantity`: a number is required")?,
			unit: args::unit(&s(g, "unit")?)?,
		});
	}
	let preference = match v.get("preference") {
		None => Preference::NonPreferential,
		Some(Json::String(p)) if p == "non-preferential" => Preference::NonPreferential,
		Some(p) => {
			let criterion = match s(p, "criterion")?.as_str() {
				"wholly-obtained" => OriginCriterion::WhollyObtained,
				"change-of-tariff-classification" => OriginCriterion::ChangeOfTariffClassification,
				"value-added" => OriginCriterion::ValueAdded,
				"specific-process" => OriginCriterion::SpecificProcess,
				"cumulation" => OriginCriterion::Cumulation,
				other => return Err(format!("`criterion`: unknown `{other}`")),
			};
			Preference::Preferential {
				agreement: AgreementCode(BoundedVec(s(p, "agreement")?.into_bytes())),
				criterion,
			}
		}
	};
	let valid_until = match v.get("valid_until") {
		Some(Json::Number(n)) => n.as_u64().ok_or("`valid_until`: milliseconds")?,
		Some(Json::String(t)) => args::time(t)?,
		_ => return Err("`valid_until` is required".into()),
	};
	Ok(CertificateDetails {
		exporter: args::account(&s(&v, "exporter")?)?,
		consignee: args::account(&s(&v, "consignee")?)?,
		destination: args::country(&s(&v, "destination")?)?.code(),
		goods: BoundedVec(goods),
		preference,
		invoice: BoundedVec(s(&v, "invoice")?.into_bytes()),
		valid_until,
	})
}
