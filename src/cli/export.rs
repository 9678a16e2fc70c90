//! `onsite checklists export CHECKLIST [--format xlsx|json] [-o FILE]`: writes a checklist
//! (an id, bundled ones included, or a file) as an XLSForm workbook to start a new one
//! from, or as `onsite-checklist/1` JSON (which also converts a workbook to JSON).

use std::path::Path;

use super::report::emit;
use super::{Context, Failure, Outcome};
use crate::checklist::{resolve, xlsform};
use crate::i18n::xlsform::strings;
use crate::output::write_atomic;
use crate::sanitize;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An XLSForm workbook.
    Xlsx,
    /// The JSON checklist format.
    Json,
}

/// Runs the command.
pub fn run(ctx: &Context, spec: &str, format: Format, output: Option<&Path>) -> Outcome {
    let words = strings(ctx.lang);
    if format == Format::Xlsx && output.is_none() {
        return Err(Failure::usage(words.needs_output));
    }
    let checklist = resolve(spec, &ctx.data_dir)?;
    match (format, output) {
        (Format::Xlsx, Some(path)) => {
            let bytes = xlsform::write::workbook(&checklist).map_err(|why| {
                Failure::user(
                    words
                        .cannot_export
                        .replace("{id}", &checklist.id)
                        .replace("{why}", &why.join("; ")),
                )
            })?;
            write_atomic(path, &bytes)
                .map_err(|e| Failure::user(crate::i18n::cli::write_failed(ctx.lang, &e)))?;
            let shown = sanitize::line(&path.display().to_string());
            eprintln!("{}", words.written.replace("{path}", &shown));
            Ok(())
        }
        _ => {
            let mut json = serde_json::to_string_pretty(&checklist)
                .map_err(|e| Failure::user(e.to_string()))?;
            json.push('\n');
            emit(&json, output, ctx.lang)
        }
    }
}
