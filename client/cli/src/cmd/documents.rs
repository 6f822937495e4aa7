//! `tradechain documents`: anchored documents and transferable documents (bills of lading).

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use subxt::utils::{AccountId32, H256};
use tradechain_seal::{ContentKey, EncryptedDocument, ReaderKeypair};

use crate::{
	args,
	chain::tradechain::{
		self, runtime_types::bounded_collections::bounded_vec::BoundedVec,
		runtime_types::pallet_documents::types::DocumentKind,
	},
	error::{Context, Error, Result},
	json::hex,
	Ctx,
};

/// A document kind.
#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
	/// Commercial invoice.
	Invoice,
	/// Packing list.
	PackingList,
	/// Bill of lading.
	BillOfLading,
	/// Certificate.
	Certificate,
	/// Inspection report.
	InspectionReport,
	/// Anything else.
	Other,
}

impl KindArg {
	fn kind(self) -> DocumentKind {
		match self {
			Self::Invoice => DocumentKind::Invoice,
			Self::PackingList => DocumentKind::PackingList,
			Self::BillOfLading => DocumentKind::BillOfLading,
			Self::Certificate => DocumentKind::Certificate,
			Self::InspectionReport => DocumentKind::InspectionReport,
			Self::Other => DocumentKind::Other,
		}
	}
}

/// Documents commands. A document is given as a file (hashed with BLAKE2-256) or as its hash.
#[derive(Subcommand)]
pub enum Documents {
	/// An anchored document's record (DocumentsApi::document).
	Show {
		/// The document: a file, or its hash (0x + 64 hex digits).
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
	},
	/// The key envelope a reader holds for a document (DocumentsApi::envelope).
	Envelope {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
		/// The reader.
		#[arg(value_parser = args::account)]
		reader: AccountId32,
	},
	/// Anchor a document's hash (signed by a registered operator or agency).
	Anchor {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
		/// Its kind.
		#[arg(long, value_enum, default_value = "other")]
		kind: KindArg,
		/// A short reference (e.g. the invoice number).
		#[arg(long)]
		reference: Option<String>,
	},
	/// Remove an anchor without readers, releasing its deposit (signed by the owner).
	Remove {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
	},
	/// Give a reader a key envelope for a document, or replace the one it has (signed by the
	/// owner). The envelope is the document's content key sealed to the reader's published
	/// encryption key (`tradechain-seal`).
	GrantAccess {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
		/// The reader.
		#[arg(value_parser = args::account)]
		reader: AccountId32,
		/// The key envelope, made elsewhere: a file, or its bytes in 0x hex.
		// Fully qualified: clap would read `Vec<u8>` as a repeated byte argument.
		#[arg(long, value_parser = args::bytes_or_file, required_unless_present = "content_key")]
		envelope: Option<::std::vec::Vec<u8>>,
		/// Or the content key file written by `encrypt` for this document: the envelope is made
		/// here, sealing the key to the reader's published encryption key (read from the chain).
		#[arg(long, conflicts_with = "envelope")]
		content_key: Option<PathBuf>,
	},
	/// Take a reader's key envelope back (signed by the owner).
	RevokeAccess {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
		/// The reader.
		#[arg(value_parser = args::account)]
		reader: AccountId32,
	},
	/// Issue a transferable document (bill of lading) to a holder (signed by a carrier).
	IssueTransferable {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
		/// The first holder.
		#[arg(value_parser = args::account)]
		holder: AccountId32,
		/// A short reference (e.g. the bill's number).
		#[arg(long)]
		reference: Option<String>,
	},
	/// Endorse a transferable document to another holder (signed by the holder).
	Endorse {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
		/// The endorsee.
		#[arg(value_parser = args::account)]
		to: AccountId32,
	},
	/// Accept a pending endorsement (signed by the endorsee).
	AcceptEndorsement {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
	},
	/// Withdraw a pending endorsement (signed by the holder) or decline it (signed by the
	/// endorsee).
	CancelEndorsement {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
	},
	/// Surrender a transferable document (signed by the holder).
	Surrender {
		/// The document: a file or its hash.
		#[arg(value_parser = args::hash_or_file)]
		document: H256,
	},
	/// Make an X25519 key pair for reading documents shared with you (offline): the secret key
	/// goes to a new file readable by you only, the public key is printed; publish it with
	/// `roles set-encryption-key`.
	Keygen {
		/// The file for the secret key (refused if it exists).
		#[arg(long)]
		out: PathBuf,
	},
	/// Encrypt a document for sharing (offline, XChaCha20-Poly1305 under a fresh content key,
	/// bound to the document's hash). Anchor the plain file with `anchor`, send the encrypted
	/// one, and give each reader the key with `grant-access --content-key`.
	Encrypt {
		/// The document.
		file: PathBuf,
		/// The encrypted document to write.
		#[arg(long)]
		out: PathBuf,
		/// The new file for the content key and the document's hash, kept by the owner (refused
		/// if it exists).
		#[arg(long)]
		content_key: PathBuf,
	},
	/// Decrypt a document shared with you: reads your key envelope for it from the chain, opens
	/// it with your secret key and checks the plaintext against the document's hash.
	Decrypt {
		/// The encrypted document.
		file: PathBuf,
		/// Your secret key file (from `keygen`; not the signing key of `--key-file`).
		#[arg(long)]
		reader_key: PathBuf,
		/// The reader whose envelope to use (default: the signer's account, from `--suri` or
		/// `--key-file`).
		#[arg(long, value_parser = args::account)]
		reader: Option<AccountId32>,
		/// The file to write the document to (refused if it exists).
		#[arg(long)]
		out: PathBuf,
	},
}

