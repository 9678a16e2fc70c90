//! Benchmark of the documents (`onsite doc`): each kind built from a generated record of
//! 60 answered questions whose options carry statements and whose recommendations carry
//! addressees, from the record to the `.docx` bytes (summary included). Target: under
//! 100 ms each.
//!
//! Run briefly: `cargo bench --bench docs -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use onsite::checklist::Text;
use onsite::cli::doc::render_record;
use onsite::i18n::Lang;
use onsite::report::doc::{Kind, Profile};

#[path = "support/generate.rs"]
mod generate;

fn text(vi: &str, en: &str) -> Text {
    Text::Localized(
        [("vi".into(), vi.into()), ("en".into(), en.into())]
            .into_iter()
            .collect(),
    )
}

fn record() -> onsite::record::Record {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T09:00:00+07:00").unwrap();
    let mut r = generate::record(60, 60, now).unwrap();
    for s in &mut std::sync::Arc::make_mut(&mut r.checklist).sections {
        for q in &mut s.questions {
            q.statement.insert(
                "yes".into(),
                text(
                    "Sở đã công khai quy chế dân chủ ở cơ sở tại bảng tin.",
                    "Disclosed.",
                ),
            );
            q.statement.insert(
                "no".into(),
                text(
                    "Sở chưa công khai quy chế dân chủ ở cơ sở.",
                    "Not disclosed.",
                ),
            );
            if let Some(rec) = &mut q.recommendation {
                rec.addressee = Some(text("Người đứng đầu Sở", "The head"));
            }
        }
    }
    r
}

fn documents(c: &mut Criterion) {
    let r = record();
    let mut p = Profile::default();
    for (k, v) in [
        ("place", "Hà Tĩnh"),
        ("issuer", "Ban Chỉ đạo"),
        ("team-code", "ĐKT"),
    ] {
        p.set(k, v).unwrap();
    }
    for kind in [Kind::Minutes, Kind::Conclusion, Kind::Report, Kind::Brief] {
        c.bench_function(&format!("doc {} (60 questions)", kind.name()), |b| {
            b.iter(|| {
                render_record(kind, black_box(&r), Lang::Vi, &p)
                    .unwrap()
                    .len()
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = documents
}
criterion_main!(benches);
