//! Scores, findings, recommendations and reports: computed once in [`Summary`] and shared
//! by every report format, `onsite aggregate` and the TUI summary screen.
//!
//! - [`Summary::compute`] turns a record into the facts of its report.
//! - [`render`] writes one record's report as Markdown, HTML, JSON or plain text.
//! - [`aggregate`] puts many records into tables, one per checklist.
//! - [`export_beside`] writes `<id>.md` and `<id>.html` next to a record (the `e` key).

pub mod aggregate;
pub mod aggregate_render;
pub mod aggregate_xlsx;
pub mod doc;
pub mod escape;
pub mod followup;
pub mod format;
pub mod history;
pub mod html;
pub mod json;
pub mod markdown;
pub(crate) mod parts;
pub mod plain;
pub mod prose;
mod recommend;
pub mod refs;
pub mod score;
pub mod summary;

use std::path::{Path, PathBuf};

pub use score::Score;
pub use summary::{
    ChecklistInfo, Fact, Finding, Pending, Progress, QuestionRef, Recommendation, SectionRef,
    SectionScore, Strength, Summary,
};

use crate::lang::Lang;
use crate::record::Record;

/// The formats of a one-record report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Md,
    /// One self-contained HTML file.
    Html,
    /// JSON (`onsite-report/1`).
    Json,
    /// Plain text.
    Txt,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Txt => "txt",
        }
    }
}

/// Renders one record's report.
pub fn render(summary: &Summary, format: Format) -> String {
    match format {
        Format::Md => markdown::render(summary),
        Format::Html => html::render(summary),
        Format::Json => json::render(summary),
        Format::Txt => plain::render(summary),
    }
}

/// A file name stem from a record id: the id when it is made of safe characters,
/// else the record file's own stem, else `report`.
fn file_stem(record_path: &Path, record: &Record) -> String {
    let safe = |s: &str| {
        !s.is_empty()
            && !s.starts_with('.')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    if safe(&record.id) {
        return record.id.clone();
    }
    record_path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| safe(s))
        .unwrap_or("report")
        .to_string()
}

/// Writes `<id>.md` and `<id>.html` beside the record file, atomically, and returns
/// their paths. The error is one sentence naming the file that could not be written.
pub fn export_beside(
    record_path: &Path,
    record: &Record,
    lang: Lang,
) -> Result<(PathBuf, PathBuf), String> {
    let dir = match record_path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let stem = file_stem(record_path, record);
    let summary = Summary::compute(record, lang);
    let md = dir.join(format!("{stem}.md"));
    let html = dir.join(format!("{stem}.html"));
    let written = |path: &Path, format| {
        crate::output::write_atomic(path, render(&summary, format).as_bytes())
            .map_err(|e| crate::i18n::cli::write_failed(lang, &e))
    };
    written(&md, Format::Md)?;
    written(&html, Format::Html)?;
    Ok((md, html))
}
