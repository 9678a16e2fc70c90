//! The summary screen's keys: recommendations (edit, priority, responsible, due, drop,
//! restore, add), scrolling, finish and export.

use super::*;

impl App {
    /// The recommendations listed on the summary screen.
    pub fn rec_rows(&self) -> Vec<RecRow> {
        recs::rows(&self.summary())
    }

    pub(super) fn open_rec_field(&mut self, field: RecField) {
        let Some(row) = self.rec_rows().into_iter().nth(self.rec_cursor) else {
            return;
        };
        let text = match field {
            RecField::Text => row.text,
            RecField::Responsible => row.responsible,
            RecField::Due => row
                .due
                .map(|d| crate::checklist::value::format_date(&d, self.lang))
                .unwrap_or_default(),
        };
        self.overlay = Overlay::RecField(Box::new(RecFieldEditor {
            id: row.id,
            field,
            area: editors::textarea(&text, false),
        }));
    }

    pub(super) fn summary_action(&mut self, action: Action) -> Control {
        if !matches!(action, Action::Help | Action::Finish) {
            self.message = None;
        }
        let rows = self.rec_rows();
        self.rec_cursor = self.rec_cursor.min(rows.len().saturating_sub(1));
        let selected = rows.get(self.rec_cursor).cloned();
        match action {
            Action::Back => {
                self.mode = Mode::Inspection;
                let _ = self.apply(Command::SetScreen(RecordScreen::Questions));
            }
            Action::Next => {
                self.rec_cursor = (self.rec_cursor + 1).min(rows.len().saturating_sub(1))
            }
            Action::Prev => self.rec_cursor = self.rec_cursor.saturating_sub(1),
            Action::NextSection => self.summary_scroll = self.summary_scroll.saturating_add(5),
            Action::PrevSection => self.summary_scroll = self.summary_scroll.saturating_sub(5),
            Action::Edit => self.open_rec_field(RecField::Text),
            Action::Responsible => self.open_rec_field(RecField::Responsible),
            Action::Due => self.open_rec_field(RecField::Due),
            Action::CyclePriority => {
                if let Some(row) = selected.filter(|r| !r.dropped) {
                    let _ = self.apply(Command::EditRecommendation {
                        id: row.id,
                        text: None,
                        priority: Some(editors::next_priority(row.priority)),
                        responsible: None,
                        due: None,
                    });
                }
            }
            Action::Clear => {
                if let Some(row) = selected {
                    let cmd = if row.dropped {
                        Command::RestoreRecommendation(row.id)
                    } else {
                        Command::DropRecommendation(row.id)
                    };
                    let _ = self.apply(cmd);
                }
            }
            Action::Recommend => {
                self.overlay = Overlay::Recommendation(Box::new(RecommendationEditor {
                    area: editors::textarea("", false),
                    priority: Priority::Medium,
                    question: None,
                }));
            }
            Action::Finish => {
                let unanswered = {
                    let p = self.session.progress();
                    p.required_answered < p.required_total
                };
                if unanswered && !self.finish_armed {
                    self.finish_armed = true;
                    self.message = Some(Message::Error(self.strings().finish_warning.into()));
                } else if self.apply(Command::Finish).is_ok() {
                    self.message = Some(Message::Info(self.strings().finished.into()));
                }
            }
            Action::Export => {
                let record = self.session.record().clone();
                let exported = self.strings().exported;
                self.message = Some(match self.exporter.as_mut() {
                    None => Message::Error(self.strings().export_unavailable.into()),
                    Some(export) => match export(&record) {
                        Ok(paths) => Message::Info(crate::sanitize::line(&format!(
                            "{exported}: {}",
                            paths.join("  ")
                        ))),
                        Err(e) => Message::Error(crate::sanitize::line(&e)),
                    },
                });
            }
            Action::Help => {
                self.help_scroll = 0;
                self.overlay = Overlay::Help(Screen::Summary)
            }
            Action::Quit => return Control::Quit,
            _ => {}
        }
        Control::Continue
    }
}
