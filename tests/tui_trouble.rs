//! The TUI under trouble, through the real binary in a pseudo-terminal (issue 14, items 1,
//! 3, 4, 6, 10, 12, 13, 14, 16; issue 13 item 4): a terminal lost without SIGHUP, text in
//! every editor on every signal, the status line's honesty, a lock removed under a running
//! session, paste injection, no terminal to draw on, Ctrl-Z and `fg`, the rescue copy.

mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use onsite::record::{AnswerValue, DraftEditor, Record};
use pty::harness::Pty;

const ENTER: &str = "\r";
/// The title of the note editor on question 1 (the question screen shows "✎ Note: …").
const NOTE_EDITOR: &str = "Note: Has a steering";
const BIN: &str = env!("CARGO_BIN_EXE_onsite");

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let checklist = dir.path().join("fixture.json");
    std::fs::write(&checklist, pty::FIXTURE).expect("write fixture");
    (dir, checklist)
}

fn record_path(data: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(data.join("records"))
        .expect("records dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn the_record(data: &Path) -> Record {
    let text = std::fs::read_to_string(record_path(data)).expect("read record");
    serde_json::from_str(&text).expect("record parses")
}

/// The pid in the record's lock file (the holder).
fn holder_pid(data: &Path) -> i32 {
    let lock = record_path(data).with_extension("lock");
    let text = std::fs::read_to_string(lock).expect("lock file");
    let v: serde_json::Value = serde_json::from_str(&text).expect("lock parses");
    v["pid"].as_i64().expect("pid") as i32
}

fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid, 0) == 0 }
}

fn signal(pid: i32, sig: i32) {
    // SAFETY: a signal to a process this test started.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
}

fn wait_until(what: &str, secs: u64, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{what}: not after {secs}s");
}

/// `onsite new FIXTURE --set organisation=X` in English at 80×24, at question 1.
fn started(data: &Path, checklist: &Path) -> Pty {
    let cl = checklist.to_str().unwrap();
    let p = Pty::spawn(
        &[
            "--lang",
            "en",
            "new",
            cl,
            "--set",
            "organisation=Sở Tư pháp",
        ],
        data,
        &[],
        80,
        24,
    );
    p.wait_for("Question 1.1 ", 10);
    wait_for_record(data);
    p
}

/// Waits until `needle` is on screen, wrapped over lines or not (spaces are ignored).
fn wait_for_wrapped(p: &Pty, needle: &str, secs: u64) {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let needle = squash(needle);
    wait_until(&format!("{needle:?} on screen"), secs, || {
        squash(&p.screen()).contains(&needle)
    });
}

/// Waits until the new record is on disk (written just after the first frame).
fn wait_for_record(data: &Path) {
    wait_until("the new record is on disk", 5, || {
        data.join("records").read_dir().is_ok_and(|mut d| {
            d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json")))
        })
    });
}

#[test]
fn a_terminal_lost_without_sighup_saves_the_note_releases_the_lock_and_exits() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let args = [
        "-w",
        BIN,
        "--lang",
        "en",
        "new",
        checklist.to_str().unwrap(),
        "--set",
        "organisation=X",
        "--data-dir",
        data.to_str().unwrap(),
    ];
    // `setsid`: onsite runs in a session of its own, so closing the terminal sends it no
    // SIGHUP (as with a parent that does not pass it on).
    let mut p = Pty::spawn_program("setsid", &args, data, 80, 24);
    p.wait_for("Question 1.1 ", 10);
    wait_for_record(data);
    let pid = holder_pid(data);
    p.send("n");
    p.wait_for(NOTE_EDITOR, 5);
    p.send("Biên bản chưa lưu");
    p.wait_for("Biên bản chưa lưu", 5);
    p.close();
    wait_until("onsite exits after the terminal is gone", 5, || !alive(pid));
    let r = the_record(data);
    assert_eq!(r.answers["steering"].note, "Biên bản chưa lưu");
    assert!(
        !record_path(data).with_extension("lock").exists(),
        "the lock file is removed"
    );
}

