//! Nothing typed goes missing (issue 13 #1): a whole Vietnamese record of the bundled
//! `qcdc-agency`, typed the Vietnamese way (`8.537`, `5/9/2024`), with a note on every
//! visible question (answered or not), evidence marks, general notes, the title page and
//! recommendations with responsible party and due date. Every distinctive string, number
//! and date must be found in each format `onsite report` writes (md, html, json, txt).
//! A note on an information item (which takes no answer) is kept too. The documents the
//! team signs (`onsite doc minutes|report|conclusion`) carry every note and text typed.

mod cli;
mod doc_support;

use std::collections::BTreeMap;

use cli::text;
use onsite::checklist::QuestionType;
use onsite::i18n::Lang;
use onsite::record::Record;
use onsite::session::{Command, Effect, Session};

fn now() -> onsite::record::Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-12-02T08:15:00+07:00").expect("time")
}

/// Numbers typed as a Vietnamese inspector types them, and how reports must write them.
fn number_for(id: &str, k: usize) -> (String, String) {
    let (typed, shown) = match id {
        "staff-total" => ("8.537", "8.537"),
        "info-requests" => ("1.487", "1.487"),
        "comments-received" => ("2 351", "2.351"),
        "conf-convened" => ("7.962", "7.962"),
        "conf-attended" => ("6418", "6.418"),
        "complaints-count" => ("3.049", "3.049"),
        "board-members" => ("47", "47"),
        _ => return ((611 + k).to_string(), (611 + k).to_string()),
    };
    (typed.to_string(), shown.to_string())
}

/// A date typed day-first (with and without leading zeros) and how reports write it.
fn date_for(k: usize) -> (String, String, String) {
    let (d, m, y) = (1 + k % 27, 1 + k % 12, 2020 + k % 6);
    (
        format!("{d}/{m}/{y}"),
        format!("{d:02}/{m:02}/{y}"),
        format!("{y}-{m:02}-{d:02}"),
    )
}

struct Filled {
    record: Record,
    /// Strings every format must contain, with what they stand for.
    everywhere: Vec<(String, String)>,
    /// Stored forms only the JSON export must contain.
    json_only: Vec<(String, String)>,
    /// Shown forms the human-readable formats must contain (JSON has the stored form).
    human_only: Vec<(String, String)>,
    /// Questions marked awaiting evidence.
    awaiting: Vec<String>,
    /// A scripted recommendation the inspector dropped.
    dropped: String,
    /// The notes typed (on questions and on the information item): the minutes and the
    /// team's report list what was checked with every one of them.
    notes: Vec<String>,
    /// Text answers, the general notes and the inspector's own recommendation: each in
    /// one of the documents at least.
    typed: Vec<String>,
}

