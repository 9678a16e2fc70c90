//! A shared inspection (SPEC §10): which inspection this record is a member's copy of,
//! who the member is, who has which section, and the content everyone started from.
//! Kept in the record as `team`; absent in every record not shared.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::history::Flat;

/// The team facts of a member's copy of a shared inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// The shared inspection's id (the leader's record id; every copy has it).
    pub inspection: String,
    /// Who this copy belongs to (the author of its changes).
    pub me: String,
    /// Who packed the inspection.
    pub leader: String,
    /// Section id → the member who takes it.
    #[serde(default)]
    pub assignments: IndexMap<String, String>,
    /// The content when the inspection was packed (targets → values): what every
    /// member's changes are replayed on.
    #[serde(default)]
    pub base: Flat,
    /// The order of the recommendations when it was packed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub base_order: Vec<String>,
}

impl Team {
    /// Makes the texts read from a file inert.
    pub fn clean(&mut self) {
        for s in [&mut self.inspection, &mut self.me, &mut self.leader] {
            crate::sanitize::line_in_place(s);
        }
        self.assignments = std::mem::take(&mut self.assignments)
            .into_iter()
            .map(|(k, v)| (crate::sanitize::line(&k), crate::sanitize::line(&v)))
            .collect();
    }

    /// The member who takes a section, if assigned.
    pub fn assignee(&self, section: &str) -> Option<&str> {
        self.assignments.get(section).map(String::as_str)
    }
}

/// A member name as a file name: folded to ASCII, lower case, `-` between words.
pub fn member_file_stem(name: &str) -> String {
    let slug = super::id::slug(name, 40);
    if slug.is_empty() {
        "member".into()
    } else {
        slug
    }
}
