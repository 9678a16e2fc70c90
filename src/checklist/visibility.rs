//! Which questions are visible, given the answers: `show_if` applied in checklist order.
//!
//! Conditions only refer to earlier questions, so one pass suffices. The answer of a hidden
//! question counts as absent for later conditions (it is kept in the record, not counted), as
//! does a value that does not answer (`AnswerValue::is_answered`: blank text, empty list).

use indexmap::IndexMap;

use super::model::Checklist;
use super::value::{AnswerValue, Answered};

/// Visibility of every question, in checklist order (`checklist.questions()`).
pub fn visible<A: Answered>(checklist: &Checklist, answers: &IndexMap<String, A>) -> Vec<bool> {
    let mut shown: IndexMap<&str, bool> = IndexMap::new();
    for (_, q) in checklist.questions() {
        let lookup = |id: &str| -> Option<&AnswerValue> {
            if shown.get(id).copied().unwrap_or(false) {
                answers
                    .get(id)
                    .and_then(Answered::answer_value)
                    .filter(|v| v.is_answered())
            } else {
                None
            }
        };
        let v = q.show_if.as_ref().is_none_or(|c| c.eval(&lookup));
        shown.insert(q.id.as_str(), v);
    }
    shown.into_values().collect()
}
