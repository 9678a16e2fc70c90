//! Undo of the last changes to answers, notes, marks, header fields and recommendations.

use super::{Effect, Session, SessionError, UNDO_LIMIT};
use crate::record::{Answer, RecommendationEntry, Timestamp};

/// What to put back to undo one change.
#[derive(Debug, Clone)]
pub(super) enum UndoStep {
    /// A question's whole entry as it was (`None`: there was none).
    Answer {
        question: String,
        before: Option<Answer>,
        /// A note edit that later note edits of the same question merge into.
        note_edit: bool,
    },
    /// The general notes as they were.
    GeneralNotes { before: String },
    /// A header field as it was.
    Header {
        field: String,
        before: Option<String>,
    },
    /// The recommendation list as it was.
    Recommendations { before: Vec<RecommendationEntry> },
}

impl Session {
    /// Remembers a step; consecutive note edits of one question (or of the general notes)
    /// count as one step, so typing a note undoes as a whole.
    pub(super) fn push_undo(&mut self, step: UndoStep) {
        let merge = match (self.undo.last(), &step) {
            (
                Some(UndoStep::Answer {
                    question: a,
                    note_edit: true,
                    ..
                }),
                UndoStep::Answer {
                    question: b,
                    note_edit: true,
                    ..
                },
            ) => a == b,
            (Some(UndoStep::GeneralNotes { .. }), UndoStep::GeneralNotes { .. }) => true,
            _ => false,
        };
        if merge {
            return;
        }
        self.undo.push(step);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    pub(super) fn undo_last(&mut self, now: Timestamp) -> Result<Effect, SessionError> {
        let step = self.undo.pop().ok_or(SessionError::NothingToUndo)?;
        match step {
            UndoStep::Answer {
                question, before, ..
            } => {
                match before {
                    Some(mut a) => {
                        a.updated_at = now;
                        self.record.answers.insert(question.clone(), a);
                    }
                    None => {
                        self.record.answers.shift_remove(&question);
                    }
                }
                self.refresh_visibility();
                if let Some(i) = self.index_of(&question)
                    && self.visible.get(i).copied().unwrap_or(false)
                {
                    self.cursor = i;
                }
            }
            UndoStep::GeneralNotes { before } => self.record.general_notes = before,
            UndoStep::Header { field, before } => match before {
                Some(v) => {
                    self.record.header.insert(field, v);
                }
                None => {
                    self.record.header.shift_remove(&field);
                }
            },
            UndoStep::Recommendations { before } => self.record.recommendations = before,
        }
        Ok(Effect::Changed)
    }
}
