//! XLSForm workbooks through the real binary: `validate`, `checklists`, `new` (in a
//! pseudo-terminal), `checklists export`; a located error for each construct outside the
//! subset; untrusted cells both ways.

mod cli;
mod pty;
mod xlsform_support;

use std::path::Path;
use std::time::Duration;

use cli::{onsite, text};
use onsite::checklist::xlsform::{load_bytes, load_workbook, write};
use onsite::checklist::{Condition, QuestionType};
use onsite::record::AnswerValue;
use pty::harness::Pty;
use xlsform_support::{secretary_form, workbook};

fn write_form(dir: &Path, name: &str, sheets: &[xlsform_support::SheetRows]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, workbook(sheets)).expect("write workbook");
    path
}

#[test]
fn a_secretary_form_reads_as_a_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_form(dir.path(), "qcdc-mini.xlsx", &secretary_form());
    let c = load_workbook(&path).unwrap_or_else(|ps| panic!("{ps:?}"));
    assert_eq!(c.id, "qcdc-mini");
    assert_eq!(c.version, "2026.1");
    assert_eq!(c.title.get("vi"), "Kiểm tra thực hiện dân chủ ở cơ sở");
    assert_eq!(c.sections.len(), 2);
    assert_eq!(c.sections[0].title.get("en"), "Leadership");
    let q = c.question("ke-hoach").unwrap();
    assert_eq!(q.kind, QuestionType::Choice);
    assert_eq!(q.responses.as_deref(), Some("ynp"));
    assert!(q.required);
    assert_eq!(
        q.guidance.as_ref().unwrap().get("vi"),
        "Xem quyết định ban hành kế hoạch"
    );
    assert_eq!(
        q.basis.as_ref().unwrap().get("vi"),
        "Điều 5 Luật 10/2022/QH15"
    );
    let rec = q.recommendation.as_ref().unwrap();
    assert_eq!(rec.text.get("vi"), "Đề nghị ban hành kế hoạch năm.");
    assert_eq!(rec.priority, onsite::checklist::Priority::High);
    let date = c.question("ngay-ke-hoach").unwrap();
    assert_eq!(
        date.show_if.as_deref(),
        Some(&Condition::In {
            q: "ke-hoach".into(),
            values: vec!["yes".into(), "partial".into()]
        })
    );
    let staff = c.question("so-can-bo").unwrap();
    assert_eq!(
        (staff.min, staff.max, staff.integer),
        (Some(0.0), Some(5000.0), true)
    );
    assert_eq!(staff.unit.as_ref().unwrap().get("vi"), "người");
    let kenh = c.question("kenh").unwrap();
    assert_eq!(kenh.kind, QuestionType::Multi);
    assert_eq!(
        c.options_of(kenh).len(),
        2,
        "its own list becomes inline options"
    );
    assert!(kenh.options.is_some());
    let opinion = serde_json::to_value(c.question("y-kien").unwrap().show_if.as_ref()).unwrap();
    assert_eq!(
        opinion,
        serde_json::json!({"all": [{"q": "so-can-bo", "gt": 7.0}, {"not": {"q": "kenh", "answered": false}}]})
    );
    assert_eq!(c.question("ghi-chu").unwrap().kind, QuestionType::Info);
    assert_eq!(c.response_sets["ynp"][1].score, Some(0.5));
    assert!(c.response_sets["ynp"][1].flag);
    assert_eq!(c.header[0].id, "organisation");
    assert!(c.header[0].required);
    assert_eq!(c.header[1].default.as_deref(), Some("today"));
    assert_eq!(c.rating[0].label.get("vi"), "Tốt");
}

