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
        let text = editors::raw_text_of(&editor.area);
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
        let _ = self.apply(cmd);
        self.sync_pending();
    }

    pub(super) fn close_note(&mut self) {
        self.autosave_note(Instant::now(), true);
        self.overlay = Overlay::None;
        self.sync_pending();
    }

    pub(super) fn overlay_key(&mut self, key: KeyEvent, action: Option<Action>) -> Control {
        if action == Some(Action::Quit) {
            if matches!(self.overlay, Overlay::Note(_)) {
                self.close_note();
            }
            // The text of any other editor is kept as the record's draft.
            self.keep_draft();
            self.overlay = Overlay::None;
            return Control::Quit;
        }
        match self.overlay {
            Overlay::History(_) => return self.history_key(key, action),
            Overlay::Conflicts(_) => return self.conflicts_key(key, action),
            _ => {}
        }
        match &mut self.overlay {
            Overlay::None | Overlay::History(_) | Overlay::Conflicts(_) => {}
            Overlay::Help(screen) => match action {
                Some(Action::Back) => self.overlay = Overlay::None,
                Some(Action::Next) => {
                    let rows = keys::help_rows(*screen, self.access()).count();
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
                    // `handle` hands the text to the signal snapshot after this.
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
                        // From the summary (or the title page), the question is shown.
                        if self.mode != Mode::Inspection {
                            self.mode = Mode::Inspection;
                            self.header.editing = false;
                            let _ = self.apply(Command::SetScreen(RecordScreen::Questions));
                        }
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
        let editable = self.access() == Access::Edit;
        // Bracketed-paste markers inside a paste are never honoured nor kept.
        let text = &text.replace("\x1b[200~", "").replace("\x1b[201~", "");
        let limit = crate::record::io::MAX_TEXT_SIZE;
        match &mut self.overlay {
            Overlay::Note(editor) => {
                if editors::raw_text_of(&editor.area).len() + text.len() > limit {
                    self.message = Some(Message::Error(crate::i18n::safety::paste_too_long(
                        self.lang, limit,
                    )));
                    return;
                }
                editors::paste(&mut editor.area, text, true);
                self.sync_pending();
                self.autosave_note(Instant::now(), false);
            }
            Overlay::Line(area) => editors::paste(area, &cut(text, limit), false),
            Overlay::Recommendation(editor) => {
                editors::paste(&mut editor.area, &cut(text, limit), false)
            }
            Overlay::RecField(editor) => editors::paste(&mut editor.area, &cut(text, limit), false),
            Overlay::Rescue(area) => editors::paste(area, &cut(text, limit), false),
            Overlay::Search(state) => {
                state
                    .query
                    .push_str(&crate::sanitize::line(&cut(text, 1024)));
                self.refresh_search();
            }
            Overlay::None if self.mode == Mode::Header && self.header.editing => {
                editors::paste(&mut self.header.area, &cut(text, limit), false)
            }
            // Pasting on the title page starts editing the field (nothing pasted is lost).
            Overlay::None if self.mode == Mode::Header && editable => {
                self.header.editing = true;
                self.focus_field(self.header.focus);
                editors::paste(&mut self.header.area, &cut(text, limit), false);
            }
            // Pasted text never becomes keys: where nothing takes text, it is refused.
            _ => {
                self.message = Some(Message::Error(
                    crate::i18n::safety::paste_ignored(self.lang).into(),
                ))
            }
        }
    }
}

/// At most `limit` bytes of `text`, cut at a character boundary.
fn cut(text: &str, limit: usize) -> String {
    let mut end = text.len().min(limit);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}
