//! The effective recommendations: scripted ones triggered by the answers, with the
//! inspector's edits and drops applied, then the inspector's own ones.
//!
//! A scripted recommendation appears when a visible question's chosen value is in its
//! `when` list (default: the flagged options). An entry `q:<question-id>` in
//! `record.recommendations` changes its wording, priority, responsible party or due date,
//! or drops it; an edit of a recommendation that is not triggered changes nothing. Entries
//! with any other id are the inspector's own (priority medium unless set); dropped or
//! empty ones are left out.

use serde::Serialize;

use super::refs::{QuestionRef, SectionRef};
use crate::checklist::{OptionDef, Priority, Question, RecommendationDef, Text};
use crate::record::RecommendationEntry;
use crate::sanitize;

/// A recommendation as it will be handed over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// `q:<question-id>` for a scripted one, `own-<n>` for the inspector's own.
    pub id: String,
    /// Wording.
    pub text: String,
    /// Priority.
    pub priority: Priority,
    /// Who must act (may be empty).
    pub responsible: String,
    /// To whom the checklist addresses it (documents group requests by it); `None` for the
    /// inspector's own and for checklists that do not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// By when (`YYYY-MM-DD`).
    pub due: Option<String>,
    /// The section of its question.
    pub section: Option<SectionRef>,
    /// The question it belongs to.
    pub question: Option<QuestionRef>,
    /// Comes from the checklist (else the inspector's own).
    pub scripted: bool,
    /// A scripted one whose wording, priority, party or date the inspector changed.
    pub edited: bool,
    /// A recommendation of the previous conclusion found partly or not implemented on this
    /// follow-up visit, carried forward (see [`crate::followup`]).
    #[serde(skip_serializing_if = "is_false")]
    pub carried_forward: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whether a scripted recommendation is triggered by the chosen option values.
pub fn triggers(def: &RecommendationDef, options: &[OptionDef], chosen: &[String]) -> bool {
    chosen.iter().any(|v| match &def.when {
        Some(when) => when.iter().any(|w| w == v),
        None => options.iter().any(|o| &o.value == v && o.flag),
    })
}

/// The inspector's wording: may span several lines (kept), controls dropped.
fn clean_text(t: &str) -> String {
    sanitize::multiline(t).trim().to_string()
}

fn clean_due(due: &Option<String>) -> Option<String> {
    due.as_deref()
        .map(|d| sanitize::line(d).trim().to_string())
        .filter(|d| !d.is_empty())
}

/// Builds the list from the triggered scripted ones (in checklist order) and the entries;
/// second, the triggered scripted ones the inspector dropped (so that they can be restored).
/// `filled` writes a checklist text as the report does (language, placeholders); `question`
/// gives the refs of a question by id.
pub(crate) fn effective(
    filled: &dyn Fn(&Text) -> String,
    question: &dyn Fn(&str) -> Option<(SectionRef, QuestionRef)>,
    triggered: Vec<(SectionRef, QuestionRef, &Question, &RecommendationDef)>,
    entries: &[RecommendationEntry],
) -> (Vec<Recommendation>, Vec<Recommendation>) {
    let mut out = Vec::new();
    let mut dropped = Vec::new();
    for (section, question, q, def) in triggered {
        let id = format!("q:{}", q.id);
        let entry = entries.iter().find(|e| e.id == id);
        let mut rec = Recommendation {
            id,
            text: filled(&def.text),
            priority: def.priority,
            responsible: String::new(),
            addressee: def.addressee.as_ref().map(filled),
            due: None,
            section: Some(section),
            question: Some(question),
            scripted: true,
            edited: false,
            carried_forward: false,
        };
        if let Some(e) = entry {
            if let Some(t) = e
                .text
                .as_deref()
                .map(|t| sanitize::line(t).trim().to_string())
                && !t.is_empty()
            {
                rec.edited |= t != rec.text;
                rec.text = t;
            }
            if let Some(p) = e.priority {
                rec.edited |= p != rec.priority;
                rec.priority = p;
            }
            rec.responsible = sanitize::line(&e.responsible).trim().to_string();
            rec.due = clean_due(&e.due);
            rec.edited |= !rec.responsible.is_empty() || rec.due.is_some();
        }
        if rec.text.is_empty() {
            continue;
        }
        if entry.is_some_and(|e| e.dropped) {
            dropped.push(rec);
        } else {
            out.push(rec);
        }
    }
    for e in entries
        .iter()
        .filter(|e| !e.id.starts_with("q:") && !e.dropped)
    {
        let text = e.text.as_deref().map(clean_text).unwrap_or_default();
        if text.is_empty() {
            continue;
        }
        let (section, question) = match e.question.as_deref().and_then(&question) {
            Some((s, q)) => (Some(s), Some(q)),
            None => (None, None),
        };
        out.push(Recommendation {
            id: sanitize::line(&e.id),
            text,
            priority: e.priority.unwrap_or(Priority::Medium),
            responsible: sanitize::line(&e.responsible).trim().to_string(),
            addressee: None,
            due: clean_due(&e.due),
            section,
            question,
            scripted: false,
            edited: false,
            carried_forward: false,
        });
    }
    (out, dropped)
}
