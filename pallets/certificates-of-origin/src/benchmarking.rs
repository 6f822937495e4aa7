//! Benchmarks of the certificates-of-origin pallet (frame-benchmarking v2), each at its worst
//! case: most goods lines, most partners, longest texts, preferential (an agreement read), the
//! longest batch proof.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tradechain_primitives::BenchmarkTime as _;
use tradechain_primitives::{
	document_hash, AgreementCode, BatchProof, CountryCode, DocumentHash, Role, RoleProvider,
};

const DAY: u64 = 86_400_000;
/// The name under which `member` returns the whitelisted caller.
const SIGNER: &str = "signer";
/// The benchmarks' "now": 2026-11-25.
const NOW: u64 = 1_795_000_000_000;

fn country(code: &[u8]) -> CountryCode {
	CountryCode::parse(code).expect("assigned")
}

fn member<T: Config>(name: &'static str, role: Role, of: &[u8]) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	// The signer of the measured call is the whitelisted caller: its account is touched by the
	// transaction fee anyway.
	let who: T::AccountId = if name == SIGNER { whitelisted_caller() } else { account(name, 0, 0) };
	// Past genesis, so that the time source is read.
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	T::BenchmarkHelper::set_time(NOW);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	T::Roles::grant_for_benchmarks(&who, role, country(of));
	who
}

fn longest_text<T: Config>() -> ReasonOf<T> {
	BoundedVec::try_from(alloc::vec![b'R'; T::MaxReasonLength::get() as usize]).expect("bound")
}

fn agreement() -> AgreementCode {
	AgreementCode::parse(b"AFCFTA-PROTOCOL1").expect("valid")
}

/// Kenya lists an agreement with the most partners, Germany among them.
fn list_agreement<T: Config>() {
	let partners: Vec<CountryCode> = CountryCode::all()
		.filter(|c| *c != country(b"KE") && *c != country(b"DE"))
		.take(T::MaxPartners::get().saturating_sub(1) as usize)
		.chain([country(b"DE")])
		.collect();
	Agreements::<T>::insert(
		country(b"KE"),
		agreement(),
		Agreement { partners: BoundedVec::try_from(partners).expect("bound") },
	);
}

/// Preferential details with the most goods lines, from `exporter` to a German consignee.
fn full_details<T: Config>(exporter: T::AccountId) -> DetailsOf<T>
where
	T::Currency: Mutate<T::AccountId>,
{
	list_agreement::<T>();
	let line = GoodsLine {
		hs_code: "0901110000".parse().expect("valid"),
		description: document_hash(b"green coffee"),
		quantity: u64::MAX,
		unit: "KGM".parse().expect("valid"),
	};
	CertificateDetails {
		exporter,
		consignee: member::<T>("consignee", Role::ECONOMIC_OPERATOR, b"DE"),
		destination: country(b"DE"),
		goods: BoundedVec::try_from(alloc::vec![line; T::MaxGoodsLines::get() as usize])
			.expect("bound"),
		preference: Preference::Preferential {
			agreement: agreement(),
			criterion: OriginCriterion::ValueAdded,
		},
		invoice: longest_text::<T>(),
		valid_until: NOW + T::MaxValidity::get(),
	}
}

fn hash(i: u32) -> DocumentHash {
	document_hash(&i.to_le_bytes())
}

/// An issuer of Kenya with one full certificate issued under `hash(0)`.
fn issued<T: Config>() -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	let issuer = member::<T>(SIGNER, Role::ORIGIN_ISSUER, b"KE");
	let exporter = member::<T>("exporter", Role::ECONOMIC_OPERATOR, b"KE");
	Pallet::<T>::issue(
		RawOrigin::Signed(issuer.clone()).into(),
		hash(0),
		full_details::<T>(exporter),
	)
	.expect("issues");
	issuer
}

/// A pending application with full details; returns the exporter and the id.
fn applied<T: Config>() -> (T::AccountId, ApplicationId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let exporter = member::<T>("exporter", Role::ECONOMIC_OPERATOR, b"KE");
	let id = NextApplicationId::<T>::get();
	Pallet::<T>::apply(
		RawOrigin::Signed(exporter.clone()).into(),
		full_details::<T>(exporter.clone()),
	)
	.expect("applies");
	(exporter, id)
}

