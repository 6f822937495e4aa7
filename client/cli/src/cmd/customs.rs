//! `tradechain customs`: declarations, decisions, duties, statistics.
//!
//! # Idempotent `lodge-many`
//!
//! The customs pallet stores no client reference: a declaration is its declarant plus its
//! details (procedure, office, partner, lines, currency, certificate, consignment, export
//! declaration, supporting documents). `lodge-many` therefore treats an entry of its file as
//! already lodged when the chain holds a declaration of the same declarant with byte-for-byte
//! the same details, matched one to one (two identical entries need two identical
//! declarations). The entry's `reference` is only a label in the output. Consequences: an amended
//! declaration no longer matches its entry (it would be lodged again: remove the entry); two
//! shipments that really are identical must differ somewhere, e.g. in a supporting document such
//! as their invoices' hashes. A declaration purged after its retention period is forgotten too.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use serde_json::{json, Value as Json};
use subxt::utils::{AccountId32, H256};

use crate::{
	args,
	chain::{
		tradechain::{
			self,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				pallet_customs::types::{
					ControlKind, DeclarationDetails, DeclarationLine, HsScope, Procedure, RiskRule,
					RuleSet, TariffLine,
				},
				tradechain_runtime::RuntimeCall,
			},
		},
		Chain,
	},
	cmd::aeo::AeoArg,
	error::{Context, Error, Result},
	Ctx,
};

/// The details of a declaration as `lodge` takes them.
pub type Details = DeclarationDetails<BoundedVec<DeclarationLine<u128>>, BoundedVec<H256>>;

/// A kind of control.
#[derive(Clone, Copy, ValueEnum)]
pub enum ControlArg {
	/// A check of the documents (yellow channel).
	Documentary,
	/// A physical inspection of the goods (red channel; it also covers the documents).
	Physical,
}

impl ControlArg {
	fn kind(self) -> ControlKind {
		match self {
			Self::Documentary => ControlKind::Documentary,
			Self::Physical => ControlKind::Physical,
		}
	}
}

/// Parses `<agreement>=<basis points>`.
fn preferential_rate(s: &str) -> std::result::Result<(args::Agreement, u32), String> {
	let (agreement, bp) =
		s.split_once('=').ok_or_else(|| format!("`{s}` is not <agreement>=<basis points>"))?;
	let bp = bp.trim().parse().map_err(|_| format!("`{bp}` is not a rate in basis points"))?;
	Ok((args::agreement(agreement.trim())?, bp))
}

