//! The state machine of an inspection in progress: navigation, answering, notes,
//! evidence marks, the inspector's recommendations, undo, visibility and progress.
//!
//! Pure: no I/O, no clock (the caller passes `now`), no terminal. The TUI turns keys
//! into [`Command`]s; tests and property tests drive it the same way.
//!
//! SKELETON: the API below is the contract the TUI codes against; bodies are being
//! filled in by the session-engine work (issue 4).

use crate::checklist::{HeaderField, Priority, Question, Section};
use crate::record::{Answer, Record, Screen, Timestamp};

/// One change or move, as the TUI (or a test) asks for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Next visible question (stays on the last).
    Next,
    /// Previous visible question (stays on the first).
    Prev,
    /// First visible question of the next section.
    NextSection,
    /// First visible question of the previous section (or of this one when not on its first).
    PrevSection,
    /// Next unanswered required visible question, wrapping around.
    NextUnansweredRequired,
    /// Jump to a question by id (must be visible).
    GoTo(String),
    /// Key `1`…`9`: choice → pick option n (1-based) and move to the next question;
    /// multi → toggle option n and stay.
    Option(usize),
    /// Set the current question's answer from typed input (text, number, date; for
    /// choice an option value; validated by type).
    Input(String),
    /// Set the chosen options of the current multi question.
    SetMulti(Vec<String>),
    /// Clear the current answer (the note and mark stay).
    Clear,
    /// Undo the last change to answers, notes, marks or recommendations.
    Undo,
    /// Replace the note of the current question.
    SetNote(String),
    /// Replace the inspection's general notes.
    SetGeneralNotes(String),
    /// Mark / unmark the current question as awaiting evidence.
    ToggleAwaiting,
    /// Set a header field (validated by its type).
    SetHeader { field: String, value: String },
    /// Add the inspector's own recommendation to the current question.
    AddRecommendation {
        text: String,
        priority: Priority,
        responsible: String,
        due: Option<String>,
    },
    /// Edit a recommendation (`q:<id>` scripted or `own-<n>`); `None` fields stay.
    EditRecommendation {
        id: String,
        text: Option<String>,
        priority: Option<Priority>,
        responsible: Option<String>,
        due: Option<Option<String>>,
    },
    /// Drop a scripted recommendation or delete an own one.
    DropRecommendation(String),
    /// Bring back a dropped scripted recommendation.
    RestoreRecommendation(String),
    /// Record which screen the inspector is on (saved as the resume position).
    SetScreen(Screen),
    /// Mark the record finished.
    Finish,
}

/// Why a command was refused. The record is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionError {
    /// The typed text is not a number.
    #[error("not a number: {0}")]
    NotANumber(String),
    /// A whole number was required.
    #[error("a whole number is required")]
    NotInteger,
    /// Outside `min`..`max`.
    #[error("out of range")]
    OutOfRange { min: Option<f64>, max: Option<f64> },
    /// Not a real calendar date `YYYY-MM-DD`.
    #[error("not a date (YYYY-MM-DD): {0}")]
    BadDate(String),
    /// No option with that number or value.
    #[error("no such option: {0}")]
    NoSuchOption(String),
    /// The current question takes no such answer (info question, wrong type).
    #[error("this question takes no such answer")]
    NotAnswerable,
    /// Unknown header field, recommendation, or question.
    #[error("unknown: {0}")]
    Unknown(String),
    /// Nothing to undo.
    #[error("nothing to undo")]
    NothingToUndo,
    /// The session is read-only.
    #[error("read-only")]
    ReadOnly,
}

/// Counts shown on the inspection screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Visible answerable questions answered.
    pub answered: usize,
    /// Visible answerable questions.
    pub total: usize,
    /// Visible required questions answered.
    pub required_answered: usize,
    /// Visible required questions.
    pub required_total: usize,
}

/// What a successful command did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Only the position moved (still worth saving as the resume point).
    Moved,
    /// The record's content changed: save before the next key.
    Changed,
    /// Nothing happened (e.g. `Next` on the last question).
    Nothing,
}

/// An inspection in progress.
#[derive(Debug, Clone)]
pub struct Session {
    record: Record,
    read_only: bool,
}

impl Session {
    /// Opens a session on a record, at its saved position (or the first visible question).
    pub fn new(record: Record, read_only: bool) -> Session {
        Session { record, read_only }
    }

    /// Applies a command at time `now`.
    pub fn apply(&mut self, cmd: Command, now: Timestamp) -> Result<Effect, SessionError> {
        let _ = (cmd, now);
        todo!("session engine")
    }

    /// The record as it stands.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// Whether changes are refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The current question and its section index (None only for a checklist with no visible question).
    pub fn current(&self) -> Option<(usize, &Question)> {
        todo!("session engine")
    }

    /// The section of the current question.
    pub fn current_section(&self) -> Option<&Section> {
        todo!("session engine")
    }

    /// 1-based number of the current question among visible answerable ones, and their count.
    pub fn position(&self) -> (usize, usize) {
        todo!("session engine")
    }

    /// The recorded answer of a question (visible or not).
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.record.answers.get(question)
    }

    /// Whether a question is visible under the current answers.
    pub fn is_visible(&self, question: &str) -> bool {
        let _ = question;
        todo!("session engine")
    }

    /// Visible questions in order, with their section index.
    pub fn visible_questions(&self) -> Vec<(usize, &Question)> {
        todo!("session engine")
    }

    /// Progress counts.
    pub fn progress(&self) -> Progress {
        todo!("session engine")
    }

    /// Required header fields still empty.
    pub fn missing_header(&self) -> Vec<&HeaderField> {
        todo!("session engine")
    }

    /// Questions whose prompt, guidance or basis (any language) match `query`, ignoring
    /// case and Vietnamese diacritics (đ → d); visible ones only, in order.
    pub fn search(&self, query: &str) -> Vec<&Question> {
        let _ = query;
        todo!("session engine")
    }
}
