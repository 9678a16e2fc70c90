//! Column names of the workbook, shared by the reader and the writer: which columns each
//! sheet has, which of them are translated (`label::Tiếng Việt (vi)`), and how a row's
//! cells of one translated column become one [`Text`].
//!
//! XLSForm writes a translation as `name::Language (code)`; older forms write
//! `name:Language` or leave out the code. The code in parentheses is the language code
//! onsite uses; a few common language names are understood without one.

use super::sheet::{Row, Sheet};
use crate::checklist::text::Text;

/// Survey columns onsite reads (translated ones are also read with `::Language (code)`).
pub const SURVEY: &[&str] = &[
    "type",
    "name",
    "label",
    "hint",
    "guidance_hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "required_message",
    "appearance",
    "default",
    "basis",
    "evidence",
    "unit",
    "recommendation",
    "priority",
    "when",
    "addressee",
    "role",
];

/// Survey columns the writer writes, in order.
pub const SURVEY_OUT: &[&str] = &[
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "basis",
    "evidence",
    "unit",
    "recommendation",
    "priority",
    "when",
    "addressee",
    "role",
];

/// Choices columns onsite reads.
pub const CHOICES: &[&str] = &["list_name", "name", "label", "score", "flag"];

/// Settings columns onsite reads.
pub const SETTINGS: &[&str] = &[
    "form_id",
    "form_title",
    "version",
    "default_language",
    "onsite_title",
    "onsite_description",
];

/// Columns of the `onsite_header` sheet (title-page fields).
pub const HEADER: &[&str] = &["name", "type", "label", "hint", "required", "default"];

/// Columns of the `onsite_rating` sheet.
pub const RATING: &[&str] = &["min", "label"];

/// Columns of the `onsite_statements` sheet.
pub const STATEMENTS: &[&str] = &["name", "value", "statement"];

/// Columns whose cells are text in one or more languages.
pub const TRANSLATED: &[&str] = &[
    "label",
    "hint",
    "guidance_hint",
    "constraint_message",
    "required_message",
    "basis",
    "evidence",
    "unit",
    "recommendation",
    "addressee",
    "onsite_title",
    "onsite_description",
    "statement",
];

/// A column name split into its base and language: `label::English (en)` → (`label`, `en`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnName {
    /// What the column holds: `label`, `hint`, `list_name`, …
    pub base: String,
    /// The language code of a translated column.
    pub lang: Option<String>,
}

/// Language names understood without a `(code)`.
const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("vietnamese", "vi"),
    ("tiếng việt", "vi"),
    ("french", "fr"),
    ("français", "fr"),
    ("spanish", "es"),
    ("español", "es"),
    ("portuguese", "pt"),
    ("chinese", "zh"),
    ("khmer", "km"),
    ("lao", "lo"),
    ("thai", "th"),
];

/// The language code of a language written in a column name (already lowercase).
pub fn language_code(lang: &str) -> String {
    let lang = lang.trim();
    if let Some(open) = lang.rfind('(')
        && let Some(code) = lang[open + 1..].strip_suffix(')')
        && !code.trim().is_empty()
    {
        return code.trim().to_string();
    }
    NAMES
        .iter()
        .find(|(name, _)| *name == lang)
        .map_or_else(|| lang.to_string(), |(_, code)| code.to_string())
}

/// How the writer names a language: `Tiếng Việt (vi)`, `English (en)`.
pub fn language_label(code: &str) -> String {
    let name = match code {
        "vi" => "Tiếng Việt",
        "en" => "English",
        "fr" => "Français",
        "zh" => "Chinese",
        "km" => "Khmer",
        "lo" => "Lao",
        "th" => "Thai",
        "es" => "Español",
        "pt" => "Português",
        other => other,
    };
    format!("{name} ({code})")
}

