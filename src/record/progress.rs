//! Progress counts: what the inspection screen, a listing and the reports count, the one
//! rule for all three.

use indexmap::IndexMap;
use serde::Serialize;

use super::model::Answer;
use crate::checklist::{Checklist, Question};
use crate::sanitize;

/// Counts over visible questions that take an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Progress {
    /// Answered ([`crate::checklist::value::AnswerValue::is_answered`]).
    pub answered: usize,
    /// Visible and answerable.
    pub total: usize,
    /// Required ones answered (with [`Progress::with_required_fields`], and the required
    /// header fields filled).
    pub required_answered: usize,
    /// Required ones (with [`Progress::with_required_fields`], and the required header
    /// fields).
    pub required_total: usize,
}

impl Progress {
    /// The counts over `visible` questions (those a condition hides left out by the caller),
    /// skipping the ones that take no answer.
    pub fn of<'a>(
        visible: impl IntoIterator<Item = &'a Question>,
        answers: &IndexMap<String, Answer>,
    ) -> Progress {
        let mut p = Progress::default();
        for q in visible.into_iter().filter(|q| q.is_answerable()) {
            let answered = answers.get(&q.id).is_some_and(Answer::is_answered);
            p.total += 1;
            p.answered += usize::from(answered);
            if q.required {
                p.required_total += 1;
                p.required_answered += usize::from(answered);
            }
        }
        p
    }

    /// The counts with the required header fields added to the required ones (filled / all),
    /// as the inspection screen and the reports count them.
    pub fn with_required_fields(
        mut self,
        checklist: &Checklist,
        header: &IndexMap<String, String>,
    ) -> Progress {
        for f in checklist.header.iter().filter(|f| f.required) {
            self.required_total += 1;
            let filled = header
                .get(&f.id)
                .is_some_and(|v| !sanitize::line(v).trim().is_empty());
            self.required_answered += usize::from(filled);
        }
        self
    }
}
