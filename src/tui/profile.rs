//! The document-profile form, reached from the start screen (`p`): every fact of
//! `<data-dir>/document-profile.json` with its label in the UI language, edited as the
//! title page's fields are (`Enter` edits, `Enter`/`Tab` saves and edits the next, `Esc`
//! saves and stops editing, `Esc` again goes back). Each fact is saved when its editor
//! closes through [`profile::set_saved`], the code path of `onsite doc profile --set`.
//!
//! Nothing typed is lost: the text of the open editor is kept in [`PENDING`] after every
//! key, and the terminal's signal, hang-up and panic handlers save it with
//! [`flush_pending`]; quitting saves it too. A save that fails keeps the editor open with
//! the text and says why.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crossterm::event::{Event, KeyEventKind};
use ratatui_textarea::TextArea;

use super::editors;
use super::keys::{self, Action, Screen};
use super::persist::lock;
use crate::i18n::Lang;
use crate::i18n::profile_form;
use crate::report::doc::profile::{self, KEYS, Profile};

/// Text typed into a fact and not yet saved.
#[derive(Debug, Clone)]
struct Pending {
    data_dir: PathBuf,
    lang: Lang,
    key: &'static str,
    text: String,
}

/// The open editor's text, for the handlers that save on the way out.
static PENDING: Mutex<Option<Pending>> = Mutex::new(None);

/// Saves the text of a profile fact being edited, if any (signals, hang-ups, panics).
pub fn flush_pending() {
    let pending = match PENDING.try_lock() {
        Ok(mut g) => g.take(),
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().take(),
        Err(std::sync::TryLockError::WouldBlock) => None,
    };
    if let Some(p) = pending
        && let Err(e) = profile::set_saved(&p.data_dir, p.key, &p.text, p.lang)
    {
        eprintln!("onsite: {}", crate::sanitize::line(&e));
    }
}

/// A line on the form: what was saved, or why it was not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A fact was saved.
    Info(String),
    /// Something failed or a key does nothing.
    Error(String),
}

/// What a key on the form leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileChoice {
    /// Keep going.
    Stay,
    /// Back to the start screen.
    Back,
    /// Quit onsite.
    Quit,
}

/// The form's state.
pub struct ProfileScreen {
    /// UI language.
    pub lang: Lang,
    /// The data dir whose profile is edited.
    pub data_dir: PathBuf,
    /// The profile as last read or saved.
    pub profile: Profile,
    /// The focused fact (index into [`KEYS`]).
    pub focus: usize,
    /// Whether the focused fact is being edited.
    pub editing: bool,
    /// The focused fact's editor.
    pub area: TextArea<'static>,
    /// Help shown.
    pub help: bool,
    /// The message line.
    pub note: Option<Note>,
}

impl ProfileScreen {
    /// The form over the profile of `data_dir`; the error (a profile file that cannot be
    /// read) is one sentence in `lang`.
    pub fn open(data_dir: &Path, lang: Lang) -> Result<ProfileScreen, String> {
        let profile = profile::load(data_dir, lang)?;
        let mut s = ProfileScreen {
            lang,
            data_dir: data_dir.to_path_buf(),
            profile,
            focus: 0,
            editing: false,
            area: editors::textarea("", false),
            help: false,
            note: None,
        };
        s.focus_on(0);
        Ok(s)
    }

    /// The key-table screen keys are looked up in now.
    pub fn screen(&self) -> Screen {
        if self.help {
            Screen::Help
        } else if self.editing {
            Screen::ProfileField
        } else {
            Screen::Profile
        }
    }

    /// The stored value of a fact (empty when not set).
    pub fn value(&self, key: &str) -> String {
        self.profile.get(key).unwrap_or_default()
    }

    fn focus_on(&mut self, focus: usize) {
        self.focus = focus.min(KEYS.len().saturating_sub(1));
        let value = KEYS
            .get(self.focus)
            .map(|k| self.value(k))
            .unwrap_or_default();
        self.area = editors::textarea(&value, false);
    }

    /// The editor's text becomes the pending text the handlers save.
    fn keep_pending(&self) {
        let Some(key) = KEYS.get(self.focus) else {
            return;
        };
        *lock(&PENDING) = Some(Pending {
            data_dir: self.data_dir.clone(),
            lang: self.lang,
            key,
            text: editors::text_of(&self.area),
        });
    }

    /// Saves the focused fact from its editor; false (editor kept, message shown) when the
    /// save failed.
    fn commit(&mut self) -> bool {
        let Some(key) = KEYS.get(self.focus).copied() else {
            return true;
        };
        let text = editors::text_of(&self.area).trim().to_string();
        if text == self.value(key) {
            *lock(&PENDING) = None;
            return true;
        }
        match profile::set_saved(&self.data_dir, key, &text, self.lang) {
            Ok(p) => {
                *lock(&PENDING) = None;
                self.profile = p;
                let label = self.label(self.focus);
                let path = profile::path(&self.data_dir);
                self.note = Some(Note::Info(profile_form::saved(self.lang, &label, &path)));
                true
            }
            Err(e) => {
                self.keep_pending();
                self.note = Some(Note::Error(e));
                false
            }
        }
    }

