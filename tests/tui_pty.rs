//! End-to-end: the real binary in a pseudo-terminal at 80×24 — a whole inspection with
//! every question type, a Vietnamese note, search, help, quit, resume at the same place,
//! the record file checked field by field; signals and a closed pty.

mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use onsite::record::{AnswerValue, Record, Status};
use pty::harness::Pty;

const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";
const ENTER: &str = "\r";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let checklist = dir.path().join("fixture.json");
    std::fs::write(&checklist, pty::FIXTURE).expect("write fixture");
    (dir, checklist)
}

fn the_record(data: &Path) -> (PathBuf, Record) {
    let dir = data.join("records");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("records dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let path = files.remove(0);
    let text = std::fs::read_to_string(&path).expect("read record");
    let record = serde_json::from_str(&text).expect("record parses");
    (path, record)
}

#[test]
fn a_whole_inspection_then_resume_at_the_same_place() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(&["--lang", "vi", "new", cl], data, &[], 80, 24);
    // title page: organisation is required
    p.wait_for("Trang thông tin", 10);
    p.type_slowly("Sở Thông tin và Truyền thông");
    p.send(ENTER);
    p.send(ENTER);
    p.type_slowly("Nguyễn Văn An");
    p.send(ENTER);
    p.wait_for("Câu 1.1 ", 5);
    // choice by number (flagged "partial") → the conditional text question appears
    p.send("2");
    p.wait_for("Kế hoạch nào còn thiếu?", 5);
    p.send(ENTER);
    p.type_slowly("Kế hoạch 2026");
    p.send(ENTER);
    p.wait_for("Số cuộc họp Ban Chỉ đạo", 5);
    // number
    p.send(ENTER);
    p.type_slowly("12");
    p.send(ENTER);
    p.wait_for("Hình thức công khai", 5);
    // multi: toggle 1 and 3, then a Vietnamese note
    p.send("1");
    p.send("3");
    p.send("n");
    p.wait_for("Ghi chú: Hình thức", 5);
    p.type_slowly("Bảng tin cũ, chưa cập nhật");
    p.send(ENTER);
    p.type_slowly("Ban Chỉ đạo hứa bổ sung");
    p.send(ESC);
    p.wait_gone("Ghi chú: Hình thức", 5);
    p.send("j");
    // date
    p.wait_for("Ngày tổ chức hội nghị", 5);
    p.send(ENTER);
    p.type_slowly("2026-10-01");
    p.send(ENTER);
    p.wait_for("Phần tiếp theo do đồng chí thư ký ghi", 5);
    p.send("j");
    p.wait_for("Công khai tài chính", 5);
    // choice through the option list, then awaiting evidence
    p.send(ENTER);
    p.send(DOWN);
    p.send(DOWN);
    p.send(ENTER);
    p.send("d");
    p.wait_for("chờ tài liệu", 5);
    // help
    p.send("?");
    p.wait_for("câu bắt buộc chưa trả lời tiếp theo", 5);
    p.send(ESC);
    p.wait_gone("câu bắt buộc chưa trả lời tiếp theo", 5);
    // search without diacritics jumps to the number question
    p.send("/");
    p.type_slowly("so cuoc hop");
    p.wait_for("Số cuộc họp Ban Chỉ đạo trong năm", 5);
    p.send(ENTER);
    p.wait_for("12 cuộc", 5);
    // quit
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    let (path, r) = the_record(data);
    // the quit message may still be on its way through the pty after the exit
    p.wait_for("onsite resume", 5);
    p.wait_for(&r.id, 5);
    assert!(!p.alternate_screen(), "terminal restored");
    assert_eq!(r.status, Status::InProgress);
    assert_eq!(r.header["organisation"], "Sở Thông tin và Truyền thông");
    assert_eq!(r.header["team"], "Nguyễn Văn An");
    let v = |id: &str| r.answers[id].value.clone();
    assert_eq!(v("steering"), Some(AnswerValue::Text("partial".into())));
    assert_eq!(
        v("plan-detail"),
        Some(AnswerValue::Text("Kế hoạch 2026".into()))
    );
    assert_eq!(v("meetings"), Some(AnswerValue::Number(12.0)));
    assert_eq!(
        v("channels"),
        Some(AnswerValue::Multi(vec!["board".into(), "meeting".into()]))
    );
    assert_eq!(
        r.answers["channels"].note,
        "Bảng tin cũ, chưa cập nhật\nBan Chỉ đạo hứa bổ sung"
    );
    assert_eq!(
        v("last-conference"),
        Some(AnswerValue::Text("2026-10-01".into()))
    );
    assert_eq!(v("budget"), Some(AnswerValue::Text("no".into())));
    assert!(r.answers["budget"].awaiting_evidence);
    assert!(!r.answers.contains_key("info-note"));
    assert_eq!(r.position.question.as_deref(), Some("meetings"));
    // resume: back at the same question
    let mut p = Pty::spawn(&["--lang", "en", "resume"], data, &[], 80, 24);
    p.wait_for("Steering committee meetings this year", 10);
    p.wait_for("Question 1.3 ", 2);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let _ = path;
}

