//! `tradechain`: the command-line client of Tradechain.
//!
//! One subcommand group per domain (`roles`, `documents`, `origin`, `aeo`, `customs`, `trace`,
//! `pay`) plus `verify <file>`. Reads go through the runtime APIs at the node's best block;
//! calls are signed with `--suri` or `--key-file` and end once in a best block. `--json` prints
//! machine-readable JSON on stdout; otherwise tables. Every error is one line on stderr
//! (`Error: ...`) and a non-zero exit; a failed call names its module error and the first line
//! of its documentation, e.g. `Error: CertificatesOfOrigin::AlreadyUsed — ...`.
//!
//! The bulk commands (`origin issue-batch`, `trace import`, `customs lodge-many`) show progress
//! bars on a terminal and are idempotent: a rerun finds on chain what an earlier (possibly
//! interrupted) run did and submits only the rest.

mod args;
mod chain;
mod error;
mod json;
mod cmd {
	pub mod aeo;
	pub mod customs;
	pub mod documents;
	pub mod origin;
	pub mod pay;
	pub mod roles;
	pub mod trace;
	pub mod verify;
}

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use subxt_signer::sr25519::Keypair;

use crate::{chain::Chain, error::Result};

/// The command-line client of Tradechain.
#[derive(Parser)]
#[command(name = "tradechain", version, about)]
struct Cli {
	/// The node's WebSocket RPC endpoint.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The signing key as a secret URI (`//Alice`, a mnemonic with derivations, a 0x seed).
	#[arg(long, global = true, conflicts_with = "key_file")]
	suri: Option<String>,
	/// A file holding the signing key's secret URI, mnemonic or 0x seed.
	#[arg(long, global = true)]
	key_file: Option<PathBuf>,
	/// Machine-readable JSON on stdout instead of tables.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Agencies and operators (RolesApi; apply, approve, suspend, encryption keys).
	#[command(subcommand)]
	Roles(cmd::roles::Roles),
	/// Anchored documents and transferable documents (DocumentsApi; anchor, access grants, bills
	/// of lading).
	#[command(subcommand)]
	Documents(cmd::documents::Documents),
	/// Certificates of origin (CertificatesApi; apply, issue, accept, batches, agreements).
	#[command(subcommand)]
	Origin(cmd::origin::Origin),
	/// Authorized Economic Operators (AeoApi; apply, certify, suspend, MRAs).
	#[command(subcommand)]
	Aeo(cmd::aeo::Aeo),
	/// Customs declarations (CustomsApi; lodge, controls, release, duties, rules, tariffs).
	#[command(subcommand)]
	Customs(cmd::customs::Customs),
	/// Traceability (TraceabilityApi; items, EPCIS events, custody, sensor readings).
	#[command(subcommand)]
	Trace(cmd::trace::Trace),
	/// Trade payments in escrow (PaymentsApi; create, release, refund, settle).
	#[command(subcommand)]
	Pay(cmd::pay::Pay),
	/// Hash a file and report whether it is an anchored document, a certificate of origin, or a
	/// leaf of an anchored certificate batch.
	Verify(cmd::verify::Verify),
}

/// What every command gets: the connection options, the signer options, the output mode.
pub struct Ctx {
	url: String,
	suri: Option<String>,
	key_file: Option<PathBuf>,
	/// `--json`.
	pub json: bool,
}

impl Ctx {
	/// Connects to the node.
	pub async fn chain(&self) -> Result<Chain> {
		Chain::connect(&self.url).await
	}

	/// The signing key.
	pub fn signer(&self) -> Result<Keypair> {
		args::signer(self.suri.as_deref(), self.key_file.as_deref())
	}

	/// Prints a result (JSON or table).
	pub fn print(&self, value: &serde_json::Value) {
		json::print(value, self.json);
	}

	/// A progress bar on stderr (drawn only on a terminal, never with `--json`).
	pub fn progress(&self, len: u64, what: &str) -> indicatif::ProgressBar {
		if self.json {
			return indicatif::ProgressBar::hidden();
		}
		let bar = indicatif::ProgressBar::new(len);
		if let Ok(style) =
			indicatif::ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({elapsed})")
		{
			bar.set_style(style.progress_chars("=> "));
		}
		bar.set_message(what.to_string());
		bar
	}

	/// A note for the user on stderr (not with `--json`).
	pub fn note(&self, text: &str) {
		if !self.json {
			eprintln!("{text}");
		}
	}
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	let ctx = Ctx { url: cli.url, suri: cli.suri, key_file: cli.key_file, json: cli.json };
	let result = match cli.command {
		Command::Roles(c) => c.run(&ctx).await,
		Command::Documents(c) => c.run(&ctx).await,
		Command::Origin(c) => c.run(&ctx).await,
		Command::Aeo(c) => c.run(&ctx).await,
		Command::Customs(c) => c.run(&ctx).await,
		Command::Trace(c) => c.run(&ctx).await,
		Command::Pay(c) => c.run(&ctx).await,
		Command::Verify(c) => c.run(&ctx).await,
	};
	if let Err(e) = result {
		eprintln!("Error: {e}");
		std::process::exit(1);
	}
}
