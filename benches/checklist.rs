//! Loading and validating checklists of 50, 1,000 and 20,000 questions (JSON parse with
//! located errors, every validation rule, sanitising): from text in memory (`load_str`, as
//! for bundled checklists) and from a file (`load_file`, as `onsite new FILE` does).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use onsite::checklist::load::{load_file, load_str};

#[path = "support/generate.rs"]
mod generate;
use generate::checklist_json;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("checklist_load");
    for n in [50usize, 1_000, 20_000] {
        let text = checklist_json(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| load_str(text, "bench.json").map(|c| c.sections.len()))
        });
    }
    group.finish();
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let mut group = c.benchmark_group("checklist_load_file");
    for n in [50usize, 1_000, 20_000] {
        let text = checklist_json(n);
        let path = dir.path().join(format!("bench-{n}.json"));
        if std::fs::write(&path, &text).is_err() {
            continue;
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| load_file(path).map(|c| c.sections.len()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = load
}
criterion_main!(benches);
