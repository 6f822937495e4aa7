//! The transaction pool as block authoring sees it.
//!
//! When the block author cannot apply a transaction it reports it to the pool, and the
//! single-state pool removes it *with every transaction that depends on it*
//! (`ValidatedPool::remove_invalid` → `remove_subtree`): the same sender's later nonces, though
//! they may be perfectly valid. That is right for a transaction that is bad in itself (a bad
//! signature, a call the runtime refuses), and wrong for two errors that only say the pool's view
//! of the sender was out of date at the parent block:
//! - `Stale`: the nonce is already used, typically because the parent block included this very
//!   transaction and the pool has not processed that block yet (its maintenance lags under load:
//!   `ready_at_with_timeout` then hands the author the unmaintained ready set);
//! - `Future`: the nonce is not reached yet at this parent (the pool's state follows another fork).
//!
//! Removing the subtree there drops the sender's following transactions for good: nothing
//! resubmits them, and the sender's next transactions wait on the gap as *future* ones (which the
//! pool caps at a tenth of its size, oldest evicted first). A soak under CPU starvation lost about
//! 7,700 transactions that way (see `docs/soak/README.md`). The fork-aware pool already treats
//! these two errors apart (`ViewStore::report_invalid` takes them and their dependents out of the
//! one view, not out of the pool). [`AuthoringPool`] does the like for the single-state pool: it
//! withholds `Stale` and `Future` reports, and the pool's own maintenance removes such a
//! transaction once it processes the block that used its nonce (pruning by the tags of included
//! transactions, which leaves the dependents), or its revalidation does. The author's iterator
//! still skips it and its dependents in the block being built, so while maintenance lags the
//! sender's later transactions wait for a later block.
//!
//! Not covered: when the pool skips maintenance altogether (the new best block more than 20
//! past the last it processed, or no tree route), it never prunes those blocks, and revalidation
//! then removes the stale transaction with its subtree, as before.

use std::{collections::HashMap, pin::Pin, sync::Arc, time::Duration};

