//! Loading a checklist file: reading it safely, parsing with located errors, running every
//! validation rule, and making every text inert before it can reach a terminal.
//!
//! Errors are [`Problem`]s, one line each: `demo.json:12:7: /sections/1/questions/0/show_if:
//! refers to question "x" which comes later`. Syntax and type errors stop at the first
//! (serde cannot go on); rule violations are all reported at once.

use std::fmt;
use std::io::Read;
use std::path::Path;

use super::condition::{Condition, Operand};
use super::locate::{Locator, char_column, duplicate_keys, line_col, locate};
use super::model::{Checklist, FORMAT, OptionDef, Section};
use super::text::Text;
use super::validate::validate;
use crate::sanitize;

/// Largest checklist file read: 16 MiB.
pub const MAX_SIZE: u64 = 16 * 1024 * 1024;

/// One problem with a checklist file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (as given) or the source name.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// JSON pointer of the place (`/sections/1/questions/0/show_if`), or "" for the file.
    pub path: String,
    /// One sentence.
    pub message: String,
}

impl Problem {
    fn file(file: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line: None,
            column: None,
            path: String::new(),
            message: message.into(),
        }
    }

    fn at(file: &str, (line, column): (usize, usize), path: String, message: String) -> Problem {
        Problem {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            path,
            message,
        }
    }
}

/// One line, already inert: `file:line:column: path: message`.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", sanitize::line(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if !self.path.is_empty() {
            write!(f, ": {}", sanitize::line(&self.path))?;
        }
        write!(f, ": {}", sanitize::line(&self.message))
    }
}

/// Reads and loads a checklist file.
pub fn load_file(path: &Path) -> Result<Checklist, Vec<Problem>> {
    let name = path.display().to_string();
    let fail = |m: String| Err(vec![Problem::file(&name, m)]);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail("file not found".into());
        }
        Err(e) => return fail(format!("cannot read the file: {e}")),
    };
    if meta.is_dir() {
        return fail("is a directory, not a checklist file".into());
    }
    if !meta.is_file() {
        // A FIFO would block the read for ever; a device would never end.
        return fail(format!(
            "is {}, not a checklist file",
            crate::safe_fs::kind_of(&meta)
        ));
    }
    if meta.len() > MAX_SIZE {
        return fail(too_large(meta.len()));
    }
    if super::xlsform::is_workbook(path) {
        return super::xlsform::load_workbook(path);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    let read = crate::safe_fs::open_regular(path, crate::safe_fs::Links::Follow)
        .map_err(|e| std::io::Error::other(e.to_string()))
        .and_then(|f| f.take(MAX_SIZE + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(format!("cannot read the file: {e}"));
    }
    if bytes.len() as u64 > MAX_SIZE {
        return fail(too_large(bytes.len() as u64));
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => load_str(text, &name),
        Err(e) => {
            let good = e.valid_up_to();
            // The valid prefix is UTF-8, so its line and column can be counted.
            let prefix = String::from_utf8_lossy(&bytes[..good]);
            let (line, column) = line_col(&prefix, good);
            Err(vec![Problem::at(
                &name,
                (line, column),
                String::new(),
                format!(
                    "the file is not valid UTF-8 (bad byte at offset {good}); save it as UTF-8"
                ),
            )])
        }
    }
}

fn too_large(len: u64) -> String {
    format!(
        "the file is too large ({:.1} MiB); a checklist may be at most 16 MiB",
        len as f64 / (1024.0 * 1024.0)
    )
}

/// Loads a checklist from text; `source` names it in problems.
pub fn load_str(text: &str, source: &str) -> Result<Checklist, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::file(
            source,
            "the file is empty; a checklist is a JSON object",
        )]);
    }
    // The common case, a good file, in one typed pass; any failure is explained below by
    // the slower passes that locate it. Every reader of checklist and record text goes
    // through `from_slice`: one copy of the deserialising code in the binary, not two.
    if let Ok(checklist) = serde_json::from_slice::<Checklist>(text.as_bytes())
        && let Some(checklist) = accept(checklist)
    {
        return Ok(checklist);
    }
    // First as plain JSON: syntax errors, nesting, and the format, before the shape.
    let value: serde_json::Value = match serde_json::from_slice(text.as_bytes()) {
        Ok(v) => v,
        Err(e) => return Err(vec![json_error(text, source, &e, String::new())]),
    };
    let Some(object) = value.as_object() else {
        return Err(vec![Problem::at(
            source,
            (1, 1),
            String::new(),
            "a checklist is a JSON object ({ ... }) at the top level".into(),
        )]);
    };
    if let Some(format) = object.get("format")
        && format.as_str() != Some(FORMAT)
    {
        let pos = locate(text, "/format").unwrap_or((1, 1));
        return Err(vec![Problem::at(
            source,
            pos,
            "/format".into(),
            format!("unknown format {format}; this version of onsite reads \"{FORMAT}\""),
        )]);
    }
    drop(value);
    let duplicates = duplicate_keys(text);
    if !duplicates.is_empty() {
        let places = Locator::new(text);
        return Err(duplicates
            .into_iter()
            .map(|(path, offset)| {
                let key = path.rsplit('/').next().unwrap_or("").to_string();
                let message = format!(
                    "key \"{}\" is written twice in the same object; keep one",
                    key.replace("~1", "/").replace("~0", "~")
                );
                Problem::at(source, places.line_col(offset), path, message)
            })
            .collect());
    }
    let mut de = serde_json::Deserializer::from_slice(text.as_bytes());
    let checklist: Checklist = match serde_path_to_error::deserialize(&mut de) {
        Ok(c) => c,
        Err(e) => {
            let path = super::locate::pointer_of(e.path());
            return Err(vec![json_error(text, source, e.inner(), path)]);
        }
    };
    let violations = validate(&checklist);
    if !violations.is_empty() {
        let places = Locator::new(text);
        return Err(violations
            .into_iter()
            .map(|v| {
                let pos = places.locate(&v.path);
                Problem::at(source, pos, v.path, v.message)
            })
            .collect());
    }
    let mut checklist = checklist;
    sanitize_checklist(&mut checklist);
    Ok(checklist)
}

