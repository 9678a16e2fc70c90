//! Reading a record file: format version check (newer versions refused, never rewritten),
//! JSON errors located by `line:column` and JSON path, text made inert on load, and a
//! warning when the file is readable by other users.

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
    /// Larger than a record may be.
    #[error("{} is too large ({size:.1} MiB); a record may be at most {} MiB", path.display(), MAX_RECORD_SIZE >> 20)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in MiB.
        size: f64,
    },
    /// A note or text answer longer than the editor can keep responsive.
    #[error("{} has a text at {at} of {size:.1} MiB; a note or text answer may be at most {} KiB", path.display(), MAX_TEXT_SIZE >> 10)]
    TextTooLarge {
        /// The file.
        path: PathBuf,
        /// Which text (`/answers/q1/note`).
        at: String,
        /// Its size in MiB.
        size: f64,
    },
    /// A symbolic link, FIFO, device or directory where a record file should be.
    #[error("cannot read {}: {reason}; a record must be a regular file (not a link)", path.display())]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is.
        reason: String,
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

/// A record file other users can read (inspection notes are private). The sentence in
/// each language is in `i18n::cli`; `Display` is the English one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} can be read by other users (mode {mode:03o}); run `chmod 600 {}`", path.display(), path.display())]
pub struct PermissionWarning {
    /// The record file.
    pub path: PathBuf,
    /// Its permission bits.
    pub mode: u32,
}

/// A record as loaded, with warnings for the user (not printed here).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The record, its text made inert.
    pub record: Record,
    /// E.g. the file is readable by other users.
    pub warnings: Vec<PermissionWarning>,
}

/// Loads a record file; see [`load_with_warnings`] for the warnings.
pub fn load(path: &Path) -> Result<Record, LoadError> {
    load_with_warnings(path).map(|l| l.record)
}

/// The largest record file read: an embedded checklist of the largest size a checklist may
/// have, and as much again of answers and notes.
pub const MAX_RECORD_SIZE: u64 = 2 * crate::checklist::load::MAX_SIZE;

/// The longest note, general notes or text answer read or typed (bytes of UTF-8): about a
/// hundred pages, which the note editor still edits without delay.
pub const MAX_TEXT_SIZE: usize = 256 * 1024;

/// Opens a record file: a regular file, not through a symbolic link, no larger than
/// [`MAX_RECORD_SIZE`].
pub fn open_record(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), LoadError> {
    use crate::safe_fs::{Links, OpenError, open_regular};
    let file = open_regular(path, Links::Refuse).map_err(|e| match e {
        OpenError::Io(source) => LoadError::Io {
            path: path.to_path_buf(),
            source,
        },
        other => LoadError::NotRegular {
            path: path.to_path_buf(),
            reason: other.to_string(),
        },
    })?;
    let meta = file.metadata().map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > MAX_RECORD_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len() as f64 / (1024.0 * 1024.0),
        });
    }
    Ok((file, meta))
}

/// Refuses a record whose notes or text answers are longer than [`MAX_TEXT_SIZE`].
fn check_text_sizes(path: &Path, r: &Record) -> Result<(), LoadError> {
    let too_long = |at: String, len: usize| LoadError::TextTooLarge {
        path: path.to_path_buf(),
        at: sanitize::line(&at),
        size: len as f64 / (1024.0 * 1024.0),
    };
    if r.general_notes.len() > MAX_TEXT_SIZE {
        return Err(too_long("/general_notes".into(), r.general_notes.len()));
    }
    for (id, a) in &r.answers {
        if a.note.len() > MAX_TEXT_SIZE {
            return Err(too_long(format!("/answers/{id}/note"), a.note.len()));
        }
        if let Some(super::model::AnswerValue::Text(t)) = &a.value
            && t.len() > MAX_TEXT_SIZE
        {
            return Err(too_long(format!("/answers/{id}/value"), t.len()));
        }
    }
    Ok(())
}

