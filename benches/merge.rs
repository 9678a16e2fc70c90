//! Merging two members' journals of 500 answers each (`record::merge::merge`), half of the
//! questions answered by both (a quarter of those differently): the target is under 20 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use onsite::record::Timestamp;
use onsite::record::history::{Change, Flat};
use onsite::record::merge::merge;
use serde_json::json;

fn journal(by: &str, offset: usize, n: usize) -> Vec<Change> {
    let t0 = Timestamp::parse_from_rfc3339("2026-12-02T08:00:00+07:00").expect("time");
    (0..n)
        .map(|i| {
            let q = offset + i;
            let value = if q.is_multiple_of(4) && by == "Bình" {
                "no"
            } else {
                "yes"
            };
            Change {
                by: by.into(),
                seq: i as u64 + 1,
                at: t0 + chrono::Duration::seconds(i as i64),
                target: format!("answer/q{q}"),
                old: serde_json::Value::Null,
                new: json!(value),
                parents: Vec::new(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let a = journal("An", 0, 500);
    let b = journal("Bình", 250, 500);
    let merged = merge(&Flat::new(), a.iter().chain(&b).cloned());
    eprintln!(
        "two journals of 500 answers: {} targets, {} conflicts",
        merged.state.len(),
        merged.conflicts.len()
    );
    c.bench_function("merge two 500-answer journals", |bench| {
        bench.iter(|| {
            merge(
                &Flat::new(),
                std::hint::black_box(a.iter().chain(&b).cloned()),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
