//! The document profile: what the documents need that a checklist does not ask — the
//! issuing body and its parent, Party or state layout, place name, signers and their
//! titles, recipients, the meeting's place and times, deadlines. Filled once per team
//! (`onsite doc profile --set key=value`), kept as a small JSON object in the data dir.
//! A key that is not set leaves a dotted blank in the documents, never a guess.

use indexmap::IndexMap;

use super::layout::{Layout, clean};
use crate::lang::Lang;

/// The profile's file name in the data dir.
pub const FILE: &str = "document-profile.json";

/// The keys a profile holds, in the order they are shown.
pub const KEYS: &[&str] = &[
    "style",
    "parent",
    "issuer",
    "issuer-code",
    "team",
    "team-code",
    "place",
    "subject",
    "meeting-place",
    "meeting-start",
    "meeting-end",
    "lead-name",
    "lead-title",
    "secretary",
    "unit-signer-title",
    "unit-signer-name",
    "signer-capacity",
    "signer-title",
    "signer-name",
    "recipients",
    "report-recipients",
    "report-to",
    "deadline",
    "documents-by",
    "brief-due",
];

/// The profile: key → value, only keys of [`KEYS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    values: IndexMap<String, String>,
}

impl Profile {
    /// Reads a profile from its JSON text; `origin` names the file in the error.
    pub fn parse(text: &str, origin: &str) -> Result<Profile, String> {
        let map: IndexMap<String, serde_json::Value> = serde_json::from_str(text)
            .map_err(|e| format!("{origin}:{}:{}: {e}", e.line(), e.column()))?;
        let mut values = IndexMap::new();
        for (k, v) in map {
            if !KEYS.contains(&k.as_str()) {
                return Err(format!("{origin}: /{k}: unknown key"));
            }
            let Some(s) = v.as_str() else {
                return Err(format!("{origin}: /{k}: expected a string"));
            };
            values.insert(k, s.to_string());
        }
        Ok(Profile { values })
    }

    /// The profile as pretty JSON, keys in the order of [`KEYS`].
    pub fn to_json(&self) -> String {
        let ordered: IndexMap<&str, &str> = KEYS
            .iter()
            .filter_map(|k| self.values.get(*k).map(|v| (*k, v.as_str())))
            .collect();
        let mut s = serde_json::to_string_pretty(&ordered).unwrap_or_else(|_| "{}".into());
        s.push('\n');
        s
    }

    /// Sets a key (an empty value removes it). `Err` names a key that does not exist.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if !KEYS.contains(&key) {
            return Err(key.to_string());
        }
        if value.trim().is_empty() {
            self.values.shift_remove(key);
        } else {
            self.values
                .insert(key.to_string(), value.trim().to_string());
        }
        Ok(())
    }

    /// A value, made inert, or `None` when it is not set (or blank).
    pub fn get(&self, key: &str) -> Option<String> {
        self.values
            .get(key)
            .map(|v| clean(v))
            .filter(|v| !v.is_empty())
    }

    /// A list value: items separated by `;` (or new lines), each made inert.
    pub fn list(&self, key: &str) -> Vec<String> {
        self.values
            .get(key)
            .map(|v| split_list(v))
            .unwrap_or_default()
    }

    /// The layout the documents follow: English documents are plain; Vietnamese ones follow
    /// Hướng dẫn 36-HD/VPTW when `style` is `party` (or `đảng`), else Nghị định 30/2020.
    pub fn layout(&self, lang: Lang) -> Layout {
        if lang == Lang::En {
            return Layout::Plain;
        }
        match self.get("style").map(|s| s.to_lowercase()) {
            Some(s) if s == "party" || s == "đảng" || s == "dang" => Layout::Party,
            _ => Layout::State,
        }
    }
}

/// Items of a list typed on one line: separated by `;` or new lines, blanks dropped.
pub fn split_list(s: &str) -> Vec<String> {
    s.split([';', '\n'])
        .map(clean)
        .filter(|v| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_show_and_read_back() {
        let mut p = Profile::default();
        p.set("place", "Hà Tĩnh").unwrap();
        p.set("style", "party").unwrap();
        p.set("recipients", "Sở Nội vụ; Thường trực Tỉnh ủy;")
            .unwrap();
        assert_eq!(p.set("plaec", "x"), Err("plaec".to_string()));
        let back = Profile::parse(&p.to_json(), "p.json").unwrap();
        assert_eq!(back, p);
        assert_eq!(back.layout(Lang::Vi), Layout::Party);
        assert_eq!(back.layout(Lang::En), Layout::Plain);
        assert_eq!(
            back.list("recipients"),
            ["Sở Nội vụ", "Thường trực Tỉnh ủy"]
        );
        p.set("place", " ").unwrap();
        assert_eq!(p.get("place"), None);
    }

    #[test]
    fn bad_files_are_located() {
        let e = Profile::parse("{\"place\": 3}", "p.json").unwrap_err();
        assert!(e.contains("/place"), "{e}");
        let e = Profile::parse("{\"nope\": \"x\"}", "p.json").unwrap_err();
        assert!(e.contains("/nope") && e.contains("unknown"), "{e}");
        let e = Profile::parse("{\n\"place\": ", "p.json").unwrap_err();
        assert!(e.starts_with("p.json:2:"), "{e}");
    }
}
