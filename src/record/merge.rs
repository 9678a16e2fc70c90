//! Merging a team's work: replays every member's changes on the content the inspection
//! started from, deterministically (the same changes in any order, any number of times,
//! give the same result).
//!
//! Per target, the *heads* are the changes no other change replaced (see
//! [`super::history::heads_of`]). One head, or heads that agree: that value. Heads that
//! disagree on a note or the general notes: every text is kept, each under its author.
//! On an evidence mark: marked. On an answer, a title-page field or a recommendation: a
//! [`Conflict`] for a person to resolve; until then the latest head is shown.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::history::{Change, Flat, heads_of};
use super::model::{Record, Timestamp};

/// Two or more members' different values for one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The target (`answer/<question>`, `header/<field>`, `rec/<id>`).
    pub target: String,
    /// Each side: the change that gave it (author, time, value), oldest first.
    pub sides: Vec<Change>,
}

impl Conflict {
    /// The question, when the conflict is about an answer.
    pub fn question(&self) -> Option<&str> {
        self.target.strip_prefix("answer/")
    }
}

/// What merging gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The content.
    pub state: Flat,
    /// Every change, once, oldest first.
    pub changes: Vec<Change>,
    /// Disagreements left for a person, by target.
    pub conflicts: Vec<Conflict>,
    /// For each question, when it last changed.
    pub answered_at: BTreeMap<String, Timestamp>,
}

fn order(a: &Change, b: &Change) -> std::cmp::Ordering {
    a.at.cmp(&b.at)
        .then_with(|| a.by.cmp(&b.by))
        .then_with(|| a.seq.cmp(&b.seq))
        .then_with(|| canonical(a).cmp(&canonical(b)))
}

fn canonical(c: &Change) -> String {
    serde_json::to_string(c).unwrap_or_default()
}

/// Every change once: two with one id (one author's change read from two copies) are one;
/// should they differ, the greater (in a fixed order) is kept.
pub fn dedupe(changes: impl IntoIterator<Item = Change>) -> Vec<Change> {
    let mut by_id: BTreeMap<(String, u64), Change> = BTreeMap::new();
    for c in changes {
        let key = (c.by.clone(), c.seq);
        match by_id.get(&key) {
            Some(old) if old == &c || order(old, &c).is_ge() => {}
            _ => {
                by_id.insert(key, c);
            }
        }
    }
    let mut v: Vec<Change> = by_id.into_values().collect();
    v.sort_by(order);
    v
}

/// Replays `changes` on `base`.
pub fn merge(base: &Flat, changes: impl IntoIterator<Item = Change>) -> Merged {
    let changes = dedupe(changes);
    let mut groups: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for c in &changes {
        groups.entry(c.target.as_str()).or_default().push(c);
    }
    let mut state = base.clone();
    let mut conflicts = Vec::new();
    let mut answered_at = BTreeMap::new();
    for (target, on) in &groups {
        if let Some(q) = ["answer/", "note/", "mark/"]
            .iter()
            .find_map(|p| target.strip_prefix(p))
            && let Some(last) = on.last()
        {
            let e = answered_at.entry(q.to_string()).or_insert(last.at);
            *e = (*e).max(last.at);
        }
        let heads = heads_of(on);
        let value = settle(target, &heads, &mut conflicts);
        if value.is_null() {
            state.remove(*target);
        } else {
            state.insert(target.to_string(), value);
        }
    }
    Merged {
        state,
        changes,
        conflicts,
        answered_at,
    }
}

/// The value of a target from its heads (oldest first).
fn settle(target: &str, heads: &[&Change], conflicts: &mut Vec<Conflict>) -> Value {
    let Some(latest) = heads.last() else {
        return Value::Null;
    };
    if heads.iter().all(|h| h.new == latest.new) {
        return latest.new.clone();
    }
    if target == "notes" || target.starts_with("note/") {
        return joined_notes(heads);
    }
    if target.starts_with("mark/") {
        return Value::Bool(true);
    }
    conflicts.push(Conflict {
        target: target.to_string(),
        sides: heads.iter().map(|c| (*c).clone()).collect(),
    });
    latest.new.clone()
}

/// Concurrent notes: every distinct text (one inside another counts once), each under
/// its author.
fn joined_notes(heads: &[&Change]) -> Value {
    let texts: Vec<(&str, &str)> = heads
        .iter()
        .filter_map(|c| c.new.as_str().map(|t| (c.by.as_str(), t)))
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    let mut kept: Vec<(&str, &str)> = Vec::new();
    for (i, (by, t)) in texts.iter().enumerate() {
        let inside_other = texts
            .iter()
            .enumerate()
            .any(|(j, (_, o))| j != i && o.contains(t) && (o.len() > t.len() || j < i));
        if !inside_other {
            kept.push((by, t));
        }
    }
    match kept.as_slice() {
        [] => Value::Null,
        [(_, t)] => Value::String((*t).to_string()),
        many => Value::String(
            many.iter()
                .map(|(by, t)| format!("[{by}] {t}"))
                .collect::<Vec<_>>()
                .join("\n\n"),
        ),
    }
}

/// The open conflicts of a shared inspection's record (none for a record not shared).
pub fn conflicts(record: &Record) -> Vec<Conflict> {
    match &record.team {
        Some(team) => merge(&team.base, record.changes.iter().cloned()).conflicts,
        None => Vec::new(),
    }
}

/// Replays the record's changes and every change in `incoming` on its team's base and puts
/// the result into the record (a record not shared is left as it is). Edits not in the
/// changes (made by an onsite without history, or by hand) are first recorded as changes
/// by the record's member, so nothing is lost.
pub fn absorb(record: &mut Record, incoming: Vec<Change>, now: Timestamp) -> Vec<Conflict> {
    let Some(team) = record.team.clone() else {
        return Vec::new();
    };
    catch_up(record, &team.base, &team.me, now);
    replay(record, incoming)
}

/// Replays the record's changes and `incoming` on its team's base and puts the result into
/// the record (a record not shared is left as it is).
pub fn replay(record: &mut Record, incoming: Vec<Change>) -> Vec<Conflict> {
    let Some(team) = record.team.clone() else {
        return Vec::new();
    };
    let all: Vec<Change> = record.changes.drain(..).chain(incoming).collect();
    let merged = merge(&team.base, all);
    super::history::unflatten(record, &merged.state, &team.base_order, &merged.answered_at);
    record.changes = merged.changes;
    if let Some(last) = record.changes.last()
        && last.at > record.updated_at
    {
        record.updated_at = last.at;
    }
    merged.conflicts
}

/// Records as changes by `me` whatever differs between the record's content and what its
/// changes give.
pub fn catch_up(record: &mut Record, base: &Flat, me: &str, now: Timestamp) {
    let implied = merge(base, record.changes.iter().cloned()).state;
    let actual = super::history::flatten(record);
    let targets: std::collections::BTreeSet<&String> =
        implied.keys().chain(actual.keys()).collect();
    let mut missing = Vec::new();
    for t in targets {
        let (a, b) = (implied.get(t), actual.get(t));
        if a != b {
            missing.push((
                t.clone(),
                a.cloned().unwrap_or(Value::Null),
                b.cloned().unwrap_or(Value::Null),
            ));
        }
    }
    for (t, old, new) in missing {
        super::history::resolve(record, me, t, new, now);
        if let Some(c) = record.changes.last_mut() {
            c.old = old;
        }
    }
}
