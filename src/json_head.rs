//! Peeking at the first members of a JSON object without reading the rest: the id of a
//! checklist file before loading it, the head of a record file for a listing.
//!
//! The members are read in order until every wanted key is found or a stop key is reached
//! (the large part of the document, e.g. an embedded checklist); nothing after it is read.

use serde::de::{Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};

/// The members named in `keys` that come before any of `stop_at`, as read (absent ones
/// are missing from the map). Text that is not a JSON object gives an empty map; a syntax
/// error ends the reading, keeping what was found before it.
pub fn read<'de, D: Deserializer<'de>>(
    d: D,
    keys: &[&str],
    stop_at: &[&str],
) -> Map<String, Value> {
    struct Peek<'a> {
        keys: &'a [&'a str],
        stop_at: &'a [&'a str],
        found: &'a mut Map<String, Value>,
    }
    impl<'de> Visitor<'de> for Peek<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
            while let Some(key) = m.next_key::<String>()? {
                if self.stop_at.contains(&key.as_str()) {
                    break;
                }
                if self.keys.contains(&key.as_str()) && !self.found.contains_key(&key) {
                    let value = m.next_value::<Value>()?;
                    self.found.insert(key, value);
                } else {
                    m.next_value::<IgnoredAny>()?;
                }
                if self.found.len() == self.keys.len() {
                    break;
                }
            }
            // Stop here: an error ends the parse, what was found is kept.
            Err(A::Error::custom("done"))
        }
    }
    let mut found = Map::new();
    let _ = d.deserialize_map(Peek {
        keys,
        stop_at,
        found: &mut found,
    });
    found
}

/// [`read`] from text (a byte-order mark is skipped).
pub fn read_str(text: &str, keys: &[&str], stop_at: &[&str]) -> Map<String, Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    read(
        &mut serde_json::Deserializer::from_slice(text.as_bytes()),
        keys,
        stop_at,
    )
}

/// [`read`] from an open file, buffered (a byte-order mark is skipped).
pub fn read_file(file: std::fs::File, keys: &[&str], stop_at: &[&str]) -> Map<String, Value> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::new(file);
    if reader
        .fill_buf()
        .is_ok_and(|b| b.starts_with(b"\xEF\xBB\xBF"))
    {
        reader.consume(3);
    }
    read(
        &mut serde_json::Deserializer::from_reader(reader),
        keys,
        stop_at,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_wanted_members_and_nothing_after_the_stop_key() {
        // What follows the stop key is not even valid JSON: it is never read.
        let text =
            r#"{"format": "x/1", "skip": [1, {"id": "no"}], "id": "sở-tttt", "big": {"a": !!!"#;
        let head = read_str(text, &["id", "format", "after"], &["big"]);
        assert_eq!(head.get("id"), Some(&Value::from("sở-tttt")));
        assert_eq!(head.get("format"), Some(&Value::from("x/1")));
        assert_eq!(head.len(), 2);
    }

    #[test]
    fn stops_once_every_key_is_found_and_skips_a_byte_order_mark() {
        let text = "\u{feff}{\"id\": \"kiểm-tra\", \"rest\": tru";
        let head = read_str(text, &["id"], &[]);
        assert_eq!(head.get("id"), Some(&Value::from("kiểm-tra")));
        assert!(read_str("[1, 2]", &["id"], &[]).is_empty());
        assert!(read_str("{\"id\" 3}", &["id"], &[]).is_empty());
    }
}
