//! The load: accounts, the calls each workload sends, and signing them ahead of submission.

use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	dynamic::Value,
	rpcs::{rpc_params, RpcClient},
	transactions::Payload,
	utils::{AccountId32, H256},
};
use subxt_signer::{sr25519::Keypair, SecretUri};
use tradechain_epcis::{chain::to_chain, locode_uri, Action, Event, EventType};
use tradechain_integration_tests::{
	chain::AtBlock,
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_certificates_of_origin::types::{CertificateDetails, GoodsLine, Preference},
			pallet_customs::types::{DeclarationDetails, DeclarationLine, Procedure},
			pallet_payments::types::Condition,
			pallet_traceability::{pallet::Call as TraceCall, types::Epc},
			tradechain_primitives::codes::{CountryCode, CurrencyCode, HsCode, UnLocode, UnitCode},
			tradechain_runtime::RuntimeCall,
		},
	},
	Config,
};

use crate::track::Signed;

const UNIT: u128 = 1_000_000_000_000;
pub const DAY_MS: u64 = 86_400_000;
/// Events recorded per traceability item (the runtime keeps at most 64 per item).
pub const EVENTS_PER_ITEM: u64 = 60;

/// What one transaction of the load does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
	/// `Balances::transfer_keep_alive` of 1 unit to the next account (any Substrate node).
	Transfer,
	/// `CertificatesOfOrigin::issue`: a non-preferential certificate, one goods line.
	Certificate,
	/// `Traceability::record_event`: an EPCIS object event (observe) on one item.
	Event,
	/// `Customs::lodge`: an export declaration, one line.
	Declaration,
	/// `Payments::create`: an escrow released on one approval.
	Escrow,
}

impl Workload {
	pub const ALL: [Workload; 5] =
		[Self::Transfer, Self::Certificate, Self::Event, Self::Declaration, Self::Escrow];

	pub fn call(&self) -> &'static str {
		match self {
			Self::Transfer => "Balances::transfer_keep_alive",
			Self::Certificate => "CertificatesOfOrigin::issue",
			Self::Event => "Traceability::record_event (object)",
			Self::Declaration => "Customs::lodge",
			Self::Escrow => "Payments::create (1 condition)",
		}
	}
}

/// The load accounts `//Bench//0`, `//Bench//1`, ...
pub fn accounts(n: usize) -> Vec<Keypair> {
	(0..n)
		.map(|i| {
			let uri: SecretUri = format!("//Bench//{i}").parse().expect("a valid derivation path");
			Keypair::from_uri(&uri).expect("a derivable key")
		})
		.collect()
}

pub fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_ms() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or(0)
}

fn hash(text: &str) -> H256 {
	H256(tradechain_primitives::document_hash(text.as_bytes()).0)
}

/// The EPC of account `i`'s `k`-th traceability item.
pub fn item_epc(i: usize, k: u64) -> String {
	format!("urn:epc:id:sscc:0614141.{:010}", i as u64 * 1000 + k)
}

/// Signs `call` from `signer` with `nonce` (immortal: the load may wait in the pool).
pub fn sign<C: Payload>(
	at: &AtBlock,
	call: &C,
	signer: &Keypair,
	nonce: u64,
) -> Result<Signed, String> {
	let params = DefaultExtrinsicParamsBuilder::<Config>::new().nonce(nonce).build();
	let tx = at
		.transactions()
		.create_signable_offline(call, params)
		.map_err(|e| format!("cannot build the transaction: {e}"))?
		.sign(signer)
		.map_err(|e| format!("cannot sign the transaction: {e}"))?;
	let bytes = tx.into_encoded();
	Ok(Signed {
		hash: sp_crypto_hashing::blake2_256(&bytes),
		hex: format!("0x{}", hex::encode(bytes)),
	})
}

/// Each account's next nonce from the node's pool view.
pub async fn nonces(rpc: &RpcClient, accounts: &[Keypair]) -> Result<Vec<u64>, String> {
	let mut out = Vec::with_capacity(accounts.len());
	for k in accounts {
		let n: u64 = rpc
			.request("system_accountNextIndex", rpc_params![id(k).to_string()])
			.await
			.map_err(|e| format!("system_accountNextIndex: {e}"))?;
		out.push(n);
	}
	Ok(out)
}

/// Builds the transactions of one workload: `per_account` from each account, interleaved
/// (account 0, 1, …, n−1, then each one's next) so that one account's transactions reach the
/// pool in nonce order. `seq` numbers each account's transactions of this workload across
/// phases (certificate hashes, event times and traceability items derive from it).
pub struct Load<'a> {
	pub at: &'a AtBlock,
	pub accounts: &'a [Keypair],
	pub nonces: Vec<u64>,
	pub seq: &'a mut Vec<u64>,
	pub run: u64,
}

