//! What a listing of records shows (`onsite list`, the start screen): the checklist, the
//! organisation and the progress of each record.
//!
//! onsite writes these figures into the record file as `listing`, before the embedded
//! checklist, so that a listing reads the head of each file and nothing more (see
//! [`super::io::read_head`]). A record without them (written by an older onsite) is read in
//! full instead; on load the member is dropped, and it is computed afresh on every save.

use serde::{Deserialize, Serialize};

use indexmap::IndexMap;

use super::id;
use super::model::{Answer, Position, RecommendationEntry, Record, Status, Timestamp};
use super::progress::Progress;
use crate::checklist::visibility::visible;
use crate::checklist::{Checklist, Text};
use crate::sanitize;

/// The figures a listing shows for one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// Id of the checklist the record was started from.
    pub checklist_id: String,
    /// Title of that checklist.
    pub checklist_title: Text,
    /// The organisation header field (empty when none).
    pub organisation: String,
    /// Visible answerable questions answered.
    pub answered: usize,
    /// Visible answerable questions.
    pub total: usize,
}

impl Listing {
    /// The figures of a record.
    pub fn of(record: &Record) -> Listing {
        let p = progress(record);
        Listing {
            checklist_id: record.checklist.id.clone(),
            checklist_title: record.checklist.title.clone(),
            organisation: id::organisation(record).unwrap_or("").to_string(),
            answered: p.answered,
            total: p.total,
        }
    }

    /// The figures with every text made inert (they come from a file).
    pub fn sanitized(mut self) -> Listing {
        sanitize::line_in_place(&mut self.checklist_id);
        sanitize::line_in_place(&mut self.organisation);
        self.checklist_title
            .edit_strings(&sanitize::line_if_changed);
        self
    }
}

/// The progress of a record over its visible questions.
pub fn progress(record: &Record) -> Progress {
    let shown = visible(&record.checklist, &record.answers);
    let questions = record.checklist.questions().map(|(_, q)| q);
    let visible = questions.zip(shown).filter(|(_, v)| *v).map(|(q, _)| q);
    Progress::of(visible, &record.answers)
}

/// Written in the order of the fields, with `listing` (computed now) before the checklist.
impl Serialize for Record {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Written<'a> {
            format: &'a str,
            id: &'a str,
            status: Status,
            created_at: &'a Timestamp,
            updated_at: &'a Timestamp,
            #[serde(skip_serializing_if = "Option::is_none")]
            finished_at: Option<&'a Timestamp>,
            listing: Listing,
            checklist: &'a Checklist,
            header: &'a IndexMap<String, String>,
            answers: &'a IndexMap<String, Answer>,
            #[serde(skip_serializing_if = "str::is_empty")]
            general_notes: &'a str,
            position: &'a Position,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            recommendations: &'a [RecommendationEntry],
            #[serde(skip_serializing_if = "Option::is_none")]
            follow_up: Option<&'a super::followup::FollowUp>,
            #[serde(skip_serializing_if = "Option::is_none")]
            draft: Option<&'a super::model::Draft>,
            #[serde(skip_serializing_if = "Option::is_none")]
            team: Option<&'a super::team::Team>,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            changes: &'a [super::history::Change],
            #[serde(flatten)]
            extra: &'a IndexMap<String, serde_json::Value>,
        }
        Written {
            format: &self.format,
            id: &self.id,
            status: self.status,
            created_at: &self.created_at,
            updated_at: &self.updated_at,
            finished_at: self.finished_at.as_ref(),
            listing: Listing::of(self),
            checklist: &self.checklist,
            header: &self.header,
            answers: &self.answers,
            general_notes: &self.general_notes,
            position: &self.position,
            recommendations: &self.recommendations,
            follow_up: self.follow_up.as_ref(),
            draft: self.draft.as_ref(),
            team: self.team.as_ref(),
            changes: &self.changes,
            extra: &self.extra,
        }
        .serialize(s)
    }
}
