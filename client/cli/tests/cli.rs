//! The `tradechain` binary against a real dev node, with the development preset's demo data
//! (see `runtime/src/genesis_config_presets.rs`): Bob is DE customs, Dave a KE origin issuer, Eve
//! a KE exporter (AEO-F), Ferdie a DE importer with three escrows and declaration 1, the roses'
//! lot and container are Ferdie's.

use std::{
	path::Path,
	process::{Command, Output},
};

use serde_json::Value;
use tradechain_integration_tests::Node;

const DEMO_PREFERENTIAL_CERTIFICATE: &str = "demo certificate of origin KE-2026-0001";
const DEMO_CERTIFICATE: &str = "demo certificate of origin KE-2026-0002";
const DEMO_LOT: &str = "urn:epc:class:lgtin:0614141.107346.ROSES-2611";
const DEMO_CONTAINER: &str = "urn:epc:id:sscc:0614141.1000000024";

/// Runs `tradechain --url <url> <args>`.
fn run(url: &str, args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_tradechain"))
		.arg("--url")
		.arg(url)
		.args(args)
		.output()
		.expect("the tradechain binary runs")
}

fn stderr(out: &Output) -> String {
	String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs a command that must succeed with `--json` and returns its JSON.
fn json(url: &str, args: &[&str]) -> Value {
	let mut all = args.to_vec();
	all.push("--json");
	let out = run(url, &all);
	assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
	serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
		panic!("{args:?}: stdout is not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout))
	})
}

/// A command that must fail cleanly: exit `code`, `expected` on stderr, no panic.
fn fails(out: &Output, code: i32, expected: &str) {
	let err = stderr(out);
	assert_eq!(out.status.code(), Some(code), "stderr:\n{err}");
	assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
	assert!(!err.contains("panicked"), "panicked:\n{err}");
}

