//! Who did what: every change to an inspection (answer, note, mark, title-page field,
//! general notes, recommendation) as a [`Change`] with its author and time, kept in the
//! record's `changes` member. The same changes are what a team member's journal holds
//! (`crate::team::journal`) and what [`super::merge`] replays.
//!
//! A change names its *target* as a string (`answer/<question>`, `note/<question>`,
//! `mark/<question>`, `header/<field>`, `notes`, `rec/<recommendation id>`), the value
//! before and after as JSON (`null`: none), and its *parents*: the changes whose value it
//! replaced (`by#seq`). Two changes to one target neither of which knew the other are
//! concurrent; [`super::merge`] turns different concurrent values into a conflict.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::{Answer, RecommendationEntry, Record, Timestamp};

/// Changes by one author to one target closer together than this are kept as one change
/// (typing a note saves every few seconds).
pub const COALESCE_SECONDS: i64 = 300;

/// One change to one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The inspector who made it.
    pub by: String,
    /// Its number among that inspector's changes (increasing).
    pub seq: u64,
    /// When.
    pub at: Timestamp,
    /// What changed (see the module comment).
    pub target: String,
    /// The value before (`null`: none).
    #[serde(default)]
    pub old: Value,
    /// The value after (`null`: none).
    #[serde(default)]
    pub new: Value,
    /// The changes whose value this one replaced (`by#seq`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
}

impl Change {
    /// The change's id, `by#seq`.
    pub fn id(&self) -> String {
        format!("{}#{}", self.by, self.seq)
    }

    /// The question a change is about, if any.
    pub fn question(&self) -> Option<&str> {
        ["answer/", "note/", "mark/"]
            .iter()
            .find_map(|p| self.target.strip_prefix(p))
    }

    /// Makes the texts of a change read from a file inert.
    pub fn clean(&mut self) {
        crate::sanitize::line_in_place(&mut self.by);
        crate::sanitize::line_in_place(&mut self.target);
        clean_value(&mut self.old);
        clean_value(&mut self.new);
        for p in &mut self.parents {
            crate::sanitize::line_in_place(p);
        }
    }
}

fn clean_value(v: &mut Value) {
    match v {
        Value::String(s) => crate::sanitize::multiline_in_place(s),
        Value::Array(a) => a.iter_mut().for_each(clean_value),
        Value::Object(o) => o.values_mut().for_each(clean_value),
        _ => {}
    }
}

static INSPECTOR: OnceLock<String> = OnceLock::new();

/// Sets the name this process records as the author of changes (once; later calls are
/// ignored). Without it, the OS user name.
pub fn set_inspector(name: &str) {
    let _ = INSPECTOR.set(crate::sanitize::line(name.trim()));
}

/// The name this process records as the author of changes.
pub fn inspector() -> String {
    INSPECTOR.get().cloned().unwrap_or_else(os_user)
}

/// The OS user name, else `inspector`.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| crate::sanitize::line(v.trim()))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "inspector".into())
}

/// The ids of the changes to `target` no later change replaced (normally one; several
/// when members changed it concurrently).
pub fn heads<'a>(changes: &'a [Change], target: &str) -> Vec<&'a Change> {
    let on: Vec<&Change> = changes.iter().filter(|c| c.target == target).collect();
    heads_of(&on)
}

/// The heads among the changes to one target.
pub fn heads_of<'a>(on: &[&'a Change]) -> Vec<&'a Change> {
    let mut replaced: HashSet<String> = on.iter().flat_map(|c| c.parents.clone()).collect();
    let mut last_seq: BTreeMap<&str, u64> = BTreeMap::new();
    for c in on {
        let e = last_seq.entry(c.by.as_str()).or_insert(c.seq);
        *e = (*e).max(c.seq);
    }
    for c in on {
        if last_seq.get(c.by.as_str()).is_some_and(|&s| s > c.seq) {
            replaced.insert(c.id());
        }
    }
    on.iter()
        .copied()
        .filter(|c| !replaced.contains(&c.id()))
        .collect()
}