/// Customs commands.
#[derive(Subcommand)]
pub enum Customs {
	/// A declaration (CustomsApi::declaration).
	Show {
		/// The declaration id.
		id: u64,
	},
	/// Statistics of a country, or of one of its offices (CustomsApi::statistics).
	Statistics {
		/// The country.
		#[arg(value_parser = args::country)]
		country: args::Country,
		/// One office (UN/LOCODE).
		#[arg(long, value_parser = args::locode)]
		office: Option<args::Locode>,
	},
	/// Lodge one declaration from a JSON file (an object as in `lodge-many`; signed by the
	/// declarant or its broker).
	Lodge {
		/// The JSON file.
		file: PathBuf,
	},
	/// Lodge the declarations of a JSON file (a list, or `{"declarations": [...]}`), skipping
	/// those already lodged (same declarant, same details). An entry: `{"reference", "procedure":
	/// "import"|"export"|"transit", "office", "partner", "lines": [{"hs_code", "origin",
	/// "value", "quantity", "unit"}], "currency", "certificate"?, "consignment"?,
	/// "export_declaration"?, "documents": [...], "on_behalf_of"?}`; values in plancks or
	/// `"<n> TRD"`, documents as 0x hashes or texts (hashed).
	LodgeMany {
		/// The JSON file.
		file: PathBuf,
		/// Declarations per transaction (utility.batch_all).
		#[arg(long, default_value_t = 8)]
		chunk: usize,
	},
	/// Amend a declaration's lines, consignment or documents before any control and payment,
	/// from a JSON file (an object as in `lodge-many`; procedure, office, partner, certificate
	/// and export declaration must stay the same; signed by the declarant or its lodger).
	Amend {
		/// The declaration id.
		id: u64,
		/// The JSON file.
		file: PathBuf,
	},
	/// Record a documentary check or a physical inspection (signed by the declaration's
	/// country's customs).
	RecordControl {
		/// The declaration id.
		id: u64,
		/// The kind of control.
		kind: ControlArg,
		/// The report: a file or its hash.
		#[arg(long, value_parser = args::hash_or_file)]
		report: H256,
		/// The goods or documents were not found in order (default: satisfactory).
		#[arg(long)]
		unsatisfactory: bool,
	},
	/// Hold a declaration (signed by its country's customs).
	Hold {
		/// The declaration id.
		id: u64,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Reject a declaration (signed by its country's customs).
	Reject {
		/// The declaration id.
		id: u64,
		/// Why.
		#[arg(long)]
		reason: String,
	},
	/// Release a declaration (signed by its country's customs).
	Release {
		/// The declaration id.
		id: u64,
	},
	/// Pay a declaration's duty (signed by the declarant).
	PayDuty {
		/// The declaration id.
		id: u64,
	},
	/// Withdraw a declaration before payment and decision (signed by the declarant).
	Withdraw {
		/// The declaration id.
		id: u64,
	},
	/// Remove a released, rejected or withdrawn declaration once the retention period has
	/// passed since lodging (signed by anyone).
	Purge {
		/// The declaration id.
		id: u64,
	},
	/// Authorise a broker to lodge declarations on one's behalf, or withdraw the authorisation
	/// (signed by the declarant, an economic operator).
	AuthorizeBroker {
		/// The broker.
		#[arg(value_parser = args::account)]
		broker: AccountId32,
		/// Withdraw the authorisation instead.
		#[arg(long)]
		withdraw: bool,
	},
	/// Set the risk engine and payment settings of one's country from a JSON file (signed by
	/// customs): `{"rules": [...], "yellow_from", "red_from", "random_per_mille",
	/// "deferred_payment_for"?: "C"|"S"|"F", "mirror_tolerance_bp"}`. A rule has `"rule"` and
	/// `"points"`: `"commodity"` with `"chapter"` (2 digits) or `"heading"` (4 digits) and
	/// `"origin"`?, `"value-above"` with `"value"` (plancks or `"<n> TRD"`), `"aeo"` with
	/// `"kind"`, `"unknown-declarant"`, `"preferential-certificate"`, `"mirror-mismatch"`.
	SetRules {
		/// The JSON file.
		file: PathBuf,
	},
	/// Set the tariff line of an HS heading for one's country, or remove it (signed by customs).
	SetTariff {
		/// The HS heading (4 digits, e.g. 0901).
		heading: u16,
		/// The most-favoured-nation ad valorem rate, in basis points (750: 7.5 %).
		#[arg(long, required_unless_present = "remove")]
		mfn_bp: Option<u32>,
		/// A specific duty per unit of quantity (plancks or `<n> TRD`).
		#[arg(long, value_parser = args::amount, default_value = "0")]
		per_unit: u128,
		/// A preferential rate, `<agreement>=<basis points>` (repeatable).
		#[arg(long = "preferential", value_parser = preferential_rate)]
		preferential: Vec<(args::Agreement, u32)>,
		/// Remove the line: the heading becomes duty-free.
		#[arg(long, conflicts_with_all = ["mfn_bp", "preferential"])]
		remove: bool,
	},
}

impl Customs {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().customs_api();
		let tx = tradechain::transactions().customs();
		let text = |s: String| BoundedVec(s.into_bytes());
		let out = match self {
			Customs::Show { id } => chain.read(apis.declaration(id)).await?,
			Customs::Statistics { country, office } => {
				chain.read(apis.statistics(country.code(), office.map(args::Locode::code))).await?
			}
			Customs::Lodge { file } => {
				let v = read_json(&file)?;
				let entry =
					parse_entry(&v).map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
				let included = chain
					.submit(&tx.lodge(entry.on_behalf_of, entry.details), &ctx.signer()?)
					.await?;
				let lodged = included
					.events
					.find_first::<tradechain::customs::events::Lodged>()
					.transpose()
					.ctx("decoding the Lodged event")?;
				let mut out = included.summary();
				out["id"] = lodged.as_ref().map(|l| l.id).into();
				out["score"] = lodged.as_ref().map(|l| l.score).into();
				out
			}
			Customs::LodgeMany { file, chunk } => lodge_many(ctx, &chain, &file, chunk).await?,
			Customs::Amend { id, file } => {
				let v = read_json(&file)?;
				let entry =
					parse_entry(&v).map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
				let included = chain.submit(&tx.amend(id, entry.details), &ctx.signer()?).await?;
				let amended = included
					.events
					.find_first::<tradechain::customs::events::Amended>()
					.transpose()
					.ctx("decoding the Amended event")?;
				let mut out = included.summary();
				out["score"] = amended.as_ref().map(|a| a.score).into();
				out["channel"] = amended.as_ref().map(|a| format!("{:?}", a.channel)).into();
				out["duty"] = amended.map(|a| crate::json::number(a.duty)).into();
				out
			}
			Customs::RecordControl { id, kind, report, unsatisfactory } => {
				let call = tx.record_control(id, kind.kind(), report, !unsatisfactory);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Customs::Hold { id, reason } => {
				chain.submit(&tx.hold(id, text(reason)), &ctx.signer()?).await?.summary()
			}
			Customs::Reject { id, reason } => {
				chain.submit(&tx.reject(id, text(reason)), &ctx.signer()?).await?.summary()
			}
			Customs::Release { id } => {
				chain.submit(&tx.release(id), &ctx.signer()?).await?.summary()
			}
			Customs::PayDuty { id } => {
				chain.submit(&tx.pay_duty(id), &ctx.signer()?).await?.summary()
			}
			Customs::Withdraw { id } => {
				chain.submit(&tx.withdraw(id), &ctx.signer()?).await?.summary()
			}
			Customs::Purge { id } => chain.submit(&tx.purge(id), &ctx.signer()?).await?.summary(),
			Customs::AuthorizeBroker { broker, withdraw } => {
				let call = tx.authorize_broker(broker, !withdraw);
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Customs::SetRules { file } => {
				let v = read_json(&file)?;
				let rules =
					parse_rules(&v).map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
				chain.submit(&tx.set_rules(rules), &ctx.signer()?).await?.summary()
			}
			Customs::SetTariff { heading, mfn_bp, per_unit, preferential, remove } => {
				let line = mfn_bp.filter(|_| !remove).map(|mfn_bp| TariffLine {
					mfn_bp,
					per_unit,
					preferential: BoundedVec(
						preferential.into_iter().map(|(a, bp)| (a.code(), bp)).collect(),
					),
				});
				chain.submit(&tx.set_tariff(heading, line), &ctx.signer()?).await?.summary()
			}
		};
		ctx.print(&out);
		Ok(())
	}
}

fn read_json(path: &Path) -> Result<Json> {
	let text = std::fs::read_to_string(path).ctx(&format!("cannot read {}", path.display()))?;
	serde_json::from_str(&text)
		.map_err(|e| Error::new(format!("{}: not JSON: {e}", path.display())))
}

/// One declaration of a file.
struct Entry {
	reference: String,
	on_behalf_of: Option<AccountId32>,
	details: Details,
}

fn parse_entry(v: &Json) -> std::result::Result<Entry, String> {
	let s = |v: &Json, k: &str| -> std::result::Result<String, String> {
		v.get(k)
			.and_then(Json::as_str)
			.map(str::to_string)
			.ok_or_else(|| format!("`{k}`: a string is required"))
	};
	let opt = |k: &str| v.get(k).filter(|x| !x.is_null());
	let procedure = match s(v, "procedure")?.as_str() {
		"import" => Procedure::Import,
		"export" => Procedure::Export,
		"transit" => Procedure::Transit,
		other => return Err(format!("`procedure`: `{other}` (import, export or transit)")),
	};
	let mut lines = Vec::new();
	for l in v.get("lines").and_then(Json::as_array).ok_or("`lines`: a list is required")? {
		lines.push(DeclarationLine {
			hs_code: args::hs_code(&s(l, "hs_code")?)?,
			origin: args::country(&s(l, "origin")?)?.code(),
			value: value(l.get("value"))?,
			quantity: l.get("quantity").and_then(Json::as_u64).ok_or("`quantity`: a number")?,
			unit: args::unit(&s(l, "unit")?)?,
		});
	}
	let doc = |t: &str| {
		args::hash(t).unwrap_or_else(|_| H256(tradechain_primitives::document_hash(t.as_bytes()).0))
	};
	let mut documents = Vec::new();
	for d in v.get("documents").and_then(Json::as_array).map(Vec::as_slice).unwrap_or_default() {
		documents.push(doc(d.as_str().ok_or("`documents`: strings")?));
	}
	let certificate = match opt("certificate") {
		Some(c) => Some(args::hash(c.as_str().ok_or("`certificate`: a hash")?)?),
		None => None,
	};
	let consignment = match opt("consignment") {
		Some(c) => Some(args::item(c.as_str().ok_or("`consignment`: an EPC URI or key")?)?),
		None => None,
	};
	let export_declaration = match opt("export_declaration") {
		Some(x) => Some(x.as_u64().ok_or("`export_declaration`: an id")?),
		None => None,
	};
	let on_behalf_of = match opt("on_behalf_of") {
		Some(a) => Some(args::account(a.as_str().ok_or("`on_behalf_of`: an account")?)?),
		None => None,
	};
	Ok(Entry {
		reference: v.get("reference").and_then(Json::as_str).unwrap_or("").to_string(),
		on_behalf_of,
		details: DeclarationDetails {
			procedure,
			office: args::locode(&s(v, "office")?)?.code(),
			partner: args::country(&s(v, "partner")?)?.code(),
			lines: BoundedVec(lines),
			invoice_currency: args::currency(&s(v, "currency")?)?,
			certificate,
			consignment,
			export_declaration,
			documents: BoundedVec(documents),
		},
	})
}

/// A `value` field: plancks, or tokens as `"<n> TRD"`.
fn value(x: Option<&Json>) -> std::result::Result<u128, String> {
	match x {
		Some(Json::Number(n)) => n.as_u64().map(u128::from).ok_or("`value`: plancks".into()),
		Some(Json::String(t)) => args::amount(t),
		_ => Err("`value` is required".into()),
	}
}

/// An integer field, in the range of `T`: a number, or a string of digits (so that HS codes keep
/// their leading zero: `"0904"`).
fn int<T: TryFrom<i64>>(v: &Json, k: &str) -> std::result::Result<T, String> {
	v.get(k)
		.and_then(|n| n.as_i64().or_else(|| n.as_str().and_then(|s| s.trim().parse().ok())))
		.and_then(|n| T::try_from(n).ok())
		.ok_or_else(|| format!("`{k}`: an integer in range is required"))
}

/// Risk rules from JSON (see `customs set-rules --help`).
fn parse_rules(v: &Json) -> std::result::Result<RuleSet<BoundedVec<RiskRule>>, String> {
	let aeo = |x: Option<&Json>| -> std::result::Result<Option<AeoArg>, String> {
		match x.filter(|x| !x.is_null()) {
			None => Ok(None),
			Some(k) => {
				Ok(Some(AeoArg::from_str(k.as_str().ok_or("an AEO kind is a string")?, true)?))
			}
		}
	};
	let mut rules = Vec::new();
	for r in v.get("rules").and_then(Json::as_array).ok_or("`rules`: a list is required")? {
		let points = int(r, "points")?;
		rules.push(match r.get("rule").and_then(Json::as_str).unwrap_or_default() {
			"commodity" => RiskRule::Commodity {
				scope: match (r.get("chapter"), r.get("heading")) {
					(Some(_), None) => HsScope::Chapter(int(r, "chapter")?),
					(None, Some(_)) => HsScope::Heading(int(r, "heading")?),
					_ => return Err("a commodity rule has a `chapter` or a `heading`".into()),
				},
				origin: match r.get("origin").and_then(Json::as_str) {
					Some(c) => Some(args::country(c)?.code()),
					None => None,
				},
				points,
			},
			"value-above" => RiskRule::ValueAbove { value: value(r.get("value"))?, points },
			"aeo" => RiskRule::Aeo {
				kind: aeo(r.get("kind"))?.ok_or("`kind` is required")?.kind(),
				points,
			},
			"unknown-declarant" => RiskRule::UnknownDeclarant { points },
			"preferential-certificate" => RiskRule::PreferentialCertificate { points },
			"mirror-mismatch" => RiskRule::MirrorMismatch { points },
			other => return Err(format!("`rule`: unknown `{other}`")),
		});
	}
	Ok(RuleSet {
		rules: BoundedVec(rules),
		yellow_from: int(v, "yellow_from")?,
		red_from: int(v, "red_from")?,
		random_per_mille: int(v, "random_per_mille")?,
		deferred_payment_for: aeo(v.get("deferred_payment_for"))?.map(AeoArg::kind),
		mirror_tolerance_bp: int(v, "mirror_tolerance_bp")?,
	})
}

async fn lodge_many(ctx: &Ctx, chain: &Chain, file: &Path, chunk: usize) -> Result<Json> {
	let v = read_json(file)?;
	let list = v.get("declarations").unwrap_or(&v).as_array().ok_or_else(|| {
		Error::new(format!("{}: a list of declarations is required", file.display()))
	})?;
	// Each entry is parsed again where an owned value is needed (the chain's types are not
	// `Clone`); the first pass checks them all before anything is submitted.
	let parse = |i: usize| {
		parse_entry(&list[i]).map_err(|m| Error::new(format!("{} entry {i}: {m}", file.display())))
	};
	let mut entries = Vec::new();
	for i in 0..list.len() {
		entries.push(parse(i)?);
	}
	let signer = ctx.signer()?;
	let me = signer.public_key().to_account_id();

	// What is on chain: (id, declarant, SCALE bytes) of every declaration. A stored declaration
	// starts with its declarant (32 bytes), its lodger (32) and its country (2), then its
	// details.
	let at = chain.at().await?;
	let entry = at
		.storage()
		.entry(tradechain::storage().customs().declarations())
		.ctx("Customs::Declarations")?;
	let mut iter = entry.iter(()).await.ctx("reading Customs::Declarations")?;
	let mut existing: Vec<(Option<u64>, Vec<u8>)> = Vec::new();
	while let Some(kv) = iter.next().await {
		let kv = kv.ctx("reading Customs::Declarations")?;
		let id = kv.key().ok().and_then(|k| k.decode().ok()).map(|(id,)| id);
		existing.push((id, kv.value().bytes().to_vec()));
	}
	existing.sort_by_key(|(id, _)| *id);

	let mut results = vec![Json::Null; entries.len()];
	let mut todo = Vec::new();
	let txs = at.transactions();
	for (i, e) in entries.iter().enumerate() {
		let declarant = e.on_behalf_of.unwrap_or(me);
		// The details' SCALE bytes: the call data of `lodge(None, details)` after the pallet
		// index, the call index and the `None`.
		let call = tradechain::transactions().customs().lodge(None, parse(i)?.details);
		let data = txs.call_data(&call).ctx("encoding a declaration")?;
		let details = &data[3..];
		let same = |raw: &Vec<u8>| {
			raw.len() >= 66 + details.len()
				&& raw[..32] == declarant.0[..]
				&& raw[66..66 + details.len()] == *details
		};
		match existing.iter().position(|(_, raw)| same(raw)) {
			Some(at) => {
				let (id, _) = existing.remove(at);
				results[i] = json!({"reference": e.reference, "id": id, "status": "skipped"});
			}
			None => todo.push(i),
		}
	}
	let skipped = entries.len() - todo.len();
	if skipped > 0 {
		ctx.note(&format!("{skipped} declaration(s) already lodged: skipped"));
	}

	let bar = ctx.progress(todo.len() as u64, "lodging");
	let mut transactions = 0;
	for part in todo.chunks(chunk.max(1)) {
		let calls = part
			.iter()
			.map(|&i| {
				Ok(RuntimeCall::Customs(
					tradechain::runtime_types::pallet_customs::pallet::Call::lodge {
						on_behalf_of: entries[i].on_behalf_of,
						details: parse(i)?.details,
					},
				))
			})
			.collect::<Result<Vec<_>>>()?;
		let call = tradechain::transactions().utility().batch_all(calls);
		let included = chain.submit(&call, &signer).await?;
		transactions += 1;
		let lodged = included.events.find::<tradechain::customs::events::Lodged>();
		for (&i, event) in part.iter().zip(lodged) {
			let event = event.ctx("decoding a Lodged event")?;
			results[i] = json!({
				"reference": entries[i].reference,
				"id": event.id,
				"status": "lodged",
				"score": event.score,
			});
		}
		bar.inc(part.len() as u64);
	}
	bar.finish_and_clear();
	Ok(json!({
		"lodged": todo.len(),
		"skipped": skipped,
		"transactions": transactions,
		"declarations": results,
	}))
}
