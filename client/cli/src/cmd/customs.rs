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

use clap::Subcommand;
use serde_json::{json, Value as Json};
use subxt::utils::{AccountId32, H256};

use crate::{
	args,
	chain::{
		tradechain::{
			self,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				pallet_customs::types::{DeclarationDetails, DeclarationLine, Procedure},
				tradechain_runtime::RuntimeCall,
			},
		},
		Chain,
	},
	error::{Context, Error, Result},
	Ctx,
};

/// The details of a declaration as `lodge` takes them.
pub type Details = DeclarationDetails<BoundedVec<DeclarationLine<u128>>, BoundedVec<H256>>;

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
}

impl Customs {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().customs_api();
		let tx = tradechain::transactions().customs();
		let out = match self {
			Customs::Show { id } => chain.read(apis.declaration(id)).await?,
			Customs::Statistics { country, office } => {
				chain.read(apis.statistics(country.code(), office.map(args::Locode::code))).await?
			}
			Customs::Lodge { file } => {
				let text = read(&file)?;
				let v: Json = serde_json::from_str(&text)
					.map_err(|e| Error::new(format!("{}: not JSON: {e}", file.display())))?;
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
			Customs::Release { id } => {
				chain.submit(&tx.release(id), &ctx.signer()?).await?.summary()
			}
			Customs::PayDuty { id } => {
				chain.submit(&tx.pay_duty(id), &ctx.signer()?).await?.summary()
			}
			Customs::Withdraw { id } => {
				chain.submit(&tx.withdraw(id), &ctx.signer()?).await?.summary()
			}
		};
		ctx.print(&out);
		Ok(())
	}
}

fn read(path: &Path) -> Result<String> {
	std::fs::read_to_string(path).ctx(&format!("cannot read {}", path.display()))
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
	let amount = |x: Option<&Json>| -> std::result::Result<u128, String> {
		match x {
			Some(Json::Number(n)) => n.as_u64().map(u128::from).ok_or("`value`: plancks".into()),
			Some(Json::String(t)) => args::amount(t),
			_ => Err("`value` is required".into()),
		}
	};
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
			value: amount(l.get("value"))?,
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

async fn lodge_many(ctx: &Ctx, chain: &Chain, file: &Path, chunk: usize) -> Result<Json> {
	let text = read(file)?;
	let v: Json = serde_json::from_str(&text)
		.map_err(|e| Error::new(format!("{}: not JSON: {e}", file.display())))?;
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