fn fill() -> Filled {
    let data = tempfile::tempdir().expect("tmp");
    let checklist =
        onsite::checklist::catalog::resolve("qcdc-agency", data.path()).expect("bundled");
    let header = [
        ("organisation", "Sở Nội vụ tỉnh Quảng Trị"),
        ("date", "2/12/2026"),
        ("period", "từ ngày 01/7/2023 đến ngày 30/11/2026"),
        ("decision", "Kế hoạch số 418/KH-BCĐ ngày 14/11/2026"),
        (
            "sent-by",
            "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Quảng Trị",
        ),
        ("team-lead", "Hoàng Văn Thắng, Phó Trưởng ban"),
        ("members", "Đinh Thị Huyền; Lương Quốc Khánh"),
        ("secretary", "Vũ Ngọc Ánh"),
        (
            "unit-representatives",
            "Giám đốc Trương Minh Đức; Chủ tịch Công đoàn Phạm Thu Trang",
        ),
    ];
    let sets: Vec<(String, String)> = header
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let record = onsite::record::new_record(checklist, &sets, now(), Lang::Vi).expect("record");
    let mut s = Session::new(record, false).with_lang(Lang::Vi);
    let mut everywhere: Vec<(String, String)> = header
        .iter()
        .filter(|(k, _)| *k != "date")
        .map(|(k, v)| (v.to_string(), format!("header {k}")))
        .collect();
    everywhere.push(("02/12/2026".into(), "header date".into()));
    let mut json_only = vec![(
        "\"2026-12-02\"".to_string(),
        "stored header date".to_string(),
    )];
    let mut awaiting = Vec::new();
    let mut notes = Vec::new();
    let mut typed = Vec::new();

    let mut k = 0;
    loop {
        let (_, q) = s.current().expect("a visible question");
        let (id, kind, unit) = (
            q.id.clone(),
            q.kind,
            q.unit.as_ref().map(|u| u.get("vi").to_string()),
        );
        k += 1;
        // One visible question keeps only a note: notes without answers are reported too.
        let note_only = id == "feedback-evaluation";
        let input = match kind {
            QuestionType::Info => None,
            _ if note_only => None,
            QuestionType::Choice if id == "complaints-any" => Some("some".to_string()),
            // Alternate so that findings exist and the conditional questions open.
            QuestionType::Choice => {
                let values: Vec<String> = s
                    .record()
                    .checklist
                    .options_of(q)
                    .iter()
                    .map(|o| o.value.clone())
                    .collect();
                let wanted = if k % 3 == 0 { "partial" } else { "yes" };
                Some(if values.iter().any(|v| v == wanted) {
                    wanted.to_string()
                } else {
                    values
                        .first()
                        .cloned()
                        .expect("a choice question has options")
                })
            }
            QuestionType::Multi => {
                let r = s.apply(
                    Command::SetMulti(vec!["posting".into(), "electronic".into()]),
                    now(),
                );
                r.expect("multi answer");
                None
            }
            QuestionType::Number => {
                let (typed, shown) = number_for(&id, k);
                let unit = unit.clone().unwrap_or_default();
                everywhere.push((format!("{shown} {unit}").trim().to_string(), id.clone()));
                Some(typed)
            }
            QuestionType::Date => {
                let (typed, shown, stored) = date_for(k);
                everywhere.push((shown, id.clone()));
                json_only.push((format!("\"{stored}\""), id.clone()));
                Some(typed)
            }
            QuestionType::Text => {
                let t = format!(
                    "Ý kiến ghi nhận số {k}: mô hình «Ngày thứ Bảy lắng nghe» của {id} được nhân rộng"
                );
                everywhere.push((t.clone(), id.clone()));
                typed.push(t.clone());
                Some(t)
            }
        };
        if let Some(typed) = input {
            s.apply(Command::Input(typed.clone()), now())
                .unwrap_or_else(|e| panic!("{id}: `{typed}` refused: {e}"));
        }
        let note = if kind == QuestionType::Info {
            // An information item takes no answer, but its note is what the team saw.
            format!("Thời kỳ kiểm tra thống nhất với đơn vị: từ 01/7/2023, mục {id}")
        } else {
            format!("Đối chiếu hồ sơ gốc ĐC-{k:03} tại Văn phòng Sở")
        };
        s.apply(Command::SetNote(note.clone()), now())
            .expect("note");
        everywhere.push((note.clone(), format!("note of {id}")));
        notes.push(note);
        if kind != QuestionType::Info && k % 5 == 0 {
            s.apply(Command::ToggleAwaiting, now()).expect("mark");
            awaiting.push(id.clone());
        }
        if s.apply(Command::Next, now()).expect("next") == Effect::Nothing {
            break;
        }
    }

    let minutes = "Cuộc làm việc bắt đầu lúc 8 giờ 15 tại hội trường tầng 3.\nĐồng chí Giám đốc Trương Minh Đức báo cáo, Đoàn trao đổi đến 11 giờ 40.";
    s.apply(Command::SetGeneralNotes(minutes.into()), now())
        .expect("minutes");
    for line in minutes.lines() {
        everywhere.push((line.to_string(), "general notes".into()));
        typed.push(line.to_string());
    }
    s.apply(
        Command::AddRecommendation {
            question: Some("unit-proposals".into()),
            text: "Đề nghị Sở bố trí kinh phí số hóa hồ sơ công khai trong quý II năm 2027".into(),
            priority: onsite::checklist::Priority::Low,
            responsible: "Phòng Kế hoạch – Tài chính".into(),
            due: Some("30/6/2027".into()),
        },
        now(),
    )
    .expect("own recommendation");
    everywhere.push((
        "Đề nghị Sở bố trí kinh phí số hóa hồ sơ công khai trong quý II năm 2027".into(),
        "own recommendation".into(),
    ));
    typed.push("Đề nghị Sở bố trí kinh phí số hóa hồ sơ công khai trong quý II năm 2027".into());
    everywhere.push(("Phòng Kế hoạch – Tài chính".into(), "responsible".into()));
    let mut human_only = vec![("30/06/2027".to_string(), "own due date".to_string())];
    json_only.push(("\"2027-06-30\"".into(), "stored own due date".into()));
    // The first scripted recommendation the answers trigger: give it a party and a date.
    let summary = onsite::report::Summary::compute(s.record(), Lang::Vi);
    let mut scripted_ids = summary
        .recommendations
        .iter()
        .filter(|r| r.scripted)
        .map(|r| r.id.clone());
    let scripted = scripted_ids
        .next()
        .expect("a partial answer triggers a recommendation");
    let dropped = scripted_ids.next().expect("a second one");
    s.apply(Command::DropRecommendation(dropped.clone()), now())
        .expect("drop");
    s.apply(
        Command::EditRecommendation {
            id: scripted,
            text: None,
            priority: None,
            responsible: Some("Văn phòng Sở Nội vụ tỉnh Quảng Trị".into()),
            due: Some(Some("15/01/2027".into())),
        },
        now(),
    )
    .expect("edit scripted recommendation");
    everywhere.push((
        "Văn phòng Sở Nội vụ tỉnh Quảng Trị".into(),
        "scripted responsible".into(),
    ));
    human_only.push(("15/01/2027".into(), "scripted due date".into()));
    json_only.push(("\"2027-01-15\"".into(), "stored scripted due date".into()));
    Filled {
        record: s.into_record(),
        everywhere,
        json_only,
        human_only,
        awaiting,
        dropped,
        notes,
        typed,
    }
}

