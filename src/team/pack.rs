//! The file a member needs to join a shared inspection (`onsite team pack`): the checklist,
//! the title page and answers so far, the section assignments and who leads. Joining
//! (`onsite team join`) makes the member's own copy of the record from it.

use std::path::Path;
use std::sync::Arc;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::TeamError;
use crate::checklist::Checklist;
use crate::record::history::{Flat, flatten};
use crate::record::team::Team;
use crate::record::{Position, RECORD_FORMAT, Record, Status, Timestamp};

/// The format of a pack file.
pub const PACK_FORMAT: &str = "onsite-team-pack/1";

/// A pack file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always [`PACK_FORMAT`].
    pub format: String,
    /// The shared inspection's id.
    pub inspection: String,
    /// Who leads.
    pub leader: String,
    /// When the leader started the inspection.
    pub created_at: Timestamp,
    /// Section id → member.
    #[serde(default)]
    pub assignments: IndexMap<String, String>,
    /// The content everyone starts from.
    pub base: Flat,
    /// The order of the recommendations in it.
    #[serde(default)]
    pub base_order: Vec<String>,
    /// Every change the packer's copy knows (their journal and those merged into it).
    #[serde(default)]
    pub changes: Vec<crate::record::history::Change>,
    /// The checklist.
    pub checklist: Checklist,
}

/// Makes a record the leader's copy of a shared inspection (when it is not one yet).
pub fn share(record: &mut Record, leader: &str) {
    if record.team.is_some() {
        return;
    }
    let base = flatten(record);
    record.team = Some(Team {
        inspection: record.id.clone(),
        me: leader.to_string(),
        leader: leader.to_string(),
        assignments: IndexMap::new(),
        base,
        base_order: record
            .recommendations
            .iter()
            .map(|r| r.id.clone())
            .collect(),
    });
}

/// The pack of a shared record (`None` when it is not shared).
pub fn pack(record: &Record) -> Option<Pack> {
    let team = record.team.as_ref()?;
    Some(Pack {
        format: PACK_FORMAT.into(),
        inspection: team.inspection.clone(),
        leader: team.leader.clone(),
        created_at: record.created_at,
        assignments: team.assignments.clone(),
        base: team.base.clone(),
        base_order: team.base_order.clone(),
        changes: record.changes.clone(),
        checklist: (*record.checklist).clone(),
    })
}

/// Reads a pack file; errors name the file and `line:column`.
pub fn read(path: &Path) -> Result<Pack, TeamError> {
    let text = std::fs::read_to_string(path).map_err(|source| TeamError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let format = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_string));
    if format.as_deref() != Some(PACK_FORMAT) {
        return Err(TeamError::NotAPack(path.to_path_buf()));
    }
    let mut pack: Pack = serde_json::from_str(&text).map_err(|e| TeamError::Bad {
        path: path.to_path_buf(),
        place: format!("{}:{}", e.line(), e.column()),
        what: crate::sanitize::line(&e.to_string()),
    })?;
    crate::record::io::clean_checklist(&mut pack.checklist);
    crate::sanitize::line_in_place(&mut pack.inspection);
    crate::sanitize::line_in_place(&mut pack.leader);
    for c in &mut pack.changes {
        c.clean();
    }
    Ok(pack)
}

/// The id of a member's copy: the inspection's id when it is a valid record id (so that
/// every copy has the same id), else a slug of it.
fn member_copy_id(inspection: &str) -> String {
    if crate::record::id::is_valid(inspection) {
        return inspection.to_string();
    }
    let slug = crate::record::id::slug(inspection, 80);
    if crate::record::id::is_valid(&slug) {
        slug
    } else {
        "shared-inspection".into()
    }
}

/// A member's new copy of the shared inspection.
pub fn join(mut pack: Pack, me: &str, now: Timestamp) -> Record {
    let changes = std::mem::take(&mut pack.changes);
    let team = Team {
        inspection: pack.inspection.clone(),
        me: me.to_string(),
        leader: pack.leader,
        assignments: pack.assignments,
        base: pack.base,
        base_order: pack.base_order,
    };
    let mut record = Record {
        format: RECORD_FORMAT.into(),
        id: member_copy_id(&pack.inspection),
        status: Status::InProgress,
        created_at: pack.created_at,
        updated_at: now,
        finished_at: None,
        checklist: Arc::new(pack.checklist),
        header: IndexMap::new(),
        answers: IndexMap::new(),
        general_notes: String::new(),
        position: Position::default(),
        recommendations: Vec::new(),
        draft: None,
        follow_up: None,
        changes: Vec::new(),
        team: Some(team),
        extra: IndexMap::new(),
    };
    crate::record::merge::replay(&mut record, changes);
    crate::record::io::clean_record(&mut record);
    record
}
