//! A production network's chain specification from a launch ceremony file, through the real
//! node binary: malformed ceremonies are refused with a message naming the mistake (never a
//! panic); a good one gives a network without a sudo key, whose members' node authors and
//! finalizes, and on which `Sudo::sudo` is impossible.
//!
//! The members' public keys come from `tradechain-node key inspect`, as in the ceremony
//! (docs/operations.md); the test uses the well-known development seeds so that the node can
//! start with `--alice`.

use std::{path::Path, process::Command, time::Duration};

use serde_json::{json, Value};
use subxt_signer::sr25519::dev;
use tradechain_integration_tests::{
	chain::Chain,
	node::node_binary,
	tradechain::{
		self,
		runtime_types::{
			frame_system::pallet::Call as SystemCall, tradechain_runtime::RuntimeCall,
		},
	},
	NodeBuilder,
};

/// `tradechain-node key inspect <uri> --scheme <scheme>`'s SS58 address.
fn inspect(uri: &str, scheme: &str) -> String {
	let out = Command::new(node_binary())
		.args(["key", "inspect", uri, "--scheme", scheme, "--output-type", "json"])
		.output()
		.expect("the node runs");
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
	v["ss58Address"].as_str().expect("an address").to_string()
}

/// A member whose account, Aura and GRANDPA keys come from `seed`.
fn member(seed: &str, name: &str, country: &str, agency: &str, validator: bool) -> Value {
	let uri = format!("//{seed}");
	let mut m = json!({
		"name": name,
		"country": country,
		"agency": agency,
		"account": inspect(&uri, "sr25519"),
		"council": true,
		"emergency": agency == "CustomsAuthority",
	});
	if validator {
		m["validator"] =
			json!({ "aura": inspect(&uri, "sr25519"), "grandpa": inspect(&uri, "ed25519") });
	}
	m
}

/// Runs `build-spec` on `ceremony` written to `dir`; (success, stdout, stderr).
fn build_spec(dir: &Path, ceremony: &str, raw: bool) -> (bool, String, String) {
	let path = dir.join("network.ceremony.json");
	std::fs::write(&path, ceremony).expect("writable");
	let mut cmd = Command::new(node_binary());
	cmd.args(["build-spec", "--chain"]).arg(&path);
	if raw {
		cmd.arg("--raw");
	}
	let out = cmd.output().expect("the node runs");
	let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
	(out.status.success(), text(&out.stdout), text(&out.stderr))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ceremony_gives_a_network_without_sudo() {
	let dir = tempfile::tempdir().expect("a temp dir");
	let ceremony = json!({
		"name": "Tradechain Test Production",
		"id": "tradechain_test_prod",
		"sessionLength": 10,
		"members": [
			member("Alice", "Kenya Revenue Authority", "KE", "CustomsAuthority", true),
			member("Bob", "Ministry of Trade Kenya", "KE", "TradeMinistry", false),
		],
	});

	// --- Malformed ceremonies: a clear message, a failed exit, no panic.
	let with = |f: &dyn Fn(&mut Value)| {
		let mut c = ceremony.clone();
		f(&mut c);
		c.to_string()
	};
	let bad = [
		("{ \"name\": ".to_string(), "is malformed"),
		(
			with(&|c| c["members"][1]["account"] = json!("not-an-address")),
			"member 2 (\"Ministry of Trade Kenya\"): `account` not an SS58 address",
		),
		(
			with(&|c| c["members"][1]["emergency"] = json!(true)),
			"only customs authorities sit on the emergency committee",
		),
		(
			with(&|c| c["members"][0]["country"] = json!("XX")),
			"member 1 (\"Kenya Revenue Authority\"): `country` \"XX\"",
		),
		(
			with(&|c| c["members"][0]["agency"] = json!("Customs")),
			"is not CustomsAuthority, OriginIssuer",
		),
		(
			with(&|c| {
				c["members"][0].as_object_mut().unwrap().remove("validator").map(drop).unwrap_or(())
			}),
			"0 validators; a network needs 1 to 32",
		),
		(with(&|c| c["members"][0]["councill"] = json!(true)), "unknown field `councill`"),
		(
			with(&|c| c["sessionLength"] = json!(1)),
			"`sessionLength` 1 is below the runtime's minimum",
		),
		(
			with(&|c| c["members"][1]["account"] = c["members"][0]["account"].clone()),
			"is listed twice",
		),
	];
	for (text, expected) in bad {
		let (ok, _, stderr) = build_spec(dir.path(), &text, false);
		assert!(!ok, "accepted: {text}");
		assert!(stderr.contains(expected), "expected {expected:?} in: {stderr}");
		assert!(!stderr.contains("panicked"), "{stderr}");
	}

	// --- The good ceremony: no sudo key, the members' council and validator.
	let (ok, spec, stderr) = build_spec(dir.path(), &ceremony.to_string(), false);
	assert!(ok, "{stderr}");
	let spec: Value = serde_json::from_str(&spec).expect("a JSON chain spec");
	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(spec["chainType"], "Live");
	assert_eq!(patch["sudo"]["key"], Value::Null, "no sudo key: {}", patch["sudo"]);
	assert_eq!(patch["councilMembership"]["members"].as_array().map(Vec::len), Some(2));
	assert_eq!(patch["validatorSet"]["validators"].as_array().map(Vec::len), Some(1));

	let (ok, raw, stderr) = build_spec(dir.path(), &ceremony.to_string(), true);
	assert!(ok, "{stderr}");
	let raw_path = dir.path().join("network.json");
	std::fs::write(&raw_path, raw).expect("writable");

	// --- The network runs from the raw spec, and sudo is impossible on it.
	let node =
		NodeBuilder::new(raw_path.to_str().unwrap()).name("kra").args(["--alice"]).spawn().await;
	node.wait_finalized(2, Duration::from_secs(90)).await;
	let chain = Chain::new(node.client().await).await;
	let at = chain.at().await;
	let key = at
		.storage()
		.entry(tradechain::storage().sudo().key())
		.unwrap()
		.try_fetch(())
		.await
		.expect("readable");
	assert!(key.is_none(), "the production genesis has no sudo key");
	let remark = RuntimeCall::System(SystemCall::remark_with_event { remark: b"root".to_vec() });
	let sudo = tradechain::transactions().sudo().sudo(remark);
	let refused = chain.err(&sudo, &dev::alice()).await;
	assert!(refused.contains("Sudo::RequireSudo"), "{refused}");
}
