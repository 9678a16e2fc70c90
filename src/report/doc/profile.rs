//! The document profile: what the documents need that a checklist does not ask — the
//! issuing body and its parent, Party or state layout, place name, signers and their
//! titles, recipients, the meeting's place and times, deadlines. Filled once per team
//! (`onsite doc profile --set key=value`), kept as a small JSON object in the data dir.
//! A key that is not set leaves a dotted blank in the documents, never a guess.

use std::path::{Path, PathBuf};

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

/// The profile's path in a data dir.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// Reads the team's profile from a data dir (an absent file is an empty profile); the
/// error is one sentence in `lang` naming the file.
pub fn load(data_dir: &Path, lang: Lang) -> Result<Profile, String> {
    let path = path(data_dir);
    let bad = crate::i18n::doc::text(lang).bad_profile;
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            Profile::parse(&text, &path.display().to_string()).map_err(|e| format!("{bad}: {e}"))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Profile::default()),
        Err(e) => Err(format!("{bad} {}: {e}", path.display())),
    }
}

/// Writes the profile into a data dir, atomically (the one way it is saved, from
/// `onsite doc profile --set` and from the form on the start screen); its path, or the
/// error as one sentence in `lang`.
pub fn save(data_dir: &Path, p: &Profile, lang: Lang) -> Result<PathBuf, String> {
    std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
    let path = path(data_dir);
    crate::output::write_atomic(&path, p.to_json().as_bytes())
        .map_err(|e| crate::i18n::cli::write_failed(lang, &e))?;
    Ok(path)
}

/// Sets one key of the profile kept in a data dir and saves it: read afresh (so that a
/// change made meanwhile by `--set` is kept), [`Profile::set`], [`save`]. The error is one
/// sentence in `lang`.
pub fn set_saved(data_dir: &Path, key: &str, value: &str, lang: Lang) -> Result<Profile, String> {
    let mut p = load(data_dir, lang)?;
    p.set(key, value).map_err(|k| {
        format!(
            "{}: {:?}",
            crate::i18n::doc::text(lang).unknown_key,
            crate::sanitize::line(&k)
        )
    })?;
    save(data_dir, &p, lang)?;
    Ok(p)
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
