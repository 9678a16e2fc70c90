//! `onsite doc` on the command line: the profile set, shown and refused when wrong; a
//! document written under a name that says what it is, and its path printed; located
//! one-sentence errors with exit codes 1 and 2.

mod doc_support;

use std::path::Path;
use std::process::{Command, Output};

use doc_support::{body_text, record_path};

fn onsite(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .current_dir(cwd)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn the_profile_is_set_once_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = onsite(
        &data,
        dir.path(),
        &[
            "doc",
            "profile",
            "--set",
            "place=Hà Tĩnh",
            "--set",
            "style=party",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let shown = text(&out.stdout);
    assert!(
        shown.contains("Hà Tĩnh") && shown.contains("party"),
        "{shown}"
    );
    let saved = std::fs::read_to_string(data.join("document-profile.json")).unwrap();
    assert!(saved.contains("\"place\": \"Hà Tĩnh\""), "{saved}");
    // Shown again without --set; an empty value removes a key.
    let out = onsite(&data, dir.path(), &["doc", "profile", "--set", "style="]);
    assert!(out.status.success());
    let saved = std::fs::read_to_string(data.join("document-profile.json")).unwrap();
    assert!(
        !saved.contains("style") && saved.contains("place"),
        "{saved}"
    );
}

#[test]
fn wrong_profile_settings_and_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = onsite(&data, dir.path(), &["doc", "profile", "--set", "plaec=x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("\"plaec\""), "{out:?}");
    let out = onsite(&data, dir.path(), &["doc", "profile", "--set", "place"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("document-profile.json"), "{\n \"place\": 3\n}").unwrap();
    let rec = record_path();
    let out = onsite(
        &data,
        dir.path(),
        &["--lang", "vi", "doc", "minutes", rec.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("không đọc được hồ sơ văn bản") && err.contains("document-profile.json"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no document written"
    );
}

#[test]
fn a_document_is_written_where_the_inspector_works_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let rec = record_path();
    let out = onsite(
        &data,
        dir.path(),
        &["--lang", "vi", "doc", "conclusion", rec.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
    let said = text(&out.stdout);
    assert!(
        said.contains("thong-bao-ket-luan-20261202-0800-so-noi-vu.docx"),
        "{said}"
    );
    let bytes = std::fs::read(
        dir.path()
            .join("thong-bao-ket-luan-20261202-0800-so-noi-vu.docx"),
    )
    .unwrap();
    assert!(body_text(&bytes).contains("THÔNG BÁO"));
    // English, to a named file, with a one-off setting that is not saved.
    let out_file = dir.path().join("minutes.docx");
    let out = onsite(
        &data,
        dir.path(),
        &[
            "--lang",
            "en",
            "doc",
            "minutes",
            rec.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
            "--set",
            "place=Hanoi",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let t = body_text(&std::fs::read(&out_file).unwrap());
    assert!(
        t.contains("MINUTES") && t.contains("Hanoi, 2 December 2026"),
        "{t}"
    );
    assert!(!t.contains("CỘNG HÒA"), "English documents are plain");
    assert!(!data.join("document-profile.json").exists());
}

#[test]
fn unknown_records_and_missing_inputs_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = onsite(&data, dir.path(), &["doc", "minutes", "no-such-record"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(text(&out.stderr).contains("no-such-record"));
    let out = onsite(&data, dir.path(), &["doc", "minutes"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let out = onsite(
        &data,
        dir.path(),
        &["doc", "report", dir.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = onsite(&data, dir.path(), &["doc", "brief", "no-such-checklist"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn a_report_covers_many_records_given_as_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let recs = dir.path().join("recs");
    std::fs::create_dir(&recs).unwrap();
    std::fs::copy(record_path(), recs.join("a.json")).unwrap();
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/so-noi-vu.json");
    std::fs::copy(other, recs.join("b.json")).unwrap();
    let out_file = dir.path().join("r.docx");
    let out = onsite(
        &data,
        dir.path(),
        &[
            "--lang",
            "vi",
            "doc",
            "report",
            recs.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let t = body_text(&std::fs::read(&out_file).unwrap());
    assert!(t.contains("tại 02 cơ quan, đơn vị"), "{t}");
    assert!(
        t.contains("1. Sở Nội vụ tỉnh Hà Tĩnh") && t.contains("2. Sở Nội vụ"),
        "{t}"
    );
}
