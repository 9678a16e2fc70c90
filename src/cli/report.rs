//! `onsite report RECORD [--format md|html|json|txt] [-o FILE]`: one inspection's report,
//! to stdout or written atomically to FILE.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::i18n::{Lang, cli};
use crate::record::{Record, Store};
use crate::report::{self, Format, Summary};

/// Writes `text` to FILE atomically, or to stdout (no `-o`, or `-o -`).
pub(crate) fn emit(text: &str, output: Option<&Path>, lang: Lang) -> Outcome {
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => crate::output::write_atomic(path, text.as_bytes())
            .map_err(|e| Failure::user(cli::write_failed(lang, &e))),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`onsite report … | head`) is not an error of ours.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::user(cli::stdout_failed(lang, &e))),
            }
        }
    }
}

/// Runs `onsite report`.
pub fn run(ctx: &Context, record: &str, format: Format, output: Option<&Path>) -> Outcome {
    let path = locate(ctx, record)?;
    let rec = read_record(&path, ctx.lang)?;
    let summary = Summary::compute(&rec, ctx.lang);
    emit(&report::render(&summary, format), output, ctx.lang)
}

/// The record's file: an id, a unique id prefix, or a path (through the store).
pub(crate) fn locate(ctx: &Context, record: &str) -> Result<PathBuf, Failure> {
    Store::new(&ctx.data_dir)
        .find(record)
        .map_err(|e| Failure::user(cli::store_error(ctx.lang, &e)))
}

/// Reads a record file; the error names the file, `line:column` and the JSON path.
pub(crate) fn read_record(path: &Path, lang: Lang) -> Result<Record, Failure> {
    crate::record::load(path).map_err(|e| Failure::user(cli::load_error(lang, &e)))
}
