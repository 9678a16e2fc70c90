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

pub use crate::checklist::value::AnswerValue;

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

impl crate::checklist::value::Answered for Answer {
    fn answer_value(&self) -> Option<&AnswerValue> {
        self.value.as_ref()
    }
}

impl Answer {
    /// Whether the question is answered (see [`AnswerValue::is_answered`]).
    pub fn is_answered(&self) -> bool {
        self.value.as_ref().is_some_and(AnswerValue::is_answered)
    }

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

/// A whole inspection record. Written with the figures of a listing before the checklist
/// (see [`super::listing`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    #[serde(deserialize_with = "shared_checklist")]
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
    /// Text typed into an editor and not yet confirmed when onsite stopped; the same
    /// editor opens with it again on resume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// The previous visit, when this inspection follows one up (SPEC §9); absent in every
    /// other record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<super::followup::FollowUp>,
    /// Every change with its author and time, oldest first (see [`super::history`]);
    /// empty in records from before history was kept.
    #[serde(default)]
    pub changes: Vec<super::history::Change>,
    /// The team facts when this is a member's copy of a shared inspection.
    #[serde(default)]
    pub team: Option<super::team::Team>,
    /// Fields written by a later version of onsite, kept as they were.
    #[serde(flatten, deserialize_with = "without_listing")]
    pub extra: IndexMap<String, serde_json::Value>,
}

/// Text typed into an editor (other than a note, which is saved as the note itself) and
/// not yet confirmed: kept on every signal, hang-up and quit, and offered again on resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Which editor it was typed in.
    #[serde(flatten)]
    pub editor: DraftEditor,
    /// The text as typed.
    pub text: String,
}

/// The editor a draft belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "editor", rename_all = "snake_case")]
pub enum DraftEditor {
    /// The answer of a text, number or date question.
    Answer {
        /// The question.
        question: String,
    },
    /// A new recommendation of the inspector's own.
    Recommendation {
        /// Its question; `None` for a general one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        question: Option<String>,
        /// The priority chosen so far.
        priority: Priority,
    },
    /// A field of an existing recommendation: `text`, `responsible` or `due`.
    RecommendationField {
        /// The recommendation id.
        id: String,
        /// The field.
        field: String,
    },
    /// A title-page field.
    Header {
        /// The header field id.
        field: String,
    },
}

/// The members of a record file that no field reads, but `listing` (written afresh on every
/// save).
fn without_listing<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<IndexMap<String, serde_json::Value>, D::Error> {
    let mut extra = IndexMap::<String, serde_json::Value>::deserialize(d)?;
    extra.shift_remove(LISTING);
    Ok(extra)
}

/// The member holding the figures of a listing (written by the `Serialize` of [`Record`],
/// in [`super::listing`]).
const LISTING: &str = "listing";

fn is_false(b: &bool) -> bool {
    !*b
}

/// Reads the checklist into an `Arc` (no serde `rc` feature needed).
fn shared_checklist<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Arc<Checklist>, D::Error> {
    Checklist::deserialize(d).map(Arc::new)
}