    /// The label of fact `i` in the UI language.
    pub fn label(&self, i: usize) -> String {
        crate::i18n::doc::text(self.lang)
            .keys
            .get(i)
            .map(|l| l.to_string())
            .unwrap_or_default()
    }

    /// Handles one event.
    pub fn handle(&mut self, event: Event) -> ProfileChoice {
        let key = match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => k,
            Event::Paste(text) if self.editing => {
                editors::paste(&mut self.area, &text, false);
                self.keep_pending();
                return ProfileChoice::Stay;
            }
            Event::Paste(_) => {
                self.note = Some(Note::Error(
                    profile_form::paste_refused(self.lang).to_string(),
                ));
                return ProfileChoice::Stay;
            }
            _ => return ProfileChoice::Stay,
        };
        let action = keys::lookup(self.screen(), &key);
        if self.help {
            match action {
                Some(Action::Back) => self.help = false,
                Some(Action::Quit) => return ProfileChoice::Quit,
                _ => {}
            }
            return ProfileChoice::Stay;
        }
        if self.editing {
            match action {
                Some(Action::NextRequired) => {
                    if self.commit() {
                        if self.focus + 1 >= KEYS.len() {
                            self.editing = false;
                        }
                        self.focus_on(self.focus + 1);
                    }
                }
                Some(Action::PrevField) => {
                    if self.commit() {
                        self.focus_on(self.focus.saturating_sub(1));
                    }
                }
                Some(Action::Back) => {
                    if self.commit() {
                        self.editing = false;
                        self.focus_on(self.focus);
                    }
                }
                Some(Action::Quit) => {
                    // A failed save leaves the text pending: the caller flushes it again.
                    self.commit();
                    return ProfileChoice::Quit;
                }
                _ => {
                    editors::feed(&mut self.area, key, false);
                    self.keep_pending();
                }
            }
            return ProfileChoice::Stay;
        }
        self.note = None;
        match action {
            Some(Action::Next) => self.focus_on(self.focus + 1),
            Some(Action::Prev) => self.focus_on(self.focus.saturating_sub(1)),
            Some(Action::Edit) => {
                self.editing = true;
                self.focus_on(self.focus);
            }
            Some(Action::Back) => return ProfileChoice::Back,
            Some(Action::Help) => self.help = true,
            Some(Action::Quit) => return ProfileChoice::Quit,
            _ => {
                if let Some(name) = keys::key_name(&key) {
                    self.note = Some(Note::Error(crate::i18n::tui::unbound_key(self.lang, &name)));
                }
            }
        }
        ProfileChoice::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Event {
        Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    fn typed(s: &mut ProfileScreen, text: &str) {
        for c in text.chars() {
            s.handle(key(KeyCode::Char(c)));
        }
    }

    #[test]
    fn a_fact_is_edited_saved_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = ProfileScreen::open(dir.path(), Lang::Vi).unwrap();
        let place = KEYS.iter().position(|k| *k == "place").unwrap();
        for _ in 0..place {
            s.handle(key(KeyCode::Char('j')));
        }
        s.handle(key(KeyCode::Enter));
        assert_eq!(s.screen(), Screen::ProfileField);
        typed(&mut s, "Hà Tĩnh");
        // `q` is text inside an editor.
        typed(&mut s, "q");
        s.handle(key(KeyCode::Backspace));
        s.handle(key(KeyCode::Esc));
        assert_eq!(s.screen(), Screen::Profile);
        let back = profile::load(dir.path(), Lang::Vi).unwrap();
        assert_eq!(back.get("place").as_deref(), Some("Hà Tĩnh"));
        assert!(matches!(&s.note, Some(Note::Info(m)) if m.contains("Đã lưu")));
        // Emptying a fact removes it.
        s.handle(key(KeyCode::Enter));
        for _ in 0.."Hà Tĩnh".chars().count() {
            s.handle(key(KeyCode::Backspace));
        }
        s.handle(key(KeyCode::Enter));
        assert_eq!(s.focus, place + 1, "Enter saves and edits the next fact");
        assert_eq!(
            profile::load(dir.path(), Lang::Vi).unwrap().get("place"),
            None
        );
        s.handle(key(KeyCode::Esc));
        assert_eq!(s.handle(key(KeyCode::Esc)), ProfileChoice::Back);
    }

    #[test]
    fn a_broken_profile_file_is_one_sentence() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(profile::path(dir.path()), "{\"nope\": 1}").unwrap();
        let e = ProfileScreen::open(dir.path(), Lang::En).err().unwrap();
        assert!(e.contains("document-profile.json"), "{e}");
    }
}
