//! The few pieces of Python semantics that the reference hash generator's canonical forms rely on:
//! `str.strip()`, `float(str)`, `int(float)`/`repr(float)` and `round(int, -3)`.

/// The characters Python's `str.isspace()` accepts, which `str.strip()` removes (Rust's
/// `char::is_whitespace` differs: it lacks U+001C..U+001F).
fn is_py_space(c: char) -> bool {
	matches!(
		c,
		'\t' | '\n' | '\u{0b}' | '\u{0c}' | '\r' | '\u{1c}'..='\u{1f}' | ' ' | '\u{85}' | '\u{a0}'
			| '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}'
			| '\u{205f}' | '\u{3000}'
	)
}

/// Python's `s.strip()`.
pub(crate) fn py_strip(s: &str) -> &str {
	s.trim_matches(is_py_space)
}

/// Python's `float(s)` for ASCII input: `None` where Python raises `ValueError`.
///
/// Accepts what Python accepts: surrounding whitespace, a sign, digits with single underscores
/// between digits (PEP 515), an optional fraction and exponent, `inf`/`infinity`/`nan` in any
/// case. Non-ASCII decimal digits, which Python also accepts, are not (documented divergence).
pub(crate) fn py_float(s: &str) -> Option<f64> {
	let s = py_strip(s);
	let (negative, body) = match s.as_bytes().first() {
		Some(b'+') => (false, &s[1..]),
		Some(b'-') => (true, &s[1..]),
		_ => (false, s),
	};
	let lower = body.to_ascii_lowercase();
	let special = match lower.as_str() {
		"inf" | "infinity" => Some(f64::INFINITY),
		"nan" => Some(f64::NAN),
		_ => None,
	};
	if let Some(v) = special {
		return Some(if negative { -v } else { v });
	}
	let bytes = body.as_bytes();
	let mut i = 0;
	// digitpart: digit (["_"] digit)*; returns the digits without underscores.
	let digitpart = |i: &mut usize| -> Option<String> {
		let start = *i;
		let mut out = String::new();
		while *i < bytes.len() {
			let c = bytes[*i];
			if c.is_ascii_digit() {
				out.push(c as char);
				*i += 1;
			} else if c == b'_' && *i > start && bytes[*i - 1].is_ascii_digit() {
				if *i + 1 < bytes.len() && bytes[*i + 1].is_ascii_digit() {
					*i += 1;
				} else {
					return None;
				}
			} else {
				break;
			}
		}
		Some(out)
	};
	let int_part = digitpart(&mut i)?;
	let mut frac_part = String::new();
	if i < bytes.len() && bytes[i] == b'.' {
		i += 1;
		if i < bytes.len() && bytes[i] == b'_' {
			return None;
		}
		frac_part = digitpart(&mut i)?;
	}
	if int_part.is_empty() && frac_part.is_empty() {
		return None;
	}
	let mut exp_part = String::new();
	if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
		i += 1;
		if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
			exp_part.push(bytes[i] as char);
			i += 1;
		}
		if i >= bytes.len() || !bytes[i].is_ascii_digit() {
			return None;
		}
		exp_part.push_str(&digitpart(&mut i)?);
	}
	if i != bytes.len() {
		return None;
	}
	let mut text = String::with_capacity(body.len() + 4);
	if negative {
		text.push('-');
	}
	text.push_str(if int_part.is_empty() { "0" } else { &int_part });
	if !frac_part.is_empty() {
		text.push('.');
		text.push_str(&frac_part);
	}
	if !exp_part.is_empty() {
		text.push('e');
		text.push_str(&exp_part);
	}
	text.parse::<f64>().ok()
}

/// What the reference's `_try_format_numeric` makes of a number: `str(int(x))` when `x` is a
/// whole number, else `repr(x)`. `None` for infinities and NaN (there Python raises).
pub(crate) fn py_number(x: f64) -> Option<String> {
	if !x.is_finite() {
		return None;
	}
	if x.fract() == 0.0 {
		Some(exact_integer(x))
	} else {
		Some(py_repr(x))
	}
}

