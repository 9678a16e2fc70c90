//! The state machine of an inspection in progress: navigation, answering, notes,
//! evidence marks, the inspector's recommendations, undo, visibility and progress.
//!
//! Pure: no I/O, no clock (the caller passes `now`), no terminal. The TUI turns keys
//! into [`Command`]s; tests and property tests drive it the same way.
//!
mod edit;
pub mod input;
mod navigate;
#[cfg(test)]
mod props;
pub mod search;
#[cfg(test)]
pub(crate) mod tests;
mod trail;
mod undo;

use crate::checklist::{HeaderField, Priority, Question, Section};
use crate::lang::Lang;
use crate::record::{Answer, Record, Screen, Timestamp};
use undo::UndoStep;

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
    /// choice an option value; validated by type). Unlike `Option`, it stays on the
    /// question: the caller moves on (`Next`) when its editor is confirmed.
    Input(String),
    /// Set the chosen options of the current multi question.
    SetMulti(Vec<String>),
    /// Clear the current answer (the note and mark stay).
    Clear,
    /// On a follow-up inspection, give the current question the previous visit's answer
    /// (when the question still takes it) and, if this one has no note yet, its note.
    CopyPrevious,
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
    /// Add the inspector's own recommendation to a question (which must exist), or a
    /// general one (`question: None`).
    AddRecommendation {
        question: Option<String>,
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
    /// Mark the record finished: every change after it is refused until `Reopen`.
    Finish,
    /// Reopen a finished record for editing.
    Reopen,
    /// A shared inspection: settle a conflict (or any target) on `value`, replacing every
    /// member's change to it (`target` as in `record::history`; `value` JSON, `null`: none).
    Resolve {
        target: String,
        value: serde_json::Value,
    },
    /// Keep (or, with `None`, forget) the text of an editor not yet confirmed. Not undone
    /// by `Undo`: it is what is being typed, not a change to the inspection.
    SetDraft(Option<crate::record::Draft>),
}

/// Why a command was refused. The record is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionError {
    /// The typed text is not a number or date as the UI language writes it.
    #[error("not a number or date as typed: {0:?}")]
    Value(crate::checklist::value::ValueError),
    /// A whole number was required.
    #[error("a whole number is required")]
    NotInteger,
    /// Outside `min`..`max`.
    #[error("out of range")]
    OutOfRange { min: Option<f64>, max: Option<f64> },
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
    /// No answer or note from the previous visit for this question.
    #[error("nothing from last time to copy")]
    NothingToCopy,
    /// The session is read-only.
    #[error("read-only")]
    ReadOnly,
    /// The record is finished: it must be reopened before it changes.
    #[error("the inspection is finished; reopen it to change it")]
    Finished,
    /// A shared inspection with members' answers that disagree cannot be finished.
    #[error("{0} disagreement(s) between members are not resolved yet; C lists them")]
    Conflicts(usize),
}

/// Counts shown on the inspection screen.
pub use crate::record::Progress;

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

/// How many undo steps are kept.
const UNDO_LIMIT: usize = 500;

/// An inspection in progress.
#[derive(Debug, Clone)]
pub struct Session {
    record: Record,
    read_only: bool,
    /// (section index, question index) of every question, in checklist order.
    order: Vec<(usize, usize)>,
    /// Visibility of each entry of `order`.
    visible: Vec<bool>,
    /// Indices into `order` of the visible questions, in order (kept with `visible`, so
    /// that drawing a frame never walks the whole checklist).
    shown: Vec<usize>,
    /// Progress counts, kept with `visible` (answers change only through `apply`).
    progress: Progress,
    /// Index into `order` of the current question (visible whenever any is).
    cursor: usize,
    undo: Vec<UndoStep>,
    /// The recommendation list before an entry was created for an edit in progress.
    pending_recommendations: Option<Vec<crate::record::RecommendationEntry>>,
    /// Counts content changes, so that views can cache what they derive from the record.
    revision: u64,
    /// Questions with an answer or a note that a condition hides now (kept with `visible`).
    hidden_answers: usize,
    /// The UI language: how typed numbers and dates are read.
    lang: Lang,
}

