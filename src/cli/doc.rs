//! `onsite doc KIND INPUT... [-o FILE] [--set KEY=VALUE]...`: the documents the team signs,
//! as `.docx` files.
//!
//! - `minutes RECORD`, `conclusion RECORD`: from one record;
//! - `report RECORD|DIR...`: from one record or many;
//! - `brief CHECKLIST`: from a checklist alone;
//! - `profile [--set KEY=VALUE]...`: shows the document profile, or changes it.
//!
//! With the other kinds, `--set` changes the profile for this one document only. Without
//! `-o`, the file is written in the current directory under a name that says what it is,
//! and its path is printed.

use std::path::{Path, PathBuf};

use super::report::{locate, read_record};
use super::{Context, Failure, Outcome};
use crate::checklist::{Checklist, catalog};
use crate::i18n::Lang;
use crate::i18n::doc::{self as words, DocText};
use crate::report::Summary;
use crate::report::doc::{Kind, Profile, brief, conclusion, minutes, profile, team_report};
use crate::sanitize;

/// The profile's path in the data dir.
pub fn profile_path(data_dir: &Path) -> PathBuf {
    profile::path(data_dir)
}

/// Reads the team's profile (an absent file is an empty profile).
pub fn load_profile(data_dir: &Path, lang: Lang) -> Result<Profile, Failure> {
    profile::load(data_dir, lang).map_err(Failure::user)
}

/// Applies `KEY=VALUE` settings to a profile.
fn apply_sets(p: &mut Profile, sets: &[String], t: &DocText) -> Outcome {
    for s in sets {
        let Some((k, v)) = s.split_once('=') else {
            return Err(Failure::usage(format!(
                "{} {:?}",
                t.bad_set,
                sanitize::line(s)
            )));
        };
        p.set(k.trim(), v).map_err(|k| {
            Failure::usage(format!(
                "{}: {:?} ({})",
                t.unknown_key,
                sanitize::line(&k),
                profile::KEYS.join(", ")
            ))
        })?;
    }
    Ok(())
}

/// Runs `onsite doc profile`: saves the settings given, then shows the profile.
pub fn profile_cmd(ctx: &Context, sets: &[String]) -> Outcome {
    let t = words::text(ctx.lang);
    let mut p = load_profile(&ctx.data_dir, ctx.lang)?;
    if !sets.is_empty() {
        apply_sets(&mut p, sets, t)?;
        let path = profile::save(&ctx.data_dir, &p, ctx.lang).map_err(Failure::user)?;
        eprintln!("{}: {}", t.profile_saved, path.display());
    }
    let mut out = String::new();
    let mut any = false;
    for (key, label) in profile::KEYS.iter().zip(t.keys) {
        let value = p.get(key);
        any |= value.is_some();
        out.push_str(&format!(
            "{key:<18} {:<40} {}\n",
            label,
            value.unwrap_or_else(|| crate::report::doc::BLANK.to_string())
        ));
    }
    if !any {
        out.push_str(t.profile_empty);
        out.push('\n');
    }
    super::report::emit(&out, None, ctx.lang)
}

/// The language a document of this checklist is written in: the UI language when the
/// checklist has it, else the checklist's first language when it is one onsite writes.
pub fn doc_lang(checklist: &Checklist, ui: Lang) -> Lang {
    let langs = checklist.languages();
    if langs.is_empty() || langs.contains(&ui.code()) {
        return ui;
    }
    langs.iter().find_map(|l| Lang::parse(l)).unwrap_or(ui)
}

/// The file name a document gets when `-o` is not given.
pub fn default_name(kind: Kind, lang: Lang, stem: &str) -> String {
    let base = match (kind, lang) {
        (Kind::Minutes, Lang::Vi) => "bien-ban",
        (Kind::Conclusion, Lang::Vi) => "thong-bao-ket-luan",
        (Kind::Report, Lang::Vi) => "bao-cao-ket-qua",
        (Kind::Brief, Lang::Vi) => "de-cuong-bao-cao",
        (Kind::Minutes, Lang::En) => "minutes",
        (Kind::Conclusion, Lang::En) => "conclusion",
        (Kind::Report, Lang::En) => "report",
        (Kind::Brief, Lang::En) => "brief",
    };
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches('-');
    if safe.is_empty() {
        format!("{base}.docx")
    } else {
        format!("{base}-{safe}.docx")
    }
}

/// A document of one record in a language (the brief from the record's checklist).
pub fn render_record(
    kind: Kind,
    record: &crate::record::Record,
    lang: Lang,
    p: &Profile,
) -> Result<Vec<u8>, String> {
    if kind == Kind::Brief {
        return brief::render(&record.checklist, lang, p);
    }
    let summary = Summary::compute(record, lang);
    match kind {
        Kind::Minutes => minutes::render(&summary, p),
        Kind::Conclusion => conclusion::render(&summary, p),
        _ => team_report::render(std::slice::from_ref(&summary), p),
    }
}

