//! The editing overlays' keys: answer editors (one-line input, option list), the note
//! editor with its autosave, the recommendation and recommendation-field editors, search,
//! help, and bracketed paste.

use super::*;

impl App {
    pub(super) fn current_id(&self) -> Option<String> {
        self.session.current().map(|(_, q)| q.id.clone())
    }

    pub(super) fn open_answer_editor(&mut self) {
        let Some((_, q)) = self.session.current() else {
            return;
        };
        let kind = q.kind;
        let answer = self.session.answer(&q.id).and_then(|a| a.value.clone());
        match kind {
            QuestionType::Choice | QuestionType::Multi => {
                let options = self.session.record().checklist.options_of(q);
                let chosen: Vec<bool> = options
                    .iter()
                    .map(|o| match &answer {
                        Some(AnswerValue::Text(v)) => *v == o.value,
                        Some(AnswerValue::Multi(vs)) => vs.contains(&o.value),
                        _ => false,
                    })
                    .collect();
                let cursor = chosen.iter().position(|c| *c).unwrap_or(0);
                self.overlay = Overlay::Options(OptionsEditor {
                    cursor,
                    chosen,
                    multi: kind == QuestionType::Multi,
                });
            }
            QuestionType::Text | QuestionType::Number | QuestionType::Date => {
                let text = answer
                    .map(|v| crate::checklist::value::editable(kind, &v, self.lang))
                    .unwrap_or_default();
                self.overlay = Overlay::Line(Box::new(editors::textarea(&text, false)));
            }
            QuestionType::Info => {
                let _ = self.apply(Command::Next);
            }
        }
    }

    /// A digit on a number or date question opens its input holding that digit (the
    /// answer is typed, not picked); false on other questions.
    pub(super) fn start_typing(&mut self, digit: usize) -> bool {
        let Some((_, q)) = self.session.current() else {
            return false;
        };
        if !matches!(q.kind, QuestionType::Number | QuestionType::Date) {
            return false;
        }
        if self.session.is_read_only() {
            self.message = Some(Message::Error(self.strings().read_only.into()));
        } else {
            self.overlay = Overlay::Line(Box::new(editors::textarea(&digit.to_string(), false)));
        }
        true
    }

    pub(super) fn open_note(&mut self, target: NoteTarget, text: &str) {
        self.overlay = Overlay::Note(Box::new(NoteEditor {
            target,
            area: editors::textarea(text, true),
            saved_text: text.to_string(),
            saved_at: Instant::now(),
        }));
    }

    /// Sets the note being typed into the session when it changed and (unless `force`)
    /// the interval has passed since the last time.
    pub(super) fn autosave_note(&mut self, now: Instant, force: bool) {
        let Overlay::Note(editor) = &mut self.overlay else {
            return;
        };
        let text = editors::text_of(&editor.area);
        if text == editor.saved_text {
            return;
        }
        if !force && now.duration_since(editor.saved_at) < NOTE_SAVE_INTERVAL {
            return;
        }
        editor.saved_text = text.clone();
        editor.saved_at = now;
        let cmd = match &editor.target {
            NoteTarget::General => Command::SetGeneralNotes(text),
            NoteTarget::Question(_) => Command::SetNote(text),
        };
        if self.apply(cmd).is_ok() {
            self.set_pending(None);
        }
    }

    pub(super) fn close_note(&mut self) {
        self.autosave_note(Instant::now(), true);
        self.set_pending(None);
        self.overlay = Overlay::None;
    }

