//! Localised text: a plain string, or a map of language code → string.
//!
//! Shown in the UI language, falling back to the first language given.

use std::fmt;

use indexmap::IndexMap;
use indexmap::map::Entry;
use schemars::JsonSchema;
use serde::de::{Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A text field of a checklist: `"..."` or `{"vi": "...", "en": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Language code (`vi`, `en`, …) → text; the first entry is the fallback.
    Localized(IndexMap<String, String>),
}

impl Text {
    /// The same text in every language.
    pub fn plain(s: &str) -> Text {
        Text::Plain(s.to_string())
    }

    /// Whether the text is a language map (rather than one plain string).
    pub fn is_localized(&self) -> bool {
        matches!(self, Text::Localized(_))
    }

    /// The text in `lang`, else the first language given, else "".
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(lang)
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Every variant of the text (for search across languages).
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Localized(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// Whether the text is empty in every language.
    pub fn is_empty(&self) -> bool {
        self.all().iter().all(|t| t.trim().is_empty())
    }

    /// The languages this text is given in (empty for a plain string).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Localized(map) => map.keys().map(String::as_str).collect(),
        }
    }

    /// Replaces every string for which `f` gives a replacement (used to sanitise text on
    /// load).
    pub fn edit_strings(&mut self, f: &dyn Fn(&str) -> Option<String>) {
        let strings: Vec<&mut String> = match self {
            Text::Plain(s) => vec![s],
            Text::Localized(map) => map.values_mut().collect(),
        };
        for s in strings {
            if let Some(new) = f(s) {
                *s = new;
            }
        }
    }
}

/// Reads a string or a language map, refusing a language given twice.
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
            fn visit_string<E: Error>(self, s: String) -> Result<Text, E> {
                Ok(Text::Plain(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let mut map = IndexMap::new();
                while let Some((code, text)) = m.next_entry::<String, String>()? {
                    match map.entry(code) {
                        Entry::Occupied(e) => {
                            let code = e.key();
                            return Err(A::Error::custom(format!(
                                "language \"{code}\" is given twice"
                            )));
                        }
                        Entry::Vacant(e) => {
                            e.insert(text);
                        }
                    }
                }
                Ok(Text::Localized(map))
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