/// The number of `by`'s next change: after their last one, and no smaller than the time in
/// milliseconds, so that one inspector working on two machines does not number two changes
/// alike.
fn next_seq(record: &Record, by: &str, now: Timestamp) -> u64 {
    let last = record
        .changes
        .iter()
        .filter(|c| c.by == by)
        .map(|c| c.seq)
        .max()
        .unwrap_or(0);
    (last + 1).max(u64::try_from(now.timestamp_millis()).unwrap_or(0))
}

/// Appends a change by `by` at `now` to the record's changes: one change following the
/// heads of its target, or, when the last change is the same author's on the same target
/// a short while ago, merged into it (a change back to the old value drops it).
pub fn push(record: &mut Record, by: &str, target: String, old: Value, new: Value, now: Timestamp) {
    let seq = next_seq(record, by, now);
    let coalesce = record.changes.last().is_some_and(|last| {
        last.by == by
            && last.target == target
            && (now - last.at).num_seconds().abs() < COALESCE_SECONDS
    }) && {
        // Only while that change is the one value of the target (no other member's
        // concurrent change came in meanwhile).
        let hs = heads(&record.changes, &target);
        hs.len() == 1 && record.changes.last().is_some_and(|l| l.id() == hs[0].id())
    };
    if coalesce && let Some(last) = record.changes.pop() {
        if last.old == new {
            // Back where it started: nothing happened.
            return;
        }
        record.changes.push(Change {
            by: by.into(),
            seq,
            at: now,
            target,
            old: last.old,
            new,
            parents: last.parents,
        });
        return;
    }
    let parents = heads(&record.changes, &target)
        .iter()
        .map(|c| c.id())
        .collect();
    record.changes.push(Change {
        by: by.into(),
        seq,
        at: now,
        target,
        old,
        new,
        parents,
    });
}

/// Records a person's resolution of a conflict: `value` for `target`, replacing every
/// head (never merged into an earlier change).
pub fn resolve(record: &mut Record, by: &str, target: String, value: Value, now: Timestamp) {
    let seq = next_seq(record, by, now);
    let heads = heads(&record.changes, &target);
    let old = heads.last().map(|c| c.new.clone()).unwrap_or(Value::Null);
    let parents = heads.iter().map(|c| c.id()).collect();
    record.changes.push(Change {
        by: by.into(),
        seq,
        at: now,
        target,
        old,
        new: value,
        parents,
    });
}

/// The content of a record as targets → values (absent: none): what changes change.
pub type Flat = BTreeMap<String, Value>;

/// A record's content as targets (with a shared inspection's section assignments,
/// `assign/<section>`).
pub fn flatten(record: &Record) -> Flat {
    let mut f = flatten_parts(
        &record.header,
        &record.answers,
        &record.general_notes,
        &record.recommendations,
    );
    if let Some(t) = &record.team {
        for (s, m) in &t.assignments {
            f.insert(format!("assign/{s}"), Value::String(m.clone()));
        }
    }
    f
}

/// Content as targets, from its parts.
pub fn flatten_parts(
    header: &indexmap::IndexMap<String, String>,
    answers: &indexmap::IndexMap<String, Answer>,
    notes: &str,
    recs: &[RecommendationEntry],
) -> Flat {
    let mut f = Flat::new();
    for (k, v) in header {
        if !v.is_empty() {
            f.insert(format!("header/{k}"), Value::String(v.clone()));
        }
    }
    for (q, a) in answers {
        for (t, v) in answer_targets(q, Some(a)) {
            if !v.is_null() {
                f.insert(t, v);
            }
        }
    }
    if !notes.is_empty() {
        f.insert("notes".into(), Value::String(notes.into()));
    }
    for r in recs {
        f.insert(format!("rec/{}", r.id), rec_value(Some(r)));
    }
    f
}