/// Starts an inspection past the title page and opens the note editor with some text typed.
fn typing_a_note(data: &Path, checklist: &Path) -> Pty {
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--lang", "vi", "new", cl, "--set", "organisation=Sở Nội vụ"],
        data,
        &[],
        80,
        24,
    );
    p.wait_for("Câu 1.1 ", 10);
    p.send("1");
    p.wait_for("Câu 1.3 ", 5);
    p.send("n");
    p.wait_for("Ghi chú: Số cuộc họp", 5);
    p.type_slowly("Họp chưa đều, thiếu biên bản");
    p.wait_for("thiếu biên bản", 5);
    p
}

fn signal(p: &Pty, sig: i32) {
    // SAFETY: sending a signal to our own child.
    let rc = unsafe { libc::kill(p.pid(), sig) };
    assert_eq!(rc, 0);
}

#[test]
fn sighup_while_typing_a_note_saves_the_note() {
    let (dir, checklist) = setup();
    let mut p = typing_a_note(dir.path(), &checklist);
    signal(&p, libc::SIGHUP);
    assert!(
        p.wait_exit(Duration::from_secs(2)).is_some(),
        "exits within 2 s"
    );
    let (_, r) = the_record(dir.path());
    assert_eq!(r.answers["meetings"].note, "Họp chưa đều, thiếu biên bản");
    assert_eq!(
        r.answers["steering"].value,
        Some(AnswerValue::Text("yes".into()))
    );
    assert_eq!(r.header["organisation"], "Sở Nội vụ");
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    let (dir, checklist) = setup();
    let mut p = typing_a_note(dir.path(), &checklist);
    signal(&p, libc::SIGTERM);
    assert!(
        p.wait_exit(Duration::from_secs(2)).is_some(),
        "exits within 2 s"
    );
    // the restoring bytes may still be on their way through the pty
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    while p.alternate_screen() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!p.alternate_screen(), "left the alternate screen");
    let (_, r) = the_record(dir.path());
    assert_eq!(r.answers["meetings"].note, "Họp chưa đều, thiếu biên bản");
}

#[test]
fn closing_the_pty_ends_the_process_within_two_seconds_with_the_note_on_disk() {
    let (dir, checklist) = setup();
    let mut p = typing_a_note(dir.path(), &checklist);
    let started = std::time::Instant::now();
    p.close();
    let code = p.wait_exit(Duration::from_secs(2));
    assert!(
        code.is_some(),
        "still running {:?} after the pty closed",
        started.elapsed()
    );
    let (_, r) = the_record(dir.path());
    assert_eq!(r.answers["meetings"].note, "Họp chưa đều, thiếu biên bản");
}

#[test]
fn resizing_to_one_cell_and_back_redraws() {
    let (dir, checklist) = setup();
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--lang", "en", "new", cl, "--set", "organisation=X"],
        dir.path(),
        &[],
        80,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    p.resize(1, 1);
    std::thread::sleep(Duration::from_millis(300));
    p.resize(30, 8);
    p.wait_for("Terminal", 5);
    p.resize(120, 40);
    p.wait_for("Outline", 5);
    p.wait_for("Question 1.1 ", 5);
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
}

