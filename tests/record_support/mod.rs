//! Shared fixtures of the record tests: a Vietnamese checklist, records with answers.
#![allow(dead_code)]

use indexmap::IndexMap;
use onsite::checklist::Checklist;
use onsite::record::{Answer, AnswerValue, Record, Timestamp, new_record};

/// A fixed time (Hà Nội, UTC+7).
pub fn at(s: &str) -> Timestamp {
    Timestamp::parse_from_rfc3339(s).expect("fixture time")
}

/// A small checklist with a condition, a number, a multi, an info question.
pub fn checklist() -> Checklist {
    serde_json::from_value(serde_json::json!({
        "format": "onsite-checklist/1", "id": "qcdc-agency", "version": "2026.1",
        "title": {"vi": "Kiểm tra thực hiện dân chủ ở cơ sở", "en": "Grassroots democracy check"},
        "header": [
            {"id": "organisation", "label": {"vi": "Cơ quan", "en": "Organisation"}, "required": true},
            {"id": "date", "label": "Ngày", "type": "date", "default": "today"}
        ],
        "response_sets": {"ynp": [
            {"value": "yes", "label": "Có", "score": 1},
            {"value": "partial", "label": "Một phần", "score": 0.5, "flag": true},
            {"value": "no", "label": "Không", "score": 0, "flag": true}
        ]},
        "sections": [
            {"id": "leadership", "title": "Lãnh đạo, chỉ đạo", "questions": [
                {"id": "intro", "type": "info", "prompt": "Giới thiệu thành phần đoàn"},
                {"id": "steering", "type": "choice", "responses": "ynp", "required": true,
                 "prompt": "Có thành lập Ban Chỉ đạo thực hiện dân chủ ở cơ sở không?"},
                {"id": "steering-decision", "type": "text",
                 "prompt": "Số quyết định thành lập", "show_if": {"q": "steering", "is": "yes"}}
            ]},
            {"id": "publicity", "title": "Công khai", "questions": [
                {"id": "staff", "type": "number", "min": 0, "integer": true, "prompt": "Số cán bộ"},
                {"id": "channels", "type": "multi", "prompt": "Hình thức công khai",
                 "options": [{"value": "board", "label": "Niêm yết"}, {"value": "web", "label": "Cổng thông tin"}]},
                {"id": "meeting-date", "type": "date", "prompt": "Ngày hội nghị cán bộ"}
            ]}
        ]
    }))
    .expect("fixture checklist")
}

/// A checklist of `n` text questions in one section (for big records).
pub fn big_checklist(n: usize) -> Checklist {
    let questions: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("q{i}"), "type": "text", "prompt": format!("Câu hỏi số {i} về công khai, minh bạch")}))
        .collect();
    serde_json::from_value(serde_json::json!({
        "format": "onsite-checklist/1", "id": "big", "version": "1", "title": "Bộ câu hỏi lớn",
        "header": [{"id": "organisation", "label": "Cơ quan"}],
        "sections": [{"id": "s", "title": "Phần một", "questions": questions}]
    }))
    .expect("big checklist")
}

/// A record of the small checklist for `organisation`, with some answers.
pub fn record(organisation: &str, now: Timestamp) -> Record {
    let mut r = new_record(
        checklist(),
        &[("organisation".to_string(), organisation.to_string())],
        now,
        onsite::i18n::Lang::En,
    )
    .expect("fixture record");
    r.answers.insert(
        "steering".into(),
        Answer {
            value: Some(AnswerValue::Text("yes".into())),
            note: "Quyết định số 12/QĐ-STTTT\nngày 05/3/2023".into(),
            awaiting_evidence: false,
            updated_at: now,
        },
    );
    r.answers.insert(
        "staff".into(),
        Answer {
            value: Some(AnswerValue::Number(42.0)),
            note: String::new(),
            awaiting_evidence: true,
            updated_at: now,
        },
    );
    r
}

/// A record of `big_checklist(n)` with every question answered; `k` varies the text.
pub fn big_record(n: usize, k: u64, now: Timestamp) -> Record {
    let mut r = new_record(
        big_checklist(n),
        &[("organisation".into(), "Sở Nội vụ tỉnh Đồng Nai".into())],
        now,
        onsite::i18n::Lang::En,
    )
    .expect("big record");
    r.id = "20261123-0930-big".into();
    let mut answers = IndexMap::new();
    for i in 0..n {
        answers.insert(
            format!("q{i}"),
            Answer {
                value: Some(AnswerValue::Text(format!(
                    "Trả lời {i}, lần lưu {k}: đã niêm yết công khai"
                ))),
                note: if i % 3 == 0 {
                    format!("Ghi chú {k}\nđầy đủ")
                } else {
                    String::new()
                },
                awaiting_evidence: i % 7 == 0,
                updated_at: now,
            },
        );
    }
    r.answers = answers;
    r.general_notes = format!("state {k}");
    r
}