#[test]
fn validate_and_checklists_read_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("checklists")).unwrap();
    let path = write_form(
        &data.join("checklists"),
        "qcdc-mini.xlsx",
        &secretary_form(),
    );
    // A spreadsheet program's lock file beside it is not a checklist.
    std::fs::write(data.join("checklists").join("~$qcdc-mini.xlsx"), b"lock").unwrap();
    let out = onsite(&data, &["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}: ok\n", path.display()));
    let out = onsite(&data, &["checklists"]);
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    let line = listing
        .lines()
        .find(|l| l.starts_with("qcdc-mini "))
        .expect(&listing);
    assert!(
        line.contains("2026.1") && line.contains("qcdc-mini.xlsx"),
        "{line}"
    );
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn an_inspection_runs_from_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = write_form(dir.path(), "qcdc-mini.xlsx", &secretary_form());
    let mut p = Pty::spawn(
        &[
            "--lang",
            "vi",
            "new",
            path.to_str().unwrap(),
            "--set",
            "organisation=Sở Nội vụ",
        ],
        &data,
        &[],
        80,
        24,
    );
    p.wait_for("Có kế hoạch thực hiện dân chủ ở cơ sở không?", 10);
    p.send("2");
    p.wait_for("Ngày ban hành kế hoạch", 5);
    p.send("q");
    assert_eq!(
        p.wait_exit(Duration::from_secs(5)),
        Some(0),
        "{}",
        p.screen()
    );
    let records: Vec<_> = std::fs::read_dir(data.join("records"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(records.len(), 1);
    let r: onsite::record::Record =
        serde_json::from_str(&std::fs::read_to_string(&records[0]).unwrap()).unwrap();
    assert_eq!(r.checklist.id, "qcdc-mini");
    assert_eq!(r.header["organisation"], "Sở Nội vụ");
    assert_eq!(
        r.answers["ke-hoach"].value,
        Some(AnswerValue::Text("partial".into()))
    );
}

/// A form with one construct outside the subset per row.
fn outside() -> Vec<xlsform_support::SheetRows<'static>> {
    vec![
        (
            "survey",
            vec![
                vec![
                    "type",
                    "name",
                    "label",
                    "required",
                    "relevant",
                    "constraint",
                    "calculation",
                    "priority",
                ],
                vec!["begin_group", "s", "Phần"],
                vec!["select_one yn", "a", "Câu A", "yes"],
                vec!["begin_repeat", "r", "Lặp"],
                vec!["calculate", "c", "", "", "", "", "${a} + 1"],
                vec!["geopoint", "g", "Vị trí"],
                vec!["time", "t", "Giờ"],
                vec!["image", "i", "Ảnh"],
                vec!["text", "b", "Câu B", "", "count-selected(${a}) > 1"],
                vec!["text", "d", "Câu D", "", "${later} = 'x'"],
                vec!["integer", "n", "Số", "", "", "regex(., '[0-9]+')"],
                vec!["text", "e", "Câu E", "", "${a} + 1 > 2"],
                vec!["select_one yn or_other", "o", "Khác"],
                vec!["text", "p", "Câu P", "maybe"],
                vec!["text", "later", "Sau"],
                vec!["text", "x", "Câu X", "", "", "", "", "urgent"],
            ],
        ),
        (
            "choices",
            vec![
                vec!["list_name", "name", "label"],
                vec!["yn", "yes", "Có"],
                vec!["yn", "no", "Không"],
            ],
        ),
        (
            "settings",
            vec![
                vec!["form_id", "form_title", "version"],
                vec!["ngoai", "Ngoài", "1"],
            ],
        ),
        (
            "entities",
            vec![vec!["dataset", "label"], vec!["people", "Người"]],
        ),
    ]
}