use sc_transaction_pool_api::{
	BlockHash, ImportNotificationStream, PoolStatus, ReadyTransactions, TransactionFor,
	TransactionPool, TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

/// Whether an author's report only says the pool's view of the sender's nonce was out of date.
fn out_of_date(error: &Option<TransactionValidityError>) -> bool {
	matches!(
		error,
		Some(TransactionValidityError::Invalid(
			InvalidTransaction::Stale | InvalidTransaction::Future
		))
	)
}

/// The node's transaction pool handed to block authoring: the same pool, except that with
/// `keep_out_of_date` the author's `Stale` and `Future` reports are withheld (see the module
/// docs). Everything else goes to the pool unchanged.
pub struct AuthoringPool<P> {
	pool: Arc<P>,
	keep_out_of_date: bool,
}

impl<P> AuthoringPool<P> {
	/// `keep_out_of_date`: withhold `Stale` and `Future` reports (for the single-state pool; the
	/// fork-aware pool handles them itself).
	pub fn new(pool: Arc<P>, keep_out_of_date: bool) -> Self {
		Self { pool, keep_out_of_date }
	}
}

type Ready<P> =
	Box<dyn ReadyTransactions<Item = Arc<<P as TransactionPool>::InPoolTransaction>> + Send>;

#[async_trait::async_trait]
impl<P: TransactionPool> TransactionPool for AuthoringPool<P> {
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: BlockHash<P>,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		self.pool.submit_at(at, source, xts).await
	}

	async fn submit_one(
		&self,
		at: BlockHash<P>,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		self.pool.submit_one(at, source, xt).await
	}

	async fn submit_and_watch(
		&self,
		at: BlockHash<P>,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		self.pool.submit_and_watch(at, source, xt).await
	}

	async fn ready_at(&self, at: BlockHash<P>) -> Ready<P> {
		self.pool.ready_at(at).await
	}

	fn ready(&self) -> Ready<P> {
		self.pool.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<BlockHash<P>>,
		mut invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		if self.keep_out_of_date {
			invalid_tx_errors.retain(|hash, error| {
				let keep = out_of_date(error);
				if keep {
					log::debug!(
						target: "txpool",
						"[{hash:?}] kept in the pool: the author found it {error:?} at {at:?}"
					);
				}
				!keep
			});
			if invalid_tx_errors.is_empty() {
				return Vec::new();
			}
		}
		self.pool.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.pool.futures()
	}

	fn status(&self) -> PoolStatus {
		self.pool.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.pool.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.pool.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.pool.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.pool.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(&self, at: BlockHash<P>, timeout: Duration) -> Ready<P> {
		self.pool.ready_at_with_timeout(at, timeout).await
	}
}

#[cfg(test)]
mod tests {
	use std::sync::Mutex;

	use sc_transaction_pool_api::{error::Error, InPoolTransaction};
	use sp_core::H256;
	use sp_runtime::{
		generic,
		traits::BlakeTwo256,
		transaction_validity::{
			TransactionLongevity, TransactionPriority, TransactionTag, UnknownTransaction,
		},
		OpaqueExtrinsic as UncheckedExtrinsic,
	};

	type Block = generic::Block<generic::Header<u32, BlakeTwo256>, UncheckedExtrinsic>;

	use super::*;

	/// A pool that records what it is told is invalid; nothing else of it is used here.
	#[derive(Default)]
	struct Recorder(Mutex<Vec<Vec<H256>>>);

	struct Tx;

	impl InPoolTransaction for Tx {
		type Transaction = Arc<UncheckedExtrinsic>;
		type Hash = H256;
		fn data(&self) -> &Self::Transaction {
			unreachable!("not used by report_invalid")
		}
		fn hash(&self) -> &H256 {
			unreachable!("not used by report_invalid")
		}
		fn priority(&self) -> &TransactionPriority {
			unreachable!("not used by report_invalid")
		}
		fn longevity(&self) -> &TransactionLongevity {
			unreachable!("not used by report_invalid")
		}
		fn requires(&self) -> &[TransactionTag] {
			unreachable!("not used by report_invalid")
		}
		fn provides(&self) -> &[TransactionTag] {
			unreachable!("not used by report_invalid")
		}
		fn is_propagable(&self) -> bool {
			unreachable!("not used by report_invalid")
		}
	}

	#[async_trait::async_trait]
	impl TransactionPool for Recorder {
		type Block = Block;
		type Hash = H256;
		type InPoolTransaction = Tx;
		type Error = Error;

		async fn submit_at(
			&self,
			_: H256,
			_: TransactionSource,
			_: Vec<UncheckedExtrinsic>,
		) -> Result<Vec<Result<H256, Error>>, Error> {
			unreachable!()
		}
		async fn submit_one(
			&self,
			_: H256,
			_: TransactionSource,
			_: UncheckedExtrinsic,
		) -> Result<H256, Error> {
			unreachable!()
		}
		async fn submit_and_watch(
			&self,
			_: H256,
			_: TransactionSource,
			_: UncheckedExtrinsic,
		) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Error> {
			unreachable!()
		}
		async fn ready_at(&self, _: H256) -> Ready<Self> {
			unreachable!()
		}
		fn ready(&self) -> Ready<Self> {
			unreachable!()
		}
		async fn report_invalid(
			&self,
			_: Option<H256>,
			reported: TxInvalidityReportMap<H256>,
		) -> Vec<Arc<Tx>> {
			self.0.lock().unwrap().push(reported.keys().copied().collect());
			Vec::new()
		}
		fn futures(&self) -> Vec<Tx> {
			unreachable!()
		}
		fn status(&self) -> PoolStatus {
			unreachable!()
		}
		fn import_notification_stream(&self) -> ImportNotificationStream<H256> {
			unreachable!()
		}
		fn on_broadcasted(&self, _: HashMap<H256, Vec<String>>) {
			unreachable!()
		}
		fn hash_of(&self, _: &UncheckedExtrinsic) -> H256 {
			unreachable!()
		}
		fn ready_transaction(&self, _: &H256) -> Option<Arc<Tx>> {
			unreachable!()
		}
		async fn ready_at_with_timeout(&self, _: H256, _: Duration) -> Ready<Self> {
			unreachable!()
		}
	}

	fn invalid(e: InvalidTransaction) -> Option<TransactionValidityError> {
		Some(TransactionValidityError::Invalid(e))
	}

	/// What an author reports after a block: two transactions whose nonce the pool's view had
	/// wrong, and four that are bad in themselves (or reported without a reason).
	fn reports() -> TxInvalidityReportMap<H256> {
		[
			(H256::repeat_byte(1), invalid(InvalidTransaction::Stale)),
			(H256::repeat_byte(2), invalid(InvalidTransaction::BadProof)),
			(H256::repeat_byte(3), invalid(InvalidTransaction::Future)),
			(H256::repeat_byte(4), None),
			(H256::repeat_byte(5), invalid(InvalidTransaction::Payment)),
			(
				H256::repeat_byte(6),
				Some(TransactionValidityError::Unknown(UnknownTransaction::CannotLookup)),
			),
		]
		.into_iter()
		.collect()
	}

	fn reported_to_the_pool(
		keep_out_of_date: bool,
		report: TxInvalidityReportMap<H256>,
	) -> Vec<Vec<H256>> {
		let recorder = Arc::new(Recorder::default());
		let pool = AuthoringPool::new(recorder.clone(), keep_out_of_date);
		futures::executor::block_on(pool.report_invalid(Some(H256::zero()), report));
		let reported = recorder.0.lock().unwrap().clone();
		reported
	}

	#[test]
	fn stale_and_future_reports_stay_with_the_author_on_the_single_state_pool() {
		let bytes = |b: &[u8]| b.iter().map(|b| H256::repeat_byte(*b)).collect::<Vec<_>>();
		assert_eq!(reported_to_the_pool(true, reports()), vec![bytes(&[2, 4, 5, 6])]);
	}

	#[test]
	fn a_report_of_only_out_of_date_transactions_does_not_reach_the_pool() {
		let report = reports().into_iter().filter(|(_, e)| out_of_date(e)).collect();
		assert_eq!(reported_to_the_pool(true, report), Vec::<Vec<H256>>::new());
	}

	#[test]
	fn the_fork_aware_pool_gets_every_report() {
		let all: Vec<H256> = reports().keys().copied().collect();
		assert_eq!(all.len(), 6);
		assert_eq!(reported_to_the_pool(false, reports()), vec![all]);
	}
}
