//! The record format `onsite-record/1` (SPEC §4): one inspection, with its checklist embedded.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::checklist::{Checklist, Priority};

/// The only record format this version writes.
pub const RECORD_FORMAT: &str = "onsite-record/1";

/// A timestamp with its UTC offset (RFC 3339).
pub type Timestamp = DateTime<FixedOffset>;

/// Whether the inspection is still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being worked on.
    InProgress,
    /// Marked finished on the summary screen.
    Finished,
}

/// The value of an answer: a string for choice/text/date, a list for multi, a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// A number answer.
    Number(f64),
    /// A choice (option value), text, or date (`YYYY-MM-DD`).
    Text(String),
    /// The option values chosen in a multi question.
    Multi(Vec<String>),
}

/// What is recorded for one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The answer, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// The inspector's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Awaiting documents the organisation will send.
    #[serde(default, skip_serializing_if = "is_false")]
    pub awaiting_evidence: bool,
    /// When the answer or note last changed.
    pub updated_at: Timestamp,
}

impl Answer {
    /// Whether nothing at all is recorded (no value, note or mark).
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.note.is_empty() && !self.awaiting_evidence
    }
}

/// Which screen the inspector was on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    /// The title-page form.
    Header,
    /// The question screen.
    #[default]
    Questions,
    /// The summary screen.
    Summary,
}

/// Where to resume.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    /// The screen.
    #[serde(default)]
    pub screen: Screen,
    /// Id of the current question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// The inspector's own recommendation, or an edit or drop of a scripted one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationEntry {
    /// `q:<question-id>` for a scripted one, `own-<n>` for the inspector's own.
    pub id: String,
    /// The question it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// New wording; `None` keeps the scripted wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Priority; `None` keeps the scripted one (own ones default to medium).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Who must act.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsible: String,
    /// By when (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// A scripted recommendation the inspector dropped.
    #[serde(default, skip_serializing_if = "is_false")]
    pub dropped: bool,
}

/// A whole inspection record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always `onsite-record/1`.
    pub format: String,
    /// Readable, sortable id, e.g. `20261123-0930-so-tttt`.
    pub id: String,
    /// In progress or finished.
    pub status: Status,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// When it was finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    /// The checklist it was started from, in full. Shared, not copied: it never changes
    /// during an inspection, so the session, the save snapshot and the saver hold one copy.
    #[serde(with = "shared_checklist")]
    pub checklist: Arc<Checklist>,
    /// Header field id → value.
    #[serde(default)]
    pub header: IndexMap<String, String>,
    /// Question id → answer.
    #[serde(default)]
    pub answers: IndexMap<String, Answer>,
    /// The inspection's general notes (meeting minutes).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub general_notes: String,
    /// Where to resume.
    #[serde(default)]
    pub position: Position,
    /// The inspector's recommendations and edits of scripted ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<RecommendationEntry>,
    /// Fields written by a later version of onsite, kept as they were.
    #[serde(flatten)]
    pub extra: IndexMap<String, serde_json::Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

mod shared_checklist {
    //! Serialises an `Arc<Checklist>` as the checklist itself (no serde `rc` feature needed).

    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::checklist::Checklist;

    pub fn serialize<S: Serializer>(c: &Arc<Checklist>, s: S) -> Result<S::Ok, S::Error> {
        c.as_ref().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<Checklist>, D::Error> {
        Checklist::deserialize(d).map(Arc::new)
    }
}
