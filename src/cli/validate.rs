//! `onsite validate FILE...`: checks checklist files. Prints `FILE: ok` on stdout per good
//! file and one line per problem on stderr (`file:line:column: /json/path: sentence`);
//! exit 1 when any file has a problem. The problem lines are for checklist authors and stay
//! in English; the closing count and the skipped-schema line are in the UI language.

use std::io::Write;
use std::path::PathBuf;

use super::{Failure, Outcome};
use crate::checklist::load_file;
use crate::i18n::{Lang, cli};
use crate::sanitize;

/// Runs the command on `files`.
pub fn run(files: &[PathBuf], lang: Lang) -> Outcome {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let (mut bad, mut problems) = (0, 0);
    for file in files {
        let name = sanitize::line(&file.display().to_string());
        let is_schema = file
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".schema.json"));
        let line = if is_schema {
            format!("{name}: {}", cli::validate_schema_skipped(lang))
        } else {
            match load_file(file) {
                Ok(_) => format!("{name}: ok"),
                Err(list) => {
                    bad += 1;
                    problems += list.len();
                    for p in list {
                        // stderr gone: nothing left to tell; the exit code still says it.
                        let _ = writeln!(err, "{p}");
                    }
                    continue;
                }
            }
        };
        if writeln!(out, "{line}").is_err() {
            break; // stdout closed (e.g. piped into `head`)
        }
    }
    let _ = out.flush();
    if bad == 0 {
        return Ok(());
    }
    Err(Failure::user(cli::validate_total(
        lang,
        problems,
        bad,
        files.len(),
    )))
}
