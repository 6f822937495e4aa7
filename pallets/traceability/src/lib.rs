//! # Traceability Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! Goods followed from producer to importer in GS1 EPCIS 2.0 terms. **Items** are identified by
//! EPC URIs (SGTIN, SSCC, GRAI, LGTIN) and have a **custodian**; logistic units (SSCC pallets and
//! containers) group items by aggregation. **Events** of the five EPCIS 2.0 types (object,
//! aggregation, transformation, transaction, association) carry the event time and time-zone
//! offset, the CBV business step and disposition, read point and business location (GLN or
//! UN/LOCODE), business transaction references and an optional sensor summary; each is stored
//! under its **EPCIS event hash ID** (computed by the client with GS1's canonical algorithm), so
//! an event in any EPCIS repository can be matched to its on-chain record.
//!
//! Only the custodian of every item an event names — or an agency (customs, port authority) of the
//! country of the event's UN/LOCODE business location — records it. **Custody** passes by offer
//! and acceptance. **Condition rules** per item (temperature and humidity ranges, expiry) make an
//! event whose sensor summary leaves a range a **breach**; expiry is computed from the time. A
//! `receiving` event at a business location records that the items were **received** there,
//! which escrows and customs read through [`tradechain_primitives::ConsignmentReceipts`]. Many
//! scan or sensor readings are **anchored** as one Merkle root (`binary-merkle-tree`), each
//! verifiable with a [`tradechain_primitives::BatchProof`].
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! * `create_item` - Register an EPC with its condition rules; the caller is the custodian.
//! * `record_event` - Record an EPCIS event.
//! * `offer_custody` / `accept_custody` / `cancel_custody` - Pass custody.
//! * `set_conditions` - The custodian sets an item's condition rules.
//! * `anchor_readings` - Anchor many readings by Merkle root.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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
		traits::{
			fungible::{Inspect, InspectHold, MutateHold},
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use tradechain_primitives::{
		verify_batch_proof, BatchProof, ConsignmentReceipts, DocumentHash, ItemRef, Location, Role,
		RoleProvider,
	};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// The items an event names.
	pub type ItemsOf<T> = BoundedVec<ItemRef, <T as Config>::MaxItemsPerEvent>;
	/// The items a transformation creates.
	pub type NewItemsOf<T> = BoundedVec<Epc, <T as Config>::MaxItemsPerEvent>;
	/// An event kind of this pallet.
	pub type EventKindOf<T> = EventKind<ItemsOf<T>, NewItemsOf<T>>;
	/// An event context of this pallet.
	pub type EventContextOf = EventContext<BoundedVec<BizTransaction, ConstU32<4>>>;
	/// An event record of this pallet.
	pub type EventRecordOf<T> = EventRecord<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		EventKindOf<T>,
		EventContextOf,
		BoundedVec<Option<DocumentHash>, MaxTouched<T>>,
	>;

	/// The most items one event touches: a transformation's inputs and outputs, or an
	/// aggregation's children and parent.
	pub struct MaxTouched<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<u32> for MaxTouched<T> {
		fn get() -> u32 {
			T::MaxItemsPerEvent::get().saturating_mul(2).saturating_add(1)
		}
	}
	/// An item of this pallet.
	pub type ItemOf<T> = Item<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds item and anchor deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who holds which role (the roles pallet).
		type Roles: RoleProvider<Self::AccountId>;

		/// The time (pallet-timestamp).
		type Time: UnixTime;

		/// Held from an item's creator. It also pays for the item's history: every event names
		/// an item and each item has at most [`Config::MaxHistory`] events.
		#[pallet::constant]
		type ItemDeposit: Get<BalanceOf<Self>>;

		/// Held for an anchor of readings.
		#[pallet::constant]
		type AnchorDeposit: Get<BalanceOf<Self>>;

		/// The most items one event names.
		#[pallet::constant]
		type MaxItemsPerEvent: Get<u32>;

		/// The most events in one item's history.
		#[pallet::constant]
		type MaxHistory: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An item is registered (with its history).
		#[codec(index = 0)]
		Item,
		/// Readings are anchored.
		#[codec(index = 1)]
		Anchor,
	}

	/// Items by the hash of their EPC URI. Blake2: chosen by users.
	#[pallet::storage]
	pub type Items<T: Config> = StorageMap<_, Blake2_128Concat, ItemRef, ItemOf<T>>;

	/// Events by EPCIS event hash ID. Blake2: chosen by users.
	#[pallet::storage]
	pub type Events<T: Config> = StorageMap<_, Blake2_128Concat, DocumentHash, EventRecordOf<T>>;

	/// Each item's custody changes, in order.
	#[pallet::storage]
	pub type Custody<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ItemRef,
		Twox64Concat,
		u32,
		CustodyChange<T::AccountId>,
	>;

	/// Readings anchored by Merkle root. Blake2: chosen by users.
	#[pallet::storage]
	pub type Anchors<T: Config> =
		StorageMap<_, Blake2_128Concat, DocumentHash, ReadingsAnchor<T::AccountId, BalanceOf<T>>>;

	/// A step of the genesis state (demo data): each is applied as the call of the same name,
	/// signed by `by`, with the same checks.
	#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
	#[serde(bound(
		serialize = "AccountId: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>"
	))]
	#[serde(rename_all = "camelCase")]
	pub enum GenesisStep<AccountId> {
		/// [`Pallet::create_item`].
		#[serde(rename_all = "camelCase")]
		CreateItem {
			/// The creator, who becomes the custodian.
			by: AccountId,
			/// The EPC URI.
			epc: Epc,
			/// Condition rules.
			conditions: Option<ConditionRules>,
		},
		/// [`Pallet::record_event`].
		#[serde(rename_all = "camelCase")]
		RecordEvent {
			/// The recorder.
			by: AccountId,
			/// What happened.
			kind: EventKind<Vec<ItemRef>, Vec<Epc>>,
			/// When, where, why.
			context: EventContext<Vec<BizTransaction>>,
		},
		/// [`Pallet::offer_custody`].
		#[serde(rename_all = "camelCase")]
		OfferCustody {
			/// The custodian.
			by: AccountId,
			/// The item.
			item: ItemRef,
			/// The receiver.
			to: AccountId,
		},
		/// [`Pallet::accept_custody`].
		#[serde(rename_all = "camelCase")]
		AcceptCustody {
			/// The receiver.
			by: AccountId,
			/// The item.
			item: ItemRef,
		},
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Items, events and custody changes made at genesis, in order.
		pub steps: Vec<GenesisStep<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (i, step) in self.steps.iter().enumerate() {
				if let Err(e) = Pallet::<T>::apply_genesis_step(step.clone()) {
					panic!("traceability genesis step {i} failed: {e:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An item was registered.
		ItemCreated {
			/// Its key (BLAKE2-256 of the EPC URI).
			item: ItemRef,
			/// Its EPC URI.
			epc: Epc,
			/// Its custodian.
			custodian: T::AccountId,
		},
		/// An EPCIS event was recorded.
		EventRecorded {
			/// Its EPCIS event hash ID.
			event_id: DocumentHash,
			/// The recorder.
			by: T::AccountId,
			/// The business step.
			biz_step: BizStep,
			/// How many items it names.
			items: u32,
		},
		/// An event's sensor summary left an item's allowed range.
		ConditionBreached {
			/// The item.
			item: ItemRef,
			/// The event.
			event_id: DocumentHash,
			/// What was measured.
			sensor: SensorSummary,
		},
		/// Goods were received at a location.
		Received {
			/// The item.
			item: ItemRef,
			/// Where.
			location: Location,
		},
		/// The custodian offered custody.
		CustodyOffered {
			/// The item.
			item: ItemRef,
			/// The custodian.
			from: T::AccountId,
			/// The offered party.
			to: T::AccountId,
		},
		/// Custody passed.
		CustodyTransferred {
			/// The item.
			item: ItemRef,
			/// The previous custodian.
			from: T::AccountId,
			/// The new custodian.
			to: T::AccountId,
		},
		/// A custody offer was withdrawn or declined.
		CustodyOfferCancelled {
			/// The item.
			item: ItemRef,
			/// Who cancelled it.
			by: T::AccountId,
		},
		/// The custodian set an item's condition rules.
		ConditionsSet {
			/// The item.
			item: ItemRef,
		},
		/// Readings were anchored.
		ReadingsAnchored {
			/// The Merkle root.
			root: DocumentHash,
			/// Who anchored them.
			by: T::AccountId,
			/// How many.
			leaves: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only agencies and active operators trace goods.
		NotMember,
		/// An item with this EPC exists.
		ItemExists,
		/// No item has this key.
		ItemNotFound,
		/// The item was deleted or consumed.
		ItemInactive,
		/// Only the custodian (or an agency of the location's country) may do this.
		NotCustodian,
		/// An event with this hash ID exists.
		EventExists,
		/// An event must name at least one item.
		NoItems,
		/// An item's history has no room for another event.
		HistoryFull,
		/// The event names an item twice.
		DuplicateItem,
		/// A logistic unit can only be the parent of an aggregation if it is an SSCC or GRAI.
		NotLogisticUnit,
		/// An item cannot contain itself.
		OwnParent,
		/// A range's lower bound is above its upper bound.
		InvalidRange,
		/// The offered party must be another member.
		InvalidReceiver,
		/// No custody offer to the caller is pending.
		NoOffer,
		/// An anchor with this root exists.
		AnchorExists,
		/// An anchor needs at least one reading.
		NoReadings,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Register an item by its EPC URI with optional condition rules. Origin: an agency or
		/// active operator, which becomes the custodian.
		///
		/// Holds [`Config::ItemDeposit`]. Emits [`Event::ItemCreated`].
		#[pallet::call_index(0)]
		pub fn create_item(
			origin: OriginFor<T>,
			epc: Epc,
			conditions: Option<ConditionRules>,
		) -> DispatchResult {
			let who = Self::member(origin)?;
			if let Some(c) = &conditions {
				Self::check_rules(c)?;
			}
			Self::do_create(&who, epc, conditions).map(|_| ())
		}

		/// Record an EPCIS event under its hash ID. Origin: the custodian of every item it names
		/// (or an agency of the country of its UN/LOCODE business location).
		///
		/// Object DELETE deletes items; aggregation ADD packs children into the parent, DELETE
		/// unpacks; transformation consumes inputs and creates outputs (of the caller); a
		/// `receiving` step at a business location records receipt; a sensor summary outside an
		/// item's range is a breach. Emits [`Event::EventRecorded`],
		/// and [`Event::Received`], [`Event::ConditionBreached`], [`Event::ItemCreated`] as they
		/// happen.
		#[pallet::call_index(1)]
		#[pallet::weight(match kind {
			EventKind::Object { items, .. } => T::WeightInfo::record_object(items.len() as u32),
			_ => T::WeightInfo::record_event(Pallet::<T>::count(kind)),
		})]
		pub fn record_event(
			origin: OriginFor<T>,
			kind: EventKindOf<T>,
			context: EventContextOf,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Events::<T>::contains_key(context.event_id), Error::<T>::EventExists);
			let (named, parent) = Self::named(&kind);
			// A transformation may create items from nothing (inputs from outside the chain), but
			// every event names at least one item.
			ensure!(Self::count(&kind) > 0, Error::<T>::NoItems);
			// Check every named item first: it exists, is active, is named once, and the caller
			// is its custodian or an agency of the place.
			if let Some(parent) = parent {
				// `named` starts with the parent; the children follow.
				ensure!(!named[1..].contains(&parent), Error::<T>::OwnParent);
			}
			let mut agency = None;
			let mut items: Vec<(ItemRef, ItemOf<T>)> = Vec::with_capacity(named.len());
			for r in named.iter() {
				ensure!(!items.iter().any(|(seen, _)| seen == r), Error::<T>::DuplicateItem);
				let item = Items::<T>::get(r).ok_or(Error::<T>::ItemNotFound)?;
				ensure!(item.state == ItemState::Active, Error::<T>::ItemInactive);
				if item.custodian != who {
					let is_agency = *agency.get_or_insert_with(|| {
						Self::is_agency_of(&who, context.biz_location.as_ref())
					});
					ensure!(is_agency, Error::<T>::NotCustodian);
				}
				ensure!(item.events < T::MaxHistory::get(), Error::<T>::HistoryFull);
				items.push((*r, item));
			}
			// A custodian records only while a member (an agency is one by its role).
			if agency.is_none() {
				ensure!(T::Roles::is_member(&who), Error::<T>::NotMember);
			}
			if let EventKind::Aggregation { .. } = &kind {
				// The parent comes first (see `named`).
				if let Some((_, p)) = items.first() {
					ensure!(
						matches!(p.epc.kind(), EpcKind::LogisticUnit | EpcKind::ReturnableAsset),
						Error::<T>::NotLogisticUnit
					);
				}
			}

			// Outputs of a transformation are new items of the caller.
			if let EventKind::Transformation { outputs, .. } = &kind {
				for epc in outputs.iter() {
					let r = Self::do_create(&who, epc.clone(), None)?;
					let item = Items::<T>::get(r).ok_or(Error::<T>::ItemNotFound)?;
					items.push((r, item));
				}
			}
			let event_id = context.event_id;
			let now = Self::now();
			let mut breach = false;
			let mut previous = Vec::with_capacity(items.len());
			for (r, item) in items.iter_mut() {
				// State changes by event type.
				match &kind {
					EventKind::Object { action: Action::Delete, .. } => {
						item.state = ItemState::Deleted
					}
					EventKind::Aggregation { action, parent, children } if children.contains(r) => {
						match action {
							Action::Add => item.parent = Some(*parent),
							Action::Delete => item.parent = None,
							Action::Observe => {}
						}
					}
					EventKind::Transformation { inputs, .. } if inputs.contains(r) => {
						item.state = ItemState::Consumed
					}
					_ => {}
				}
				if let (Some(rules), Some(sensor)) = (&item.conditions, &context.sensor) {
					if rules.breached_by(sensor) {
						breach = true;
						item.breaches = item.breaches.saturating_add(1);
						Self::deposit_event(Event::ConditionBreached {
							item: *r,
							event_id,
							sensor: *sensor,
						});
					}
				}
				if context.biz_step == BizStep::Receiving {
					if let Some(location) = context.biz_location {
						// The first receipt at a place counts; the oldest place makes room.
						if !item.receipts.iter().any(|(l, _)| *l == location) {
							if item.receipts.is_full() {
								item.receipts.remove(0);
							}
							let _ = item.receipts.try_push((location, now));
						}
						Self::deposit_event(Event::Received { item: *r, location });
					}
				}
				previous.push(item.last_event.replace(event_id));
				item.events = item.events.saturating_add(1);
				Items::<T>::insert(*r, &*item);
			}
			let biz_step = context.biz_step;
			Events::<T>::insert(
				event_id,
				EventRecord {
					kind,
					context,
					// At most inputs + outputs, or children + parent (see `MaxTouched`).
					previous: BoundedVec::truncate_from(previous),
					recorded_by: who.clone(),
					block: frame_system::Pallet::<T>::block_number(),
					breach,
				},
			);
			Self::deposit_event(Event::EventRecorded {
				event_id,
				by: who,
				biz_step,
				items: items.len() as u32,
			});
			Ok(())
		}

		/// Offer custody of `item` to `to`. Origin: the custodian.
		///
		/// Emits [`Event::CustodyOffered`].
		#[pallet::call_index(2)]
		pub fn offer_custody(
			origin: OriginFor<T>,
			item: ItemRef,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut it = Self::custodied(&who, item)?;
			ensure!(to != who && T::Roles::is_member(&to), Error::<T>::InvalidReceiver);
			it.offered_to = Some(to.clone());
			Items::<T>::insert(item, it);
			Self::deposit_event(Event::CustodyOffered { item, from: who, to });
			Ok(())
		}

		/// Accept custody offered to the caller; it becomes the custodian. Emits
		/// [`Event::CustodyTransferred`].
		#[pallet::call_index(3)]
		pub fn accept_custody(origin: OriginFor<T>, item: ItemRef) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut it = Items::<T>::get(item).ok_or(Error::<T>::ItemNotFound)?;
			ensure!(it.offered_to.as_ref() == Some(&who), Error::<T>::NoOffer);
			ensure!(it.state == ItemState::Active, Error::<T>::ItemInactive);
			let from = core::mem::replace(&mut it.custodian, who.clone());
			it.offered_to = None;
			let change = CustodyChange { from: from.clone(), to: who.clone(), at: Self::now() };
			Custody::<T>::insert(item, it.custody_changes, change);
			it.custody_changes = it.custody_changes.saturating_add(1);
			Items::<T>::insert(item, it);
			Self::deposit_event(Event::CustodyTransferred { item, from, to: who });
			Ok(())
		}

		/// Withdraw (the custodian) or decline (the offered party) a custody offer. Emits
		/// [`Event::CustodyOfferCancelled`].
		#[pallet::call_index(4)]
		pub fn cancel_custody(origin: OriginFor<T>, item: ItemRef) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut it = Items::<T>::get(item).ok_or(Error::<T>::ItemNotFound)?;
			let offered = it.offered_to.as_ref().ok_or(Error::<T>::NoOffer)?;
			ensure!(*offered == who || it.custodian == who, Error::<T>::NotCustodian);
			it.offered_to = None;
			Items::<T>::insert(item, it);
			Self::deposit_event(Event::CustodyOfferCancelled { item, by: who });
			Ok(())
		}

		/// Set an item's condition rules. Origin: the custodian. Emits [`Event::ConditionsSet`].
		#[pallet::call_index(5)]
		pub fn set_conditions(
			origin: OriginFor<T>,
			item: ItemRef,
			conditions: Option<ConditionRules>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut it = Self::custodied(&who, item)?;
			if let Some(c) = &conditions {
				Self::check_rules(c)?;
			}
			it.conditions = conditions;
			Items::<T>::insert(item, it);
			Self::deposit_event(Event::ConditionsSet { item });
			Ok(())
		}

		/// Anchor `leaves` readings by the Merkle root of their hashes (see
		/// [`tradechain_primitives::batch_root`]). Origin: an agency or active operator; if `item`
		/// is given, its custodian.
		///
		/// The cost does not depend on the number of readings. Holds [`Config::AnchorDeposit`].
		/// Emits [`Event::ReadingsAnchored`].
		#[pallet::call_index(6)]
		pub fn anchor_readings(
			origin: OriginFor<T>,
			root: DocumentHash,
			leaves: u32,
			item: Option<ItemRef>,
		) -> DispatchResult {
			let who = Self::member(origin)?;
			ensure!(leaves > 0, Error::<T>::NoReadings);
			ensure!(!Anchors::<T>::contains_key(root), Error::<T>::AnchorExists);
			if let Some(item) = item {
				Self::custodied(&who, item)?;
			}
			let amount = T::AnchorDeposit::get();
			T::Currency::hold(&HoldReason::Anchor.into(), &who, amount)?;
			Anchors::<T>::insert(
				root,
				ReadingsAnchor {
					by: who.clone(),
					item,
					leaves,
					at: Self::now(),
					deposit: Deposit { who: who.clone(), amount },
				},
			);
			Self::deposit_event(Event::ReadingsAnchored { root, by: who, leaves });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Applies a genesis step as its call.
		fn apply_genesis_step(step: GenesisStep<T::AccountId>) -> DispatchResult {
			let signed = |who: T::AccountId| frame_system::RawOrigin::Signed(who).into();
			fn bound<E>(_: E) -> DispatchError {
				DispatchError::Other("genesis step: a list is too long")
			}
			match step {
				GenesisStep::CreateItem { by, epc, conditions } => {
					Self::create_item(signed(by), epc, conditions)
				}
				GenesisStep::RecordEvent { by, kind, context } => {
					let items = |v: Vec<ItemRef>| ItemsOf::<T>::try_from(v).map_err(bound);
					let kind = match kind {
						EventKind::Object { action, items: i } => {
							EventKind::Object { action, items: items(i)? }
						}
						EventKind::Aggregation { action, parent, children } => {
							EventKind::Aggregation { action, parent, children: items(children)? }
						}
						EventKind::Transformation { inputs, outputs } => {
							EventKind::Transformation {
								inputs: items(inputs)?,
								outputs: NewItemsOf::<T>::try_from(outputs).map_err(bound)?,
							}
						}
						EventKind::Transaction { action, document, items: i } => {
							EventKind::Transaction { action, document, items: items(i)? }
						}
						EventKind::Association { action, parent, children } => {
							EventKind::Association { action, parent, children: items(children)? }
						}
					};
					let context = EventContext {
						event_id: context.event_id,
						event_time: context.event_time,
						time_zone_offset_minutes: context.time_zone_offset_minutes,
						biz_step: context.biz_step,
						disposition: context.disposition,
						read_point: context.read_point,
						biz_location: context.biz_location,
						biz_transactions: context.biz_transactions.try_into().map_err(bound)?,
						sensor: context.sensor,
					};
					Self::record_event(signed(by), kind, context)
				}
				GenesisStep::OfferCustody { by, item, to } => {
					Self::offer_custody(signed(by), item, to)
				}
				GenesisStep::AcceptCustody { by, item } => Self::accept_custody(signed(by), item),
			}
		}

		/// Milliseconds since the Unix epoch; zero at genesis.
		pub(crate) fn now() -> u64 {
			tradechain_primitives::unix_millis::<T, T::Time>()
		}

		fn member(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
			let who = ensure_signed(origin)?;
			ensure!(T::Roles::is_member(&who), Error::<T>::NotMember);
			Ok(who)
		}

		fn check_rules(c: &ConditionRules) -> DispatchResult {
			let ok = |r: Option<(i32, i32)>| r.is_none_or(|(lo, hi)| lo <= hi);
			ensure!(ok(c.temperature) && ok(c.humidity), Error::<T>::InvalidRange);
			Ok(())
		}

		/// The item, if `who` is its custodian and it is active.
		fn custodied(who: &T::AccountId, item: ItemRef) -> Result<ItemOf<T>, DispatchError> {
			let it = Items::<T>::get(item).ok_or(Error::<T>::ItemNotFound)?;
			ensure!(it.custodian == *who, Error::<T>::NotCustodian);
			ensure!(it.state == ItemState::Active, Error::<T>::ItemInactive);
			Ok(it)
		}

		pub(crate) fn do_create(
			who: &T::AccountId,
			epc: Epc,
			conditions: Option<ConditionRules>,
		) -> Result<ItemRef, DispatchError> {
			let item = epc.item_ref();
			ensure!(!Items::<T>::contains_key(item), Error::<T>::ItemExists);
			let amount = T::ItemDeposit::get();
			T::Currency::hold(&HoldReason::Item.into(), who, amount)?;
			Items::<T>::insert(
				item,
				Item {
					epc: epc.clone(),
					custodian: who.clone(),
					offered_to: None,
					parent: None,
					state: ItemState::Active,
					conditions,
					breaches: 0,
					events: 0,
					last_event: None,
					receipts: BoundedVec::new(),
					custody_changes: 0,
					created_at: Self::now(),
					deposit: Deposit { who: who.clone(), amount },
				},
			);
			Self::deposit_event(Event::ItemCreated { item, epc, custodian: who.clone() });
			Ok(item)
		}

		/// The existing items an event names (the parent first), and the parent.
		fn named(kind: &EventKindOf<T>) -> (Vec<ItemRef>, Option<ItemRef>) {
			match kind {
				EventKind::Object { items, .. } | EventKind::Transaction { items, .. } => {
					(items.to_vec(), None)
				}
				EventKind::Aggregation { parent, children, .. }
				| EventKind::Association { parent, children, .. } => (
					core::iter::once(*parent).chain(children.iter().copied()).collect(),
					Some(*parent),
				),
				EventKind::Transformation { inputs, .. } => (inputs.to_vec(), None),
			}
		}

		/// How many items an event touches, for its weight.
		pub fn count(kind: &EventKindOf<T>) -> u32 {
			match kind {
				EventKind::Object { items, .. } | EventKind::Transaction { items, .. } => {
					items.len() as u32
				}
				EventKind::Aggregation { children, .. }
				| EventKind::Association { children, .. } => children.len() as u32 + 1,
				EventKind::Transformation { inputs, outputs } => {
					(inputs.len() + outputs.len()) as u32
				}
			}
		}

		/// Whether `who` is a customs authority or port authority of the country of `location`
		/// (UN/LOCODE locations only: a GLN does not name its country).
		fn is_agency_of(who: &T::AccountId, location: Option<&Location>) -> bool {
			match location {
				Some(Location::UnLocode(l)) => [Role::CUSTOMS, Role::PORT_AUTHORITY]
					.iter()
					.any(|role| T::Roles::has_role(who, *role, l.country())),
				_ => false,
			}
		}

		/// An item's state for the runtime API.
		pub fn item(item: ItemRef) -> Option<ItemInfo<T::AccountId>> {
			let it = Items::<T>::get(item)?;
			let now = Self::now();
			Some(ItemInfo {
				epc: it.epc.as_bytes().to_vec(),
				expired: it.conditions.and_then(|c| c.expires_at).is_some_and(|e| now > e),
				custodian: it.custodian,
				offered_to: it.offered_to,
				parent: it.parent,
				state: it.state,
				breaches: it.breaches,
				events: it.events,
				receipts: it.receipts.to_vec(),
			})
		}

		/// Events `from..from + count` of an item's history, oldest first, with their ids.
		///
		/// Follows the item's chain from its last event back (one read per event, at most
		/// [`Config::MaxHistory`]): for runtime API calls, off chain.
		pub fn history(
			item: ItemRef,
			from: u32,
			count: u32,
		) -> Vec<(DocumentHash, EventRecordOf<T>)> {
			let mut chain = Self::chain(item);
			chain.reverse();
			chain.into_iter().skip(from as usize).take(count as usize).collect()
		}

		/// An item's events, newest first.
		pub(crate) fn chain(item: ItemRef) -> Vec<(DocumentHash, EventRecordOf<T>)> {
			let Some(it) = Items::<T>::get(item) else { return Vec::new() };
			let mut out = Vec::new();
			let mut next = it.last_event;
			while let Some(id) = next {
				let Some(record) = Events::<T>::get(id) else { break };
				if out.len() >= it.events as usize {
					break;
				}
				next = Self::touched(&record.kind)
					.iter()
					.position(|r| *r == item)
					.and_then(|i| record.previous.get(i).copied().flatten());
				out.push((id, record));
			}
			out
		}

		/// The items an event touched, in the order of its `previous` links.
		pub(crate) fn touched(kind: &EventKindOf<T>) -> Vec<ItemRef> {
			let (mut all, _) = Self::named(kind);
			if let EventKind::Transformation { outputs, .. } = kind {
				all.extend(outputs.iter().map(Epc::item_ref));
			}
			all
		}

		/// An item's custody changes, in order.
		pub fn custody_history(item: ItemRef) -> Vec<CustodyChange<T::AccountId>> {
			(0..).map_while(|i| Custody::<T>::get(item, i)).collect()
		}

		/// The events of an item's history that raised a breach.
		pub fn breaches(item: ItemRef) -> Vec<DocumentHash> {
			let mut ids: Vec<_> =
				Self::chain(item).into_iter().filter(|(_, e)| e.breach).map(|(id, _)| id).collect();
			ids.reverse();
			ids
		}

		/// Whether `proof` shows `leaf` in the readings anchored under `root`.
		pub fn verify_reading(root: DocumentHash, leaf: DocumentHash, proof: BatchProof) -> bool {
			Anchors::<T>::get(root).is_some_and(|a| {
				proof.number_of_leaves == a.leaves && verify_batch_proof(&root, &leaf, &proof)
			})
		}
	}

	impl<T: Config> ConsignmentReceipts for Pallet<T> {
		fn received_at(consignment: &ItemRef, location: &Location) -> bool {
			Items::<T>::get(consignment)
				.is_some_and(|i| i.receipts.iter().any(|(l, _)| l == location))
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn receive_for_benchmarks(consignment: &ItemRef, location: &Location) {
			use sp_runtime::traits::{TrailingZeroInput, Zero};
			let nobody = T::AccountId::decode(&mut TrailingZeroInput::zeroes())
				.expect("infinite input decodes");
			let mut item = Items::<T>::get(consignment).unwrap_or_else(|| Item {
				epc: Epc::parse(b"urn:epc:id:sscc:0.0").expect("a valid EPC"),
				custodian: nobody.clone(),
				offered_to: None,
				parent: None,
				state: ItemState::Active,
				conditions: None,
				breaches: 0,
				events: 0,
				last_event: None,
				receipts: BoundedVec::new(),
				custody_changes: 0,
				created_at: 0,
				deposit: Deposit { who: nobody, amount: Zero::zero() },
			});
			let _ = item.receipts.try_push((*location, 0));
			Items::<T>::insert(consignment, item);
		}
	}
}
