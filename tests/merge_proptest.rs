//! Property tests of the merge of members' changes (`record::merge`): three members edit
//! their copies of one shared inspection (answers, notes, marks) and now and then bring in
//! another member's changes, in random order. Then merging is commutative (any order of
//! the changes), idempotent (a change read twice counts once), loses no change, and every
//! target on which members' last concurrent values differ is a conflict — and nothing else.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use onsite::checklist::Checklist;
use onsite::record::history::{self, Change, Flat, heads};
use onsite::record::merge::{absorb, merge};
use onsite::record::team::Team;
use onsite::record::{Position, RECORD_FORMAT, Record, Status, Timestamp};
use proptest::prelude::*;
use serde_json::{Value, json};

const MEMBERS: [&str; 3] = ["An", "Bình", "Chi"];
const TARGETS: [&str; 5] = [
    "answer/q1",
    "answer/q2",
    "note/q1",
    "mark/q2",
    "header/site",
];

fn t0() -> Timestamp {
    Timestamp::parse_from_rfc3339("2026-12-02T08:00:00+07:00").expect("time")
}

fn copy(me: &str) -> Record {
    let checklist: Checklist = serde_json::from_value(json!({
        "format": "onsite-checklist/1", "id": "p", "version": "1", "title": "P",
        "header": [{"id": "site", "label": "Site"}],
        "sections": [{"id": "s", "title": "S", "questions": [
            {"id": "q1", "type": "text", "prompt": "One"},
            {"id": "q2", "type": "text", "prompt": "Two"}]}]
    }))
    .expect("checklist");
    Record {
        format: RECORD_FORMAT.into(),
        id: "shared".into(),
        status: Status::InProgress,
        created_at: t0(),
        updated_at: t0(),
        finished_at: None,
        checklist: Arc::new(checklist),
        header: Default::default(),
        answers: Default::default(),
        general_notes: String::new(),
        position: Position::default(),
        recommendations: Vec::new(),
        draft: None,
        follow_up: None,
        changes: Vec::new(),
        team: Some(Team {
            inspection: "shared".into(),
            me: me.into(),
            leader: "An".into(),
            assignments: Default::default(),
            base: Flat::new(),
            base_order: Vec::new(),
        }),
        extra: Default::default(),
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// Member m sets target t to value v (0: none).
    Set(usize, usize, u8),
    /// Member m brings in everything member n has.
    Pull(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..3usize, 0..TARGETS.len(), 0..4u8).prop_map(|(m, t, v)| Op::Set(m, t, v)),
        1 => (0..3usize, 0..3usize).prop_map(|(m, n)| Op::Pull(m, n)),
    ]
}

fn value_of(target: &str, v: u8) -> Value {
    match (target.starts_with("mark/"), v) {
        (_, 0) => Value::Null,
        (true, _) => Value::Bool(true),
        (false, v) => Value::String(format!("v{v}")),
    }
}

/// Plays the operations; returns the three copies.
fn play(ops: &[Op]) -> Vec<Record> {
    let mut copies: Vec<Record> = MEMBERS.iter().map(|m| copy(m)).collect();
    for (i, op) in ops.iter().enumerate() {
        let now = t0() + chrono::Duration::minutes(10 * (i as i64 + 1));
        match *op {
            Op::Set(m, t, v) => {
                let target = TARGETS[t];
                let r = &mut copies[m];
                let old = history::flatten(r)
                    .get(target)
                    .cloned()
                    .unwrap_or(Value::Null);
                let new = value_of(target, v);
                if old != new {
                    history::push(r, MEMBERS[m], target.into(), old, new.clone(), now);
                    let mut flat = history::flatten(r);
                    if new.is_null() {
                        flat.remove(target);
                    } else {
                        flat.insert(target.into(), new);
                    }
                    history::unflatten(r, &flat, &[], &BTreeMap::new());
                }
            }
            Op::Pull(m, n) if m != n => {
                let theirs = copies[n].changes.clone();
                absorb(&mut copies[m], theirs, now);
            }
            Op::Pull(..) => {}
        }
    }
    copies
}

