//! `onsite checklists`: the checklists available (SPEC §1 search order) as a table of id,
//! version, title in the UI language, and where each comes from. Files that cannot be
//! loaded are listed as warnings on stderr; they do not stop the listing.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::{Context, Failure, Outcome};
use crate::checklist::{Catalog, Origin, ResolveError};
use crate::i18n::Lang;
use crate::sanitize;

/// The words of this command's output.
struct Words {
    id: &'static str,
    version: &'static str,
    title: &'static str,
    from: &'static str,
    bundled: &'static str,
    warning: &'static str,
    none: &'static str,
}

const EN: Words = Words {
    id: "ID",
    version: "VERSION",
    title: "TITLE",
    from: "FROM",
    bundled: "bundled",
    warning: "warning",
    none: "no checklists found",
};

const VI: Words = Words {
    id: "MÃ",
    version: "PHIÊN BẢN",
    title: "TIÊU ĐỀ",
    from: "NGUỒN",
    bundled: "có sẵn",
    warning: "cảnh báo",
    none: "không tìm thấy bảng kiểm nào",
};

/// A failed `resolve` is a failure the user can fix (exit 1).
impl From<ResolveError> for Failure {
    fn from(e: ResolveError) -> Failure {
        Failure::user(e.to_string())
    }
}

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// The table, one line per checklist, columns aligned by display width.
pub fn table(catalog: &Catalog, lang: Lang) -> Vec<String> {
    let words = if lang == Lang::Vi { &VI } else { &EN };
    let mut rows: Vec<[String; 4]> = vec![[
        words.id.to_string(),
        words.version.to_string(),
        words.title.to_string(),
        words.from.to_string(),
    ]];
    for e in catalog.entries() {
        let c = &e.checklist;
        let from = match &e.origin {
            Origin::Bundled => words.bundled.to_string(),
            Origin::File(p) => p.display().to_string(),
        };
        rows.push(
            [
                c.id.clone(),
                c.version.clone(),
                c.title.get(lang.code()).to_string(),
                from,
            ]
            .map(|s| sanitize::line(&s)),
        );
    }
    let mut widths = [0usize; 4];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    rows.iter()
        .map(|r| {
            format!(
                "{}  {}  {}  {}",
                pad(&r[0], widths[0]),
                pad(&r[1], widths[1]),
                pad(&r[2], widths[2]),
                r[3]
            )
        })
        .collect()
}

/// Runs the command.
pub fn run(ctx: &Context) -> Outcome {
    let words = if ctx.lang == Lang::Vi { &VI } else { &EN };
    let (catalog, problems) = Catalog::discover(&ctx.data_dir);
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "{}: {p}", words.warning);
    }
    if catalog.entries().is_empty() {
        let _ = writeln!(err, "{}", words.none);
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    for line in table(&catalog, ctx.lang) {
        if writeln!(out, "{line}").is_err() {
            break; // stdout closed (e.g. piped into `head`)
        }
    }
    Ok(())
}
