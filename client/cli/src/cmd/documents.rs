//! `tradechain documents`: anchored documents and transferable documents (bills of lading).

use clap::{Subcommand, ValueEnum};
use subxt::utils::{AccountId32, H256};

use crate::{
	args,
	chain::tradechain::{
		self, runtime_types::bounded_collections::bounded_vec::BoundedVec,
		runtime_types::pallet_documents::types::DocumentKind,
	},
	error::Result,
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
		/// The key envelope: a file, or its bytes in 0x hex.
		// Fully qualified: clap would read `Vec<u8>` as a repeated byte argument.
		#[arg(long, value_parser = args::bytes_or_file)]
		envelope: ::std::vec::Vec<u8>,
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
}

impl Documents {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
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
			Documents::GrantAccess { document, reader, envelope } => {
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
		};
		ctx.print(&out);
		Ok(())
	}
}