fn all_changes(copies: &[Record]) -> Vec<Change> {
    copies.iter().flat_map(|r| r.changes.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative_idempotent_and_loses_nothing(
        ops in prop::collection::vec(op(), 1..40),
        seed in any::<u64>(),
    ) {
        let copies = play(&ops);
        let changes = all_changes(&copies);
        let once = merge(&Flat::new(), changes.clone());
        // Any order.
        let mut shuffled = changes.clone();
        let n = shuffled.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let other = merge(&Flat::new(), shuffled);
        prop_assert_eq!(&once, &other);
        // Twice, and merged with its own result.
        let twice = merge(&Flat::new(), changes.iter().cloned().chain(changes.iter().cloned()));
        prop_assert_eq!(&once, &twice);
        let again = merge(&Flat::new(), once.changes.clone());
        prop_assert_eq!(&once.state, &again.state);
        // No change lost: every member's own changes are all in the merge.
        let ids: BTreeSet<String> = once.changes.iter().map(|c| c.id()).collect();
        for r in &copies {
            for c in &r.changes {
                prop_assert!(ids.contains(&c.id()), "lost {}", c.id());
            }
        }
        // Every disagreement surfaced, and only disagreements.
        let conflicted: BTreeSet<&str> = once.conflicts.iter().map(|c| c.target.as_str()).collect();
        for t in TARGETS {
            let hs = heads(&once.changes, t);
            let values: BTreeSet<String> = hs.iter().map(|c| c.new.to_string()).collect();
            let disagree = values.len() > 1;
            let kept_all = t.starts_with("note/") || t.starts_with("mark/");
            prop_assert_eq!(conflicted.contains(t), disagree && !kept_all, "target {}", t);
            if disagree && t.starts_with("note/") {
                // Every member's text is in the merged note.
                let merged = once.state.get(t).and_then(Value::as_str).unwrap_or("");
                for h in &hs {
                    if let Some(text) = h.new.as_str() {
                        prop_assert!(merged.contains(text), "note {} lost {}", merged, text);
                    }
                }
            }
        }
    }

    #[test]
    fn two_members_who_never_met_and_answered_differently_conflict(
        a in 1..3u8, b in 1..3u8,
    ) {
        let ops = [Op::Set(0, 0, a), Op::Set(1, 0, b)];
        let copies = play(&ops);
        let m = merge(&Flat::new(), all_changes(&copies));
        prop_assert_eq!(m.conflicts.len(), usize::from(a != b));
        // Once one has seen the other and answers again, it is settled.
        let ops = [Op::Set(0, 0, a), Op::Set(1, 0, b), Op::Pull(1, 0), Op::Set(1, 0, 3)];
        let copies = play(&ops);
        let m = merge(&Flat::new(), all_changes(&copies));
        prop_assert!(m.conflicts.is_empty());
        prop_assert_eq!(m.state.get("answer/q1"), Some(&json!("v3")));
    }
}

/// A sanity bound in the debug build (the release figure is `cargo bench --bench merge`):
/// two journals of 500 answers, half on the same questions.
#[test]
fn merging_two_500_answer_journals_is_quick_even_unoptimised() {
    let journal = |by: &str, offset: usize| -> Vec<Change> {
        (0..500)
            .map(|i| Change {
                by: by.into(),
                seq: i as u64 + 1,
                at: t0() + chrono::Duration::seconds(i as i64),
                target: format!("answer/q{}", offset + i),
                old: Value::Null,
                new: json!(if (offset + i).is_multiple_of(4) {
                    by
                } else {
                    "yes"
                }),
                parents: Vec::new(),
            })
            .collect()
    };
    let (a, b) = (journal("An", 0), journal("Bình", 250));
    let start = std::time::Instant::now();
    let m = merge(&Flat::new(), a.into_iter().chain(b));
    let took = start.elapsed();
    eprintln!("debug build: merged 1,000 changes in {took:?}");
    assert_eq!(m.state.len(), 750);
    assert_eq!(m.conflicts.len(), 62);
    assert!(took < std::time::Duration::from_secs(1), "{took:?}");
}