fn ss58(uri: &str) -> String {
	let uri: subxt_signer::SecretUri = uri.parse().unwrap();
	subxt_signer::sr25519::Keypair::from_uri(&uri).unwrap().public_key().to_account_id().to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
	let path = dir.join(name);
	std::fs::write(&path, text).unwrap();
	path.display().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn reads_of_every_domain_show_the_demo_and_bad_input_fails_cleanly() {
	let node = Node::dev().await;
	let url = node.ws_url();
	let url = url.as_str();
	let dir = tempfile::tempdir().unwrap();
	let (bob, eve, ferdie) = (ss58("//Bob"), ss58("//Eve"), ss58("//Ferdie"));

	// Roles: Bob is DE customs; Ferdie is among DE's economic operators.
	let roles = json(url, &["roles", "of", &bob]);
	assert_eq!(roles[0]["role"], serde_json::json!({"Agency": "CustomsAuthority"}), "{roles}");
	assert_eq!(roles[0]["country"], "DE");
	let holders = json(url, &["roles", "holders", "economic-operator", "DE"]);
	assert!(holders.as_array().unwrap().contains(&Value::from(ferdie.clone())), "{holders}");

	// Documents: nothing anchored under a random file.
	let random = write(dir.path(), "random.txt", "never anchored");
	assert_eq!(json(url, &["documents", "show", &random]), Value::Null);

	// Certificates of origin: the non-preferential one is issued, the preferential one used.
	let certificate = write(dir.path(), "certificate.txt", DEMO_CERTIFICATE);
	let preferential = write(dir.path(), "preferential.txt", DEMO_PREFERENTIAL_CERTIFICATE);
	let status = json(url, &["origin", "status", &certificate]);
	assert_eq!(status["Issued"]["valid_until"], 1_830_297_599_000u64, "{status}");
	assert!(json(url, &["origin", "status", &preferential])["Used"].is_object());
	let record = json(url, &["origin", "show", &certificate]);
	assert!(record.to_string().contains("INV-2026-0002"), "{record}");

	// AEO: Eve (AEO-F in Kenya) is recognised in Germany under the MRA.
	let aeo = json(url, &["aeo", "status", "//Eve", "--seen-from", "DE"]);
	assert_eq!(aeo["Recognised"]["kind"], "Full", "{aeo}");
	assert_eq!(aeo["Recognised"]["mutual_recognition"], true);
	assert!(json(url, &["aeo", "mras", "KE"]).to_string().contains("\"DE\""));

	// Customs: declaration 1 is Ferdie's preferential coffee import, lodged.
	let declaration = json(url, &["customs", "show", "1"]);
	assert_eq!(declaration["declarant"], ferdie, "{declaration}");
	assert_eq!(declaration["stage"], "Lodged");
	assert_eq!(declaration["agreement"], "EU-KE-EPA");
	let stats = json(url, &["customs", "statistics", "DE", "--office", "DEHAM"]);
	assert!(stats["counters"]["lodged"].as_u64().unwrap() >= 1, "{stats}");

	// Traceability: the lot broke its range once; the container's three events.
	let lot = json(url, &["trace", "item", DEMO_LOT]);
	assert_eq!((lot["custodian"].as_str(), lot["breaches"].as_u64()), (Some(&*ferdie), Some(1)));
	assert_eq!(lot["epc"], DEMO_LOT);
	let history = json(url, &["trace", "history", DEMO_CONTAINER]);
	assert_eq!(history.as_array().unwrap().len(), 3, "{history}");
	assert_eq!(json(url, &["trace", "breaches", DEMO_LOT]).as_array().unwrap().len(), 1);

	// Payments: Ferdie's three escrows for Eve, the second 2,000 UNIT released.
	let escrows = json(url, &["pay", "escrows", "//Ferdie"]);
	let escrows = escrows.as_array().unwrap();
	assert_eq!(escrows.len(), 3);
	assert!(escrows.iter().all(|e| e["seller"] == eve.as_str()));
	assert_eq!(escrows[1]["released"], 2_000_000_000_000_000u64);
	assert_eq!(escrows[2]["disputed"], true);
	assert!(json(url, &["pay", "treasury", "DE"]).as_str().is_some());

	// verify: the demo certificate is found; a random file is not (non-zero exit).
	let verified = json(url, &["verify", &certificate]);
	assert!(verified["certificate"]["Issued"].is_object(), "{verified}");
	assert_eq!(verified["document"], Value::Null);
	fails(&run(url, &["verify", &random]), 1, "is not anchored");

	// Human-readable output is a table, not JSON.
	let table = run(url, &["pay", "escrows", "//Ferdie"]);
	assert!(table.status.success());
	let text = String::from_utf8_lossy(&table.stdout);
	assert!(!text.trim_start().starts_with('[') && text.contains("seller"), "{text}");

	// Bad input: clap's exit 2 for flags and values, one line and exit 1 otherwise.
	fails(&run(url, &["roles", "of", "//Bob", "--no-such-flag"]), 2, "--no-such-flag");
	fails(&run(url, &["origin", "status", "0x12zz"]), 2, "cannot read");
	fails(&run(url, &["customs", "statistics", "XX"]), 2, "XX");
	fails(&run(url, &["verify", "/nonexistent/file"]), 1, "Error: cannot read /nonexistent/file");
	fails(&run("ws://127.0.0.1:1", &["roles", "of", "//Bob"]), 1, "Error: cannot connect");
	fails(&run(url, &["origin", "accept", &certificate]), 1, "--suri or --key-file");
}

const EPCIS: &str = r#"{"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
	"type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-22T09:00:00Z",
	"epcisBody": {"eventList": [
		{"type": "ObjectEvent", "action": "ADD", "eventTime": "2026-11-21T06:00:00.000+03:00",
			"eventTimeZoneOffset": "+03:00", "epcList": ["urn:epc:id:sscc:0614141.1000000031"],
			"bizStep": "commissioning", "disposition": "active",
			"readPoint": {"id": "https://id.gs1.org/414/0614141000012"},
			"bizLocation": {"id": "https://id.gs1.org/414/0614141000012"}},
		{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2026-11-22T08:00:00.000+03:00",
			"eventTimeZoneOffset": "+03:00", "epcList": ["urn:epc:id:sscc:0614141.1000000031"],
			"bizStep": "shipping", "disposition": "in_transit",
			"readPoint": {"id": "https://vocabulary.uncefact.org/unlocode#KEMBA"},
			"bizLocation": {"id": "https://vocabulary.uncefact.org/unlocode#KEMBA"}}
	]}}"#;

const DECLARATIONS: &str = r#"{"declarations": [
	{"reference": "PO-77-1", "procedure": "import", "office": "DEHAM", "partner": "KE",
		"lines": [{"hs_code": "090111", "origin": "KE", "value": "20000 TRD", "quantity": 8000,
			"unit": "KGM"}],
		"currency": "EUR", "documents": ["invoice INV-77-1"]},
	{"reference": "PO-77-2", "procedure": "import", "office": "DEHAM", "partner": "KE",
		"lines": [{"hs_code": "090230", "origin": "KE", "value": "5000 TRD", "quantity": 2000,
			"unit": "KGM"}],
		"currency": "EUR", "documents": ["invoice INV-77-2"]}
]}"#;

