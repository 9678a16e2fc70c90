//! The recommendations listed on the summary screen, as `report::Summary` computes them:
//! the active ones as the report will hand them over, then the dropped scripted ones (so
//! they can be restored).

use crate::checklist::Priority;
use crate::i18n::Lang;
use crate::report::summary::{Recommendation, Summary};

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
    /// A scripted one the inspector changed.
    pub edited: bool,
}

/// The rows of a summary: the active recommendations, then the dropped scripted ones.
pub fn rows(summary: &Summary) -> Vec<RecRow> {
    let row = |r: &Recommendation, dropped: bool| RecRow {
        id: r.id.clone(),
        text: crate::sanitize::line(&r.text),
        priority: r.priority,
        responsible: r.responsible.clone(),
        due: r.due.clone(),
        scripted: r.scripted,
        dropped,
        edited: r.edited,
    };
    let active = summary.recommendations.iter().map(|r| row(r, false));
    let dropped = summary.dropped_recommendations.iter().map(|r| row(r, true));
    active.chain(dropped).collect()
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
