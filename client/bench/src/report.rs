//! The results: `throughput.json` (everything), `throughput.md` (the tables the README shows)
//! and `throughput.png` (rates and latencies).

use std::{
	collections::BTreeMap,
	fmt::Write,
	path::{Path, PathBuf},
};

use serde::Serialize;

use crate::{load::Workload, Network};

#[derive(Serialize)]
pub struct Sustained {
	pub workload: Workload,
	pub call: &'static str,
	/// Our transactions in the measured blocks.
	pub transactions: usize,
	/// Of them, those whose dispatch failed (included, but they did nothing).
	pub failed: usize,
	pub blocks: u64,
	/// The measured blocks, first and last.
	pub measured_blocks: (u64, u64),
	/// The measured blocks re-executed by the node's `benchmark block` (`dev` only).
	pub execution: Option<Execution>,
	pub max_per_block: usize,
	/// Our transactions included per second, failed ones too.
	pub included_per_s: f64,
	/// Our transactions included per second whose dispatch succeeded: the throughput.
	pub succeeded_per_s: f64,
	/// Of those that succeeded, finalized per second.
	pub finalized_per_s: f64,
	/// Whether transactions were still waiting to be submitted when the window ended (if not,
	/// the load ran out and the rate is a lower bound).
	pub saturated: bool,
	pub presigned: usize,
	pub submitted: usize,
	pub rejected: usize,
	/// Accepted by the pool but never included.
	pub lost: usize,
	/// Submission errors by kind.
	pub errors: BTreeMap<String, u64>,
	/// Dispatch errors of the included transactions, by error (`Pallet::Error`).
	pub failures: BTreeMap<String, u64>,
}

/// One block as `benchmark block` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimedBlock {
	pub number: u64,
	/// Extrinsics, inherents included.
	pub extrinsics: usize,
	/// Average execution time over the repetitions, ns.
	pub took_ns: u64,
	/// The weight the block consumed (`System::BlockWeight`, ref time), ns.
	pub weight_ns: u64,
}

/// Parses frame-benchmarking-cli's line for a block: `Block 12 with  3735 tx used  20.81% of its
/// weight (   311,944,120 of  1,499,000,000 ns)` (after the logger's prefix).
pub fn parse_block_line(line: &str) -> Option<TimedBlock> {
	let rest = &line[line.find("Block ")? + "Block ".len()..];
	let (number, rest) = rest.split_once(" with ")?;
	let (extrinsics, rest) = rest.trim_start().split_once(" tx used ")?;
	let (_, times) = rest.split_once("of its weight (")?;
	let (took, weight) = times.split_once(" of ")?;
	let ns =
		|t: &str| t.trim().trim_end_matches(')').trim_end_matches("ns").trim().replace(',', "");
	Some(TimedBlock {
		number: number.trim().parse().ok()?,
		extrinsics: extrinsics.trim().parse().ok()?,
		took_ns: ns(took).parse().ok()?,
		weight_ns: ns(weight.split(" - ").next()?).parse().ok()?,
	})
}

/// The measured blocks of a sustained phase, executed again (`benchmark block`).
#[derive(Serialize, Debug, PartialEq)]
pub struct Execution {
	/// Times each block was executed; its time is the average.
	pub repeat: u32,
	/// Every measured block.
	pub blocks: Vec<TimedBlock>,
	/// The full ones the figures below are of: at least half as many extrinsics as the fullest
	/// (a session rotation's block carries only the timestamp, and a load that ran out leaves a
	/// last block part full).
	pub full_blocks: usize,
	/// Mean execution time of a full block, ms.
	pub execution_ms: f64,
	/// Mean weight consumed by a full block (ref time), ms.
	pub weight_ms: f64,
	/// The highest execution time ÷ weight of a full block.
	pub max_ratio: f64,
}

impl Execution {
	pub fn new(blocks: &[TimedBlock], repeat: u32) -> Option<Self> {
		let most = blocks.iter().map(|b| b.extrinsics).max()?;
		let full: Vec<_> = blocks.iter().filter(|b| 2 * b.extrinsics >= most).collect();
		let n = full.len() as f64;
		let mean = |f: fn(&TimedBlock) -> u64| full.iter().map(|b| f(b) as f64).sum::<f64>() / n;
		Some(Execution {
			repeat,
			blocks: blocks.to_vec(),
			full_blocks: full.len(),
			execution_ms: mean(|b| b.took_ns) / 1e6,
			weight_ms: mean(|b| b.weight_ns) / 1e6,
			max_ratio: full
				.iter()
				.map(|b| b.took_ns as f64 / (b.weight_ns as f64).max(1.0))
				.fold(0.0, f64::max),
		})
	}
}

