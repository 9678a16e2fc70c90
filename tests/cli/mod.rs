//! Running the real `onsite` binary from integration tests, in English and with a data dir
//! of the test's own.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `onsite --data-dir DATA ARGS...` with an English UI and captures its output.
pub fn onsite(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the onsite binary runs")
}

/// Output bytes as text (they must be UTF-8).
pub fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("output is UTF-8")
}

/// A fixed record under `tests/fixtures/records/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records")
        .join(name)
}