/// Writes `bytes` to a new file (refused if it exists), readable by its owner only if `secret`.
/// A file this call created is removed again if writing fails.
fn write_new(path: &Path, bytes: &[u8], secret: bool) -> Result<()> {
	use std::io::Write;
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	if secret {
		std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
	}
	let what = format!("cannot create `{}`", path.display());
	let written = options.open(path).ctx(&what)?.write_all(bytes).ctx(&what);
	if written.is_err() {
		let _ = std::fs::remove_file(path);
	}
	written
}

/// Refuses early if `path` exists, before anything is written.
fn ensure_absent(path: &Path) -> Result<()> {
	if path.exists() {
		return Err(Error::new(format!("cannot create `{}`: it exists", path.display())));
	}
	Ok(())
}

/// The 0x-hex lines of a key file: the key, then (for a content key) its document's hash. An
/// error never repeats the file's text: it may hold a secret given by mistake.
fn read_key_file(path: &Path) -> Result<Vec<[u8; 32]>> {
	let unreadable = || Error::new(format!("`{}` is not a Tradechain key file", path.display()));
	let what = format!("cannot read `{}`", path.display());
	if std::fs::metadata(path).ctx(&what)?.len() > 1024 {
		return Err(unreadable());
	}
	let text = std::fs::read_to_string(path).map_err(|_| unreadable())?;
	let lines = text
		.lines()
		.filter(|l| !l.trim().is_empty())
		.map(|l| args::hash(l).map(|h| h.0).map_err(|_| unreadable()))
		.collect::<Result<Vec<_>>>()?;
	if lines.is_empty() {
		return Err(unreadable());
	}
	Ok(lines)
}

/// A reader's secret key file (from `keygen`).
fn read_reader_key(path: &Path) -> Result<ReaderKeypair> {
	match read_key_file(path)?[..] {
		[secret] => Ok(ReaderKeypair::from_secret_bytes(secret)),
		_ => Err(Error::new(format!(
			"`{}` is not a reader's key file (written by `documents keygen`)",
			path.display()
		))),
	}
}

/// A content key file (from `encrypt`) for `document`: refused if made for another document.
fn read_content_key(path: &Path, document: H256) -> Result<ContentKey> {
	match read_key_file(path)?[..] {
		[key, of] if of == document.0 => Ok(ContentKey::from_bytes(key)),
		[_, of] => Err(Error::new(format!(
			"`{}` is the content key of document {:?}, not of {document:?}",
			path.display(),
			H256(of)
		))),
		_ => Err(Error::new(format!(
			"`{}` is not a content key file (written by `documents encrypt`)",
			path.display()
		))),
	}
}

