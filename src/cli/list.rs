//! `onsite list [--json]`: the inspections in the data dir with their progress.
//!
//! A record that cannot be read is named in a warning on stderr; the others are listed.

use std::io::Write;

use chrono::Local;
use unicode_width::UnicodeWidthStr;

use super::{Context, Failure, Outcome};
use crate::i18n::Lang;
use crate::i18n::list::{ListStrings, strings};
use crate::record::{RecordSummary, Status, Store};
use crate::sanitize;

/// Runs `onsite list`.
pub fn run(ctx: &Context, json: bool) -> Outcome {
    let store = Store::new(&ctx.data_dir);
    let (list, warnings) = store.list();
    let s = strings(ctx.lang);
    for w in &warnings {
        let w = crate::i18n::cli::list_warning(ctx.lang, w);
        eprintln!("onsite: {}: {}", s.warning, sanitize::line(&w));
    }
    let out = if json {
        render_json(&list, ctx.lang)
    } else if list.is_empty() {
        format!("{}\n", s.empty)
    } else {
        render_table_in(&list, ctx.lang, super::table::terminal_width())
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::user(crate::i18n::cli::stdout_failed(ctx.lang, &e))),
    }
}

fn status_word(status: Status, s: &ListStrings) -> &'static str {
    match status {
        Status::InProgress => s.in_progress,
        Status::Finished => s.finished,
    }
}

/// The table: id, checklist, organisation, status, progress n/m, updated (local time).
pub fn render_table(list: &[RecordSummary], lang: Lang) -> String {
    render_table_in(list, lang, None)
}

/// The table fitted to a terminal `width`: one line per record when it fits, else two (the
/// id, status, progress and time; then the organisation and checklist, cut with `…`).
pub fn render_table_in(list: &[RecordSummary], lang: Lang, width: Option<usize>) -> String {
    let whole = render_full(list, lang);
    let lines: Vec<String> = whole.lines().map(str::to_string).collect();
    if !super::table::too_wide(&lines, width) {
        return whole;
    }
    let s = strings(lang);
    let mut rows = vec![vec![
        s.id.to_string(),
        s.status.into(),
        s.progress.into(),
        s.updated.into(),
    ]];
    let mut names = vec![String::new()];
    for r in list {
        rows.push(vec![
            sanitize::line(&r.id),
            status_word(r.status, s).into(),
            format!("{}/{}", r.answered, r.total),
            r.updated_at
                .with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        ]);
        let title = sanitize::line(r.checklist_title.get(lang.code()));
        names.push(if r.organisation.is_empty() {
            title
        } else {
            format!("{} · {title}", sanitize::line(&r.organisation))
        });
    }
    let room = width.unwrap_or(80).saturating_sub(2);
    let mut out = String::new();
    for (line, name) in super::table::align(&rows, width, &[]).iter().zip(names) {
        out.push_str(line);
        out.push('\n');
        if !name.is_empty() {
            out.push_str("  ");
            out.push_str(&crate::tui::view::ellipsize(&name, room));
            out.push('\n');
        }
    }
    out
}

fn render_full(list: &[RecordSummary], lang: Lang) -> String {
    let s = strings(lang);
    let mut rows: Vec<[String; 6]> = vec![[
        s.id.into(),
        s.checklist.into(),
        s.organisation.into(),
        s.status.into(),
        s.progress.into(),
        s.updated.into(),
    ]];
    for r in list {
        rows.push([
            sanitize::line(&r.id),
            sanitize::line(r.checklist_title.get(lang.code())),
            sanitize::line(&r.organisation),
            status_word(r.status, s).into(),
            format!("{}/{}", r.answered, r.total),
            crate::checklist::value::format_date_time(
                &r.updated_at.with_timezone(&Local).naive_local(),
                lang,
            ),
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(w - cell.width()));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The list as a JSON array of objects (one per record).
pub fn render_json(list: &[RecordSummary], lang: Lang) -> String {
    let items: Vec<serde_json::Value> = list
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "path": r.path.to_string_lossy(),
                "checklist_id": r.checklist_id,
                "checklist_title": r.checklist_title.get(lang.code()),
                "organisation": r.organisation,
                "status": match r.status {
                    Status::InProgress => "in_progress",
                    Status::Finished => "finished",
                },
                "answered": r.answered,
                "total": r.total,
                "updated_at": r.updated_at.to_rfc3339(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}