/// The root of a batch of `u32::MAX` leaves and the 32-item proof of its first leaf, computed as
/// `binary-merkle-tree` verifies it (leaf 0 is always the left child).
fn deepest_proof(leaf: &DocumentHash) -> (DocumentHash, BatchProof) {
	let mut node = document_hash(leaf.as_bytes());
	let mut items = Vec::new();
	for i in 0..32u32 {
		let sibling = document_hash(&i.to_le_bytes());
		let mut combined = [0u8; 64];
		combined[..32].copy_from_slice(node.as_bytes());
		combined[32..].copy_from_slice(sibling.as_bytes());
		node = document_hash(&combined);
		items.push(sibling);
	}
	let proof = BatchProof {
		leaf_index: 0,
		number_of_leaves: u32::MAX,
		items: BoundedVec::try_from(items).expect("32 items"),
	};
	(node, proof)
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_agreement() {
		let ministry = member::<T>(SIGNER, Role::TRADE_MINISTRY, b"KE");
		list_agreement::<T>();
		let partners = Agreements::<T>::get(country(b"KE"), agreement()).expect("listed").partners;
		#[extrinsic_call]
		_(RawOrigin::Signed(ministry), agreement(), partners);
		assert!(Agreements::<T>::contains_key(country(b"KE"), agreement()));
	}

	#[benchmark]
	fn remove_agreement() {
		let ministry = member::<T>(SIGNER, Role::TRADE_MINISTRY, b"KE");
		list_agreement::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(ministry), agreement());
		assert!(!Agreements::<T>::contains_key(country(b"KE"), agreement()));
	}

	#[benchmark]
	fn force_set_agreement() -> Result<(), BenchmarkError> {
		list_agreement::<T>();
		let partners = Agreements::<T>::get(country(b"KE"), agreement()).expect("listed").partners;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, country(b"KE"), agreement(), partners);
		assert!(Agreements::<T>::contains_key(country(b"KE"), agreement()));
		Ok(())
	}

	#[benchmark]
	fn force_remove_agreement() -> Result<(), BenchmarkError> {
		list_agreement::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, country(b"KE"), agreement());
		assert!(!Agreements::<T>::contains_key(country(b"KE"), agreement()));
		Ok(())
	}

	#[benchmark]
	fn apply() {
		let exporter = member::<T>(SIGNER, Role::ECONOMIC_OPERATOR, b"KE");
		let details = full_details::<T>(exporter.clone());
		#[extrinsic_call]
		_(RawOrigin::Signed(exporter), details);
		assert!(Applications::<T>::contains_key(0));
	}

	#[benchmark]
	fn withdraw_application() {
		let (exporter, id) = applied::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(exporter), id);
		assert!(!Applications::<T>::contains_key(id));
	}

	#[benchmark]
	fn approve_application() {
		let (_, id) = applied::<T>();
		let issuer = member::<T>(SIGNER, Role::ORIGIN_ISSUER, b"KE");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, hash(1));
		assert!(Certificates::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn reject_application() {
		let (_, id) = applied::<T>();
		let issuer = member::<T>(SIGNER, Role::ORIGIN_ISSUER, b"KE");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, longest_text::<T>());
		assert!(!Applications::<T>::contains_key(id));
	}

	#[benchmark]
	fn issue() {
		let issuer = member::<T>(SIGNER, Role::ORIGIN_ISSUER, b"KE");
		let exporter = member::<T>("exporter", Role::ECONOMIC_OPERATOR, b"KE");
		let details = full_details::<T>(exporter);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), hash(1), details);
		assert!(Certificates::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn replace() {
		let issuer = issued::<T>();
		let details = Certificates::<T>::get(hash(0)).expect("issued").details;
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), hash(0), hash(1), details);
		assert_eq!(Certificates::<T>::get(hash(1)).expect("issued").replaces, Some(hash(0)));
	}

	#[benchmark]
	fn revoke() {
		let issuer = issued::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), hash(0), longest_text::<T>());
		assert!(matches!(
			Certificates::<T>::get(hash(0)).expect("issued").state,
			CertificateState::Revoked { .. }
		));
	}

	#[benchmark]
	fn accept() {
		issued::<T>();
		let customs = member::<T>(SIGNER, Role::CUSTOMS, b"DE");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), hash(0));
		assert!(matches!(
			Certificates::<T>::get(hash(0)).expect("issued").state,
			CertificateState::Used { .. }
		));
	}

	#[benchmark]
	fn reject() {
		issued::<T>();
		let customs = member::<T>(SIGNER, Role::CUSTOMS, b"DE");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), hash(0), longest_text::<T>());
		assert!(matches!(
			Certificates::<T>::get(hash(0)).expect("issued").state,
			CertificateState::Rejected { .. }
		));
	}

	#[benchmark]
	fn anchor_batch() {
		let issuer = member::<T>(SIGNER, Role::ORIGIN_ISSUER, b"KE");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), hash(1), u32::MAX, NOW + T::MaxValidity::get());
		assert!(Batches::<T>::contains_key(hash(1)));
	}

	#[benchmark]
	fn revoke_batch_certificate() {
		let issuer = member::<T>(SIGNER, Role::ORIGIN_ISSUER, b"KE");
		let leaf = hash(7);
		let (root, proof) = deepest_proof(&leaf);
		Pallet::<T>::anchor_batch(
			RawOrigin::Signed(issuer.clone()).into(),
			root,
			u32::MAX,
			NOW + DAY,
		)
		.expect("anchors");
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), root, leaf, proof, longest_text::<T>());
		assert!(RevokedLeaves::<T>::contains_key(root, leaf));
	}

	#[benchmark]
	fn purge() {
		issued::<T>();
		let anyone = member::<T>(SIGNER, Role::BANK, b"DE");
		T::BenchmarkHelper::set_time(NOW + T::MaxValidity::get() + T::RetentionPeriod::get() + 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), hash(0));
		assert!(!Certificates::<T>::contains_key(hash(0)));
	}

	#[benchmark]
	fn purge_batch(r: Linear<0, { T::MaxRevokedPerBatch::get() }>) {
		let issuer = member::<T>("issuer", Role::ORIGIN_ISSUER, b"KE");
		let root = hash(1);
		Pallet::<T>::anchor_batch(RawOrigin::Signed(issuer).into(), root, u32::MAX, NOW + DAY)
			.expect("anchors");
		for i in 0..r {
			RevokedLeaves::<T>::insert(
				root,
				hash(100 + i),
				RevokedLeaf { reason: longest_text::<T>(), at: NOW },
			);
		}
		Batches::<T>::mutate(root, |b| {
			if let Some(b) = b {
				b.revoked = r
			}
		});
		T::BenchmarkHelper::set_time(NOW + DAY + T::RetentionPeriod::get() + 1);
		let anyone = member::<T>(SIGNER, Role::BANK, b"DE");
		T::BenchmarkHelper::set_time(NOW + DAY + T::RetentionPeriod::get() + 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), root, r);
		assert!(!Batches::<T>::contains_key(root));
		assert_eq!(RevokedLeaves::<T>::iter_prefix(root).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