/// Parses a normalised column name.
pub fn parse(name: &str) -> ColumnName {
    let (base, lang) = match name.split_once("::").or_else(|| name.split_once(':')) {
        Some((b, l)) => (b.trim(), Some(language_code(l))),
        None => (name.trim(), None),
    };
    let base = match base {
        "list name" => "list_name",
        "guidance hint" => "guidance_hint",
        "constraint message" => "constraint_message",
        "required message" => "required_message",
        other => other,
    };
    ColumnName {
        base: base.to_string(),
        lang,
    }
}

/// Builds a text from language entries in order (plain when `entries` is one unnamed text).
pub fn text_of(entries: &[(String, String)]) -> Text {
    let map: serde_json::Map<String, serde_json::Value> = entries
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    // A map of strings with unique keys always reads as a text.
    serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_else(|_| Text::plain(""))
}

/// The columns of one sheet, parsed, with the default language of plain columns.
#[derive(Debug, Clone)]
pub struct Layout {
    /// (column index, parsed name), in sheet order.
    pub columns: Vec<(usize, ColumnName)>,
    /// The code of `settings.default_language`, if given.
    pub default_lang: Option<String>,
}

/// A problem with a translated column of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextProblem {
    /// The 0-based column index.
    pub col: usize,
    /// One sentence.
    pub message: String,
}

impl Layout {
    /// The layout of a sheet.
    pub fn of(sheet: &Sheet, default_lang: Option<String>) -> Layout {
        Layout {
            columns: sheet.columns.iter().map(|(i, n)| (*i, parse(n))).collect(),
            default_lang,
        }
    }

