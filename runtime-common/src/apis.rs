//! The runtime APIs every Tradechain runtime offers, in one macro.

/// `sp_api::impl_runtime_apis!` with every runtime API the Tradechain runtimes share: block
/// execution and building, metadata and view functions, the transaction queue, offchain workers,
/// Aura, session keys, nonces and fees, try-runtime, the genesis builder (with the `identities`
/// section, see [`crate::genesis`]) and the trade APIs (roles, documents, certificates of origin,
/// AEO, payments, customs, traceability), as dashboards and the command-line client call them.
///
/// Pass the runtime's own API implementations (GRANDPA's on the standalone runtime, the cumulus
/// ones on the parachain, benchmarks). Where it is called, these must be in scope as in every
/// Tradechain runtime: `Block`, `Runtime`, `RuntimeCall`, `RuntimeGenesisConfig`, `Executive`,
/// `VERSION`, `SessionKeys`, `InherentDataExt`, `AccountId`, `Nonce`, `Balance`, `BlockNumber`,
/// `Vec`, the pallets `System`, `Aura`, `TransactionPayment` and the seven trade pallets, and the
/// modules `crate::configs` (with `RuntimeBlockWeights`) and `crate::genesis_config_presets`
/// (with `get_preset` and `preset_names`).
#[macro_export]
macro_rules! impl_tradechain_runtime_apis {
	($($apis:tt)*) => {
		sp_api::impl_runtime_apis! {
			$($apis)*

			impl sp_api::Core<Block> for Runtime {
				fn version() -> sp_version::RuntimeVersion {
					VERSION
				}

				fn execute_block(block: <Block as sp_runtime::traits::Block>::LazyBlock) {
					Executive::execute_block(block);
				}

				fn initialize_block(
					header: &<Block as sp_runtime::traits::Block>::Header,
				) -> sp_runtime::ExtrinsicInclusionMode {
					Executive::initialize_block(header)
				}
			}

			impl sp_api::Metadata<Block> for Runtime {
				fn metadata() -> sp_core::OpaqueMetadata {
					sp_core::OpaqueMetadata::new(Runtime::metadata().into())
				}

				fn metadata_at_version(version: u32) -> Option<sp_core::OpaqueMetadata> {
					Runtime::metadata_at_version(version)
				}

				fn metadata_versions() -> Vec<u32> {
					Runtime::metadata_versions()
				}
			}

			impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
				fn execute_view_function(
					id: frame_support::view_functions::ViewFunctionId,
					input: Vec<u8>,
				) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
					Runtime::execute_view_function(id, input)
				}
			}

			impl sp_block_builder::BlockBuilder<Block> for Runtime {
				fn apply_extrinsic(
					extrinsic: <Block as sp_runtime::traits::Block>::Extrinsic,
				) -> sp_runtime::ApplyExtrinsicResult {
					Executive::apply_extrinsic(extrinsic)
				}

				fn finalize_block() -> <Block as sp_runtime::traits::Block>::Header {
					Executive::finalize_block()
				}

				fn inherent_extrinsics(
					data: sp_inherents::InherentData,
				) -> Vec<<Block as sp_runtime::traits::Block>::Extrinsic> {
					data.create_extrinsics()
				}

				fn check_inherents(
					block: <Block as sp_runtime::traits::Block>::LazyBlock,
					data: sp_inherents::InherentData,
				) -> sp_inherents::CheckInherentsResult {
					data.check_extrinsics(&block)
				}
			}

			impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
				fn validate_transaction(
					source: sp_runtime::transaction_validity::TransactionSource,
					tx: <Block as sp_runtime::traits::Block>::Extrinsic,
					block_hash: <Block as sp_runtime::traits::Block>::Hash,
				) -> sp_runtime::transaction_validity::TransactionValidity {
					Executive::validate_transaction(source, tx, block_hash)
				}
			}

			impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
				fn offchain_worker(header: &<Block as sp_runtime::traits::Block>::Header) {
					Executive::offchain_worker(header)
				}
			}

			impl sp_consensus_aura::AuraApi<Block, sp_consensus_aura::sr25519::AuthorityId> for Runtime {
				fn slot_duration() -> sp_consensus_aura::SlotDuration {
					sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
				}

				fn authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
					pallet_aura::Authorities::<Runtime>::get().into_inner()
				}
			}

			impl sp_session::SessionKeys<Block> for Runtime {
				fn generate_session_keys(
					owner: Vec<u8>,
					seed: Option<Vec<u8>>,
				) -> sp_session::OpaqueGeneratedSessionKeys {
					SessionKeys::generate(&owner, seed).into()
				}

				fn decode_session_keys(
					encoded: Vec<u8>,
				) -> Option<Vec<(Vec<u8>, sp_core::crypto::KeyTypeId)>> {
					SessionKeys::decode_into_raw_public_keys(&encoded)
				}
			}

			impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
				fn account_nonce(account: AccountId) -> Nonce {
					System::account_nonce(account)
				}
			}

			impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
				fn query_info(
					uxt: <Block as sp_runtime::traits::Block>::Extrinsic,
					len: u32,
				) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
					TransactionPayment::query_info(uxt, len)
				}
				fn query_fee_details(
					uxt: <Block as sp_runtime::traits::Block>::Extrinsic,
					len: u32,
				) -> pallet_transaction_payment::FeeDetails<Balance> {
					TransactionPayment::query_fee_details(uxt, len)
				}
				fn query_weight_to_fee(weight: frame_support::weights::Weight) -> Balance {
					TransactionPayment::weight_to_fee(weight)
				}
				fn query_length_to_fee(length: u32) -> Balance {
					TransactionPayment::length_to_fee(length)
				}
			}

			impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
				for Runtime
			{
				fn query_call_info(
					call: RuntimeCall,
					len: u32,
				) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
					TransactionPayment::query_call_info(call, len)
				}
				fn query_call_fee_details(
					call: RuntimeCall,
					len: u32,
				) -> pallet_transaction_payment::FeeDetails<Balance> {
					TransactionPayment::query_call_fee_details(call, len)
				}
				fn query_weight_to_fee(weight: frame_support::weights::Weight) -> Balance {
					TransactionPayment::weight_to_fee(weight)
				}
				fn query_length_to_fee(length: u32) -> Balance {
					TransactionPayment::length_to_fee(length)
				}
			}

			impl pallet_roles::runtime_api::RolesApi<Block, AccountId, BlockNumber> for Runtime {
				fn roles_of(who: AccountId) -> Vec<pallet_roles::RoleInfo<AccountId, BlockNumber>> {
					Roles::roles_of(&who)
				}
				fn holders(
					role: tradechain_primitives::Role,
					country: tradechain_primitives::CountryCode,
				) -> Vec<AccountId> {
					Roles::holders(role, country)
				}
				fn encryption_key(who: AccountId) -> Option<tradechain_primitives::X25519PublicKey> {
					<Roles as tradechain_primitives::EncryptionKeyProvider<AccountId>>::encryption_key(&who)
				}
			}

			impl pallet_documents::runtime_api::DocumentsApi<Block, AccountId, BlockNumber> for Runtime {
				fn document(
					hash: tradechain_primitives::DocumentHash,
				) -> Option<pallet_documents::DocumentInfo<AccountId, BlockNumber>> {
					Documents::document(hash)
				}
				fn envelope(hash: tradechain_primitives::DocumentHash, reader: AccountId) -> Option<Vec<u8>> {
					Documents::envelope(hash, reader)
				}
			}

			impl pallet_certificates_of_origin::runtime_api::CertificatesApi<Block, AccountId> for Runtime {
				fn certificate_status(
					hash: tradechain_primitives::DocumentHash,
				) -> pallet_certificates_of_origin::CertificateStatus {
					CertificatesOfOrigin::certificate_status(hash)
				}
				fn certificate(
					hash: tradechain_primitives::DocumentHash,
				) -> Option<pallet_certificates_of_origin::CertificateInfo<AccountId>> {
					CertificatesOfOrigin::certificate(hash)
				}
				fn batch_certificate_status(
					root: tradechain_primitives::DocumentHash,
					hash: tradechain_primitives::DocumentHash,
					proof: tradechain_primitives::BatchProof,
				) -> pallet_certificates_of_origin::CertificateStatus {
					CertificatesOfOrigin::batch_certificate_status(root, hash, proof)
				}
			}

			impl pallet_aeo::runtime_api::AeoApi<Block, AccountId> for Runtime {
				fn aeo_status(
					operator: AccountId,
					seen_from: tradechain_primitives::CountryCode,
				) -> pallet_aeo::AeoStatus {
					Aeo::aeo_status(&operator, seen_from)
				}
				fn mras(
					country: tradechain_primitives::CountryCode,
				) -> Vec<(tradechain_primitives::CountryCode, pallet_aeo::Mra)> {
					Aeo::mras_of(country)
				}
			}

			impl pallet_payments::runtime_api::PaymentsApi<Block, AccountId, Balance> for Runtime {
				fn escrows_of(who: AccountId) -> Vec<pallet_payments::EscrowInfo<AccountId, Balance>> {
					Payments::escrows_of(&who)
				}
				fn treasury_account(country: tradechain_primitives::CountryCode) -> AccountId {
					Payments::treasury_account(country)
				}
				fn deferred_duty(who: AccountId, country: tradechain_primitives::CountryCode) -> Balance {
					<Payments as tradechain_primitives::DutyPayment<AccountId, Balance>>::deferred(&who, country)
				}
			}

			impl pallet_customs::runtime_api::CustomsApi<Block, Balance, pallet_customs::DeclarationOf<Runtime>> for Runtime {
				fn declaration(
					id: tradechain_primitives::DeclarationId,
				) -> Option<pallet_customs::DeclarationOf<Runtime>> {
					pallet_customs::Declarations::<Runtime>::get(id)
				}
				fn statistics(
					country: tradechain_primitives::CountryCode,
					office: Option<tradechain_primitives::UnLocode>,
				) -> pallet_customs::Statistics<Balance> {
					Customs::statistics(country, office)
				}
			}

			impl pallet_traceability::runtime_api::TraceabilityApi<Block, AccountId, pallet_traceability::EventRecordOf<Runtime>> for Runtime {
				fn item(item: tradechain_primitives::ItemRef) -> Option<pallet_traceability::ItemInfo<AccountId>> {
					Traceability::item(item)
				}
				fn history(
					item: tradechain_primitives::ItemRef,
					from: u32,
					count: u32,
				) -> Vec<(tradechain_primitives::DocumentHash, pallet_traceability::EventRecordOf<Runtime>)> {
					Traceability::history(item, from, count)
				}
				fn breaches(item: tradechain_primitives::ItemRef) -> Vec<tradechain_primitives::DocumentHash> {
					Traceability::breaches(item)
				}
				fn verify_reading(
					root: tradechain_primitives::DocumentHash,
					leaf: tradechain_primitives::DocumentHash,
					proof: tradechain_primitives::BatchProof,
				) -> bool {
					Traceability::verify_reading(root, leaf, proof)
				}
			}

			#[cfg(feature = "try-runtime")]
			impl frame_try_runtime::TryRuntime<Block> for Runtime {
				fn on_runtime_upgrade(
					checks: frame_try_runtime::UpgradeCheckSelect,
				) -> (frame_support::weights::Weight, frame_support::weights::Weight) {
					// An error in a migration's checks must stop try-runtime loudly, with a
					// backtrace.
					let weight = Executive::try_runtime_upgrade(checks).unwrap();
					(weight, crate::configs::RuntimeBlockWeights::get().max_block)
				}

				fn execute_block(
					block: <Block as sp_runtime::traits::Block>::LazyBlock,
					state_root_check: bool,
					signature_check: bool,
					select: frame_try_runtime::TryStateSelect,
				) -> frame_support::weights::Weight {
					Executive::try_execute_block(block, state_root_check, signature_check, select)
						.expect("execute-block failed")
				}
			}

			impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
				fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
					// pallet-identity has no genesis config: its registrars and identities come
					// in an extra section, applied after the pallets' genesis.
					let (config, identities) = $crate::genesis::split_identities(config)?;
					frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(config)?;
					$crate::genesis::seed_identities::<Runtime, _>(identities).map_err(Into::into)
				}

				fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
					frame_support::genesis_builder_helper::get_preset::<RuntimeGenesisConfig>(
						id,
						crate::genesis_config_presets::get_preset,
					)
				}

				fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
					crate::genesis_config_presets::preset_names()
				}
			}
		}
	};
}
