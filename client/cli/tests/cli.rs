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

/// Customs settings and controls: a tariff line and a risk rule set by German customs, a
/// declaration lodged under them (red channel, 5 % duty), amended (duty recomputed), inspected,
/// and no longer amendable; purging it is refused until its retention period is over.
fn customs_settings_amendment_and_control(url: &str, d: &Path) {
	json(url, &["customs", "set-tariff", "0904", "--mfn-bp", "500", "--suri", "//Bob"]);
	let rules = write(
		d,
		"rules.json",
		r#"{"rules": [{"rule": "commodity", "heading": "0904", "points": 100}],
		   "yellow_from": 30, "red_from": 60, "random_per_mille": 0, "mirror_tolerance_bp": 500}"#,
	);
	json(url, &["customs", "set-rules", &rules, "--suri", "//Bob"]);
	let pepper = |value: &str| {
		format!(
			r#"{{"reference": "PO-88-1", "procedure": "import", "office": "DEHAM", "partner": "KE",
			   "lines": [{{"hs_code": "090411", "origin": "KE", "value": "{value}", "quantity": 500,
			   "unit": "KGM"}}], "currency": "EUR", "documents": ["invoice INV-88-1"]}}"#
		)
	};
	let lodged = write(d, "pepper.json", &pepper("1000 TRD"));
	let lodged = json(url, &["customs", "lodge", &lodged, "--suri", "//Bob//stash"]);
	let id = lodged["id"].as_u64().expect("the declaration's id").to_string();
	let shown = json(url, &["customs", "show", &id]);
	assert_eq!(shown["assessment"]["channel"], "Red", "{shown}");
	assert_eq!(shown["assessment"]["fired"][0]["Commodity"]["points"], 100, "{shown}");
	assert_eq!(shown["duty"], 50_000_000_000_000u64, "5 % of 1,000 TRD: {shown}");

	let amended = write(d, "pepper-2.json", &pepper("2000 TRD"));
	json(url, &["customs", "amend", &id, &amended, "--suri", "//Bob//stash"]);
	let shown = json(url, &["customs", "show", &id]);
	assert_eq!(shown["details"]["lines"][0]["value"], 2_000_000_000_000_000u64, "{shown}");
	assert_eq!(shown["duty"], 100_000_000_000_000u64, "recomputed: {shown}");

	let report = write(d, "report.txt", "inspection report 88: as declared");
	let by_importer = run(
		url,
		&[
			"customs",
			"record-control",
			&id,
			"physical",
			"--report",
			&report,
			"--suri",
			"//Bob//stash",
		],
	);
	fails(&by_importer, 1, "Error: Customs::NotCustoms — ");
	json(
		url,
		&["customs", "record-control", &id, "physical", "--report", &report, "--suri", "//Bob"],
	);
	let shown = json(url, &["customs", "show", &id]);
	assert_eq!(
		(shown["inspection"]["kind"].as_str(), shown["inspection"]["satisfactory"].as_bool()),
		(Some("Physical"), Some(true)),
		"{shown}"
	);
	fails(
		&run(url, &["customs", "amend", &id, &amended, "--suri", "//Bob//stash"]),
		1,
		"Error: Customs::AlreadyControlled — ",
	);
	fails(
		&run(url, &["customs", "purge", &id, "--suri", "//Bob//stash"]),
		1,
		"Error: Customs::RetentionNotOver — ",
	);
}

