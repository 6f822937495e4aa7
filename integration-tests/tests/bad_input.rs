//! Bad input to the node binary gets one readable message and a non-zero exit, never a panic.

use std::process::{Command, Output};

use tradechain_integration_tests::node::node_binary;

fn run(args: &[&str]) -> Output {
	Command::new(node_binary()).args(args).output().expect("the node binary runs")
}

fn assert_clean_failure(out: &Output, expected: &str) {
	let stderr = String::from_utf8_lossy(&out.stderr);
	assert!(!out.status.success(), "exit status {:?}, stderr:\n{stderr}", out.status);
	assert!(stderr.contains(expected), "expected {expected:?} in:\n{stderr}");
	assert!(!stderr.contains("panicked"), "the node panicked:\n{stderr}");
	assert!(!stderr.contains("Backtrace"), "a backtrace was printed:\n{stderr}");
}

#[test]
fn missing_chain_spec_file_is_a_readable_error() {
	let out = run(&["--chain", "/nonexistent.json", "--tmp"]);
	assert_clean_failure(&out, "/nonexistent.json does not exist");
}

#[test]
fn malformed_chain_spec_is_a_readable_error() {
	let dir = tempfile::tempdir().expect("temp dir");
	let path = dir.path().join("broken.json");
	std::fs::write(&path, b"{ \"name\": \"Broken\", \"id\": ").expect("write spec");
	let out = run(&["--chain", path.to_str().unwrap(), "--tmp"]);
	assert_clean_failure(&out, "is not valid");
}

#[test]
fn chain_spec_that_is_json_but_not_a_chain_spec_is_a_readable_error() {
	let dir = tempfile::tempdir().expect("temp dir");
	let path = dir.path().join("wrong.json");
	std::fs::write(&path, br#"{"hello": "world"}"#).expect("write spec");
	let out = run(&["build-spec", "--chain", path.to_str().unwrap()]);
	assert_clean_failure(&out, "is not valid");
}

#[test]
fn unknown_flag_is_rejected_with_usage() {
	let out = run(&["--no-such-flag"]);
	assert_clean_failure(&out, "unexpected argument '--no-such-flag'");
	assert_eq!(out.status.code(), Some(2), "clap's usage error exit code");
}

#[test]
fn build_spec_of_the_presets_works() {
	for chain in ["dev", "local"] {
		let out = run(&["build-spec", "--chain", chain, "--raw"]);
		assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
		let spec: serde_json::Value =
			serde_json::from_slice(&out.stdout).expect("raw spec is JSON");
		assert!(spec["genesis"]["raw"]["top"].as_object().map_or(0, |m| m.len()) > 0);
		assert_eq!(spec["properties"]["tokenSymbol"], "TRD");
	}
}

#[test]
fn storage_benchmark_without_its_feature_says_how_to_get_it() {
	let out = run(&["benchmark", "storage", "--dev", "--state-version", "1"]);
	assert_clean_failure(&out, "needs a node built with the `benchmark` feature");
}

#[test]
fn pallet_benchmarks_point_to_frame_omni_bencher() {
	let out =
		run(&["benchmark", "pallet", "--dev", "--pallet", "pallet_payments", "--extrinsic", "*"]);
	assert_clean_failure(&out, "measured with frame-omni-bencher");
}