/// Loads a record file and reports loose permissions as warnings.
pub fn load_with_warnings(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let (file, meta) = open_record(path)?;
    let warnings = permission_warning(path, &meta).into_iter().collect();
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut std::io::Read::take(file, MAX_RECORD_SIZE + 1),
        &mut text,
    )
    .map_err(io)?;
    let record = parse(path, &text)?;
    check_text_sizes(path, &record)?;
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
    let file = open_record(path).ok()?.0;
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
pub fn permission_warning(path: &Path, meta: &std::fs::Metadata) -> Option<PermissionWarning> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Some(PermissionWarning {
                path: path.to_path_buf(),
                mode,
            });
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
    /// Checklists read, newest hit first: the text as embedded, and the checklist read from
    /// it (checked and inert).
    checklists: Vec<(Box<str>, Arc<Checklist>)>,
}

/// How many distinct checklist texts a [`Batch`] keeps.
const BATCH_CHECKLISTS: usize = 8;

impl Batch {
    /// Loads a record file, as [`load`].
    pub fn load(&mut self, path: &Path) -> Result<Record, LoadError> {
        let record = self.load_unchecked(path)?;
        check_text_sizes(path, &record)?;
        Ok(record)
    }

    fn load_unchecked(&mut self, path: &Path) -> Result<Record, LoadError> {
        let io = |source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let (file, _) = open_record(path)?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, MAX_RECORD_SIZE + 1),
            &mut bytes,
        )
        .map_err(io)?;
        if bytes.len() as u64 > MAX_RECORD_SIZE {
            return Err(LoadError::TooLarge {
                path: path.to_path_buf(),
                size: bytes.len() as f64 / (1024.0 * 1024.0),
            });
        }
        // A checklist already read, written the same way in this file.
        for k in 0..self.checklists.len() {
            let (raw, checklist) = &self.checklists[k];
            if let Some(start) = find(&bytes, raw.as_bytes())
                && let Some(record) =
                    with_checklist(path, &bytes, start..start + raw.len(), checklist)
            {
                self.checklists[..=k].rotate_right(1);
                return Ok(record);
            }
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            let kind = std::io::ErrorKind::InvalidData;
            io(std::io::Error::new(
                kind,
                "stream did not contain valid UTF-8",
            ))
        })?;
        let record = parse(path, &text)?;
        #[derive(Deserialize)]
        struct Embedded<'a> {
            #[serde(borrow)]
            checklist: &'a RawValue,
        }
        if let Ok(embedded) = serde_json::from_str::<Embedded>(&text) {
            let raw = embedded.checklist.get().into();
            self.checklists
                .insert(0, (raw, Arc::clone(&record.checklist)));
            self.checklists.truncate(BATCH_CHECKLISTS);
        }
        Ok(record)
    }
}

/// Where `needle` (long) first occurs in `haystack`: its first bytes are searched for, and
/// each place they occur compared in full (a search for the whole needle would first
/// study all of it).
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let head = needle.get(..64).unwrap_or(needle);
    let first = *head.first()?;
    let mut from = 0;
    while let Some(k) = haystack.get(from..)?.iter().position(|&b| b == first) {
        let at = from + k;
        let rest = haystack.get(at..)?;
        if rest.starts_with(head) && rest.starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The record of `bytes` with `checklist` for the embedded checklist at `place` (the same
/// text as the one it was read from), the rest read and checked as [`parse`] does; `None`
/// if anything is amiss (or `place` is not the record's `checklist` member), for `parse` to
/// say what.
fn with_checklist(
    path: &Path,
    bytes: &[u8],
    place: std::ops::Range<usize>,
    checklist: &Arc<Checklist>,
) -> Option<Record> {
    /// A checklist standing in for the one already read (an empty id, never a valid one).
    const STAND_IN: &[u8] = br#"{"format":"","id":"","version":"","title":"","sections":[]}"#;
    let rest = [bytes.get(..place.start)?, STAND_IN, bytes.get(place.end..)?].concat();
    let mut record: Record = serde_json::from_slice(&rest).ok()?;
    if !record.checklist.id.is_empty() {
        return None;
    }
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
    if let Some(d) = &mut r.draft {
        crate::sanitize::multiline_in_place(&mut d.text);
    }
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
    for c in &mut r.changes {
        c.clean();
    }
    if let Some(t) = &mut r.team {
        t.clean();
    }
}

/// Makes every text of an embedded checklist inert (the same rules as loading a checklist).
pub fn clean_checklist(c: &mut Checklist) {
    crate::checklist::load::sanitize_checklist(c);
}