/// Encrypted sharing from the command line: Eve makes a reading key and publishes it, Ferdie
/// encrypts and anchors a contract and grants Eve access with the content key, Eve decrypts it
/// from the chain's envelope; once revoked, her envelope is gone and decryption is refused.
fn encrypted_sharing(url: &str, d: &Path) {
	let key = d.join("eve.x25519").display().to_string();
	let made = json(url, &["documents", "keygen", "--out", &key]);
	let public = made["publicKey"].as_str().expect("the public key").to_string();
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		let mode = std::fs::metadata(&key).unwrap().permissions().mode();
		assert_eq!(mode & 0o777, 0o600, "the secret key file is the owner's only");
	}
	fails(&run(url, &["documents", "keygen", "--out", &key]), 1, "cannot create");

	let contract =
		write(d, "contract.txt", "contract of sale 88: 12 t of black pepper, CIF Hamburg");
	let (encrypted, content_key) = (
		d.join("contract.enc").display().to_string(),
		d.join("contract.key").display().to_string(),
	);
	let sealed = json(
		url,
		&["documents", "encrypt", &contract, "--out", &encrypted, "--content-key", &content_key],
	);
	assert_ne!(std::fs::read(&encrypted).unwrap(), std::fs::read(&contract).unwrap());
	let anchored =
		json(url, &["documents", "anchor", &contract, "--kind", "other", "--suri", "//Ferdie"]);
	assert_eq!(sealed["hash"], anchored["hash"], "the encrypted file names the anchored document");
	let grant = ["documents", "grant-access", &contract, "//Eve", "--content-key", &content_key];
	let grant: Vec<&str> = grant.iter().copied().chain(["--suri", "//Ferdie"]).collect();
	fails(&run(url, &grant), 1, "has published no encryption key");

	json(url, &["roles", "set-encryption-key", &public, "--suri", "//Eve"]);
	json(url, &grant);
	assert_eq!(json(url, &["documents", "show", &contract])["grants"], 1);
	let plain = d.join("contract.out").display().to_string();
	let as_eve = ["documents", "decrypt", &encrypted, "--reader-key", &key, "--suri", "//Eve"];
	let opened = json(url, &[&as_eve[..], &["--out", &plain]].concat());
	assert_eq!(opened["hash"], anchored["hash"], "{opened}");
	assert_eq!(std::fs::read(&plain).unwrap(), std::fs::read(&contract).unwrap());
	// Another key does not open Eve's envelope, and nothing is written.
	let other = d.join("other.x25519").display().to_string();
	json(url, &["documents", "keygen", "--out", &other]);
	let refused = d.join("contract.refused").display().to_string();
	let with_other =
		["documents", "decrypt", &encrypted, "--reader-key", &other, "--reader", "//Eve"];
	let with_other: Vec<&str> = with_other.iter().copied().chain(["--out", &refused]).collect();
	fails(&run(url, &with_other), 1, "envelope: the key envelope does not open with this key");
	assert!(!Path::new(&refused).exists(), "nothing written");
	// A file that is no key file is refused without echoing its text.
	let not_a_key = ["documents", "decrypt", &encrypted, "--reader-key", &contract];
	let not_a_key: Vec<&str> = not_a_key.iter().copied().chain(["--out", &refused]).collect();
	let out = run(url, &[&not_a_key[..], &["--reader", "//Eve"]].concat());
	fails(&out, 1, "is not a Tradechain key file");
	assert!(!stderr(&out).contains("black pepper"), "the file's text is not printed");
	// Another document's content key is refused before anything is submitted.
	let invoice = write(d, "invoice-88.txt", "invoice 88");
	let (invoice_enc, invoice_key) =
		(d.join("invoice.enc").display().to_string(), d.join("invoice.key").display().to_string());
	json(
		url,
		&["documents", "encrypt", &invoice, "--out", &invoice_enc, "--content-key", &invoice_key],
	);
	let wrong = ["documents", "grant-access", &contract, "//Eve", "--content-key", &invoice_key];
	fails(
		&run(url, &[&wrong[..], &["--suri", "//Ferdie"]].concat()),
		1,
		"is the content key of document",
	);

	json(url, &["documents", "revoke-access", &contract, "//Eve", "--suri", "//Ferdie"]);
	assert_eq!(json(url, &["documents", "envelope", &contract, "//Eve"]), Value::Null);
	let again = d.join("contract.again").display().to_string();
	fails(&run(url, &[&as_eve[..], &["--out", &again]].concat()), 1, "holds no key envelope");
	assert!(!Path::new(&again).exists(), "nothing written");
}

