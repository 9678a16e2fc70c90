//! Where the TUI saves: a `Persist` trait (the record store in the real program, memory in
//! tests) and the shared snapshot the signal, hang-up and panic handlers flush, including
//! the text of whatever editor is open (applied through the session, as a key would).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::record::{Record, Timestamp};
use crate::session::{Command, Session};

/// Saves a record somewhere.
pub trait Persist: Send {
    /// Saves the whole record (atomically, in the real store). The error is one sentence.
    fn save(&mut self, record: &Record) -> Result<(), String>;
    /// Where it is saved (shown on quit).
    fn location(&self) -> String;
    /// Saves now, after any save in flight (signals, hang-ups, panics). By default `save`.
    fn save_now(&mut self, record: &Record) -> Result<(), String> {
        self.save(record)
    }
    /// Whether saves are still running in the background (see `tui::saver`). A persist
    /// that saves before `save` returns is always `Idle`.
    fn status(&mut self) -> SaveStatus {
        SaveStatus::Idle
    }
    /// Writes a copy of the record to another path (when its own place cannot be written),
    /// atomically and durably.
    /// Never replaces an existing file.
    fn save_copy(&mut self, record: &Record, path: &std::path::Path) -> Result<(), String> {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(crate::i18n::safety::exists(crate::i18n::Lang::En, path));
        }
        crate::record::save_at(path, record).map_err(|e| e.to_string())
    }
    /// Writes a rescue copy to a private place of its own (see `record::rescue`).
    fn rescue(&mut self, record: &Record) -> Result<PathBuf, String> {
        crate::record::rescue::write(record, None)
    }
    /// Gives up the record's edit lock (removing its file); the process is about to end.
    fn release(&mut self) {}
}

/// Where background saves stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// A save is queued or being written.
    Saving,
    /// Saves finished since the last call; this is how the last one went.
    Done(Result<(), String>),
    /// Nothing new.
    Idle,
}

/// Keeps every saved version in memory: for tests and for read-only sessions.
#[derive(Debug, Clone, Default)]
pub struct MemoryPersist {
    /// Every saved version, oldest first.
    pub saves: Arc<Mutex<Vec<Record>>>,
    /// When set, every save fails with this message.
    pub fail: Arc<Mutex<Option<String>>>,
}

impl Persist for MemoryPersist {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        if let Some(msg) = lock(&self.fail).clone() {
            return Err(msg);
        }
        lock(&self.saves).push(record.clone());
        Ok(())
    }

    fn location(&self) -> String {
        "(memory)".to_string()
    }
}

/// Which note is being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// The note of a question.
    Question(String),
    /// The inspection's general notes.
    General,
}

/// The latest state of the inspection, shared with the signal and panic handlers.
pub struct Shared {
    /// The record as last applied in the session.
    pub record: Record,
    /// Text typed in the open editor and not yet in `record`: the session commands that
    /// put it there (`GoTo` and `SetNote` for a note, `SetDraft` for any other editor).
    pub pending: Vec<Command>,
    /// Where to save.
    pub persist: Box<dyn Persist>,
    /// The UI language (for what a signal handler prints).
    pub lang: crate::i18n::Lang,
}

impl Shared {
    /// Saves the record as it stands (without any pending text).
    pub fn save(&mut self) -> Result<(), String> {
        self.persist.save(&self.record)
    }

    /// Applies the pending text through the session and saves now: what a signal, a
    /// hang-up or a panic does. When the save fails, a rescue copy is written; the error
    /// then says where it is.
    pub fn flush(&mut self, now: Timestamp) -> Result<(), String> {
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            let mut session = Session::new(self.record.clone(), false);
            for cmd in pending {
                let _ = session.apply(cmd, now);
            }
            self.record = session.into_record();
        }
        self.persist
            .save_now(&self.record)
            .map_err(|e| match self.persist.rescue(&self.record) {
                Ok(copy) => crate::i18n::safety::rescued(self.lang, &e, &copy),
                Err(e2) => format!("{e}; {e2}"),
            })
    }
}

/// The shared snapshot handle.
pub type SharedHandle = Arc<Mutex<Shared>>;

/// Locks a mutex, recovering the data if a panicking thread poisoned it.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
