//! Timestamps: milliseconds since the Unix epoch (UTC) to and from ISO 8601 / RFC 3339 text.

use crate::pyfmt::round_half_even_thousand;

const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
	let y = if m <= 2 { y - 1 } else { y };
	let era = y.div_euclid(400);
	let yoe = y - era * 400;
	let mp = (m as i64 + 9) % 12;
	let doy = (153 * mp + 2) / 5 + d as i64 - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	era * 146_097 + doe - 719_468
}

/// The date of a day number (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
	let z = z + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
	let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
	(yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
	match m {
		1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
		4 | 6 | 9 | 11 => 30,
		_ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
		_ => 28,
	}
}

/// `YYYY-MM-DDTHH:MM:SS.mmm` of a millisecond timestamp, in UTC.
fn format_naive(ms: i64) -> String {
	let days = ms.div_euclid(MS_PER_DAY);
	let in_day = ms.rem_euclid(MS_PER_DAY);
	let (y, m, d) = civil_from_days(days);
	let (h, rest) = (in_day / 3_600_000, in_day % 3_600_000);
	let (min, rest) = (rest / 60_000, rest % 60_000);
	let (s, milli) = (rest / 1000, rest % 1000);
	format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}")
}

/// The reference's canonical time: UTC, millisecond precision, `Z`.
pub(crate) fn format_utc(ms: i64) -> String {
	format!("{}Z", format_naive(ms))
}

