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

/// Widest checklist title and organisation shown in the table.
const MAX_COLUMN: usize = 36;

/// Runs `onsite list`.
pub fn run(ctx: &Context, json: bool) -> Outcome {
    let store = Store::new(&ctx.data_dir);
    let (list, warnings) = store.list();
    let s = strings(ctx.lang);
    for w in &warnings {
        eprintln!("onsite: {}: {}", s.warning, sanitize::line(w));
    }
    let out = if json {
        render_json(&list, ctx.lang)
    } else if list.is_empty() {
        format!("{}\n", s.empty)
    } else {
        render_table(&list, ctx.lang)
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

fn fit(text: &str, max: usize) -> String {
    let text = sanitize::line(text);
    if text.width() <= max {
        return text;
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The table: id, checklist, organisation, status, progress n/m, updated (local time).
pub fn render_table(list: &[RecordSummary], lang: Lang) -> String {
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
            fit(r.checklist_title.get(lang.code()), MAX_COLUMN),
            fit(&r.organisation, MAX_COLUMN),
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
