// This file is part of Tradechain. SPDX-License-Identifier: Apache-2.0

//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-27 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Tradechain Development`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights`
//! METRIC: `Average`, WEIGHT-MUL: `1.1`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/tradechain/target/release/tradechain-node
//   benchmark
//   storage
//   --chain
//   /root/.cache/tradechain/db-bench/raw.json
//   --base-path
//   /root/.cache/tradechain/db-bench/db
//   --database
//   paritydb
//   --state-version
//   1
//   --disable-pov-recorder
//   --batch-size
//   10000
//   --mul
//   1.1
//   --weight-path
//   runtime/src/weights
//   --template-path
//   scripts/templates/db-weights.hbs
//   --header
//   scripts/templates/header.txt
//   --json-read-path
//   /root/.cache/tradechain/db-bench
//   --json-write-path
//   /root/.cache/tradechain/db-bench

/// The database's read and write weights for the `Tradechain Development` runtime, measured on this
/// project's machine by `scripts/bench-weights db` (the node's `benchmark storage` on a state of
/// one million accounts): the runtime's `DbWeight`, so every pallet's weight prices its reads and
/// writes with them.
pub mod constants {
	use frame_support::weights::{constants, RuntimeDbWeight};
	use sp_core::parameter_types;

	parameter_types! {
		/// `ParityDb`, the node's database. Reads are of single keys with no trie cache (the OS
		/// page cache is warm: the benchmark reads every key once before measuring); writes are
		/// amortised over batches of `--batch-size` keys, as a block commits its changes at once.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			// Time to read one storage item.
			// The *Average* of all values times
			// `1.1` plus `0`.
			//
			// Stats nanoseconds:
			//   Min, Max: 1_933, 1_957_108
			//   Average:  8_229
			//   Median:   7_604
			//   Std-Dev:  4044.52
			//
			// Percentiles nanoseconds:
			//   99th: 21_731
			//   95th: 11_331
			//   75th: 8_787
			read: 9_052 * constants::WEIGHT_REF_TIME_PER_NANOS,

			// Time to write one storage item.
			// The *Average* of all values times
			// `1.1` plus `0`.
			//
			// Stats nanoseconds:
			//   Min, Max: 22_892, 51_268
			//   Average:  32_397
			//   Median:   32_727
			//   Std-Dev:  5905.23
			//
			// Percentiles nanoseconds:
			//   99th: 51_164
			//   95th: 40_737
			//   75th: 35_759
			write: 35_637 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::ParityDbWeight as W;
		use frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
