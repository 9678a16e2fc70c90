//! The inspection app: turns terminal events into session commands, saves after every
//! change (through `Persist`), and keeps the state the views draw (mode, overlay, messages).
//!
//! No terminal here: tests drive `handle` with events and draw to a `TestBackend`.

mod draft;
mod header;
mod overlay;
mod summary;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::editors::{
    self, NoteEditor, OptionsEditor, Overlay, RecField, RecFieldEditor, RecommendationEditor,
    SearchState,
};
use super::keys::{self, Access, Action, Screen};
use super::persist::{NoteTarget, Persist, SaveStatus, Shared, SharedHandle, lock};
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
    /// Where the inspector had a copy written instead, if anywhere.
    pub rescued_to: Option<String>,
}

/// Exports the report of a record; returns the paths written.
pub type Exporter = Box<dyn FnMut(&Record) -> Result<Vec<String>, String>>;

/// Names the record after its organisation once the title page gives it (moving its file);
/// returns the new id, or `None` when nothing changed. The error is one sentence.
pub type Renamer = Box<dyn FnMut(&Record) -> Result<Option<String>, String>>;

/// The clock (tests pass a fixed one).
pub type Clock = Box<dyn Fn() -> Timestamp>;

/// The title-page form state.
pub struct HeaderForm {
    /// Focused field index.
    pub focus: usize,
    /// Whether the focused field is being edited (then keys are text).
    pub editing: bool,
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
    /// The summary of the record at a session revision (computing it walks the whole
    /// checklist, so the summary screen does it once per change, not per frame).
    summary_cache: std::cell::RefCell<Option<(u64, std::rc::Rc<crate::report::summary::Summary>)>>,
    /// Quitting with unsaved work has been offered a copy elsewhere (a second quit goes).
    pub rescue_offered: bool,
    /// Where a copy was written when quitting with unsaved work.
    pub rescued_to: Option<String>,
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
    /// The first visible question shown in the outline pane (kept by the view).
    pub outline_top: std::cell::Cell<usize>,
    finish_armed: bool,
    /// The reopen key was pressed once (a second press reopens).
    reopen_armed: bool,
    /// The position moved since the last save.
    moved_unsaved: bool,
    /// The record has never been saved: save it after the first frame, before any key.
    initial_save: bool,
    /// A save was handed to the persist and has not been reported done.
    saving: bool,
    /// An editor holds text not yet in the record (as of the last `sync_pending`).
    unsaved_text: std::cell::Cell<bool>,
    /// When an editor's draft was last set into the session.
    draft_saved_at: Instant,
    shared: SharedHandle,
    clock: Clock,
    exporter: Option<Exporter>,
    renamer: Option<Renamer>,
}

impl App {
    /// A new app on a session, saving through `persist`. Opens at the title page when a
    /// required header field is empty or the record says so, else at the questions.
    pub fn new(session: Session, persist: Box<dyn Persist>, lang: Lang, theme: Theme) -> App {
        let shared = Arc::new(Mutex::new(Shared {
            record: session.record().clone(),
            pending: Vec::new(),
            persist,
            lang,
        }));
        let has_fields = !session.record().checklist.header.is_empty();
        let mode = match session.record().position.screen {
            RecordScreen::Summary => Mode::Summary,
            RecordScreen::Header if has_fields => Mode::Header,
            _ if has_fields && !session.missing_header().is_empty() => Mode::Header,
            _ => Mode::Inspection,
        };
        let mut app = App {
            // What is typed is read in the language the screen speaks.
            session: session.with_lang(lang),
            lang,
            theme,
            mode: Mode::Inspection,
            overlay: Overlay::None,
            message: None,
            save_error: None,
            rescue_offered: false,
            rescued_to: None,
            summary_cache: std::cell::RefCell::new(None),
            header: HeaderForm {
                focus: 0,
                editing: false,
                area: editors::textarea("", false),
            },
            summary_scroll: 0,
            rec_cursor: 0,
            detail_scroll: 0,
            help_scroll: 0,
            outline_top: std::cell::Cell::new(0),
            finish_armed: false,
            reopen_armed: false,
            moved_unsaved: false,
            initial_save: false,
            saving: false,
            unsaved_text: std::cell::Cell::new(false),
            draft_saved_at: Instant::now(),
            shared,
            clock: Box::new(|| chrono::Local::now().fixed_offset()),
            exporter: None,
            renamer: None,
        };
        if mode == Mode::Header {
            let first_missing = app.first_missing_field();
            app.open_header(first_missing.unwrap_or(0));
            // A required field to fill: type into it at once.
            app.header.editing = first_missing.is_some() && app.access() == Access::Edit;
        } else {
            app.mode = mode;
        }
        app.restore_draft();
        app
    }