    pub(super) fn overlay_key(&mut self, key: KeyEvent, action: Option<Action>) -> Control {
        if action == Some(Action::Quit) {
            if matches!(self.overlay, Overlay::Note(_)) {
                self.close_note();
            }
            self.overlay = Overlay::None;
            return Control::Quit;
        }
        match &mut self.overlay {
            Overlay::None => {}
            Overlay::Help(screen) => match action {
                Some(Action::Back) => self.overlay = Overlay::None,
                Some(Action::Next) => {
                    let rows = keys::help_rows(*screen).count();
                    self.help_scroll = (self.help_scroll + 1).min(rows.saturating_sub(1));
                }
                Some(Action::Prev) => self.help_scroll = self.help_scroll.saturating_sub(1),
                _ => {}
            },
            Overlay::Note(editor) => {
                if action == Some(Action::Back) {
                    self.close_note();
                } else {
                    editors::feed(&mut editor.area, key, true);
                    let pending = (editor.target.clone(), editors::text_of(&editor.area));
                    self.set_pending(Some(pending));
                    self.autosave_note(Instant::now(), false);
                }
            }
            Overlay::Rescue(area) => match action {
                Some(Action::Back) => {
                    self.rescue_offered = false;
                    self.overlay = Overlay::None;
                }
                Some(Action::Confirm) => {
                    let path = std::path::PathBuf::from(editors::text_of(area).trim());
                    let record = self.session.record().clone();
                    let written = lock(&self.shared).persist.save_copy(&record, &path);
                    match written {
                        Ok(()) => {
                            self.rescued_to = Some(path.display().to_string());
                            self.overlay = Overlay::None;
                            return Control::Quit;
                        }
                        Err(e) => self.message = Some(Message::Error(e)),
                    }
                }
                _ => editors::feed(area, key, false),
            },
            Overlay::Line(area) => match action {
                Some(Action::Back) => self.overlay = Overlay::None,
                Some(Action::Confirm) => {
                    let text = editors::text_of(area).trim().to_string();
                    self.confirm_answer(if text.is_empty() {
                        Command::Clear
                    } else {
                        Command::Input(text)
                    });
                }
                _ => editors::feed(area, key, false),
            },
            Overlay::Recommendation(editor) => match action {
                Some(Action::Back) => self.overlay = Overlay::None,
                Some(Action::CyclePriority) => {
                    editor.priority = editors::next_priority(editor.priority)
                }
                Some(Action::Confirm) => {
                    let text = editors::text_of(&editor.area).trim().to_string();
                    let priority = editor.priority;
                    let question = editor.question.clone();
                    let done = text.is_empty()
                        || self
                            .apply(Command::AddRecommendation {
                                question,
                                text,
                                priority,
                                responsible: String::new(),
                                due: None,
                            })
                            .is_ok();
                    if done {
                        self.overlay = Overlay::None;
                    }
                }
                _ => editors::feed(&mut editor.area, key, false),
            },
            Overlay::RecField(editor) => match action {
                Some(Action::Back) => self.overlay = Overlay::None,
                Some(Action::Confirm) => {
                    let value = editors::text_of(&editor.area).trim().to_string();
                    let id = editor.id.clone();
                    let cmd = match editor.field {
                        RecField::Text => Command::EditRecommendation {
                            id,
                            text: Some(value),
                            priority: None,
                            responsible: None,
                            due: None,
                        },
                        RecField::Responsible => Command::EditRecommendation {
                            id,
                            text: None,
                            priority: None,
                            responsible: Some(value),
                            due: None,
                        },
                        RecField::Due => Command::EditRecommendation {
                            id,
                            text: None,
                            priority: None,
                            responsible: None,
                            due: Some((!value.is_empty()).then_some(value)),
                        },
                    };
                    if self.apply(cmd).is_ok() {
                        self.overlay = Overlay::None;
                        self.message = None;
                    }
                }
                _ => editors::feed(&mut editor.area, key, false),
            },
            Overlay::Options(editor) => {
                let count = editor.chosen.len();
                match action {
                    Some(Action::Back) => self.overlay = Overlay::None,
                    Some(Action::Next) => {
                        editor.cursor = (editor.cursor + 1).min(count.saturating_sub(1))
                    }
                    Some(Action::Prev) => editor.cursor = editor.cursor.saturating_sub(1),
                    Some(Action::Pick(n)) if n >= 1 && n <= count => {
                        editor.cursor = n - 1;
                        if editor.multi {
                            editor.chosen[n - 1] = !editor.chosen[n - 1];
                        } else {
                            self.overlay = Overlay::None;
                            self.message = None;
                            let _ = self.apply(Command::Option(n));
                        }
                    }
                    Some(Action::Toggle) if editor.cursor < count => {
                        let c = editor.cursor;
                        if editor.multi {
                            editor.chosen[c] = !editor.chosen[c];
                        } else {
                            editor.chosen = (0..count).map(|i| i == c).collect();
                        }
                    }
                    Some(Action::Confirm) => {
                        let (multi, cursor, chosen) =
                            (editor.multi, editor.cursor, editor.chosen.clone());
                        self.confirm_options(multi, cursor, &chosen);
                    }
                    _ => {}
                }
            }
            Overlay::Search(state) => match action {
                Some(Action::Back) => self.overlay = Overlay::None,
                Some(Action::Next) => {
                    state.cursor = (state.cursor + 1).min(state.results.len().saturating_sub(1))
                }
                Some(Action::Prev) => state.cursor = state.cursor.saturating_sub(1),
                Some(Action::Confirm) => {
                    if let Some(id) = state.results.get(state.cursor).cloned() {
                        self.overlay = Overlay::None;
                        self.message = None;
                        let _ = self.apply(Command::GoTo(id));
                    }
                }
                _ => {
                    use crossterm::event::{KeyCode, KeyModifiers};
                    let plain = !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                    match key.code {
                        KeyCode::Char(c) if plain => state.query.push(c),
                        KeyCode::Backspace => {
                            state.query.pop();
                        }
                        _ => return Control::Continue,
                    }
                    self.refresh_search();
                }
            },
        }
        Control::Continue
    }

