//! Weights of the polkadot-sdk pallets and of block and transaction overhead, measured on this
//! project's machine (2-core AMD EPYC VM) by `scripts/bench-weights runtime` with
//! frame-omni-bencher, so that a block holds what executing it here allows (polkadot-sdk's own
//! `SubstrateWeight`s and `()` weights are from its reference machine, several times slower
//! than these measurements, and the `()` transaction-extension weights assume RocksDB). Database
//! reads and writes are priced by `paritydb_weights`, ParityDB's costs measured by the node's
//! `benchmark storage` on a state of a million accounts (`scripts/bench-weights db`; on the
//! project's machine of 2026-11-27, a 2-core AMD EPYC VM). The trade pallets keep their weights
//! in their own crates.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
pub mod paritydb_weights;

use frame_support::{traits::Get, weights::Weight};

use crate::Runtime;

/// The weight every transaction pays besides its call and its transaction extensions: the
/// per-extrinsic overhead `benchmark overhead` measures (`extrinsic_weights`, a block of signed
/// `remark`s: signature check, decoding, dispatch bookkeeping *and* every transaction
/// extension), less what the extensions' own weights already charge for their execution.
///
/// Since transaction extensions carry weights, frame-system adds them to every transaction on top
/// of `base_extrinsic`, so the measured overhead alone counts the extensions twice
/// (polkadot-sdk#9981, open at stable2609; the open polkadot-sdk#11732 would subtract their
/// whole weights in the benchmark CLI). Only their execution is subtracted here: the database
/// reads and writes the extensions' weights price at ParityDB's cold cost stay charged once, on
/// top of the warm accesses the overhead measurement saw. A transaction is therefore never
/// charged less than the measured overhead plus its call.
pub struct ExtrinsicBaseWeight;

impl Get<Weight> for ExtrinsicBaseWeight {
	fn get() -> Weight {
		let measured = extrinsic_weights::ExtrinsicBaseWeight::get();
		Weight::from_parts(
			measured.ref_time().saturating_sub(extensions_execution().ref_time()),
			measured.proof_size(),
		)
	}
}

/// The sender account's read and write as the runtime prices them (ParityDB's cold cost).
fn sender_account() -> Weight {
	<Runtime as ::frame_system::Config>::DbWeight::get().reads_writes(1, 1)
}

/// `pallet_transaction_payment`'s weights as generated, less the sender account's read and write
/// in `charge_transaction_payment`: `CheckNonce`, before `ChargeTransactionPayment` in
/// [`crate::TxExtension`], reads and writes that same account in the same transaction, so
/// `ChargeTransactionPayment`'s reads find it in the block's trie cache (its `validate`, before
/// any write) or in the overlay (its `prepare` and `post_dispatch`, after `CheckNonce`'s write)
/// rather than in the database, and both writes reach the trie and the database as one when the
/// block ends. The read's discount assumes the node's trie cache is on (the default; with
/// `--trie-cache-size 0` that read walks the database again, `docs/operations.md`). Charging
/// them in both extensions counted one account access twice, an artefact of benchmarking each
/// extension apart (one benchmark counts a key's first read and its write once, however often
/// it is accessed). The account's proof size is kept. Fees are paid by the signer only (no asset
/// or sponsored payment here), so the account is the one `CheckNonce` touched; the tests below
/// check the order, the accesses and the payer.
pub struct TransactionPaymentWeight;

impl ::pallet_transaction_payment::WeightInfo for TransactionPaymentWeight {
	fn charge_transaction_payment() -> Weight {
		pallet_transaction_payment::WeightInfo::<Runtime>::charge_transaction_payment()
			.saturating_sub(sender_account())
	}
}