#[derive(Serialize)]
pub struct Latency {
	pub workload: Workload,
	/// Submissions per second.
	pub rate: f64,
	pub submitted: usize,
	pub included: usize,
	pub finalized: usize,
	pub rejected: usize,
	/// Included with a failed dispatch.
	pub failed: usize,
	pub lost: usize,
	/// Seconds from submission.
	pub inclusion_p50: f64,
	pub inclusion_p95: f64,
	pub finality_p50: f64,
	pub finality_p95: f64,
}

#[derive(Serialize)]
pub struct Batch {
	pub leaves: u64,
	/// Hashing every certificate and computing the root.
	pub root_secs: f64,
	/// From submitting `anchor_batch` to its block.
	pub inclusion_secs: f64,
	/// Certificates per second from the first hash to the block.
	pub per_s: f64,
}

#[derive(Serialize)]
pub struct Burst {
	pub node_args: Vec<String>,
	pub accounts: usize,
	pub submitted: usize,
	pub rejected: usize,
	pub included: usize,
	pub lost: usize,
	pub blocks: usize,
	pub submit_secs: f64,
	pub all_in_secs: f64,
	pub errors: BTreeMap<String, u64>,
}

#[derive(Serialize)]
pub struct Run {
	pub label: String,
	pub network: Network,
	pub version: String,
	pub binary: PathBuf,
	pub sustained: Vec<Sustained>,
	pub latency: Vec<Latency>,
	pub batch: Option<Batch>,
}

impl Run {
	pub fn new(label: &str, network: Network, version: &str, binary: &Path) -> Self {
		Run {
			label: label.into(),
			network,
			version: version.into(),
			binary: binary.into(),
			sustained: Vec::new(),
			latency: Vec::new(),
			batch: None,
		}
	}
}

#[derive(Serialize)]
pub struct Report {
	#[serde(skip)]
	out: PathBuf,
	pub smoke: bool,
	pub date: String,
	pub machine: String,
	pub cores: usize,
	pub runs: Vec<Run>,
	pub bursts: Vec<Burst>,
}

/// The `p`th percentile of sorted values (nearest rank); 0 if there are none.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
	if sorted.is_empty() {
		return 0.0;
	}
	let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
	sorted[rank.clamp(1, sorted.len()) - 1]
}

fn machine() -> String {
	let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
	cpu.lines()
		.find_map(|l| {
			l.strip_prefix("model name").map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
		})
		.unwrap_or_else(|| "unknown CPU".into())
}

impl Report {
	pub fn new(out: &Path, smoke: bool) -> Self {
		let date = std::process::Command::new("date")
			.args(["-u", "+%Y-%m-%d %H:%M UTC"])
			.output()
			.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
			.unwrap_or_default();
		Report {
			out: out.into(),
			smoke,
			date,
			machine: machine(),
			cores: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
			runs: Vec::new(),
			bursts: Vec::new(),
		}
	}

