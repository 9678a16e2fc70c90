//! `onsite report RECORD [--format md|html|json|txt] [-o FILE]`: one inspection's report,
//! to stdout or written atomically to FILE.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::record::{RECORD_FORMAT, Record};
use crate::report::{self, Format, Summary};

/// Writes `text` to FILE atomically, or to stdout.
pub(crate) fn emit(text: &str, output: Option<&Path>) -> Outcome {
    match output {
        Some(path) => report::write::write_atomic(path, text.as_bytes()).map_err(Failure::user),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`onsite report … | head`) is not an error of ours.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::user(format!("cannot write to stdout: {e}"))),
            }
        }
    }
}

/// Runs `onsite report`.
pub fn run(ctx: &Context, record: &str, format: Format, output: Option<&Path>) -> Outcome {
    let path = locate(ctx, record)?;
    let rec = read_record(&path)?;
    let summary = Summary::compute(&rec, ctx.lang);
    emit(&report::render(&summary, format), output)
}

/// A path as given, else `<data-dir>/records/<id>.json`.
// replaced by the record store's lookup (id, unique prefix, path) when the store lands
fn locate(ctx: &Context, record: &str) -> Result<PathBuf, Failure> {
    let direct = PathBuf::from(record);
    if direct.is_file() {
        return Ok(direct);
    }
    let by_id = ctx.data_dir.join("records").join(format!("{record}.json"));
    if !record.contains(['/', '\\']) && by_id.is_file() {
        return Ok(by_id);
    }
    Err(Failure::user(format!(
        "no record {record}: it is not a file, and there is no {}",
        by_id.display()
    )))
}

/// Reads a record file; the error names the file, `line:column` and the JSON path.
// replaced by record::io::load when the store lands
pub(crate) fn read_record(path: &Path) -> Result<Record, Failure> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::user(format!("cannot read {shown}: {e}")))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Failure::user(format!(
            "{shown}:{}:{}: not valid JSON: {}",
            e.line(),
            e.column(),
            without_position(&e)
        ))
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(RECORD_FORMAT) => {}
        Some(f) if f.starts_with("onsite-record/") => {
            return Err(Failure::user(format!(
                "{shown} is a record of format {f}, newer than this version of onsite reads ({RECORD_FORMAT}); update onsite"
            )));
        }
        _ => {
            return Err(Failure::user(format!(
                "{shown} is not an onsite record (no \"format\": \"{RECORD_FORMAT}\")"
            )));
        }
    }
    let de = &mut serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let at = pointer(e.path());
        let inner = e.into_inner();
        Failure::user(format!(
            "{shown}:{}:{}: {} (at {at})",
            inner.line(),
            inner.column(),
            without_position(&inner)
        ))
    })
}

/// A JSON pointer (`/answers/q1/updated_at`) from a deserialisation path.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => out.push_str(variant),
            Segment::Unknown => out.push('?'),
        }
    }
    if out.is_empty() { "/".into() } else { out }
}

/// serde_json's message without its trailing ` at line L column C` (we print `L:C` first).
fn without_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
