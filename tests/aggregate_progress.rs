//! The progress line of `onsite aggregate` over many records: drawn on stderr when it is
//! a terminal (checked in a real pty), absent when stderr is a pipe.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A directory holding `n` copies of a fixture record, each with its own id.
fn many_records(n: usize) -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/so-noi-vu.json");
    let text = std::fs::read_to_string(src).unwrap();
    let id = "\"id\": \"20261124-0900-so-noi-vu\"";
    assert_eq!(text.matches(id).count(), 1, "the fixture's id");
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let copy = text.replace(id, &format!("\"id\": \"20261124-0900-so-noi-vu-{i:03}\""));
        std::fs::write(dir.path().join(format!("r{i:03}.json")), copy).unwrap();
    }
    dir
}

#[test]
fn progress_is_shown_on_a_terminal() {
    let dir = many_records(60);
    let out = dir.path().join("out.csv");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_onsite"));
    cmd.args(["--data-dir", dir.path().to_str().unwrap(), "aggregate"]);
    cmd.arg(dir.path());
    cmd.args(["--format", "csv", "-o", out.to_str().unwrap()]);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    // On Linux the read fails with EIO once the child has gone: that is the end.
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buf[..n]);
    }
    assert!(child.wait().unwrap().success());
    let seen = String::from_utf8_lossy(&seen);
    assert!(seen.contains("reading records: 25/60"), "{seen:?}");
    let csv = std::fs::read_to_string(&out).unwrap();
    let table = csv.lines().take_while(|l| !l.is_empty()).count();
    assert_eq!(table, 61, "header and 60 rows");
}

#[test]
fn no_progress_when_stderr_is_a_pipe() {
    let dir = many_records(60);
    let out = Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(["--data-dir", dir.path().to_str().unwrap(), "aggregate"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8_lossy(&out.stdout);
    let rows = md
        .lines()
        .filter(|l| l.starts_with("| 20261124-0900-so-noi-vu-"))
        .count();
    assert_eq!(rows, 60, "{md}");
}

/// The aggregate of many files is the one of adding each record in the order given: rows
/// in that order, a copy of a record (same id) counted once and named, a bad file named,
/// progress told in order up to the number of files.
#[test]
fn reading_many_files_keeps_the_order_given() {
    use onsite::i18n::Lang;
    use onsite::report::Summary;
    use onsite::report::aggregate::Aggregate;
    let dir = many_records(37);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records");
    let mut files: Vec<std::path::PathBuf> = (0..37)
        .rev()
        .map(|i| dir.path().join(format!("r{i:03}.json")))
        .collect();
    files.insert(5, fixtures.join("so-tttt.json"));
    files.insert(20, dir.path().join("r030.json"));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": ").unwrap();
    files.insert(11, bad);
    let mut skipped = Vec::new();
    let mut seen = Vec::new();
    let agg = Aggregate::read(&files, Lang::Vi, &mut skipped, |n| seen.push(n));
    let mut one_by_one = Aggregate::default();
    let mut ids = std::collections::HashSet::new();
    for f in &files {
        if let Ok(r) = onsite::record::load(f)
            && ids.insert(r.id.clone())
        {
            one_by_one.add(&Summary::compute(&r, Lang::Vi));
        }
    }
    assert_eq!(agg, one_by_one);
    assert_eq!(agg.len(), 38);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped.iter().any(|s| s.contains("bad.json")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|s| s.contains("r030.json")),
        "{skipped:?}"
    );
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&files.len()));
}
