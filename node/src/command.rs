//! Parses the command line and runs the node or a maintenance subcommand.

use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Tradechain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/tradechain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			"demo" => Box::new(chain_spec::demo_chain_spec()?),
			path => Box::new(chain_spec::from_json_file(path)?),
		})
	}
}

/// The transaction pool by default: the single-state pool holding 65,536 transactions / 64 MiB.
///
/// polkadot-sdk's defaults (fork-aware pool, 8,192 / 20 MiB, a tenth of it for transactions
/// waiting on an earlier nonce) lose transactions under load: of 30,000 pre-signed transfers from
/// 300 accounts submitted at once (`scripts/bench-throughput --burst 30000`), the fork-aware pool
/// once accepted all and included only 16,294 (one burst of four, with 65,536 slots), its blocks
/// then reporting no more transactions; the single-state pool with 65,536 slots included all
/// 30,000 in every burst (docs/throughput/bursts.md). `--pool-type`, `--pool-limit` and
/// `--pool-kbytes` still override.
const POOL_TYPE: &str = "single-state";
const POOL_LIMIT: &str = "65536";
const POOL_KBYTES: &str = "65536";

/// Substrate's command line with Tradechain's defaults for the transaction pool.
fn parse() -> Cli {
	use clap::{CommandFactory, FromArgMatches};
	let command = Cli::setup_command(Cli::command())
		.mut_arg("pool_type", |a| a.default_value(POOL_TYPE))
		.mut_arg("pool_limit", |a| a.default_value(POOL_LIMIT))
		.mut_arg("pool_kbytes", |a| a.default_value(POOL_KBYTES));
	let matches = command.try_get_matches_from(std::env::args_os()).unwrap_or_else(|e| e.exit());
	Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs the command line. Errors are returned to `main`, which prints them in one line.
pub fn run() -> sc_cli::Result<()> {
	let cli = parse();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				#[cfg(not(feature = "benchmark"))]
				BenchmarkCmd::Storage(_) => Err("`benchmark storage` needs a node built with the \
					`benchmark` feature: scripts/bench-weights db builds one and runs it"
					.into()),
				#[cfg(feature = "benchmark")]
				BenchmarkCmd::Storage(cmd) => {
					// The benchmark divides by it.
					if cmd.params.batch_size == 0 {
						return Err("--batch-size must be at least 1".into());
					}
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, trie_cache)
				}
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				}
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				}
				BenchmarkCmd::Pallet(_)
				| BenchmarkCmd::Overhead(_)
				| BenchmarkCmd::Extrinsic(_) => {
					Err("pallet, overhead and extrinsic weights are measured with \
						frame-omni-bencher: see scripts/bench-weights"
						.into())
				}
			})
		}
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let single_state_pool =
				matches!(cli.run.pool_config.pool_type, sc_cli::TransactionPoolType::SingleState);
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							tradechain_runtime::opaque::Block,
							<tradechain_runtime::opaque::Block as sp_runtime::traits::Block>::Hash,
						>,
					>(
						config, single_state_pool
					)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => service::new_full::<
						sc_network::Litep2pNetworkBackend,
					>(
						config, single_state_pool
					)
					.map_err(sc_cli::Error::Service),
				}
			})
		}
	}
}
