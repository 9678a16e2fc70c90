//! Reading a record file: format version check (newer versions refused, never rewritten),
//! JSON errors located by `line:column` and JSON path, text made inert on load, and a
//! warning when the file is readable by other users.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::id;
use super::model::{RECORD_FORMAT, Record};
use crate::checklist::Checklist;
use crate::sanitize::{self, line, multiline};

/// The prefix of every record format string.
pub const FORMAT_PREFIX: &str = "onsite-record/";

/// Why a record file could not be read. Each message is one sentence naming the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS reason.
        source: std::io::Error,
    },
    /// Bad JSON, or JSON that is not a record.
    #[error("{}:{line}:{column}: not a valid onsite record: {message}{}", path.display(), at_path(json_path))]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Where in the document, e.g. `/answers/q1/value`.
        json_path: String,
        /// What is wrong.
        message: String,
    },
    /// Written by a newer onsite.
    #[error("{} was written by a newer onsite (format {format}, this version reads {RECORD_FORMAT}); upgrade onsite to open it — the file was left untouched", path.display())]
    Newer {
        /// The file.
        path: PathBuf,
        /// The format string found.
        format: String,
    },
    /// Not an onsite record at all.
    #[error("{} is not an onsite record (format {}, expected {RECORD_FORMAT})", path.display(), format.as_deref().map(|f| format!("`{f}`")).unwrap_or_else(|| "missing".into()))]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// The format string found, if any.
        format: Option<String>,
    },
    /// The record's id cannot be used as a file name.
    #[error("{} has an invalid record id `{id}` (letters, digits, `-`, `_` and `.` only)", path.display())]
    BadId {
        /// The file.
        path: PathBuf,
        /// The id found (sanitised).
        id: String,
    },
}

fn at_path(p: &str) -> String {
    if p.is_empty() || p == "." {
        String::new()
    } else {
        format!(" (at {p})")
    }
}

/// A record as loaded, with warnings for the user (not printed here).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The record, its text made inert.
    pub record: Record,
    /// E.g. the file is readable by other users.
    pub warnings: Vec<String>,
}

/// Loads a record file; see [`load_with_warnings`] for the warnings.
pub fn load(path: &Path) -> Result<Record, LoadError> {
    load_with_warnings(path).map(|l| l.record)
}

/// Loads a record file and reports loose permissions as warnings.
pub fn load_with_warnings(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    let warnings = permission_warning(path, &meta).into_iter().collect();
    let text = std::fs::read_to_string(path).map_err(io)?;
    let record = parse(path, &text)?;
    Ok(Loaded { record, warnings })
}

/// The first members of a record file: enough to pick the inspection to resume and, when
/// onsite wrote them, the figures of a listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// The record id.
    pub id: String,
    /// In progress or finished.
    pub status: super::model::Status,
    /// When it last changed.
    pub updated_at: super::model::Timestamp,
    /// The figures of a listing, if the head has them (not in records of older versions).
    pub listing: Option<super::listing::Listing>,
}

/// Reads the head of a record file (`format`, `id`, `status`, `updated_at` and `listing`,
/// which onsite writes before the embedded checklist) and nothing after it; `None` if the
/// first four are not all there and well-formed, or the format is not this version's.
pub fn read_head(path: &Path) -> Option<Head> {
    let file = std::fs::File::open(path).ok()?;
    let keys = ["format", "id", "status", "updated_at", "listing"];
    let mut head = crate::json_head::read_file(file, &keys, &["checklist"]);
    if head.get("format")?.as_str() != Some(RECORD_FORMAT) {
        return None;
    }
    let mut take = |key: &str| head.remove(key);
    Some(Head {
        id: serde_json::from_value(take("id")?).ok()?,
        status: serde_json::from_value(take("status")?).ok()?,
        updated_at: serde_json::from_value(take("updated_at")?).ok()?,
        listing: take("listing").and_then(|v| serde_json::from_value(v).ok()),
    })
}

