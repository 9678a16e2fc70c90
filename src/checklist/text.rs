//! Localised text: a plain string, or a map of language code → string.
//!
//! Shown in the UI language, falling back to the first language given. A checklist holds a
//! great many texts of two or three languages each, so a text is one allocation: the plain
//! string itself, or its entries run together as `\u{1}code\u{2}text` (`\u{1}` alone for an
//! empty map). The two separators are control characters that sanitising drops anyway;
//! they are dropped from the text as it is read, so they never clash.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::de::{Error, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Starts a language entry (and marks a text as localised).
const ENTRY: char = '\u{1}';
/// Ends the language code of an entry.
const CODE_END: char = '\u{2}';

/// A text field of a checklist: `"..."` or `{"vi": "...", "en": "..."}`.
#[derive(Clone, PartialEq, Eq)]
pub struct Text(Box<str>);

/// The shape of [`Text`] in the JSON Schema.
mod shape {
    use indexmap::IndexMap;
    use schemars::JsonSchema;

    /// A text field of a checklist: `"..."` or `{"vi": "...", "en": "..."}`.
    #[derive(JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)]
    pub enum Text {
        /// The same text in every language.
        Plain(String),
        /// Language code (`vi`, `en`, …) → text; the first entry is the fallback.
        Localized(IndexMap<String, String>),
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        shape::Text::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        shape::Text::json_schema(generator)
    }
}

/// `s` without the separators (borrowed when it has none, as nearly every text).
fn without_separators(s: &str) -> Cow<'_, str> {
    if memchr::memchr2(ENTRY as u8, CODE_END as u8, s.as_bytes()).is_some() {
        Cow::Owned(s.replace([ENTRY, CODE_END], ""))
    } else {
        Cow::Borrowed(s)
    }
}

impl Text {
    /// The same text in every language.
    pub fn plain(s: &str) -> Text {
        Text(without_separators(s).into())
    }

    /// Whether the text is a language map (rather than one plain string).
    pub fn is_localized(&self) -> bool {
        self.0.starts_with(ENTRY)
    }

    /// The (language code, text) entries of a localised text, in order; none for a plain one.
    fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        entries_of(&self.0)
    }

    /// The text in `lang`, else the first language given, else "".
    pub fn get(&self, lang: &str) -> &str {
        if !self.is_localized() {
            return &self.0;
        }
        let mut first = None;
        for (code, text) in self.entries() {
            if code == lang {
                return text;
            }
            first.get_or_insert(text);
        }
        first.unwrap_or("")
    }

    /// Every variant of the text (for search across languages).
    pub fn all(&self) -> Vec<&str> {
        if self.is_localized() {
            self.entries().map(|(_, t)| t).collect()
        } else {
            vec![&self.0]
        }
    }

    /// Whether the text is empty in every language.
    pub fn is_empty(&self) -> bool {
        if self.is_localized() {
            self.entries().all(|(_, t)| t.trim().is_empty())
        } else {
            self.0.trim().is_empty()
        }
    }

    /// The languages this text is given in (empty for a plain string).
    pub fn languages(&self) -> Vec<&str> {
        self.entries().map(|(code, _)| code).collect()
    }

    /// Replaces every string for which `f` gives a replacement (used to sanitise text on
    /// load); a text `f` leaves alone is not rebuilt.
    pub fn edit_strings(&mut self, f: &dyn Fn(&str) -> Option<String>) {
        if !self.is_localized() {
            if let Some(new) = f(&self.0) {
                *self = Text::plain(&new);
            }
            return;
        }
        // Nearly always nothing changes: rebuild only from the first entry that does.
        let Some(first) = self.entries().position(|(_, t)| f(t).is_some()) else {
            return;
        };
        let mut buf = String::from(ENTRY);
        for (k, (code, text)) in self.entries().enumerate() {
            let new = if k < first { None } else { f(text) };
            // The codes were unique before; only the texts change.
            let _ = push_entry(&mut buf, code, new.as_deref().unwrap_or(text));
        }
        self.0 = buf.into_boxed_str();
    }
}

/// The entries of an encoded text (none for a plain one).
fn entries_of(encoded: &str) -> impl Iterator<Item = (&str, &str)> {
    let body = encoded.strip_prefix(ENTRY).unwrap_or("");
    body.split(ENTRY).filter_map(|e| e.split_once(CODE_END))
}

/// Appends an entry to an encoded localised text; `None` if it already has the language.
fn push_entry(buf: &mut String, code: &str, text: &str) -> Option<()> {
    let code = without_separators(code);
    if entries_of(buf).any(|(c, _)| c == code) {
        return None;
    }
    let text = without_separators(text);
    buf.reserve_exact(code.len() + text.len() + 2);
    if buf.len() > 1 {
        buf.push(ENTRY);
    }
    buf.push_str(&code);
    buf.push(CODE_END);
    buf.push_str(&text);
    Some(())
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.is_localized() {
            f.debug_map().entries(self.entries()).finish()
        } else {
            fmt::Debug::fmt(&self.0, f)
        }
    }
}