fn reports(record: &Record) -> (tempfile::TempDir, BTreeMap<&'static str, String>) {
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join(format!("{}.json", record.id));
    onsite::record::save_at(&path, record).expect("saved");
    let mut out = BTreeMap::new();
    for format in ["md", "html", "json", "txt"] {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
            .arg("--data-dir")
            .arg(data.path())
            .args(["--lang", "vi", "report"])
            .arg(&path)
            .args(["--format", format])
            // Vietnam's zone as a POSIX rule (no time zone database needed).
            .env("TZ", "<+07>-07")
            .output()
            .expect("onsite runs");
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        out.insert(format, text(&run.stdout));
    }
    (data, out)
}

#[test]
fn every_answer_note_mark_and_recommendation_reaches_every_format() {
    let filled = fill();
    let answered = filled.record.answers.len();
    assert!(answered >= 50, "a whole record: {answered} answers");
    let (_data, outputs) = reports(&filled.record);
    for (format, out) in &outputs {
        let human = if *format == "json" {
            &[][..]
        } else {
            &filled.human_only[..]
        };
        let missing: Vec<_> = filled
            .everywhere
            .iter()
            .chain(human)
            .filter(|(needle, _)| !out.contains(needle.as_str()))
            .collect();
        assert!(missing.is_empty(), "{format} lacks {missing:#?}");
        // Every question marked awaiting evidence carries the mark (JSON: checked below).
        let mark = if *format == "json" {
            "\"awaiting_evidence\": true"
        } else {
            "chờ bổ sung tài liệu"
        };
        let marks = out.matches(mark).count();
        assert!(
            marks >= filled.awaiting.len(),
            "{format}: {marks} marks for {} questions",
            filled.awaiting.len()
        );
        // The inspection is not finished: a draft of the team's working summary.
        if *format != "json" {
            assert!(out.contains("DỰ THẢO"), "{format} has no draft mark");
        }
    }
    let json = &outputs["json"];
    for (needle, what) in &filled.json_only {
        assert!(
            json.contains(needle.as_str()),
            "json lacks {what}: {needle}"
        );
    }
    // The JSON export is complete: one entry per recorded visible answer, with its value.
    let doc: serde_json::Value = serde_json::from_str(json).expect("json parses");
    assert_eq!(doc["draft"], true);
    // A dropped recommendation is a fact of the record too.
    let dropped = doc["dropped_recommendations"].as_array().expect("dropped");
    assert!(dropped.iter().any(|r| r["id"] == filled.dropped.as_str()));
    let entries = doc["answers"].as_array().expect("answers");
    for id in &filled.awaiting {
        let e = entries
            .iter()
            .find(|e| e["question"]["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id} not exported"));
        assert_eq!(e["awaiting_evidence"], true, "{id}");
    }
    let staff = entries
        .iter()
        .find(|e| e["question"]["id"] == "staff-total")
        .expect("staff-total");
    assert_eq!(staff["value"], 8537.0);
    assert_eq!(staff["answer"], "8.537 người");
    assert_eq!(staff["question"]["number"], "1");
    let note_only = entries
        .iter()
        .find(|e| e["question"]["id"] == "feedback-evaluation")
        .expect("a note without an answer is exported");
    assert!(note_only["value"].is_null() && note_only["answer"].is_null());
    // The information item is exported with its note, no answer and no number.
    let info = entries
        .iter()
        .find(|e| e["question"]["id"] == "scope")
        .expect("a note on an information item is exported");
    assert_eq!(info["type"], "info");
    assert!(info["answer"].is_null() && info["value"].is_null());
    assert!(info["question"]["number"].is_null());
    // Listed with its note alone, never as an empty or missing answer.
    let info_line = |out: &str| {
        out.lines()
            .find(|l| l.contains("Phạm vi và căn cứ kiểm tra"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    for format in ["md", "html", "txt"] {
        let line = info_line(&outputs[format]);
        assert!(!line.contains("Chưa trả lời"), "{format}: {line}");
        assert!(!line.contains("Trả lời:"), "{format}: {line}");
    }
}

/// The text of a document written by the binary.
fn document(data: &std::path::Path, record: &std::path::Path, kind: &str) -> String {
    let out = data.join(format!("{kind}.docx"));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "vi", "doc", kind])
        .arg(record)
        .arg("-o")
        .arg(&out)
        .env("TZ", "<+07>-07")
        .output()
        .expect("onsite runs");
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let bytes = std::fs::read(&out).expect("the document was written");
    doc_support::body_text(&bytes)
}

#[test]
fn every_note_and_text_typed_reaches_the_documents() {
    let filled = fill();
    let data = tempfile::tempdir().expect("tmp");
    let path = data.path().join(format!("{}.json", filled.record.id));
    onsite::record::save_at(&path, &filled.record).expect("saved");
    let docs: BTreeMap<&str, String> = ["minutes", "conclusion", "report"]
        .into_iter()
        .map(|k| (k, document(data.path(), &path, k)))
        .collect();
    // What was checked, in the minutes and in the team's report: every note, the
    // information item's too.
    for kind in ["minutes", "report"] {
        let missing: Vec<_> = filled
            .notes
            .iter()
            .filter(|n| !docs[kind].contains(n.as_str()))
            .collect();
        assert!(missing.is_empty(), "{kind} lacks notes {missing:#?}");
    }
    let missing: Vec<_> = filled
        .typed
        .iter()
        .filter(|t| !docs.values().any(|d| d.contains(t.as_str())))
        .collect();
    assert!(missing.is_empty(), "no document holds {missing:#?}");
}

#[test]
fn a_finished_record_carries_no_draft_mark() {
    let mut filled = fill();
    filled.record.status = onsite::record::Status::Finished;
    filled.record.finished_at = Some(now());
    let (_data, outputs) = reports(&filled.record);
    for (format, out) in &outputs {
        if *format != "json" {
            let title = "Phiếu tổng hợp kết quả kiểm tra";
            let txt_title = title.to_uppercase();
            assert!(out.contains(title) || out.contains(&txt_title), "{format}");
        }
        assert!(!out.contains("DỰ THẢO"), "{format} is marked a draft");
        assert!(
            !out.contains("\"draft\": true"),
            "{format} is marked a draft"
        );
        assert!(!out.contains("Mã biên bản"), "{format}");
    }
    // Times are shown in the local zone, with the offset.
    assert!(outputs["md"].contains("08:15 02/12/2026 (UTC+07:00)"));
}