/// The documents the summary screen's `e` writes: the minutes and the draft conclusion, in
/// the current directory (where the inspector started onsite), under the names `onsite doc`
/// gives them. Returns their paths; the error is one sentence naming the file.
pub fn export_documents(
    data_dir: &Path,
    record: &crate::record::Record,
    ui: Lang,
) -> Result<Vec<PathBuf>, String> {
    let p = load_profile(data_dir, ui).map_err(|f| f.message)?;
    let lang = doc_lang(&record.checklist, ui);
    let dir = std::env::current_dir().map_err(|e| format!("{}: {e}", words::text(ui).no_cwd))?;
    let mut out = Vec::new();
    for kind in [Kind::Minutes, Kind::Conclusion] {
        let bytes = render_record(kind, record, lang, &p)?;
        let path = dir.join(default_name(kind, lang, &record.id));
        crate::output::write_atomic(&path, &bytes)
            .map_err(|e| crate::i18n::cli::write_failed(ui, &e))?;
        out.push(path);
    }
    Ok(out)
}

fn write_doc(bytes: &[u8], path: &Path, lang: Lang) -> Outcome {
    let t = words::text(lang);
    crate::output::write_atomic(path, bytes)
        .map_err(|e| Failure::user(crate::i18n::cli::write_failed(lang, &e)))?;
    println!("{}: {}", t.written, path.display());
    Ok(())
}

/// Runs `onsite doc KIND INPUT...`.
pub fn run(
    ctx: &Context,
    kind: Kind,
    inputs: &[String],
    output: Option<&Path>,
    sets: &[String],
) -> Outcome {
    let t = words::text(ctx.lang);
    let mut p = load_profile(&ctx.data_dir, ctx.lang)?;
    apply_sets(&mut p, sets, t)?;
    let Some(first) = inputs.first() else {
        return Err(Failure::usage(t.needs_record));
    };
    match kind {
        Kind::Brief => {
            let checklist = catalog::resolve(first, &ctx.data_dir)
                .map_err(|e| Failure::user(sanitize::multiline(&e.to_string())))?;
            let lang = doc_lang(&checklist, ctx.lang);
            let bytes = brief::render(&checklist, lang, &p).map_err(Failure::user)?;
            let path = output
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(default_name(kind, lang, &checklist.id)));
            write_doc(&bytes, &path, lang)
        }
        Kind::Minutes | Kind::Conclusion => {
            let path = locate(ctx, first)?;
            let rec = read_record(&path, ctx.lang)?;
            let lang = doc_lang(&rec.checklist, ctx.lang);
            let bytes = render_record(kind, &rec, lang, &p).map_err(Failure::user)?;
            let out = output
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(default_name(kind, lang, &rec.id)));
            write_doc(&bytes, &out, lang)
        }
        Kind::Report => {
            let (summaries, lang) = summaries(ctx, inputs)?;
            let bytes = team_report::render(&summaries, &p).map_err(Failure::user)?;
            let stem = match summaries.as_slice() {
                [one] => one.record.clone(),
                _ => summaries[0].date.clone(),
            };
            let out = output
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(default_name(kind, lang, &stem)));
            write_doc(&bytes, &out, lang)
        }
    }
}

/// The summaries of the records named (ids, paths or directories); a record that cannot
/// be read is named on stderr and skipped.
fn summaries(ctx: &Context, inputs: &[String]) -> Result<(Vec<Summary>, Lang), Failure> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let as_path = Path::new(input);
        if as_path.is_dir() {
            files.extend(super::aggregate::expand(
                &[as_path.to_path_buf()],
                &mut skipped,
                ctx.lang,
            ));
        } else {
            match locate(ctx, input) {
                Ok(p) => files.push(p),
                Err(f) => skipped.push(f.message),
            }
        }
    }
    let mut out = Vec::new();
    let mut lang = ctx.lang;
    for path in files {
        match read_record(&path, ctx.lang) {
            Ok(rec) => {
                if out.is_empty() {
                    lang = doc_lang(&rec.checklist, ctx.lang);
                }
                out.push(Summary::compute(&rec, lang));
            }
            Err(f) => skipped.push(f.message),
        }
    }
    for s in &skipped {
        eprintln!("onsite: skipped: {}", sanitize::line(s));
    }
    if out.is_empty() {
        return Err(Failure::user(words::text(ctx.lang).no_record));
    }
    Ok((out, lang))
}
