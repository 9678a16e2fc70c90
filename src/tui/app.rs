//! The inspection app: turns terminal events into session commands, saves after every
//! change (through `Persist`), and keeps the state the views draw (mode, overlay, messages).
//!
//! No terminal here: tests drive `handle` with events and draw to a `TestBackend`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEvent, KeyEventKind};

use super::editors::{
    self, NoteEditor, OptionsEditor, Overlay, RecField, RecFieldEditor, RecommendationEditor,
    SearchState,
};
use super::keys::{self, Action, Screen};
use super::persist::{NoteTarget, Persist, Shared, SharedHandle, lock};
use super::recs::{self, RecRow};
use super::theme::Theme;
use crate::checklist::{Priority, QuestionType};
use crate::i18n::Lang;
use crate::i18n::tui::{TuiStrings, strings};
use crate::record::{AnswerValue, Record, Screen as RecordScreen, Timestamp};
use crate::session::{Command, Effect, Session, SessionError};

/// How often a note being typed is set into the session and saved.
pub const NOTE_SAVE_INTERVAL: Duration = Duration::from_millis(1500);

/// The main screens (overlays come on top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The title-page form.
    Header,
    /// The questions.
    Inspection,
    /// The summary.
    Summary,
}

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Keep reading keys.
    Continue,
    /// Leave the TUI.
    Quit,
}

/// A line shown above the key hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Information.
    Info(String),
    /// A refused command or other problem.
    Error(String),
}

/// What the caller prints after leaving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuitInfo {
    /// Where the record is.
    pub location: String,
    /// The record id (for `onsite resume ID`).
    pub record_id: String,
    /// Whether the last save failed.
    pub unsaved: bool,
}

/// Exports the report of a record; returns the paths written.
pub type Exporter = Box<dyn FnMut(&Record) -> Result<Vec<String>, String>>;

/// The clock (tests pass a fixed one).
pub type Clock = Box<dyn Fn() -> Timestamp>;

/// The title-page form state.
pub struct HeaderForm {
    /// Focused field index.
    pub focus: usize,
    /// The editor of the focused field.
    pub area: ratatui_textarea::TextArea<'static>,
}

/// The whole TUI state of one inspection.
pub struct App {
    /// The session engine.
    pub session: Session,
    /// UI language.
    pub lang: Lang,
    /// Looks.
    pub theme: Theme,
    /// Current main screen.
    pub mode: Mode,
    /// Overlay on top of it.
    pub overlay: Overlay,
    /// The message line.
    pub message: Option<Message>,
    /// The last save error, until a save succeeds.
    pub save_error: Option<String>,
    /// The title-page form.
    pub header: HeaderForm,
    /// Summary scroll offset.
    pub summary_scroll: u16,
    /// The selected recommendation on the summary screen.
    pub rec_cursor: usize,
    /// Scroll offset of the current question's text (reset when the question changes).
    pub detail_scroll: u16,
    /// Scroll offset of the help overlay.
    pub help_scroll: usize,
    finish_armed: bool,
    /// The position moved since the last save.
    moved_unsaved: bool,
    shared: SharedHandle,
    clock: Clock,
    exporter: Option<Exporter>,
}

impl App {
    /// A new app on a session, saving through `persist`. Opens at the title page when a
    /// required header field is empty or the record says so, else at the questions.
    pub fn new(session: Session, persist: Box<dyn Persist>, lang: Lang, theme: Theme) -> App {
        let shared = Arc::new(Mutex::new(Shared {
            record: session.record().clone(),
            pending_note: None,
            persist,
        }));
        let has_fields = !session.record().checklist.header.is_empty();
        let mode = match session.record().position.screen {
            RecordScreen::Summary => Mode::Summary,
            RecordScreen::Header if has_fields => Mode::Header,
            _ if has_fields && !session.missing_header().is_empty() => Mode::Header,
            _ => Mode::Inspection,
        };
        let mut app = App {
            session,
            lang,
            theme,
            mode: Mode::Inspection,
            overlay: Overlay::None,
            message: None,
            save_error: None,
            header: HeaderForm {
                focus: 0,
                area: editors::textarea("", false),
            },
            summary_scroll: 0,
            rec_cursor: 0,
            detail_scroll: 0,
            help_scroll: 0,
            finish_armed: false,
            moved_unsaved: false,
            shared,
            clock: Box::new(|| chrono::Local::now().fixed_offset()),
            exporter: None,
        };
        if mode == Mode::Header {
            let first_missing = app.first_missing_field().unwrap_or(0);
            app.open_header(first_missing);
        } else {
            app.mode = mode;
        }
        app
    }

