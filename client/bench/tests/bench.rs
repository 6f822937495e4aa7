//! `tradechain-bench` run as a process against the real node: the smoke run (what CI keeps
//! working) measures and reports, a burst of 30,000 pre-signed transfers from 300 accounts
//! loses nothing with the node's default transaction pool, and a short soak records what it
//! reports for the long one.

use std::{path::Path, process::Command};

use serde_json::Value;

/// Runs tradechain-bench with results in `out` and returns its `report` file as JSON.
fn bench_report(args: &[&str], out: &Path, report: &str) -> Value {
	let status = Command::new(env!("CARGO_BIN_EXE_tradechain-bench"))
		.args(args)
		.arg("--out")
		.arg(out)
		.status()
		.expect("tradechain-bench starts");
	assert!(status.success(), "tradechain-bench {args:?} failed: {status}");
	let json = std::fs::read_to_string(out.join(report)).expect(report);
	serde_json::from_str(&json).expect("the report is JSON")
}

fn bench(args: &[&str], out: &Path) -> Value {
	bench_report(args, out, "throughput.json")
}

fn n(v: &Value) -> u64 {
	v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

#[test]
fn the_smoke_run_measures_transfers_certificates_and_a_batch() {
	let dir = tempfile::tempdir().unwrap();
	let report = bench(&["--smoke"], dir.path());
	let run = &report["runs"][0];
	assert_eq!(run["label"], "tradechain-node");
	let sustained = run["sustained"].as_array().unwrap();
	let workloads: Vec<&str> = sustained.iter().map(|s| s["workload"].as_str().unwrap()).collect();
	assert_eq!(workloads, ["transfer", "certificate"]);
	for s in sustained {
		assert!(s["succeeded_per_s"].as_f64().unwrap() > 0.0, "{s}");
		assert!(n(&s["transactions"]) > 0, "{s}");
		assert_eq!(n(&s["failed"]), 0, "{s}");
		assert_eq!(n(&s["lost"]), 0, "{s}");
		assert_eq!(n(&s["rejected"]), 0, "{s}");
		// The measured block, re-executed by the node's `benchmark block`: the block the
		// tracker saw, with the phase's transactions and the inherent, a time and a weight.
		let (from, to) = (n(&s["measured_blocks"][0]), n(&s["measured_blocks"][1]));
		let blocks = s["execution"]["blocks"].as_array().unwrap_or_else(|| panic!("{s}"));
		assert_eq!(blocks.len() as u64, to - from + 1, "{s}");
		assert_eq!(n(&blocks[0]["number"]), from, "{s}");
		assert!(blocks.iter().any(|b| n(&b["extrinsics"]) > 1), "{s}");
		for b in blocks {
			assert!(n(&b["took_ns"]) > 0 && n(&b["weight_ns"]) > 0, "{s}");
		}
	}
	for l in run["latency"].as_array().unwrap() {
		assert!(n(&l["submitted"]) > 0, "{l}");
		assert_eq!(l["included"], l["submitted"], "{l}");
		assert_eq!(l["finalized"], l["submitted"], "{l}");
		assert_eq!(n(&l["failed"]), 0, "{l}");
		let (p50, p95) = (l["finality_p50"].as_f64().unwrap(), l["finality_p95"].as_f64().unwrap());
		assert!(0.0 < p50 && p50 <= p95, "{l}");
	}
	assert_eq!(n(&run["batch"]["leaves"]), 10_000);
	assert!(run["batch"]["per_s"].as_f64().unwrap() > 0.0);
	let table = std::fs::read_to_string(dir.path().join("throughput.md")).unwrap();
	assert!(table.contains("`Balances::transfer_keep_alive`"), "{table}");
	assert!(table.contains("`CertificatesOfOrigin::issue`"), "{table}");
	// The full-block column filled in: "<executed> / <weight> (<ratio> %)".
	assert!(table.contains(" %) |"), "{table}");
}

#[test]
fn a_burst_of_30000_transfers_from_300_accounts_is_all_included() {
	let dir = tempfile::tempdir().unwrap();
	let report = bench(&["--burst", "30000", "--accounts", "300"], dir.path());
	let burst = &report["bursts"][0];
	assert_eq!(n(&burst["submitted"]), 30_000, "{burst}");
	assert_eq!(n(&burst["rejected"]), 0, "{burst}");
	assert_eq!(n(&burst["included"]), 30_000, "{burst}");
	assert_eq!(n(&burst["lost"]), 0, "{burst}");
}

#[test]
fn a_short_soak_drops_nothing_and_records_each_nodes_memory() {
	let dir = tempfile::tempdir().unwrap();
	// Two chunks of 20 accounts × 50: transfers, then certificates.
	let args = "--soak 2000 --soak-rate 400 --networks dev --accounts 20 --per-account 50";
	let args: Vec<&str> = args.split(' ').collect();
	let soak = bench_report(&args, dir.path(), "soak.json");
	let chunks = soak["chunks"].as_array().unwrap();
	let workloads: Vec<&str> = chunks.iter().map(|c| c["workload"].as_str().unwrap()).collect();
	assert_eq!(workloads, ["transfer", "certificate"]);
	for c in chunks {
		assert_eq!(n(&c["submitted"]), 1_000, "{c}");
		assert_eq!(c["included"], c["submitted"], "{c}");
		assert_eq!(c["finalized"], c["submitted"], "{c}");
		assert_eq!((n(&c["rejected"]), n(&c["late"]), n(&c["failed"])), (0, 0, 0), "{c}");
		let mib = |field: &str| c[field][0].as_f64().unwrap_or_else(|| panic!("{field}: {c}"));
		// The live heap (the allocator's count) and the anonymous pages are parts of RSS.
		let (rss, heap, live) = (mib("rss_mib"), mib("heap_mib"), mib("live_mib"));
		assert!(0.0 < live && live < rss && 0.0 < heap && heap < rss, "{c}");
		assert!(mib("trie_cache_mib") > 0.0, "{c}");
	}
	// The chain's own count agrees: every account's finalized nonce went up by the transactions
	// signed for it, and no nonce had to be signed twice.
	assert_eq!(n(&soak["signed"]), 2_000, "{soak}");
	let (never, short, again) =
		(n(&soak["never_included"]), n(&soak["nonce_shortfall"]), n(&soak["resigned"]));
	assert_eq!((never, short, again), (0, 0, 0), "{soak}");
	let md = std::fs::read_to_string(dir.path().join("soak.md")).unwrap();
	assert!(md.contains("**dropped: 0**"), "{md}");
	assert!(md.contains("fall 0 short"), "{md}");
}
