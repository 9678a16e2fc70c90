//! Commands that change the record: answers, notes, marks, header, recommendations, finish.

use super::input::{check_number, find_option, in_option_order, parse_answer, parse_date};
use super::undo::UndoStep;
use super::{Command, Effect, Session, SessionError};
use crate::checklist::QuestionType;
use crate::record::{Answer, AnswerValue, RecommendationEntry, Status, Timestamp};
use crate::sanitize;

impl Session {
    pub(super) fn edit(&mut self, cmd: Command, now: Timestamp) -> Result<Effect, SessionError> {
        match cmd {
            Command::Option(n) => self.pick_option(n, now),
            Command::Input(typed) => {
                let (q, options) = self.current_with_options()?;
                let value = parse_answer(&q, &options, &typed, self.lang())?;
                Ok(self.change_answer(now, false, |a| a.value = value))
            }
            Command::SetMulti(values) => {
                let (q, options) = self.current_with_options()?;
                if q.kind != QuestionType::Multi {
                    return Err(SessionError::NotAnswerable);
                }
                for v in &values {
                    find_option(&options, v)?;
                }
                let chosen = in_option_order(&options, &values);
                let value = (!chosen.is_empty()).then_some(AnswerValue::Multi(chosen));
                Ok(self.change_answer(now, false, |a| a.value = value))
            }
            Command::CopyPrevious => self.copy_previous(now),
            Command::Clear => {
                self.current_question_id()?;
                Ok(self.change_answer(now, false, |a| a.value = None))
            }
            Command::SetNote(text) => {
                self.current_question_id()?;
                let note = sanitize::multiline(&text);
                Ok(self.change_answer(now, true, |a| a.note = note))
            }
            Command::ToggleAwaiting => {
                let (q, _) = self.current_with_options()?;
                if !q.is_answerable() {
                    return Err(SessionError::NotAnswerable);
                }
                Ok(self.change_answer(now, false, |a| a.awaiting_evidence = !a.awaiting_evidence))
            }
            Command::SetGeneralNotes(text) => {
                let text = sanitize::multiline(&text);
                if text == self.record.general_notes {
                    return Ok(Effect::Nothing);
                }
                let before = std::mem::replace(&mut self.record.general_notes, text);
                self.push_undo(UndoStep::GeneralNotes { before });
                Ok(Effect::Changed)
            }
            Command::SetHeader { field, value } => self.set_header(field, value),
            Command::SetDraft(draft) => {
                let draft = draft.map(|mut d| {
                    d.text = sanitize::multiline(&d.text);
                    d
                });
                if draft == self.record.draft {
                    return Ok(Effect::Nothing);
                }
                self.record.draft = draft;
                Ok(Effect::Changed)
            }
            Command::AddRecommendation {
                question,
                text,
                priority,
                responsible,
                due,
            } => {
                if let Some(id) = &question
                    && self.record.checklist.question(id).is_none()
                {
                    return Err(SessionError::Unknown(id.clone()));
                }
                let due = check_due(due, self.lang())?;
                // In a shared inspection each member's own ids carry the member's name.
                let prefix = match &self.record.team {
                    Some(t) => format!("own-{}-", crate::record::team::member_file_stem(&t.me)),
                    None => "own-".to_string(),
                };
                let n = self
                    .record
                    .recommendations
                    .iter()
                    .filter_map(|r| r.id.strip_prefix(prefix.as_str()))
                    .filter_map(|n| n.parse::<u32>().ok())
                    .max()
                    .unwrap_or(0)
                    + 1;
                let entry = RecommendationEntry {
                    id: format!("{prefix}{n}"),
                    question,
                    text: Some(sanitize::multiline(&text)),
                    priority: Some(priority),
                    responsible: sanitize::line(&responsible),
                    due,
                    dropped: false,
                };
                self.change_recommendations(|list| list.push(entry));
                Ok(Effect::Changed)
            }
            Command::EditRecommendation {
                id,
                text,
                priority,
                responsible,
                due,
            } => {
                let due = match due {
                    Some(d) => Some(check_due(d, self.lang())?),
                    None => None,
                };
                let i = self.recommendation_entry(&id)?;
                self.change_recommendations(|list| {
                    if let Some(e) = list.get_mut(i) {
                        if let Some(t) = text {
                            e.text = Some(sanitize::multiline(&t));
                        }
                        if let Some(p) = priority {
                            e.priority = Some(p);
                        }
                        if let Some(r) = responsible {
                            e.responsible = sanitize::line(&r);
                        }
                        if let Some(d) = due {
                            e.due = d;
                        }
                    }
                });
                Ok(Effect::Changed)
            }
            Command::DropRecommendation(id) => {
                let i = self.recommendation_entry(&id)?;
                let own = id.starts_with("own-");
                self.change_recommendations(|list| {
                    if own {
                        list.remove(i);
                    } else if let Some(e) = list.get_mut(i) {
                        e.dropped = true;
                    }
                });
                Ok(Effect::Changed)
            }
            Command::RestoreRecommendation(id) => {
                let i = self.recommendation_entry(&id)?;
                self.change_recommendations(|list| {
                    if let Some(e) = list.get_mut(i) {
                        e.dropped = false;
                    }
                });
                Ok(Effect::Changed)
            }
            Command::Finish => {
                if self.record.status == Status::Finished {
                    return Ok(Effect::Nothing);
                }
                let open = crate::record::merge::conflicts(&self.record).len();
                if open > 0 {
                    return Err(SessionError::Conflicts(open));
                }
                self.record.status = Status::Finished;
                self.record.finished_at = Some(now);
                Ok(Effect::Changed)
            }
            Command::Resolve { target, value } => {
                let by = self.author();
                crate::record::history::resolve(&mut self.record, &by, target, value, now);
                crate::record::merge::replay(&mut self.record, Vec::new());
                self.undo.clear();
                Ok(Effect::Changed)
            }
            // Moves and undo are handled by `apply`.
            _ => Ok(Effect::Nothing),
        }
    }

