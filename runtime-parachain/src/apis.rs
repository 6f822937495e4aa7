//! The runtime APIs: what omni-node, wallets and dashboards call into the runtime for.
//!
//! Every API both Tradechain runtimes offer (block execution, metadata, transaction queue, Aura,
//! session keys, nonces and fees, try-runtime, the genesis builder and the trade APIs) comes from
//! `tradechain_runtime_common::impl_tradechain_runtime_apis!`; this file adds what omni-node needs
//! of a parachain (the unincluded segment, collation info for the relay chain, the para id) and
//! the benchmarks.

use alloc::vec::Vec;
use sp_runtime::traits::Block as BlockT;

use crate::{
	AccountId, Aeo, Aura, Balance, Block, BlockNumber, CertificatesOfOrigin, Customs, Documents,
	Executive, InherentDataExt, Nonce, ParachainSystem, Payments, Roles, Runtime, RuntimeCall,
	RuntimeGenesisConfig, SessionKeys, System, Traceability, TransactionPayment, VERSION,
};

tradechain_runtime_common::impl_tradechain_runtime_apis! {
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: cumulus_primitives_aura::Slot,
		) -> bool {
			crate::configs::ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(header: &<Block as BlockT>::Header) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> cumulus_primitives_core::ParaId {
			crate::ParachainInfo::parachain_id()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use sp_core::storage::TrackedStorageKey;
			use crate::*;

			let whitelist: Vec<TrackedStorageKey> =
				tradechain_runtime_common::benchmark_whitelist::<Runtime, AllPalletsWithSystem>();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
frame_benchmarking::define_benchmarks!(
	[pallet_balances, crate::Balances]
	[pallet_identity, crate::Identity]
	[pallet_roles, crate::Roles]
	[pallet_documents, crate::Documents]
	[pallet_certificates_of_origin, crate::CertificatesOfOrigin]
	[pallet_aeo, crate::Aeo]
	[pallet_payments, crate::Payments]
	[pallet_customs, crate::Customs]
	[pallet_traceability, crate::Traceability]
);