/// `+HH:MM` / `-HH:MM` of an offset in minutes.
pub(crate) fn format_offset(minutes: i16) -> String {
	let sign = if minutes < 0 { '-' } else { '+' };
	let abs = minutes.unsigned_abs();
	format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// The local time at `offset` minutes east of UTC, with that offset (`Z` for zero).
pub(crate) fn format_local(ms: i64, offset: i16) -> String {
	let local = format_naive(ms + i64::from(offset) * 60_000);
	if offset == 0 {
		format!("{local}Z")
	} else {
		format!("{local}{}", format_offset(offset))
	}
}

/// An `eventTimeZoneOffset`: `+HH:MM` or `-HH:MM` between -14:00 and +14:00, as the EPCIS 2.0
/// JSON schema requires. `-00:00` is refused: the model keeps minutes, which cannot tell it from
/// `+00:00`, and the event hash would differ.
pub(crate) fn parse_offset(s: &str) -> Result<i16, String> {
	let b = s.as_bytes();
	let shape = b.len() == 6
		&& (b[0] == b'+' || b[0] == b'-')
		&& b[1].is_ascii_digit()
		&& b[2].is_ascii_digit()
		&& b[3] == b':'
		&& b[4].is_ascii_digit()
		&& b[5].is_ascii_digit();
	if !shape {
		return Err(format!("`{s}` is not a time zone offset of the form +HH:MM or -HH:MM"));
	}
	let h = i16::from(b[1] - b'0') * 10 + i16::from(b[2] - b'0');
	let m = i16::from(b[4] - b'0') * 10 + i16::from(b[5] - b'0');
	if m > 59 || h > 14 || (h == 14 && m != 0) {
		return Err(format!("time zone offset `{s}` is outside -14:00..+14:00"));
	}
	if b[0] == b'-' && h == 0 && m == 0 {
		return Err("time zone offset `-00:00` is not supported (only `+00:00`)".to_string());
	}
	let v = h * 60 + m;
	Ok(if b[0] == b'-' { -v } else { v })
}

/// An RFC 3339 date-time (`T`, `t` or a space between date and time; `Z`, `z`, `±HH:MM`, `±HHMM`
/// or `±HH` as offset) to milliseconds since the epoch, rounded as the reference does: the
/// fraction is cut to microseconds, then rounded to milliseconds half to even.
pub(crate) fn parse_datetime(s: &str) -> Result<i64, String> {
	let bad = || {
		format!("`{s}` is not an RFC 3339 date-time with a time zone (e.g. 2024-03-01T10:00:00.000+03:00)")
	};
	let b = s.as_bytes();
	let digits = |range: std::ops::Range<usize>| -> Option<u32> {
		let part = b.get(range)?;
		if part.iter().all(u8::is_ascii_digit) {
			Some(part.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
		} else {
			None
		}
	};
	if b.len() < 20
		|| b[4] != b'-'
		|| b[7] != b'-'
		|| !matches!(b[10], b'T' | b't' | b' ')
		|| b[13] != b':'
		|| b[16] != b':'
	{
		return Err(bad());
	}
	let (year, month, day) = (
		digits(0..4).ok_or_else(bad)?,
		digits(5..7).ok_or_else(bad)?,
		digits(8..10).ok_or_else(bad)?,
	);
	let (hour, minute, second) = (
		digits(11..13).ok_or_else(bad)?,
		digits(14..16).ok_or_else(bad)?,
		digits(17..19).ok_or_else(bad)?,
	);
	let mut i = 19;
	let mut micros = 0u32;
	if b[i] == b'.' {
		i += 1;
		let start = i;
		while i < b.len() && b[i].is_ascii_digit() {
			i += 1;
		}
		if i == start {
			return Err(bad());
		}
		// Python's dateutil keeps six digits: truncate, then pad.
		let frac = &s[start..i.min(start + 6)];
		micros = frac.parse::<u32>().map_err(|_| bad())? * 10u32.pow(6 - frac.len() as u32);
	}
	let offset_minutes: i64 = match &b[i..] {
		[b'Z'] | [b'z'] => 0,
		[sign @ (b'+' | b'-'), rest @ ..] => {
			let o = i + 1;
			let (h, m) = match rest.len() {
				2 => (digits(o..o + 2), Some(0)),
				4 => (digits(o..o + 2), digits(o + 2..o + 4)),
				5 if rest[2] == b':' => (digits(o..o + 2), digits(o + 3..o + 5)),
				_ => (None, None),
			};
			let (h, m) = (h.ok_or_else(bad)?, m.ok_or_else(bad)?);
			if h > 23 || m > 59 {
				return Err(format!("`{s}` has an invalid time zone offset"));
			}
			let v = i64::from(h * 60 + m);
			if *sign == b'-' {
				-v
			} else {
				v
			}
		}
		_ => return Err(bad()),
	};
	if year == 0
		|| !(1..=12).contains(&month)
		|| day == 0
		|| day > days_in_month(year.into(), month)
	{
		return Err(format!("`{s}` is not a valid date (years 0001-9999)"));
	}
	if hour > 23 || minute > 59 || second > 59 {
		return Err(format!("`{s}` is not a valid time of day (leap seconds are not supported)"));
	}
	let millis = i64::from(round_half_even_thousand(micros) / 1000);
	let days = days_from_civil(year.into(), month, day);
	let local = days * MS_PER_DAY
		+ i64::from(hour) * 3_600_000
		+ i64::from(minute) * 60_000
		+ i64::from(second) * 1000
		+ millis;
	Ok(local - offset_minutes * 60_000)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
	const MIN_MILLIS: i64 = -62_135_596_800_000;
	const MAX_MILLIS: i64 = 253_402_300_799_999;

	#[test]
	fn round_trips() {
		for ms in [0, 1, -1, 1_709_280_000_500, MIN_MILLIS, MAX_MILLIS, 951_782_400_000] {
			assert_eq!(parse_datetime(&format_utc(ms)), Ok(ms));
			if ms == MIN_MILLIS || ms == MAX_MILLIS {
				continue; // local times at the edges fall outside 0001..9999
			}
			for off in [0i16, 180, -330, 840, -840] {
				assert_eq!(parse_datetime(&format_local(ms, off)), Ok(ms), "{ms} {off}");
			}
		}
		assert_eq!(format_utc(MIN_MILLIS), "0001-01-01T00:00:00.000Z");
		assert_eq!(format_utc(MAX_MILLIS), "9999-12-31T23:59:59.999Z");
	}

	#[test]
	fn parses_like_the_reference() {
		let p = |s: &str| format_utc(parse_datetime(s).unwrap());
		assert_eq!(p("2020-01-01T00:00:00.1234567Z"), "2020-01-01T00:00:00.123Z");
		assert_eq!(p("2020-01-01T00:00:00.0015Z"), "2020-01-01T00:00:00.002Z");
		assert_eq!(p("2020-01-01T00:00:00.0025Z"), "2020-01-01T00:00:00.002Z");
		assert_eq!(p("2020-01-01T00:00:00.9994999+01:00"), "2019-12-31T23:00:00.999Z");
		assert_eq!(p("2020-01-01T00:00:00.5-00:30"), "2020-01-01T00:30:00.500Z");
		assert_eq!(p("2020-01-01 00:00:00+0130"), "2019-12-31T22:30:00.000Z");
		for bad in [
			"2020-02-30T00:00:00Z",
			"2020-01-01T00:00:00",
			"2020-01-01T24:00:00Z",
			"2020-01-01T23:59:60Z",
			"0000-01-01T00:00:00Z",
			"2020-01-01T00:00:00.Z",
			"x",
		] {
			assert!(parse_datetime(bad).is_err(), "{bad}");
		}
	}

	#[test]
	fn offsets() {
		assert_eq!(parse_offset("+03:00"), Ok(180));
		assert_eq!(parse_offset("-05:30"), Ok(-330));
		assert_eq!(parse_offset("+14:00"), Ok(840));
		assert!(parse_offset("+14:30").is_err());
		assert!(parse_offset("-00:00").is_err());
		assert!(parse_offset("+3:00").is_err());
		assert_eq!(format_offset(-330), "-05:30");
		assert_eq!(format_offset(0), "+00:00");
	}
}
