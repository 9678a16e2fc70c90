//! Bringing a member's copy together with the others' through a folder: a shared folder
//! (Syncthing, a network drive, a USB stick) or the work tree of a git clone. Each member
//! writes only their own journal there; everyone's journals are read and merged in.

use std::path::Path;

use super::{TeamError, journal};
use crate::record::merge::{Conflict, absorb};
use crate::record::{Record, Timestamp};

/// What a sync did.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Changes read from the folder that this copy did not have.
    pub new_changes: usize,
    /// Members whose changes the copy holds now (this member included).
    pub members: Vec<String>,
    /// Disagreements left to resolve.
    pub conflicts: Vec<Conflict>,
}

/// Reads every journal of the record's inspection in `dir`, merges them into the record,
/// and writes the member's own journal there. The record is changed in memory: the caller
/// saves it (before the journal is written, so the journal never holds more than the
/// record file; see [`write_own`]).
pub fn merge_from(record: &mut Record, dir: &Path, now: Timestamp) -> Result<Outcome, TeamError> {
    let team = record
        .team
        .clone()
        .ok_or_else(|| TeamError::NotShared(record.id.clone()))?;
    let incoming = journal::read_folder(&journal::folder_of(dir, &team.inspection))?;
    let before: std::collections::HashSet<String> = record.changes.iter().map(|c| c.id()).collect();
    let mut fresh: Vec<String> = incoming
        .iter()
        .map(|c| c.id())
        .filter(|id| !before.contains(id))
        .collect();
    fresh.sort();
    fresh.dedup();
    let conflicts = absorb(record, incoming, now);
    let mut members: Vec<String> = record.changes.iter().map(|c| c.by.clone()).collect();
    members.push(team.me.clone());
    members.sort();
    members.dedup();
    Ok(Outcome {
        new_changes: fresh.len(),
        members,
        conflicts,
    })
}

/// Writes the member's own journal (their changes in the record) into `dir`.
pub fn write_own(record: &Record, dir: &Path) -> Result<std::path::PathBuf, TeamError> {
    let team = record
        .team
        .as_ref()
        .ok_or_else(|| TeamError::NotShared(record.id.clone()))?;
    let mine: Vec<&crate::record::history::Change> =
        record.changes.iter().filter(|c| c.by == team.me).collect();
    let path = journal::path_of(dir, &team.inspection, &team.me);
    // Never write a journal with fewer changes than one already there of ours: another
    // machine of the same member may have written it (its changes are merged in first).
    journal::write(&path, &mine)?;
    Ok(path)
}