/// `repr(x)` of a finite, non-integral double: the shortest digits that round-trip, positional
/// when the decimal exponent is in -4..16, else `d.ddde-XX`.
fn py_repr(x: f64) -> String {
	// Rust's `{:e}` gives the same shortest round-trip digits as Python's repr: "d.ddde-5".
	let sci = format!("{:e}", x);
	let (mantissa, exp) = sci.split_once('e').expect("LowerExp always has an exponent");
	let exp: i32 = exp.parse().expect("LowerExp exponent is an integer");
	let (sign, mantissa) = match mantissa.strip_prefix('-') {
		Some(m) => ("-", m),
		None => ("", mantissa),
	};
	let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
	if !(-4..16).contains(&exp) {
		let mut m = digits[..1].to_string();
		if digits.len() > 1 {
			m.push('.');
			m.push_str(&digits[1..]);
		}
		let esign = if exp < 0 { '-' } else { '+' };
		return format!("{sign}{m}e{esign}{:02}", exp.abs());
	}
	// Positional: the decimal point goes after `exp + 1` digits.
	let point = exp + 1;
	let body = if point <= 0 {
		format!("0.{}{}", "0".repeat((-point) as usize), digits)
	} else if (point as usize) >= digits.len() {
		format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
	} else {
		format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
	};
	format!("{sign}{body}")
}

/// The exact decimal value of a finite whole double, as Python's `str(int(x))` prints it.
fn exact_integer(x: f64) -> String {
	if x.abs() < 9.2e18 {
		// Whole doubles below 2^63 convert to i64 exactly.
		return format!("{}", x as i64);
	}
	let bits = x.to_bits();
	let negative = bits >> 63 == 1;
	let exponent = ((bits >> 52) & 0x7ff) as i32;
	let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
	// |x| = mantissa * 2^(exponent - 1075), and |x| >= 2^63 makes that shift >= 11.
	let shift = (exponent - 1075).max(0) as u32;
	// Little-endian limbs in base 10^9.
	const BASE: u64 = 1_000_000_000;
	let mut limbs: Vec<u64> =
		vec![mantissa % BASE, (mantissa / BASE) % BASE, mantissa / BASE / BASE];
	let mut left = shift;
	while left > 0 {
		let step = left.min(30);
		left -= step;
		let mut carry = 0u64;
		for limb in limbs.iter_mut() {
			let v = (*limb << step) + carry;
			*limb = v % BASE;
			carry = v / BASE;
		}
		while carry > 0 {
			limbs.push(carry % BASE);
			carry /= BASE;
		}
	}
	while limbs.len() > 1 && *limbs.last().expect("non-empty") == 0 {
		limbs.pop();
	}
	let mut out = String::new();
	if negative {
		out.push('-');
	}
	let mut iter = limbs.iter().rev();
	out.push_str(&iter.next().expect("non-empty").to_string());
	for limb in iter {
		out.push_str(&format!("{limb:09}"));
	}
	out
}

/// Python's `round(n, -3)` for a non-negative int: to the nearest multiple of 1000, ties to even.
pub(crate) fn round_half_even_thousand(n: u32) -> u32 {
	let (q, r) = (n / 1000, n % 1000);
	let up = r > 500 || (r == 500 && q % 2 == 1);
	(q + u32::from(up)) * 1000
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn numbers_like_python() {
		let cases = [
			("1e16", "10000000000000000"),
			("1e-05", "1e-05"),
			("0.0001", "0.0001"),
			("123.4560", "123.456"),
			("-0", "0"),
			("+5", "5"),
			("1_000", "1000"),
			(" 7", "7"),
			("0.1", "0.1"),
			("100.0", "100"),
			("1.23e-7", "1.23e-07"),
			("5e-324", "5e-324"),
			("12345678901234567890", "12345678901234567168"),
			("1e22", "10000000000000000000000"),
			(
				"1e300",
				"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160",
			),
		];
		for (input, want) in cases {
			assert_eq!(py_number(py_float(input).unwrap()).unwrap(), want, "{input}");
		}
		for bad in ["0x1", "1__0", "_1", "1_", "1._5", "1e", "e5", ".", "", "1.5.2", "--1", "1 2"] {
			assert!(py_float(bad).is_none(), "{bad}");
		}
		assert!(py_float("nan").unwrap().is_nan());
		assert!(py_float("-Infinity").unwrap().is_infinite());
		assert_eq!(py_float("1_0.5_5e1_0"), Some(10.55e10));
		assert_eq!(py_float(".5"), Some(0.5));
		assert_eq!(py_float("5."), Some(5.0));
	}

	#[test]
	fn rounding_to_milliseconds() {
		assert_eq!(round_half_even_thousand(1500), 2000);
		assert_eq!(round_half_even_thousand(2500), 2000);
		assert_eq!(round_half_even_thousand(2501), 3000);
		assert_eq!(round_half_even_thousand(999_499), 999_000);
		assert_eq!(round_half_even_thousand(999_500), 1_000_000);
	}

	#[test]
	fn strip_like_python() {
		assert_eq!(py_strip("\u{1c} a b\u{3000}"), "a b");
		assert_eq!(py_strip("\u{200b}x"), "\u{200b}x");
	}
}
