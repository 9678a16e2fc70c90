//! `onsite aggregate` through the real binary: grouping by checklist, sections matched by
//! id, a corrupt record named and skipped, the CSV byte-order mark, golden outputs.

mod cli;

use cli::text;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records")
        .join(name)
}

fn onsite(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data.path())
        .args(args)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

/// A directory with the three fixtures and a corrupt record.
fn records_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["so-tttt.json", "so-noi-vu.json", "warehouse-7.json"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("hỏng.json"),
        "{\"format\": \"onsite-record/1\",",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a record").unwrap();
    dir
}

#[test]
fn a_corrupt_record_is_named_and_skipped_and_checklists_are_grouped() {
    let dir = records_dir();
    let out = onsite(&["--lang", "vi", "aggregate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    // Named, with the place and the reason, in the UI language.
    assert!(
        err.starts_with("onsite: bỏ qua: ")
            && err.contains(
                "hỏng.json:1:29: không phải hồ sơ onsite hợp lệ: tệp kết thúc giữa chừng"
            ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let md = text(&out.stdout);
    insta::assert_snapshot!("aggregate.vi.md", md);
    let qcdc = md.find("(qcdc-mini)").unwrap();
    let fire = md.find("(fire-safety)").unwrap();
    let tttt = md.find("Sở Thông tin").unwrap();
    let noivu = md.find("Sở Nội vụ").unwrap();
    let warehouse = md.find("Warehouse 7").unwrap();
    assert!(qcdc < tttt && tttt < fire && noivu < fire && fire < warehouse);
}

#[test]
fn csv_has_a_bom_and_one_quoted_block_per_checklist() {
    let dir = records_dir();
    let out = onsite(&[
        "aggregate",
        dir.path().join("so-tttt.json").to_str().unwrap(),
        dir.path().join("warehouse-7.json").to_str().unwrap(),
        dir.path().join("so-noi-vu.json").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    let csv = text(&out.stdout);
    insta::assert_snapshot!("aggregate.en.csv", csv.replace("\r\n", "⏎\n"));
    let blocks: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n\r\n")
        .collect();
    assert_eq!(blocks.len(), 2, "{csv}");
    assert_eq!(
        blocks[0].lines().count(),
        3,
        "header + the two qcdc records"
    );
    assert!(blocks[1].contains("\"Warehouse 7, \"\"North\"\" site\""));
    assert!(blocks[0].contains("qcdc-mini,20261124-0900-so-noi-vu,Sở Nội vụ,2026-11-24"));
}

#[test]
fn json_output_and_file_output() {
    let dir = records_dir();
    let file = dir.path().join("out").join("tổng hợp.json");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = onsite(&[
        "aggregate",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    insta::assert_snapshot!("aggregate.en.json", written);
    let v: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(v["format"], "onsite-aggregate/1");
    assert_eq!(v["groups"].as_array().unwrap().len(), 2);
    assert_eq!(v["groups"][0]["rows"].as_array().unwrap().len(), 2);
}

#[test]
fn sections_are_matched_by_id_across_checklist_versions() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("so-noi-vu.json")).unwrap()).unwrap();
    // A later version of the checklist drops the middle section and adds one at the front.
    let sections = v["checklist"]["sections"].as_array_mut().unwrap();
    sections.remove(1);
    sections.insert(
        0,
        serde_json::json!({"id": "new-part", "title": "Phần mới", "questions": [
            {"id": "new-q", "type": "choice", "responses": "ynp", "prompt": "Mới?"}]}),
    );
    v["checklist"]["version"] = serde_json::json!("2027.1");
    v["answers"]["new-q"] =
        serde_json::json!({"value": "yes", "updated_at": "2027-01-02T09:00:00+07:00"});
    std::fs::write(dir.path().join("b.json"), v.to_string()).unwrap();
    std::fs::copy(fixture("so-tttt.json"), dir.path().join("a.json")).unwrap();
    let out = onsite(&[
        "aggregate",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let g = &j["groups"][0];
    let ids: Vec<&str> = g["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["leadership", "disclosure", "inspection-board", "new-part"]
    );
    let b = &g["rows"][1];
    assert_eq!(b["version"], "2027.1");
    assert!(b["sections"][1].is_null(), "b has no disclosure section");
    assert_eq!(b["sections"][3]["ratio"], 1.0);
    assert!(g["rows"][0]["sections"][3].is_null());
}

#[test]
fn nothing_readable_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.json"), "[]").unwrap();
    let out = onsite(&[
        "aggregate",
        dir.path().to_str().unwrap(),
        dir.path().join("missing.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("x.json") && err.contains("missing.json"),
        "{err}"
    );
    assert!(err.contains("nothing to aggregate"), "{err}");
}
