//! The recommendations listed on the summary screen: the active ones as the report will
//! hand them over (scripted ones triggered by answers, the inspector's own), then the
//! scripted ones the inspector dropped (so they can be restored).

use crate::checklist::Priority;
use crate::i18n::Lang;
use crate::record::Record;
use crate::report::summary::Summary;

/// One row of the recommendation list.
#[derive(Debug, Clone, PartialEq)]
pub struct RecRow {
    /// `q:<question-id>` or `own-<n>`.
    pub id: String,
    /// Wording.
    pub text: String,
    /// Priority.
    pub priority: Priority,
    /// Who must act.
    pub responsible: String,
    /// By when.
    pub due: Option<String>,
    /// From the checklist.
    pub scripted: bool,
    /// Dropped by the inspector (restorable).
    pub dropped: bool,
}

/// The rows for a record and its summary.
pub fn rows(record: &Record, summary: &Summary, lang: Lang) -> Vec<RecRow> {
    let mut out: Vec<RecRow> = summary
        .recommendations
        .iter()
        .map(|r| RecRow {
            id: r.id.clone(),
            text: crate::sanitize::line(&r.text),
            priority: r.priority,
            responsible: crate::sanitize::line(&r.responsible),
            due: r.due.clone(),
            scripted: r.scripted,
            dropped: false,
        })
        .collect();
    for e in record.recommendations.iter().filter(|e| e.dropped) {
        let scripted =
            e.id.strip_prefix("q:")
                .and_then(|q| record.checklist.question(q))
                .and_then(|q| q.recommendation.as_ref());
        let text = e
            .text
            .clone()
            .or_else(|| scripted.map(|d| d.text.get(lang.code()).to_string()))
            .unwrap_or_default();
        out.push(RecRow {
            id: e.id.clone(),
            text: crate::sanitize::line(&text),
            priority: e
                .priority
                .or(scripted.map(|d| d.priority))
                .unwrap_or(Priority::Medium),
            responsible: crate::sanitize::line(&e.responsible),
            due: e.due.clone(),
            scripted: true,
            dropped: true,
        });
    }
    out
}

/// The name of a priority in the UI language.
pub fn priority_name(p: Priority, lang: Lang) -> &'static str {
    let names = crate::i18n::tui::strings(lang).priorities;
    match p {
        Priority::High => names[0],
        Priority::Medium => names[1],
        Priority::Low => names[2],
    }
}
