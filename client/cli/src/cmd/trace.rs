//! `tradechain trace`: items, EPCIS events, custody, anchored sensor readings.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::{json, Value as Json};
use subxt::utils::{AccountId32, Static, H256};
use tradechain_epcis::{chain::to_chain, Event};

use crate::{
	args,
	chain::{
		tradechain::{
			self,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				pallet_traceability::{
					pallet::Call as TraceCall,
					types::{ConditionRules, Epc},
				},
				tradechain_runtime::RuntimeCall,
			},
		},
		Chain,
	},
	cmd::origin::chain_proof,
	error::{Context, Error, Result},
	json::hex,
	Ctx,
};

/// Parses `<min>:<max>` in degrees Celsius (thousandths kept).
fn range(s: &str) -> std::result::Result<(i32, i32), String> {
	let bad = || format!("`{s}` is not a range like 2:8 (°C) or 30:60 (%)");
	let (a, b) = s.split_once(':').ok_or_else(bad)?;
	let milli = |t: &str| t.trim().parse::<f64>().map(|v| (v * 1000.0).round() as i32);
	Ok((milli(a).map_err(|_| bad())?, milli(b).map_err(|_| bad())?))
}

/// An item's condition rules as options.
#[derive(Args)]
pub struct Conditions {
	/// A temperature range in °C the item must stay in, e.g. `2:8`.
	#[arg(long, value_parser = range)]
	temperature: Option<(i32, i32)>,
	/// A relative humidity range in %, e.g. `30:60`.
	#[arg(long, value_parser = range)]
	humidity: Option<(i32, i32)>,
	/// Best before / expiry (milliseconds, YYYY-MM-DD or +<days>d).
	#[arg(long, value_parser = args::time)]
	expires: Option<u64>,
}

impl Conditions {
	/// The chain's form: none when no option is given.
	fn rules(self) -> Option<ConditionRules> {
		let Conditions { temperature, humidity, expires } = self;
		(temperature.is_some() || humidity.is_some() || expires.is_some())
			.then_some(ConditionRules { temperature, humidity, expires_at: expires })
	}
}

/// Traceability commands. An item is given by its EPC URI or its key (0x + 64 hex digits).
#[derive(Subcommand)]
pub enum Trace {
	/// An item's record (TraceabilityApi::item).
	Item {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
	},
	/// An item's events (TraceabilityApi::history).
	History {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
		/// The first event.
		#[arg(long, default_value_t = 0)]
		from: u32,
		/// How many.
		#[arg(long, default_value_t = 100)]
		count: u32,
	},
	/// The ids of the events that broke an item's conditions (TraceabilityApi::breaches).
	Breaches {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
	},
	/// Check one sensor reading against an anchored root (TraceabilityApi::verify_reading); the
	/// proof is built from the readings' hashes.
	VerifyReading {
		/// The anchored Merkle root.
		#[arg(long, value_parser = args::hash)]
		root: H256,
		/// The reading's hash.
		#[arg(long, value_parser = args::hash)]
		leaf: H256,
		/// A file with every reading's hash (0x hex, one a line, in order).
		#[arg(long)]
		leaves: PathBuf,
	},
	/// An item's history as an EPCIS 2.0 JSON-LD document (on stdout).
	Export {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
	},
	/// Register an item (signed; the signer becomes its custodian).
	CreateItem {
		/// The EPC URI (SGTIN, SSCC, GRAI or LGTIN).
		epc: String,
		#[command(flatten)]
		conditions: Conditions,
	},
	/// Set or clear an item's condition rules (signed by its custodian); without any option the
	/// rules are cleared.
	SetConditions {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
		#[command(flatten)]
		conditions: Conditions,
	},
	/// Record the events of an EPCIS 2.0 JSON document (signed by the items' custodian); events
	/// already recorded are skipped. The items must exist (see `import`).
	Record {
		/// The EPCIS document.
		file: PathBuf,
		/// Calls per transaction (utility.batch_all).
		#[arg(long, default_value_t = 20)]
		chunk: usize,
	},
	/// Import an EPCIS 2.0 JSON document: create the items it names that do not exist, then record
	/// its events that are not recorded yet (signed). Rerunning it submits nothing new.
	Import {
		/// The EPCIS document.
		file: PathBuf,
		/// Calls per transaction (utility.batch_all).
		#[arg(long, default_value_t = 20)]
		chunk: usize,
	},
	/// Offer custody of an item (signed by its custodian).
	Offer {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
		/// The next custodian.
		#[arg(value_parser = args::account)]
		to: AccountId32,
	},
	/// Accept custody offered to the signer.
	Accept {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
	},
	/// Withdraw a custody offer (signed by the custodian) or decline it (signed by the offered
	/// party).
	Cancel {
		/// The item.
		#[arg(value_parser = args::item)]
		item: H256,
	},
	/// Anchor sensor readings by the Merkle root of their hashes (signed by an agency or
	/// operator; with `--item`, by its custodian); check one later with `verify-reading`.
	AnchorReadings {
		/// A file with every reading's hash (0x hex, one a line, in order).
		leaves: PathBuf,
		/// The item the readings are of.
		#[arg(long, value_parser = args::item)]
		item: Option<H256>,
	},
}