    fn current_question_id(&self) -> Result<String, SessionError> {
        self.current()
            .map(|(_, q)| q.id.clone())
            .ok_or(SessionError::NotAnswerable)
    }

    fn current_with_options(
        &self,
    ) -> Result<(crate::checklist::Question, Vec<crate::checklist::OptionDef>), SessionError> {
        let (_, q) = self.current().ok_or(SessionError::NotAnswerable)?;
        let options = self.record.checklist.options_of(q).to_vec();
        Ok((q.clone(), options))
    }

    fn pick_option(&mut self, n: usize, now: Timestamp) -> Result<Effect, SessionError> {
        let (q, options) = self.current_with_options()?;
        if !matches!(q.kind, QuestionType::Choice | QuestionType::Multi) {
            return Err(SessionError::NotAnswerable);
        }
        let opt = n
            .checked_sub(1)
            .and_then(|i| options.get(i))
            .ok_or_else(|| SessionError::NoSuchOption(n.to_string()))?
            .value
            .clone();
        match q.kind {
            QuestionType::Choice => {
                let effect =
                    self.change_answer(now, false, |a| a.value = Some(AnswerValue::Text(opt)));
                self.refresh_visibility();
                let moved = self.step(1);
                Ok(if effect == Effect::Nothing {
                    moved
                } else {
                    effect
                })
            }
            QuestionType::Multi => Ok(self.change_answer(now, false, |a| {
                let mut chosen = match &a.value {
                    Some(AnswerValue::Multi(list)) => list.clone(),
                    _ => Vec::new(),
                };
                if let Some(i) = chosen.iter().position(|v| *v == opt) {
                    chosen.remove(i);
                } else {
                    chosen.push(opt);
                }
                let chosen = in_option_order(&options, &chosen);
                a.value = (!chosen.is_empty()).then_some(AnswerValue::Multi(chosen));
            })),
            _ => Err(SessionError::NotAnswerable),
        }
    }

    /// See [`Command::CopyPrevious`]: the previous value is checked as a typed one would be
    /// (an option the question still offers, a number in range).
    fn copy_previous(&mut self, now: Timestamp) -> Result<Effect, SessionError> {
        let (q, options) = self.current_with_options()?;
        let previous = self
            .record
            .follow_up
            .as_ref()
            .and_then(|f| f.answers.get(&q.id))
            .cloned()
            .ok_or(SessionError::NothingToCopy)?;
        let value = match (&previous.value, q.kind) {
            (None, _) => None,
            (Some(AnswerValue::Text(v)), QuestionType::Choice) => {
                find_option(&options, v)?;
                Some(AnswerValue::Text(v.clone()))
            }
            (Some(AnswerValue::Multi(vs)), QuestionType::Multi) => {
                for v in vs {
                    find_option(&options, v)?;
                }
                Some(AnswerValue::Multi(in_option_order(&options, vs)))
            }
            (Some(AnswerValue::Number(n)), QuestionType::Number) => {
                Some(AnswerValue::Number(check_number(&q, *n)?))
            }
            (Some(AnswerValue::Text(v)), QuestionType::Text | QuestionType::Date) => {
                Some(AnswerValue::Text(v.clone()))
            }
            _ => return Err(SessionError::NotAnswerable),
        };
        if value.is_none() && previous.note.is_empty() {
            return Err(SessionError::NothingToCopy);
        }
        let effect = self.change_answer(now, false, |a| {
            if value.is_some() {
                a.value = value;
            }
            if a.note.trim().is_empty() {
                a.note = previous.note;
            }
        });
        Ok(effect)
    }

