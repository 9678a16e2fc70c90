//! The link from a follow-up inspection to the previous visit (SPEC §9): what a record
//! started with `onsite new CHECKLIST --follow-up RECORD` keeps of the record it follows,
//! so that the session, the reports and `aggregate` can show last time beside this time
//! without the previous file.
//!
//! It is the optional `follow_up` member of an `onsite-record/1` file: records without it
//! (every record before follow-ups existed) read as before. Building it lives in
//! [`crate::followup`]; this module only holds the data.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Option values of the generated question on each earlier recommendation (implemented?).
pub const IMPLEMENTED: &str = "implemented";
/// Partly implemented (a finding; the recommendation carries forward).
pub const PARTLY: &str = "partly";
/// Not implemented (a finding; the recommendation carries forward).
pub const NOT_IMPLEMENTED: &str = "not";
/// No longer applicable (left out of scoring).
pub const NOT_APPLICABLE: &str = "na";

use crate::checklist::{Priority, Text};
use crate::record::AnswerValue;

/// Points earned out of points possible, as the previous report scored them.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Points {
    /// Sum of the chosen options' scores.
    pub earned: f64,
    /// Sum of the best possible scores.
    pub possible: f64,
}

/// A section's score at the previous visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousSection {
    /// Section id (sections are compared by id).
    pub id: String,
    /// Its title then (shown for a section the checklist no longer has).
    pub title: Text,
    /// Its score then.
    pub score: Points,
}

/// An answer given at the previous visit to a question the checklist still has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviousAnswer {
    /// The value as stored then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// The answer as the previous report wrote it, per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Text>,
    /// The note then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A question answered at the previous visit that this record's checklist no longer has:
/// listed in the reports, never dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoneQuestion {
    /// Its id in the previous checklist.
    pub id: String,
    /// Its prompt then.
    pub prompt: Text,
    /// The answer then, as the previous report wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Text>,
    /// The note then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A recommendation of the previous visit, checked by one generated question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpItem {
    /// The generated question's id in this record's checklist.
    pub question: String,
    /// The recommendation's id in the previous record (`q:<question>`, `own-<n>`).
    pub recommendation: String,
    /// Its wording then.
    pub text: Text,
    /// Its priority then.
    pub priority: Priority,
    /// Who had to act.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsible: String,
    /// By when (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The due date had passed when this visit was started.
    #[serde(default, skip_serializing_if = "is_false")]
    pub overdue: bool,
    /// The heading of the checklist section it is about, as first recommended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    /// When it was first recommended (`YYYY-MM-DD`), if before the previous visit: a
    /// recommendation carried forward more than once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
}

/// The previous visit, as a follow-up record keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The previous record's id.
    pub previous: String,
    /// The date of the previous inspection, `YYYY-MM-DD`.
    pub date: String,
    /// The checklist version the previous record used.
    pub checklist_version: String,
    /// The id of the generated section in this record's checklist.
    pub section: String,
    /// The previous open recommendations, one per generated question, in order.
    #[serde(default)]
    pub items: Vec<FollowUpItem>,
    /// The previous overall score.
    pub overall: Points,
    /// The previous rating band, per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Text>,
    /// The previous section scores (the previous generated section left out).
    #[serde(default)]
    pub sections: Vec<PreviousSection>,
    /// Question id → the previous answer, for questions this checklist still has.
    #[serde(default)]
    pub answers: IndexMap<String, PreviousAnswer>,
    /// Questions answered then that this checklist no longer has.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<GoneQuestion>,
}

impl FollowUp {
    /// The item a generated question checks.
    pub fn item(&self, question: &str) -> Option<&FollowUpItem> {
        self.items.iter().find(|i| i.question == question)
    }

    /// Makes every text inert (see [`crate::sanitize`]), as a record's text is on load.
    pub fn clean(&mut self) {
        use crate::sanitize::{line, multiline};
        let text = |t: &mut Text| t.edit_strings(&|s| Some(multiline(s)));
        self.previous = line(&self.previous);
        self.date = line(&self.date);
        self.checklist_version = line(&self.checklist_version);
        self.section = line(&self.section);
        for i in &mut self.items {
            i.question = line(&i.question);
            i.recommendation = line(&i.recommendation);
            text(&mut i.text);
            i.responsible = line(&i.responsible);
            i.due = i.due.as_deref().map(line);
            if let Some(t) = &mut i.section {
                text(t);
            }
            i.since = i.since.as_deref().map(line);
        }
        if let Some(r) = &mut self.rating {
            text(r);
        }
        for s in &mut self.sections {
            s.id = line(&s.id);
            text(&mut s.title);
        }
        for a in self.answers.values_mut() {
            clean_value(&mut a.value);
            if let Some(s) = &mut a.shown {
                text(s);
            }
            a.note = multiline(&a.note);
        }
        for g in &mut self.gone {
            g.id = line(&g.id);
            text(&mut g.prompt);
            if let Some(s) = &mut g.shown {
                text(s);
            }
            g.note = multiline(&g.note);
        }
    }
}

fn clean_value(v: &mut Option<AnswerValue>) {
    use crate::sanitize::{line, multiline};
    match v {
        Some(AnswerValue::Text(s)) => *s = multiline(s),
        Some(AnswerValue::Multi(list)) => list.iter_mut().for_each(|s| *s = line(s)),
        _ => {}
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