    pub(super) fn refresh_search(&mut self) {
        let Overlay::Search(state) = &mut self.overlay else {
            return;
        };
        state.results = if state.query.trim().is_empty() {
            Vec::new()
        } else {
            self.session
                .search(state.query.trim())
                .iter()
                .map(|q| q.id.clone())
                .collect()
        };
        state.cursor = 0;
    }

    pub(super) fn confirm_options(&mut self, multi: bool, cursor: usize, chosen: &[bool]) {
        if multi {
            let values: Vec<String> = match self.session.current() {
                Some((_, q)) => self
                    .session
                    .record()
                    .checklist
                    .options_of(q)
                    .iter()
                    .zip(chosen)
                    .filter(|(_, c)| **c)
                    .map(|(o, _)| o.value.clone())
                    .collect(),
                None => return,
            };
            self.confirm_answer(Command::SetMulti(values));
        } else {
            self.overlay = Overlay::None;
            self.message = None;
            let _ = self.apply(Command::Option(cursor + 1));
        }
    }

    /// Applies an answer from an editor; on success closes it and moves to the next
    /// question; on refusal keeps the editor open with the reason shown.
    pub(super) fn confirm_answer(&mut self, cmd: Command) {
        let before = self.current_id();
        if self.apply(cmd).is_ok() {
            self.overlay = Overlay::None;
            self.message = None;
            if self.current_id() == before {
                let _ = self.apply(Command::Next);
            }
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Overlay::Note(editor) => {
                editors::paste(&mut editor.area, text, true);
                let pending = (editor.target.clone(), editors::text_of(&editor.area));
                self.set_pending(Some(pending));
                self.autosave_note(Instant::now(), false);
            }
            Overlay::Line(area) => editors::paste(area, text, false),
            Overlay::Recommendation(editor) => editors::paste(&mut editor.area, text, false),
            Overlay::RecField(editor) => editors::paste(&mut editor.area, text, false),
            Overlay::Search(state) => {
                state.query.push_str(&crate::sanitize::line(text));
                self.refresh_search();
            }
            _ if self.mode == Mode::Header => editors::paste(&mut self.header.area, text, false),
            _ => {}
        }
    }
}
