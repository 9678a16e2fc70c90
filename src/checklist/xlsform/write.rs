//! Checklist → XLSForm workbook: the sheets the reader reads (survey, choices, settings,
//! and onsite's own `onsite_header`, `onsite_rating`, `onsite_statements`), so that
//! reading the workbook back gives the same checklist. Drop-down lists guide the columns
//! with a fixed vocabulary (`type`, `required`, `priority`, `role`).
//!
//! Cells are untrusted on the way out too: every text is made inert, and a text that a
//! spreadsheet program would take for a formula (`=`, `+`, `-`, `@` first) is stored as
//! a string with Excel's quote prefix, never as a formula.

use indexmap::IndexMap;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, Workbook, Worksheet};

use super::columns::{self, language_label};
use super::expression;
use crate::checklist::model::{Checklist, HeaderType, Priority, QuestionType, Role};
use crate::checklist::text::Text;
use crate::sanitize;

/// A cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (stored as a string, whatever it looks like).
    Text(String),
    /// A number.
    Number(f64),
}

/// One sheet to write: its columns and rows of (column → cell).
#[derive(Debug, Clone)]
pub struct Grid {
    /// Sheet name.
    pub name: String,
    /// Column headers, in order.
    pub columns: Vec<String>,
    /// Rows: column header → cell.
    pub rows: Vec<IndexMap<String, Cell>>,
}

/// The languages of a checklist's texts, in the order they first appear.
fn languages(c: &Checklist) -> Vec<String> {
    let mut langs: Vec<String> = Vec::new();
    let mut add = |t: &Text| {
        for l in t.languages() {
            if !langs.iter().any(|x| x == l) {
                langs.push(l.to_string());
            }
        }
    };
    add(&c.title);
    c.description.iter().for_each(&mut add);
    for h in &c.header {
        add(&h.label);
        h.help.iter().for_each(&mut add);
    }
    for o in c.response_sets.values().flatten() {
        add(&o.label);
    }
    for b in &c.rating {
        add(&b.label);
    }
    for s in &c.sections {
        add(&s.title);
        s.guidance.iter().for_each(&mut add);
        for q in &s.questions {
            add(&q.prompt);
            for t in [&q.guidance, &q.basis, &q.unit].into_iter().flatten() {
                add(t);
            }
            q.evidence.iter().for_each(&mut add);
            if let Some(r) = &q.recommendation {
                add(&r.text);
                r.addressee.iter().for_each(&mut add);
            }
            q.options.iter().flatten().for_each(|o| add(&o.label));
            q.statement.values().for_each(&mut add);
        }
    }
    langs
}

/// Builds the rows of one sheet; translated columns get one column per language.
struct Builder<'a> {
    name: &'static str,
    bases: &'static [&'static str],
    langs: &'a [String],
    rows: Vec<IndexMap<String, Cell>>,
    plain_used: Vec<&'static str>,
}

impl<'a> Builder<'a> {
    fn new(name: &'static str, bases: &'static [&'static str], langs: &'a [String]) -> Self {
        Builder {
            name,
            bases,
            langs,
            rows: Vec::new(),
            plain_used: Vec::new(),
        }
    }

    fn row(&mut self) -> Row<'_, 'a> {
        self.rows.push(IndexMap::new());
        Row { b: self }
    }

    fn grid(self) -> Grid {
        let mut cols = Vec::new();
        for base in self.bases {
            if columns::TRANSLATED.contains(base) && !self.langs.is_empty() {
                if self.plain_used.contains(base) {
                    cols.push(base.to_string());
                }
                for l in self.langs {
                    cols.push(format!("{base}::{}", language_label(l)));
                }
            } else {
                cols.push(base.to_string());
            }
        }
        Grid {
            name: self.name.to_string(),
            columns: cols,
            rows: self.rows,
        }
    }
}

struct Row<'b, 'a> {
    b: &'b mut Builder<'a>,
}

impl Row<'_, '_> {
    fn cells(&mut self) -> &mut IndexMap<String, Cell> {
        let last = self.b.rows.len() - 1;
        &mut self.b.rows[last]
    }

    fn str(&mut self, base: &str, s: &str) -> &mut Self {
        if !s.is_empty() {
            self.cells()
                .insert(base.to_string(), Cell::Text(s.to_string()));
        }
        self
    }

    fn num(&mut self, base: &str, n: Option<f64>) -> &mut Self {
        if let Some(n) = n {
            self.cells().insert(base.to_string(), Cell::Number(n));
        }
        self
    }

    fn text(&mut self, base: &'static str, t: Option<&Text>) -> &mut Self {
        let Some(t) = t else { return self };
        if !t.is_localized() {
            if !self.b.plain_used.contains(&base) {
                self.b.plain_used.push(base);
            }
            return self.str(base, t.get(""));
        }
        for l in t.languages() {
            let key = format!("{base}::{}", language_label(l));
            let s = t.get(l).to_string();
            self.str(&key, &s);
        }
        self
    }