#[test]
fn the_answer_editors_text_reaches_disk_on_sighup_and_comes_back_on_resume() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let mut p = started(data, &checklist);
    p.send("2");
    p.wait_for("Which plan is missing?", 5);
    p.send(ENTER);
    p.send("Kế hoạch 20");
    p.wait_for("Kế hoạch 20", 5);
    // Typed text not on disk yet: the status line must not claim it is saved.
    p.wait_for("saving…", 5);
    assert!(!p.screen().contains("✓ saved"), "{}", p.screen());
    signal(p.pid(), libc::SIGHUP);
    assert!(p.wait_exit(Duration::from_secs(5)).is_some());
    std::thread::sleep(Duration::from_millis(300));
    let r = the_record(data);
    let draft = r.draft.expect("the typed answer is kept as a draft");
    assert_eq!(draft.text, "Kế hoạch 20");
    assert_eq!(
        draft.editor,
        DraftEditor::Answer {
            question: "plan-detail".into()
        }
    );
    assert!(!record_path(data).with_extension("lock").exists());
    // Resume: the same editor, with the text; Enter confirms it as the answer.
    let mut p = Pty::spawn(&["--lang", "en", "resume"], data, &[], 80, 24);
    p.wait_for("Kế hoạch 20", 10);
    p.wait_for("not confirmed is back", 5);
    p.send("26");
    p.send(ENTER);
    p.wait_for("Steering committee meetings this year", 5);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let r = the_record(data);
    assert_eq!(
        r.answers["plan-detail"].value,
        Some(AnswerValue::Text("Kế hoạch 2026".into()))
    );
    assert!(r.draft.is_none());
}

#[test]
fn the_status_line_says_saved_only_once_the_typed_text_is_on_disk() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let mut p = started(data, &checklist);
    p.wait_for("✓ saved", 5);
    p.send("j");
    p.wait_for("Steering committee meetings this year", 5);
    p.send(ENTER);
    p.send("1");
    p.wait_for("saving…", 5);
    // The number typed is set into the record as a draft after the autosave interval;
    // only then does the status line say saved.
    p.wait_for("✓ saved", 5);
    let r = the_record(data);
    assert_eq!(r.draft.map(|d| d.text).as_deref(), Some("1"));
    // Ctrl-C in the number editor quits keeping what was typed.
    p.send("2");
    p.send("\x03");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let r = the_record(data);
    assert_eq!(r.draft.map(|d| d.text).as_deref(), Some("12"));
}

#[test]
fn the_own_recommendation_and_title_page_texts_reach_disk_on_sigterm_and_sigint() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let p = started(data, &checklist);
    p.wait_for("✓ saved", 5);
    let mut p = p;
    p.send("r");
    p.wait_for("medium", 5);
    p.send("Đề nghị bổ sung quy chế");
    p.wait_for("Đề nghị bổ sung quy chế", 5);
    signal(p.pid(), libc::SIGTERM);
    assert!(p.wait_exit(Duration::from_secs(5)).is_some());
    let draft = the_record(data).draft.expect("recommendation draft");
    assert_eq!(draft.text, "Đề nghị bổ sung quy chế");
    assert!(matches!(draft.editor, DraftEditor::Recommendation { .. }));
    // A title-page field being typed, then SIGINT from outside.
    let (dir2, checklist2) = setup();
    let data2 = dir2.path();
    let mut p = Pty::spawn(
        &["--lang", "vi", "new", checklist2.to_str().unwrap()],
        data2,
        &[],
        80,
        24,
    );
    p.wait_for("Trang thông tin", 10);
    p.send("Sở Nội vụ tỉnh");
    p.wait_for("Sở Nội vụ tỉnh", 5);
    signal(p.pid(), libc::SIGINT);
    assert!(p.wait_exit(Duration::from_secs(5)).is_some());
    let draft = the_record(data2).draft.expect("title-page draft");
    assert_eq!(draft.text, "Sở Nội vụ tỉnh");
    assert_eq!(
        draft.editor,
        DraftEditor::Header {
            field: "organisation".into()
        }
    );
}

