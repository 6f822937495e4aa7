//! # Customs Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! A declaration lodged once, risk-assessed deterministically and explainably, channelled,
//! controlled where needed, taxed correctly and released, with every step an event.
//!
//! - **Declarations**: import, export or transit, lodged by an economic operator or a broker it
//!   authorised: customs office (UN/LOCODE; its country decides), goods lines (HS code, origin,
//!   customs value, quantity, unit), a linked certificate of origin, a linked consignment, the
//!   exporting country's export declaration (for imports), supporting document hashes. Amended
//!   before any control, withdrawn before payment and decision.
//! - **Risk engine**, run at lodging from the rules the country's customs set ([`RuleSet`]): risk
//!   profiles per HS chapter or heading and origin, value thresholds, the declarant's AEO status as
//!   this country recognises it ([`tradechain_primitives::AeoStatusProvider`]), unknown
//!   declarants, a valid preferential certificate ([`tradechain_primitives::CertificateProvider`])
//!   and the mirror check. The score, the channel (green, yellow, red) and **the rules that fired**
//!   are stored with the declaration and emitted in [`Event::Lodged`].
//! - **Random selection** sends a share of the declarations that are not already red to red. The
//!   draw for a declaration lodged in block `n` is made at the start of block `n + 1` from the hash
//!   of block `n` (`blake2_256(hash ‖ id)`, first two bytes modulo 1000, against the rate): the
//!   declarant cannot know it when submitting, so choosing when to submit does not steer it. Its
//!   limit: the author of block `n` (a validating agency) could try alternative blocks to steer a
//!   draw; this network's validators are the agencies themselves, so this is the accepted trust
//!   assumption. Release waits until the draw is made.
//! - **Mirror check**: an import naming the exporting country's export declaration compares total
//!   value and quantity; a difference beyond the importing authority's tolerance fires the mirror
//!   rule (undervaluation). Both declarations show the link.
//! - **Controls and decisions**: officers (customs of the declaration's country) record documentary
//!   checks and physical inspections with report hashes, and hold, release or reject. A yellow
//!   declaration needs a satisfactory check, a red one a satisfactory inspection.
//! - **Tariffs and duties**: per authority, a most-favoured-nation rate per HS heading (ad valorem
//!   in basis points, plus an optional amount per unit) and preferential rates per trade agreement,
//!   applied to lines originating where the linked certificate says when that certificate is valid
//!   and preferential; the certificate is then marked used, so a second declaration does not get
//!   the preferential rate. A heading without a tariff line is duty-free, and so are exports and
//!   transit. Duties are computed with
//!   checked arithmetic, per line. Release waits for payment
//!   ([`tradechain_primitives::DutyPayment`], the payments pallet) unless the declarant holds the
//!   AEO status for which this authority defers payment.
//! - **Statistics** per office: lodged, channel counts, released, rejected, time to release (sum
//!   and buckets, hence mean, p50 and p90), duty collected.
//!
//! Customs values are in the network's settlement unit; the invoice currency is recorded.
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! #### For customs authorities
//! * `set_rules` - Set the risk engine and payment settings of the caller's country.
//! * `set_tariff` - Set (or remove) the tariff line of an HS heading.
//! * `record_control` - Record a documentary check or an inspection.
//! * `hold` / `release` / `reject` - Decide.
//!
//! #### For declarants and brokers
//! * `authorize_broker` - Let a broker lodge on one's behalf (or stop it).
//! * `lodge` - Lodge a declaration.
//! * `amend` - Change lines or documents before any control.
//! * `withdraw` - Withdraw before payment and decision.
//! * `pay_duty` - Pay the duty into the country's treasury.
//!
//! #### For anyone
//! * `purge` - Remove a decided declaration after the retention period.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible::Inspect, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{CheckedAdd, CheckedMul, Saturating, UniqueSaturatedInto, Zero},
		ArithmeticError,
	};
	use tradechain_primitives::{
		AeoStatusProvider, AgreementCode, CertificateProvider, CountryCode, DeclarationId,
		DeclarationStatus, DocumentHash, DutyPayment, Role, RoleProvider, UnLocode,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A reason text.
	pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLength>;
	/// The goods lines of a declaration.
	pub type LinesOf<T> = BoundedVec<DeclarationLine<BalanceOf<T>>, <T as Config>::MaxLines>;
	/// The supporting documents of a declaration.
	pub type DocumentsOf<T> = BoundedVec<DocumentHash, <T as Config>::MaxDocuments>;
	/// What a declarant declares.
	pub type DetailsOf<T> = DeclarationDetails<LinesOf<T>, DocumentsOf<T>>;
	/// A list of risk rules.
	pub type RulesOf<T> = BoundedVec<RiskRule, <T as Config>::MaxRules>;
	/// A rule set of this pallet.
	pub type RuleSetOf<T> = RuleSet<RulesOf<T>>;
	/// The duties per line.
	pub type DutiesOf<T> = BoundedVec<LineDuty<BalanceOf<T>>, <T as Config>::MaxLines>;
	/// The preferential rates of a tariff line.
	pub type PreferencesOf<T> = BoundedVec<(AgreementCode, u32), <T as Config>::MaxPreferences>;
	/// A tariff line of this pallet.
	pub type TariffLineOf<T> = TariffLine<BalanceOf<T>, PreferencesOf<T>>;
	/// A declaration of this pallet.
	pub type DeclarationOf<T> = Declaration<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		DetailsOf<T>,
		RulesOf<T>,
		DutiesOf<T>,
		ReasonOf<T>,
	>;

	/// Version 1: the next declaration id and the draw list are two items
	/// ([`crate::migrations::MigrateToV1`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency duties are paid in.
		type Currency: Inspect<Self::AccountId>;

		/// Who holds which role (the roles pallet): customs officers and declarants.
		type Roles: RoleProvider<Self::AccountId>;

		/// The time (pallet-timestamp).
		type Time: UnixTime;

		/// AEO status as each country recognises it (the AEO pallet).
		type Aeo: AeoStatusProvider<Self::AccountId>;

		/// Certificates of origin (the certificates-of-origin pallet).
		type Certificates: CertificateProvider<Self::AccountId>;

		/// Duty payment and deferral (the payments pallet).
		type Duties: DutyPayment<Self::AccountId, BalanceOf<Self>>;

		/// The most goods lines on a declaration.
		#[pallet::constant]
		type MaxLines: Get<u32>;

		/// The most supporting documents of a declaration.
		#[pallet::constant]
		type MaxDocuments: Get<u32>;

		/// The most risk rules of an authority: the engine's cost is bounded by it.
		#[pallet::constant]
		type MaxRules: Get<u32>;

		/// The most preferential rates of one tariff line.
		#[pallet::constant]
		type MaxPreferences: Get<u32>;

		/// The most declarations one block may lodge for a random draw, which the next block's
		/// `on_initialize` makes (`on_initialize_draws`). Size it so that the draws of a full
		/// list fit the part of a block that normal transactions cannot use, and so that it holds
		/// more lodgings than a block's normal share: then the only limit on lodging is the
		/// block's weight (the runtimes derive it from their weights and block limits).
		#[pallet::constant]
		type MaxLodgingsPerBlock: Get<u32>;

		/// The longest reason, in bytes.
		#[pallet::constant]
		type MaxReasonLength: Get<u32>;

		/// How long a decided declaration stays before anyone may purge it, in milliseconds.
		#[pallet::constant]
		type RetentionPeriod: Get<u64>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets the time for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: tradechain_primitives::BenchmarkTime;
	}

	/// Each authority's risk engine and payment settings. Twox: only customs write these keys.
	#[pallet::storage]
	pub type RuleSets<T: Config> = StorageMap<_, Twox64Concat, CountryCode, RuleSetOf<T>>;

	/// Tariff lines by country and HS heading. Twox: only customs write these keys.
	#[pallet::storage]
	pub type Tariffs<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CountryCode, Twox64Concat, u16, TariffLineOf<T>>;

	/// Declarations by id. Twox: ids are sequential.
	#[pallet::storage]
	pub type Declarations<T: Config> = StorageMap<_, Twox64Concat, DeclarationId, DeclarationOf<T>>;

	/// The id the next declaration gets.
	///
	/// Whitelisted for benchmarks: the database sees one read and one write of it per block
	/// however many declarations the block lodges (each `lodge` finds it in the block's
	/// overlay), and `on_initialize` charges that read and write in every block.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type NextDeclarationId<T: Config> = StorageValue<_, DeclarationId, ValueQuery>;

	/// The declarations lodged in this block that await their random draw at the start of the
	/// next, in lodging order. A lodging appends its id (`try_append`: the list is neither
	/// decoded nor re-encoded), `on_initialize` takes the whole list.
	///
	/// Whitelisted for benchmarks, as frame-system's `Events` is: `on_initialize` reads it in
	/// every block and charges one read and one write of it per block (its removal, or the
	/// block's appends reaching the database as one write).
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type PendingDraws<T: Config> =
		StorageValue<_, BoundedVec<DeclarationId, T::MaxLodgingsPerBlock>, ValueQuery>;

	/// Brokers authorised by declarants. TWOX-NOTE: OK ― `AccountId` is a secure hash.
	#[pallet::storage]
	pub type Brokers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, T::AccountId, Twox64Concat, T::AccountId, ()>;

	/// How many declarations of each declarant each country released.
	#[pallet::storage]
	pub type KnownDeclarants<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CountryCode, Twox64Concat, T::AccountId, u32, ValueQuery>;

	/// The import that names each export declaration (the mirror link, seen from the export).
	#[pallet::storage]
	pub type MirrorOf<T: Config> = StorageMap<_, Twox64Concat, DeclarationId, DeclarationId>;

	/// Statistics per country and office.
	#[pallet::storage]
	pub type Stats<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CountryCode,
		Twox64Concat,
		UnLocode,
		OfficeStats<BalanceOf<T>>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Rule sets by country.
		pub rule_sets: Vec<(CountryCode, RuleSet<Vec<RiskRule>>)>,
		/// Tariff lines: country, HS heading, MFN basis points, per-unit duty, preferential rates.
		pub tariffs: Vec<(CountryCode, u16, u32, BalanceOf<T>, Vec<(AgreementCode, u32)>)>,
		/// Declarations: lodger (also the declarant), details, outcome. Lodged after the rules
		/// and tariffs, in order (ids from 0); they are not drawn for random selection.
		pub declarations: Vec<(T::AccountId, DetailsOf<T>, GenesisOutcome<T::AccountId>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (country, set) in &self.rule_sets {
				let rules: RulesOf<T> =
					set.rules.clone().try_into().expect("genesis: too many rules");
				let set = RuleSet {
					rules,
					yellow_from: set.yellow_from,
					red_from: set.red_from,
					random_per_mille: set.random_per_mille,
					deferred_payment_for: set.deferred_payment_for,
					mirror_tolerance_bp: set.mirror_tolerance_bp,
				};
				assert!(set.yellow_from <= set.red_from, "genesis: yellow above red");
				RuleSets::<T>::insert(country, set);
			}
			for (country, heading, mfn_bp, per_unit, preferential) in &self.tariffs {
				let preferential =
					preferential.clone().try_into().expect("genesis: too many preferences");
				Tariffs::<T>::insert(
					country,
					heading,
					TariffLine { mfn_bp: *mfn_bp, per_unit: *per_unit, preferential },
				);
			}
			for (lodger, details, outcome) in &self.declarations {
				Pallet::<T>::genesis_declaration(lodger, details, outcome)
					.expect("genesis: invalid declaration");
			}
			PendingDraws::<T>::kill();
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An authority set its risk engine.
		RulesSet {
			/// The country.
			country: CountryCode,
			/// How many rules.
			rules: u32,
		},
		/// An authority set or removed the tariff line of an HS heading.
		TariffSet {
			/// The country.
			country: CountryCode,
			/// The HS heading.
			heading: u16,
			/// Whether a line is now set.
			set: bool,
		},
		/// A declarant authorised a broker, or withdrew the authorisation.
		BrokerAuthorized {
			/// The declarant.
			declarant: T::AccountId,
			/// The broker.
			broker: T::AccountId,
			/// Whether it may now lodge for the declarant.
			authorized: bool,
		},
		/// A declaration was lodged and assessed.
		Lodged {
			/// The declaration.
			id: DeclarationId,
			/// The declarant.
			declarant: T::AccountId,
			/// The deciding country.
			country: CountryCode,
			/// The office.
			office: UnLocode,
			/// The risk score.
			score: i32,
			/// The channel.
			channel: Channel,
			/// The rules that fired.
			fired: RulesOf<T>,
			/// The duty.
			duty: BalanceOf<T>,
			/// The agreement whose preferential rates applied.
			agreement: Option<AgreementCode>,
		},
		/// The random draw for a declaration was made.
		RandomlyDrawn {
			/// The declaration.
			id: DeclarationId,
			/// Whether it was selected (sent to red).
			selected: bool,
		},
		/// An import was compared with the export declaration it names.
		MirrorChecked {
			/// The import.
			import: DeclarationId,
			/// The export.
			export: DeclarationId,
			/// The outcome.
			check: MirrorCheck,
		},
		/// A declaration was amended and assessed again.
		Amended {
			/// The declaration.
			id: DeclarationId,
			/// The new score.
			score: i32,
			/// The new channel.
			channel: Channel,
			/// The rules that fired.
			fired: RulesOf<T>,
			/// The new duty.
			duty: BalanceOf<T>,
		},
		/// A declaration was withdrawn.
		Withdrawn {
			/// The declaration.
			id: DeclarationId,
		},
		/// An officer recorded a control.
		Controlled {
			/// The declaration.
			id: DeclarationId,
			/// The officer.
			officer: T::AccountId,
			/// Documentary or physical.
			kind: ControlKind,
			/// The report's hash.
			report: DocumentHash,
			/// Whether found in order.
			satisfactory: bool,
		},
		/// The duty was paid into the country's treasury.
		DutyPaid {
			/// The declaration.
			id: DeclarationId,
			/// The payer.
			payer: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// Customs held a declaration.
		Held {
			/// The declaration.
			id: DeclarationId,
			/// The officer.
			officer: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// Customs released the goods.
		Released {
			/// The declaration.
			id: DeclarationId,
			/// The officer.
			officer: T::AccountId,
			/// Whether the duty was deferred.
			deferred: bool,
			/// Milliseconds from lodging to release.
			after_ms: u64,
		},
		/// Customs rejected a declaration.
		Rejected {
			/// The declaration.
			id: DeclarationId,
			/// The officer.
			officer: T::AccountId,
			/// Why.
			reason: ReasonOf<T>,
		},
		/// A decided declaration was removed after its retention period.
		Purged {
			/// The declaration.
			id: DeclarationId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an active customs authority may do this.
		NotCustoms,
		/// Only an active economic operator may declare or act as broker.
		NotOperator,
		/// The broker is not authorised by the declarant.
		NotAuthorizedBroker,
		/// The declaration belongs to another country's customs.
		OtherCountry,
		/// The yellow threshold is above the red one, or the random rate above 1000.
		InvalidRules,
		/// A declaration needs at least one goods line.
		NoLines,
		/// A line has a zero quantity.
		ZeroQuantity,
		/// The partner country is the office's country.
		SameCountry,
		/// Only imports name an export declaration.
		NotImport,
		/// The named export declaration does not exist, is not an export, or does not match the
		/// route (its country is the import's partner and its partner the import's country).
		InvalidExportDeclaration,
		/// The export declaration is already named by another import.
		ExportAlreadyLinked,
		/// This block's list of declarations awaiting a random draw is full
		/// (`MaxLodgingsPerBlock`); lodge in the next block.
		TooManyLodgings,
		/// No declaration has this id.
		DeclarationNotFound,
		/// Only the declarant or its lodger may do this.
		NotDeclarant,
		/// The declaration is released, rejected or withdrawn.
		AlreadyDecided,
		/// A control was recorded: the declaration can no longer be amended.
		AlreadyControlled,
		/// An amendment cannot change the procedure, office, partner, certificate or export link.
		CannotChange,
		/// The duty was paid: the declaration can no longer be withdrawn or amended.
		AlreadyPaid,
		/// No duty is due.
		NothingDue,
		/// The random draw is made at the start of the next block.
		SelectionPending,
		/// The channel requires a satisfactory control first.
		ControlRequired,
		/// The duty must be paid first.
		PaymentDue,
		/// The declaration is not decided, or its retention period has not ended.
		RetentionNotOver,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Draws the declarations lodged in the previous block (see the pallet docs).
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let pending = Self::pending_draws();
			if pending.is_empty() {
				return Self::draws_weight(0);
			}
			PendingDraws::<T>::kill();
			let seed = frame_system::Pallet::<T>::parent_hash();
			for id in pending.iter() {
				Self::draw(*id, seed.as_ref());
			}
			Self::draws_weight(pending.len().try_into().unwrap_or(u32::MAX))
		}

		fn integrity_test() {
			assert!(T::MaxLines::get() > 0, "MaxLines must be positive");
			assert!(T::MaxLodgingsPerBlock::get() > 0, "MaxLodgingsPerBlock must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Set the risk engine and payment settings of the caller's country. Origin: an active
		/// customs authority.
		///
		/// Applies to declarations lodged or amended from now on. Emits [`Event::RulesSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_rules(rules.rules.len() as u32))]
		pub fn set_rules(origin: OriginFor<T>, rules: RuleSetOf<T>) -> DispatchResult {
			let (_, country) = Self::customs(origin)?;
			ensure!(
				rules.yellow_from <= rules.red_from && rules.random_per_mille <= 1000,
				Error::<T>::InvalidRules
			);
			let count = rules.rules.len() as u32;
			RuleSets::<T>::insert(country, rules);
			Self::deposit_event(Event::RulesSet { country, rules: count });
			Ok(())
		}

		/// Set the tariff line of HS `heading` for the caller's country, or remove it (`None`:
		/// the heading becomes duty-free). Origin: an active customs authority.
		///
		/// Emits [`Event::TariffSet`].
		#[pallet::call_index(1)]
		pub fn set_tariff(
			origin: OriginFor<T>,
			heading: u16,
			line: Option<TariffLineOf<T>>,
		) -> DispatchResult {
			let (_, country) = Self::customs(origin)?;
			let set = line.is_some();
			Tariffs::<T>::set(country, heading, line);
			Self::deposit_event(Event::TariffSet { country, heading, set });
			Ok(())
		}

		/// Authorise `broker` to lodge declarations on the caller's behalf, or withdraw the
		/// authorisation. Origin: an active economic operator.
		///
		/// Emits [`Event::BrokerAuthorized`].
		#[pallet::call_index(2)]
		pub fn authorize_broker(
			origin: OriginFor<T>,
			broker: T::AccountId,
			authorized: bool,
		) -> DispatchResult {
			let declarant = Self::operator(origin)?.0;
			if authorized {
				Brokers::<T>::insert(&declarant, &broker, ());
			} else {
				Brokers::<T>::remove(&declarant, &broker);
			}
			Self::deposit_event(Event::BrokerAuthorized { declarant, broker, authorized });
			Ok(())
		}

		/// Lodge a declaration. Origin: an active economic operator: the declarant itself, or a
		/// broker it authorised when `on_behalf_of` names it.
		///
		/// Runs the risk engine and computes the duty; a valid preferential certificate is marked
		/// used. No deposit is held: the weight-based transaction fee pays for the record, which
		/// anyone may purge after the retention period. Emits [`Event::Lodged`] (and
		/// [`Event::MirrorChecked`] for an import naming an export declaration).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::lodge(
			details.lines.len() as u32,
			T::MaxRules::get(),
			details.certificate.is_some() as u32,
			details.export_declaration.is_some() as u32,
		))]
		pub fn lodge(
			origin: OriginFor<T>,
			on_behalf_of: Option<T::AccountId>,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let (lodger, _) = Self::operator(origin)?;
			let declarant = match on_behalf_of {
				Some(declarant) => {
					ensure!(
						Brokers::<T>::contains_key(&declarant, &lodger),
						Error::<T>::NotAuthorizedBroker
					);
					declarant
				}
				None => lodger.clone(),
			};
			Self::do_lodge(lodger, declarant, details).map(|_| ())
		}

		/// Change the lines, consignment or documents of a declaration before any control and
		/// payment; it is assessed again (the random draw stands). Origin: the declarant or its
		/// lodger.
		///
		/// Emits [`Event::Amended`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::amend(details.lines.len() as u32, T::MaxRules::get()))]
		pub fn amend(
			origin: OriginFor<T>,
			id: DeclarationId,
			details: DetailsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut decl = Self::of_declarant(&who, id)?;
			ensure!(decl.stage == Stage::Lodged, Error::<T>::AlreadyDecided);
			ensure!(
				decl.documentary_check.is_none() && decl.inspection.is_none(),
				Error::<T>::AlreadyControlled
			);
			ensure!(!matches!(decl.payment, Payment::Paid { .. }), Error::<T>::AlreadyPaid);
			let old = &decl.details;
			ensure!(
				old.procedure == details.procedure
					&& old.office == details.office
					&& old.partner == details.partner
					&& old.certificate == details.certificate
					&& old.export_declaration == details.export_declaration,
				Error::<T>::CannotChange
			);
			Self::check_lines(&details)?;
			let before = decl.assessment.channel;
			let (mut assessment, _) = Self::assess(
				&decl.declarant,
				decl.country,
				&details,
				decl.agreement.is_some(),
				Some(id),
			)?;
			// The random draw stands.
			assessment.selection = decl.assessment.selection;
			if assessment.selection == Selection::Selected {
				assessment.channel = Channel::Red;
			}
			let (duties, duty) = Self::duties(
				decl.country,
				&details,
				decl.agreement.as_ref(),
				decl.preferential_origin,
			)?;
			Self::move_channel(decl.country, &details.office, before, assessment.channel);
			let event = Event::Amended {
				id,
				score: assessment.score,
				channel: assessment.channel,
				fired: assessment.fired.clone(),
				duty,
			};
			decl.payment = if duty.is_zero() { Payment::NotDue } else { Payment::Due };
			decl.assessment = assessment;
			decl.duties = duties;
			decl.duty = duty;
			decl.details = details;
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(event);
			Ok(())
		}

		/// Withdraw a declaration before payment and decision. Origin: the declarant or its
		/// lodger.
		///
		/// Emits [`Event::Withdrawn`].
		#[pallet::call_index(5)]
		pub fn withdraw(origin: OriginFor<T>, id: DeclarationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut decl = Self::of_declarant(&who, id)?;
			ensure!(!decl.stage.is_final(), Error::<T>::AlreadyDecided);
			ensure!(!matches!(decl.payment, Payment::Paid { .. }), Error::<T>::AlreadyPaid);
			decl.stage = Stage::Withdrawn;
			if let Some(export) = decl.details.export_declaration {
				if MirrorOf::<T>::get(export) == Some(id) {
					MirrorOf::<T>::remove(export);
				}
			}
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::Withdrawn { id });
			Ok(())
		}

		/// Record a documentary check or a physical inspection with its report's hash. Origin:
		/// an active customs authority of the declaration's country.
		///
		/// Emits [`Event::Controlled`].
		#[pallet::call_index(6)]
		pub fn record_control(
			origin: OriginFor<T>,
			id: DeclarationId,
			kind: ControlKind,
			report: DocumentHash,
			satisfactory: bool,
		) -> DispatchResult {
			let (officer, mut decl) = Self::officer_of(origin, id)?;
			let control =
				Control { kind, officer: officer.clone(), report, satisfactory, at: Self::now() };
			match kind {
				ControlKind::Documentary => decl.documentary_check = Some(control),
				ControlKind::Physical => decl.inspection = Some(control),
			}
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::Controlled { id, officer, kind, report, satisfactory });
			Ok(())
		}

		/// Hold a declaration. Origin: an active customs authority of its country.
		///
		/// Emits [`Event::Held`].
		#[pallet::call_index(7)]
		pub fn hold(
			origin: OriginFor<T>,
			id: DeclarationId,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (officer, mut decl) = Self::officer_of(origin, id)?;
			decl.stage = Stage::Held { reason: reason.clone() };
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::Held { id, officer, reason });
			Ok(())
		}

		/// Release the goods. Origin: an active customs authority of the declaration's country.
		///
		/// The random draw must be made; a yellow declaration needs a satisfactory documentary
		/// check or inspection, a red one a satisfactory inspection; the duty must be paid, unless
		/// the declarant holds the AEO status for which this authority defers payment (the duty is
		/// then recorded as owed). Emits [`Event::Released`].
		#[pallet::call_index(8)]
		pub fn release(origin: OriginFor<T>, id: DeclarationId) -> DispatchResult {
			let (officer, mut decl) = Self::officer_of(origin, id)?;
			ensure!(decl.assessment.selection != Selection::Pending, Error::<T>::SelectionPending);
			let ok = |c: &Option<Control<T::AccountId>>| c.as_ref().is_some_and(|c| c.satisfactory);
			let controlled = match decl.assessment.channel {
				Channel::Green => true,
				Channel::Yellow => ok(&decl.documentary_check) || ok(&decl.inspection),
				Channel::Red => ok(&decl.inspection),
			};
			ensure!(controlled, Error::<T>::ControlRequired);
			let deferred = decl.payment == Payment::Due && Self::defers(&decl);
			match decl.payment {
				Payment::Due if deferred => {
					T::Duties::defer(&decl.declarant, decl.country, id, decl.duty)?;
					decl.payment = Payment::Deferred;
				}
				Payment::Due => return Err(Error::<T>::PaymentDue.into()),
				_ => {}
			}
			let now = Self::now();
			let after_ms = now.saturating_sub(decl.lodged_at);
			decl.stage = Stage::Released { at: now };
			KnownDeclarants::<T>::mutate(decl.country, &decl.declarant, |n| {
				*n = n.saturating_add(1)
			});
			let duty = decl.duty;
			Stats::<T>::try_mutate(decl.country, decl.details.office, |s| -> DispatchResult {
				s.released = s.released.saturating_add(1);
				s.release_time_total_ms = s.release_time_total_ms.saturating_add(after_ms);
				let bucket = RELEASE_BUCKETS_MS.iter().position(|b| after_ms <= *b).unwrap_or(11);
				s.release_time_buckets[bucket] = s.release_time_buckets[bucket].saturating_add(1);
				s.duty_collected =
					s.duty_collected.checked_add(&duty).ok_or(ArithmeticError::Overflow)?;
				Ok(())
			})?;
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::Released { id, officer, deferred, after_ms });
			Ok(())
		}

		/// Reject a declaration. Origin: an active customs authority of its country.
		///
		/// Emits [`Event::Rejected`].
		#[pallet::call_index(9)]
		pub fn reject(
			origin: OriginFor<T>,
			id: DeclarationId,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let (officer, mut decl) = Self::officer_of(origin, id)?;
			decl.stage = Stage::Rejected { reason: reason.clone() };
			Stats::<T>::mutate(decl.country, decl.details.office, |s| {
				s.rejected = s.rejected.saturating_add(1)
			});
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::Rejected { id, officer, reason });
			Ok(())
		}

		/// Pay the declaration's duty into its country's treasury. Origin: the declarant or its
		/// lodger (who pays).
		///
		/// Emits [`Event::DutyPaid`].
		#[pallet::call_index(10)]
		pub fn pay_duty(origin: OriginFor<T>, id: DeclarationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut decl = Self::of_declarant(&who, id)?;
			ensure!(!decl.stage.is_final(), Error::<T>::AlreadyDecided);
			ensure!(decl.payment == Payment::Due, Error::<T>::NothingDue);
			T::Duties::pay(&who, decl.country, id, decl.duty)?;
			decl.payment = Payment::Paid { at: Self::now() };
			let amount = decl.duty;
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::DutyPaid { id, payer: who, amount });
			Ok(())
		}

		/// Remove a released, rejected or withdrawn declaration once [`Config::RetentionPeriod`]
		/// has passed since lodging. Origin: anyone signed.
		///
		/// Emits [`Event::Purged`].
		#[pallet::call_index(11)]
		pub fn purge(origin: OriginFor<T>, id: DeclarationId) -> DispatchResult {
			ensure_signed(origin)?;
			let decl = Declarations::<T>::get(id).ok_or(Error::<T>::DeclarationNotFound)?;
			let end = decl.lodged_at.saturating_add(T::RetentionPeriod::get());
			ensure!(decl.stage.is_final() && Self::now() > end, Error::<T>::RetentionNotOver);
			if let Some(export) = decl.details.export_declaration {
				if MirrorOf::<T>::get(export) == Some(id) {
					MirrorOf::<T>::remove(export);
				}
			}
			MirrorOf::<T>::remove(id);
			Declarations::<T>::remove(id);
			Self::deposit_event(Event::Purged { id });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Milliseconds since the Unix epoch; zero at genesis.
		pub(crate) fn now() -> u64 {
			tradechain_primitives::unix_millis::<T, T::Time>()
		}

		fn customs(origin: OriginFor<T>) -> Result<(T::AccountId, CountryCode), DispatchError> {
			let who = ensure_signed(origin)?;
			let country =
				T::Roles::country_of(&who, Role::CUSTOMS).ok_or(Error::<T>::NotCustoms)?;
			Ok((who, country))
		}

		fn operator(origin: OriginFor<T>) -> Result<(T::AccountId, CountryCode), DispatchError> {
			let who = ensure_signed(origin)?;
			let country = T::Roles::country_of(&who, Role::ECONOMIC_OPERATOR)
				.ok_or(Error::<T>::NotOperator)?;
			Ok((who, country))
		}

		/// The declaration, if `who` declared or lodged it.
		fn of_declarant(
			who: &T::AccountId,
			id: DeclarationId,
		) -> Result<DeclarationOf<T>, DispatchError> {
			let decl = Declarations::<T>::get(id).ok_or(Error::<T>::DeclarationNotFound)?;
			ensure!(decl.declarant == *who || decl.lodged_by == *who, Error::<T>::NotDeclarant);
			Ok(decl)
		}

		/// The officer and the undecided declaration, if the officer is customs of its country.
		fn officer_of(
			origin: OriginFor<T>,
			id: DeclarationId,
		) -> Result<(T::AccountId, DeclarationOf<T>), DispatchError> {
			let (officer, country) = Self::customs(origin)?;
			let decl = Declarations::<T>::get(id).ok_or(Error::<T>::DeclarationNotFound)?;
			ensure!(decl.country == country, Error::<T>::OtherCountry);
			ensure!(!decl.stage.is_final(), Error::<T>::AlreadyDecided);
			Ok((officer, decl))
		}

		fn check_lines(details: &DetailsOf<T>) -> DispatchResult {
			ensure!(!details.lines.is_empty(), Error::<T>::NoLines);
			ensure!(details.lines.iter().all(|l| l.quantity > 0), Error::<T>::ZeroQuantity);
			ensure!(details.partner != details.office.country(), Error::<T>::SameCountry);
			Ok(())
		}

		pub(crate) fn do_lodge(
			lodger: T::AccountId,
			declarant: T::AccountId,
			details: DetailsOf<T>,
		) -> Result<DeclarationId, DispatchError> {
			Self::check_lines(&details)?;
			let country = details.office.country();
			let id = NextDeclarationId::<T>::get();
			let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;

			// The certificate of an import is used by this declaration if customs may rely on it;
			// preferential rates apply if it is preferential. (Were lodging to fail later, the
			// call's storage layer undoes the marking.)
			let (agreement, preferential_origin) = match &details.certificate {
				Some(hash) if details.procedure == Procedure::Import => {
					match T::Certificates::mark_used(hash, &declarant, country) {
						Ok(c) if c.agreement.is_some() => (c.agreement, Some(c.origin)),
						_ => (None, None),
					}
				}
				_ => (None, None),
			};
			if details.export_declaration.is_some() {
				ensure!(details.procedure == Procedure::Import, Error::<T>::NotImport);
			}
			let (mut assessment, mirror) =
				Self::assess(&declarant, country, &details, agreement.is_some(), None)?;
			let (duties, duty) =
				Self::duties(country, &details, agreement.as_ref(), preferential_origin)?;
			let random = RuleSets::<T>::get(country).map_or(0, |r| r.random_per_mille);
			if assessment.channel != Channel::Red && random > 0 {
				PendingDraws::<T>::try_append(id).map_err(|_| Error::<T>::TooManyLodgings)?;
				assessment.selection = Selection::Pending;
			}
			if let Some(check) = &mirror {
				ensure!(
					!MirrorOf::<T>::contains_key(check.export),
					Error::<T>::ExportAlreadyLinked
				);
				MirrorOf::<T>::insert(check.export, id);
			}
			Stats::<T>::mutate(country, details.office, |s| {
				s.lodged = s.lodged.saturating_add(1);
				let c = assessment.channel as usize;
				s.channels[c] = s.channels[c].saturating_add(1);
			});
			let event = Event::Lodged {
				id,
				declarant: declarant.clone(),
				country,
				office: details.office,
				score: assessment.score,
				channel: assessment.channel,
				fired: assessment.fired.clone(),
				duty,
				agreement: agreement.clone(),
			};
			Declarations::<T>::insert(
				id,
				Declaration {
					declarant,
					lodged_by: lodger,
					country,
					details,
					lodged_at: Self::now(),
					assessment,
					duties,
					duty,
					agreement,
					preferential_origin,
					payment: if duty.is_zero() { Payment::NotDue } else { Payment::Due },
					documentary_check: None,
					inspection: None,
					stage: Stage::Lodged,
				},
			);
			NextDeclarationId::<T>::put(next);
			Self::deposit_event(event);
			if let Some(check) = mirror {
				Self::deposit_event(Event::MirrorChecked {
					import: id,
					export: check.export,
					check,
				});
			}
			Ok(id)
		}

		/// Lodges a declaration of the genesis state and takes it to `outcome`.
		fn genesis_declaration(
			lodger: &T::AccountId,
			details: &DetailsOf<T>,
			outcome: &GenesisOutcome<T::AccountId>,
		) -> DispatchResult {
			use frame_system::RawOrigin::Signed;
			let id = Self::do_lodge(lodger.clone(), lodger.clone(), details.clone())?;
			Declarations::<T>::mutate(id, |d| {
				if let Some(d) = d {
					if d.assessment.selection == Selection::Pending {
						d.assessment.selection = Selection::NotSelected;
					}
				}
			});
			let reason = |r: &Vec<u8>| -> Result<ReasonOf<T>, DispatchError> {
				r.clone().try_into().map_err(|_| DispatchError::Other("genesis: reason too long"))
			};
			match outcome {
				GenesisOutcome::Lodged => Ok(()),
				GenesisOutcome::Held { officer, reason: r } => {
					Self::hold(Signed(officer.clone()).into(), id, reason(r)?)
				}
				GenesisOutcome::Rejected { officer, reason: r } => {
					Self::reject(Signed(officer.clone()).into(), id, reason(r)?)
				}
				GenesisOutcome::Withdrawn => Self::withdraw(Signed(lodger.clone()).into(), id),
				GenesisOutcome::Released { officer } => {
					let report = tradechain_primitives::document_hash(b"genesis inspection");
					Self::record_control(
						Signed(officer.clone()).into(),
						id,
						ControlKind::Physical,
						report,
						true,
					)?;
					if Declarations::<T>::get(id).is_some_and(|d| d.payment == Payment::Due) {
						Self::pay_duty(Signed(lodger.clone()).into(), id)?;
					}
					Self::release(Signed(officer.clone()).into(), id)
				}
			}
		}

		/// The id the next declaration gets.
		pub fn next_declaration_id() -> DeclarationId {
			NextDeclarationId::<T>::get()
		}

		/// The weight `on_initialize` charges for drawing `n` declarations (0: a block without
		/// draws): the benchmarked draws, and the draw list's and `NextDeclarationId`'s one
		/// database read and write per block (both whitelisted in the benchmarks).
		pub fn draws_weight(n: u32) -> Weight {
			let per_block = T::DbWeight::get().reads_writes(2, 2);
			if n == 0 {
				return per_block;
			}
			T::WeightInfo::on_initialize_draws(n).saturating_add(per_block)
		}

		/// The declarations awaiting their draw, read without the list's bound: a runtime upgrade
		/// that lowers `MaxLodgingsPerBlock` must not strand those lodged in the block before it.
		pub(crate) fn pending_draws() -> Vec<DeclarationId> {
			frame_support::storage::unhashed::get(&PendingDraws::<T>::hashed_key())
				.unwrap_or_default()
		}

		/// The risk engine: the score, the channel from it, the rules that fired, and the mirror
		/// check. `preferential`: a valid preferential certificate is linked. `own`: the
		/// declaration being amended (it may keep its own mirror link).
		pub(crate) fn assess(
			declarant: &T::AccountId,
			country: CountryCode,
			details: &DetailsOf<T>,
			preferential: bool,
			own: Option<DeclarationId>,
		) -> Result<(Assessment<RulesOf<T>>, Option<MirrorCheck>), DispatchError> {
			let set = RuleSets::<T>::get(country);
			let mirror = match details.export_declaration {
				Some(export) => Some(Self::mirror(export, country, details, set.as_ref(), own)?),
				None => None,
			};
			let Some(set) = set else {
				let assessment = Assessment {
					score: 0,
					channel: Channel::Green,
					fired: Default::default(),
					selection: Selection::NotSelected,
					mirror,
				};
				return Ok((assessment, mirror));
			};
			let total: u128 = details
				.lines
				.iter()
				.fold(0u128, |s, l| s.saturating_add(l.value.unique_saturated_into()));
			// Read each external fact at most once.
			let mut aeo = None;
			let mut known = None;
			let mut score: i32 = 0;
			let mut fired = Vec::new();
			for rule in set.rules.iter() {
				let fires = match rule {
					RiskRule::Commodity { scope, origin, .. } => details
						.lines
						.iter()
						.any(|l| scope.covers(&l.hs_code) && origin.is_none_or(|o| o == l.origin)),
					RiskRule::ValueAbove { value, .. } => total > *value,
					RiskRule::Aeo { kind, .. } => {
						let recognised =
							*aeo.get_or_insert_with(|| T::Aeo::recognised_kind(declarant, country));
						recognised.is_some_and(|r| r.within(*kind) == Some(*kind))
					}
					RiskRule::UnknownDeclarant { .. } => {
						*known.get_or_insert_with(|| KnownDeclarants::<T>::get(country, declarant))
							== 0
					}
					RiskRule::PreferentialCertificate { .. } => preferential,
					RiskRule::MirrorMismatch { .. } => mirror.is_some_and(|m| !m.matched),
				};
				if fires {
					score = score.saturating_add(Self::points(rule));
					fired.push(rule.clone());
				}
			}
			let channel = if score >= set.red_from {
				Channel::Red
			} else if score >= set.yellow_from {
				Channel::Yellow
			} else {
				Channel::Green
			};
			// At most as many as the rules, which are bounded alike.
			let fired = BoundedVec::truncate_from(fired);
			Ok((
				Assessment { score, channel, fired, selection: Selection::NotSelected, mirror },
				mirror,
			))
		}

		fn points(rule: &RiskRule) -> i32 {
			match rule {
				RiskRule::Commodity { points, .. }
				| RiskRule::ValueAbove { points, .. }
				| RiskRule::Aeo { points, .. }
				| RiskRule::UnknownDeclarant { points }
				| RiskRule::PreferentialCertificate { points }
				| RiskRule::MirrorMismatch { points } => *points,
			}
		}

		/// Compares an import with the export declaration it names.
		fn mirror(
			export: DeclarationId,
			country: CountryCode,
			details: &DetailsOf<T>,
			set: Option<&RuleSetOf<T>>,
			own: Option<DeclarationId>,
		) -> Result<MirrorCheck, DispatchError> {
			let exp = Declarations::<T>::get(export).ok_or(Error::<T>::InvalidExportDeclaration)?;
			ensure!(
				exp.details.procedure == Procedure::Export
					&& exp.country == details.partner
					&& exp.details.partner == country
					&& !matches!(exp.stage, Stage::Rejected { .. } | Stage::Withdrawn),
				Error::<T>::InvalidExportDeclaration
			);
			if let Some(linked) = MirrorOf::<T>::get(export) {
				ensure!(Some(linked) == own, Error::<T>::ExportAlreadyLinked);
			}
			let sum = |d: &DetailsOf<T>| {
				d.lines.iter().fold((0u128, 0u128), |(v, q), l| {
					(
						v.saturating_add(l.value.unique_saturated_into()),
						q.saturating_add(l.quantity.into()),
					)
				})
			};
			let (iv, iq) = sum(details);
			let (ev, eq) = sum(&exp.details);
			let diff_bp = |a: u128, b: u128| -> u32 {
				let diff = a.abs_diff(b).saturating_mul(10_000);
				diff.checked_div(b).map_or(u32::MAX, |d| d.min(u32::MAX as u128) as u32)
			};
			let (value_diff_bp, quantity_diff_bp) = (diff_bp(iv, ev), diff_bp(iq, eq));
			let tolerance = set.map_or(0, |s| s.mirror_tolerance_bp);
			let matched = value_diff_bp <= tolerance && quantity_diff_bp <= tolerance;
			Ok(MirrorCheck { export, value_diff_bp, quantity_diff_bp, matched })
		}

		/// The duty per line and in total (imports only). Preferential rates apply to lines originating in the
		/// certificate's country whose tariff line lists the agreement.
		pub(crate) fn duties(
			country: CountryCode,
			details: &DetailsOf<T>,
			agreement: Option<&AgreementCode>,
			cert_origin: Option<CountryCode>,
		) -> Result<(DutiesOf<T>, BalanceOf<T>), DispatchError> {
			let mut total: BalanceOf<T> = Zero::zero();
			let mut duties = Vec::with_capacity(details.lines.len());
			for line in details.lines.iter() {
				// Exports and transit are duty-free here.
				let tariff = match details.procedure {
					Procedure::Import => Tariffs::<T>::get(country, line.hs_code.heading()),
					Procedure::Export | Procedure::Transit => None,
				};
				let (rate_bp, per_unit, preferential) = match tariff {
					None => (0, Zero::zero(), false),
					Some(t) => {
						let pref = agreement
							.filter(|_| cert_origin == Some(line.origin))
							.and_then(|a| t.preferential.iter().find(|(code, _)| code == a))
							.map(|(_, bp)| *bp);
						match pref {
							Some(bp) => (bp, Zero::zero(), true),
							None => (t.mfn_bp, t.per_unit, false),
						}
					}
				};
				let ad_valorem = line
					.value
					.checked_mul(&BalanceOf::<T>::from(rate_bp))
					.ok_or(ArithmeticError::Overflow)?
					/ BalanceOf::<T>::from(10_000u32);
				let quantity: BalanceOf<T> = BalanceOf::<T>::try_from(line.quantity)
					.map_err(|_| ArithmeticError::Overflow)?;
				let specific = per_unit.checked_mul(&quantity).ok_or(ArithmeticError::Overflow)?;
				let amount = ad_valorem.checked_add(&specific).ok_or(ArithmeticError::Overflow)?;
				total = total.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
				duties.push(LineDuty { rate_bp, per_unit, preferential, amount });
			}
			Ok((BoundedVec::truncate_from(duties), total))
		}

		/// Whether the declarant's AEO status (as the country recognises it) defers its duty.
		fn defers(decl: &DeclarationOf<T>) -> bool {
			let Some(kind) = RuleSets::<T>::get(decl.country).and_then(|r| r.deferred_payment_for)
			else {
				return false;
			};
			T::Aeo::recognised_kind(&decl.declarant, decl.country)
				.is_some_and(|r| r.within(kind) == Some(kind))
		}

		/// Moves a declaration between channel counters.
		fn move_channel(country: CountryCode, office: &UnLocode, from: Channel, to: Channel) {
			if from != to {
				Stats::<T>::mutate(country, office, |s| {
					s.channels[from as usize] = s.channels[from as usize].saturating_sub(1);
					s.channels[to as usize] = s.channels[to as usize].saturating_add(1);
				});
			}
		}

		/// The random draw of a declaration lodged in the block whose hash is `seed`.
		pub(crate) fn draw(id: DeclarationId, seed: &[u8]) {
			let Some(mut decl) = Declarations::<T>::get(id) else { return };
			if decl.assessment.selection != Selection::Pending {
				return;
			}
			let rate = RuleSets::<T>::get(decl.country).map_or(0, |r| r.random_per_mille);
			let mut input = Vec::with_capacity(seed.len() + 8);
			input.extend_from_slice(seed);
			input.extend_from_slice(&id.to_le_bytes());
			let hash = tradechain_primitives::document_hash(&input).0;
			let value = u16::from_le_bytes([hash[0], hash[1]]) % 1000;
			let selected = value < rate;
			decl.assessment.selection =
				if selected { Selection::Selected } else { Selection::NotSelected };
			if selected && !decl.stage.is_final() {
				Self::move_channel(
					decl.country,
					&decl.details.office,
					decl.assessment.channel,
					Channel::Red,
				);
				decl.assessment.channel = Channel::Red;
			}
			Declarations::<T>::insert(id, decl);
			Self::deposit_event(Event::RandomlyDrawn { id, selected });
		}

		/// Statistics of `country`, of one office or all.
		pub fn statistics(
			country: CountryCode,
			office: Option<UnLocode>,
		) -> Statistics<BalanceOf<T>> {
			let mut c = OfficeStats::<BalanceOf<T>>::default();
			let offices: Vec<OfficeStats<BalanceOf<T>>> = match office {
				Some(o) => alloc::vec![Stats::<T>::get(country, o)],
				None => Stats::<T>::iter_prefix_values(country).collect(),
			};
			for s in offices {
				c.lodged = c.lodged.saturating_add(s.lodged);
				for i in 0..3 {
					c.channels[i] = c.channels[i].saturating_add(s.channels[i]);
				}
				c.released = c.released.saturating_add(s.released);
				c.rejected = c.rejected.saturating_add(s.rejected);
				c.release_time_total_ms =
					c.release_time_total_ms.saturating_add(s.release_time_total_ms);
				for i in 0..12 {
					c.release_time_buckets[i] =
						c.release_time_buckets[i].saturating_add(s.release_time_buckets[i]);
				}
				c.duty_collected = c.duty_collected.saturating_add(s.duty_collected);
			}
			let share = |n: u32| (n as u64 * 1000).checked_div(c.lodged as u64).unwrap_or(0) as u32;
			let percentile = |p: u64| -> Option<u64> {
				let target = (c.released as u64 * p).div_ceil(100).max(1);
				let mut seen = 0u64;
				for (i, n) in c.release_time_buckets.iter().enumerate() {
					seen += *n as u64;
					if seen >= target {
						return Some(RELEASE_BUCKETS_MS.get(i).copied().unwrap_or(u64::MAX));
					}
				}
				None
			};
			let released = c.released;
			Statistics {
				channel_share_per_mille: [
					share(c.channels[0]),
					share(c.channels[1]),
					share(c.channels[2]),
				],
				mean_release_ms: c.release_time_total_ms.checked_div(released as u64),
				p50_release_ms: if released == 0 { None } else { percentile(50) },
				p90_release_ms: if released == 0 { None } else { percentile(90) },
				counters: c,
			}
		}
	}

	impl<T: Config> DeclarationStatus for Pallet<T> {
		fn is_released(declaration: DeclarationId) -> bool {
			Declarations::<T>::get(declaration)
				.is_some_and(|d| matches!(d.stage, Stage::Released { .. }))
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn release_for_benchmarks(declaration: DeclarationId) {
			Declarations::<T>::mutate(declaration, |d| {
				if let Some(d) = d {
					d.stage = Stage::Released { at: 0 };
				}
			});
		}
	}
}
