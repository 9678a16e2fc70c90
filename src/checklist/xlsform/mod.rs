//! Checklists in a spreadsheet: XLSForm workbooks (`.xlsx`) read as checklists, and
//! checklists written as workbooks (SPEC §8).
//!
//! The subset of XLSForm onsite reads, and the extra columns and sheets that carry what
//! XLSForm has no place for (scores, findings, legal basis, recommendations, the title
//! page, rating bands, statements) are described in the README ("Checklists in a
//! spreadsheet"). ODK and KoboToolbox ignore those extras, so one workbook serves both.
//!
//! - [`sheet`]: cells as inert text, with their addresses;
//! - [`columns`]: column names and translated columns;
//! - [`relevant`] / [`expression`]: `relevant`/`constraint` expressions, read and written;
//! - [`read`]: workbook → checklist; [`write`]: checklist → workbook;
//! - [`places`]: JSON pointer → cell, for the rules checked on the result.

pub mod columns;
pub mod expression;
pub mod places;
pub mod read;
pub mod relevant;
pub mod sheet;
pub mod write;

use std::io::Read as _;
use std::path::Path;

use super::load::{MAX_SIZE, Problem, sanitize_checklist};
use super::model::Checklist;
use super::validate::validate;

/// Whether a path names a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

fn problem(file: &str, at: &str, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        line: None,
        column: None,
        path: at.to_string(),
        message: message.into(),
    }
}

/// Reads a workbook file as a checklist: every problem outside the subset, then every
/// rule of the format, each named by its cell.
pub fn load_workbook(path: &Path) -> Result<Checklist, Vec<Problem>> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_SIZE + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        let m = if e.kind() == std::io::ErrorKind::NotFound {
            "file not found".to_string()
        } else {
            format!("cannot read the file: {e}")
        };
        return Err(vec![problem(&name, "", m)]);
    }
    if bytes.len() as u64 > MAX_SIZE {
        return Err(vec![problem(
            &name,
            "",
            "the file is too large; a checklist may be at most 16 MiB",
        )]);
    }
    load_bytes(bytes, &name)
}

/// Reads a workbook held in memory; `source` names it in problems.
pub fn load_bytes(bytes: Vec<u8>, source: &str) -> Result<Checklist, Vec<Problem>> {
    let sheets = sheet::read_workbook(bytes).map_err(|m| {
        vec![problem(
            source,
            "",
            format!("{m}; save it as an Excel workbook (.xlsx)"),
        )]
    })?;
    let reading = read::read(&sheets);
    let mut problems: Vec<Problem> = reading
        .problems
        .iter()
        .map(|(at, m)| problem(source, at, m.clone()))
        .collect();
    let reported: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    for v in validate(&reading.checklist) {
        let at = reading.places.find(&v.path).unwrap_or("survey").to_string();
        // One problem per cell: a cell already reported as outside the subset is not
        // reported again for what follows from it.
        if reported.contains(&at) {
            continue;
        }
        problems.push(problem(source, &at, v.message));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut checklist = reading.checklist;
    sanitize_checklist(&mut checklist);
    Ok(checklist)
}
