//! Output: chain values as JSON (for `--json`) and JSON as human-readable tables.
//!
//! A decoded SCALE value becomes JSON by its shape and type: accounts as SS58 addresses, 32-byte
//! hashes as `0x` hex, byte strings as text when they are printable ASCII (codes, references) and
//! as hex otherwise, `Option` as the value or `null`, newtypes as their content, enum variants
//! without fields as their name and with fields as `{"Variant": ...}`, integers as numbers (as
//! strings beyond 64 bits).

use scale_info::{PortableRegistry, TypeDef, TypeDefPrimitive};
use serde_json::{json, Map, Value as Json};
use subxt::ext::scale_value::{Composite, Primitive, Value, ValueDef};

/// The JSON form of a value decoded with type ids from `types`.
pub fn to_json(value: &Value<u32>, types: &PortableRegistry) -> Json {
	let ty = types.resolve(value.context);
	let last = ty.and_then(|t| t.path.segments.last()).map(String::as_str);
	if let Some(bytes) = bytes_of(value, types) {
		return match last {
			Some("AccountId32") if bytes.len() == 32 => {
				let mut id = [0u8; 32];
				id.copy_from_slice(&bytes);
				Json::String(subxt::utils::AccountId32(id).to_string())
			}
			Some("H256") => Json::String(hex(&bytes)),
			_ => text_or_hex(&bytes),
		};
	}
	match &value.value {
		ValueDef::Composite(c) => match ty.map(|t| &t.type_def) {
			// Lists stay lists, also with one element.
			Some(TypeDef::Sequence(_) | TypeDef::Array(_)) => {
				Json::Array(c.values().map(|v| to_json(v, types)).collect())
			}
			_ => composite(c, types),
		},
		ValueDef::Variant(v) => match (v.name.as_str(), &v.values) {
			("None", c) if c.is_empty() => Json::Null,
			("Some", Composite::Unnamed(vs)) if vs.len() == 1 => to_json(&vs[0], types),
			(name, c) if c.is_empty() => Json::String(name.to_string()),
			(name, c) => json!({ name: composite(c, types) }),
		},
		ValueDef::Primitive(p) => match p {
			Primitive::Bool(b) => Json::Bool(*b),
			Primitive::Char(c) => Json::String(c.to_string()),
			Primitive::String(s) => Json::String(s.clone()),
			Primitive::U128(n) => number(*n),
			Primitive::I128(n) => i64::try_from(*n).map(Json::from).unwrap_or(json!(n.to_string())),
			Primitive::U256(b) | Primitive::I256(b) => Json::String(hex(b)),
		},
		ValueDef::BitSequence(bits) => {
			Json::String(bits.iter().map(|b| if b { '1' } else { '0' }).collect())
		}
	}
}

/// An unsigned integer: a number, or a string beyond 64 bits (amounts in plancks).
pub fn number(n: u128) -> Json {
	u64::try_from(n).map(Json::from).unwrap_or_else(|_| json!(n.to_string()))
}

fn composite(c: &Composite<u32>, types: &PortableRegistry) -> Json {
	match c {
		Composite::Named(fields) => {
			let mut map = Map::new();
			for (name, v) in fields {
				map.insert(name.clone(), to_json(v, types));
			}
			Json::Object(map)
		}
		Composite::Unnamed(vs) if vs.len() == 1 => to_json(&vs[0], types),
		Composite::Unnamed(vs) => Json::Array(vs.iter().map(|v| to_json(v, types)).collect()),
	}
}

/// The bytes of a `Vec<u8>` / `[u8; N]` value (through newtypes).
fn bytes_of(value: &Value<u32>, types: &PortableRegistry) -> Option<Vec<u8>> {
	let is_u8 = |id: u32| {
		matches!(
			types.resolve(id).map(|t| &t.type_def),
			Some(TypeDef::Primitive(TypeDefPrimitive::U8))
		)
	};
	let ty = types.resolve(value.context)?;
	let elements_are_u8 = match &ty.type_def {
		TypeDef::Sequence(s) => is_u8(s.type_param.id),
		TypeDef::Array(a) => is_u8(a.type_param.id),
		TypeDef::Composite(_) => {
			// A newtype around bytes (H256, AccountId32, BoundedVec, codes).
			if let ValueDef::Composite(Composite::Unnamed(vs)) = &value.value {
				if vs.len() == 1 {
					return bytes_of(&vs[0], types);
				}
			}
			return None;
		}
		_ => false,
	};
	if !elements_are_u8 {
		return None;
	}
	let ValueDef::Composite(c) = &value.value else { return None };
	c.values()
		.map(|v| match v.value {
			ValueDef::Primitive(Primitive::U128(n)) => u8::try_from(n).ok(),
			_ => None,
		})
		.collect()
}

/// Printable ASCII as text, anything else as `0x` hex.
pub fn text_or_hex(bytes: &[u8]) -> Json {
	if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
		Json::String(String::from_utf8_lossy(bytes).into_owned())
	} else {
		Json::String(hex(bytes))
	}
}

/// `0x` and lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

/// Writes `value` to stdout: JSON with `--json`, else a table (arrays of objects) or
/// `key: value` lines (nested keys joined with dots).
pub fn print(value: &Json, as_json: bool) {
	if as_json {
		println!("{}", serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string()));
		return;
	}
	match value {
		Json::Array(rows) if !rows.is_empty() && rows.iter().all(Json::is_object) => table(rows),
		Json::Array(rows) if rows.is_empty() => println!("(none)"),
		Json::Object(_) | Json::Array(_) => {
			let mut lines = Vec::new();
			flatten("", value, &mut lines);
			let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
			for (k, v) in lines {
				println!("{k:<width$}  {v}");
			}
		}
		Json::Null => println!("(none)"),
		other => println!("{}", scalar(other)),
	}
}

fn scalar(v: &Json) -> String {
	match v {
		Json::String(s) => s.clone(),
		Json::Null => "-".into(),
		other => other.to_string(),
	}
}

fn flatten(prefix: &str, value: &Json, out: &mut Vec<(String, String)>) {
	let key = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
	match value {
		Json::Object(map) if !map.is_empty() => {
			for (k, v) in map {
				flatten(&key(k), v, out);
			}
		}
		Json::Array(items) if !items.is_empty() => {
			for (i, v) in items.iter().enumerate() {
				flatten(&key(&i.to_string()), v, out);
			}
		}
		Json::Array(_) => out.push((prefix.to_string(), "(none)".into())),
		other => out.push((prefix.to_string(), scalar(other))),
	}
}

fn table(rows: &[Json]) {
	let mut columns: Vec<String> = Vec::new();
	for row in rows {
		if let Json::Object(map) = row {
			for k in map.keys() {
				if !columns.contains(k) {
					columns.push(k.clone());
				}
			}
		}
	}
	let cell = |row: &Json, c: &str| match row.get(c) {
		Some(v @ (Json::Object(_) | Json::Array(_))) => v.to_string(),
		Some(v) => scalar(v),
		None => "-".into(),
	};
	let widths: Vec<usize> = columns
		.iter()
		.map(|c| rows.iter().map(|r| cell(r, c).chars().count()).max().unwrap_or(0).max(c.len()))
		.collect();
	let line = |cells: Vec<String>| {
		let parts: Vec<String> =
			cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
		println!("{}", parts.join("  ").trim_end());
	};
	line(columns.clone());
	line(widths.iter().map(|w| "-".repeat(*w)).collect());
	for row in rows {
		line(columns.iter().map(|c| cell(row, c)).collect());
	}
}
