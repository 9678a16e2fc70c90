//! Localised text: a plain string, or a map of language code → string.
//!
//! Shown in the UI language, falling back to the first language given.

use std::fmt;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::de::{Error, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text field of a checklist: `"..."` or `{"vi": "...", "en": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Language code (`vi`, `en`, …) → text; the first entry is the fallback.
    Localized(#[schemars(with = "IndexMap<String, String>")] Langs),
}

/// The texts of a localised text in the order given: (language code, text). A short list,
/// not a hash table: a checklist holds a great many texts of two or three languages each.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Langs(pub Vec<(String, String)>);

impl Langs {
    /// The text in `lang`.
    pub fn get(&self, lang: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| k == lang).map(|(_, v)| v)
    }

    /// The texts, in order.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The texts, in order, to change them.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    /// The language codes, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

/// Written as the JSON object it was read from.
impl Serialize for Langs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Text {
    /// The text in `lang`, else the first language given, else "".
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(lang)
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Every variant of the text (for search across languages).
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s.as_str()],
            Text::Localized(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// Whether the text is empty in every language.
    pub fn is_empty(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Localized(map) => map.values().all(|s| s.trim().is_empty()),
        }
    }

    /// The languages this text is given in (empty for a plain string).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Localized(map) => map.keys().map(String::as_str).collect(),
        }
    }

    /// Applies `f` to every string (used to sanitise text on load).
    pub fn map_strings(&mut self, f: &dyn Fn(&str) -> String) {
        self.edit_strings(&mut |s| *s = f(s));
    }

    /// Lets `f` change every string in place.
    pub fn edit_strings(&mut self, f: &mut dyn FnMut(&mut String)) {
        match self {
            Text::Plain(s) => f(s),
            Text::Localized(map) => map.values_mut().for_each(f),
        }
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
                Ok(Text::Plain(s.to_owned()))
            }
            fn visit_string<E: Error>(self, s: String) -> Result<Text, E> {
                Ok(Text::Plain(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let mut list: Vec<(String, String)> = Vec::with_capacity(2);
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    if list.iter().any(|(seen, _)| *seen == k) {
                        return Err(A::Error::custom(format!("language \"{k}\" is given twice")));
                    }
                    list.push((k, v));
                }
                list.shrink_to_fit();
                Ok(Text::Localized(Langs(list)))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
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
        let p: Text = serde_json::from_str(r#""Ban Chỉ đạo""#).unwrap();
        assert_eq!(p.get("en"), "Ban Chỉ đạo");
    }
}