    /// A list of texts, one a line per language (`evidence`).
    fn lines(&mut self, base: &'static str, items: &[Text]) -> &mut Self {
        if items.is_empty() {
            return self;
        }
        if items.iter().all(|t| !t.is_localized()) {
            let joined: Vec<&str> = items.iter().map(|t| t.get("")).collect();
            return self.text(base, Some(&Text::plain(&joined.join("\n"))));
        }
        let langs: Vec<String> = self.b.langs.to_vec();
        let entries: Vec<(String, String)> = langs
            .iter()
            .map(|l| {
                let lines: Vec<&str> = items.iter().map(|t| t.get(l)).collect();
                (l.clone(), lines.join("\n"))
            })
            .collect();
        self.text(base, Some(&columns::text_of(&entries)))
    }
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "" }
}

/// A serde name (`high`, `unit_opinion`).
fn name_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The sheets of a checklist; a part XLSForm cannot hold is an error naming it.
pub fn grids(c: &Checklist) -> Result<Vec<Grid>, Vec<String>> {
    let langs = languages(c);
    let mut errors = Vec::new();
    let mut survey = Builder::new("survey", columns::SURVEY_OUT, &langs);
    let mut choices = Builder::new("choices", columns::CHOICES, &langs);
    for (name, options) in &c.response_sets {
        for o in options {
            choices
                .row()
                .str("list_name", name)
                .str("name", &o.value)
                .text("label", Some(&o.label))
                .num("score", o.score)
                .str("flag", yes(o.flag));
        }
    }
    let mut statements = Builder::new("onsite_statements", columns::STATEMENTS, &langs);
    for s in &c.sections {
        survey
            .row()
            .str("type", "begin_group")
            .str("name", &s.id)
            .text("label", Some(&s.title))
            .text("hint", s.guidance.as_ref());
        for q in &s.questions {
            let kind = match q.kind {
                QuestionType::Choice | QuestionType::Multi => {
                    let list = q.responses.clone().unwrap_or_else(|| q.id.clone());
                    if let Some(options) = &q.options {
                        for o in options {
                            choices
                                .row()
                                .str("list_name", &q.id)
                                .str("name", &o.value)
                                .text("label", Some(&o.label))
                                .num("score", o.score)
                                .str("flag", yes(o.flag));
                        }
                    }
                    let t = if q.kind == QuestionType::Choice {
                        "select_one"
                    } else {
                        "select_multiple"
                    };
                    format!("{t} {list}")
                }
                QuestionType::Number if q.integer => "integer".into(),
                QuestionType::Number => "decimal".into(),
                QuestionType::Text => "text".into(),
                QuestionType::Date => "date".into(),
                QuestionType::Info => "note".into(),
            };
            let relevant = match &q.show_if {
                Some(cond) => expression::relevant(cond).unwrap_or_else(|e| {
                    errors.push(format!("question \"{}\": show_if: {e}", q.id));
                    String::new()
                }),
                None => String::new(),
            };
            let mut row = survey.row();
            row.str("type", &kind)
                .str("name", &q.id)
                .text("label", Some(&q.prompt))
                .text("hint", q.guidance.as_ref())
                .str("required", yes(q.required))
                .str("relevant", &relevant)
                .str("constraint", &expression::range(q.min, q.max))
                .text("basis", q.basis.as_ref())
                .lines("evidence", &q.evidence)
                .text("unit", q.unit.as_ref());
            if let Some(r) = &q.recommendation {
                let when = r.when.as_ref().map(|w| w.join(" ")).unwrap_or_default();
                row.text("recommendation", Some(&r.text))
                    .str("priority", &name_of(&r.priority))
                    .str("when", &when)
                    .text("addressee", r.addressee.as_ref());
            }
            if let Some(role) = &q.role {
                row.str("role", &name_of(role));
            }
            for (value, text) in &q.statement {
                statements
                    .row()
                    .str("name", &q.id)
                    .str("value", value)
                    .text("statement", Some(text));
            }
        }
        survey.row().str("type", "end_group");
    }
    let mut settings = Builder::new("settings", columns::SETTINGS, &langs);
    let first = langs.first().map(String::as_str).unwrap_or("");
    {
        let mut row = settings.row();
        row.str("form_id", &c.id)
            .str("form_title", c.title.get(first))
            .str("version", &c.version)
            .str(
                "default_language",
                &langs.first().map(|l| language_label(l)).unwrap_or_default(),
            );
        if c.title.is_localized() {
            row.text("onsite_title", Some(&c.title));
        }
        row.text("onsite_description", c.description.as_ref());
    }
    let mut header = Builder::new("onsite_header", columns::HEADER, &langs);
    for h in &c.header {
        let kind = match h.kind {
            HeaderType::Text => "text",
            HeaderType::Date => "date",
            HeaderType::Number => "number",
        };
        header
            .row()
            .str("name", &h.id)
            .str("type", kind)
            .text("label", Some(&h.label))
            .text("hint", h.help.as_ref())
            .str("required", yes(h.required))
            .str("default", h.default.as_deref().unwrap_or(""));
    }
    let mut rating = Builder::new("onsite_rating", columns::RATING, &langs);
    for b in &c.rating {
        rating
            .row()
            .num("min", Some(b.min))
            .text("label", Some(&b.label));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(vec![
        survey.grid(),
        choices.grid(),
        settings.grid(),
        header.grid(),
        rating.grid(),
        statements.grid(),
    ])
}

/// Whether a spreadsheet program would read this text as a formula.
fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@'])
}

