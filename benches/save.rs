//! Durable save (temp file, fsync, rename, fsync dir) of records with 50, 1,000 and
//! 20,000 answers, and loading them back.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use indexmap::IndexMap;
use onsite::checklist::Checklist;
use onsite::record::{Answer, AnswerValue, Record, Store, Timestamp, load, new_record};

fn checklist(n: usize) -> Checklist {
    let questions: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("q{i}"), "type": "choice", "responses": "ynp",
                "prompt": {"vi": format!("Câu {i}: cơ quan có niêm yết công khai quy chế dân chủ không?"),
                           "en": format!("Question {i}: is the democracy regulation posted publicly?")},
                "guidance": "Kiểm tra bảng tin, cổng thông tin điện tử, biên bản hội nghị cán bộ."
            })
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "format": "onsite-checklist/1", "id": "bench", "version": "1", "title": "Đo tốc độ lưu",
        "header": [{"id": "organisation", "label": "Cơ quan"}],
        "response_sets": {"ynp": [
            {"value": "yes", "label": "Có", "score": 1},
            {"value": "no", "label": "Không", "score": 0, "flag": true}
        ]},
        "sections": [{"id": "s", "title": "Phần một", "questions": questions}]
    }))
    .expect("bench checklist")
}

fn record(n: usize) -> Record {
    let now = Timestamp::parse_from_rfc3339("2026-11-23T09:30:00+07:00").expect("time");
    let sets = [(
        "organisation".to_string(),
        "Sở Thông tin và Truyền thông".to_string(),
    )];
    let mut r = new_record(checklist(n), &sets, now).expect("record");
    let mut answers = IndexMap::new();
    for i in 0..n {
        answers.insert(
            format!("q{i}"),
            Answer {
                value: Some(AnswerValue::Text(
                    if i % 4 == 0 { "no" } else { "yes" }.into(),
                )),
                note: if i % 5 == 0 {
                    "Chưa niêm yết tại bảng tin; hẹn gửi bổ sung biên bản.".into()
                } else {
                    String::new()
                },
                awaiting_evidence: i % 9 == 0,
                updated_at: now,
            },
        );
    }
    r.answers = answers;
    r
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
