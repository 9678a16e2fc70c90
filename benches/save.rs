//! Durable save (temp file, fsync, rename, fsync dir) of records with 50, 1,000 and
//! 20,000 answers, and loading them back.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use onsite::record::{Record, Store, Timestamp, load};

#[path = "support/generate.rs"]
mod generate;

fn record(n: usize) -> Record {
    let now = Timestamp::parse_from_rfc3339("2026-11-23T09:30:00+07:00").expect("time");
    generate::record(n, n, now).expect("bench record")
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut group = c.benchmark_group("durable_save");
    group.sample_size(10);
    for n in [50usize, 1_000, 20_000] {
        let mut r = record(n);
        let path = store.create(&mut r).expect("create");
        let bytes = std::fs::metadata(&path).expect("size").len();
        eprintln!("{n} answers: {bytes} bytes on disk");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("save", n), &r, |b, r| {
            b.iter(|| store.save(std::hint::black_box(r)).expect("save"))
        });
        group.bench_with_input(BenchmarkId::new("load", n), &path, |b, p| {
            b.iter(|| load(std::hint::black_box(p)).expect("load"))
        });
    }
    group.finish();
}

criterion_group!(benches, save);
criterion_main!(benches);
