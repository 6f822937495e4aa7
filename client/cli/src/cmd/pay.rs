//! `tradechain pay`: trade payments held in escrow until conditions are met.

use clap::Subcommand;
use subxt::utils::{AccountId32, H256};

use crate::{
	args,
	chain::tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_payments::types::{Condition, Settlement},
			sp_arithmetic::per_things::Perbill,
			tradechain_primitives::payments::Location,
		},
	},
	error::{Context, Result},
	json::number,
	Ctx,
};

/// A release condition with the amount it releases (0: all conditions release the whole).
pub struct ConditionArg(Condition<AccountId32>, u128);

/// Checks a condition on the command line (kept as text: the chain's types are not `Clone`).
fn condition_text(s: &str) -> std::result::Result<String, String> {
	condition(s).map(|_| s.to_string())
}

/// Parses `<condition>[=<amount>]`, where a condition is one of
/// `declaration-released:<id>`, `certificate-valid:<hash>:<country>`,
/// `bill-surrendered:<hash>`, `approved-by:<account>`,
/// `consignment-received:<item>:<UN/LOCODE>`.
fn condition(s: &str) -> std::result::Result<ConditionArg, String> {
	let (spec, amount) = match s.rsplit_once('=') {
		Some((spec, amount)) => (spec, args::amount(amount)?),
		None => (s, 0),
	};
	let parts: Vec<&str> = spec.splitn(3, ':').collect();
	let c = match parts[..] {
		["declaration-released", id] => Condition::DeclarationReleased {
			declaration: id.parse().map_err(|_| format!("`{id}` is not a declaration id"))?,
		},
		["certificate-valid", hash, country] => Condition::CertificateValid {
			certificate: args::hash(hash)?,
			destination: args::country(country)?.code(),
		},
		["bill-surrendered", hash] => {
			Condition::BillOfLadingSurrendered { bill: args::hash(hash)? }
		}
		["approved-by", who] => Condition::ApprovedBy { party: args::account(who)? },
		["consignment-received", item, locode] => Condition::ConsignmentReceived {
			consignment: args::item(item)?,
			location: Location::UnLocode(args::locode(locode)?.code()),
		},
		_ => {
			return Err(format!(
				"`{s}` is not a condition (declaration-released:<id>, certificate-valid:<hash>:<country>, \
				 bill-surrendered:<hash>, approved-by:<account>, consignment-received:<item>:<locode>, \
				 optionally =<amount>)"
			))
		}
	};
	Ok(ConditionArg(c, amount))
}

