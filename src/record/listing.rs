//! What a listing of records shows (`onsite list`, the start screen): the checklist, the
//! organisation and the progress of each record.
//!
//! onsite writes these figures into the record file as `listing`, before the embedded
//! checklist, so that a listing reads the head of each file and nothing more (see
//! [`super::io::read_head`]). A record without them (written by an older onsite) is read in
//! full instead; on load the member is dropped, and it is computed afresh on every save.

use serde::{Deserialize, Serialize};

use super::id;
use super::model::Record;
use crate::checklist::Text;
use crate::checklist::visibility::visible;
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
        let (answered, total) = progress_counts(record);
        Listing {
            checklist_id: record.checklist.id.clone(),
            checklist_title: record.checklist.title.clone(),
            organisation: id::organisation(record).unwrap_or("").to_string(),
            answered,
            total,
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

/// Answered visible answerable questions, and visible answerable questions.
pub fn progress_counts(record: &Record) -> (usize, usize) {
    let shown = visible(&record.checklist, &record.answers);
    let mut answered = 0;
    let mut total = 0;
    for ((_, q), v) in record.checklist.questions().zip(shown) {
        if v && q.is_answerable() {
            total += 1;
            if record.answers.get(&q.id).is_some_and(|a| a.is_answered()) {
                answered += 1;
            }
        }
    }
    (answered, total)
}