	pub fn markdown(&self) -> String {
		let mut md = String::new();
		let _ = writeln!(
			md,
			"Measured {} on {} ({} cores){}.\n",
			self.date,
			self.machine,
			self.cores,
			if self.smoke { ", smoke mode (not a measurement)" } else { "" }
		);
		if !self.runs.is_empty() {
			let transfers = |label: &str| {
				self.runs
					.iter()
					.find(|r| r.label == label && r.network == Network::Dev)
					.and_then(|r| r.sustained.iter().find(|s| s.workload == Workload::Transfer))
					.map(|s| s.succeeded_per_s)
			};
			let ours = transfers("tradechain-node");
			md.push_str("| node | network | call | sustained tx/s (succeeded) | finalized tx/s | × transfers | max tx/block | p50 / p95 inclusion (s) | p50 / p95 finality (s) | at tx/s | lost | failed | full block: executed / weight (ms) |\n");
			md.push_str("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for run in &self.runs {
				let base = run
					.sustained
					.iter()
					.find(|s| s.workload == Workload::Transfer)
					.map(|s| s.succeeded_per_s);
				for s in &run.sustained {
					let l = run.latency.iter().find(|l| l.workload == s.workload);
					let ratio = base
						.filter(|b| *b > 0.0)
						.map(|b| format!("{:.2}", s.succeeded_per_s / b))
						.unwrap_or_default();
					let _ = writeln!(
						md,
						"| {} | {:?} | `{}` | {:.0}{}{} | {:.0} | {} | {} | {} | {} | {} | {} | {} | {} |",
						run.label,
						run.network,
						s.call,
						s.succeeded_per_s,
						if s.failed > 0 {
							format!(" ({:.0} included)", s.included_per_s)
						} else {
							String::new()
						},
						if s.saturated { "" } else { " (load ran out)" },
						s.finalized_per_s,
						ratio,
						s.max_per_block,
						l.map(|l| format!("{:.2} / {:.2}", l.inclusion_p50, l.inclusion_p95))
							.unwrap_or_default(),
						l.map(|l| format!("{:.2} / {:.2}", l.finality_p50, l.finality_p95))
							.unwrap_or_default(),
						l.map(|l| format!("{:.0}", l.rate)).unwrap_or_default(),
						s.lost + l.map_or(0, |l| l.lost),
						s.failed + l.map_or(0, |l| l.failed),
						s.execution
							.as_ref()
							.map(|e| format!(
								"{:.0} / {:.0} ({:.0} %)",
								e.execution_ms,
								e.weight_ms,
								100.0 * e.execution_ms / e.weight_ms.max(f64::EPSILON)
							))
							.unwrap_or_default(),
					);
				}
			}
			for run in &self.runs {
				if run.label != "tradechain-node" {
					if let (Some(o), Some(t)) = (ours, transfers(&run.label)) {
						let _ = writeln!(
							md,
							"\nTransfers/s, tradechain-node ÷ {}: **{:.2}×** (dev, same run).",
							run.label,
							o / t
						);
					}
				}
			}
			for run in &self.runs {
				if let Some(b) = &run.batch {
					let _ = writeln!(
						md,
						"\nMerkle batch: {} certificates anchored in one `anchor_batch` at **{:.0} certificates/s** (hashing and root {:.2} s, inclusion {:.2} s).",
						b.leaves, b.per_s, b.root_secs, b.inclusion_secs
					);
				}
			}
		}
		if !self.bursts.is_empty() {
			md.push_str("\n| burst | node args | accounts | submitted | rejected | included | lost | blocks | submit s | all in s |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (i, b) in self.bursts.iter().enumerate() {
				let _ = writeln!(
					md,
					"| {} | {} | {} | {} | {} | {} | {} | {} | {:.1} | {:.1} |",
					i + 1,
					if b.node_args.is_empty() {
						"(defaults)".into()
					} else {
						b.node_args.join(" ")
					},
					b.accounts,
					b.submitted,
					b.rejected,
					b.included,
					b.lost,
					b.blocks,
					b.submit_secs,
					b.all_in_secs
				);
			}
		}
		md
	}

	/// Writes the JSON, markdown and PNG files and prints the markdown.
	pub fn write(&self) -> Result<(), String> {
		let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
		let write = |name: &str, text: &str| {
			let path = self.out.join(name);
			std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
		};
		write("throughput.json", &json)?;
		let md = self.markdown();
		write("throughput.md", &md)?;
		println!("\n{md}");
		if !self.runs.is_empty() {
			match crate::plot::draw(self, &self.out.join("throughput.png")) {
				Ok(()) => println!("plot: {}", self.out.join("throughput.png").display()),
				Err(e) => eprintln!("no plot: {e}"),
			}
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn block_lines_of_benchmark_block_parse() {
		let ok = "2026-11-27 12:00:01 Block 12 with  3735 tx used  20.81% of its weight \
			(   311,944,120 of  1,499,000,000 ns)";
		assert_eq!(
			parse_block_line(ok),
			Some(TimedBlock {
				number: 12,
				extrinsics: 3735,
				took_ns: 311_944_120,
				weight_ns: 1_499_000_000
			})
		);
		let over = "Block 7 with     2 tx used 104.00% of its weight (       104,000 of \
			100,000 ns) - OVER WEIGHT!";
		assert_eq!(
			parse_block_line(over).map(|b| (b.took_ns, b.weight_ns)),
			Some((104_000, 100_000))
		);
		assert_eq!(parse_block_line("Imported #12 (0xab…cd)"), None);
		assert_eq!(parse_block_line("Block 12 with many tx used"), None);

		let ok = parse_block_line(ok).unwrap();
		let full = TimedBlock { number: 13, took_ns: 1_560_000_000, ..ok };
		// A session rotation's block: the timestamp alone, charged the whole block.
		let rotation =
			TimedBlock { number: 14, extrinsics: 1, took_ns: 1_000_000, weight_ns: 2_001_000_000 };
		let e = Execution::new(&[ok, full, rotation], 3).expect("three blocks");
		assert_eq!(e.blocks, [ok, full, rotation]);
		assert_eq!(e.full_blocks, 2);
		assert_eq!(e.execution_ms, (311_944_120.0 + 1_560_000_000.0) / 2.0 / 1e6);
		assert_eq!(e.weight_ms, 1_499.0);
		assert_eq!(e.max_ratio, 1_560_000_000.0 / 1_499_000_000.0);
		assert!(Execution::new(&[], 3).is_none());
	}
}