/// Writes untrusted text into a cell: made inert, and always a string — one a
/// spreadsheet program would take for a formula gets the quote prefix.
pub fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    s: &str,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let s = sanitize::multiline(s);
    if looks_like_formula(&s) {
        ws.write_string_with_format(row, col, s, &Format::new().set_quote_prefix())?;
    } else {
        ws.write_string(row, col, s)?;
    }
    Ok(())
}

fn write_grid(ws: &mut Worksheet, g: &Grid) -> Result<(), rust_xlsxwriter::XlsxError> {
    let bold = Format::new().set_bold();
    ws.set_name(&g.name)?;
    for (col, name) in g.columns.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, sanitize::line(name), &bold)?;
        let width = if name.starts_with("type") || name.starts_with("name") {
            22.0
        } else {
            18.0
        };
        ws.set_column_width(col as u16, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in g.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (key, cell) in row {
            let Some(col) = g.columns.iter().position(|c| c == key) else {
                continue;
            };
            let col = col as u16;
            match cell {
                Cell::Number(n) => {
                    ws.write_number(r, col, *n)?;
                }
                Cell::Text(s) => write_text(ws, r, col, s)?,
            }
        }
    }
    Ok(())
}

/// A drop-down list on a column, for the rows written and room for more.
fn drop_down(
    ws: &mut Worksheet,
    g: &Grid,
    column: &str,
    items: &[String],
    strict: bool,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let Some(col) = g.columns.iter().position(|c| c == column) else {
        return Ok(());
    };
    // A list written in the workbook may hold at most 255 characters.
    let mut kept: Vec<&str> = Vec::new();
    let mut len = 0;
    for i in items {
        if len + i.chars().count() + 1 > 255 {
            break;
        }
        len += i.chars().count() + 1;
        kept.push(i);
    }
    let style = if strict {
        DataValidationErrorStyle::Stop
    } else {
        DataValidationErrorStyle::Warning
    };
    let v = DataValidation::new()
        .allow_list_strings(&kept)?
        .set_error_style(style);
    let last = (g.rows.len() as u32 + 500).min(1_048_575);
    ws.add_data_validation(1, col as u16, last, col as u16, &v)?;
    Ok(())
}

/// The workbook of a checklist, as bytes of an `.xlsx` file.
pub fn workbook(c: &Checklist) -> Result<Vec<u8>, Vec<String>> {
    let grids = grids(c)?;
    let mut types: Vec<String> = [
        "begin_group",
        "end_group",
        "text",
        "integer",
        "decimal",
        "date",
        "note",
    ]
    .map(String::from)
    .to_vec();
    for name in c.response_sets.keys() {
        types.push(format!("select_one {name}"));
        types.push(format!("select_multiple {name}"));
    }
    let priorities: Vec<String> = [Priority::High, Priority::Medium, Priority::Low]
        .iter()
        .map(name_of)
        .collect();
    let roles: Vec<String> = [
        Role::Strengths,
        Role::Limitations,
        Role::Causes,
        Role::UnitOpinion,
        Role::Commitments,
    ]
    .iter()
    .map(name_of)
    .collect();
    let yes_no = vec!["yes".to_string(), "no".to_string()];
    let header_types: Vec<String> = ["text", "date", "number"].map(String::from).to_vec();
    let build = || -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut book = Workbook::new();
        for g in &grids {
            let ws = book.add_worksheet();
            write_grid(ws, g)?;
            match g.name.as_str() {
                "survey" => {
                    drop_down(ws, g, "type", &types, false)?;
                    drop_down(ws, g, "required", &yes_no, true)?;
                    drop_down(ws, g, "priority", &priorities, true)?;
                    drop_down(ws, g, "role", &roles, true)?;
                }
                "choices" => drop_down(ws, g, "flag", &yes_no, true)?,
                "onsite_header" => {
                    drop_down(ws, g, "type", &header_types, true)?;
                    drop_down(ws, g, "required", &yes_no, true)?;
                }
                _ => {}
            }
        }
        book.save_to_buffer()
    };
    build().map_err(|e| vec![format!("cannot write the workbook: {e}")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_recognised() {
        for s in ["=SUM(A1:A3)", "+1", "-cmd", "@x"] {
            assert!(looks_like_formula(s), "{s}");
        }
        assert!(!looks_like_formula("Sở Nội vụ"));
    }
}
