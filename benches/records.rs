//! Listing and aggregating 1,000 records of the bundled `qcdc-agency` checklist, as a
//! team's data dir holds them after a season: `Store::list` (what `onsite list` and the
//! start screen do) and `Aggregate::read` + CSV (what `onsite aggregate` does).
//!
//! Run: `cargo bench --bench records -- --warm-up-time 1 --measurement-time 3`.

use criterion::{Criterion, criterion_group, criterion_main};
use onsite::i18n::Lang;
use onsite::record::Store;
use onsite::report::aggregate::Aggregate;
use onsite::report::aggregate_render::{self, Format};

#[path = "support/generate.rs"]
mod generate;

fn records(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    generate::bundled_records(dir.path(), "qcdc-agency", 1_000).expect("records");
    let store = Store::new(dir.path());
    let files: Vec<_> = store
        .ids()
        .expect("ids")
        .iter()
        .map(|id| store.path_of(id))
        .collect();
    assert_eq!(files.len(), 1_000);
    c.bench_function("list/1000 qcdc-agency records", |b| {
        b.iter(|| {
            let (list, warnings) = store.list();
            assert!(list.len() == 1_000 && warnings.is_empty());
            list
        })
    });
    c.bench_function("aggregate csv/1000 qcdc-agency records", |b| {
        b.iter(|| {
            let mut skipped = Vec::new();
            let agg = Aggregate::read(&files, Lang::Vi, &mut skipped, |_| {});
            assert!(skipped.is_empty());
            aggregate_render::render(&agg, Format::Csv, Lang::Vi)
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = records
}
criterion_main!(benches);
