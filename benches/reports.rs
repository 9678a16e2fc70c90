//! Benchmarks of the reports: each format on a generated 1,000-answer record, and the
//! aggregate (parse, summarise, render CSV) over 1,000 generated 40-question records.
//!
//! Run briefly: `cargo bench --bench reports -- --warm-up-time 1 --measurement-time 2`.
//! With `ONSITE_BENCH_RECORDS=DIR` it first writes the same records as files, to time the
//! whole commands: `DIR/record.json` (1,000 answers) and `DIR/records/` (1,000 records).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use onsite::i18n::Lang;
use onsite::record::Record;
use onsite::report::aggregate::Aggregate;
use onsite::report::aggregate_render::{self, Format as AggFormat};
use onsite::report::{self, Format, Summary};
use serde_json::{Value, json};

/// A record of a checklist with `sections` × `per_section` choice questions, all answered.
fn generated(id: usize, sections: usize, per_section: usize) -> Value {
    let values = ["yes", "partial", "no", "na"];
    let mut answers = serde_json::Map::new();
    let mut secs = Vec::new();
    for s in 0..sections {
        let mut qs = Vec::new();
        for q in 0..per_section {
            let qid = format!("s{s}-q{q}");
            let priority = ["high", "medium", "low"][q % 3];
            qs.push(json!({
                "id": qid, "type": "choice", "responses": "ynp", "required": q % 3 == 0,
                "prompt": {"vi": format!("Nội dung kiểm tra số {q} của phần {s}?"), "en": format!("Check {q} of part {s}?")},
                "evidence": [{"vi": "Quyết định, kế hoạch, báo cáo", "en": "Decisions, plans, reports"}],
                "recommendation": {"text": {"vi": "Đề nghị Sở khắc phục hạn chế.", "en": "Fix it."}, "priority": priority}
            }));
            let v = values[(id + s * 7 + q) % 4];
            let mut a = json!({"value": v, "updated_at": "2026-11-23T09:00:00+07:00"});
            if q % 5 == 0 {
                a["note"] = json!(
                    "Ghi chú của đoàn kiểm tra: đã xem hồ sơ, còn thiếu biên bản.\nDòng hai."
                );
            }
            answers.insert(qid, a);
        }
        secs.push(json!({"id": format!("s{s}"), "title": {"vi": format!("Phần {s}"), "en": format!("Part {s}")}, "questions": qs}));
    }
    json!({
        "format": "onsite-record/1", "id": format!("20261123-0900-r{id}"), "status": "finished",
        "created_at": "2026-11-23T08:30:00+07:00", "updated_at": "2026-11-23T11:00:00+07:00",
        "checklist": {
            "format": "onsite-checklist/1", "id": "bench", "version": "1", "title": "Bench",
            "header": [{"id": "organisation", "label": "Đơn vị", "type": "text"}],
            "response_sets": {"ynp": [
                {"value": "yes", "label": "Có", "score": 1},
                {"value": "partial", "label": "Một phần", "score": 0.5, "flag": true},
                {"value": "no", "label": "Không", "score": 0, "flag": true},
                {"value": "na", "label": "Không áp dụng", "score": null}]},
            "rating": [{"min": 0.8, "label": "Tốt"}, {"min": 0, "label": "Chưa đạt"}],
            "sections": secs
        },
        "header": {"organisation": format!("Sở số {id}")},
        "answers": answers
    })
}

/// Writes the benchmark's records to `$ONSITE_BENCH_RECORDS`, if set.
fn write_records() {
    let Some(dir) = std::env::var_os("ONSITE_BENCH_RECORDS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let many = dir.join("records");
    std::fs::create_dir_all(&many).unwrap();
    let one = serde_json::to_string_pretty(&generated(1, 10, 100)).unwrap();
    std::fs::write(dir.join("record.json"), one).unwrap();
    for i in 0..1000 {
        let text = serde_json::to_string_pretty(&generated(i, 8, 5)).unwrap();
        std::fs::write(many.join(format!("20261123-0900-r{i}.json")), text).unwrap();
    }
}

fn single(c: &mut Criterion) {
    write_records();
    let record: Record = serde_json::from_value(generated(1, 10, 100)).unwrap();
    c.bench_function("summary/1000 answers", |b| {
        b.iter(|| Summary::compute(black_box(&record), Lang::Vi))
    });
    let summary = Summary::compute(&record, Lang::Vi);
    for format in [Format::Md, Format::Html, Format::Json, Format::Txt] {
        c.bench_function(
            &format!("render {}/1000 answers", format.extension()),
            |b| b.iter(|| report::render(black_box(&summary), format)),
        );
    }
}

fn aggregate(c: &mut Criterion) {
    let texts: Vec<String> = (0..1000).map(|i| generated(i, 8, 5).to_string()).collect();
    c.bench_function(
        "aggregate csv/1000 records (parse + summarise + render)",
        |b| {
            b.iter(|| {
                let mut agg = Aggregate::default();
                for t in &texts {
                    let r: Record = serde_json::from_str(t).unwrap();
                    agg.add(&Summary::compute(&r, Lang::Vi));
                }
                aggregate_render::render(&agg, AggFormat::Csv, Lang::Vi)
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = single, aggregate
}
criterion_main!(benches);
