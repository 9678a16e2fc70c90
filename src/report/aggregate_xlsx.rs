//! The aggregate as a workbook (`onsite aggregate --format xlsx`): one sheet per
//! checklist, the checklist's title on top, then one row per inspection with words, not
//! codes (status in the UI language, section titles as column heads) and scores as
//! percentages a spreadsheet can compute with; beside it a sheet of every answer and note,
//! one row per inspection and one column per question (labels, not codes), with a note
//! column beside each question some inspection noted.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::aggregate::{Aggregate, Group};
use super::aggregate_render::{headers, status};
use super::format;
use crate::checklist::xlsform::write::write_text;
use crate::i18n::report::text;
use crate::lang::Lang;

/// A sheet name for a checklist id and an optional suffix (kept whole): at most 31
/// characters, none of `[]:*?/\`, unique.
fn sheet_name(id: &str, suffix: &str, taken: &[String]) -> String {
    let keep = 28usize.saturating_sub(suffix.chars().count());
    let clean: String = id
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '-' } else { c })
        .take(keep)
        .chain(suffix.chars())
        .collect();
    let clean = if clean.is_empty() {
        "checklist".to_string()
    } else {
        clean
    };
    let mut name = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{clean}~{n}");
        n += 1;
    }
    name
}

fn group_sheet(book: &mut Workbook, g: &Group, name: &str, lang: Lang) -> Result<(), XlsxError> {
    let t = text(lang);
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    write_text(ws, 0, 0, &format!("{} ({})", g.title, g.checklist))?;
    ws.set_cell_format(0, 0, &bold)?;
    let heads = headers(g, t);
    for (c, h) in heads.iter().enumerate() {
        write_text(ws, 1, c as u16, h)?;
        ws.set_cell_format(1, c as u16, &bold)?;
        ws.set_column_width(c as u16, if c < 2 { 28.0 } else { 14.0 })?;
    }
    ws.set_freeze_panes(2, 0)?;
    for (i, r) in g.rows.iter().enumerate() {
        let row = i as u32 + 2;
        write_text(ws, row, 0, &r.record)?;
        write_text(ws, row, 1, &r.organisation)?;
        write_text(ws, row, 2, &format::date(&r.date, lang))?;
        write_text(ws, row, 3, status(r.status, t))?;
        let scores = std::iter::once(Some(&r.overall)).chain(r.sections.iter().map(Option::as_ref));
        let mut col = 4u16;
        for (k, score) in scores.enumerate() {
            if k == 1 {
                // The rating comes right after the overall score.
                write_text(ws, row, col, r.rating.as_deref().unwrap_or(""))?;
                col += 1;
            }
            if let Some(ratio) = score.and_then(|s| s.ratio()) {
                ws.write_number_with_format(row, col, ratio, &percent)?;
            }
            col += 1;
        }
        if r.sections.is_empty() {
            write_text(ws, row, col, r.rating.as_deref().unwrap_or(""))?;
            col += 1;
        }
        ws.write_number(row, col, r.findings as f64)?;
        ws.write_number(row, col + 1, r.open_recommendations as f64)?;
    }
    Ok(())
}

fn answers_sheet(book: &mut Workbook, g: &Group, name: &str, lang: Lang) -> Result<(), XlsxError> {
    let t = text(lang);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    write_text(
        ws,
        0,
        0,
        &format!("{} ({}): {}", g.title, g.checklist, t.answers),
    )?;
    ws.set_cell_format(0, 0, &bold)?;
    for (c, h) in [t.record, t.organisation, t.date].iter().enumerate() {
        write_text(ws, 1, c as u16, h)?;
        ws.set_cell_format(1, c as u16, &bold)?;
        ws.set_column_width(c as u16, if c < 2 { 28.0 } else { 12.0 })?;
    }
    let mut col = 3u16;
    let mut columns = Vec::new();
    for q in &g.questions {
        let head = format!("{} {}", q.number, q.prompt);
        write_text(ws, 1, col, head.trim())?;
        ws.set_cell_format(1, col, &bold)?;
        ws.set_column_width(col, 24.0)?;
        let note_col = q.noted.then(|| col + 1);
        if let Some(n) = note_col {
            // An information item has no number: its note column is named by its prompt.
            let which = if q.number.is_empty() {
                &q.prompt
            } else {
                &q.number
            };
            write_text(ws, 1, n, &format!("{which} — {}", t.note))?;
            ws.set_cell_format(1, n, &bold)?;
            ws.set_column_width(n, 32.0)?;
        }
        columns.push((q.id.as_str(), col, note_col));
        col += if q.noted { 2 } else { 1 };
    }
    ws.set_freeze_panes(2, 3)?;
    for (i, r) in g.rows.iter().enumerate() {
        let row = i as u32 + 2;
        write_text(ws, row, 0, &r.record)?;
        write_text(ws, row, 1, &r.organisation)?;
        write_text(ws, row, 2, &format::date(&r.date, lang))?;
        for (id, answer_col, note_col) in &columns {
            let Some(cell) = r.answers.get(*id) else {
                continue;
            };
            if let Some(a) = &cell.answer {
                write_text(ws, row, *answer_col, a)?;
            }
            if let (Some(n), false) = (note_col, cell.note.is_empty()) {
                write_text(ws, row, *n, &cell.note)?;
                ws.set_cell_format(row, *n, &wrap)?;
            }
        }
    }
    Ok(())
}

/// The bytes of the workbook; the error is one sentence.
pub fn workbook(a: &Aggregate, lang: Lang) -> Result<Vec<u8>, String> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let mut taken = Vec::new();
        let suffix = format!(" {}", text(lang).answers_sheet);
        for g in &a.groups {
            let name = sheet_name(&g.checklist, "", &taken);
            group_sheet(&mut book, g, &name, lang)?;
            taken.push(name);
            if !g.questions.is_empty() {
                let name = sheet_name(&g.checklist, &suffix, &taken);
                answers_sheet(&mut book, g, &name, lang)?;
                taken.push(name);
            }
        }
        book.save_to_buffer()
    };
    build().map_err(|e| format!("cannot write the workbook: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        assert_eq!(sheet_name("qcdc-agency", "", &[]), "qcdc-agency");
        assert_eq!(sheet_name("a/b[c]", "", &[]), "a-b-c-");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, "", &[]).chars().count(), 28);
        let answers = sheet_name(&long, " trả lời", &[]);
        assert!(answers.ends_with(" trả lời") && answers.chars().count() == 28);
        assert_eq!(sheet_name("demo", "", &["demo".into()]), "demo~2");
    }
}
