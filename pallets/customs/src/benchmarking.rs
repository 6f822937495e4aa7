//! Benchmarks of the customs pallet (frame-benchmarking v2). `lodge` and `amend` are measured over
//! the number of lines and of risk rules, at their worst: every rule evaluated against every line,
//! a preferential certificate used, a mirror check against an export declaration, a broker, the
//! random draw queued, every line's tariff listing the most preferential rates.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tradechain_primitives::BenchmarkTime as _;
use tradechain_primitives::{
	document_hash, AeoKind, AeoStatusProvider, AgreementCode, CertificateProvider, CountryCode,
	DeclarationId, Role, RoleProvider,
};

fn country(code: &[u8]) -> CountryCode {
	CountryCode::parse(code).expect("assigned")
}

fn member<T: Config>(name: &'static str, role: Role, of: &[u8]) -> T::AccountId
where
	T::Currency: Mutate<T::AccountId>,
{
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let who: T::AccountId = account(name, 0, 0);
	// Small enough that many members do not overflow the issuance of a 64-bit test balance.
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	T::Roles::grant_for_benchmarks(&who, role, country(of));
	who
}

fn agreement(i: u32) -> AgreementCode {
	AgreementCode::parse(alloc::format!("BENCH-{i:04}").as_bytes()).expect("valid")
}

/// `r` rules: commodity profiles that all fire, then the other kinds.
fn rules<T: Config>(r: u32) -> RuleSetOf<T> {
	let mut rules: Vec<RiskRule> = alloc::vec![
		RiskRule::Aeo { kind: AeoKind::Security, points: -40 },
		RiskRule::UnknownDeclarant { points: 30 },
		RiskRule::PreferentialCertificate { points: -10 },
		RiskRule::MirrorMismatch { points: 80 },
		RiskRule::ValueAbove { value: 0, points: 1 },
	];
	rules.truncate(r as usize);
	while (rules.len() as u32) < r {
		// Scans every line; the origin never matches, so the scan is complete.
		rules.push(RiskRule::Commodity {
			scope: HsScope::Chapter(9),
			origin: Some(country(b"AQ")),
			points: 1,
		});
	}
	RuleSet {
		rules: rules.try_into().expect("r ≤ MaxRules"),
		yellow_from: 1_000,
		red_from: 2_000,
		random_per_mille: 10,
		deferred_payment_for: Some(AeoKind::Full),
		mirror_tolerance_bp: 0,
	}
}

fn line<T: Config>(i: u32) -> DeclarationLine<BalanceOf<T>> {
	DeclarationLine {
		hs_code: HsCode::parse(alloc::format!("{:04}11", 901 + i).as_bytes()).expect("valid"),
		origin: country(b"KE"),
		value: 1_000_000u32.into(),
		quantity: 1_000,
		unit: "KGM".parse().expect("valid"),
	}
}

use tradechain_primitives::HsCode;

/// Tariff lines for the headings of `l` lines, each listing the most preferential rates with the
/// certificate's agreement last.
fn tariffs<T: Config>(l: u32) {
	let max = T::MaxPreferences::get();
	for i in 0..l {
		let prefs: Vec<_> =
			(1..max).map(|j| (agreement(j), 100)).chain([(agreement(0), 50)]).collect();
		Tariffs::<T>::insert(
			country(b"DE"),
			(901 + i) as u16,
			TariffLine {
				mfn_bp: 750,
				per_unit: 1u32.into(),
				preferential: prefs.try_into().expect("bound"),
			},
		);
	}
}

fn details<T: Config>(procedure: Procedure, office: &str, partner: &[u8], l: u32) -> DetailsOf<T> {
	DeclarationDetails {
		procedure,
		office: office.parse().expect("valid"),
		partner: country(partner),
		lines: (0..l).map(line::<T>).collect::<Vec<_>>().try_into().expect("l ≤ MaxLines"),
		invoice_currency: "EUR".parse().expect("valid"),
		certificate: None,
		consignment: Some(document_hash(b"consignment")),
		export_declaration: None,
		documents: (0..T::MaxDocuments::get())
			.map(|i| document_hash(&i.to_le_bytes()))
			.collect::<Vec<_>>()
			.try_into()
			.expect("bound"),
	}
}

/// The worst-case setting of an import of `l` lines under `r` rules: returns the broker, the
/// declarant and the details (certificate and export declaration linked).
fn worst_import<T: Config>(
	l: u32,
	r: u32,
	certificate: bool,
	mirror: bool,
) -> (T::AccountId, T::AccountId, DetailsOf<T>)
where
	T::Currency: Mutate<T::AccountId>,
{
	let customs = member::<T>("customs", Role::CUSTOMS, b"DE");
	Pallet::<T>::set_rules(RawOrigin::Signed(customs).into(), rules::<T>(r)).expect("sets");
	tariffs::<T>(l);
	let exporter = member::<T>("exporter", Role::ECONOMIC_OPERATOR, b"KE");
	let export = Pallet::<T>::next_declaration_id();
	Pallet::<T>::do_lodge(
		exporter.clone(),
		exporter,
		details::<T>(Procedure::Export, "KEMBA", b"DE", l),
	)
	.expect("lodges the export");
	let declarant = member::<T>("declarant", Role::ECONOMIC_OPERATOR, b"DE");
	// The signer: its account is touched by the fee anyway (whitelisted, as in every call).
	let broker: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&broker, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	T::Roles::grant_for_benchmarks(&broker, Role::ECONOMIC_OPERATOR, country(b"DE"));
	Brokers::<T>::insert(&declarant, &broker, ());
	T::Aeo::certify_for_benchmarks(&declarant, country(b"DE"), AeoKind::Full);
	let hash = document_hash(b"certificate");
	T::Certificates::make_usable_for_benchmarks(
		&hash,
		&declarant,
		country(b"DE"),
		Some(agreement(0)),
	);
	let mut d = details::<T>(Procedure::Import, "DEHAM", b"KE", l);
	d.certificate = certificate.then_some(hash);
	d.export_declaration = mirror.then_some(export);
	(broker, declarant, d)
}

/// A lodged import of the most lines; returns customs, the declarant and the id.
fn lodged<T: Config>() -> (T::AccountId, T::AccountId, DeclarationId)
where
	T::Currency: Mutate<T::AccountId>,
{
	let (broker, declarant, d) =
		worst_import::<T>(T::MaxLines::get(), T::MaxRules::get(), true, true);
	let id = Pallet::<T>::next_declaration_id();
	Pallet::<T>::do_lodge(broker, declarant.clone(), d).expect("lodges");
	// The draw is made.
	Declarations::<T>::mutate(id, |d| {
		if let Some(d) = d {
			d.assessment.selection = Selection::NotSelected
		}
	});
	let customs = member::<T>("customs", Role::CUSTOMS, b"DE");
	(customs, declarant, id)
}

fn reason<T: Config>() -> ReasonOf<T> {
	alloc::vec![b'R'; T::MaxReasonLength::get() as usize].try_into().expect("bound")
}

#[benchmarks(where T::Currency: Mutate<T::AccountId>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_rules(r: Linear<0, { T::MaxRules::get() }>) {
		let customs = member::<T>("customs", Role::CUSTOMS, b"DE");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), rules::<T>(r));
		assert!(RuleSets::<T>::contains_key(country(b"DE")));
	}

	#[benchmark]
	fn set_tariff() {
		let customs = member::<T>("customs", Role::CUSTOMS, b"DE");
		tariffs::<T>(1);
		let line = Tariffs::<T>::get(country(b"DE"), 901);
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), 901, line);
		assert!(Tariffs::<T>::contains_key(country(b"DE"), 901));
	}

	#[benchmark]
	fn authorize_broker() {
		let declarant = member::<T>("declarant", Role::ECONOMIC_OPERATOR, b"DE");
		// The signer: its account is touched by the fee anyway (whitelisted, as in every call).
		let broker: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&broker, BalanceOf::<T>::max_value() / 1_000_000u32.into());
		T::Roles::grant_for_benchmarks(&broker, Role::ECONOMIC_OPERATOR, country(b"DE"));
		#[extrinsic_call]
		_(RawOrigin::Signed(declarant.clone()), broker.clone(), true);
		assert!(Brokers::<T>::contains_key(&declarant, &broker));
	}

	#[benchmark]
	fn lodge(
		l: Linear<1, { T::MaxLines::get() }>,
		r: Linear<0, { T::MaxRules::get() }>,
		c: Linear<0, 1>,
		m: Linear<0, 1>,
	) {
		let (broker, declarant, d) = worst_import::<T>(l, r, c == 1, m == 1);
		let id = Pallet::<T>::next_declaration_id();
		#[extrinsic_call]
		_(RawOrigin::Signed(broker), Some(declarant), d);
		assert!(Declarations::<T>::contains_key(id));
	}

	#[benchmark]
	fn amend(l: Linear<1, { T::MaxLines::get() }>, r: Linear<0, { T::MaxRules::get() }>) {
		let (broker, declarant, d) = worst_import::<T>(l, r, true, true);
		let id = Pallet::<T>::next_declaration_id();
		Pallet::<T>::do_lodge(broker, declarant.clone(), d.clone()).expect("lodges");
		#[extrinsic_call]
		_(RawOrigin::Signed(declarant), id, d);
		assert!(Declarations::<T>::contains_key(id));
	}

	#[benchmark]
	fn withdraw() {
		let (_, declarant, id) = lodged::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(declarant), id);
		assert_eq!(Declarations::<T>::get(id).expect("kept").stage, Stage::Withdrawn);
	}

	#[benchmark]
	fn record_control() {
		let (customs, _, id) = lodged::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id, ControlKind::Physical, document_hash(b"report"), true);
		assert!(Declarations::<T>::get(id).expect("kept").inspection.is_some());
	}

	#[benchmark]
	fn hold() {
		let (customs, _, id) = lodged::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id, reason::<T>());
		assert!(matches!(Declarations::<T>::get(id).expect("kept").stage, Stage::Held { .. }));
	}

	#[benchmark]
	fn release() {
		// Deferred payment: the AEO check and the deferral are the costliest path.
		let (customs, _, id) = lodged::<T>();
		Pallet::<T>::record_control(
			RawOrigin::Signed(customs.clone()).into(),
			id,
			ControlKind::Physical,
			document_hash(b"report"),
			true,
		)
		.expect("controls");
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id);
		assert!(matches!(Declarations::<T>::get(id).expect("kept").stage, Stage::Released { .. }));
	}

	#[benchmark]
	fn reject() {
		let (customs, _, id) = lodged::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(customs), id, reason::<T>());
		assert!(matches!(Declarations::<T>::get(id).expect("kept").stage, Stage::Rejected { .. }));
	}

	#[benchmark]
	fn pay_duty() {
		let (_, declarant, id) = lodged::<T>();
		assert_eq!(Declarations::<T>::get(id).expect("kept").payment, Payment::Due);
		#[extrinsic_call]
		_(RawOrigin::Signed(declarant), id);
		assert!(matches!(Declarations::<T>::get(id).expect("kept").payment, Payment::Paid { .. }));
	}

	#[benchmark]
	fn purge() {
		let (customs, declarant, id) = lodged::<T>();
		Pallet::<T>::reject(RawOrigin::Signed(customs).into(), id, reason::<T>()).expect("rejects");
		let lodged_at = Declarations::<T>::get(id).expect("kept").lodged_at;
		T::BenchmarkHelper::set_time(lodged_at + T::RetentionPeriod::get() + 1);
		let _ = declarant;
		let anyone = member::<T>("anyone", Role::BANK, b"DE");
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), id);
		assert!(!Declarations::<T>::contains_key(id));
	}

	#[benchmark]
	fn on_initialize_draws(n: Linear<1, { T::MaxLodgingsPerBlock::get() }>) {
		let (_, declarant, id) = lodged::<T>();
		let decl = Declarations::<T>::get(id).expect("kept");
		let mut pending = Vec::new();
		for i in 0..n {
			let mut d = decl.clone();
			d.assessment.selection = Selection::Pending;
			d.assessment.channel = Channel::Green;
			Declarations::<T>::insert(id + 1 + i as u64, d);
			pending.push(id + 1 + i as u64);
		}
		PendingDraws::<T>::put(BoundedVec::truncate_from(pending));
		let _ = declarant;
		#[block]
		{
			Pallet::<T>::on_initialize(2u32.into());
		}
		assert!(PendingDraws::<T>::get().is_empty());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