/// The execution weight of the runtime's transaction extensions ([`crate::TxExtension`], a
/// mortal transaction), their database reads and writes left out. `AuthorizeCall` weighs
/// nothing for calls without `#[pallet::authorize]` (none in this runtime).
pub fn extensions_execution() -> Weight {
	use ::frame_system::ExtensionsWeightInfo as _;
	use ::pallet_transaction_payment::WeightInfo as _;
	type System = <Runtime as ::frame_system::Config>::ExtensionsWeightInfo;
	type Payment = <Runtime as ::pallet_transaction_payment::Config>::WeightInfo;
	// `check_nonce` reads and writes the sender's account, `charge_transaction_payment` charges
	// that access no more ([`TransactionPaymentWeight`]; both checked against the generated files
	// and the runtime's extensions by the tests below); the rest touch no storage.
	[
		System::check_non_zero_sender(),
		System::check_spec_version(),
		System::check_tx_version(),
		System::check_genesis(),
		System::check_mortality_mortal_transaction(),
		System::check_nonce().saturating_sub(sender_account()),
		System::check_weight(),
		Payment::charge_transaction_payment(),
		System::weight_reclaim(),
	]
	.into_iter()
	.fold(Weight::zero(), Weight::saturating_add)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The database accesses [`extensions_execution`] leaves out are those the generated weights
	/// list: one read and one write in `check_nonce` and `charge_transaction_payment`, none in
	/// the other extensions.
	#[test]
	fn extensions_storage_access_as_generated() {
		fn body<'a>(file: &'a str, function: &str) -> &'a str {
			let start = file.find(&format!("fn {function}()")).expect("function generated");
			let rest = &file[start..];
			&rest[..rest.find("\n\t}").expect("function ends")]
		}
		let system = include_str!("frame_system_extensions.rs");
		let payment = include_str!("pallet_transaction_payment.rs");
		for (file, function, accesses) in [
			(system, "check_nonce", 1),
			(payment, "charge_transaction_payment", 1),
			(system, "check_non_zero_sender", 0),
			(system, "check_spec_version", 0),
			(system, "check_tx_version", 0),
			(system, "check_genesis", 0),
			(system, "check_mortality_mortal_transaction", 0),
			(system, "check_weight", 0),
			(system, "weight_reclaim", 0),
		] {
			let code = body(file, function);
			for kind in ["reads", "writes"] {
				assert_eq!(code.matches(&format!(".{kind}(")).count(), accesses, "{function}");
				if accesses > 0 {
					assert!(code.contains(&format!(".{kind}(1)")), "{function}: {kind}(1)");
				}
			}
		}
	}

	/// [`extensions_execution`] covers every extension of [`crate::TxExtension`]: the weight
	/// frame-system charges for them (`TransactionExtension::weight`) is their execution plus the
	/// sender account's read and write, once.
	#[test]
	fn extensions_execution_covers_the_runtime_extensions() {
		use sp_runtime::{generic::Era, traits::TransactionExtension};
		let extensions: crate::TxExtension = (
			::frame_system::AuthorizeCall::new(),
			::frame_system::CheckNonZeroSender::new(),
			::frame_system::CheckSpecVersion::new(),
			::frame_system::CheckTxVersion::new(),
			::frame_system::CheckGenesis::new(),
			::frame_system::CheckEra::from(Era::mortal(256, 0)),
			::frame_system::CheckNonce::from(0),
			::frame_system::CheckWeight::new(),
			::pallet_transaction_payment::ChargeTransactionPayment::from(0),
			::frame_system::WeightReclaim::new(),
		);
		let call =
			crate::RuntimeCall::System(::frame_system::Call::remark { remark: Default::default() });
		assert_eq!(
			extensions.weight(&call).ref_time(),
			extensions_execution().ref_time() + sender_account().ref_time()
		);
	}

	/// `ChargeTransactionPayment` is charged as generated less one read and one write, and
	/// `CheckNonce`, which charges them, comes first in the runtime's extensions.
	#[test]
	fn the_sender_account_is_charged_once_by_check_nonce() {
		use ::pallet_transaction_payment::WeightInfo as _;
		use sp_runtime::traits::TransactionExtension;
		let generated =
			pallet_transaction_payment::WeightInfo::<Runtime>::charge_transaction_payment();
		let charged = <Runtime as ::pallet_transaction_payment::Config>::WeightInfo::
			charge_transaction_payment();
		assert_eq!(charged.ref_time() + sender_account().ref_time(), generated.ref_time());
		assert_eq!(charged.proof_size(), generated.proof_size());
		let order: Vec<_> =
			crate::TxExtension::metadata().into_iter().map(|e| e.identifier).collect();
		let at = |name| order.iter().position(|id| *id == name).expect(name);
		assert!(at("CheckNonce") < at("ChargeTransactionPayment"), "{order:?}");
	}

	/// Fees come out of the signer's own account, the one `CheckNonce` reads and writes: a
	/// different payment adapter (assets, sponsored fees) fails here, and with it the ground for
	/// [`TransactionPaymentWeight`], which must then be revisited.
	#[test]
	fn fees_are_paid_from_the_signers_account() {
		use core::any::TypeId;
		type Charge = <Runtime as ::pallet_transaction_payment::Config>::OnChargeTransaction;
		assert_eq!(
			TypeId::of::<Charge>(),
			TypeId::of::<::pallet_transaction_payment::FungibleAdapter<crate::Balances, ()>>(),
			"revisit TransactionPaymentWeight"
		);
	}

	/// The extensions' execution fits in the measured overhead, else the two measurements
	/// disagree (the overhead benchmark executes the extensions too) and the base would saturate
	/// at zero: a regeneration that gets there fails here. The base is the difference.
	#[test]
	fn extensions_execution_fits_in_the_measured_overhead() {
		let measured = extrinsic_weights::ExtrinsicBaseWeight::get().ref_time();
		let execution = extensions_execution().ref_time();
		assert!(
			execution < measured,
			"extensions' execution {execution} ps >= measured overhead {measured} ps: \
			 regenerate both in one run (scripts/bench-weights runtime)"
		);
		assert_eq!(ExtrinsicBaseWeight::get().ref_time(), measured - execution);
	}

	/// Customs' draw list (`MaxLodgingsPerBlock`, derived from these weights) holds more
	/// declarations than a block's normal share can lodge, so only the block's weight limits
	/// lodging; and the next block's draws of a full list fit beside a full normal share.
	#[test]
	fn a_full_block_of_lodgings_fits_the_draw_list() {
		use frame_support::dispatch::DispatchClass;
		use pallet_customs::WeightInfo as _;
		type W = <Runtime as pallet_customs::Config>::WeightInfo;
		let max = <Runtime as pallet_customs::Config>::MaxLodgingsPerBlock::get();
		let block = crate::configs::RuntimeBlockWeights::get();
		let normal = block.get(DispatchClass::Normal);
		let share = normal.max_total.expect("the normal share is limited");
		// The cheapest lodging (one goods line, no certificate, no mirror check) with the
		// transaction's overhead and extensions.
		let lodge = normal
			.base_extrinsic
			.saturating_add(extensions_execution())
			.saturating_add(sender_account())
			.saturating_add(W::lodge(1, 0, 0, 0));
		let fit = share.ref_time() / lodge.ref_time();
		assert!(u64::from(max) > fit, "a draw list of {max} < {fit} lodgings a block");
		let draws = pallet_customs::Pallet::<Runtime>::draws_weight(max);
		let full = block.base_block.saturating_add(share).saturating_add(draws);
		assert!(full.all_lte(block.max_block), "{full:?} > {:?}", block.max_block);
	}
}
