//! A workbook read into plain tables of text: each sheet's header row (column names,
//! normalised) and its data rows, every cell already inert text with its address
//! (`survey!F12`) at hand for located problems.
//!
//! Cells are untrusted: control, bidi and invisible characters are removed and text is
//! normalised to NFC here, before any cell reaches the mapping. Formulas are never
//! evaluated; a formula cell counts for the value the spreadsheet program last stored.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::sanitize;

/// One sheet: its name as written, its columns and its data rows.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The sheet name as written in the workbook.
    pub name: String,
    /// Column names of the header row, lowercase and trimmed, with their column index.
    pub columns: Vec<(usize, String)>,
    /// Where the header row is (1-based).
    pub header_row: usize,
    /// Data rows below the header (rows with no text at all are left out).
    pub rows: Vec<Row>,
}

/// A data row.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// 1-based row number in the sheet.
    pub number: usize,
    /// Cells by 0-based column index ("" for an empty cell).
    pub cells: Vec<String>,
}

impl Row {
    /// The text of column `col` ("" when empty or absent).
    pub fn get(&self, col: usize) -> &str {
        self.cells.get(col).map_or("", String::as_str)
    }
}

/// The letters of a 0-based column index: 0 → `A`, 26 → `AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The address of a cell: `survey!F12`.
pub fn address(sheet: &str, row: usize, col: usize) -> String {
    format!("{sheet}!{}{row}", column_letters(col))
}

impl Sheet {
    /// The index of the first column named `name` (already normalised).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, n)| n == name)
            .map(|(i, _)| *i)
    }

    /// The address of a cell of this sheet.
    pub fn at(&self, row: usize, col: usize) -> String {
        address(&self.name, row, col)
    }
}

/// Text that is neither shown nor meant: zero-width characters and the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// A cell as inert text: numbers without a needless `.0`, dates as `YYYY-MM-DD`.
fn cell_text(d: &Data) -> String {
    let raw = match d {
        Data::Empty | Data::Error(_) => return String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => dt.as_f64().to_string(),
        },
    };
    let mut s = sanitize::multiline(&raw);
    if s.chars().any(is_invisible) {
        s.retain(|c| !is_invisible(c));
    }
    s.trim().to_string()
}

/// Normalises a column name: lowercase, trimmed, inner runs of spaces as one.
pub fn normalise_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads every sheet of an `.xlsx` workbook held in memory.
pub fn read_workbook(bytes: Vec<u8>) -> Result<Vec<Sheet>, String> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("cannot read the workbook: {e}"))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("cannot read sheet \"{}\": {e}", sanitize::line(&name)))?;
        let name = sanitize::line(&name);
        let (row0, col0) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut rows = range.rows().enumerate().map(|(i, cells)| Row {
            number: row0 + i + 1,
            cells: std::iter::repeat_n(String::new(), col0)
                .chain(cells.iter().map(cell_text))
                .collect(),
        });
        let Some(header) = rows.next() else {
            sheets.push(Sheet {
                name,
                ..Sheet::default()
            });
            continue;
        };
        let columns = header
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(i, c)| (i, normalise_name(c)))
            .collect();
        sheets.push(Sheet {
            name,
            columns,
            header_row: header.number,
            rows: rows
                .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
                .collect(),
        });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(5), "F");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(address("survey", 12, 5), "survey!F12");
    }

    #[test]
    fn cells_become_inert_text() {
        assert_eq!(cell_text(&Data::Float(1.0)), "1");
        assert_eq!(cell_text(&Data::Float(2026.1)), "2026.1");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(
            cell_text(&Data::String(
                " Ban Chi\u{309} \u{111}a\u{323}o\u{200b}\u{1b}[2J ".into()
            )),
            "Ban Chỉ đạo[2J"
        );
        assert_eq!(cell_text(&Data::String("a\u{202e}b\r\nc".into())), "ab\nc");
        assert_eq!(normalise_name("  List   Name "), "list name");
    }
}
