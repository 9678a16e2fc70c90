//! Shared by the team tests: a simulated member (a data dir of their own, their name set
//! with `onsite team whoami`), running the real binary, and editing a member's copy the way
//! the TUI does (through the session, saved with the store's durable save).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use onsite::checklist::catalog;
use onsite::record::{Record, Store, Timestamp};
use onsite::session::{Command, Session};

/// A time of the inspection day.
pub fn at(hhmm: &str) -> Timestamp {
    Timestamp::parse_from_rfc3339(&format!("2026-12-02T{hhmm}:00+07:00")).expect("time")
}

/// Runs onsite with a data dir, English, and no git identity or system config of the
/// machine running the tests.
pub fn run(data: &Path, args: &[&str]) -> Output {
    let home = data.join("home");
    std::fs::create_dir_all(&home).expect("home");
    Process::new(env!("CARGO_BIN_EXE_onsite"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .env("HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .output()
        .expect("run onsite")
}

/// Runs onsite and returns stdout; fails the test with stderr when it fails.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "onsite {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs the system git in `dir` (with the same isolated configuration).
pub fn git(dir: &Path, home: &Path, args: &[&str]) -> Output {
    std::fs::create_dir_all(home).expect("home");
    Process::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("run git")
}

/// One inspector with their own data dir.
pub struct Member {
    /// Their name.
    pub name: String,
    /// Their data dir.
    pub data: PathBuf,
}

impl Member {
    /// A member named `name` with a data dir under `root`.
    pub fn new(root: &Path, dir: &str, name: &str) -> Member {
        let data = root.join(dir);
        std::fs::create_dir_all(&data).expect("data dir");
        let m = Member {
            name: name.into(),
            data,
        };
        let said = m.ok(&["team", "whoami", name]);
        assert!(said.contains(name), "{said}");
        m
    }

    /// Runs onsite in this member's data dir.
    pub fn ok(&self, args: &[&str]) -> String {
        ok(&self.data, args)
    }

    /// Runs onsite in this member's data dir, whatever the outcome.
    pub fn run(&self, args: &[&str]) -> Output {
        run(&self.data, args)
    }

    /// The path of the record `id`.
    pub fn path(&self, id: &str) -> PathBuf {
        Store::new(&self.data).path_of(id)
    }

    /// The member's copy of record `id`.
    pub fn record(&self, id: &str) -> Record {
        onsite::record::load(&self.path(id)).expect("load record")
    }

    /// Changes the member's copy through the session, as the TUI does.
    pub fn edit(&self, id: &str, now: Timestamp, f: impl FnOnce(&mut Session, Timestamp)) {
        let record = self.record(id);
        let mut s = Session::new(record, false);
        f(&mut s, now);
        onsite::record::save_at(&self.path(id), s.record()).expect("save");
    }

    /// Answers questions (id, value typed in English).
    pub fn answer(&self, id: &str, now: Timestamp, answers: &[(&str, &str)]) {
        self.edit(id, now, |s, now| {
            for (q, v) in answers {
                s.apply(Command::GoTo(q.to_string()), now).expect("go to");
                s.apply(Command::Input(v.to_string()), now).expect("answer");
            }
        });
    }

    /// Writes a note on a question.
    pub fn note(&self, id: &str, now: Timestamp, q: &str, text: &str) {
        self.edit(id, now, |s, now| {
            s.apply(Command::GoTo(q.to_string()), now).expect("go to");
            s.apply(Command::SetNote(text.to_string()), now)
                .expect("note");
        });
    }
}

/// The leader's new qcdc-agency record in their data dir; returns its id.
pub fn start_inspection(leader: &Member) -> String {
    let checklist = catalog::resolve("qcdc-agency", &leader.data).expect("bundled checklist");
    let sets: Vec<(String, String)> = [
        ("organisation", "Sở Nội vụ tỉnh Hà Nam"),
        ("unit-short", "Sở"),
        ("head-title", "Giám đốc Sở"),
        ("team-lead", "Nguyễn Thị Lan"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let mut record =
        onsite::record::new_record(checklist, &sets, at("08:00"), onsite::i18n::Lang::Vi)
            .expect("new record");
    Store::new(&leader.data)
        .create(&mut record)
        .expect("create record");
    record.id
}

/// Every file under `dir` (recursively), `.git` left out.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}