#[test]
fn no_color_and_ascii_marks() {
    let (dir, checklist) = setup();
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--lang", "en", "new", cl, "--set", "organisation=X"],
        dir.path(),
        &[("NO_COLOR", "1"), ("ONSITE_ASCII", "1")],
        100,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    p.send("1");
    p.wait_for("Question 1.3 ", 5);
    let screen = p.screen();
    assert!(screen.contains("+ Has a steering committee"), "{screen}");
    assert!(!screen.contains('│') && !screen.contains('✓'), "{screen}");
    let raw = String::from_utf8_lossy(&p.raw()).to_string();
    let colours = sgr_colours(&raw);
    assert!(
        colours.is_empty(),
        "colour codes under NO_COLOR: {colours:?}"
    );
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

/// The SGR sequences (`ESC[...m`) that set a foreground or background colour.
fn sgr_colours(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            let params = &rest[..end];
            let colour = params.split(';').any(|p| {
                matches!(
                    p.parse::<u32>(),
                    Ok(30..=37 | 38 | 40..=47 | 48 | 90..=97 | 100..=107)
                )
            });
            if colour {
                out.push(params.to_string());
            }
        }
    }
    out
}

#[test]
fn start_screen_starts_and_then_continues_an_inspection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let mut p = Pty::spawn(&["--lang", "en"], data, &[], 80, 24);
    p.wait_for("Start from a checklist", 10);
    p.wait_for("Demo: office safety walk-through", 5);
    // nothing in progress: the cursor is on the first checklist; Enter starts it
    p.send(ENTER);
    p.wait_gone("Start from a checklist", 5);
    p.send("\x03");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    let (_, r) = the_record(data);
    let mut p = Pty::spawn(&["--lang", "vi"], data, &[], 80, 24);
    p.wait_for("Cuộc kiểm tra đang làm", 10);
    p.send(ENTER);
    p.wait_gone("Cuộc kiểm tra đang làm", 5);
    p.send("\x03");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    p.wait_for(&r.id, 5);
}

#[test]
fn a_second_onsite_on_the_same_record_is_told_who_holds_it_and_read_only_works() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--lang", "en", "new", cl, "--set", "organisation=X"],
        data,
        &[],
        80,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    // The record is written right after the first frame: wait for the file, not the screen.
    let records = data.join("records");
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !std::fs::read_dir(&records).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "json"))
    }) && std::time::Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(["--lang", "en", "--data-dir"])
        .arg(data)
        .arg("resume")
        .output()
        .expect("run onsite");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is open by") && err.contains("--read-only"),
        "{err}"
    );
    let mut ro = Pty::spawn(
        &["--lang", "en", "resume", "--read-only"],
        data,
        &[],
        80,
        24,
    );
    ro.wait_for("read-only", 10);
    ro.send("1");
    ro.wait_for("read-only", 5);
    ro.send("n");
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !ro.screen().contains("Note:"),
        "no editor in read-only: {}",
        ro.screen()
    );
    ro.send("q");
    assert_eq!(ro.wait_exit(Duration::from_secs(5)), Some(0));
    ro.wait_for("Read-only: nothing was changed", 5);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let (_, r) = the_record(data);
    assert!(r.answers.is_empty(), "read-only changed nothing");
}

#[test]
fn hostile_checklist_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let mut fixture: serde_json::Value = serde_json::from_str(pty::FIXTURE).unwrap();
    fixture["sections"][0]["questions"][0]["prompt"] = serde_json::json!(
        "A\u{1b}]0;pwned\u{7}B\u{1b}[2JC\u{1b}]52;c;ZXZpbA==\u{7}D\u{9b}31mE\u{202e}F"
    );
    fixture["sections"][0]["questions"][0]["guidance"] =
        serde_json::json!("line1\n\u{1b}[31mred\u{1b}[0m\u{2066}x");
    let path = data.join("hostile.json");
    std::fs::write(&path, serde_json::to_string(&fixture).unwrap()).unwrap();
    let mut p = Pty::spawn(
        &["new", path.to_str().unwrap(), "--set", "organisation=X"],
        data,
        &[],
        80,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let raw = String::from_utf8_lossy(&p.raw()).to_string();
    for bad in [
        "\u{1b}]0;",
        "\u{1b}]52",
        "\u{1b}[2J",
        "\u{9b}",
        "\u{202e}",
        "\u{2066}",
        "pwned\u{7}",
    ] {
        assert!(!raw.contains(bad), "{bad:?} reached the terminal");
    }
    assert!(raw.contains("A]0;pwnedB[2JC"), "the text is shown, inert");
}

