//! Reading generated `.docx` files back for tests: the text of the body (paragraphs and
//! table cells, in order) through docx-rs's reader, the raw XML of a part through the zip,
//! and the fixed profile and record the document tests use.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

use docx_rs::{DocumentChild, Paragraph, Table, TableCellContent, TableChild, TableRowChild};
use onsite::report::doc::Profile;

/// The record with statements, roles and addressees the document tests use.
pub fn record_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs/so-noi-vu-vi.json")
}

/// A team's profile with every fact the documents use except the ones left blank on
/// purpose (signer name, deadline for documents).
pub const PROFILE: &[(&str, &str)] = &[
    ("parent", "Tỉnh ủy Hà Tĩnh"),
    ("issuer", "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh"),
    ("issuer-code", "BCĐ"),
    ("team-code", "ĐKT"),
    ("place", "Hà Tĩnh"),
    ("subject", "việc thực hiện dân chủ ở cơ sở"),
    ("meeting-place", "trụ sở Sở Nội vụ"),
    ("meeting-start", "8:00"),
    ("meeting-end", "11h30"),
    ("unit-signer-title", "Phó Giám đốc Sở"),
    ("unit-signer-name", "Hoàng Văn Em"),
    ("signer-capacity", "TM. Ban Chỉ đạo"),
    ("signer-title", "Phó Trưởng Ban Thường trực"),
    (
        "recipients",
        "Sở Nội vụ; Thường trực Tỉnh ủy (để báo cáo); Các thành viên Ban Chỉ đạo",
    ),
    ("report-to", "Ban Chỉ đạo (qua Ban Dân vận Tỉnh ủy)"),
    ("deadline", "2027-01-15"),
];

/// [`PROFILE`] as a profile.
pub fn profile() -> Profile {
    let mut p = Profile::default();
    for (k, v) in PROFILE {
        p.set(k, v).unwrap();
    }
    p
}

fn paragraph_text(p: &Paragraph) -> String {
    p.raw_text()
}

fn table_lines(t: &Table, out: &mut Vec<String>) {
    for TableChild::TableRow(row) in &t.rows {
        let mut cells = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let mut lines = Vec::new();
            for c in &cell.children {
                match c {
                    TableCellContent::Paragraph(p) => lines.push(paragraph_text(p)),
                    TableCellContent::Table(t) => table_lines(t, &mut lines),
                    _ => {}
                }
            }
            let lines: Vec<String> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
            cells.push(lines.join(" / "));
        }
        out.push(format!("| {} |", cells.join(" | ")));
    }
}

/// The body's text, one line per paragraph (empty ones dropped) or table row
/// (`| cell | cell |`, the lines of a cell joined by ` / `).
pub fn body_text(bytes: &[u8]) -> String {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads the document back");
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                let t = paragraph_text(p);
                if !t.trim().is_empty() {
                    out.push(t);
                }
            }
            DocumentChild::Table(t) => table_lines(t, &mut out),
            _ => {}
        }
    }
    out.join("\n")
}

/// A part of the package (e.g. `word/document.xml`) as text.
pub fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut f = zip.by_name(name).expect("the part exists");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8 XML");
    s
}
