//! `tradechain roles`: agencies and operators.

use clap::{Subcommand, ValueEnum};
use subxt::utils::AccountId32;

use crate::{
	args,
	chain::tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			tradechain_primitives::{
				codes::OperatorId,
				roles::{AgencyKind, OperatorKind, Role},
			},
		},
	},
	error::Result,
	Ctx,
};

/// A role as the command line names it.
#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
	/// Customs authority (agency).
	Customs,
	/// Origin issuer, e.g. a chamber of commerce (agency).
	OriginIssuer,
	/// Trade ministry (agency).
	TradeMinistry,
	/// Port authority (agency).
	PortAuthority,
	/// Economic operator (importer, exporter).
	EconomicOperator,
	/// Carrier.
	Carrier,
	/// Bank.
	Bank,
	/// Arbiter of escrows.
	Arbiter,
}

impl RoleArg {
	fn role(self) -> Role {
		match self {
			Self::Customs => Role::Agency(AgencyKind::CustomsAuthority),
			Self::OriginIssuer => Role::Agency(AgencyKind::OriginIssuer),
			Self::TradeMinistry => Role::Agency(AgencyKind::TradeMinistry),
			Self::PortAuthority => Role::Agency(AgencyKind::PortAuthority),
			Self::EconomicOperator => Role::Operator(OperatorKind::EconomicOperator),
			Self::Carrier => Role::Operator(OperatorKind::Carrier),
			Self::Bank => Role::Operator(OperatorKind::Bank),
			Self::Arbiter => Role::Operator(OperatorKind::Arbiter),
		}
	}
}

/// An operator kind.
#[derive(Clone, Copy, ValueEnum)]
pub enum OperatorArg {
	/// Economic operator (importer, exporter).
	EconomicOperator,
	/// Carrier.
	Carrier,
	/// Bank.
	Bank,
	/// Arbiter of escrows.
	Arbiter,
}

impl OperatorArg {
	fn kind(self) -> OperatorKind {
		match self {
			Self::EconomicOperator => OperatorKind::EconomicOperator,
			Self::Carrier => OperatorKind::Carrier,
			Self::Bank => OperatorKind::Bank,
			Self::Arbiter => OperatorKind::Arbiter,
		}
	}
}

/// Roles commands.
#[derive(Subcommand)]
pub enum Roles {
	/// The roles an account holds (RolesApi::roles_of).
	Of {
		/// The account (SS58, 0x hex or //Name).
		#[arg(value_parser = args::account)]
		who: AccountId32,
	},
	/// The holders of a role in a country (RolesApi::holders).
	Holders {
		/// The role.
		role: RoleArg,
		/// The country (ISO 3166-1 alpha-2).
		#[arg(value_parser = args::country)]
		country: args::Country,
	},
	/// An account's published X25519 encryption key (RolesApi::encryption_key).
	EncryptionKey {
		/// The account.
		#[arg(value_parser = args::account)]
		who: AccountId32,
	},
	/// Apply for an operator role in a country (signed).
	Apply {
		/// The operator kind.
		kind: OperatorArg,
		/// The country.
		#[arg(value_parser = args::country)]
		country: args::Country,
		/// The national operator id (EORI, TIN).
		#[arg(long)]
		operator_id: Option<String>,
	},
	/// Withdraw one's pending application, releasing its deposit (signed by the applicant).
	WithdrawApplication {
		/// The operator kind applied for.
		kind: OperatorArg,
	},
	/// Approve an application (signed by the country's customs).
	Approve {
		/// The applicant.
		#[arg(value_parser = args::account)]
		who: AccountId32,
		/// The operator kind applied for.
		kind: OperatorArg,
	},
	/// Reject an application, releasing its deposit (signed by the country's customs).
	Reject {
		/// The applicant.
		#[arg(value_parser = args::account)]
		who: AccountId32,
		/// The operator kind applied for.
		kind: OperatorArg,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Suspend an operator (signed by its country's customs).
	Suspend {
		/// The operator.
		#[arg(value_parser = args::account)]
		who: AccountId32,
		/// The operator kind.
		kind: OperatorArg,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Lift an operator's suspension (signed by its country's customs).
	Reinstate {
		/// The operator.
		#[arg(value_parser = args::account)]
		who: AccountId32,
		/// The operator kind.
		kind: OperatorArg,
	},
	/// Remove an operator, releasing its deposit and operator id (signed by its country's
	/// customs).
	Remove {
		/// The operator.
		#[arg(value_parser = args::account)]
		who: AccountId32,
		/// The operator kind.
		kind: OperatorArg,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Give up one's operator role, releasing its deposit (signed by the operator).
	Resign {
		/// The operator kind.
		kind: OperatorArg,
	},
	/// Publish one's X25519 encryption key (signed).
	SetEncryptionKey {
		/// The 32-byte public key in hex.
		#[arg(value_parser = args::hash)]
		key: subxt::utils::H256,
	},
	/// Remove one's encryption key, releasing its deposit (signed).
	ClearEncryptionKey,
}

impl Roles {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().roles_api();
		let tx = tradechain::transactions().roles();
		let text = |s: String| BoundedVec(s.into_bytes());
		let out = match self {
			Roles::Of { who } => chain.read(apis.roles_of(who)).await?,
			Roles::Holders { role, country } => {
				chain.read(apis.holders(role.role(), country.code())).await?
			}
			Roles::EncryptionKey { who } => chain.read(apis.encryption_key(who)).await?,
			Roles::Apply { kind, country, operator_id } => {
				let id = operator_id.map(|s| OperatorId(BoundedVec(s.into_bytes())));
				let call = tx.apply(kind.kind(), country.code(), id);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Roles::WithdrawApplication { kind } => {
				chain.submit(&tx.withdraw_application(kind.kind()), &ctx.signer()?).await?.summary()
			}
			Roles::Approve { who, kind } => {
				let call = tx.approve(who, kind.kind());
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Roles::Reject { who, kind, reason } => {
				let call = tx.reject(who, kind.kind(), text(reason));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Roles::Suspend { who, kind, reason } => {
				let call = tx.suspend(who, kind.kind(), text(reason));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Roles::Reinstate { who, kind } => {
				chain.submit(&tx.reinstate(who, kind.kind()), &ctx.signer()?).await?.summary()
			}
			Roles::Remove { who, kind, reason } => {
				let call = tx.remove_operator(who, kind.kind(), text(reason));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Roles::Resign { kind } => {
				chain.submit(&tx.resign(kind.kind()), &ctx.signer()?).await?.summary()
			}
			Roles::SetEncryptionKey { key } => {
				let call = tx.set_encryption_key(key.0);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Roles::ClearEncryptionKey => {
				chain.submit(&tx.clear_encryption_key(), &ctx.signer()?).await?.summary()
			}
		};
		ctx.print(&out);
		Ok(())
	}
}
