//! Where the TUI saves: a `Persist` trait (the record store in the real program, memory in
//! tests) and the shared snapshot the signal and panic handlers flush, including a note
//! still being typed.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::record::{Answer, Record, Timestamp};

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
    fn save_copy(&mut self, record: &Record, path: &std::path::Path) -> Result<(), String> {
        crate::record::save_at(path, record).map_err(|e| e.to_string())
    }
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
    /// A note being typed and not yet set into the session.
    pub pending_note: Option<(NoteTarget, String)>,
    /// Where to save.
    pub persist: Box<dyn Persist>,
}

impl Shared {
    /// Saves the record as it stands (without any pending note).
    pub fn save(&mut self) -> Result<(), String> {
        self.persist.save(&self.record)
    }

    /// Puts a pending note into the record and saves: what a signal or a panic does.
    pub fn flush(&mut self, now: Timestamp) -> Result<(), String> {
        if let Some((target, text)) = self.pending_note.take() {
            let text = crate::sanitize::multiline(&text);
            match target {
                NoteTarget::General => self.record.general_notes = text,
                NoteTarget::Question(id) => {
                    let answer = self.record.answers.entry(id).or_insert(Answer {
                        value: None,
                        note: String::new(),
                        awaiting_evidence: false,
                        updated_at: now,
                    });
                    answer.note = text;
                    answer.updated_at = now;
                }
            }
            self.record.updated_at = now;
        }
        self.persist.save_now(&self.record)
    }
}

/// The shared snapshot handle.
pub type SharedHandle = Arc<Mutex<Shared>>;

/// Locks a mutex, recovering the data if a panicking thread poisoned it.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
