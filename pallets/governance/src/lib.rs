//! # Governance Pallet
//!
//! - [`Config`]
//! - [`Call`]
//! - [`Pallet`]
//!
//! ## Overview
//!
//! A government network has no sudo key: its member administrations govern it together. Most
//! privileged calls of Tradechain take the governance origin directly (appointing agencies,
//! managing validators, trade agreements, pausing calls), but a few of polkadot-sdk's calls accept
//! only Root: `frame_system::authorize_upgrade` and `set_code` (runtime upgrades), `set_storage`,
//! `kill_storage` and the like. This pallet gives [`Config::RootOrigin`] (in the runtime: a
//! two-thirds motion of the agency council) the one way to reach them: [`Pallet::dispatch_as_root`]
//! dispatches a call as Root, as `pallet-sudo` does for its key, and reports the result.
//!
//! The call dispatched is the one the council voted on: pallet-collective stores the motion's
//! call and its hash, and executes exactly that call once the threshold is reached. Like sudo, the
//! dispatch bypasses the runtime's call filter, so that governance can act during safe mode or on
//! a paused call (for example to repair the state the pause protects).
//!
//! ## Interface
//!
//! ### Dispatchable Functions
//!
//! * `dispatch_as_root` - Dispatch a call with Root origin. Origin: [`Config::RootOrigin`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Dispatchable, Hash};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's call type.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// May dispatch calls as Root: in the runtime, a two-thirds motion of the agency council.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A call was dispatched as Root and succeeded.
		DispatchedAsRoot {
			/// The hash of the call (the hash the council's motion carried, if it was only this
			/// call).
			call_hash: T::Hash,
		},
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` with Root origin. Origin: [`Config::RootOrigin`].
		///
		/// Emits [`Event::DispatchedAsRoot`] when the call succeeds. When it fails, this call
		/// fails with the call's own error, and nothing the call did is kept.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			let call_hash = T::Hashing::hash_of(&call);
			let overhead = T::WeightInfo::dispatch_as_root();
			let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			// What the call reports it used, plus this pallet's own work.
			let actual =
				|info: PostDispatchInfo| info.actual_weight.map(|w| w.saturating_add(overhead));
			match result {
				Ok(info) => {
					Self::deposit_event(Event::DispatchedAsRoot { call_hash });
					Ok(PostDispatchInfo { actual_weight: actual(info), pays_fee: info.pays_fee })
				}
				Err(e) => Err(sp_runtime::DispatchErrorWithPostInfo {
					post_info: PostDispatchInfo {
						actual_weight: actual(e.post_info),
						pays_fee: e.post_info.pays_fee,
					},
					error: e.error,
				}),
			}
		}
	}
}