    /// The first column with this base (plain or translated).
    pub fn col(&self, base: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, n)| n.base == base)
            .map(|(i, _)| *i)
    }

    /// The plain cell of `base` ("" if no such column).
    pub fn cell<'r>(&self, row: &'r Row, base: &str) -> &'r str {
        self.columns
            .iter()
            .find(|(_, n)| n.base == base && n.lang.is_none())
            .map_or("", |(i, _)| row.get(*i))
    }

    /// The (language, text) cells of a translated column of `row`, in column order; a
    /// plain cell is named by the default language, or `None` when there is none.
    fn entries(&self, row: &Row, base: &str) -> Vec<(usize, Option<String>, String)> {
        self.columns
            .iter()
            .filter(|(_, n)| n.base == base)
            .filter(|(i, _)| !row.get(*i).is_empty())
            .map(|(i, n)| (*i, n.lang.clone(), row.get(*i).to_string()))
            .collect()
    }

    /// The text of a translated column of `row`: plain when only the plain column is
    /// filled, else a language map in column order (the plain column counting as the
    /// default language, first). `None` when every such cell is empty.
    pub fn text(&self, row: &Row, base: &str) -> Result<Option<Text>, TextProblem> {
        let entries = self.entries(row, base);
        match entries.as_slice() {
            [] => Ok(None),
            [(_, None, s)] => Ok(Some(Text::plain(s))),
            _ => self.localized(entries).map(|e| Some(text_of(&e))),
        }
    }

    /// Language entries with the plain one named by the default language, put first.
    fn localized(
        &self,
        entries: Vec<(usize, Option<String>, String)>,
    ) -> Result<Vec<(String, String)>, TextProblem> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut plain = None;
        for (col, lang, s) in entries {
            match lang {
                Some(l) => {
                    if out.iter().any(|(c, _)| *c == l) {
                        return Err(TextProblem {
                            col,
                            message: format!("language \"{l}\" has two columns"),
                        });
                    }
                    out.push((l, s));
                }
                None => plain = Some((col, s)),
            }
        }
        if let Some((col, s)) = plain {
            let Some(lang) = self.default_lang.clone() else {
                return Err(TextProblem {
                    col,
                    message: "this row gives text both without and with a language; name the language of the plain column in settings default_language, or head it like label::English (en)".into(),
                });
            };
            out.retain(|(c, _)| *c != lang);
            out.insert(0, (lang, s));
        }
        Ok(out)
    }

    /// A list given one item a line per language (`evidence`): items in order, each a
    /// text; the languages must give the same number of lines.
    pub fn text_lines(&self, row: &Row, base: &str) -> Result<Vec<Text>, TextProblem> {
        let entries = self.entries(row, base);
        if let [(_, None, s)] = entries.as_slice() {
            return Ok(lines(s).map(Text::plain).collect());
        }
        let Some((first_col, ..)) = entries.first().cloned() else {
            return Ok(Vec::new());
        };
        let per_lang = self.localized(entries)?;
        let split: Vec<(String, Vec<&str>)> = per_lang
            .iter()
            .map(|(l, s)| (l.clone(), lines(s).collect()))
            .collect();
        let n = split.first().map_or(0, |(_, v)| v.len());
        if split.iter().any(|(_, v)| v.len() != n) {
            return Err(TextProblem {
                col: first_col,
                message: "the languages give different numbers of lines (one item a line)".into(),
            });
        }
        Ok((0..n)
            .map(|k| {
                let e: Vec<(String, String)> = split
                    .iter()
                    .map(|(l, v)| (l.clone(), v[k].to_string()))
                    .collect();
                text_of(&e)
            })
            .collect())
    }
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_languages() {
        assert_eq!(
            parse("label::tiếng việt (vi)"),
            ColumnName {
                base: "label".into(),
                lang: Some("vi".into())
            }
        );
        assert_eq!(parse("label:english").lang.as_deref(), Some("en"));
        assert_eq!(parse("list name").base, "list_name");
        assert_eq!(parse("hint::chinese").lang.as_deref(), Some("zh"));
        assert_eq!(parse("type").lang, None);
        assert_eq!(language_label("vi"), "Tiếng Việt (vi)");
        assert_eq!(language_code("tiếng việt (vi)"), "vi");
    }

    fn sheet(cols: &[&str], cells: &[&str]) -> (Sheet, Row) {
        let sheet = Sheet {
            name: "survey".into(),
            columns: cols
                .iter()
                .enumerate()
                .map(|(i, c)| (i, c.to_string()))
                .collect(),
            header_row: 1,
            rows: Vec::new(),
        };
        let row = Row {
            number: 2,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        };
        (sheet, row)
    }

    #[test]
    fn a_row_text_is_plain_or_a_language_map() {
        let (s, r) = sheet(&["label", "label::english (en)"], &["Có", ""]);
        let l = Layout::of(&s, None);
        assert_eq!(l.text(&r, "label").unwrap(), Some(Text::plain("Có")));
        let (s, r) = sheet(
            &["label::tiếng việt (vi)", "label::english (en)"],
            &["Có", "Yes"],
        );
        let t = Layout::of(&s, None).text(&r, "label").unwrap().unwrap();
        assert_eq!(t.languages(), ["vi", "en"]);
        assert_eq!(t.get("en"), "Yes");
        let (s, r) = sheet(&["label", "label::english (en)"], &["Có", "Yes"]);
        let e = Layout::of(&s, None).text(&r, "label").unwrap_err();
        assert_eq!(e.col, 0);
        let t = Layout::of(&s, Some("vi".into()))
            .text(&r, "label")
            .unwrap()
            .unwrap();
        assert_eq!(t.languages(), ["vi", "en"]);
    }

    #[test]
    fn evidence_lines_pair_up_by_language() {
        let (s, r) = sheet(
            &["evidence::tiếng việt (vi)", "evidence::english (en)"],
            &["Quyết định\nBiên bản", "Decision\nMinutes"],
        );
        let items = Layout::of(&s, None).text_lines(&r, "evidence").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].get("vi"), "Biên bản");
        assert_eq!(items[1].get("en"), "Minutes");
        let (s, r) = sheet(
            &["evidence::tiếng việt (vi)", "evidence::english (en)"],
            &["Quyết định\nBiên bản", "Decision"],
        );
        assert!(Layout::of(&s, None).text_lines(&r, "evidence").is_err());
    }
}
