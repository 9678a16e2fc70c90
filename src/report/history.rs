//! Who did what, for the JSON report: every change to the record (answer, note, mark,
//! title-page field, general notes, recommendation, section assignment) with its author,
//! time, old and new value (as stored and in words), and, for a shared inspection, the
//! disagreements between members still open.

use serde::Serialize;
use serde_json::Value;

use crate::i18n::Lang;
use crate::record::{Record, Timestamp};

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    /// What changed: `answer/<question>`, `note/<question>`, `mark/<question>`,
    /// `header/<field>`, `notes`, `rec/<id>`, `assign/<section>`.
    pub target: String,
    /// The question, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Who.
    pub by: String,
    /// When.
    pub at: Timestamp,
    /// The value before, as stored (`null`: none).
    pub old: Value,
    /// The value after, as stored.
    pub new: Value,
    /// The value before in words.
    pub old_text: String,
    /// The value after in words.
    pub new_text: String,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Who.
    pub by: String,
    /// When.
    pub at: Timestamp,
    /// The value, as stored.
    pub value: Value,
    /// The value in words.
    pub text: String,
}

/// A disagreement between members not resolved yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// What it is about (as in [`HistoryEntry::target`]).
    pub target: String,
    /// Each member's value.
    pub sides: Vec<Side>,
}

/// The record's changes, oldest first.
pub fn history(record: &Record, lang: Lang) -> Vec<HistoryEntry> {
    use crate::team::show::show_value;
    let line = crate::sanitize::line;
    let mut v: Vec<HistoryEntry> = record
        .changes
        .iter()
        .map(|c| HistoryEntry {
            target: line(&c.target),
            question: c.question().map(line),
            by: line(&c.by),
            at: c.at,
            old: c.old.clone(),
            new: c.new.clone(),
            old_text: show_value(record, &c.target, &c.old, lang),
            new_text: show_value(record, &c.target, &c.new, lang),
        })
        .collect();
    v.sort_by(|a, b| a.at.cmp(&b.at).then(a.by.cmp(&b.by)));
    v
}

/// The open disagreements of a shared inspection (none otherwise).
pub fn disagreements(record: &Record, lang: Lang) -> Vec<Disagreement> {
    use crate::team::show::show_value;
    crate::record::merge::conflicts(record)
        .into_iter()
        .map(|c| Disagreement {
            sides: c
                .sides
                .iter()
                .map(|s| Side {
                    by: crate::sanitize::line(&s.by),
                    at: s.at,
                    value: s.new.clone(),
                    text: show_value(record, &c.target, &s.new, lang),
                })
                .collect(),
            target: crate::sanitize::line(&c.target),
        })
        .collect()
}