/// Written as the string or JSON object it was read from.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !self.is_localized() {
            return s.serialize_str(&self.0);
        }
        let mut map = s.serialize_map(Some(self.entries().count()))?;
        for (k, v) in self.entries() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A string borrowed from the input when it can be (no escapes), else owned.
struct Piece<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Piece<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PieceVisitor;
        impl<'de> Visitor<'de> for PieceVisitor {
            type Value = Piece<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: Error>(self, s: &'de str) -> Result<Piece<'de>, E> {
                Ok(Piece(Cow::Borrowed(s)))
            }
            fn visit_str<E: Error>(self, s: &str) -> Result<Piece<'de>, E> {
                Ok(Piece(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: Error>(self, s: String) -> Result<Piece<'de>, E> {
                Ok(Piece(Cow::Owned(s)))
            }
        }
        d.deserialize_str(PieceVisitor)
    }
}

/// Reads a string or a language map directly (faster than an untagged enum, which
/// buffers every value), refusing a language given twice.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text: a string, or an object of language → string like {\"vi\": \"...\", \"en\": \"...\"}",
                )
            }
            fn visit_str<E: Error>(self, s: &str) -> Result<Text, E> {
                Ok(Text::plain(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                // Borrowed pieces first (a few in place, more in a list), then the text in
                // one allocation of the right size.
                let mut few: [Option<(Piece, Piece)>; 4] = [None, None, None, None];
                let mut more = Vec::new();
                let mut count = 0;
                while let Some(entry) = m.next_entry::<Piece, Piece>()? {
                    match few.get_mut(count) {
                        Some(slot) => *slot = Some(entry),
                        None => more.push(entry),
                    }
                    count += 1;
                }
                let entries = || few.iter().flatten().chain(&more);
                let size: usize = entries().map(|(k, v)| k.0.len() + v.0.len() + 2).sum();
                let mut buf = String::with_capacity(size.max(1));
                buf.push(ENTRY);
                for (k, v) in entries() {
                    if push_entry(&mut buf, &k.0, &v.0).is_none() {
                        let k = &k.0;
                        return Err(A::Error::custom(format!("language \"{k}\" is given twice")));
                    }
                }
                Ok(Text(buf.into_boxed_str()))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::plain(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_first_language() {
        let t: Text = serde_json::from_str(r#"{"vi": "Có", "en": "Yes"}"#).unwrap();
        assert_eq!(t.get("en"), "Yes");
        assert_eq!(t.get("vi"), "Có");
        assert_eq!(t.get("fr"), "Có");
        assert_eq!(t.languages(), ["vi", "en"]);
        let p: Text = serde_json::from_str(r#""Ban Chỉ đạo""#).unwrap();
        assert_eq!(p.get("en"), "Ban Chỉ đạo");
        assert!(p.languages().is_empty());
    }

    #[test]
    fn writes_what_it_read() {
        for json in [
            r#""Ban Chỉ đạo""#,
            r#"{"vi":"Có","en":"Yes"}"#,
            r#"{"en":"","vi":"Không"}"#,
            r#"{}"#,
            r#""""#,
        ] {
            let t: Text = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&t).unwrap(), json);
        }
        let empty: Text = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty() && empty.languages().is_empty());
        assert_eq!(empty.get("vi"), "");
    }

    #[test]
    fn separators_in_the_input_are_dropped_and_cannot_forge_entries() {
        let t: Text = serde_json::from_str(r#"{"vi": "a\u0001en\u0002b", "en": "c"}"#).unwrap();
        assert_eq!(t.languages(), ["vi", "en"]);
        assert_eq!(t.get("vi"), "aenb");
        assert_eq!(t.get("en"), "c");
        let p: Text = serde_json::from_str(r#""\u0001en\u0002x""#).unwrap();
        assert!(p.languages().is_empty());
        assert_eq!(p.get("en"), "enx");
    }

    #[test]
    fn a_language_given_twice_is_refused() {
        let e = serde_json::from_str::<Text>(r#"{"vi": "a", "vi": "b"}"#).unwrap_err();
        assert!(
            e.to_string().contains("language \"vi\" is given twice"),
            "{e}"
        );
    }

    #[test]
    fn edits_only_what_changes() {
        let mut t: Text = serde_json::from_str(r#"{"vi": "Có", "en": "Y\u001bes"}"#).unwrap();
        t.edit_strings(&|s| s.contains('\u{1b}').then(|| s.replace('\u{1b}', "")));
        assert_eq!(t.get("en"), "Yes");
        assert_eq!(t.get("vi"), "Có");
        let mut p = Text::plain("a\u{1b}b");
        p.edit_strings(&|s| Some(s.replace('\u{1b}', "")));
        assert_eq!(p.get("vi"), "ab");
    }
}