#[test]
fn every_construct_outside_the_subset_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_form(dir.path(), "form.xlsx", &outside());
    let out = onsite(dir.path(), &["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let f = path.display().to_string();
    for (place, words) in [
        ("entities!A2", "sheet \"entities\""),
        ("survey!G5", "column \"calculation\""),
        ("survey!A4", "repeats are not supported"),
        ("survey!A5", "calculate rows are not supported"),
        ("survey!A6", "type \"geopoint\""),
        ("survey!A7", "type \"time\""),
        ("survey!A8", "type \"image\""),
        (
            "survey!E9",
            "relevant, at character 1: the function count-selected()",
        ),
        ("survey!F11", "constraint, at character 1"),
        ("survey!E12", "at character 6: arithmetic (`+`)"),
        ("survey!A13", "\"or_other\""),
        ("survey!D14", "required \"maybe\""),
        (
            "survey!H16",
            "priority is given but the recommendation is empty",
        ),
        (
            "survey!E10",
            "refers to question \"later\" which comes later",
        ),
        ("survey!B2", "group \"s\" is not closed"),
    ] {
        let line = format!("{f}: {place}: ");
        assert!(
            err.lines()
                .any(|l| l.starts_with(&line) && l.contains(words)),
            "no `{line}… {words}` in:\n{err}"
        );
    }
    assert!(err.ends_with("in 1 of 1 file\n"), "{err}");
}

#[test]
fn export_writes_a_workbook_that_validates_and_needs_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("qcdc-agency.xlsx");
    let out = onsite(
        dir.path(),
        &[
            "checklists",
            "export",
            "qcdc-agency",
            "--format",
            "xlsx",
            "-o",
            out_path.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("qcdc-agency.xlsx"));
    let out = onsite(dir.path(), &["validate", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = onsite(dir.path(), &["checklists", "export", "demo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("-o FILE.xlsx"));
    let out = onsite(
        dir.path(),
        &["--lang", "vi", "checklists", "export", "demo"],
    );
    assert!(
        text(&out.stderr).contains("thêm -o TỆP.xlsx"),
        "{}",
        text(&out.stderr)
    );
    // And back to JSON: the same checklist.
    let out = onsite(
        dir.path(),
        &[
            "checklists",
            "export",
            out_path.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let back: onsite::checklist::Checklist = serde_json::from_slice(&out.stdout).unwrap();
    let bundled = onsite::checklist::resolve("qcdc-agency", dir.path()).unwrap();
    assert_eq!(back, bundled);
}

#[test]
fn cells_are_untrusted_both_ways() {
    use calamine::{Data, Reader, Xlsx};
    // In: escapes, bidi overrides and zero-width characters never reach the checklist.
    let mut form = secretary_form();
    form[0].1[2][2] = "Có kế\u{1b}]0;pwned\u{7} hoạch\u{202e} không?\u{200b}";
    let c = load_bytes(workbook(&form), "hostile.xlsx").unwrap();
    assert_eq!(
        c.question("ke-hoach").unwrap().prompt.get("vi"),
        "Có kế]0;pwned hoạch không?"
    );
    // Out: a text that looks like a formula is a string cell, never a formula.
    let mut c = c;
    c.sections[0].questions[0].prompt =
        onsite::checklist::Text::plain("=HYPERLINK(\"http://x\",\"y\")");
    c.sections[0].questions[1].prompt = onsite::checklist::Text::plain("@SUM(1)\u{1b}[2J");
    let bytes = write::workbook(&c).unwrap();
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let formulas = book.worksheet_formula("survey").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formulas"
    );
    let cells = book.worksheet_range("survey").unwrap();
    let strings: Vec<String> = cells
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(strings.contains(&"=HYPERLINK(\"http://x\",\"y\")".to_string()));
    assert!(strings.contains(&"@SUM(1)[2J".to_string()), "{strings:?}");
    assert!(
        strings
            .iter()
            .all(|s| !s.chars().any(|c| c.is_control() && c != '\n'))
    );
    // The quote prefix keeps a spreadsheet program from taking them for formulas on edit.
    let back = load_bytes(bytes, "back.xlsx").unwrap();
    assert_eq!(
        back.sections[0].questions[0].prompt.get("vi"),
        "=HYPERLINK(\"http://x\",\"y\")"
    );
}

/// A secretary renames the form where every spreadsheet user would, in `form_title`; the
/// exported `onsite_title::…` columns (the other languages) must not hide the change.
#[test]
fn form_title_is_the_title_in_the_default_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut sheets = secretary_form();
    let settings = sheets
        .iter_mut()
        .find(|(name, _)| *name == "settings")
        .expect("settings sheet");
    settings.1[0].extend([
        "onsite_title::Tiếng Việt (vi)",
        "onsite_title::English (en)",
    ]);
    settings.1[1][1] = "Kiểm tra QCDC tại Sở Nội vụ";
    settings.1[1].extend(["Tên cũ trong cột của onsite", "Grassroots democracy check"]);
    let path = write_form(dir.path(), "renamed.xlsx", &sheets);
    let c = load_workbook(&path).unwrap_or_else(|ps| panic!("{ps:?}"));
    assert_eq!(c.title.get("vi"), "Kiểm tra QCDC tại Sở Nội vụ");
    assert_eq!(c.title.get("en"), "Grassroots democracy check");
}
