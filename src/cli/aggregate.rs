//! `onsite aggregate RECORD|DIR... [--format md|csv|json] [-o FILE]`: one table per
//! checklist over many inspections. A record that cannot be read is named on stderr and
//! skipped; a progress line is shown on stderr when it is a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::report::emit;
use super::{Context, Failure, Outcome};
use crate::i18n::{Lang, cli};
use crate::report::aggregate::Aggregate;
use crate::report::aggregate_render::{self, Format};
use crate::sanitize;

/// Below this many records no progress line is drawn.
const PROGRESS_FROM: usize = 50;

fn is_record_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && name.ends_with(".json") && p.is_file()
}

fn json_files_in(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| cli::dir_unreadable(lang, dir, &e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_record_file(p))
        .collect();
    files.sort();
    Ok(files)
}

/// The record files named by the inputs: files as given, `*.json` in directories (and in
/// their `records/` subdirectory, so a data dir works too). Problems go to `skipped`.
pub(crate) fn expand(inputs: &[PathBuf], skipped: &mut Vec<String>, lang: Lang) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match json_files_in(input, lang) {
                Ok(f) => files.extend(f),
                Err(e) => skipped.push(e),
            }
            let sub = input.join("records");
            if sub.is_dir() {
                match json_files_in(&sub, lang) {
                    Ok(f) => files.extend(f),
                    Err(e) => skipped.push(e),
                }
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            skipped.push(cli::no_such_path(lang, input));
        }
    }
    files
}

/// The files in order, each file once however it was reached (the same path twice, a
/// directory given twice, a link such as `records -> .`): by device and inode.
fn distinct_files(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    files
        .into_iter()
        .filter(|p| match std::fs::metadata(p) {
            #[cfg(unix)]
            Ok(m) => {
                use std::os::unix::fs::MetadataExt;
                seen.insert((m.dev(), m.ino()))
            }
            #[cfg(not(unix))]
            Ok(_) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
            Err(_) => true,
        })
        .collect()
}

fn progress(done: usize, total: usize, lang: Lang) {
    let mut err = std::io::stderr().lock();
    let _ = if done < total {
        write!(err, "\r{}: {done}/{total}", cli::aggregate(lang).reading)
    } else {
        write!(err, "\r{:40}\r", "")
    };
    let _ = err.flush();
}

/// Runs `onsite aggregate`.
pub fn run(ctx: &Context, inputs: &[PathBuf], format: Format, output: Option<&Path>) -> Outcome {
    let agg = collect(ctx, inputs)?;
    emit(
        &aggregate_render::render(&agg, format, ctx.lang),
        output,
        ctx.lang,
    )
}

/// Runs `onsite aggregate --format xlsx -o FILE`: one sheet per checklist.
pub fn run_workbook(ctx: &Context, inputs: &[PathBuf], output: Option<&Path>) -> Outcome {
    let words = crate::i18n::xlsform::strings(ctx.lang);
    let Some(path) = output else {
        return Err(Failure::usage(words.needs_output));
    };
    let agg = collect(ctx, inputs)?;
    let bytes = crate::report::aggregate_xlsx::workbook(&agg, ctx.lang).map_err(Failure::user)?;
    crate::output::write_atomic(path, &bytes)
        .map_err(|e| Failure::user(crate::i18n::cli::write_failed(ctx.lang, &e)))?;
    let shown = sanitize::line(&path.display().to_string());
    eprintln!("{}", words.written.replace("{path}", &shown));
    Ok(())
}

/// Reads the records named by the inputs into one aggregate; unreadable ones are named on
/// stderr and skipped.
fn collect(ctx: &Context, inputs: &[PathBuf]) -> Result<Aggregate, Failure> {
    let mut skipped = Vec::new();
    let words = cli::aggregate(ctx.lang);
    let files = expand(inputs, &mut skipped, ctx.lang);
    for s in skipped.drain(..) {
        eprintln!("onsite: {}: {}", words.skipped, sanitize::line(&s));
    }
    let files = distinct_files(files);
    let show_progress = files.len() >= PROGRESS_FROM && std::io::stderr().is_terminal();
    let agg = Aggregate::read(&files, ctx.lang, &mut skipped, |i| {
        if show_progress && (i % 25 == 0 || i == files.len()) {
            progress(i, files.len(), ctx.lang);
        }
    });
    for s in &skipped {
        eprintln!("onsite: {}: {}", words.skipped, sanitize::line(s));
    }
    if agg.is_empty() {
        return Err(Failure::user(words.nothing));
    }
    Ok(agg)
}