    /// Uses another clock (tests).
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.clock = clock;
        self
    }

    /// Plugs in the report export of the summary screen (`e`).
    pub fn with_exporter(mut self, exporter: Exporter) -> App {
        self.exporter = Some(exporter);
        self
    }

    /// The snapshot shared with signal and panic handlers.
    pub fn shared(&self) -> SharedHandle {
        Arc::clone(&self.shared)
    }

    /// The UI strings.
    pub fn strings(&self) -> &'static TuiStrings {
        strings(self.lang)
    }

    /// The key-table screen keys are looked up in now.
    pub fn screen(&self) -> Screen {
        self.overlay.screen().unwrap_or(match self.mode {
            Mode::Header => Screen::Header,
            Mode::Inspection => Screen::Inspection,
            Mode::Summary => Screen::Summary,
        })
    }

    /// What to print on quit.
    pub fn quit_info(&self) -> QuitInfo {
        QuitInfo {
            location: lock(&self.shared).persist.location(),
            record_id: self.session.record().id.clone(),
            unsaved: self.save_error.is_some(),
        }
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: Event) -> Control {
        let control = self.dispatch(event);
        if self.save_error.is_some() || (control == Control::Quit && self.moved_unsaved) {
            self.save();
        }
        control
    }

    fn dispatch(&mut self, event: Event) -> Control {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Paste(text) => {
                self.paste(&text);
                Control::Continue
            }
            _ => Control::Continue,
        }
    }

    /// Called when no key came for a while: saves a note being typed if due, retries a
    /// failed save. Returns whether the screen should be redrawn.
    pub fn tick(&mut self, now: Instant) -> bool {
        let before = (self.save_error.clone(), self.session.record().updated_at);
        self.autosave_note(now, false);
        if self.save_error.is_some() || self.moved_unsaved {
            self.save();
        }
        before != (self.save_error.clone(), self.session.record().updated_at)
    }

    /// How long the loop may wait for a key before calling `tick`.
    pub fn poll_timeout(&self) -> Duration {
        Duration::from_millis(500)
    }

    // ----- applying commands and saving -----

    /// Applies a command; saves when the record changed or the position moved. Shows
    /// refusals on the message line. Returns whether it succeeded.
    pub fn apply(&mut self, cmd: Command) -> Result<Effect, SessionError> {
        let now = self.now();
        let before = self.current_id();
        let result = self.session.apply(cmd, now);
        if self.current_id() != before {
            self.detail_scroll = 0;
        }
        match &result {
            Ok(Effect::Changed) => {
                self.finish_armed = false;
                self.save();
            }
            Ok(Effect::Moved) => {
                // Only the resume position moved: the snapshot (flushed on signals) gets it
                // now, the disk on the next idle tick or on quit, so that moving through a
                // large checklist never waits for a full save.
                self.finish_armed = false;
                lock(&self.shared).record.position = self.session.record().position.clone();
                self.moved_unsaved = true;
            }
            Ok(Effect::Nothing) => {}
            Err(e) => self.message = Some(Message::Error(self.describe_error(e))),
        }
        result
    }

    /// Copies the record into the shared snapshot and saves it.
    fn save(&mut self) {
        let result = {
            let mut shared = lock(&self.shared);
            shared.record = self.session.record().clone();
            shared.save()
        };
        self.moved_unsaved = false;
        match result {
            Ok(()) => self.save_error = None,
            Err(e) => self.save_error = Some(crate::sanitize::line(&e)),
        }
    }

    fn describe_error(&self, e: &SessionError) -> String {
        crate::i18n::tui::session_error(self.lang, e)
    }

    fn set_pending(&self, pending: Option<(NoteTarget, String)>) {
        lock(&self.shared).pending_note = pending;
    }

    // ----- keys -----

    fn key(&mut self, key: KeyEvent) -> Control {
        let screen = self.screen();
        let action = keys::lookup(screen, &key);
        if !matches!(self.overlay, Overlay::None) {
            return self.overlay_key(key, action);
        }
        match self.mode {
            Mode::Header => self.header_key(key, action),
            Mode::Inspection => match action {
                Some(a) => self.inspection_action(a),
                None => Control::Continue,
            },
            Mode::Summary => match action {
                Some(a) => self.summary_action(a),
                None => Control::Continue,
            },
        }
    }

    fn inspection_action(&mut self, action: Action) -> Control {
        if !matches!(action, Action::Help) {
            self.message = None;
        }
        let opens_editor = matches!(
            action,
            Action::Edit | Action::Note | Action::GeneralNotes | Action::Recommend
        );
        if opens_editor && self.session.is_read_only() {
            self.message = Some(Message::Error(self.strings().read_only.into()));
            return Control::Continue;
        }
        match action {
            Action::Next => drop(self.apply(Command::Next)),
            Action::Prev => drop(self.apply(Command::Prev)),
            Action::NextSection => drop(self.apply(Command::NextSection)),
            Action::PrevSection => drop(self.apply(Command::PrevSection)),
            Action::NextRequired => drop(self.apply(Command::NextUnansweredRequired)),
            Action::Pick(n) => drop(self.apply(Command::Option(n))),
            Action::Edit => self.open_answer_editor(),
            Action::Clear => drop(self.apply(Command::Clear)),
            Action::Undo => drop(self.apply(Command::Undo)),
            Action::Note => {
                if let Some(id) = self.current_id() {
                    let text = self
                        .session
                        .answer(&id)
                        .map(|a| a.note.clone())
                        .unwrap_or_default();
                    self.open_note(NoteTarget::Question(id), &text);
                }
            }
            Action::GeneralNotes => {
                let text = self.session.record().general_notes.clone();
                self.open_note(NoteTarget::General, &text);
            }
            Action::Awaiting => drop(self.apply(Command::ToggleAwaiting)),
            Action::Recommend if self.current_id().is_some() => {
                self.overlay = Overlay::Recommendation(Box::new(RecommendationEditor {
                    area: editors::textarea("", false),
                    priority: Priority::Medium,
                }));
            }
            Action::Search => self.overlay = Overlay::Search(SearchState::default()),
            Action::Summary => {
                self.mode = Mode::Summary;
                self.summary_scroll = 0;
                self.finish_armed = false;
                let _ = self.apply(Command::SetScreen(RecordScreen::Summary));
            }
            Action::TitlePage if !self.session.record().checklist.header.is_empty() => {
                self.open_header(0);
            }
            Action::ScrollDown => self.detail_scroll = self.detail_scroll.saturating_add(3),
            Action::ScrollUp => self.detail_scroll = self.detail_scroll.saturating_sub(3),
            Action::Help => {
                self.help_scroll = 0;
                self.overlay = Overlay::Help(Screen::Inspection)
            }
            Action::Quit => return Control::Quit,
            _ => {}
        }
        Control::Continue
    }

    /// The recommendations listed on the summary screen.
    pub fn rec_rows(&self) -> Vec<RecRow> {
        let record = self.session.record();
        let summary = crate::report::summary::Summary::compute(record, self.lang);
        recs::rows(record, &summary, self.lang)
    }

    fn open_rec_field(&mut self, field: RecField) {
        let Some(row) = self.rec_rows().into_iter().nth(self.rec_cursor) else {
            return;
        };
        let text = match field {
            RecField::Text => row.text,
            RecField::Responsible => row.responsible,
            RecField::Due => row.due.unwrap_or_default(),
        };
        self.overlay = Overlay::RecField(Box::new(RecFieldEditor {
            id: row.id,
            field,
            area: editors::textarea(&text, false),
        }));
    }

    fn summary_action(&mut self, action: Action) -> Control {
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

    // ----- title page -----

    fn first_missing_field(&self) -> Option<usize> {
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

    fn open_header(&mut self, focus: usize) {
        self.mode = Mode::Header;
        self.focus_field(focus);
        if self.session.record().position.screen != RecordScreen::Header {
            let _ = self.apply(Command::SetScreen(RecordScreen::Header));
        }
    }

    fn focus_field(&mut self, focus: usize) {
        let fields = &self.session.record().checklist.header;
        let focus = focus.min(fields.len().saturating_sub(1));
        let value = fields
            .get(focus)
            .and_then(|f| self.session.record().header.get(&f.id))
            .cloned()
            .unwrap_or_default();
        self.header = HeaderForm {
            focus,
            area: editors::textarea(&value, false),
        };
    }

    /// Sets the focused field from its editor; false when the value was refused.
    fn commit_field(&mut self) -> bool {
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
        self.apply(Command::SetHeader { field, value }).is_ok()
    }

    fn leave_header(&mut self, force: bool) {
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

    fn header_key(&mut self, key: KeyEvent, action: Option<Action>) -> Control {
        let count = self.session.record().checklist.header.len();
        match action {
            Some(Action::NextRequired) => {
                if self.commit_field() {
                    if self.header.focus + 1 >= count {
                        self.leave_header(false);
                    } else {
                        self.message = None;
                        self.focus_field(self.header.focus + 1);
                    }
                }
            }
            Some(Action::PrevField) => {
                if self.commit_field() {
                    self.message = None;
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

    // ----- editors -----

    fn current_id(&self) -> Option<String> {
        self.session.current().map(|(_, q)| q.id.clone())
    }

    fn open_answer_editor(&mut self) {
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
                let text = match answer {
                    Some(AnswerValue::Text(s)) => s,
                    Some(AnswerValue::Number(n)) => format_number(n),
                    _ => String::new(),
                };
                self.overlay = Overlay::Line(Box::new(editors::textarea(&text, false)));
            }
            QuestionType::Info => {
                let _ = self.apply(Command::Next);
            }
        }
    }

    fn open_note(&mut self, target: NoteTarget, text: &str) {
        self.overlay = Overlay::Note(Box::new(NoteEditor {
            target,
            area: editors::textarea(text, true),
            saved_text: text.to_string(),
            saved_at: Instant::now(),
        }));
    }

    /// Sets the note being typed into the session when it changed and (unless `force`)
    /// the interval has passed since the last time.
    fn autosave_note(&mut self, now: Instant, force: bool) {
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

    fn close_note(&mut self) {
        self.autosave_note(Instant::now(), true);
        self.set_pending(None);
        self.overlay = Overlay::None;
    }

    fn overlay_key(&mut self, key: KeyEvent, action: Option<Action>) -> Control {
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
                    let done = text.is_empty()
                        || self
                            .apply(Command::AddRecommendation {
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

    fn refresh_search(&mut self) {
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

    fn confirm_options(&mut self, multi: bool, cursor: usize, chosen: &[bool]) {
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
    fn confirm_answer(&mut self, cmd: Command) {
        let before = self.current_id();
        if self.apply(cmd).is_ok() {
            self.overlay = Overlay::None;
            self.message = None;
            if self.current_id() == before {
                let _ = self.apply(Command::Next);
            }
        }
    }

    fn paste(&mut self, text: &str) {
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

/// A number as typed: no trailing `.0`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