/// A checklist read without error, made safe to show, if it breaks no rule.
fn accept(mut checklist: Checklist) -> Option<Checklist> {
    if checklist.format != FORMAT || !validate(&checklist).is_empty() {
        return None;
    }
    sanitize_checklist(&mut checklist);
    Some(checklist)
}

/// A serde_json error as a located problem, in plain words.
fn json_error(text: &str, source: &str, e: &serde_json::Error, path: String) -> Problem {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let raw = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = if raw.starts_with("recursion limit exceeded") {
        "the JSON is nested too deeply (more than 128 levels)".to_string()
    } else if raw.starts_with("EOF while parsing") {
        format!("{raw}: the file ends too early (a missing closing bracket or quote?)")
    } else if let Some(rest) = raw.strip_prefix("invalid type: ") {
        format!("wrong type: {rest}")
    } else {
        raw.to_string()
    };
    // With a path, point at the start of the offending member (as rule problems do);
    // serde_json's own place is after it (or at the closing brace for a missing field).
    if e.line() == 0 || !path.is_empty() {
        let pos = locate(text, &path).unwrap_or((1, 1));
        return Problem::at(source, pos, path, message);
    }
    let column = char_column(text, e.line(), e.column());
    Problem::at(source, (e.line(), column), path, message)
}

fn text(t: &mut Text) {
    t.edit_strings(&sanitize::line_if_changed);
}

fn multiline(t: &mut Text) {
    t.edit_strings(&sanitize::multiline_if_changed);
}

fn line(s: &mut String) {
    sanitize::line_in_place(s);
}

fn options(list: &mut [OptionDef]) {
    for o in list {
        line(&mut o.value);
        text(&mut o.label);
    }
}

