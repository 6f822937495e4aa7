//! The Tradechain node: Aura block production, GRANDPA finality.

mod ceremony;
mod chain_spec;
mod cli;
mod command;
mod memory;
mod metrics;
mod rpc;
mod service;

fn main() -> std::process::ExitCode {
	match command::run() {
		Ok(()) => std::process::ExitCode::SUCCESS,
		Err(e) => {
			// One readable line (Display, not Debug), and a non-zero exit code.
			eprintln!("Error: {e}");
			std::process::ExitCode::FAILURE
		}
	}
}
