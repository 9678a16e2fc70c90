//! The edit lock between two processes: the second is told who holds the record (pid,
//! user, host), can still read it, and gets the lock once the holder dies.

mod record_support;

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use onsite::record::{LockError, Store, acquire, load, lock};
use record_support::{at, record};

/// The child: takes the lock, says so, holds it until stdin closes.
#[test]
#[ignore = "run as a child process by the lock tests"]
fn child_holder() {
    let path = PathBuf::from(std::env::var("ONSITE_TEST_RECORD").unwrap());
    let guard = acquire(&path).unwrap();
    println!("locked");
    let mut rest = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut rest);
    drop(guard);
}

fn spawn_holder(path: &std::path::Path) -> (Child, impl BufRead) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_holder", "--ignored", "--nocapture"])
        .env("ONSITE_TEST_RECORD", path)
        .env("USER", "alice")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.trim_end().ends_with("locked") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the child did not lock"
        );
    }
    (child, out)
}

fn new_record_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut r = record(
        "Sở Văn hóa, Thể thao và Du lịch",
        at("2026-11-23T09:30:00+07:00"),
    );
    let path = Store::new(dir.path()).create(&mut r).unwrap();
    (dir, path)
}

#[test]
fn a_second_process_is_told_who_holds_the_record() {
    let (_d, path) = new_record_file();
    let (mut child, _out) = spawn_holder(&path);
    let err = acquire(&path).unwrap_err();
    let LockError::Held(holder) = &err else {
        panic!("{err}")
    };
    assert_eq!(holder.pid, child.id());
    assert_eq!(holder.user, "alice");
    let msg = err.to_string();
    assert!(
        msg.contains(&format!("alice@{} (pid {})", holder.host, child.id())),
        "{msg}"
    );
    assert!(
        msg.contains("since") && msg.contains("--read-only"),
        "{msg}"
    );
    // Reading needs no lock.
    assert!(load(&path).is_ok());
    assert_eq!(lock::holder(&path).map(|h| h.pid), Some(child.id()));
    // Closing stdin lets the child release the lock normally.
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let guard = acquire(&path).unwrap();
    assert!(lock::lock_path(&path).exists());
    drop(guard);
    assert!(
        !lock::lock_path(&path).exists(),
        "the sidecar is removed on release"
    );
}

#[test]
fn a_killed_holder_leaves_no_stale_lock() {
    let (_d, path) = new_record_file();
    let (mut child, _out) = spawn_holder(&path);
    assert!(matches!(acquire(&path), Err(LockError::Held(_))));
    child.kill().unwrap();
    child.wait().unwrap();
    let guard = acquire(&path).expect("the OS released the dead holder's lock");
    assert_eq!(lock::holder(&path).map(|h| h.pid), Some(std::process::id()));
    drop(guard);
    assert_eq!(lock::holder(&path), None);
}

#[test]
fn the_lock_is_exclusive_within_one_process_too() {
    let (_d, path) = new_record_file();
    let first = acquire(&path).unwrap();
    let err = acquire(&path).unwrap_err();
    assert!(
        matches!(&err, LockError::Held(h) if h.pid == std::process::id()),
        "{err}"
    );
    drop(first);
    let again = acquire(&path).unwrap();
    drop(again);
}
