//! Team work in the real TUI (pseudo-terminal): `H` shows who changed the current question
//! and when; `C` lists the disagreements between members with both values, authors and
//! times, `t` keeps the other member's value; finishing is refused with a sentence while a
//! disagreement is open. And an old record (no history) opens, and gains history when
//! changed.

mod pty;

use std::path::Path;
use std::time::Duration;

use onsite::checklist::catalog;
use onsite::record::merge::{absorb, conflicts};
use onsite::record::{Record, Store, Timestamp};
use onsite::session::{Command, Session};
use pty::harness::Pty;

fn at(s: &str) -> Timestamp {
    Timestamp::parse_from_rfc3339(&format!("2026-12-02T{s}:00+07:00")).expect("time")
}

fn demo(data: &Path) -> Record {
    let checklist = catalog::resolve("demo", data).expect("demo");
    let sets = vec![("site".to_string(), "Kho số 7".to_string())];
    onsite::record::new_record(checklist, &sets, at("08:00"), onsite::i18n::Lang::En)
        .expect("record")
}

fn whoami(data: &Path, name: &str) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(["team", "whoami", name, "--data-dir"])
        .arg(data)
        .output()
        .expect("run");
    assert!(out.status.success());
}

fn quit(p: &mut Pty) {
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
}

#[test]
fn h_shows_who_changed_the_question_and_when() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path();
    whoami(data, "Phạm Thị An");
    let mut r = demo(data);
    let store = Store::new(data);
    store.create(&mut r).expect("create");
    let mut p = Pty::spawn(&["resume", &r.id, "--lang", "en"], data, &[], 100, 30);
    p.wait_for("fire exits", 10);
    // welcome (info) → fire exits; Yes, then back and No.
    p.send("j");
    p.send("1");
    p.wait_for("✓ saved", 5);
    p.send("k");
    p.send("2");
    p.wait_for("✓ saved", 5);
    p.send("k");
    p.send("H");
    p.wait_for("History of this question", 5);
    p.wait_for("Phạm Thị An", 5);
    p.wait_for("answer: — → No", 5);
    p.send("\x1b");
    p.wait_gone("History of this question", 5);
    std::thread::sleep(Duration::from_millis(100));
    p.send("?");
    p.wait_for("the history of this question", 5);
    p.send("\x1b");
    quit(&mut p);
    let saved = onsite::record::load(&store.path_of(&r.id)).expect("load");
    assert!(saved.changes.iter().all(|c| c.by == "Phạm Thị An"));
    assert_eq!(
        saved
            .changes
            .iter()
            .filter(|c| c.target == "answer/fire-exits")
            .count(),
        1,
        "two quick changes of one answer by one inspector are one change: {:?}",
        saved.changes
    );
}

#[test]
fn c_lists_disagreements_finishing_is_refused_and_t_keeps_theirs() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path();
    let mut mine = demo(data);
    mine.id = "20261202-0800-kho-so-7".into();
    onsite::team::pack::share(&mut mine, "Phạm Thị An");
    let pack = onsite::team::pack::pack(&mine).expect("pack");
    let theirs = onsite::team::pack::join(pack, "Đỗ Văn Bình", at("08:05"));
    let answer = |r: Record, v: &str, t: &str| {
        let mut s = Session::new(r, false);
        s.apply(Command::GoTo("fire-exits".into()), at(t))
            .expect("go");
        s.apply(Command::Input(v.into()), at(t)).expect("answer");
        s.into_record()
    };
    let mut mine = answer(mine, "yes", "09:00");
    let theirs = answer(theirs, "no", "09:10");
    absorb(&mut mine, theirs.changes, at("09:20"));
    assert_eq!(conflicts(&mine).len(), 1);
    let store = Store::new(data);
    store.save(&mine).expect("save");

    let mut p = Pty::spawn(&["resume", &mine.id, "--lang", "en"], data, &[], 100, 30);
    p.wait_for("fire exits", 10);
    p.send("s");
    p.send("f");
    p.send("f");
    p.wait_for("not resolved yet", 5);
    p.send("\x1b");
    p.wait_for("Outline", 5);
    p.send("C");
    p.wait_for("Disagreements between members (1)", 5);
    p.wait_for("Phạm Thị An, 2026-12-02 09:00: Yes", 5);
    p.wait_for("Đỗ Văn Bình, 2026-12-02 09:10: No", 5);
    p.send("t");
    p.wait_for("Resolved", 5);
    p.wait_for("Disagreements between members (0)", 5);
    p.send("\x1b");
    p.wait_gone("Disagreements between members", 5);
    quit(&mut p);
    let saved = onsite::record::load(&store.path_of(&mine.id)).expect("load");
    assert!(conflicts(&saved).is_empty());
    let v = saved.answers["fire-exits"].value.clone();
    assert_eq!(
        v.and_then(|v| serde_json::to_value(v).ok()),
        Some(serde_json::json!("no"))
    );
}

#[test]
fn an_old_record_without_history_opens_unchanged_and_gains_history_when_edited() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path();
    let records = data.join("records");
    std::fs::create_dir_all(&records).expect("dir");
    let fixture =
        std::fs::read_to_string("tests/fixtures/records/so-noi-vu.json").expect("fixture");
    assert!(
        !fixture.contains("\"changes\""),
        "the fixture is a record from before history"
    );
    let old: serde_json::Value = serde_json::from_str(&fixture).expect("json");
    let id = old["id"].as_str().expect("id").to_string();
    let path = records.join(format!("{id}.json"));
    std::fs::write(&path, &fixture).expect("write");
    let r = onsite::record::load(&path).expect("an old record loads");
    assert!(r.changes.is_empty() && r.team.is_none());
    let answers_before = serde_json::to_value(&r.answers).expect("answers");
    // A report of it says nothing of history.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(["report", &id, "--format", "json", "--data-dir"])
        .arg(data)
        .output()
        .expect("run");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(doc.get("history").is_none());
    // Edited: the change is recorded, everything else is as it was.
    let mut s = Session::new(r, false);
    s.apply(
        Command::SetGeneralNotes("Biên bản: họp lúc 8 giờ".into()),
        at("10:00"),
    )
    .expect("notes");
    onsite::record::save_at(&path, s.record()).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["format"], "onsite-record/1");
    assert_eq!(v["answers"], answers_before);
    let changes = v["changes"].as_array().expect("changes at the top level");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["target"], "notes");
    assert_eq!(changes[0]["new"], "Biên bản: họp lúc 8 giờ");
    assert!(onsite::record::load(&path).is_ok());
}
