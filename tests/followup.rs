//! Follow-up inspections (SPEC §9) on the bundled `qcdc-agency` checklist in a temp data
//! dir: the first visit is made and finished with the library (as the TUI would), the
//! follow-ups are started through the real binary (`new --follow-up` in a pseudo-terminal),
//! and what comes out is read back through `onsite report` and `onsite aggregate`.

mod pty;

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

use onsite::checklist::{Priority, catalog};
use onsite::record::{AnswerValue, Record, Status, Store, Timestamp};
use onsite::session::{Command, Session};
use pty::harness::Pty;

const ESC: &str = "\x1b";

fn at(s: &str) -> Timestamp {
    Timestamp::parse_from_rfc3339(s).expect("time")
}

fn onsite(data: &Path, args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_onsite"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run onsite")
}

fn stdout(data: &Path, args: &[&str]) -> String {
    let out = onsite(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Answers questions (by id, value typed as the session reads it) and applies extra
/// commands, at `now`.
fn fill(session: &mut Session, answers: &[(&str, &str)], now: Timestamp) {
    for (id, value) in answers {
        session
            .apply(Command::GoTo(id.to_string()), now)
            .unwrap_or_else(|e| panic!("go to {id}: {e}"));
        session
            .apply(Command::Input(value.to_string()), now)
            .unwrap_or_else(|e| panic!("answer {id} = {value}: {e}"));
    }
}

/// The first visit of Sở Nội vụ on 15/03/2026, finished: three scripted recommendations,
/// one with a responsible party and a due date already past, and one of the team's own.
fn first_visit(data: &Path) -> Record {
    let checklist = catalog::resolve("qcdc-agency", data).expect("bundled checklist");
    let now = at("2026-03-15T09:00:00+07:00");
    let sets = vec![
        (
            "organisation".to_string(),
            "Sở Nội vụ tỉnh Hà Nam".to_string(),
        ),
        (
            "team-lead".to_string(),
            "Nguyễn Văn An, Trưởng ban".to_string(),
        ),
        ("period".to_string(), "năm 2025".to_string()),
        ("unit-short".to_string(), "Sở".to_string()),
        ("head-title".to_string(), "Giám đốc Sở".to_string()),
        ("party-committee".to_string(), "Đảng ủy Sở".to_string()),
    ];
    let record = onsite::record::new_record(checklist, &sets, now, onsite::i18n::Lang::Vi)
        .expect("new record");
    let mut s = Session::new(record, false);
    fill(
        &mut s,
        &[
            ("steering-committee", "no"),
            ("party-leadership", "partial"),
            ("annual-plan", "yes"),
            ("democracy-regulation", "no"),
            ("internal-rules", "yes"),
        ],
        now,
    );
    s.apply(Command::GoTo("steering-committee".into()), now)
        .expect("go");
    s.apply(
        Command::SetNote("Chưa kiện toàn sau khi Phó Giám đốc nghỉ hưu".into()),
        now,
    )
    .expect("note");
    s.apply(
        Command::EditRecommendation {
            id: "q:steering-committee".into(),
            text: None,
            priority: None,
            responsible: Some("Văn phòng Sở".into()),
            due: Some(Some("2026-06-30".into())),
        },
        now,
    )
    .expect("edit recommendation");
    s.apply(
        Command::AddRecommendation {
            question: None,
            text: "Báo cáo kết quả khắc phục về Đoàn kiểm tra".into(),
            priority: Priority::Low,
            responsible: "Giám đốc Sở".into(),
            due: Some("2026-12-31".into()),
        },
        now,
    )
    .expect("own recommendation");
    s.apply(Command::Finish, now).expect("finish");
    let mut record = s.into_record();
    Store::new(data).create(&mut record).expect("store");
    record
}

fn records(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("records"))
        .expect("records dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Record {
    onsite::record::load(path).expect("record loads")
}

/// Starts the follow-up of `previous` in the terminal, checks the title page carried the
/// organisation, answers the generated questions with `keys` (one digit each) and quits.
/// Returns the new record.
fn follow_up_in_terminal(data: &Path, previous: &str, keys: &[&str], first: &str) -> Record {
    let before = records(data);
    let mut p = Pty::spawn(
        &[
            "--lang",
            "vi",
            "new",
            "qcdc-agency",
            "--follow-up",
            previous,
        ],
        data,
        &[],
        100,
        30,
    );
    p.wait_for("Sở Nội vụ tỉnh Hà Nam", 10);
    p.wait_for("Nguyễn Văn An", 2);
    p.send(ESC);
    p.wait_for(first, 5);
    for k in keys {
        p.send(k);
        std::thread::sleep(Duration::from_millis(150));
    }
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    let new: Vec<PathBuf> = records(data)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    load(&new[0])
}

/// The rest of a visit, as the inspector would do it in the checklist's own sections, then
/// finished and saved.
fn complete(data: &Path, record: Record, answers: &[(&str, &str)], now: Timestamp) -> Record {
    let mut s = Session::new(record, false);
    s.apply(
        Command::SetHeader {
            field: "date".into(),
            value: now.format("%Y-%m-%d").to_string(),
        },
        now,
    )
    .expect("date of the visit");
    fill(&mut s, answers, now);
    s.apply(Command::Finish, now).expect("finish");
    let record = s.into_record();
    Store::new(data).save(&record).expect("save");
    record
}

#[test]
fn a_previous_record_of_another_checklist_or_unfinished_is_refused_with_a_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let first = first_visit(data);
    // another checklist
    for (lang, needle) in [
        ("en", "was made from checklist `qcdc-agency`, not `demo`"),
        (
            "vi",
            "được lập từ bộ câu hỏi `qcdc-agency`, không phải `demo`",
        ),
    ] {
        let out = onsite(
            data,
            &["--lang", lang, "new", "demo", "--follow-up", &first.id],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    // an unfinished one
    let mut open = load(&records(data)[0]);
    open.status = Status::InProgress;
    open.finished_at = None;
    open.id = "20260316-0900-chua-xong".into();
    Store::new(data).save(&open).expect("save");
    let out = onsite(
        data,
        &[
            "--lang",
            "vi",
            "new",
            "qcdc-agency",
            "--follow-up",
            "20260316",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("hồ sơ 20260316-0900-chua-xong chưa kết thúc"),
        "{err}"
    );
    // nothing was created by either refusal
    assert_eq!(records(data).len(), 2);
}

#[test]
fn a_second_visit_starts_from_the_open_recommendations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let first = first_visit(data);
    let second = follow_up_in_terminal(
        data,
        &first.id,
        &["1", "3", "4", "2"],
        "Đề nghị Sở kịp thời kiện toàn Ban Chỉ đạo",
    );
    let link = second.follow_up.as_ref().expect("follow-up link");
    assert_eq!(link.previous, first.id);
    assert_eq!(link.date, "2026-03-15");
    assert_eq!(link.items.len(), 4);
    assert_eq!(second.header["organisation"], "Sở Nội vụ tỉnh Hà Nam");
    assert_eq!(second.header["period"], "năm 2025");
    assert_ne!(
        second.header["date"], "2026-03-15",
        "the date is the new visit's"
    );
    let section = &second.checklist.sections[0];
    assert_eq!(section.id, link.section);
    let ids: Vec<&str> = section.questions.iter().map(|q| q.id.as_str()).collect();
    for id in &ids {
        assert!(
            second
                .checklist
                .questions()
                .filter(|(_, q)| q.id == *id)
                .count()
                == 1
        );
    }
    let v = |i: usize| second.answers[ids[i]].value.clone();
    assert_eq!(v(0), Some(AnswerValue::Text("implemented".into())));
    assert_eq!(v(1), Some(AnswerValue::Text("not".into())));
    assert_eq!(v(2), Some(AnswerValue::Text("na".into())));
    assert_eq!(v(3), Some(AnswerValue::Text("partly".into())));
    // the past due date is marked overdue, the responsible party and date are in the guidance
    let item = &link.items[0];
    assert_eq!(item.recommendation, "q:steering-committee");
    assert!(item.overdue);
    let guidance = section.questions[0]
        .guidance
        .as_ref()
        .expect("guidance")
        .get("vi");
    assert!(guidance.contains("Văn phòng Sở"), "{guidance}");
    assert!(guidance.contains("30/06/2026 — ĐÃ QUÁ HẠN"), "{guidance}");
    // previous answers and notes kept by question id
    let prev = &link.answers["steering-committee"];
    assert_eq!(prev.value, Some(AnswerValue::Text("no".into())));
    assert_eq!(prev.note, "Chưa kiện toàn sau khi Phó Giám đốc nghỉ hưu");
    assert_eq!(second.status, Status::InProgress);
}

/// The bundled checklist as a user file of a later version: `internal-rules` removed, a
/// section added.
fn next_version(data: &Path) {
    let bundled = include_str!("../checklists/qcdc-agency.json");
    let mut c: serde_json::Value = serde_json::from_str(bundled).expect("bundled parses");
    c["version"] = "next-test".into();
    let sections = c["sections"].as_array_mut().expect("sections");
    for s in sections.iter_mut() {
        let qs = s["questions"].as_array_mut().expect("questions");
        qs.retain(|q| q["id"] != "internal-rules");
    }
    sections.push(serde_json::json!({
        "id": "digital", "title": {"vi": "VIII. Chuyển đổi số", "en": "VIII. Digital transformation"},
        "questions": [{"id": "e-office", "type": "choice", "responses": "ynp",
                       "prompt": {"vi": "Có dùng văn phòng điện tử?", "en": "Is an e-office used?"}}]
    }));
    std::fs::create_dir_all(data.join("checklists")).expect("dir");
    std::fs::write(
        data.join("checklists/qcdc-agency.json"),
        serde_json::to_string_pretty(&c).expect("json"),
    )
    .expect("write checklist");
}

#[test]
fn three_rounds_with_a_checklist_version_change_between_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let first = first_visit(data);

    // Round 2: steering committee done, party leadership not, the regulation no longer
    // applicable, the report to the team partly.
    let second = follow_up_in_terminal(
        data,
        &first.id,
        &["1", "3", "4", "2"],
        "Đề nghị Sở kịp thời kiện toàn Ban Chỉ đạo",
    );
    let second = complete(
        data,
        second,
        &[
            ("steering-committee", "yes"),
            ("party-leadership", "yes"),
            ("annual-plan", "yes"),
            ("democracy-regulation", "partial"),
            ("internal-rules", "no"),
        ],
        at("2027-03-10T09:00:00+07:00"),
    );
    let md = stdout(data, &["--lang", "vi", "report", &second.id]);
    assert!(
        md.contains("## Kết quả thực hiện kết luận kiểm tra lần trước"),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "Lần kiểm tra trước: ngày 15/03/2026 (hồ sơ {}, phiên bản bộ câu hỏi {})",
            first.id, first.checklist.version
        )),
        "{md}"
    );
    assert!(md.contains("Trong 4 kiến nghị: 1 đã thực hiện, 1 thực hiện một phần, 1 chưa thực hiện, 1 không còn áp dụng, 0 chưa kiểm tra."), "{md}");
    assert!(md.contains("### Chưa thực hiện (1)"), "{md}");
    assert!(md.contains("Thời hạn: 30/06/2026 (ĐÃ QUÁ HẠN)"), "{md}");
    // Section I: 1.5/3 then (no, partial, yes), 3/3 now.
    assert!(
        md.contains("| I. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện | 50% | 100% | +50 |"),
        "{md}"
    );
    // The one not implemented and the one partly implemented carry forward.
    let json: serde_json::Value = serde_json::from_str(&stdout(
        data,
        &["--lang", "vi", "report", &second.id, "--format", "json"],
    ))
    .expect("report json");
    let counts = &json["follow_up"]["counts"];
    assert_eq!(counts["implemented"], 1);
    assert_eq!(counts["not_implemented"], 1);
    let carried: Vec<&str> = json["recommendations"]
        .as_array()
        .expect("recommendations")
        .iter()
        .filter(|r| r["carried_forward"] == true)
        .map(|r| r["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(carried.len(), 2, "{carried:?}");
    assert!(
        carried.iter().any(|t| t.starts_with("Đề nghị Đảng ủy Sở")),
        "{carried:?}"
    );
    assert!(carried.contains(&"Báo cáo kết quả khắc phục về Đoàn kiểm tra"));
    // The overall score leaves the generated section out: the same scale as last time.
    let overall = &json["follow_up"]["overall"];
    assert_eq!(overall["current"], json["overall"]);
    for format in ["html", "txt"] {
        let out = stdout(
            data,
            &["--lang", "en", "report", &second.id, "--format", format],
        );
        assert!(
            out.contains("Implementation of the previous conclusion"),
            "{out}"
        );
        assert!(out.contains("Of 4 recommendations: 1 implemented, 1 partly implemented, 1 not implemented, 1 no longer applicable, 0 not yet checked."), "{out}");
        assert!(
            out.contains("Scores compared with the previous inspection"),
            "{out}"
        );
    }

    // Round 3, after the checklist changed: `internal-rules` is gone, a section is new.
    next_version(data);
    let third = follow_up_in_terminal(data, &second.id, &["1", "1"], "Đề nghị Đảng ủy Sở");
    let link = third.follow_up.as_ref().expect("link");
    assert_eq!(link.previous, second.id);
    assert_eq!(link.checklist_version, second.checklist.version);
    assert_ne!(second.checklist.version, "next-test");
    assert_eq!(third.checklist.version, "next-test");
    assert!(
        link.answers.keys().all(|k| !k.starts_with("follow-up")),
        "{:?}",
        link.answers.keys()
    );
    assert_eq!(
        link.answers["party-leadership"].value,
        Some(AnswerValue::Text("yes".into()))
    );
    // carried forward twice: it still says where and when it was first made
    let party = link
        .items
        .iter()
        .find(|i| i.text.get("vi").starts_with("Đề nghị Đảng ủy Sở"))
        .expect("party leadership carried forward");
    assert_eq!(party.since.as_deref(), Some("2026-03-15"));
    let guidance = third
        .checklist
        .question(&party.question)
        .and_then(|q| q.guidance.as_ref())
        .expect("guidance")
        .get("vi");
    assert!(
        guidance.contains("kiến nghị lần đầu ngày 15/03/2026 — mục: I. Công tác lãnh đạo"),
        "{guidance}"
    );
    assert_eq!(link.gone.len(), 1);
    assert_eq!(link.gone[0].id, "internal-rules");
    let third = complete(
        data,
        third,
        &[("steering-committee", "yes"), ("e-office", "no")],
        at("2028-03-10T09:00:00+07:00"),
    );
    let md = stdout(data, &["--lang", "vi", "report", &third.id]);
    assert!(
        md.contains("### Đã trả lời lần trước, nay không còn trong bộ câu hỏi"),
        "{md}"
    );
    assert!(md.contains("(internal-rules) — Trả lời: Không"), "{md}");
    assert!(
        md.contains("VIII. Chuyển đổi số (mới trong bộ câu hỏi) | — | 0% | — |"),
        "{md}"
    );
}

#[test]
fn records_from_before_follow_ups_still_read_and_report_without_the_part() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = dir.path().join("records");
    std::fs::create_dir_all(&records).expect("dir");
    let old = include_str!("fixtures/records/so-tttt.json");
    assert!(!old.contains("follow_up"));
    std::fs::write(records.join("so-tttt.json"), old).expect("write");
    let record = load(&records.join("so-tttt.json"));
    assert!(record.follow_up.is_none());
    let json = stdout(dir.path(), &["report", "so-tttt", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(json.get("follow_up").is_none());
    let md = stdout(dir.path(), &["--lang", "vi", "report", "so-tttt"]);
    assert!(!md.contains("lần trước"), "{md}");
}

#[test]
fn aggregate_shows_each_organisations_visits_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let first = first_visit(data);
    let second = follow_up_in_terminal(
        data,
        &first.id,
        &["1", "3", "1", "2"],
        "Đề nghị Sở kịp thời kiện toàn Ban Chỉ đạo",
    );
    let second = complete(
        data,
        second,
        &[("steering-committee", "yes"), ("party-leadership", "no")],
        at("2027-03-10T09:00:00+07:00"),
    );
    // Party leadership still "no": the checklist asks its recommendation again, so the one
    // carried forward is kept once, after the team's own (which comes first now).
    let third = follow_up_in_terminal(
        data,
        &second.id,
        &["1", "1"],
        "Báo cáo kết quả khắc phục về Đoàn kiểm tra",
    );
    let third = complete(data, third, &[], at("2028-03-10T09:00:00+07:00"));
    let dir_arg = data.to_str().expect("path");

    let md = stdout(data, &["--lang", "vi", "aggregate", dir_arg]);
    assert!(md.contains("### Các lần kiểm tra theo cơ quan"), "{md}");
    assert!(md.contains("#### Sở Nội vụ tỉnh Hà Nam"), "{md}");
    let rounds: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| 1 |") || l.starts_with("| 2 |") || l.starts_with("| 3 |"))
        .collect();
    assert_eq!(rounds.len(), 3, "{md}");
    assert!(
        rounds[0].contains(&first.id) && rounds[0].contains("| — | 4 |"),
        "{rounds:?}"
    );
    assert!(
        rounds[1].contains(&second.id) && rounds[1].contains("| 2/4 |"),
        "{rounds:?}"
    );
    assert!(rounds[2].contains(&third.id), "{rounds:?}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(data, &["aggregate", dir_arg, "--format", "json"]))
            .expect("json");
    let visits = &json["groups"][0]["series"][0]["visits"];
    assert_eq!(visits.as_array().map(Vec::len), Some(3));
    assert_eq!(visits[1]["implemented"], 2);
    assert_eq!(visits[1]["followed_up"], 4);
    assert_eq!(visits[0]["implemented"], serde_json::Value::Null);
    assert_eq!(visits[2]["record"], third.id.as_str());

    let csv = stdout(
        data,
        &["--lang", "en", "aggregate", dir_arg, "--format", "csv"],
    );
    let rows: Vec<&str> = csv.split("\r\n").collect();
    let head = rows
        .iter()
        .position(|r| r.contains("Previous recommendations implemented"))
        .expect("series block");
    let second_row = rows[head + 2];
    assert!(
        second_row.contains(&format!(",2,{},2027-03-10,", second.id)),
        "{second_row}"
    );
    assert!(second_row.contains(",2,4,"), "{second_row}");
}

#[test]
fn the_question_screen_shows_last_time_and_p_copies_it_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let first = first_visit(data);
    let before = records(data);
    let mut p = Pty::spawn(
        &[
            "--lang",
            "vi",
            "new",
            "qcdc-agency",
            "--follow-up",
            &first.id,
        ],
        data,
        &[],
        80,
        24,
    );
    p.wait_for("Sở Nội vụ tỉnh Hà Nam", 10);
    p.send(ESC);
    p.wait_for("Đề nghị Sở kịp thời kiện toàn", 5);
    p.send("/");
    p.type_slowly("duoc kien toan kip thoi");
    p.wait_for("1.1 Ban Chỉ đạo thực hiện dân chủ", 5);
    p.send("\r");
    p.wait_for(
        "lần trước: Không — 15/03/2026 · Chưa kiện toàn sau khi Phó",
        5,
    );
    p.send("p");
    // copied, and on to the next question, which shows its own previous answer
    p.wait_for("Cấp ủy cơ quan có nghị quyết", 5);
    p.wait_for("lần trước: Một phần — 15/03/2026", 5);
    // the help lists the key
    p.send("?");
    p.wait_for("không đổi so với lần trước: chép câu trả lời và ghi chú", 5);
    p.send(ESC);
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    let path = records(data)
        .into_iter()
        .find(|p| !before.contains(p))
        .expect("new record");
    let record = load(&path);
    let a = &record.answers["steering-committee"];
    assert_eq!(a.value, Some(AnswerValue::Text("no".into())));
    assert_eq!(a.note, "Chưa kiện toàn sau khi Phó Giám đốc nghỉ hưu");
    assert!(!record.answers.contains_key("party-leadership"));
}

#[test]
fn the_start_screen_follows_up_a_finished_inspection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let first = first_visit(data);
    let mut p = Pty::spawn(&["--lang", "vi"], data, &[], 100, 30);
    p.wait_for("Cuộc kiểm tra đã kết thúc", 10);
    p.wait_for("Sở Nội vụ tỉnh Hà Nam · Kiểm tra việc thực hiện", 2);
    p.send("\r");
    p.wait_for("Nguyễn Văn An", 10);
    p.send(ESC);
    p.wait_for("Đề nghị Sở kịp thời kiện toàn", 5);
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    let files = records(data);
    assert_eq!(files.len(), 2);
    let new = files
        .iter()
        .map(|f| load(f))
        .find(|r| r.id != first.id)
        .expect("follow-up record");
    assert_eq!(
        new.follow_up.as_ref().map(|f| f.previous.as_str()),
        Some(first.id.as_str())
    );
}