fn condition(c: &mut Condition) {
    let value = |v: &mut serde_json::Value| {
        if let serde_json::Value::String(s) = v {
            line(s);
        }
    };
    match c {
        Condition::Is { q, value: v } => {
            line(q);
            value(v);
        }
        Condition::In { q, values } => {
            line(q);
            values.iter_mut().for_each(value);
        }
        Condition::Answered { q, .. } => line(q),
        Condition::Cmp { q, rhs, .. } => {
            line(q);
            if let Operand::Answer(s) = rhs {
                line(&mut s.q);
            }
        }
        Condition::All(list) | Condition::Any(list) => list.iter_mut().for_each(condition),
        Condition::Not(c) => condition(c),
    }
}

/// Makes every text of the checklist inert (one-line fields lose newlines and controls;
/// guidance-like fields keep newlines only). Valid ids are unchanged by this.
pub fn sanitize_checklist(c: &mut Checklist) {
    line(&mut c.id);
    line(&mut c.version);
    text(&mut c.title);
    if let Some(d) = &mut c.description {
        multiline(d);
    }
    for h in &mut c.header {
        line(&mut h.id);
        text(&mut h.label);
        if let Some(d) = &mut h.default {
            line(d);
        }
        if let Some(help) = &mut h.help {
            multiline(help);
        }
    }
    let sets = std::mem::take(&mut c.response_sets);
    c.response_sets = sets
        .into_iter()
        .map(|(name, mut list)| {
            options(&mut list);
            (sanitize::line(&name), list)
        })
        .collect();
    for band in &mut c.rating {
        text(&mut band.label);
    }
    c.sections.iter_mut().for_each(section);
}

fn section(s: &mut Section) {
    line(&mut s.id);
    text(&mut s.title);
    if let Some(g) = &mut s.guidance {
        multiline(g);
    }
    for q in &mut s.questions {
        line(&mut q.id);
        if let Some(r) = &mut q.responses {
            line(r);
        }
        if let Some(list) = &mut q.options {
            options(list);
        }
        text(&mut q.prompt);
        for t in [&mut q.guidance, &mut q.basis].into_iter().flatten() {
            multiline(t);
        }
        q.evidence.iter_mut().for_each(text);
        if let Some(r) = &mut q.recommendation {
            multiline(&mut r.text);
            if let Some(when) = &mut r.when {
                when.iter_mut().for_each(line);
            }
        }
        if let Some(c) = &mut q.show_if {
            condition(c);
        }
        if let Some(u) = &mut q.unit {
            text(u);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"{
  "format": "onsite-checklist/1",
  "id": "mini", "version": "1",
  "title": {"vi": "Kiểm tra \u001b]0;pwned\u0007nhỏ", "en": "Small"},
  "description": "Dòng 1\r\nDòng 2\u001b[2J",
  "sections": [
    {"id": "s", "title": "Phần \u202eA", "questions": [
      {"id": "q", "type": "text", "prompt": "Ban Chi\u0309 \u0111a\u0323o?\n", "guidance": "a\tb"}
    ]}
  ]
}"#;

    #[test]
    fn sanitises_every_text_after_loading() {
        let c = load_str(MINI, "mini.json").unwrap();
        // The escape and bell are gone; what is left is inert text.
        assert_eq!(c.title.get("vi"), "Kiểm tra ]0;pwnednhỏ");
        assert_eq!(
            c.description.as_ref().unwrap().get("en"),
            "Dòng 1\nDòng 2[2J"
        );
        assert_eq!(c.sections[0].title.get("en"), "Phần A");
        let q = &c.sections[0].questions[0];
        assert_eq!(q.prompt.get("vi"), "Ban Chỉ đạo? ");
        assert_eq!(q.guidance.as_ref().unwrap().get("vi"), "a    b");
    }

    #[test]
    fn display_is_one_inert_line() {
        let p = Problem {
            file: "x\u{1b}[2J.json".into(),
            line: Some(3),
            column: Some(7),
            path: "/sections/0/id".into(),
            message: "bad\nid \u{202e}".into(),
        };
        assert_eq!(p.to_string(), "x[2J.json:3:7: /sections/0/id: bad id ");
        let f = Problem::file("a.json", "file not found");
        assert_eq!(f.to_string(), "a.json: file not found");
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let with_bom = format!("\u{feff}{MINI}");
        assert!(load_str(&with_bom, "bom.json").is_ok());
    }
}
