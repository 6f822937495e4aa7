//! `tradechain aeo`: Authorized Economic Operators and mutual recognition agreements.

use clap::{Subcommand, ValueEnum};
use subxt::utils::AccountId32;

use crate::{
	args,
	chain::tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, tradechain_primitives::trade::AeoKind,
		},
	},
	error::Result,
	Ctx,
};

/// An AEO kind.
#[derive(Clone, Copy, ValueEnum)]
pub enum AeoArg {
	/// AEO-C: customs simplifications.
	C,
	/// AEO-S: security and safety.
	S,
	/// AEO-F: both.
	F,
}

impl AeoArg {
	/// The chain's kind.
	pub fn kind(self) -> AeoKind {
		match self {
			Self::C => AeoKind::Simplifications,
			Self::S => AeoKind::Security,
			Self::F => AeoKind::Full,
		}
	}
}

/// AEO commands.
#[derive(Subcommand)]
pub enum Aeo {
	/// An operator's AEO status as a country sees it (AeoApi::aeo_status).
	Status {
		/// The operator.
		#[arg(value_parser = args::account)]
		operator: AccountId32,
		/// The country whose view is asked.
		#[arg(long, value_parser = args::country)]
		seen_from: args::Country,
	},
	/// A country's mutual recognition agreements (AeoApi::mras).
	Mras {
		/// The country.
		#[arg(value_parser = args::country)]
		country: args::Country,
	},
	/// Apply for AEO status, holding a deposit (signed by an economic operator or carrier).
	Apply {
		/// The kind applied for.
		kind: AeoArg,
	},
	/// Withdraw one's application, releasing its deposit (signed by the applicant).
	WithdrawApplication,
	/// Reject an operator's application, releasing its deposit (signed by its country's
	/// customs).
	RejectApplication {
		/// The operator.
		#[arg(value_parser = args::account)]
		operator: AccountId32,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Certify an operator of one's country (signed by customs).
	Certify {
		/// The operator.
		#[arg(value_parser = args::account)]
		operator: AccountId32,
		/// The kind.
		#[arg(long, value_enum)]
		kind: AeoArg,
		/// The certificate's reference, e.g. `DEAEOF2026077`.
		#[arg(long)]
		reference: String,
		/// Valid from (milliseconds, YYYY-MM-DD or +<days>d); default now.
		#[arg(long, value_parser = args::time)]
		valid_from: Option<u64>,
		/// Valid until (milliseconds, YYYY-MM-DD or +<days>d).
		#[arg(long, value_parser = args::time)]
		valid_until: u64,
	},
	/// Suspend an operator's certificate (signed by its customs).
	Suspend {
		/// The operator.
		#[arg(value_parser = args::account)]
		operator: AccountId32,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Reinstate a suspended certificate (signed by its customs).
	Reinstate {
		/// The operator.
		#[arg(value_parser = args::account)]
		operator: AccountId32,
	},
	/// Revoke an operator's certificate (signed by its customs).
	Revoke {
		/// The operator.
		#[arg(value_parser = args::account)]
		operator: AccountId32,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Propose an MRA to a partner country (signed by customs).
	ProposeMra {
		/// The partner.
		#[arg(value_parser = args::country)]
		partner: args::Country,
		/// The kinds it covers.
		#[arg(long, value_enum)]
		covers: AeoArg,
	},
	/// Accept a partner's MRA proposal (signed by customs).
	AcceptMra {
		/// The partner.
		#[arg(value_parser = args::country)]
		partner: args::Country,
	},
	/// End an MRA (signed by customs of either country).
	EndMra {
		/// The partner.
		#[arg(value_parser = args::country)]
		partner: args::Country,
	},
}

impl Aeo {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().aeo_api();
		let tx = tradechain::transactions().aeo();
		let text = |s: String| BoundedVec(s.into_bytes());
		let out = match self {
			Aeo::Status { operator, seen_from } => {
				chain.read(apis.aeo_status(operator, seen_from.code())).await?
			}
			Aeo::Mras { country } => chain.read(apis.mras(country.code())).await?,
			Aeo::Apply { kind } => {
				chain.submit(&tx.apply(kind.kind()), &ctx.signer()?).await?.summary()
			}
			Aeo::WithdrawApplication => {
				chain.submit(&tx.withdraw_application(), &ctx.signer()?).await?.summary()
			}
			Aeo::RejectApplication { operator, reason } => {
				let call = tx.reject_application(operator, text(reason));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Aeo::Certify { operator, kind, reference, valid_from, valid_until } => {
				let from = valid_from.unwrap_or_else(args::now);
				let call = tx.certify(operator, kind.kind(), text(reference), from, valid_until);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Aeo::Suspend { operator, reason } => {
				chain.submit(&tx.suspend(operator, text(reason)), &ctx.signer()?).await?.summary()
			}
			Aeo::Reinstate { operator } => {
				chain.submit(&tx.reinstate(operator), &ctx.signer()?).await?.summary()
			}
			Aeo::Revoke { operator, reason } => {
				chain.submit(&tx.revoke(operator, text(reason)), &ctx.signer()?).await?.summary()
			}
			Aeo::ProposeMra { partner, covers } => {
				let call = tx.propose_mra(partner.code(), covers.kind());
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Aeo::AcceptMra { partner } => {
				chain.submit(&tx.accept_mra(partner.code()), &ctx.signer()?).await?.summary()
			}
			Aeo::EndMra { partner } => {
				chain.submit(&tx.end_mra(partner.code()), &ctx.signer()?).await?.summary()
			}
		};
		ctx.print(&out);
		Ok(())
	}
}