#[test]
fn a_removed_lock_never_lets_a_second_writer_lose_answers() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let mut first = started(data, &checklist);
    first.send("1");
    first.wait_for("Question 1.3 ", 5);
    std::fs::remove_file(record_path(data).with_extension("lock")).unwrap();
    let mut second = Pty::spawn(&["--lang", "en", "resume"], data, &[], 80, 24);
    second.wait_for("Question", 10);
    second.send("k");
    second.send("2");
    second.wait_for("Which plan is missing?", 5);
    wait_until("the second session's answer is on disk", 5, || {
        the_record(data).answers["steering"].value == Some(AnswerValue::Text("partial".into()))
    });
    // The first session's next save finds the lock held by the second: it stops.
    first.send("d");
    first.wait_for("is now open by", 5);
    second.send("q");
    assert_eq!(second.wait_exit(Duration::from_secs(5)), Some(0));
    // With the second gone, the record on disk is still not the first one's to replace.
    wait_for_wrapped(&first, "was changed by another program", 5);
    // The whole reason is shown, not cut at the edge.
    wait_for_wrapped(&first, "your answers are kept here)", 5);
    let r = the_record(data);
    assert_eq!(
        r.answers["steering"].value,
        Some(AnswerValue::Text("partial".into()))
    );
    first.send("q");
    first.wait_for("Write a copy to", 5);
    first.send("\x03");
    assert_eq!(first.wait_exit(Duration::from_secs(5)), Some(1));
    // The first session's answers are in a rescue copy, not lost.
    first.wait_for("The latest answers were written to", 5);
}

#[test]
fn a_paste_carrying_its_own_end_marker_never_becomes_keys() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let mut p = started(data, &checklist);
    p.send("1");
    p.wait_for("Question 1.3 ", 5);
    p.send("k");
    p.wait_for("Question 1.1 ", 5);
    // "x" would clear the answer and "2" answer "partial".
    p.send("\x1b[200~Biên bản\x1b[201~x2\x1b[201~");
    p.wait_for("Pasted text was not used", 5);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let r = the_record(data);
    assert_eq!(
        r.answers["steering"].value,
        Some(AnswerValue::Text("yes".into()))
    );
    // In an editor, the whole paste is text.
    let mut p = Pty::spawn(&["--lang", "en", "resume"], data, &[], 80, 24);
    p.wait_for("Question 1.1 ", 10);
    p.send("n");
    p.wait_for(NOTE_EDITOR, 5);
    p.send("\x1b[200~dán \x1b[200~vào\x1b[201~ x2\x1b[201~");
    p.wait_for("dán vào x2", 5);
    std::thread::sleep(Duration::from_millis(100));
    p.send("\x1b");
    p.wait_gone(NOTE_EDITOR, 5);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let r = the_record(data);
    assert_eq!(r.answers["steering"].note, "dán vào x2");
    assert_eq!(
        r.answers["steering"].value,
        Some(AnswerValue::Text("yes".into()))
    );
}

#[test]
fn without_a_terminal_to_draw_on_onsite_refuses_and_writes_no_escape_codes() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let out_file = data.join("out.txt");
    let script = format!(
        "'{BIN}' --lang en --data-dir '{}' new '{}' --set organisation=X > '{}'; echo exit=$?",
        data.display(),
        checklist.display(),
        out_file.display()
    );
    let p = Pty::spawn_program("sh", &["-c", &script], data, 80, 24);
    p.wait_for("exit=1", 10);
    assert!(
        p.screen().contains("standard output is not one"),
        "{}",
        p.screen()
    );
    assert_eq!(std::fs::read(&out_file).unwrap(), b"");
    assert!(!data.join("records").exists(), "nothing created");
    // TERM=dumb: a sentence, and not one escape code.
    let mut p = Pty::spawn(
        &["--lang", "vi", "new", checklist.to_str().unwrap()],
        data,
        &[("TERM", "dumb")],
        80,
        24,
    );
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(1));
    p.wait_for("TERM=dumb", 5);
    assert!(
        !p.raw().contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&p.raw())
    );
}

