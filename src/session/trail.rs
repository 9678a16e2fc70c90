//! The session's audit trail: before a command, what it may touch is noted ([`Probe`]);
//! after it changed the record, each target that differs becomes a change with the
//! session's author and the command's time (`record::history`).

use serde_json::Value;

use super::undo::UndoStep;
use super::{Command, Session};
use crate::record::history::{self, answer_targets, rec_value};
use crate::record::{Answer, RecommendationEntry, Timestamp};

/// What a command may touch, as it was before.
pub(super) enum Probe {
    /// One question's answer, note and mark.
    Question(String, Option<Answer>),
    /// One title-page field.
    Header(String, Option<String>),
    /// The general notes.
    Notes(String),
    /// The recommendations.
    Recs(Vec<RecommendationEntry>),
}

impl Session {
    /// The author recorded for this session's changes: the member of a shared
    /// inspection, else this machine's inspector.
    pub fn author(&self) -> String {
        match &self.record.team {
            Some(t) => t.me.clone(),
            None => history::inspector(),
        }
    }

    /// Notes what `cmd` may touch.
    pub(super) fn probe(&self, cmd: &Command) -> Option<Probe> {
        let question = || {
            self.current()
                .map(|(_, q)| q.id.clone())
                .map(|id| Probe::Question(id.clone(), self.record.answers.get(&id).cloned()))
        };
        match cmd {
            Command::Option(_)
            | Command::Input(_)
            | Command::SetMulti(_)
            | Command::Clear
            | Command::CopyPrevious
            | Command::SetNote(_)
            | Command::ToggleAwaiting => question(),
            Command::SetGeneralNotes(_) => Some(Probe::Notes(self.record.general_notes.clone())),
            Command::SetHeader { field, .. } => Some(Probe::Header(
                field.clone(),
                self.record.header.get(field).cloned(),
            )),
            Command::AddRecommendation { .. }
            | Command::EditRecommendation { .. }
            | Command::DropRecommendation(_)
            | Command::RestoreRecommendation(_) => {
                Some(Probe::Recs(self.record.recommendations.clone()))
            }
            Command::Undo => match self.undo.last()? {
                UndoStep::Answer { question, .. } => Some(Probe::Question(
                    question.clone(),
                    self.record.answers.get(question).cloned(),
                )),
                UndoStep::GeneralNotes { .. } => {
                    Some(Probe::Notes(self.record.general_notes.clone()))
                }
                UndoStep::Header { field, .. } => Some(Probe::Header(
                    field.clone(),
                    self.record.header.get(field).cloned(),
                )),
                UndoStep::Recommendations { .. } => {
                    Some(Probe::Recs(self.record.recommendations.clone()))
                }
            },
            _ => None,
        }
    }

    /// Records what changed since `probe` was taken.
    pub(super) fn log_changes(&mut self, probe: Probe, now: Timestamp) {
        let by = self.author();
        let mut found: Vec<(String, Value, Value)> = Vec::new();
        match probe {
            Probe::Question(id, before) => {
                let after = self.record.answers.get(&id);
                let old = answer_targets(&id, before.as_ref());
                let new = answer_targets(&id, after);
                for ((t, o), (_, n)) in old.into_iter().zip(new) {
                    if o != n {
                        found.push((t, o, n));
                    }
                }
            }
            Probe::Header(field, before) => {
                let text = |v: Option<&String>| {
                    v.filter(|s| !s.is_empty())
                        .map(|s| Value::String(s.clone()))
                        .unwrap_or(Value::Null)
                };
                let (o, n) = (text(before.as_ref()), text(self.record.header.get(&field)));
                if o != n {
                    found.push((format!("header/{field}"), o, n));
                }
            }
            Probe::Notes(before) => {
                let text = |s: &str| {
                    if s.is_empty() {
                        Value::Null
                    } else {
                        Value::String(s.to_string())
                    }
                };
                let (o, n) = (text(&before), text(&self.record.general_notes));
                if o != n {
                    found.push(("notes".into(), o, n));
                }
            }
            Probe::Recs(before) => {
                let after = &self.record.recommendations;
                let ids = after.iter().chain(before.iter()).map(|r| r.id.clone());
                let mut seen = std::collections::HashSet::new();
                for id in ids {
                    if !seen.insert(id.clone()) {
                        continue;
                    }
                    let o = rec_value(before.iter().find(|r| r.id == id));
                    let n = rec_value(after.iter().find(|r| r.id == id));
                    if o != n {
                        found.push((format!("rec/{id}"), o, n));
                    }
                }
            }
        }
        for (t, o, n) in found {
            history::push(&mut self.record, &by, t, o, n, now);
        }
    }
}