impl Trace {
	/// Runs the command.
	pub async fn run(self, ctx: &Ctx) -> Result<()> {
		let chain = ctx.chain().await?;
		let apis = tradechain::runtime_apis().traceability_api();
		let tx = tradechain::transactions().traceability();
		let out = match self {
			Trace::Item { item } => chain.read(apis.item(item)).await?,
			Trace::History { item, from, count } => {
				chain.read(apis.history(item, from, count)).await?
			}
			Trace::Breaches { item } => chain.read(apis.breaches(item)).await?,
			Trace::VerifyReading { root, leaf, leaves } => {
				let leaves = crate::cmd::origin::read_leaves(&leaves)?;
				let index = leaves
					.iter()
					.position(|l| l.0 == leaf.0)
					.ok_or_else(|| Error::new("the reading is not among the leaves"))?;
				let proof = tradechain_primitives::batch_proof(&leaves, index as u32)
					.ok_or_else(|| Error::new("too many readings for a proof"))?;
				let local = tradechain_primitives::verify_batch_proof(
					&root.0.into(),
					&leaf.0.into(),
					&proof,
				);
				let on_chain =
					chain.call(apis.verify_reading(root, leaf, chain_proof(&proof))).await?;
				json!({"leafIndex": index, "proofValidLocally": local, "valid": on_chain})
			}
			Trace::Export { item } => {
				let doc = export(&chain, item).await?;
				// The document is the output, JSON in either mode.
				println!("{doc}");
				return Ok(());
			}
			Trace::CreateItem { epc, conditions } => {
				let parsed =
					tradechain_epcis::chain::Epc::parse(epc.as_bytes()).ok_or_else(|| {
						Error::new(format!("`{epc}` is not an EPC URI the chain knows"))
					})?;
				let call = tx.create_item(Epc(BoundedVec(epc.into_bytes())), conditions.rules());
				let mut out = chain.submit(&call, &ctx.signer()?).await?.summary();
				out["item"] = hex(&parsed.item_ref().0).into();
				out
			}
			Trace::Record { file, chunk } => import(ctx, &chain, &file, chunk, false).await?,
			Trace::Import { file, chunk } => import(ctx, &chain, &file, chunk, true).await?,
			Trace::Offer { item, to } => {
				chain.submit(&tx.offer_custody(item, to), &ctx.signer()?).await?.summary()
			}
			Trace::Accept { item } => {
				chain.submit(&tx.accept_custody(item), &ctx.signer()?).await?.summary()
			}
			Trace::Cancel { item } => {
				chain.submit(&tx.cancel_custody(item), &ctx.signer()?).await?.summary()
			}
			Trace::SetConditions { item, conditions } => {
				let call = tx.set_conditions(item, conditions.rules());
				chain.submit(&call, &ctx.signer()?).await?.summary()
			}
			Trace::AnchorReadings { leaves, item } => {
				let leaves = crate::cmd::origin::read_leaves(&leaves)?;
				let count =
					u32::try_from(leaves.len()).map_err(|_| Error::new("too many readings"))?;
				let root = H256(tradechain_primitives::batch_root(&leaves).0);
				let call = tx.anchor_readings(root, count, item);
				let mut out = chain.submit(&call, &ctx.signer()?).await?.summary();
				out["root"] = hex(&root.0).into();
				out["leaves"] = count.into();
				out
			}
		};
		ctx.print(&out);
		Ok(())
	}
}

/// The EPC URIs an event names as existing items, in order (a transformation's outputs are
/// created by the event itself).
fn named_items(e: &Event) -> Vec<&str> {
	e.epc_list
		.iter()
		.chain(e.quantity_list.iter().map(|q| &q.epc_class))
		.chain(e.parent_id.iter())
		.chain(e.child_epcs.iter())
		.chain(e.child_quantity_list.iter().map(|q| &q.epc_class))
		.chain(e.input_epc_list.iter())
		.chain(e.input_quantity_list.iter().map(|q| &q.epc_class))
		.map(String::as_str)
		.collect()
}

