//! Files under attack, through the real binary: planted links at lock and output paths,
//! FIFOs where records, checklists and outputs should be, an oversized record, stray temp
//! files of killed saves, and records reached twice by `aggregate` (issue 14, items 2, 5,
//! 7, 8, 9, 15). Every run has a time limit: a hang fails the test rather than stalling it.

mod cli;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use cli::{fixture, text};

/// Runs `onsite --data-dir DATA ARGS` (stdin closed, English), killing it after `secs`.
fn run(data: &Path, args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn onsite");
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("output");
    panic!(
        "onsite {args:?} still running after {secs}s (stderr: {})",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// A data dir holding the `so-tttt` fixture as its one record; the record path.
fn data_with_record() -> (tempfile::TempDir, PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let records = data.path().join("records");
    std::fs::create_dir(&records).unwrap();
    std::fs::set_permissions(&records, std::fs::Permissions::from_mode(0o700)).unwrap();
    let path = records.join("20261123-0830-so-tttt.json");
    std::fs::copy(fixture("so-tttt.json"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    (data, path)
}

#[test]
fn a_lock_planted_as_a_link_is_never_followed_and_an_open_records_dir_is_refused() {
    let (data, record) = data_with_record();
    let victim = data.path().join("nạn-nhân.txt");
    std::fs::write(&victim, "dữ liệu quý").unwrap();
    symlink(&victim, record.with_extension("lock")).unwrap();
    let out = run(data.path(), &["resume", "20261123-0830-so-tttt"], 10);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("symbolic link") && err.contains(".lock"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "dữ liệu quý");
    // A records dir other users can write is refused with a sentence, as ssh does.
    std::fs::remove_file(record.with_extension("lock")).unwrap();
    let records = record.parent().unwrap();
    std::fs::set_permissions(records, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = run(
        data.path(),
        &["--lang", "vi", "resume", "20261123-0830-so-tttt"],
        10,
    );
    std::fs::set_permissions(records, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("0777") && err.contains("chmod go-w"), "{err}");
    assert!(!record.with_extension("lock").exists());
}

#[test]
fn a_record_that_is_a_link_is_not_read_through_it() {
    let (data, record) = data_with_record();
    let elsewhere = data.path().join("khác.json");
    std::fs::rename(&record, &elsewhere).unwrap();
    symlink(&elsewhere, &record).unwrap();
    let out = run(data.path(), &["resume", "20261123-0830-so-tttt"], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("symbolic link"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn report_outputs_refuse_links_fifos_and_hard_links_keep_modes_and_dash_is_stdout() {
    let (data, _) = data_with_record();
    let id = "20261123-0830-so-tttt";
    let d = data.path();
    // `-o -` is standard output.
    let out = run(d, &["report", id, "-o", "-"], 10);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Sở Thông tin"));
    assert!(!d.join("-").exists());
    // A FIFO: refused at once (never waited on), still a FIFO.
    let fifo = d.join("ống.md");
    mkfifo(&fifo);
    let out = run(d, &["report", id, "-o", fifo.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("FIFO"), "{}", text(&out.stderr));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // A link: refused, its target untouched.
    let target = d.join("đích.md");
    std::fs::write(&target, "của người khác").unwrap();
    let link = d.join("liên-kết.md");
    symlink(&target, &link).unwrap();
    let out = run(
        d,
        &[
            "--lang",
            "vi",
            "aggregate",
            d.to_str().unwrap(),
            "-o",
            link.to_str().unwrap(),
        ],
        10,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("liên kết tượng trưng"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "của người khác");
    // /dev/stdout is a link too: the sentence points to `-o -`.
    let out = run(d, &["report", id, "-o", "/dev/stdout"], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("-o -"), "{}", text(&out.stderr));
    // A hard-linked file is not split.
    let shared = d.join("chung.md");
    std::fs::write(&shared, "một").unwrap();
    std::fs::hard_link(&shared, d.join("chung-2.md")).unwrap();
    let out = run(d, &["report", id, "-o", shared.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("hard links"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("chung-2.md")).unwrap(),
        "một"
    );
    // An existing file of ours keeps its mode.
    let mine = d.join("báo-cáo.html");
    std::fs::write(&mine, "cũ").unwrap();
    std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(
        d,
        &[
            "report",
            id,
            "--format",
            "html",
            "-o",
            mine.to_str().unwrap(),
        ],
        10,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let meta = std::fs::metadata(&mine).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&mine).unwrap().contains("<html"));
}

#[test]
fn fifos_named_like_checklists_and_records_are_refused_without_hanging() {
    let (data, record) = data_with_record();
    let d = data.path();
    let checklist = d.join("danh-mục.json");
    mkfifo(&checklist);
    let out = run(d, &["validate", checklist.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("FIFO") || text(&out.stderr).contains("FIFO"));
    let out = run(d, &["new", checklist.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(1));
    // A FIFO among the records: listed around, resume refused.
    let fifo_record = record.with_file_name("20261124-0900-fifo.json");
    mkfifo(&fifo_record);
    let out = run(d, &["list"], 10);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("20261123-0830-so-tttt"));
    assert!(text(&out.stderr).contains("FIFO"), "{}", text(&out.stderr));
    let out = run(d, &["resume", "20261124-0900-fifo"], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("FIFO"), "{}", text(&out.stderr));
    // The user's checklists dir with a FIFO in it: `checklists` goes on.
    let user = d.join("checklists");
    std::fs::create_dir(&user).unwrap();
    mkfifo(&user.join("treo.json"));
    let out = run(d, &["checklists"], 10);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn an_oversized_record_or_note_is_refused_with_a_sentence() {
    let (data, record) = data_with_record();
    let d = data.path();
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    let answers = value["answers"].as_object_mut().unwrap();
    let first = answers.keys().next().unwrap().clone();
    answers[&first]["note"] = serde_json::Value::String("Ghi chú rất dài. ".repeat(20_000));
    std::fs::write(&record, serde_json::to_string(&value).unwrap()).unwrap();
    let started = Instant::now();
    let out = run(d, &["report", "20261123-0830-so-tttt"], 10);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("/answers/{first}/note")) && err.contains("KiB"),
        "{err}"
    );
    // A record larger than any record may be is refused before it is read.
    let big = record.with_file_name("20261125-0900-big.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(40 << 20).unwrap();
    let out = run(d, &["report", "20261125-0900-big"], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("too large"),
        "{}",
        text(&out.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn stray_temp_files_of_killed_saves_are_removed_at_the_next_start_but_not_a_save_in_progress() {
    let (data, record) = data_with_record();
    let records = record.parent().unwrap();
    let stray = records.join(".onsite-AbC123.tmp");
    std::fs::write(&stray, vec![b'x'; 1 << 20]).unwrap();
    let busy = records.join(".onsite-XyZ789.tmp");
    std::fs::write(&busy, "đang ghi").unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(10);
    for p in [&stray, &busy] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    // A save in progress holds its temp file locked.
    let holder = std::fs::File::open(&busy).unwrap();
    holder.lock().unwrap();
    // Any start of the TUI tidies (here it then stops: no terminal).
    let out = run(data.path(), &["resume", "20261123-0830-so-tttt"], 10);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stray.exists(), "the stray temp file is gone");
    assert!(busy.exists(), "a locked temp file is a save in progress");
    drop(holder);
}

#[test]
fn aggregate_counts_each_record_once_however_it_is_reached() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["so-tttt.json", "so-noi-vu.json"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    symlink(".", dir.path().join("records")).unwrap();
    // A copy of one record under another name (a rescue copy put beside it).
    std::fs::copy(fixture("so-tttt.json"), dir.path().join("bản-sao.json")).unwrap();
    let d = dir.path().to_str().unwrap();
    let out = run(dir.path(), &["aggregate", d, d, "--format", "json"], 10);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text_out = json.to_string();
    let count = |needle: &str| text_out.matches(needle).count();
    assert_eq!(count("20261123-0830-so-tttt"), 1, "{text_out}");
    let err = text(&out.stderr);
    assert!(err.contains("counted once"), "{err}");
}