fn state(pid: i32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|s| s.trim().chars().next())
        .unwrap_or('?')
}

#[test]
fn ctrl_z_stops_with_the_terminal_restored_and_continuing_redraws() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let mut p = started(data, &checklist);
    let pid = p.pid();
    p.send("n");
    p.wait_for(NOTE_EDITOR, 5);
    p.send("Trước khi dừng");
    p.wait_for("Trước khi dừng", 5);
    p.send("\x1a");
    wait_until("stopped", 5, || state(pid) == 'T');
    assert!(
        !p.alternate_screen(),
        "the terminal is given back while stopped"
    );
    // What was typed is on disk while stopped (the stop may last for ever).
    assert_eq!(the_record(data).answers["steering"].note, "Trước khi dừng");
    signal(pid, libc::SIGCONT);
    wait_until("running and drawn again", 5, || {
        state(pid) != 'T' && p.alternate_screen() && p.screen().contains(NOTE_EDITOR)
    });
    // The keys work again (raw mode is back): Esc closes the note, q quits.
    p.send(" sau");
    p.wait_for("Trước khi dừng sau", 5);
    p.send("\x1b");
    p.wait_gone(NOTE_EDITOR, 5);
    // A SIGTSTP from outside works the same.
    signal(pid, libc::SIGTSTP);
    wait_until("stopped by SIGTSTP", 5, || state(pid) == 'T');
    signal(pid, libc::SIGCONT);
    wait_until("continued", 5, || state(pid) != 'T' && p.alternate_screen());
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_failed_save_is_shown_whole_at_80_columns_and_the_rescue_copy_is_private() {
    let (dir, checklist) = setup();
    let data = dir.path();
    let mut p = started(data, &checklist);
    let id = the_record(data).id;
    // The old predictable name in the shared temp dir, planted: never touched.
    let planted = std::env::temp_dir().join(format!("onsite-rescue-{id}.json"));
    let _ = std::fs::write(&planted, "của kẻ khác");
    let records = data.join("records");
    let moved = data.join("records.moved");
    std::fs::rename(&records, &moved).unwrap();
    std::fs::write(&records, "not a dir").unwrap();
    p.send("1");
    // The reason is not cut at the edge: its end is on screen.
    wait_for_wrapped(&p, "Not a directory (os error 20)", 5);
    p.send("q");
    p.wait_for("Write a copy to", 5);
    p.send("\x1b");
    p.wait_gone("Write a copy to", 5);
    p.send("q");
    p.wait_for("Write a copy to", 5);
    // Ctrl-C: quit without choosing a place; the copy goes to the private place.
    p.send("\x03");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(1));
    p.wait_for("The latest answers were written to", 5);
    let screen = p.screen().replace('\n', "");
    let start = screen.find("written to ").unwrap() + "written to ".len();
    let copy = &screen[start..];
    let copy = PathBuf::from(&copy[..copy.find(".json").unwrap() + 5]);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(copy.starts_with(data.join("rescue")), "{}", copy.display());
    let rescued: Record = serde_json::from_str(&std::fs::read_to_string(&copy).unwrap()).unwrap();
    assert_eq!(
        rescued.answers["steering"].value,
        Some(AnswerValue::Text("yes".into()))
    );
    if let Ok(text) = std::fs::read_to_string(&planted) {
        assert_eq!(text, "của kẻ khác");
        let _ = std::fs::remove_file(&planted);
    }
}
