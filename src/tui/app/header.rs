//! The title-page form: moving between the checklist's header fields, setting them,
//! and leaving for the questions once the required ones are filled.

use super::*;

impl App {
    pub(super) fn first_missing_field(&self) -> Option<usize> {
        let missing: Vec<String> = self
            .session
            .missing_header()
            .iter()
            .map(|f| f.id.clone())
            .collect();
        self.session
            .record()
            .checklist
            .header
            .iter()
            .position(|f| missing.contains(&f.id))
    }

    pub(super) fn open_header(&mut self, focus: usize) {
        self.mode = Mode::Header;
        self.focus_field(focus);
        if self.session.record().position.screen != RecordScreen::Header {
            let _ = self.apply(Command::SetScreen(RecordScreen::Header));
        }
    }

    pub(super) fn focus_field(&mut self, focus: usize) {
        let fields = &self.session.record().checklist.header;
        let focus = focus.min(fields.len().saturating_sub(1));
        let value = fields
            .get(focus)
            .and_then(|f| {
                let stored = self.session.record().header.get(&f.id)?;
                Some(crate::checklist::value::format_header(
                    f.kind, stored, self.lang,
                ))
            })
            .unwrap_or_default();
        self.header = HeaderForm {
            focus,
            area: editors::textarea(&value, false),
        };
    }

    /// Sets the focused field from its editor; false when the value was refused.
    pub(super) fn commit_field(&mut self) -> bool {
        let Some(field) = self
            .session
            .record()
            .checklist
            .header
            .get(self.header.focus)
            .map(|f| f.id.clone())
        else {
            return true;
        };
        let value = editors::text_of(&self.header.area).trim().to_string();
        let old = self.session.record().header.get(&field).cloned();
        if old.as_deref().unwrap_or("") == value {
            return true;
        }
        if self
            .apply(Command::SetHeader {
                field: field.clone(),
                value,
            })
            .is_err()
        {
            return false;
        }
        // Emptying a required field is allowed (to retype it) but never silent.
        if let Some(f) = self
            .session
            .missing_header()
            .into_iter()
            .find(|f| f.id == field)
        {
            let label = crate::sanitize::line(f.label.get(self.lang.code()));
            self.message = Some(Message::Error(format!(
                "{}: {label}",
                self.strings().header_emptied
            )));
        }
        true
    }

    pub(super) fn leave_header(&mut self, force: bool) {
        if let Some(first) = self.first_missing_field() {
            let s = self.strings();
            let names: Vec<String> = self
                .session
                .missing_header()
                .iter()
                .map(|f| crate::sanitize::line(f.label.get(self.lang.code())))
                .collect();
            self.message = Some(Message::Error(format!(
                "{}: {}",
                s.header_missing,
                names.join(", ")
            )));
            if !force {
                self.focus_field(first);
                return;
            }
        } else {
            self.message = None;
        }
        self.mode = Mode::Inspection;
        let _ = self.apply(Command::SetScreen(RecordScreen::Questions));
    }

    pub(super) fn header_key(&mut self, key: KeyEvent, action: Option<Action>) -> Control {
        let count = self.session.record().checklist.header.len();
        match action {
            Some(Action::NextRequired) => {
                self.message = None;
                if self.commit_field() {
                    if self.header.focus + 1 >= count {
                        self.leave_header(false);
                    } else {
                        self.focus_field(self.header.focus + 1);
                    }
                }
            }
            Some(Action::PrevField) => {
                self.message = None;
                if self.commit_field() {
                    self.focus_field(self.header.focus.saturating_sub(1));
                }
            }
            Some(Action::Back) => {
                if self.commit_field() {
                    self.leave_header(true);
                }
            }
            Some(Action::Quit) => {
                self.commit_field();
                return Control::Quit;
            }
            _ => editors::feed(&mut self.header.area, key, false),
        }
        Control::Continue
    }
}
