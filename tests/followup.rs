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
    ];
    let record = onsite::record::new_record(checklist, &sets, now).expect("new record");
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