/// Sensor readings anchored by Merkle root and one checked; one certificate of a batch revoked by
/// its proof while the others stay issued; purging a live batch or certificate is refused.
fn readings_and_batch_revocation(url: &str, d: &Path) {
	let readings: String = (1..=4)
		.map(|i| {
			format!("{:?}\n", tradechain_primitives::document_hash(format!("r{i}").as_bytes()))
		})
		.collect();
	let leaves = write(d, "readings.txt", &readings);
	let anchored = json(url, &["trace", "anchor-readings", &leaves, "--suri", "//Charlie"]);
	let root = anchored["root"].as_str().expect("the root").to_string();
	let third = readings.lines().nth(2).unwrap();
	let checked = json(
		url,
		&["trace", "verify-reading", "--root", &root, "--leaf", third, "--leaves", &leaves],
	);
	assert_eq!((checked["valid"].as_bool(), checked["leafIndex"].as_u64()), (Some(true), Some(2)));
	fails(
		&run(url, &["trace", "anchor-readings", &leaves, "--suri", "//Charlie"]),
		1,
		"Error: Traceability::AnchorExists — ",
	);

	for i in 0..3 {
		write(d, &format!("c{i}.txt"), &format!("certificate KE-BATCH-88-{i:03}"));
	}
	let csv = write(d, "batch-88.csv", "id,file\nA,c0.txt\nB,c1.txt\nC,c2.txt\n");
	let proofs = d.join("proofs-88.json").display().to_string();
	let issued = json(
		url,
		&[
			"origin",
			"issue-batch",
			&csv,
			"--valid-until",
			"+90d",
			"--proofs",
			&proofs,
			"--suri",
			"//Dave",
		],
	);
	let root = issued["root"].as_str().expect("the batch's root").to_string();
	let c1 = d.join("c1.txt").display().to_string();
	let revoke = ["origin", "revoke-batch-certificate", &c1, "--root", &root, "--leaves", &csv];
	let revoke: Vec<&str> = revoke.iter().copied().chain(["--reason", "issued in error"]).collect();
	fails(
		&run(url, &[&revoke[..], &["--suri", "//Charlie"]].concat()),
		1,
		"Error: CertificatesOfOrigin::",
	);
	json(url, &[&revoke[..], &["--suri", "//Dave"]].concat());
	let status = |c: &str| {
		let c = d.join(c).display().to_string();
		json(url, &["origin", "batch-status", &c, "--root", &root, "--leaves", &csv])
	};
	assert_eq!(status("c1.txt")["Revoked"]["reason"], "issued in error");
	assert!(status("c2.txt")["Issued"]["valid_until"].is_u64());
	fails(
		&run(url, &[&revoke[..], &["--suri", "//Dave"]].concat()),
		1,
		"Error: CertificatesOfOrigin::LeafAlreadyRevoked — ",
	);
	fails(
		&run(url, &["origin", "purge-batch", &root, "--suri", "//Charlie"]),
		1,
		"Error: CertificatesOfOrigin::RetentionNotOver — ",
	);
	let demo = write(d, "demo.txt", DEMO_CERTIFICATE);
	fails(
		&run(url, &["origin", "purge", &demo, "--suri", "//Charlie"]),
		1,
		"Error: CertificatesOfOrigin::RetentionNotOver — ",
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_controls_encrypted_sharing_readings_and_batch_revocation_from_the_command_line() {
	let node = Node::dev().await;
	let url = node.ws_url();
	let url = url.as_str();
	let dir = tempfile::tempdir().unwrap();
	let d = dir.path();
	// Three independent flows at once, each with its own signers (Bob, Bob//stash; Ferdie, Eve;
	// Charlie, Dave).
	std::thread::scope(|s| {
		s.spawn(|| customs_settings_amendment_and_control(url, d));
		s.spawn(|| encrypted_sharing(url, d));
		s.spawn(|| readings_and_batch_revocation(url, d));
	});
}
