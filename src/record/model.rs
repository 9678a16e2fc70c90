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
    /// Text typed into an editor and not yet confirmed when onsite stopped; the same
    /// editor opens with it again on resume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// Fields written by a later version of onsite, kept as they were.
    #[serde(flatten)]
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

fn is_false(b: &bool) -> bool {
    !*b
}

mod shared_checklist {
    //! Serialises an `Arc<Checklist>` as the checklist itself (no serde `rc` feature
    //! needed), from a cache: the checklist never changes during an inspection, so each
    //! save serialises only the answers around it.

    use std::cell::RefCell;
    use std::sync::{Arc, Weak};

    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::value::RawValue;

    use crate::checklist::Checklist;

    thread_local! {
        /// The last checklist serialised on this thread. The `Weak` keeps its allocation
        /// from being reused, so an equal pointer means the same, unchanged checklist
        /// (`Arc::make_mut` moves a value away from weak pointers rather than change it).
        static CACHE: RefCell<Option<(Weak<Checklist>, Box<RawValue>)>> =
            const { RefCell::new(None) };
    }

    /// Below this many questions a checklist serialises in well under a millisecond:
    /// not worth the memory of a cached copy.
    const CACHE_FROM_QUESTIONS: usize = 500;
    /// From this many questions the cached copy would take more memory (about 0.8 KB a
    /// question, pretty-printed) than the checklist itself; such a checklist is serialised
    /// on every save, which the saver thread does without holding up typing.
    const CACHE_BELOW_QUESTIONS: usize = 4_000;

    /// A writer that indents every line after the first by two spaces, as a field of a
    /// pretty-printed record is.
    struct Indented(Vec<u8>);

    impl std::io::Write for Indented {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            for &b in buf {
                self.0.push(b);
                if b == b'\n' {
                    self.0.extend_from_slice(b"  ");
                }
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    pub fn serialize<S: Serializer>(c: &Arc<Checklist>, s: S) -> Result<S::Ok, S::Error> {
        let questions: usize = c.sections.iter().map(|s| s.questions.len()).sum();
        if !(CACHE_FROM_QUESTIONS..CACHE_BELOW_QUESTIONS).contains(&questions) {
            return c.as_ref().serialize(s);
        }
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let hit = cache
                .as_ref()
                .is_some_and(|(w, _)| std::ptr::eq(w.as_ptr(), Arc::as_ptr(c)));
            if !hit {
                // Pretty, and indented as the field of a pretty-printed record, so a record
                // file reads the same as without the cache.
                let mut out = Indented(Vec::new());
                serde_json::to_writer_pretty(&mut out, c.as_ref()).map_err(S::Error::custom)?;
                let text = String::from_utf8(out.0).map_err(S::Error::custom)?;
                let raw = RawValue::from_string(text).map_err(S::Error::custom)?;
                *cache = Some((Arc::downgrade(c), raw));
            }
            match cache.as_ref() {
                Some((_, raw)) => raw.serialize(s),
                None => c.as_ref().serialize(s),
            }
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<Checklist>, D::Error> {
        Checklist::deserialize(d).map(Arc::new)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::session::tests::record;

        #[test]
        fn a_cached_checklist_is_written_as_without_the_cache() {
            let mut r = record();
            let big = crate::checklist::generate::checklist_json(CACHE_FROM_QUESTIONS);
            r.checklist = Arc::new(serde_json::from_str(&big).unwrap());
            // By way of a Value, the record is printed without the raw cache.
            let plain = serde_json::to_string_pretty(&serde_json::to_value(&r).unwrap()).unwrap();
            let first = serde_json::to_string_pretty(&r).unwrap();
            let second = serde_json::to_string_pretty(&r).unwrap();
            assert_eq!(first, plain);
            assert_eq!(second, plain);
            // A changed checklist (a new Arc) is not served from the cache.
            Arc::make_mut(&mut r.checklist).version = "2".into();
            let changed = serde_json::to_string_pretty(&r).unwrap();
            assert!(changed.contains("\"version\": \"2\""), "{changed}");
            let back: super::super::Record = serde_json::from_str(&changed).unwrap();
            assert_eq!(back, r);
        }
    }
}
