//! Drafts: the text of an answer, recommendation or title-page editor that is not
//! confirmed yet. It is set into the record (as `draft`, through the session) at the note
//! autosave interval, on quit, and by the signal and hang-up handlers, and the same editor
//! opens with it again on resume. Notes are not drafts: their text is the note itself.

use super::*;
use crate::record::{Draft, DraftEditor};

/// The name a recommendation field has in a draft.
fn field_name(field: RecField) -> &'static str {
    match field {
        RecField::Text => "text",
        RecField::Responsible => "responsible",
        RecField::Due => "due",
    }
}

fn field_of(name: &str) -> Option<RecField> {
    match name {
        "text" => Some(RecField::Text),
        "responsible" => Some(RecField::Responsible),
        "due" => Some(RecField::Due),
        _ => None,
    }
}

impl App {
    /// The draft of the editor open now, if it holds text not yet in the record.
    pub fn editor_draft(&self) -> Option<Draft> {
        if self.session.is_read_only() {
            return None;
        }
        let (editor, text) = match &self.overlay {
            Overlay::Line(area) => {
                let text = editors::text_of(area);
                let question = self.current_id()?;
                let kind = self.session.current().map(|(_, q)| q.kind)?;
                // Compared with what the editor shows for the stored answer.
                let stored = self
                    .session
                    .answer(&question)
                    .and_then(|a| a.value.clone())
                    .map(|v| crate::checklist::value::editable(kind, &v, self.lang))
                    .unwrap_or_default();
                if text.trim() == stored.trim() {
                    return None;
                }
                (DraftEditor::Answer { question }, text)
            }
            Overlay::Recommendation(editor) => {
                let text = editors::text_of(&editor.area);
                if text.trim().is_empty() {
                    return None;
                }
                let editor_of = DraftEditor::Recommendation {
                    question: editor.question.clone(),
                    priority: editor.priority,
                };
                (editor_of, text)
            }
            Overlay::RecField(editor) => {
                let text = editors::text_of(&editor.area);
                let row = self.rec_rows().into_iter().find(|r| r.id == editor.id);
                let stored = match (editor.field, row) {
                    (RecField::Text, Some(r)) => r.text,
                    (RecField::Responsible, Some(r)) => r.responsible,
                    (RecField::Due, Some(r)) => r.due.unwrap_or_default(),
                    (_, None) => String::new(),
                };
                if text.trim() == stored.trim() {
                    return None;
                }
                let editor_of = DraftEditor::RecommendationField {
                    id: editor.id.clone(),
                    field: field_name(editor.field).into(),
                };
                (editor_of, text)
            }
            Overlay::None if self.mode == Mode::Header => {
                let field = self
                    .session
                    .record()
                    .checklist
                    .header
                    .get(self.header.focus)?
                    .id
                    .clone();
                let text = editors::text_of(&self.header.area);
                let stored = self.session.record().header.get(&field);
                if text.trim() == stored.map(|s| s.trim()).unwrap_or("") {
                    return None;
                }
                (DraftEditor::Header { field }, text)
            }
            _ => return None,
        };
        Some(Draft { editor, text })
    }

    /// Sets the open editor's draft into the record when it changed and (unless `force`)
    /// the autosave interval has passed; forgets the record's draft at once when no editor
    /// holds unconfirmed text any more (confirmed, or dropped with Esc).
    pub(super) fn autosave_draft(&mut self, now: Instant, force: bool) {
        if self.session.is_read_only() {
            return;
        }
        let wanted = self.editor_draft();
        if wanted == self.session.record().draft {
            return;
        }
        if wanted.is_some()
            && !force
            && now.duration_since(self.draft_saved_at) < NOTE_SAVE_INTERVAL
        {
            return;
        }
        self.draft_saved_at = now;
        let _ = self.apply(Command::SetDraft(wanted));
    }

    /// Sets whatever the open editor holds into the record now (quitting).
    pub(super) fn keep_draft(&mut self) {
        if let Some(draft) = self.editor_draft()
            && self.session.record().draft.as_ref() != Some(&draft)
        {
            let _ = self.apply(Command::SetDraft(Some(draft)));
        }
    }

    /// Opens the editor a saved draft belongs to, with its text (on resume).
    pub(super) fn restore_draft(&mut self) {
        let Some(draft) = self.session.record().draft.clone() else {
            return;
        };
        if self.session.is_read_only() {
            return;
        }
        let text = draft.text.clone();
        let opened = match draft.editor {
            DraftEditor::Answer { question } => {
                let here = self.apply(Command::GoTo(question.clone())).is_ok()
                    && self.current_id().as_deref() == Some(question.as_str());
                if here {
                    self.mode = Mode::Inspection;
                    self.overlay = Overlay::Line(Box::new(editors::textarea(&text, false)));
                }
                here
            }
            DraftEditor::Recommendation { question, priority } => {
                if let Some(q) = &question {
                    let _ = self.apply(Command::GoTo(q.clone()));
                    self.mode = Mode::Inspection;
                } else {
                    self.mode = Mode::Summary;
                }
                self.overlay = Overlay::Recommendation(Box::new(RecommendationEditor {
                    area: editors::textarea(&text, false),
                    priority,
                    question,
                }));
                true
            }
            DraftEditor::RecommendationField { id, field } => match field_of(&field) {
                Some(field) if self.rec_rows().iter().any(|r| r.id == id) => {
                    self.mode = Mode::Summary;
                    self.overlay = Overlay::RecField(Box::new(RecFieldEditor {
                        id,
                        field,
                        area: editors::textarea(&text, false),
                    }));
                    true
                }
                _ => false,
            },
            DraftEditor::Header { field } => {
                let index = self
                    .session
                    .record()
                    .checklist
                    .header
                    .iter()
                    .position(|f| f.id == field);
                match index {
                    Some(i) => {
                        self.open_header(i);
                        self.header.area = editors::textarea(&text, false);
                        true
                    }
                    None => false,
                }
            }
        };
        self.draft_saved_at = Instant::now();
        if opened {
            self.message = Some(Message::Info(
                crate::i18n::safety::draft_restored(self.lang).into(),
            ));
        }
        self.sync_pending();
    }
}
