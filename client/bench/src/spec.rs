//! The benchmark's chain: the node's own `dev` or `local` chain spec, with the load accounts
//! endowed in its genesis (and, on Tradechain, holding the roles the trade calls need). Works
//! for any Substrate node whose `build-spec` output carries a `balances` genesis.

use std::{path::Path, process::Command};

use serde_json::{json, Value};
use subxt::utils::AccountId32;

/// Every load account's genesis balance (Tradechain's and the template's dev accounts hold the
/// same).
const ENDOWMENT: u128 = 1_000_000_000_000_000_000;

/// Blocks per session on the benchmark's chain: a production network's default (a launch
/// ceremony's `sessionLength`, one hour of 6-s blocks). pallet-session charges a whole block's
/// weight when a session rotates, so the `dev` and `local` presets' one-minute sessions would
/// leave every tenth block empty and understate what a network carries by a tenth.
pub const SESSION_LENGTH: u32 = 600;

/// The genesis object to patch, whether the spec carries a preset patch or a full config.
fn genesis(spec: &mut Value) -> Result<&mut Value, String> {
	let runtime = spec
		.pointer_mut("/genesis/runtimeGenesis")
		.ok_or("the chain spec has no genesis.runtimeGenesis (is it raw?)")?;
	let key = if runtime.get("patch").is_some() { "patch" } else { "config" };
	runtime.get_mut(key).ok_or_else(|| "genesis.runtimeGenesis has no patch or config".into())
}

fn push(genesis: &mut Value, pallet: &str, field: &str, entries: Vec<Value>) -> Result<(), String> {
	let list = genesis
		.as_object_mut()
		.ok_or("genesis is not an object")?
		.entry(pallet)
		.or_insert_with(|| json!({}))
		.as_object_mut()
		.ok_or_else(|| format!("genesis.{pallet} is not an object"))?
		.entry(field)
		.or_insert_with(|| json!([]));
	list.as_array_mut()
		.ok_or_else(|| format!("genesis.{pallet}.{field} is not a list"))?
		.extend(entries);
	Ok(())
}

/// Writes the node's chain spec of `chain` (`build-spec`/`export-chain-spec`) with `accounts`
/// endowed to `path`. On a chain with Tradechain's roles pallet every account is also a Kenyan
/// origin issuer, economic operator and arbiter, so that it can issue certificates, lodge
/// declarations, trace goods and escrow payments; on a chain with its validator set, sessions
/// last [`SESSION_LENGTH`] blocks.
pub fn write(
	node: &Path,
	chain: &str,
	accounts: &[AccountId32],
	path: &Path,
) -> Result<(), String> {
	// `build-spec`, or `export-chain-spec` on nodes that dropped the older command.
	let mut failures = Vec::new();
	let mut json = None;
	for command in ["build-spec", "export-chain-spec"] {
		let out = Command::new(node)
			.args([command, "--chain", chain])
			.output()
			.map_err(|e| format!("cannot run {}: {e}", node.display()))?;
		if out.status.success() {
			json = Some(out.stdout);
			break;
		}
		failures.push(format!("{command}: {}", String::from_utf8_lossy(&out.stderr).trim()));
	}
	let json = json.ok_or_else(|| {
		format!("{} printed no chain spec of `{chain}`: {}", node.display(), failures.join("; "))
	})?;
	let mut spec: Value = serde_json::from_slice(&json)
		.map_err(|e| format!("build-spec printed no JSON chain spec: {e}"))?;
	let g = genesis(&mut spec)?;
	let ss58: Vec<String> = accounts.iter().map(ToString::to_string).collect();
	push(g, "balances", "balances", ss58.iter().map(|a| json!([a, ENDOWMENT])).collect())?;
	if g.get("roles").is_some() {
		let agencies = ss58.iter().map(|a| json!([a, "OriginIssuer", "KE"])).collect();
		push(g, "roles", "agencies", agencies)?;
		let operators = ss58
			.iter()
			.enumerate()
			.flat_map(|(i, a)| {
				[
					json!([a, "EconomicOperator", "KE", format!("KEBENCH{i:06}")]),
					json!([a, "Arbiter", "KE", null]),
				]
			})
			.collect();
		push(g, "roles", "operators", operators)?;
	}
	if let Some(validator_set) = g.get_mut("validatorSet").and_then(Value::as_object_mut) {
		validator_set.insert("sessionLength".into(), json!(SESSION_LENGTH));
	}
	let text = serde_json::to_string(&spec).map_err(|e| e.to_string())?;
	std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_benchmark_chain_endows_the_accounts_and_lasts_a_production_session() {
		let node = tradechain_integration_tests::node::find_node_binary().expect("a built node");
		let dir = tempfile::tempdir().expect("a temp dir");
		let path = dir.path().join("spec.json");
		let account = AccountId32([7; 32]);
		write(&node, "dev", std::slice::from_ref(&account), &path).expect("a spec is written");
		let mut spec: Value =
			serde_json::from_slice(&std::fs::read(&path).expect("written")).expect("JSON");
		let g = genesis(&mut spec).expect("a genesis patch");
		assert_eq!(g["validatorSet"]["sessionLength"], json!(SESSION_LENGTH), "{g}");
		let balances = g["balances"]["balances"].as_array().expect("balances");
		assert!(balances.contains(&json!([account.to_string(), ENDOWMENT])), "{g}");
		let roles = g["roles"]["agencies"].as_array().expect("agencies");
		assert!(roles.contains(&json!([account.to_string(), "OriginIssuer", "KE"])), "{g}");
	}
}
