//! `onsite checklists` through the real binary, and `resolve` through the library: the
//! search order of SPEC §1 (`./checklists/`, `<data-dir>/checklists/`, bundled), a user's
//! file winning over a bundled one, broken files reported without stopping the listing.

use std::path::Path;
use std::process::{Command, Output};

use onsite::checklist::catalog::{bundled, resolve_entry};
use onsite::checklist::{Origin, ResolveError, load_str};
use unicode_width::UnicodeWidthStr;

const MINI: &str = include_str!("fixtures/mini.json");

fn other(id: &str) -> String {
    format!(
        r#"{{"format": "onsite-checklist/1", "id": "{id}", "version": "2026.1",
  "title": {{"vi": "Bếp ăn tập thể", "en": "Canteen"}},
  "sections": [{{"id": "s", "title": "Chung", "questions": [
    {{"id": "q", "type": "text", "prompt": "Ghi chú"}}]}}]}}"#
    )
}

fn listing(cwd: &Path, data: &Path, lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onsite"))
        .args(["checklists", "--lang", lang, "--data-dir"])
        .arg(data)
        .current_dir(cwd)
        .output()
        .unwrap()
}

/// The columns of a table line (split at runs of two or more spaces).
fn columns(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path().join("work");
    let data = tmp.path().join("data");
    std::fs::create_dir_all(cwd.join("checklists")).unwrap();
    std::fs::create_dir_all(data.join("checklists")).unwrap();
    std::fs::write(cwd.join("checklists/mini.json"), MINI).unwrap();
    std::fs::write(
        data.join("checklists/mini-copy.json"),
        MINI.replace("Kiểm tra nhỏ", "Bản sao"),
    )
    .unwrap();
    std::fs::write(
        data.join("checklists/canteen-local.json"),
        other("canteen-local"),
    )
    .unwrap();
    std::fs::write(data.join("checklists/broken.json"), "{\"format\": 1}").unwrap();
    (tmp, cwd, data)
}

#[test]
fn lists_every_place_in_order_with_aligned_columns() {
    let (_tmp, cwd, data) = setup();
    let out = listing(&cwd, &data, "vi");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(columns(lines[0]), ["MÃ", "PHIÊN BẢN", "TIÊU ĐỀ", "NGUỒN"]);
    let row = |id: &str| {
        lines
            .iter()
            .map(|l| columns(l))
            .find(|c| c[0] == id)
            .unwrap_or_else(|| panic!("no row {id} in\n{stdout}"))
    };
    assert_eq!(
        row("mini"),
        ["mini", "1", "Kiểm tra nhỏ", "checklists/mini.json"]
    );
    let local = data.join("checklists/canteen-local.json");
    assert_eq!(
        row("canteen-local"),
        [
            "canteen-local",
            "2026.1",
            "Bếp ăn tập thể",
            local.to_str().unwrap()
        ]
    );
    // The last column starts at the same display width on every line.
    let starts: Vec<usize> = lines
        .iter()
        .map(|l| {
            let last = columns(l).pop().unwrap();
            let at = l.rfind(&last).unwrap();
            UnicodeWidthStr::width(&l[..at])
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{stdout}");
    // Bundled checklists are listed too, unless a file took their id.
    for (_, text) in bundled() {
        let id = load_str(text, "bundled").unwrap().id;
        assert_eq!(row(&id)[3], "có sẵn", "{stdout}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    let broken = data.join("checklists/broken.json");
    let copy = data.join("checklists/mini-copy.json");
    assert_eq!(
        stderr,
        format!(
            "cảnh báo: {}:1:2: /format: unknown format 1; this version of onsite reads \"onsite-checklist/1\"\n\
             cảnh báo: {}: /id: id \"mini\" is already used by checklists/mini.json; this file is ignored\n",
            broken.display(),
            copy.display()
        )
    );
}

#[test]
fn english_titles_and_a_user_file_replaces_a_bundled_one() {
    let (_tmp, cwd, data) = setup();
    let replaced = bundled()
        .first()
        .map(|(_, text)| load_str(text, "bundled").unwrap().id);
    if let Some(id) = &replaced {
        std::fs::write(data.join("checklists/mine.json"), other(id)).unwrap();
    }
    let out = listing(&cwd, &data, "en");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<String>> = stdout.lines().map(columns).collect();
    assert_eq!(rows[0], ["ID", "VERSION", "TITLE", "FROM"]);
    assert!(rows.contains(&vec![
        "canteen-local".to_string(),
        "2026.1".into(),
        "Canteen".into(),
        data.join("checklists/canteen-local.json").display().to_string(),
    ]));
    if let Some(id) = replaced {
        let row = rows.iter().find(|r| r[0] == id).unwrap();
        assert_eq!(
            row[3],
            data.join("checklists/mine.json").display().to_string()
        );
        assert_eq!(rows.iter().filter(|r| r[0] == id).count(), 1);
    }
}

#[test]
fn resolve_by_id_or_path_with_clear_errors() {
    let (_tmp, _cwd, data) = setup();
    let e = resolve_entry("canteen-local", &data).unwrap();
    assert_eq!(e.checklist.title.get("en"), "Canteen");
    assert_eq!(
        e.origin,
        Origin::File(data.join("checklists/canteen-local.json"))
    );
    let by_path = data.join("checklists/canteen-local.json");
    assert!(resolve_entry(by_path.to_str().unwrap(), &data).is_ok());
    match resolve_entry("canten", &data) {
        Err(ResolveError::Unknown {
            available, broken, ..
        }) => {
            assert!(available.contains(&"canteen-local".to_string()));
            assert!(broken >= 1);
        }
        other => panic!("{other:?}"),
    }
    let broken = data.join("checklists/broken.json");
    let err = resolve_entry(broken.to_str().unwrap(), &data).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "checklist {b} has 1 problem:\n{b}:1:2: /format: unknown format 1; this version of onsite reads \"onsite-checklist/1\"",
            b = broken.display()
        )
    );
}