impl Load<'_> {
	pub fn build(&mut self, workload: Workload, per_account: u64) -> Result<Vec<Signed>, String> {
		let n = self.accounts.len();
		let mut out = Vec::with_capacity(n * per_account as usize);
		for round in 0..per_account {
			for i in 0..n {
				let (signer, nonce, s) =
					(&self.accounts[i], self.nonces[i] + round, self.seq[i] + round);
				let next = id(&self.accounts[(i + 1) % n]);
				let tx = match workload {
					Workload::Transfer => {
						let dest = Value::unnamed_variant("Id", [Value::from_bytes(next.0)]);
						let call = subxt::dynamic::tx(
							"Balances",
							"transfer_keep_alive",
							vec![dest, Value::u128(1)],
						);
						sign(self.at, &call, signer, nonce)
					}
					Workload::Certificate => {
						sign(self.at, &certificate(self.run, i, s, signer), signer, nonce)
					}
					Workload::Event => sign(self.at, &event(i, s)?, signer, nonce),
					Workload::Declaration => {
						sign(self.at, &declaration(self.run, i, s, signer), signer, nonce)
					}
					Workload::Escrow => {
						let arbiter = id(&self.accounts[(i + 2) % n]);
						sign(self.at, &escrow(self.run, i, s, next, arbiter), signer, nonce)
					}
				}?;
				out.push(tx);
			}
		}
		for (i, s) in self.seq.iter_mut().enumerate() {
			*s += per_account;
			self.nonces[i] += per_account;
		}
		Ok(out)
	}
}

fn text(s: &str) -> BoundedVec<u8> {
	BoundedVec(s.as_bytes().to_vec())
}

fn certificate(run: u64, i: usize, s: u64, signer: &Keypair) -> impl Payload {
	let details = CertificateDetails {
		exporter: id(signer),
		consignee: id(signer),
		destination: CountryCode(*b"DE"),
		goods: BoundedVec(vec![GoodsLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			description: hash("green coffee"),
			quantity: 19_200,
			unit: UnitCode(*b"KGM"),
		}]),
		preference: Preference::NonPreferential,
		invoice: text(&format!("INV-{run}-{i}-{s}")),
		valid_until: now_ms() + 90 * DAY_MS,
	};
	tradechain::transactions()
		.certificates_of_origin()
		.issue(hash(&format!("bench certificate {run}/{i}/{s}")), details)
}

fn event(i: usize, s: u64) -> Result<impl Payload, String> {
	let e = Event {
		event_type: EventType::Object,
		action: Some(Action::Observe),
		// Distinct times give distinct EPCIS hash ids.
		event_time_millis: (now_ms() - DAY_MS) as i64 + (i as i64) * 1_000_000 + s as i64,
		time_zone_offset_minutes: 180,
		epc_list: vec![item_epc(i, s / EVENTS_PER_ITEM)],
		biz_step: Some("inspecting".into()),
		disposition: Some("in_progress".into()),
		read_point: Some(locode_uri("KEMBA")),
		..Default::default()
	};
	let (kind, context) = to_chain(&e).map_err(|e| format!("event not recordable: {e}"))?;
	Ok(tradechain::transactions()
		.traceability()
		.record_event(subxt::utils::Static(kind), subxt::utils::Static(context)))
}

fn declaration(run: u64, i: usize, s: u64, _signer: &Keypair) -> impl Payload {
	let details = DeclarationDetails {
		procedure: Procedure::Export,
		office: UnLocode(*b"KEMBA"),
		partner: CountryCode(*b"DE"),
		lines: BoundedVec(vec![DeclarationLine {
			hs_code: HsCode(BoundedVec(b"090111".to_vec())),
			origin: CountryCode(*b"KE"),
			value: 48_000 * UNIT,
			quantity: 19_200,
			unit: UnitCode(*b"KGM"),
		}]),
		invoice_currency: CurrencyCode(*b"EUR"),
		certificate: None,
		consignment: None,
		export_declaration: None,
		documents: BoundedVec(vec![hash(&format!("invoice {run}/{i}/{s}"))]),
	};
	tradechain::transactions().customs().lodge(None, details)
}

fn escrow(run: u64, i: usize, s: u64, seller: AccountId32, arbiter: AccountId32) -> impl Payload {
	tradechain::transactions().payments().create(
		seller.clone(),
		arbiter,
		1_000 * UNIT / 1_000,
		BoundedVec(vec![(Condition::ApprovedBy { party: seller }, 0)]),
		false,
		now_ms() + 30 * DAY_MS,
		Some(hash(&format!("contract {run}/{i}/{s}"))),
	)
}

/// Account `i`'s traceability items `from..to` (each takes [`EVENTS_PER_ITEM`] object events),
/// created in one batch.
pub fn items(i: usize, from: u64, to: u64) -> impl Payload {
	let calls = (from..to)
		.map(|k| {
			RuntimeCall::Traceability(TraceCall::create_item {
				epc: Epc(BoundedVec(item_epc(i, k).into_bytes())),
				conditions: None,
			})
		})
		.collect();
	tradechain::transactions().utility().batch_all(calls)
}
