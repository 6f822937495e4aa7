//! The pallets whose benchmarks this runtime runs (`frame-omni-bencher v1 benchmark pallet`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_identity, Identity]
	[pallet_governance, Governance]
	[pallet_validator_set, ValidatorSet]
	[pallet_roles, Roles]
	[pallet_documents, Documents]
	[pallet_certificates_of_origin, CertificatesOfOrigin]
	[pallet_aeo, Aeo]
	[pallet_payments, Payments]
	[pallet_customs, Customs]
	[pallet_traceability, Traceability]
);
