//! `onsite aggregate --format xlsx` through the real binary, read back with a real
//! spreadsheet reader: one sheet per checklist, words rather than codes, scores as
//! percentages, untrusted text never a formula; without -o it is a usage error.

mod cli;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use cli::{onsite, text};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records")
        .join(name)
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn one_sheet_per_checklist_with_words_and_percentages() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("tổng hợp.xlsx");
    let out = onsite(
        dir.path(),
        &[
            "--lang",
            "vi",
            "aggregate",
            fixture("so-tttt.json").to_str().unwrap(),
            fixture("so-noi-vu.json").to_str().unwrap(),
            fixture("warehouse-7.json").to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            out_path.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("đã ghi"),
        "{}",
        text(&out.stderr)
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&out_path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "qcdc-mini",
            "qcdc-mini trả lời",
            "fire-safety",
            "fire-safety trả lời"
        ]
    );
    let qcdc = book.worksheet_range("qcdc-mini").unwrap();
    let title = cell(&qcdc, 0, 0).to_string();
    assert!(title.ends_with("(qcdc-mini)"), "{title}");
    let heads: Vec<String> = (0..11).map(|c| cell(&qcdc, 1, c).to_string()).collect();
    assert_eq!(heads[1], "Đơn vị", "{heads:?}");
    assert_eq!(heads[3], "Trạng thái", "{heads:?}");
    assert!(heads[6].starts_with("1. "), "{heads:?}");
    assert_eq!(
        cell(&qcdc, 2, 1),
        Data::String("Sở Thông tin và Truyền thông tỉnh Hưng Yên".into())
    );
    assert_eq!(cell(&qcdc, 2, 2), Data::String("23/11/2026".into()));
    // Status and rating in words; scores as numbers a spreadsheet formats as percent.
    assert_eq!(cell(&qcdc, 2, 3), Data::String("đã kết thúc".into()));
    assert_eq!(cell(&qcdc, 3, 3), Data::String("đang thực hiện".into()));
    assert_eq!(cell(&qcdc, 2, 4), Data::Float(0.5));
    assert_eq!(cell(&qcdc, 2, 6), Data::Float(0.75));
    assert_eq!(
        cell(&qcdc, 3, 8),
        Data::Empty,
        "no such section in that record's checklist"
    );
    assert_eq!(cell(&qcdc, 2, 9), Data::Float(3.0));
    let fire = book.worksheet_range("fire-safety").unwrap();
    assert_eq!(
        cell(&fire, 2, 1),
        Data::String("Warehouse 7, \"North\" site".into())
    );
    let formulas = book.worksheet_formula("fire-safety").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn a_workbook_needs_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = onsite(
        dir.path(),
        &[
            "aggregate",
            fixture("so-tttt.json").to_str().unwrap(),
            "--format",
            "xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("-o FILE.xlsx"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

/// Every answer and note of every inspection is in the answers sheet of its checklist,
/// in the row of its inspection and the column of its question, and in the json rows.
#[test]
fn every_answer_and_note_is_in_the_answers_sheet_and_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("answers.xlsx");
    let json_path = dir.path().join("answers.json");
    let files = ["so-tttt.json", "so-noi-vu.json", "warehouse-7.json"].map(fixture);
    for (format, out) in [("xlsx", &out_path), ("json", &json_path)] {
        let mut args = vec!["--lang", "vi", "aggregate"];
        args.extend(files.iter().map(|f| f.to_str().unwrap()));
        args.extend(["--format", format, "-o", out.to_str().unwrap()]);
        let run = onsite(dir.path(), &args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    }
    let mut book: Xlsx<_> = calamine::open_workbook(&out_path).unwrap();
    let json = std::fs::read_to_string(&json_path).unwrap();
    let mut checked = 0;
    for file in &files {
        let record = onsite::record::load(file).expect("fixture");
        let summary = onsite::report::Summary::compute(&record, onsite::i18n::Lang::Vi);
        let sheet = format!("{} trả lời", summary.checklist.id);
        let range = book
            .worksheet_range(&sheet)
            .unwrap_or_else(|e| panic!("{sheet}: {e}"));
        let row = (2..range.height() as u32)
            .find(|&r| cell(&range, r, 0) == Data::String(summary.record.clone()))
            .unwrap_or_else(|| panic!("no row for {}", summary.record));
        let heads: Vec<String> = (0..range.width() as u32)
            .map(|c| cell(&range, 1, c).to_string())
            .collect();
        for e in &summary.answers {
            let label = format!("{} {}", e.question.number, e.question.prompt);
            let col = heads
                .iter()
                .position(|h| *h == label.trim())
                .unwrap_or_else(|| panic!("no column for {label} in {heads:?}"));
            let which = if e.question.number.is_empty() {
                &e.question.prompt
            } else {
                &e.question.number
            };
            if let Some(answer) = &e.answer {
                assert_eq!(cell(&range, row, col as u32).to_string(), *answer);
                assert!(
                    json.contains(&serde_json::to_string(answer).unwrap()),
                    "{answer}"
                );
                checked += 1;
            }
            if !e.note.is_empty() {
                assert_eq!(heads[col + 1], format!("{which} — Ghi chú"));
                assert_eq!(cell(&range, row, col as u32 + 1).to_string(), e.note);
                assert!(json.contains(&serde_json::to_string(&e.note).unwrap()));
                checked += 1;
            }
        }
    }
    assert!(
        checked > 10,
        "only {checked} answers and notes in the fixtures"
    );
}