/// The warning for a record file other users can read, if it is one.
pub fn permission_warning(path: &Path, meta: &std::fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Some(format!(
                "{} can be read by other users (mode {mode:03o}); run `chmod 600 {}`",
                path.display(),
                path.display()
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta);
    None
}

/// Parses record text (the path names the file in errors).
pub fn parse(path: &Path, text: &str) -> Result<Record, LoadError> {
    // The common case in one plain pass; the slower located parse only to explain a failure.
    let mut record: Record = match serde_json::from_slice::<Record>(text.as_bytes()) {
        Ok(r) => {
            check_format(path, Some(serde_json::Value::String(r.format.clone())))?;
            r
        }
        Err(_) => {
            #[derive(Deserialize)]
            struct Head {
                format: Option<serde_json::Value>,
            }
            let head: Head = from_json(path, text)?;
            check_format(path, head.format)?;
            from_json(path, text)?
        }
    };
    if !id::is_valid(&record.id) {
        return Err(LoadError::BadId {
            path: path.to_path_buf(),
            id: sanitize::line(&record.id),
        });
    }
    // The embedded checklist drives the session and the reports: it must keep the rules a
    // checklist file keeps (a hand-edited record could break them).
    let violations = crate::checklist::validate::validate(&record.checklist);
    if let Some(first) = violations.first() {
        let json_path = format!("/checklist{}", first.path);
        let (line, column) = crate::checklist::locate::locate(text, &json_path).unwrap_or((1, 1));
        let more = match violations.len() - 1 {
            0 => String::new(),
            n => format!(" ({n} more problems)"),
        };
        return Err(LoadError::Json {
            path: path.to_path_buf(),
            line,
            column,
            json_path: sanitize::line(&json_path),
            message: format!(
                "its embedded checklist {}{more}",
                sanitize::line(&first.message)
            ),
        });
    }
    clean_record(&mut record);
    Ok(record)
}

/// Refuses anything but `onsite-record/1`, telling newer versions apart.
fn check_format(path: &Path, format: Option<serde_json::Value>) -> Result<(), LoadError> {
    let format = match format {
        Some(serde_json::Value::String(s)) => s,
        other => {
            return Err(LoadError::UnknownFormat {
                path: path.to_path_buf(),
                format: other.map(|v| sanitize::line(&v.to_string())),
            });
        }
    };
    if format == RECORD_FORMAT {
        return Ok(());
    }
    let newer = format
        .strip_prefix(FORMAT_PREFIX)
        .and_then(|v| v.split(['.', '-']).next())
        .and_then(|v| v.parse::<u32>().ok())
        .is_some_and(|v| v > 1);
    let format = sanitize::line(&format);
    Err(if newer {
        LoadError::Newer {
            path: path.to_path_buf(),
            format,
        }
    } else {
        LoadError::UnknownFormat {
            path: path.to_path_buf(),
            format: Some(format),
        }
    })
}

fn from_json<T: for<'de> Deserialize<'de>>(path: &Path, text: &str) -> Result<T, LoadError> {
    let json_err = |e: serde_json::Error, json_path: String| {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        LoadError::Json {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            json_path,
            message: sanitize::line(&message),
        }
    };
    let mut de = serde_json::Deserializer::from_slice(text.as_bytes());
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let pointer = sanitize::line(&crate::checklist::locate::pointer_of(e.path()));
        json_err(e.into_inner(), pointer)
    })?;
    de.end().map_err(|e| json_err(e, String::new()))?;
    Ok(value)
}

/// Reads many record files (`aggregate`), parsing, checking and sanitising each distinct
/// embedded checklist once: the records of one checklist version embed the same text, and
/// it is most of each file. Gives what [`load`] gives.
#[derive(Default)]
pub struct Batch {
    /// Checklist text as embedded → the checklist read from it (checked and inert).
    checklists: HashMap<Box<str>, Arc<Checklist>>,
}

impl Batch {
    /// Loads a record file, as [`load`].
    pub fn load(&mut self, path: &Path) -> Result<Record, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        #[derive(Deserialize)]
        struct Embedded<'a> {
            #[serde(borrow)]
            checklist: &'a RawValue,
        }
        let Ok(embedded) = serde_json::from_str::<Embedded>(&text) else {
            return parse(path, &text);
        };
        let raw = embedded.checklist.get();
        if let Some(checklist) = self.checklists.get(raw)
            && let Some(record) = with_checklist(path, &text, raw, checklist)
        {
            return Ok(record);
        }
        let record = parse(path, &text)?;
        self.checklists
            .insert(raw.into(), Arc::clone(&record.checklist));
        Ok(record)
    }
}

/// The record of `text` with `checklist` for its embedded checklist `raw` (a slice of
/// `text`), the rest read and checked as [`parse`] does; `None` if anything is amiss, for
/// `parse` to say what.
fn with_checklist(
    path: &Path,
    text: &str,
    raw: &str,
    checklist: &Arc<Checklist>,
) -> Option<Record> {
    /// The smallest checklist there is, standing in for the one already read.
    const STAND_IN: &str = r#"{"format":"","id":"","version":"","title":"","sections":[]}"#;
    let start = (raw.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let end = start + raw.len();
    let rest = [text.get(..start)?, STAND_IN, text.get(end..)?].concat();
    let mut record: Record = serde_json::from_str(&rest).ok()?;
    check_format(path, Some(serde_json::Value::String(record.format.clone()))).ok()?;
    if !id::is_valid(&record.id) {
        return None;
    }
    record.checklist = Arc::clone(checklist);
    clean_answers(&mut record);
    Some(record)
}

/// Makes every text field of a record inert (notes and free text keep their lines).
pub fn clean_record(r: &mut Record) {
    clean_answers(r);
    clean_checklist(std::sync::Arc::make_mut(&mut r.checklist));
}

/// Makes every text field of a record but its checklist inert.
fn clean_answers(r: &mut Record) {
    for v in r.header.values_mut() {
        *v = line(v);
    }
    for a in r.answers.values_mut() {
        match &mut a.value {
            Some(super::AnswerValue::Text(s)) => *s = multiline(s),
            Some(super::AnswerValue::Multi(list)) => {
                for s in list {
                    *s = line(s);
                }
            }
            _ => {}
        }
        a.note = multiline(&a.note);
    }
    r.general_notes = multiline(&r.general_notes);
    if let Some(q) = &mut r.position.question {
        *q = line(q);
    }
    for rec in &mut r.recommendations {
        rec.id = line(&rec.id);
        rec.question = rec.question.as_deref().map(line);
        rec.text = rec.text.as_deref().map(multiline);
        rec.responsible = line(&rec.responsible);
        rec.due = rec.due.as_deref().map(line);
    }
    if let Some(f) = &mut r.follow_up {
        f.clean();
    }
}

/// Makes every text of an embedded checklist inert (the same rules as loading a checklist).
pub fn clean_checklist(c: &mut Checklist) {
    crate::checklist::load::sanitize_checklist(c);
}