impl Documents {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		// The key and encryption commands need no node.
		match self {
			Documents::Keygen { out } => {
				let pair = ReaderKeypair::generate();
				write_new(&out, format!("{}\n", hex(&pair.secret_bytes())).as_bytes(), true)?;
				ctx.print(&serde_json::json!({
					"publicKey": hex(&pair.public()),
					"secretKeyFile": out.display().to_string(),
				}));
				return Ok(());
			}
			Documents::Encrypt { file, out, content_key } => {
				ensure_absent(&out)?;
				ensure_absent(&content_key)?;
				let what = format!("cannot read `{}`", file.display());
				let (doc, key) =
					tradechain_seal::encrypt_document(&std::fs::read(&file).ctx(&what)?);
				// The key first (an encrypted file without its key would be unreadable), with the
				// document it is for; it is removed again if the encrypted file cannot be written.
				let key_file = format!("{}\n{}\n", hex(&key.to_bytes()), hex(&doc.hash.0));
				write_new(&content_key, key_file.as_bytes(), true)?;
				if let Err(e) = write_new(&out, &doc.to_bytes(), false) {
					let _ = std::fs::remove_file(&content_key);
					return Err(e);
				}
				ctx.print(&serde_json::json!({
					"hash": hex(&doc.hash.0),
					"encrypted": out.display().to_string(),
					"contentKeyFile": content_key.display().to_string(),
				}));
				return Ok(());
			}
			_ => {}
		}
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().documents_api();
		let tx = tradechain::transactions().documents();
		let out = match self {
			Documents::Show { document } => chain.read(apis.document(document)).await?,
			Documents::Envelope { document, reader } => {
				chain.read(apis.envelope(document, reader)).await?
			}
			Documents::Anchor { document, kind, reference } => {
				let reference = reference.map(|r| BoundedVec(r.into_bytes()));
				let call = tx.anchor(document, kind.kind(), reference);
				let mut out = chain.submit(&call, &ctx.signer()?).await?.summary();
				out["hash"] = format!("{document:?}").into();
				out
			}
			Documents::Remove { document } => {
				chain.submit(&tx.remove(document), &ctx.signer()?).await?.summary()
			}
			Documents::GrantAccess { document, reader, envelope, content_key } => {
				let envelope = match (envelope, content_key) {
					(Some(envelope), _) => envelope,
					(None, Some(path)) => {
						let key = read_content_key(&path, document)?;
						let api = tradechain::runtime_apis().roles_api();
						let public =
							chain.call(api.encryption_key(reader.clone())).await?.ok_or_else(
								|| Error::new(format!("{reader} has published no encryption key")),
							)?;
						tradechain_seal::seal_key(&key, &public)
					}
					(None, None) => {
						return Err(Error::new("--envelope or --content-key is required"))
					}
				};
				let call = tx.grant_access(document, reader, BoundedVec(envelope));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Documents::RevokeAccess { document, reader } => {
				chain.submit(&tx.revoke_access(document, reader), &ctx.signer()?).await?.summary()
			}
			Documents::IssueTransferable { document, holder, reference } => {
				let reference = reference.map(|r| BoundedVec(r.into_bytes()));
				let call = tx.issue_transferable(document, holder, reference);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Documents::Endorse { document, to } => {
				chain.submit(&tx.endorse(document, to), &ctx.signer()?).await?.summary()
			}
			Documents::AcceptEndorsement { document } => {
				chain.submit(&tx.accept_endorsement(document), &ctx.signer()?).await?.summary()
			}
			Documents::CancelEndorsement { document } => {
				chain.submit(&tx.cancel_endorsement(document), &ctx.signer()?).await?.summary()
			}
			Documents::Surrender { document } => {
				chain.submit(&tx.surrender(document), &ctx.signer()?).await?.summary()
			}
			// Handled above, before connecting.
			Documents::Keygen { .. } | Documents::Encrypt { .. } => {
				return Err(Error::new("this command runs offline"))
			}
			Documents::Decrypt { file, reader_key, reader, out } => {
				let what = format!("cannot read `{}`", file.display());
				let doc = EncryptedDocument::from_bytes(&std::fs::read(&file).ctx(&what)?)
					.ctx(&file.display().to_string())?;
				let reader = match reader {
					Some(reader) => reader,
					None => ctx.signer()?.public_key().to_account_id(),
				};
				ensure_absent(&out)?;
				let keypair = read_reader_key(&reader_key)?;
				let hash = H256(doc.hash.0);
				let envelope =
					chain.call(apis.envelope(hash, reader.clone())).await?.ok_or_else(|| {
						Error::new(format!("{reader} holds no key envelope for {hash:?}"))
					})?;
				let content = tradechain_seal::open_key(&envelope, &keypair).ctx("envelope")?;
				let plain = tradechain_seal::decrypt_document(&doc, &content).ctx("document")?;
				write_new(&out, &plain, false)?;
				serde_json::json!({
					"hash": format!("{hash:?}"),
					"reader": reader.to_string(),
					"out": out.display().to_string(),
					"bytes": plain.len(),
				})
			}
		};
		ctx.print(&out);
		Ok(())
	}
}