async fn import(ctx: &Ctx, chain: &Chain, file: &Path, chunk: usize, create: bool) -> Result<Json> {
	let text = std::fs::read_to_string(file).ctx(&format!("cannot read {}", file.display()))?;
	let events = tradechain_epcis::from_json_ld(&text)
		.map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
	let mut recordable = Vec::with_capacity(events.len());
	for (i, e) in events.iter().enumerate() {
		let (kind, context) = to_chain(e).map_err(|err| {
			Error::new(format!("{}: epcisBody.eventList[{i}]: {err}", file.display()))
		})?;
		recordable.push((kind, context));
	}

	let at = chain.at().await?;
	let storage = at.storage();
	let items_entry =
		storage.entry(tradechain::storage().traceability().items()).ctx("Traceability::Items")?;
	let events_entry =
		storage.entry(tradechain::storage().traceability().events()).ctx("Traceability::Events")?;

	// Items to create: named, not created by a transformation of the document, not on chain.
	let outputs: Vec<&str> = events
		.iter()
		.flat_map(|e| {
			e.output_epc_list.iter().chain(e.output_quantity_list.iter().map(|q| &q.epc_class))
		})
		.map(String::as_str)
		.collect();
	let mut uris: Vec<&str> = Vec::new();
	for e in &events {
		for uri in named_items(e) {
			if !uris.contains(&uri) && !outputs.contains(&uri) {
				uris.push(uri);
			}
		}
	}
	let mut calls = Vec::new();
	let (mut items_existing, mut items_created) = (0usize, 0usize);
	for uri in &uris {
		let epc = tradechain_epcis::chain::Epc::parse(uri.as_bytes())
			.ok_or_else(|| Error::new(format!("`{uri}` is not an EPC URI the chain knows")))?;
		let key = H256(epc.item_ref().0);
		let exists = items_entry.try_fetch((key,)).await.ctx("reading Traceability::Items")?;
		if exists.is_some() {
			items_existing += 1;
		} else if create {
			items_created += 1;
			calls.push(RuntimeCall::Traceability(TraceCall::create_item {
				epc: Epc(BoundedVec(uri.as_bytes().to_vec())),
				conditions: None,
			}));
		} else {
			return Err(Error::new(format!(
				"item {uri} does not exist: create it (trace create-item) or use trace import"
			)));
		}
	}
	let mut recorded = Vec::new();
	let mut skipped = 0usize;
	for (kind, context) in recordable {
		let id = H256(context.event_id.0);
		let exists = events_entry.try_fetch((id,)).await.ctx("reading Traceability::Events")?;
		if exists.is_some() {
			skipped += 1;
			continue;
		}
		recorded.push(hex(&id.0));
		calls.push(RuntimeCall::Traceability(TraceCall::record_event {
			kind: Static(kind),
			context: Static(context),
		}));
	}
	if skipped > 0 || items_existing > 0 {
		ctx.note(&format!(
			"{skipped} event(s) already recorded and {items_existing} item(s) existing: skipped"
		));
	}

	let signer = if calls.is_empty() { None } else { Some(ctx.signer()?) };
	let bar = ctx.progress(calls.len() as u64, "recording");
	let mut transactions = 0;
	let total = calls.len();
	let mut calls = calls.into_iter().peekable();
	while calls.peek().is_some() {
		let part: Vec<RuntimeCall> = calls.by_ref().take(chunk.max(1)).collect();
		let n = part.len() as u64;
		let call = tradechain::transactions().utility().batch_all(part);
		if let Some(signer) = &signer {
			chain.submit(&call, signer).await?;
		}
		transactions += 1;
		bar.inc(n);
	}
	bar.finish_and_clear();
	Ok(json!({
		"events": events.len(),
		"recorded": recorded.len(),
		"skipped": skipped,
		"itemsCreated": items_created,
		"itemsExisting": items_existing,
		"calls": total,
		"transactions": transactions,
		"recordedIds": recorded,
	}))
}

async fn export(chain: &Chain, item: H256) -> Result<String> {
	let apis = tradechain::runtime_apis().traceability_api();
	let mut events = Vec::new();
	let mut uris = std::collections::HashMap::new();
	let mut from = 0;
	loop {
		let page = chain.call(apis.history(item, from, 100)).await?;
		let n = page.len() as u32;
		for (_, Static(record)) in page {
			for r in tradechain_epcis::chain::named_items(&record.kind) {
				if let std::collections::hash_map::Entry::Vacant(slot) = uris.entry(r) {
					let info = chain.call(apis.item(H256(r.0))).await?;
					if let Some(info) = info {
						slot.insert(String::from_utf8_lossy(&info.epc).into_owned());
					}
				}
			}
			let event = tradechain_epcis::chain::from_chain(&record.kind, &record.context, |r| {
				uris.get(r).cloned()
			})
			.ctx("exporting an event")?;
			events.push(event);
		}
		if n < 100 {
			break;
		}
		from += n;
	}
	Ok(tradechain_epcis::to_json_ld_string(&events, args::now() as i64))
}