/// The three targets of one question's answer and their values.
pub fn answer_targets(q: &str, a: Option<&Answer>) -> [(String, Value); 3] {
    let value = a
        .and_then(|a| a.value.as_ref())
        .and_then(|v| serde_json::to_value(v).ok())
        .unwrap_or(Value::Null);
    let note = a
        .filter(|a| !a.note.is_empty())
        .map(|a| Value::String(a.note.clone()))
        .unwrap_or(Value::Null);
    let mark = if a.is_some_and(|a| a.awaiting_evidence) {
        Value::Bool(true)
    } else {
        Value::Null
    };
    [
        (format!("answer/{q}"), value),
        (format!("note/{q}"), note),
        (format!("mark/{q}"), mark),
    ]
}

/// A recommendation entry as a value (`null`: none).
pub fn rec_value(r: Option<&RecommendationEntry>) -> Value {
    r.and_then(|r| serde_json::to_value(r).ok())
        .unwrap_or(Value::Null)
}

/// Puts targets' values into a record: answers in checklist order, header fields in the
/// checklist's order then by id, recommendations in `order` then by id. `at` gives each
/// answer's `updated_at` (the latest change to it).
pub fn unflatten(
    record: &mut Record,
    flat: &Flat,
    order: &[String],
    at: &BTreeMap<String, Timestamp>,
) {
    let mut header = indexmap::IndexMap::new();
    for f in &record.checklist.header {
        if let Some(Value::String(v)) = flat.get(&format!("header/{}", f.id)) {
            header.insert(f.id.clone(), v.clone());
        }
    }
    for (t, v) in flat.range("header/".to_string().."header0".to_string()) {
        if let (Some(k), Value::String(v)) = (t.strip_prefix("header/"), v)
            && !header.contains_key(k)
        {
            header.insert(k.to_string(), v.clone());
        }
    }
    record.header = header;
    let mut ids: Vec<String> = record
        .checklist
        .questions()
        .map(|(_, q)| q.id.clone())
        .collect();
    let known: HashSet<String> = ids.iter().cloned().collect();
    for t in flat.keys() {
        if let Some(q) = ["answer/", "note/", "mark/"]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            && !known.contains(q)
            && !ids.iter().any(|i| i == q)
        {
            ids.push(q.to_string());
        }
    }
    let mut answers = indexmap::IndexMap::new();
    for q in ids {
        let value = flat
            .get(&format!("answer/{q}"))
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        let note = match flat.get(&format!("note/{q}")) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let mark = flat.get(&format!("mark/{q}")) == Some(&Value::Bool(true));
        if value.is_none() && note.is_empty() && !mark {
            continue;
        }
        let updated_at = at
            .get(&q)
            .copied()
            .or_else(|| record.answers.get(&q).map(|a| a.updated_at))
            .unwrap_or(record.created_at);
        answers.insert(
            q,
            Answer {
                value,
                note,
                awaiting_evidence: mark,
                updated_at,
            },
        );
    }
    record.answers = answers;
    record.general_notes = match flat.get("notes") {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let mut recs: Vec<RecommendationEntry> = Vec::new();
    let entry = |id: &str| {
        flat.get(&format!("rec/{id}"))
            .and_then(|v| serde_json::from_value::<RecommendationEntry>(v.clone()).ok())
    };
    for id in order {
        if let Some(r) = entry(id) {
            recs.push(r);
        }
    }
    for t in flat.keys() {
        if let Some(id) = t.strip_prefix("rec/")
            && !order.iter().any(|o| o == id)
            && let Some(r) = entry(id)
        {
            recs.push(r);
        }
    }
    record.recommendations = recs;
    if let Some(t) = &mut record.team {
        t.assignments = flat
            .iter()
            .filter_map(|(k, v)| {
                Some((
                    k.strip_prefix("assign/")?.to_string(),
                    v.as_str()?.to_string(),
                ))
            })
            .collect();
    }
}

/// The changes to one question (answer, note, mark), oldest first.
pub fn of_question<'a>(record: &'a Record, question: &str) -> Vec<&'a Change> {
    let mut v: Vec<&Change> = record
        .changes
        .iter()
        .filter(|c| c.question() == Some(question))
        .collect();
    v.sort_by(|a, b| {
        a.at.cmp(&b.at)
            .then(a.by.cmp(&b.by))
            .then(a.seq.cmp(&b.seq))
    });
    v
}
