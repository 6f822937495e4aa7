//! The operational unit (TRD) and what storage costs.
//!
//! TRD has 12 decimals. It is allocated to participants by governance and pays fees and
//! deposits; nobody needs to buy it on a market. Deposits are held (fungible holds) for as long as
//! a record stays in state and returned when it goes.

use crate::Balance;

/// One TRD.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a TRD.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a TRD.
pub const MICRO_UNIT: Balance = MILLI_UNIT / 1_000;

/// The minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Deposit for `items` storage items occupying `bytes` bytes: 0.02 TRD per item and 0.0001 TRD
/// per byte.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance) * 20 * MILLI_UNIT + (bytes as Balance) * 100 * MICRO_UNIT
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn deposits_grow_with_items_and_bytes() {
		assert_eq!(deposit(0, 0), 0);
		assert_eq!(deposit(1, 0), 20 * MILLI_UNIT);
		assert_eq!(deposit(0, 10), 1_000 * MICRO_UNIT);
		// A traced item with room for 64 history events (the largest trade deposit).
		assert_eq!(deposit(65, 45_000), 1_300 * MILLI_UNIT + 4_500 * MILLI_UNIT);
	}
}
