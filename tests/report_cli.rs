//! `onsite report` through the real binary: formats, `-o`, exit codes and error sentences.

mod cli;

use cli::{fixture, onsite, text};

#[test]
fn default_is_markdown_on_stdout_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let rec = fixture("so-tttt.json");
    let out = onsite(dir.path(), &["report", rec.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Inspection working summary\n"), "{md}");
    let out = onsite(
        dir.path(),
        &["--lang", "vi", "report", rec.to_str().unwrap()],
    );
    assert!(text(&out.stdout).starts_with("# Phiếu tổng hợp kết quả kiểm tra\n"));
    assert!(text(&out.stdout).contains("## Kiến nghị"));
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let rec = fixture("so-tttt.json");
    for (format, marker) in [
        ("html", "<!DOCTYPE html>"),
        ("json", "\"format\": \"onsite-report/1\""),
        ("txt", "INSPECTION WORKING SUMMARY"),
        ("md", "# Inspection working summary"),
    ] {
        let file = dir.path().join(format!("báo cáo.{format}"));
        let out = onsite(
            dir.path(),
            &[
                "report",
                rec.to_str().unwrap(),
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty());
        let written = std::fs::read_to_string(&file).unwrap();
        assert!(written.contains(marker), "{format}: {written}");
    }
    // Overwriting keeps one file and leaves no temporary file behind.
    let file = dir.path().join("báo cáo.md");
    let out = onsite(
        dir.path(),
        &[
            "report",
            rec.to_str().unwrap(),
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn a_record_id_is_found_in_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("records")).unwrap();
    std::fs::copy(
        fixture("so-noi-vu.json"),
        dir.path().join("records/20261124-0900-so-noi-vu.json"),
    )
    .unwrap();
    let out = onsite(
        dir.path(),
        &["report", "20261124-0900-so-noi-vu", "--format", "txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Sở Nội vụ"));
}

#[test]
fn bad_input_is_one_sentence_naming_the_file_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let missing = onsite(dir.path(), &["report", "no-such-record"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("no record `no-such-record`"),
        "{}",
        text(&missing.stderr)
    );

    let broken = dir.path().join("hỏng.json");
    std::fs::write(
        &broken,
        "{\n  \"format\": \"onsite-record/1\",\n  \"id\": \n",
    )
    .unwrap();
    let out = onsite(dir.path(), &["report", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("hỏng.json:4:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("so-tttt.json")).unwrap()).unwrap();
    v["answers"]["annual-plan"]["updated_at"] = serde_json::json!("yesterday");
    let typed = dir.path().join("typed.json");
    std::fs::write(&typed, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = onsite(dir.path(), &["report", typed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("typed.json:") && err.contains("/answers/annual-plan/updated_at"),
        "{err}"
    );

    v["format"] = serde_json::json!("onsite-record/2");
    let newer = dir.path().join("newer.json");
    std::fs::write(&newer, serde_json::to_string(&v).unwrap()).unwrap();
    let out = onsite(dir.path(), &["report", newer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("newer onsite (format onsite-record/2"));

    let out = onsite(
        dir.path(),
        &[
            "report",
            fixture("so-tttt.json").to_str().unwrap(),
            "-o",
            dir.path().join("gone/r.md").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("gone/r.md"));
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let rec = fixture("so-tttt.json");
    let out = onsite(
        dir.path(),
        &["report", rec.to_str().unwrap(), "--format", "pdf"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn errors_are_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let vi = |args: &[&str]| {
        let mut all = vec!["--lang", "vi"];
        all.extend_from_slice(args);
        onsite(dir.path(), &all)
    };
    let out = vi(&["report", "không-có"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("onsite: không có hồ sơ `không-có` trong "),
        "{}",
        text(&out.stderr)
    );
    let broken = dir.path().join("hỏng.json");
    std::fs::write(
        &broken,
        "{\n  \"format\": \"onsite-record/1\",\n  \"id\": \n",
    )
    .unwrap();
    let out = vi(&["report", broken.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(
        err.contains("hỏng.json:4:") && err.contains("không phải hồ sơ onsite hợp lệ"),
        "{err}"
    );
    let out = vi(&[
        "report",
        fixture("so-tttt.json").to_str().unwrap(),
        "-o",
        dir.path().join("mất/r.md").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("không ghi được")
            && err.contains("mất/r.md")
            && err.contains("không tìm thấy"),
        "{err}"
    );
    // `--set` values are read the Vietnamese way and refused with a Vietnamese sentence.
    let out = vi(&["new", "qcdc-agency", "--set", "date=31/02/2026"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "onsite: trường `date`: `31/02/2026` không phải là ngày có thật"
    );
    let out = vi(&["new", "không-có-bộ-này"]);
    assert!(
        text(&out.stderr).starts_with("onsite: không có bộ câu hỏi nào có mã"),
        "{}",
        text(&out.stderr)
    );
}