#[test]
fn a_bad_set_is_a_usage_error_before_the_terminal_is_touched() {
    let (dir, checklist) = setup();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["new", checklist.to_str().unwrap(), "--set", "nonsense"])
        .output()
        .expect("run onsite");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIELD=VALUE"));
    assert!(out.stdout.is_empty(), "no escape sequences written");
}

#[test]
fn records_dir_replaced_by_a_file_shows_an_error_keeps_answers_and_saves_once_back() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["--lang", "en", "new", cl, "--set", "organisation=X"],
        data,
        &[],
        80,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    let records = data.join("records");
    let moved = data.join("records.moved");
    std::fs::rename(&records, &moved).unwrap();
    std::fs::write(&records, "not a dir").unwrap();
    p.send("1");
    p.wait_for("NOT SAVED", 5);
    p.wait_for("Question 1.3 ", 5);
    // back: the next save (retried on the next key or tick) puts everything on disk
    std::fs::remove_file(&records).unwrap();
    std::fs::rename(&moved, &records).unwrap();
    p.wait_gone("NOT SAVED", 5);
    let (_, r) = the_record(data);
    assert_eq!(
        r.answers["steering"].value,
        Some(AnswerValue::Text("yes".into()))
    );
    // broken again at quit: a copy is written elsewhere and the exit code says so
    std::fs::rename(&records, &moved).unwrap();
    std::fs::write(&records, "not a dir").unwrap();
    p.send("d");
    p.wait_for("NOT SAVED", 5);
    p.send("q");
    // quitting with unsaved work offers to write a copy elsewhere; Esc goes back
    p.wait_for("Not saved! Write a copy to", 5);
    p.send("\x1b");
    p.wait_gone("Not saved! Write a copy to", 5);
    p.send("q");
    p.wait_for("Not saved! Write a copy to", 5);
    // replace the proposed path (Home, Ctrl-K) with one of ours and write it
    let copy = data.join("bản sao.json");
    p.send("\x1b[H\x0b");
    p.type_slowly(copy.to_str().unwrap());
    p.send("\r");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(1));
    p.wait_for("a copy was written to", 5);
    let text = std::fs::read_to_string(&copy).expect("rescue copy");
    let rescued: Record = serde_json::from_str(&text).expect("copy parses");
    assert!(rescued.answers["meetings"].awaiting_evidence);
}

#[test]
fn closing_the_pty_with_sighup_ignored_still_ends_the_process_within_two_seconds() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let script = format!(
        "trap '' HUP; exec '{}' --lang en --data-dir '{}' new '{}' --set organisation=X",
        env!("CARGO_BIN_EXE_onsite"),
        data.display(),
        checklist.display()
    );
    let mut p = Pty::spawn_program("/bin/sh", &["-c", &script], data, 80, 24);
    p.wait_for("Question 1.1 ", 10);
    p.send("1");
    p.wait_for("Question 1.3 ", 5);
    p.close();
    assert!(
        p.wait_exit(Duration::from_secs(2)).is_some(),
        "no exit within 2 s of the pty closing"
    );
    let (_, r) = the_record(data);
    assert_eq!(
        r.answers["steering"].value,
        Some(AnswerValue::Text("yes".into()))
    );
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: i32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("proc stat");
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn idle_uses_no_cpu_and_redraws_nothing() {
    let (dir, checklist) = setup();
    let cl = checklist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["new", cl, "--set", "organisation=X"],
        dir.path(),
        &[],
        80,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    std::thread::sleep(Duration::from_millis(300));
    let (ticks, bytes) = (cpu_ticks(p.pid()), p.raw().len());
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_ticks(p.pid()) - ticks;
    assert!(used <= 10, "{used} ticks of CPU in 2 s idle");
    assert_eq!(p.raw().len(), bytes, "nothing written while idle");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}
