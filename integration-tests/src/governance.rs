//! Motions of the agency council and of the emergency committee, as an agency's dashboard makes
//! them: one member proposes a call, others vote aye, anyone closes once the threshold is
//! reached (a threshold below two executes at once).

use subxt_signer::sr25519::Keypair;

use crate::{
	chain::{Chain, Events},
	tradechain::{
		self,
		runtime_types::{sp_weights::weight_v2::Weight, tradechain_runtime::RuntimeCall},
	},
};

/// Bounds for closing a motion: above any motion's call in these tests (the largest is
/// `authorize_upgrade`), below `MaxProposalWeight` (half a block) so that `close` fits a block.
const LENGTH_BOUND: u32 = 10_000;
const WEIGHT_BOUND: Weight = Weight { ref_time: 500_000_000_000, proof_size: 1_000_000 };

/// Which body votes.
#[derive(Clone, Copy, Debug)]
pub enum Body {
	/// The agency council (pallet-collective instance 1).
	Council,
	/// The emergency committee of customs authorities (instance 2).
	EmergencyCommittee,
}

/// Carries `call` through `body`: `proposer` proposes it with `threshold`, the proposer and
/// each of `voters` vote aye, `proposer` closes it. Returns the events of the step that executed it, after
/// checking that the call itself succeeded.
pub async fn motion(
	chain: &Chain,
	body: Body,
	call: RuntimeCall,
	threshold: u32,
	proposer: &Keypair,
	voters: &[&Keypair],
) -> Events {
	// The two instances have the same calls and events under different names.
	macro_rules! carry {
		($pallet:ident) => {{
			let tx = tradechain::transactions().$pallet();
			let proposed =
				chain.ok(&tx.propose(threshold, call, LENGTH_BOUND), proposer, "propose").await;
			let events = if threshold < 2 {
				proposed
			} else {
				let p = proposed
					.find_first::<tradechain::$pallet::events::Proposed>()
					.expect("the motion was proposed")
					.expect("events decode");
				// The proposer's own aye is a vote like the others.
				for voter in core::iter::once(&proposer).chain(voters) {
					chain
						.ok(&tx.vote(p.proposal_hash, p.proposal_index, true), voter, "vote aye")
						.await;
				}
				chain
					.ok(
						&tx.close(p.proposal_hash, p.proposal_index, WEIGHT_BOUND, LENGTH_BOUND),
						proposer,
						"close",
					)
					.await
			};
			let executed = events
				.find_first::<tradechain::$pallet::events::Executed>()
				.unwrap_or_else(|| panic!("{body:?}: the motion was not executed"))
				.expect("events decode");
			if let Err(e) = executed.result {
				panic!("{body:?}: the motion's call failed: {e:?}");
			}
			events
		}};
	}
	match body {
		Body::Council => carry!(council),
		Body::EmergencyCommittee => carry!(emergency_committee),
	}
}