/// Payments commands.
#[derive(Subcommand)]
pub enum Pay {
	/// The escrows an account is a party of (PaymentsApi::escrows_of).
	Escrows {
		/// The account.
		#[arg(value_parser = args::account)]
		who: AccountId32,
	},
	/// A country's treasury account, where duties go (PaymentsApi::treasury_account).
	Treasury {
		/// The country.
		#[arg(value_parser = args::country)]
		country: args::Country,
	},
	/// The duty a declarant owes a country under deferred payment (PaymentsApi::deferred_duty).
	Deferred {
		/// The declarant.
		#[arg(value_parser = args::account)]
		who: AccountId32,
		/// The country.
		#[arg(value_parser = args::country)]
		country: args::Country,
	},
	/// Create an escrow: the buyer (signer) holds `amount` for the seller (signed).
	Create {
		/// The seller.
		#[arg(value_parser = args::account)]
		seller: AccountId32,
		/// The arbiter of disputes.
		#[arg(long, value_parser = args::account)]
		arbiter: AccountId32,
		/// The amount (plancks or `<n> TRD`).
		#[arg(long, value_parser = args::amount)]
		amount: u128,
		/// A release condition (repeatable), e.g. `declaration-released:1`,
		/// `certificate-valid:0x…:DE`, `approved-by://Two=2000 TRD`.
		#[arg(long = "condition", value_parser = condition_text, required = true)]
		conditions: Vec<String>,
		/// Release per condition (each condition's amount) instead of all at once.
		#[arg(long)]
		partial: bool,
		/// The refund deadline (milliseconds, YYYY-MM-DD or +<days>d).
		#[arg(long, value_parser = args::time)]
		deadline: u64,
		/// A reference document: a file or its hash.
		#[arg(long, value_parser = args::hash_or_file)]
		reference: Option<H256>,
	},
	/// Approve an escrow (signed by a party named in an approved-by condition).
	Approve {
		/// The escrow id.
		id: u64,
	},
	/// Release what an escrow's met conditions allow (signed by anyone).
	Release {
		/// The escrow id.
		id: u64,
	},
	/// Refund an escrow after its deadline (signed by anyone).
	Refund {
		/// The escrow id.
		id: u64,
	},
	/// Dispute an escrow (signed by the buyer or the seller).
	Dispute {
		/// The escrow id.
		id: u64,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Settle a disputed escrow: the seller gets a share of what it still holds, the buyer the
	/// rest (signed by its arbiter).
	Settle {
		/// The escrow id.
		id: u64,
		/// The seller's share in percent, e.g. `70%`.
		#[arg(long, value_parser = args::perbill)]
		seller_share: u32,
	},
	/// Pay deferred duties owed to a country into its treasury (signed by the declarant).
	SettleDeferredDuty {
		/// The country.
		#[arg(value_parser = args::country)]
		country: args::Country,
		/// The amount (plancks or `<n> TRD`; default: all that is owed).
		#[arg(long, value_parser = args::amount)]
		amount: Option<u128>,
	},
}

impl Pay {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().payments_api();
		let tx = tradechain::transactions().payments();
		let out = match self {
			Pay::Escrows { who } => chain.read(apis.escrows_of(who)).await?,
			Pay::Treasury { country } => chain.read(apis.treasury_account(country.code())).await?,
			Pay::Deferred { who, country } => {
				chain.read(apis.deferred_duty(who, country.code())).await?
			}
			Pay::Create { seller, arbiter, amount, conditions, partial, deadline, reference } => {
				let conditions = conditions
					.iter()
					.map(|c| condition(c).map(|c| (c.0, c.1)))
					.collect::<std::result::Result<Vec<_>, _>>()
					.map_err(crate::error::Error::new)?;
				let conditions = BoundedVec(conditions);
				let call =
					tx.create(seller, arbiter, amount, conditions, partial, deadline, reference);
				let included = chain.submit(&call, &ctx.signer()?).await?;
				let created = included
					.events
					.find_first::<tradechain::payments::events::Created>()
					.transpose()
					.ctx("decoding the Created event")?;
				let mut out = included.summary();
				out["escrow"] = created.map(|c| c.id).into();
				out
			}
			Pay::Approve { id } => chain.submit(&tx.approve(id), &ctx.signer()?).await?.summary(),
			Pay::Release { id } => chain.submit(&tx.release(id), &ctx.signer()?).await?.summary(),
			Pay::Refund { id } => chain.submit(&tx.refund(id), &ctx.signer()?).await?.summary(),
			Pay::Dispute { id, reason } => {
				let call = tx.dispute(id, BoundedVec(reason.into_bytes()));
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Pay::Settle { id, seller_share } => {
				let call = tx.settle(id, Settlement { seller_share: Perbill(seller_share) });
				let included = chain.submit(&call, &ctx.signer()?).await?;
				let settled = included
					.events
					.find_first::<tradechain::payments::events::Settled>()
					.transpose()
					.ctx("decoding the Settled event")?;
				let mut out = included.summary();
				out["toSeller"] = settled.as_ref().map(|s| number(s.to_seller)).into();
				out["toBuyer"] = settled.map(|s| number(s.to_buyer)).into();
				out
			}
			Pay::SettleDeferredDuty { country, amount } => {
				let signer = ctx.signer()?;
				let amount = match amount {
					Some(amount) => amount,
					None => {
						let who = signer.public_key().to_account_id();
						chain.call(apis.deferred_duty(who, country.code())).await?
					}
				};
				let call = tx.settle_deferred_duty(country.code(), amount);
				let included = chain.submit(&call, &signer).await?;
				let settled = included
					.events
					.find_first::<tradechain::payments::events::DeferredDutySettled>()
					.transpose()
					.ctx("decoding the DeferredDutySettled event")?;
				let mut out = included.summary();
				out["amount"] = number(amount);
				out["remaining"] = settled.map(|s| number(s.remaining)).into();
				out
			}
		};
		ctx.print(&out);
		Ok(())
	}
}
