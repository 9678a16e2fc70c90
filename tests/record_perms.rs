//! Records are private even under `umask 000`: dir 0700, files 0600, set at creation.

mod record_support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use onsite::record::{Store, acquire, lock};
use record_support::{at, record};

/// The child: with umask 000, creates a data dir, a record, saves it again, takes the lock.
#[test]
#[ignore = "run as a child process by `private_under_umask_000`"]
fn child_umask_000() {
    // SAFETY: umask only changes this process's file-creation mask.
    unsafe { libc::umask(0) };
    let data = PathBuf::from(std::env::var("ONSITE_TEST_DATA").unwrap());
    let store = Store::new(&data);
    let mut r = record(
        "Sở Nông nghiệp và Phát triển nông thôn",
        at("2026-11-23T09:30:00+07:00"),
    );
    let path = store.create(&mut r).unwrap();
    r.general_notes = "lưu lần hai".into();
    store.save(&r).unwrap();
    let guard = acquire(&path).unwrap();
    let m = mode(&lock::lock_path(&path));
    println!("lockmode {m:o}");
    drop(guard);
    // A control file made here shows the umask really was 000.
    std::fs::write(data.join("control"), "x").unwrap();
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn private_under_umask_000() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("nested").join("data");
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_umask_000", "--ignored", "--nocapture"])
        .env("ONSITE_TEST_DATA", &data)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        mode(&data.join("control")),
        0o666,
        "the child's umask was not 000"
    );
    let records = data.join("records");
    assert_eq!(mode(&records), 0o700);
    assert_eq!(mode(&data), 0o700);
    let files: Vec<_> = std::fs::read_dir(&records)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(mode(&files[0]), 0o600);
    assert!(stdout.contains("lockmode 600"), "{stdout}");
}