    /// Changes the current question's entry with `f`; records an undo step when it changed.
    fn change_answer(
        &mut self,
        now: Timestamp,
        note_edit: bool,
        f: impl FnOnce(&mut Answer),
    ) -> Effect {
        let Some((_, q)) = self.current() else {
            return Effect::Nothing;
        };
        let id = q.id.clone();
        let before = self.record.answers.get(&id).cloned();
        let mut after = before.clone().unwrap_or(Answer {
            value: None,
            note: String::new(),
            awaiting_evidence: false,
            updated_at: now,
        });
        f(&mut after);
        let unchanged = match &before {
            Some(b) => {
                b.value == after.value
                    && b.note == after.note
                    && b.awaiting_evidence == after.awaiting_evidence
            }
            None => after.is_empty(),
        };
        if unchanged {
            return Effect::Nothing;
        }
        after.updated_at = now;
        if after.is_empty() {
            self.record.answers.shift_remove(&id);
        } else {
            self.record.answers.insert(id.clone(), after);
        }
        self.push_undo(UndoStep::Answer {
            question: id,
            before,
            note_edit,
        });
        Effect::Changed
    }

    fn set_header(&mut self, field: String, value: String) -> Result<Effect, SessionError> {
        let def = self
            .record
            .checklist
            .header
            .iter()
            .find(|f| f.id == field)
            .ok_or_else(|| SessionError::Unknown(field.clone()))?;
        let value = crate::checklist::value::normalise_header(
            def.kind,
            &sanitize::line(&value),
            self.lang(),
        )
        .map_err(SessionError::Value)?;
        let before = self.record.header.get(&field).cloned();
        if before.as_deref().unwrap_or("") == value {
            return Ok(Effect::Nothing);
        }
        if value.is_empty() {
            self.record.header.shift_remove(&field);
        } else {
            self.record.header.insert(field.clone(), value);
        }
        self.push_undo(UndoStep::Header { field, before });
        Ok(Effect::Changed)
    }

    /// Index of the entry for `id`, creating the entry of a scripted one on first edit.
    fn recommendation_entry(&mut self, id: &str) -> Result<usize, SessionError> {
        if let Some(i) = self.record.recommendations.iter().position(|r| r.id == id) {
            return Ok(i);
        }
        let scripted = id
            .strip_prefix("q:")
            .and_then(|qid| self.record.checklist.question(qid))
            .filter(|q| q.recommendation.is_some())
            .map(|q| q.id.clone());
        let Some(question) = scripted else {
            return Err(SessionError::Unknown(id.to_string()));
        };
        // The new entry is part of the change that follows, so it is undone with it.
        let before = self.record.recommendations.clone();
        self.record.recommendations.push(RecommendationEntry {
            id: id.to_string(),
            question: Some(question),
            text: None,
            priority: None,
            responsible: String::new(),
            due: None,
            dropped: false,
        });
        self.pending_recommendations = Some(before);
        Ok(self.record.recommendations.len() - 1)
    }

    fn change_recommendations(&mut self, f: impl FnOnce(&mut Vec<RecommendationEntry>)) {
        let before = self
            .pending_recommendations
            .take()
            .unwrap_or_else(|| self.record.recommendations.clone());
        f(&mut self.record.recommendations);
        self.push_undo(UndoStep::Recommendations { before });
    }
}

fn check_due(due: Option<String>, lang: crate::lang::Lang) -> Result<Option<String>, SessionError> {
    match due {
        Some(d) if !d.trim().is_empty() => Ok(Some(parse_date(&d, lang)?)),
        _ => Ok(None),
    }
}
