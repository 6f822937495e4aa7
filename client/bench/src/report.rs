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
	pub blocks: u64,
	pub max_per_block: usize,
	pub included_per_s: f64,
	pub finalized_per_s: f64,
	/// Whether transactions were still waiting to be submitted when the window ended (if not,
	/// the load ran out and the rate is a lower bound).
	pub saturated: bool,
	pub presigned: usize,
	pub submitted: usize,
	pub rejected: usize,
	/// Accepted by the pool but never included.
	pub lost: usize,
	pub errors: BTreeMap<String, u64>,
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
					.map(|s| s.included_per_s)
			};
			let ours = transfers("tradechain-node");
			md.push_str("| node | network | call | sustained tx/s (included) | finalized tx/s | × transfers | max tx/block | p50 / p95 inclusion (s) | p50 / p95 finality (s) | at tx/s | lost |\n");
			md.push_str("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for run in &self.runs {
				let base = run
					.sustained
					.iter()
					.find(|s| s.workload == Workload::Transfer)
					.map(|s| s.included_per_s);
				for s in &run.sustained {
					let l = run.latency.iter().find(|l| l.workload == s.workload);
					let ratio = base
						.filter(|b| *b > 0.0)
						.map(|b| format!("{:.2}", s.included_per_s / b))
						.unwrap_or_default();
					let _ = writeln!(
						md,
						"| {} | {:?} | `{}` | {:.0}{} | {:.0} | {} | {} | {} | {} | {} | {} |",
						run.label,
						run.network,
						s.call,
						s.included_per_s,
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
