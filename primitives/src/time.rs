//! The time as the trade pallets read it.

use frame_support::traits::UnixTime;
use sp_runtime::traits::Zero;

/// Milliseconds since the Unix epoch from `Time` (pallet-timestamp); zero at genesis (block 0),
/// where no time is known yet and pallet-timestamp logs an error when asked. Milliseconds fit in
/// `u64` for 584 million years.
pub fn unix_millis<T: frame_system::Config, Time: UnixTime>() -> u64 {
	if frame_system::Pallet::<T>::block_number().is_zero() {
		return 0;
	}
	Time::now().as_millis().try_into().unwrap_or(u64::MAX)
}

/// Sets the time a runtime's pallets read, for benchmarks that need time to pass.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkTime {
	/// Sets the time, in milliseconds since the Unix epoch.
	fn set_time(ms: u64);
}