    /// Uses another clock (tests).
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.clock = clock;
        self
    }

    /// The record is not on disk yet: [`App::save_initial`] writes it (the terminal loop
    /// calls it after drawing the first frame, before reading the first key).
    pub fn with_initial_save(mut self) -> App {
        self.initial_save = true;
        self
    }

    /// Writes a record that was never saved (see [`App::with_initial_save`]); returns
    /// whether it did anything.
    pub fn save_initial(&mut self) -> bool {
        if !std::mem::take(&mut self.initial_save) {
            return false;
        }
        self.save();
        true
    }

    /// Plugs in the renaming of the record after its organisation (see [`Renamer`]).
    pub fn with_renamer(mut self, renamer: Renamer) -> App {
        self.renamer = Some(renamer);
        self
    }

    /// Names the record after its organisation when it was named before the organisation
    /// was known: after the saves in flight, through the renamer; says so.
    pub(super) fn rename_for_organisation(&mut self) {
        if !crate::record::id::named_before_organisation(self.session.record()) {
            return;
        }
        let Some(mut rename) = self.renamer.take() else {
            return;
        };
        self.finish_saves(Duration::from_secs(30));
        let old = self.session.record().id.clone();
        match rename(self.session.record()) {
            Ok(Some(new)) => {
                self.session.set_id(new.clone());
                self.save();
                self.message = Some(Message::Info(crate::i18n::tui::renamed(
                    self.lang, &new, &old,
                )));
            }
            Ok(None) => {}
            Err(e) => self.message = Some(Message::Error(crate::sanitize::line(&e))),
        }
        self.renamer = Some(rename);
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
            Mode::Header if self.header.editing => Screen::HeaderField,
            Mode::Header => Screen::Header,
            Mode::Inspection => Screen::Inspection,
            Mode::Summary => Screen::Summary,
        })
    }

    /// Whether the record can be changed now (hints, help and dispatch follow it).
    pub fn access(&self) -> Access {
        if self.session.is_read_only() {
            Access::ReadOnly
        } else if self.session.is_finished() {
            Access::Finished
        } else {
            Access::Edit
        }
    }

    /// What to print on quit.
    pub fn quit_info(&self) -> QuitInfo {
        QuitInfo {
            location: lock(&self.shared).persist.location(),
            record_id: self.session.record().id.clone(),
            unsaved: self.save_error.is_some(),
            rescued_to: self.rescued_to.clone(),
        }
    }

    /// The report summary of the record as it stands (cached per session revision).
    pub fn summary(&self) -> std::rc::Rc<crate::report::summary::Summary> {
        let revision = self.session.revision();
        let mut cache = self.summary_cache.borrow_mut();
        if let Some((r, s)) = cache.as_ref()
            && *r == revision
        {
            return std::rc::Rc::clone(s);
        }
        let summary = std::rc::Rc::new(crate::report::summary::Summary::compute(
            self.session.record(),
            self.lang,
        ));
        *cache = Some((revision, std::rc::Rc::clone(&summary)));
        summary
    }

    /// Called when the program is about to quit after the saves finished: with unsaved
    /// work, offers (once) to write a copy to another path instead, and returns `true`
    /// to stay.
    pub fn offer_rescue(&mut self) -> bool {
        if self.save_error.is_none() || self.rescue_offered || self.rescued_to.is_some() {
            return false;
        }
        self.rescue_offered = true;
        // A name of its own in the inspector's home (not a shared temp dir); the copy is
        // never written over an existing file (`Persist::save_copy`).
        let name = format!(
            "onsite-rescue-{}-{}.json",
            crate::sanitize::line(&self.session.record().id).replace('/', "-"),
            chrono::Local::now().format("%Y%m%d-%H%M%S")
        );
        let dir = std::env::var_os("HOME")
            .map(std::path::PathBuf::from)
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        let default = dir.join(name).display().to_string();
        self.overlay = Overlay::Rescue(Box::new(editors::textarea(&default, false)));
        true
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: Event) -> Control {
        let control = self.dispatch(event);
        if control == Control::Quit {
            // Whatever an editor holds goes into the record before leaving.
            self.keep_draft();
        } else {
            self.autosave_draft(Instant::now(), false);
        }
        self.sync_pending();
        if self.save_error.is_some() || (control == Control::Quit && self.moved_unsaved) {
            self.save();
        }
        control
    }

    /// Whether saving is under way or typed text is not on disk yet (the status line
    /// then says "saving…", never "saved").
    pub fn is_saving(&self) -> bool {
        self.saving || self.unsaved_text.get()
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
        self.autosave_draft(now, false);
        self.sync_pending();
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
        let hidden_before = self.session.hidden_answers();
        let result = self.session.apply(cmd, now);
        let hidden_after = self.session.hidden_answers();
        if result.is_ok() && hidden_after > hidden_before {
            self.message = Some(Message::Info(crate::i18n::tui::hides_answers(
                self.lang,
                hidden_after - hidden_before,
            )));
        }
        if self.current_id() != before {
            self.detail_scroll = 0;
        }
        match &result {
            Ok(Effect::Changed) => {
                self.finish_armed = false;
                self.reopen_armed = false;
                self.save();
            }
            Ok(Effect::Moved) => {
                // Only the resume position moved: the snapshot (flushed on signals) gets it
                // now, the disk on the next idle tick or on quit, so that moving through a
                // large checklist never waits for a full save.
                self.finish_armed = false;
                self.reopen_armed = false;
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
        let (result, status) = {
            let mut shared = lock(&self.shared);
            shared.record = self.session.record().clone();
            let result = shared.save();
            (result, shared.persist.status())
        };
        self.moved_unsaved = false;
        match result {
            Ok(()) => self.save_error = None,
            Err(e) => self.save_error = Some(crate::sanitize::line(&e)),
        }
        self.saving = true;
        self.take_status(status);
    }

    /// Takes in what the persist says about its saves; whether the error shown changed.
    fn take_status(&mut self, status: SaveStatus) -> Option<bool> {
        match status {
            SaveStatus::Saving => {
                self.saving = true;
                None
            }
            SaveStatus::Idle => Some(std::mem::take(&mut self.saving)),
            SaveStatus::Done(result) => {
                self.save_error = result.err().map(|e| crate::sanitize::line(&e));
                self.saving = false;
                Some(true)
            }
        }
    }

    /// Picks up the outcome of background saves (`tui::saver`): `None` while one is still
    /// running, else whether the save error shown changed.
    pub fn poll_saves(&mut self) -> Option<bool> {
        let status = lock(&self.shared).persist.status();
        self.take_status(status)
    }

    /// Waits (at most `wait`) for background saves to finish, e.g. before quitting.
    pub fn finish_saves(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        while self.poll_saves().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn describe_error(&self, e: &SessionError) -> String {
        crate::i18n::tui::session_error(self.lang, e)
    }

    /// The session commands that would put the open editor's unsaved text into the
    /// record (empty when everything typed is in it).
    pub fn pending_commands(&self) -> Vec<Command> {
        let mut cmds = Vec::new();
        if let Overlay::Note(editor) = &self.overlay {
            let text = editors::raw_text_of(&editor.area);
            if text != editor.saved_text {
                match &editor.target {
                    NoteTarget::General => cmds.push(Command::SetGeneralNotes(text)),
                    NoteTarget::Question(id) => {
                        cmds.push(Command::GoTo(id.clone()));
                        cmds.push(Command::SetNote(text));
                    }
                }
            }
        }
        if let Some(draft) = self.editor_draft()
            && self.session.record().draft.as_ref() != Some(&draft)
        {
            cmds.push(Command::SetDraft(Some(draft)));
        }
        cmds
    }

    /// Hands the pending commands to the snapshot that signal handlers flush.
    pub(super) fn sync_pending(&self) {
        let pending = self.pending_commands();
        self.unsaved_text.set(!pending.is_empty());
        lock(&self.shared).pending = pending;
    }

    // ----- keys -----

    fn key(&mut self, key: KeyEvent) -> Control {
        // Over SSH or in tmux, Esc followed quickly by a key arrives as Alt+key: in an
        // overlay, take it as the two keys it was meant to be.
        if !matches!(self.overlay, Overlay::None)
            && key.modifiers == KeyModifiers::ALT
            && matches!(key.code, KeyCode::Char(_))
        {
            let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            if self.key(esc) == Control::Quit {
                return Control::Quit;
            }
            return self.key(KeyEvent::new(key.code, KeyModifiers::NONE));
        }
        let screen = self.screen();
        let action = keys::lookup(screen, &key);
        if !matches!(self.overlay, Overlay::None) {
            return self.overlay_key(key, action);
        }
        if screen == Screen::HeaderField {
            return self.header_field_key(key, action);
        }
        // Outside editors letters are commands: one that does nothing here says so, and
        // one that would change a read-only or finished record says why it does not.
        let action = match action {
            None => {
                self.unbound(&key);
                return Control::Continue;
            }
            Some(a) if !self.access().offers(a) => {
                self.refuse(&key);
                return Control::Continue;
            }
            Some(a) => a,
        };
        if !matches!(action, Action::Help | Action::Finish | Action::Reopen) {
            self.message = None;
        }
        match action {
            Action::Help => {
                self.help_scroll = 0;
                self.overlay = Overlay::Help(screen);
                return Control::Continue;
            }
            Action::Reopen => {
                self.reopen();
                return Control::Continue;
            }
            Action::Undo => {
                let _ = self.apply(Command::Undo);
                if self.mode == Mode::Header {
                    self.focus_field(self.header.focus);
                }
                return Control::Continue;
            }
            Action::Search => {
                self.overlay = Overlay::Search(SearchState::default());
                return Control::Continue;
            }
            Action::History => {
                self.overlay = Overlay::History(0);
                return Control::Continue;
            }
            Action::Conflicts => {
                self.overlay = Overlay::Conflicts(0);
                return Control::Continue;
            }
            Action::Quit => return Control::Quit,
            _ => {}
        }
        match self.mode {
            Mode::Header => self.header_action(action),
            Mode::Inspection => self.inspection_action(action),
            Mode::Summary => self.summary_action(action),
        }
    }

    /// Says that a key does nothing on this screen.
    fn unbound(&mut self, key: &KeyEvent) {
        if let Some(name) = keys::key_name(key) {
            self.message = Some(Message::Error(crate::i18n::tui::unbound_key(
                self.lang, &name,
            )));
        }
    }

    /// Says why a key that would change the record does nothing now.
    fn refuse(&mut self, key: &KeyEvent) {
        let s = self.strings();
        match self.access() {
            Access::ReadOnly => self.message = Some(Message::Error(s.read_only_refused.into())),
            Access::Finished => self.message = Some(Message::Error(s.finished_refused.into())),
            Access::Edit => self.unbound(key),
        }
    }

    /// The reopen key: the first press asks, the second reopens.
    fn reopen(&mut self) {
        if !self.reopen_armed {
            self.reopen_armed = true;
            self.message = Some(Message::Error(self.strings().reopen_confirm.into()));
        } else if self.apply(Command::Reopen).is_ok() {
            self.reopen_armed = false;
            self.message = Some(Message::Info(self.strings().reopened.into()));
        }
    }

    fn inspection_action(&mut self, action: Action) -> Control {
        match action {
            Action::Next => drop(self.apply(Command::Next)),
            Action::Prev => drop(self.apply(Command::Prev)),
            Action::NextSection => drop(self.apply(Command::NextSection)),
            Action::PrevSection => drop(self.apply(Command::PrevSection)),
            Action::NextRequired => drop(self.apply(Command::NextUnansweredRequired)),
            Action::Pick(n) if !self.start_typing(n) => drop(self.apply(Command::Option(n))),
            Action::Pick(_) => {}
            Action::Edit => self.open_answer_editor(),
            Action::Clear => drop(self.apply(Command::Clear)),
            Action::CopyPrevious if self.apply(Command::CopyPrevious).is_ok() => {
                drop(self.apply(Command::Next));
            }
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
                    area: editors::wrapping_line(""),
                    priority: Priority::Medium,
                    question: self.current_id(),
                }));
            }
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
            _ => {}
        }
        Control::Continue
    }
}
