//! Governance through the real node, on the development preset: Alice (Kenya's trade ministry),
//! Bob (German customs) and Charlie (Kenyan customs) form the council; Bob and Charlie, the
//! customs authorities, the emergency committee.
//!
//! - A council motion appoints a new agency; the same call by one member alone fails.
//! - The emergency committee pauses every call of the Customs pallet (pallet-tx-pause, call by
//!   call in one batch): a customs call fails while transfers still work, and works again after
//!   the committee resumes it.
//! - The committee puts the network in safe mode: every trade call fails, transfers and the
//!   council still work; after it leaves safe mode trade works again.

use subxt::utils::{AccountId32, MultiAddress};
use subxt_signer::sr25519::{dev, Keypair};
use tradechain_integration_tests::{
	chain::Chain,
	governance::{motion, Body},
	tradechain::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_roles::pallet::Call as RolesCall,
			pallet_safe_mode::pallet::Call as SafeModeCall,
			pallet_tx_pause::pallet::Call as TxPauseCall,
			pallet_utility::pallet::Call as UtilityCall,
			tradechain_primitives::{codes::CountryCode, roles::AgencyKind},
			tradechain_runtime::RuntimeCall,
		},
	},
	Node,
};

const UNIT: u128 = 1_000_000_000_000;

fn id(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

/// A transfer from Eve to Ferdie, which must work whatever is paused.
async fn transfer_works(chain: &Chain) {
	let tx = tradechain::transactions()
		.balances()
		.transfer_keep_alive(MultiAddress::Id(id(&dev::ferdie())), UNIT);
	chain.ok(&tx, &dev::eve(), "a transfer").await;
}

/// Ferdie withdraws the demo's lodged declaration 1 (a customs call).
fn withdraw_declaration() -> impl subxt::transactions::Payload {
	tradechain::transactions().customs().withdraw(1)
}

/// One call of `TxPause` for every call of the Customs pallet, in one batch.
fn every_customs_call(
	at: &tradechain_integration_tests::chain::AtBlock,
	pause: bool,
) -> RuntimeCall {
	let metadata = at.metadata();
	let customs = metadata.pallet_by_name("Customs").expect("Customs is in the runtime");
	let calls = customs
		.call_variants()
		.expect("Customs has calls")
		.iter()
		.map(|v| {
			let full_name =
				(BoundedVec(b"Customs".to_vec()), BoundedVec(v.name.as_bytes().to_vec()));
			RuntimeCall::TxPause(if pause {
				TxPauseCall::pause { full_name }
			} else {
				TxPauseCall::unpause { ident: full_name }
			})
		})
		.collect::<Vec<_>>();
	assert!(calls.len() >= 10, "Customs has {} calls", calls.len());
	RuntimeCall::Utility(UtilityCall::batch_all { calls })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_council_governs_and_the_emergency_committee_pauses_trade() {
	let node = Node::dev().await;
	let chain = Chain::new(node.client().await).await;
	let (alice, bob, charlie, ferdie) = (dev::alice(), dev::bob(), dev::charlie(), dev::ferdie());

	// --- A council motion appoints French customs; one member alone cannot.
	let douane = Keypair::from_uri(&"//Douane".parse().unwrap()).unwrap();
	let appoint = |who: &Keypair| {
		RuntimeCall::Roles(RolesCall::appoint_agency {
			who: id(who),
			kind: AgencyKind::CustomsAuthority,
			country: CountryCode(*b"FR"),
		})
	};
	let alone = tradechain::transactions().roles().appoint_agency(
		id(&douane),
		AgencyKind::CustomsAuthority,
		CountryCode(*b"FR"),
	);
	let refused = chain.err(&alone, &alice).await;
	assert!(refused.contains("Bad origin"), "{refused}");
	// A motion of one member (threshold one) executes at once, short of two thirds: refused.
	let one = tradechain::transactions().council().propose(1, appoint(&douane), 10_000);
	let one = chain.ok(&one, &alice, "a motion of one").await;
	let executed = one.find_first::<tradechain::council::events::Executed>().unwrap().unwrap();
	assert!(executed.result.is_err(), "one of three is not two thirds");
	assert!(!one.has::<tradechain::roles::events::AgencyAppointed>());
	let events = motion(&chain, Body::Council, appoint(&douane), 2, &alice, &[&bob]).await;
	let appointed = events
		.find_first::<tradechain::roles::events::AgencyAppointed>()
		.unwrap()
		.expect("the motion appointed the agency");
	assert_eq!(appointed.who, id(&douane));
	// --- The emergency committee (threshold one of two: half) pauses every customs call.
	motion(
		&chain,
		Body::EmergencyCommittee,
		every_customs_call(&chain.at().await, true),
		1,
		&bob,
		&[],
	)
	.await;
	let paused = chain.err(&withdraw_declaration(), &ferdie).await;
	assert!(paused.contains("CallFiltered"), "{paused}");
	transfer_works(&chain).await;
	// Nobody outside the committee and council may resume.
	let resume_alone = tradechain::transactions()
		.tx_pause()
		.unpause((BoundedVec(b"Customs".to_vec()), BoundedVec(b"withdraw".to_vec())));
	let refused = chain.err(&resume_alone, &ferdie).await;
	assert!(refused.contains("Bad origin"), "{refused}");
	motion(
		&chain,
		Body::EmergencyCommittee,
		every_customs_call(&chain.at().await, false),
		1,
		&charlie,
		&[],
	)
	.await;
	let withdrawn = chain.ok(&withdraw_declaration(), &ferdie, "withdraw after resuming").await;
	assert!(withdrawn.has::<tradechain::customs::events::Withdrawn>());

	// --- Safe mode: every trade call stops; transfers and the council go on.
	let enter = RuntimeCall::SafeMode(SafeModeCall::force_enter {});
	motion(&chain, Body::EmergencyCommittee, enter, 1, &bob, &[]).await;
	let anchor = tradechain::transactions().roles().set_encryption_key([7u8; 32]);
	let stopped = chain.err(&anchor, &ferdie).await;
	assert!(stopped.contains("CallFiltered"), "{stopped}");
	transfer_works(&chain).await;
	let ministry = Keypair::from_uri(&"//Ministere".parse().unwrap()).unwrap();
	let during = RuntimeCall::Roles(RolesCall::appoint_agency {
		who: id(&ministry),
		kind: AgencyKind::TradeMinistry,
		country: CountryCode(*b"FR"),
	});
	// Governance acts as Root past the filter; Roles itself is stopped for signed callers.
	let via_root = RuntimeCall::Governance(
		tradechain::runtime_types::pallet_governance::pallet::Call::dispatch_as_root {
			call: Box::new(during),
		},
	);
	let events = motion(&chain, Body::Council, via_root, 2, &alice, &[&charlie]).await;
	assert!(events.has::<tradechain::roles::events::AgencyAppointed>());
	let exit = RuntimeCall::SafeMode(SafeModeCall::force_exit {});
	motion(&chain, Body::EmergencyCommittee, exit, 1, &charlie, &[]).await;
	chain.ok(&anchor, &ferdie, "a trade call after safe mode").await;
}
