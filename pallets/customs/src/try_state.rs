//! Invariants of the customs pallet, checked by `try_state` (try-runtime) and after every unit
//! test.

use frame_support::ensure;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

use crate::{
	BalanceOf, Channel, Config, Declarations, MirrorOf, NextDeclarationId, Pallet, Payment,
	RuleSets, Selection, Stage, Stats,
};

impl<T: Config> Pallet<T> {
	/// - Rule sets have yellow at or below red and a rate of at most 1000 per mille.
	/// - Declarations: ids below the next id; the duty is the sum of the line duties, one per
	///   line; no duty, no payment due; a selected declaration is red; a released one had its draw.
	/// - Mirror links point from an export to an import naming it.
	/// - Per office, the channel counters add up to the lodged count.
	/// - Declarations awaiting their draw exist, are pending and are listed in lodging order.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (_, set) in RuleSets::<T>::iter() {
			ensure!(set.yellow_from <= set.red_from, "yellow threshold above red");
			ensure!(set.random_per_mille <= 1000, "random rate above 1000 per mille");
		}
		let next = NextDeclarationId::<T>::get();
		let pending = Self::pending_draws();
		ensure!(pending.windows(2).all(|w| w[0] < w[1]), "draw list not in lodging order");
		for id in pending.iter() {
			let d = Declarations::<T>::get(id).ok_or("pending declaration missing")?;
			ensure!(d.assessment.selection == Selection::Pending, "queued but not pending");
		}
		for (id, d) in Declarations::<T>::iter() {
			ensure!(id < next, "declaration id not below the next id");
			ensure!(d.duties.len() == d.details.lines.len(), "one duty per line");
			let sum =
				d.duties.iter().fold(BalanceOf::<T>::zero(), |s, l| s.saturating_add(l.amount));
			ensure!(sum == d.duty, "duty is not the sum of the lines");
			if d.duty.is_zero() {
				ensure!(d.payment == Payment::NotDue, "payment due without duty");
			}
			if d.assessment.selection == Selection::Selected {
				ensure!(d.assessment.channel == Channel::Red, "selected but not red");
			}
			if matches!(d.stage, Stage::Released { .. }) {
				ensure!(d.assessment.selection != Selection::Pending, "released before the draw");
				ensure!(d.payment != Payment::Due, "released with duty due");
			}
		}
		for (export, import) in MirrorOf::<T>::iter() {
			if let Some(d) = Declarations::<T>::get(import) {
				ensure!(d.details.export_declaration == Some(export), "mirror link not named");
			}
		}
		for (_, _, s) in Stats::<T>::iter() {
			let channels = s.channels.iter().fold(0u32, |a, c| a.saturating_add(*c));
			ensure!(channels == s.lodged, "channel counters do not add up to the lodged count");
		}
		Ok(())
	}
}