#[tokio::test(flavor = "multi_thread")]
async fn calls_show_module_errors_and_bulk_work_resumes_without_repeating() {
	let node = Node::dev().await;
	let url = node.ws_url();
	let url = url.as_str();
	let dir = tempfile::tempdir().unwrap();
	let d = dir.path();
	let preferential = write(d, "preferential.txt", DEMO_PREFERENTIAL_CERTIFICATE);
	let invoice = write(d, "invoice.json", r#"{"invoice":"INV-2026-0077"}"#);
	let epcis = write(d, "epcis.json", EPCIS);
	let declarations = write(d, "declarations.json", DECLARATIONS);
	for i in 0..5 {
		write(d, &format!("cert-{i}.txt"), &format!("certificate KE-BATCH-77-{i:03}"));
	}
	let csv = write(
		d,
		"batch.csv",
		&(0..5).fold("id,file\n".to_string(), |s, i| s + &format!("KE-77-{i},cert-{i}.txt\n")),
	);
	let proofs = d.join("proofs.json").display().to_string();
	let batch = ["origin", "issue-batch", &csv, "--valid-until", "+90d", "--proofs", &proofs];
	let batch: Vec<&str> = batch.iter().copied().chain(["--suri", "//Dave"]).collect();
	let import = ["trace", "import", &epcis, "--suri", "//Eve"];
	let lodge = ["customs", "lodge-many", &declarations, "--suri", "//Bob//stash"];

	// Round 1, five signers at once: a refused acceptance, an anchored invoice, a batch, an
	// EPCIS import, two declarations.
	let (refused, anchored, issued, imported, lodged) = std::thread::scope(|s| {
		let refused = s.spawn(|| run(url, &["origin", "accept", &preferential, "--suri", "//Bob"]));
		let anchored = s.spawn(|| {
			json(url, &["documents", "anchor", &invoice, "--kind", "invoice", "--suri", "//Ferdie"])
		});
		let issued = s.spawn(|| json(url, &batch));
		let imported = s.spawn(|| json(url, &import));
		let lodged = s.spawn(|| json(url, &lodge));
		(
			refused.join().unwrap(),
			anchored.join().unwrap(),
			issued.join().unwrap(),
			imported.join().unwrap(),
			lodged.join().unwrap(),
		)
	});
	fails(&refused, 1, "Error: CertificatesOfOrigin::AlreadyUsed — ");
	assert_eq!(stderr(&refused).lines().count(), 1, "one line: {}", stderr(&refused));
	assert!(anchored["block"].is_string(), "{anchored}");
	assert_eq!((issued["anchored"].as_bool(), issued["leaves"].as_u64()), (Some(true), Some(5)));
	assert_eq!(
		(imported["recorded"].as_u64(), imported["itemsCreated"].as_u64()),
		(Some(2), Some(1))
	);
	assert_eq!(imported["transactions"], 1);
	assert_eq!((lodged["lodged"].as_u64(), lodged["skipped"].as_u64()), (Some(2), Some(0)));
	let first_proofs = std::fs::read_to_string(&proofs).unwrap();

	// Round 2: the reruns find everything done and submit nothing; the invoice and one leaf of
	// the batch verify.
	let (issued, imported, lodged) = std::thread::scope(|s| {
		let issued = s.spawn(|| json(url, &batch));
		let imported = s.spawn(|| json(url, &import));
		let lodged = s.spawn(|| json(url, &lodge));
		(issued.join().unwrap(), imported.join().unwrap(), lodged.join().unwrap())
	});
	assert_eq!(
		(issued["anchored"].as_bool(), issued["skipped"].as_bool()),
		(Some(false), Some(true))
	);
	assert_eq!(issued["root"], serde_json::from_str::<Value>(&first_proofs).unwrap()["root"]);
	assert_eq!(std::fs::read_to_string(&proofs).unwrap(), first_proofs, "same proofs");
	assert_eq!((imported["recorded"].as_u64(), imported["skipped"].as_u64()), (Some(0), Some(2)));
	assert_eq!(
		(imported["itemsCreated"].as_u64(), imported["transactions"].as_u64()),
		(Some(0), Some(0))
	);
	assert_eq!((lodged["lodged"].as_u64(), lodged["skipped"].as_u64()), (Some(0), Some(2)));
	assert_eq!(lodged["transactions"], 0);

	let document = json(url, &["verify", &invoice]);
	assert_eq!(document["document"]["owner"], ss58("//Ferdie"), "{document}");
	let root = issued["root"].as_str().unwrap().to_string();
	let leaf = d.join("cert-3.txt").display().to_string();
	let verified = json(url, &["verify", &leaf, "--batch-root", &root, "--leaves", &csv]);
	assert_eq!(verified["batch"]["leafIndex"], 3, "{verified}");
	assert_eq!(verified["batch"]["proofValidLocally"], true);
	assert!(verified["batch"]["status"]["Issued"].is_object(), "{verified}");
	// A file outside the batch fails locally, before any proof.
	fails(
		&run(url, &["verify", &preferential, "--batch-root", &root, "--leaves", &csv]),
		1,
		"is not among the leaves",
	);
	// The imported item and events are on chain.
	let item = json(url, &["trace", "item", "urn:epc:id:sscc:0614141.1000000031"]);
	assert_eq!(
		(item["custodian"].as_str(), item["events"].as_u64()),
		(Some(&*ss58("//Eve")), Some(2))
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_domain_s_calls_work_from_the_command_line_also_with_a_key_file() {
	let node = Node::dev().await;
	let url = node.ws_url();
	let url = url.as_str();
	let dir = tempfile::tempdir().unwrap();
	let d = dir.path();

	// A key file instead of --suri: Ferdie holds 100 TRD for Eve until Two (the bank) approves.
	let key = write(d, "ferdie.key", "//Ferdie\n");
	let created = json(
		url,
		&[
			"pay",
			"create",
			"//Eve",
			"--arbiter",
			"//Alice//stash",
			"--amount",
			"100 TRD",
			"--condition",
			"approved-by://Two",
			"--deadline",
			"+30d",
			"--key-file",
			&key,
		],
	);
	let escrow = created["escrow"].as_u64().expect("the new escrow's id").to_string();
	let escrows = json(url, &["pay", "escrows", "//Ferdie"]);
	let mine = escrows.as_array().unwrap().iter().find(|e| e["id"].to_string() == escrow);
	assert_eq!(mine.expect("listed")["amount"], 100_000_000_000_000u64, "{escrows}");
	json(url, &["pay", "approve", &escrow, "--suri", "//Two"]);
	json(url, &["pay", "release", &escrow, "--suri", "//Eve"]);
	let escrows = json(url, &["pay", "escrows", "//Ferdie"]);
	assert!(
		!escrows.as_array().unwrap().iter().any(|e| e["id"].to_string() == escrow),
		"released and closed: {escrows}"
	);

	// The arbiter settles the demo's disputed escrow (2: 1,000 TRD) 70/30.
	let settled =
		json(url, &["pay", "settle", "2", "--seller-share", "70%", "--suri", "//Alice//stash"]);
	assert_eq!(
		(settled["toSeller"].as_u64(), settled["toBuyer"].as_u64()),
		(Some(700_000_000_000_000), Some(300_000_000_000_000)),
		"{settled}"
	);
	// The seller cannot settle: a module error, one line, exit 1.
	fails(
		&run(url, &["pay", "settle", "2", "--seller-share", "1%", "--suri", "//Eve"]),
		1,
		"Error: Payments::",
	);

	// An exporter applies for a certificate; the chamber approves it as a certificate.
	let details = write(
		d,
		"tea.json",
		r#"{"exporter": "//Eve", "consignee": "//Ferdie", "destination": "DE",
		   "goods": [{"hs_code": "090240", "description": "black tea in bulk", "quantity": 12000, "unit": "KGM"}],
		   "preference": "non-preferential", "invoice": "INV-CLI-9", "valid_until": "+60d"}"#,
	);
	let applied = json(url, &["origin", "apply", "--details", &details, "--suri", "//Eve"]);
	let application = applied["id"].as_u64().expect("the application's id").to_string();
	let certificate = write(d, "cert.txt", "certificate KE-CLI-0009");
	json(url, &["origin", "approve-application", &application, &certificate, "--suri", "//Dave"]);
	let status = json(url, &["origin", "status", &certificate]);
	assert!(status["Issued"]["valid_until"].is_u64(), "{status}");
	fails(
		&run(
			url,
			&["origin", "approve-application", &application, &certificate, "--suri", "//Dave"],
		),
		1,
		"Error: CertificatesOfOrigin::ApplicationNotFound — ",
	);

	// German customs certifies the carrier as AEO-S and holds declaration 1.
	json(
		url,
		&[
			"aeo",
			"certify",
			"//One",
			"--kind",
			"s",
			"--reference",
			"DE-AEOS-0099",
			"--valid-until",
			"+365d",
			"--suri",
			"//Bob",
		],
	);
	let aeo = json(url, &["aeo", "status", "//One", "--seen-from", "DE"]);
	assert_eq!(aeo["Recognised"]["kind"], "Security", "{aeo}");
	json(url, &["customs", "hold", "1", "--reason", "documents to check", "--suri", "//Bob"]);
	let declaration = json(url, &["customs", "show", "1"]);
	assert_eq!(declaration["stage"]["Held"]["reason"], "documents to check", "{declaration}");

	// The lot's custodian sets its cold-chain rules; a stranger cannot.
	json(url, &["trace", "set-conditions", DEMO_LOT, "--temperature", "2:8", "--suri", "//Ferdie"]);
	fails(
		&run(
			url,
			&["trace", "set-conditions", DEMO_LOT, "--temperature", "0:4", "--suri", "//Eve"],
		),
		1,
		"Error: Traceability::",
	);
}
