//! Command-line interface: Substrate's `run` flags and the maintenance subcommands.

/// The subcommands of `tradechain-node`; without one, the node runs.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys into the keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (`--raw` for the form nodes start from).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Check that a block imports on top of the local chain.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks to a file (backup).
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a block as a chain specification.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks from a file (restore).
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks on this machine: `machine` compares the hardware with Substrate's reference,
	/// `block` re-executes imported blocks against their weights, `storage` (in a node built with
	/// the `benchmark` feature) measures the database's read and write weights. Pallet, overhead
	/// and extrinsic weights come from frame-omni-bencher (`scripts/bench-weights`).
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

/// `tradechain-node [SUBCOMMAND] [OPTIONS]`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}
