//! `onsite list` through the real binary: table, JSON, warnings, empty data dir, Vietnamese.

mod cli;

use cli::{onsite, text};

mod record_support;

use std::path::Path;

use onsite::record::{AnswerValue, Status, Store};
use record_support::{at, record};

fn two_records(data: &Path) -> (String, String) {
    let store = Store::new(data);
    let mut a = record(
        "Sở Thông tin và Truyền thông",
        at("2026-11-23T09:30:00+07:00"),
    );
    store.create(&mut a).unwrap();
    // Decomposed Vietnamese given as a header value is stored composed (NFC).
    let mut b = record(
        "So\u{031b}\u{0309} Y te\u{0302}\u{0301}",
        at("2026-11-24T14:05:00+07:00"),
    );
    b.status = Status::Finished;
    b.answers.get_mut("steering").unwrap().value = Some(AnswerValue::Text("no".into()));
    store.create(&mut b).unwrap();
    (a.id, b.id)
}

#[test]
fn lists_records_and_warns_about_a_corrupt_one() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_records(dir.path());
    let broken = dir.path().join("records").join("20261120-0800-hong.json");
    std::fs::write(&broken, "{\"format\": \"onsite-record/1\", \"id\": \x1b[2J").unwrap();
    let out = onsite(dir.path(), &["list"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("PROGRESS"),
        "{stdout}"
    );
    assert!(lines[1].starts_with(&a) && lines[1].contains("Sở Thông tin và Truyền thông"));
    assert!(
        lines[1].contains("in progress") && lines[1].contains("2/5"),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with(&b) && lines[2].contains("Sở Y tế"),
        "{stdout}"
    );
    assert!(
        lines[2].contains("finished") && lines[2].contains("2/4"),
        "{stdout}"
    );
    assert!(lines[1].contains("Grassroots democracy check"));
    assert!(
        stderr.contains("warning") && stderr.contains("20261120-0800-hong.json"),
        "{stderr}"
    );
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
}

#[test]
fn json_output_parses() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_records(dir.path());
    let out = onsite(dir.path(), &["list", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], a.as_str());
    assert_eq!(items[1]["id"], b.as_str());
    assert_eq!(items[0]["organisation"], "Sở Thông tin và Truyền thông");
    assert_eq!(items[0]["status"], "in_progress");
    assert_eq!(items[1]["status"], "finished");
    assert_eq!(items[0]["answered"], 2);
    assert_eq!(items[0]["total"], 5);
    assert_eq!(items[0]["checklist_id"], "qcdc-agency");
    assert!(
        items[0]["updated_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-23T09:30:00")
    );
}

#[test]
fn an_empty_data_dir_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let out = onsite(&dir.path().join("nothing-here"), &["list"]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("onsite new demo"),
        "{}",
        text(&out.stdout)
    );
    let out = onsite(dir.path(), &["list", "--json"]);
    assert_eq!(text(&out.stdout).trim(), "[]");
    let out = onsite(dir.path(), &["--lang", "vi", "list"]);
    assert!(text(&out.stdout).contains("chưa có cuộc kiểm tra nào"));
}

#[test]
fn vietnamese_table() {
    let dir = tempfile::tempdir().unwrap();
    two_records(dir.path());
    let out = onsite(dir.path(), &["--lang", "vi", "list"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("MÃ") && stdout.contains("TIẾN ĐỘ"),
        "{stdout}"
    );
    assert!(
        stdout.contains("đang làm") && stdout.contains("đã xong"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Kiểm tra thực hiện dân chủ ở cơ sở"),
        "{stdout}"
    );
}

#[test]
fn warnings_are_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = two_records(dir.path());
    let records = dir.path().join("records");
    std::fs::write(records.join("20261120-0800-hong.json"), "{ not json").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let shared = records.join(format!("{a}.json"));
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = onsite(dir.path(), &["--lang", "vi", "list"]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("onsite: cảnh báo: bỏ qua ")
            && stderr.contains("20261120-0800-hong.json:1:")
            && stderr.contains("không phải hồ sơ onsite hợp lệ"),
        "{stderr}"
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("người dùng khác đọc được") && stderr.contains("(quyền 644)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("skipped") && !stderr.contains("other users"),
        "{stderr}"
    );
}