impl Session {
    /// Opens a session on a record, at its saved position (or the first visible question).
    pub fn new(record: Record, read_only: bool) -> Session {
        let order = record
            .checklist
            .sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| (0..s.questions.len()).map(move |qi| (si, qi)))
            .collect();
        let mut s = Session {
            record,
            read_only,
            order,
            visible: Vec::new(),
            shown: Vec::new(),
            progress: Progress::default(),
            cursor: 0,
            undo: Vec::new(),
            pending_recommendations: None,
            revision: 0,
            hidden_answers: 0,
            lang: Lang::default(),
        };
        s.refresh_visibility();
        let saved = s.record.position.question.clone();
        if let Some(i) = saved.and_then(|id| s.index_of(&id)) {
            s.cursor = i;
        }
        s.settle_cursor();
        s
    }

    /// Reads typed numbers and dates as `lang` writes them (default English).
    pub fn with_lang(mut self, lang: Lang) -> Session {
        self.lang = lang;
        self
    }

    /// The language typed numbers and dates are read in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Applies a command at time `now`.
    pub fn apply(&mut self, cmd: Command, now: Timestamp) -> Result<Effect, SessionError> {
        let before = self.cursor;
        let probe = self.probe(&cmd);
        let effect = match cmd {
            Command::Next => self.step(1),
            Command::Prev => self.step(-1),
            Command::NextSection => self.next_section(),
            Command::PrevSection => self.prev_section(),
            Command::NextUnansweredRequired => self.next_unanswered_required(),
            Command::GoTo(id) => self.go_to(&id)?,
            Command::SetScreen(screen) => {
                if self.record.position.screen == screen {
                    Effect::Nothing
                } else {
                    self.record.position.screen = screen;
                    Effect::Moved
                }
            }
            Command::Undo => {
                self.writable()?;
                self.undo_last(now)?
            }
            Command::Reopen => {
                if self.read_only {
                    return Err(SessionError::ReadOnly);
                }
                if self.record.status == crate::record::Status::InProgress {
                    Effect::Nothing
                } else {
                    self.record.status = crate::record::Status::InProgress;
                    self.record.finished_at = None;
                    Effect::Changed
                }
            }
            other => {
                self.writable()?;
                self.edit(other, now)?
            }
        };
        if effect == Effect::Changed {
            if let Some(p) = probe {
                self.log_changes(p, now);
            }
            self.revision += 1;
            self.record.updated_at = now;
            self.refresh_visibility();
            self.settle_cursor();
        }
        if self.cursor != before || effect == Effect::Changed {
            self.record.position.question = self.current().map(|(_, q)| q.id.clone());
        }
        Ok(effect)
    }

    fn writable(&self) -> Result<(), SessionError> {
        if self.read_only {
            Err(SessionError::ReadOnly)
        } else if self.is_finished() {
            Err(SessionError::Finished)
        } else {
            Ok(())
        }
    }

    /// Whether the record is finished (changes wait for `Command::Reopen`).
    pub fn is_finished(&self) -> bool {
        self.record.status == crate::record::Status::Finished
    }

    /// How many questions hidden by a condition keep an answer or a note (they stay in the
    /// record and come back when the condition shows them again, or by undo).
    pub fn hidden_answers(&self) -> usize {
        self.hidden_answers
    }

    /// The record as it stands.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// Gives the record a new id (the store renamed its file); not an edit, not undone.
    pub fn set_id(&mut self, id: String) {
        self.record.id = id;
    }

    /// Gives the record back (e.g. to save it one last time).
    pub fn into_record(self) -> Record {
        self.record
    }

    /// How many content changes the session has applied (moves excluded): a cache of
    /// anything derived from the record is good while this stays the same.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether changes are refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn question_at(&self, i: usize) -> Option<(usize, &Question)> {
        let (si, qi) = *self.order.get(i)?;
        let q = self.record.checklist.sections.get(si)?.questions.get(qi)?;
        Some((si, q))
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        (0..self.order.len()).find(|&i| self.question_at(i).is_some_and(|(_, q)| q.id == id))
    }

    /// The current question and its section index (None only when no question is visible).
    pub fn current(&self) -> Option<(usize, &Question)> {
        if self.visible.get(self.cursor).copied().unwrap_or(false) {
            self.question_at(self.cursor)
        } else {
            None
        }
    }

    /// The section of the current question.
    pub fn current_section(&self) -> Option<&Section> {
        let (si, _) = self.current()?;
        self.record.checklist.sections.get(si)
    }

    /// 1-based number of the current question among the visible ones, and their count.
    pub fn position(&self) -> (usize, usize) {
        let total = self.shown.len();
        // Visible questions up to and including the cursor.
        let n = self.shown.partition_point(|&i| i <= self.cursor);
        (n.min(total), total)
    }

    /// How many questions are visible.
    pub fn visible_count(&self) -> usize {
        self.shown.len()
    }

    /// The `k`-th visible question (0-based) and its section index.
    pub fn visible_nth(&self, k: usize) -> Option<(usize, &Question)> {
        self.question_at(*self.shown.get(k)?)
    }

    /// The 0-based rank of the current question among the visible ones.
    pub fn current_rank(&self) -> Option<usize> {
        self.current()?;
        Some(self.shown.partition_point(|&i| i < self.cursor))
    }

    /// The recorded answer of a question (visible or not).
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.record.answers.get(question)
    }

    /// Whether a question is visible under the current answers.
    pub fn is_visible(&self, question: &str) -> bool {
        self.index_of(question)
            .and_then(|i| self.visible.get(i).copied())
            .unwrap_or(false)
    }

    /// Visible questions in order, with their section index.
    pub fn visible_questions(&self) -> Vec<(usize, &Question)> {
        self.shown
            .iter()
            .filter_map(|&i| self.question_at(i))
            .collect()
    }

    /// Progress counts over visible questions that take an answer.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    fn count_progress(&self) -> Progress {
        let visible = self.visible_questions().into_iter().map(|(_, q)| q);
        Progress::of(visible, &self.record.answers)
            .with_required_fields(&self.record.checklist, &self.record.header)
    }

    /// Whether a question is answered ([`crate::record::AnswerValue::is_answered`]).
    pub fn is_answered(&self, question: &str) -> bool {
        self.record
            .answers
            .get(question)
            .is_some_and(|a| a.is_answered())
    }

    /// Required header fields still empty.
    pub fn missing_header(&self) -> Vec<&HeaderField> {
        self.record
            .checklist
            .header
            .iter()
            .filter(|f| f.required)
            .filter(|f| {
                self.record
                    .header
                    .get(&f.id)
                    .is_none_or(|v| v.trim().is_empty())
            })
            .collect()
    }

    /// Questions whose prompt, guidance, basis or evidence (any language) match `query`,
    /// ignoring case and Vietnamese diacritics (đ → d); visible ones only, in order.
    pub fn search(&self, query: &str) -> Vec<&Question> {
        let words = search::query_words(query);
        self.visible_questions()
            .into_iter()
            .map(|(_, q)| q)
            .filter(|q| search::matches(q, &words))
            .collect()
    }

    fn refresh_visibility(&mut self) {
        self.visible =
            crate::checklist::visibility::visible(&self.record.checklist, &self.record.answers);
        self.shown.clear();
        self.shown
            .extend((0..self.visible.len()).filter(|&i| self.visible[i]));
        self.progress = self.count_progress();
        self.hidden_answers = (0..self.order.len())
            .filter(|&i| !self.visible.get(i).copied().unwrap_or(true))
            .filter_map(|i| self.question_at(i))
            .filter(|(_, q)| {
                self.record
                    .answers
                    .get(&q.id)
                    .is_some_and(|a| a.value.is_some() || !a.note.is_empty())
            })
            .count();
    }
}
