//! `onsite checklists`: the checklists available (SPEC §1 search order) as a table of id,
//! version, title in the UI language, and where each comes from. Files that cannot be
//! loaded are listed as warnings on stderr; they do not stop the listing.

use std::io::Write;

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

/// The table, one line per checklist, columns aligned by display width; with a `width`,
/// the title and origin are cut with `…` to fit.
pub fn table(catalog: &Catalog, lang: Lang) -> Vec<String> {
    table_in(catalog, lang, None)
}

/// [`table`] fitted to `width` columns when given.
pub fn table_in(catalog: &Catalog, lang: Lang, width: Option<usize>) -> Vec<String> {
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
    let rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
    super::table::align(&rows, width, &[2, 3])
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
    for line in table_in(&catalog, ctx.lang, super::table::terminal_width()) {
        if writeln!(out, "{line}").is_err() {
            break; // stdout closed (e.g. piped into `head`)
        }
    }
    Ok(())
}
