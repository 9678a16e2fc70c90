//! UI strings in English and Vietnamese, and the choice of language.
//!
//! Each part of the program keeps its strings in a submodule here, as a struct with one
//! field per string and one constant per language.

pub mod cli;
pub mod doc;
pub mod followup;
pub mod list;
pub mod report;
pub mod safety;
pub mod team;
pub mod tui;
pub mod value;
pub mod xlsform;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Vietnamese.
    Vi,
}

impl Lang {
    /// The language code used in checklists (`en`, `vi`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// Parses `vi`/`en` (any case, region suffix allowed).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("vi") {
            Some(Lang::Vi)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from `--lang`, else `ONSITE_LANG`, else `LANG` starting with `vi`, else English.
    pub fn resolve(flag: Option<&str>, onsite_lang: Option<&str>, lang_env: Option<&str>) -> Lang {
        if let Some(l) = flag.and_then(Lang::parse) {
            return l;
        }
        if let Some(l) = onsite_lang.and_then(Lang::parse) {
            return l;
        }
        match lang_env {
            Some(l) if l.to_ascii_lowercase().starts_with("vi") => Lang::Vi,
            _ => Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_order() {
        assert_eq!(Lang::resolve(Some("vi"), Some("en"), None), Lang::Vi);
        assert_eq!(Lang::resolve(None, Some("vi"), Some("en_US")), Lang::Vi);
        assert_eq!(Lang::resolve(None, None, Some("vi_VN.UTF-8")), Lang::Vi);
        assert_eq!(Lang::resolve(None, None, Some("C.UTF-8")), Lang::En);
        assert_eq!(Lang::resolve(None, None, None), Lang::En);
    }
}
