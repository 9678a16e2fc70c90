//! The aggregate as Markdown (one table per checklist), CSV (one block per checklist,
//! UTF-8 byte-order mark, RFC 4180 quoting, CRLF) and JSON (`onsite-aggregate/1`).

use std::fmt::Write;

use serde::Serialize;

use super::aggregate::{Aggregate, Group, Row, Visit};
use super::escape::{csv as c, md, md_cell};
use super::format;
use crate::i18n::followup::{FollowUpText, text as followup_text};
use crate::i18n::report::{ReportText, text};
use crate::lang::Lang;
use crate::record::Status;

/// The format string of the JSON aggregate.
pub const AGGREGATE_FORMAT: &str = "onsite-aggregate/1";

/// The formats of the aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown tables.
    Md,
    /// CSV for spreadsheets.
    Csv,
    /// JSON.
    Json,
}

/// Renders the aggregate.
pub fn render(a: &Aggregate, format: Format, lang: Lang) -> String {
    match format {
        Format::Md => markdown(a, lang),
        Format::Csv => csv(a, lang),
        Format::Json => json(a),
    }
}

pub(crate) fn status(s: Status, t: &ReportText) -> &'static str {
    match s {
        Status::InProgress => t.in_progress,
        Status::Finished => t.finished,
    }
}

pub(crate) fn headers(g: &Group, t: &ReportText) -> Vec<String> {
    let mut h = vec![
        t.record.to_string(),
        t.organisation.to_string(),
        t.date.to_string(),
        t.status.to_string(),
        t.overall.to_string(),
        t.rating.to_string(),
    ];
    h.extend(g.sections.iter().map(|s| s.heading.clone()));
    h.push(t.findings.to_string());
    h.push(t.open_recommendations.to_string());
    h
}

/// Markdown tables, one per checklist.
pub fn markdown(a: &Aggregate, lang: Lang) -> String {
    let t = text(lang);
    let mut out = format!("# {}\n\n", t.aggregate);
    if a.is_empty() {
        let _ = writeln!(out, "{}", t.none);
    }
    for g in &a.groups {
        let _ = writeln!(out, "## {} ({})\n", md(&g.title), md(&g.checklist));
        let _ = writeln!(out, "{}: {}\n", t.inspections, g.rows.len());
        let hs: Vec<String> = headers(g, t).iter().map(|h| md_cell(h)).collect();
        let _ = writeln!(out, "| {} |", hs.join(" | "));
        let aligns: Vec<&str> = (0..hs.len())
            .map(|i| if i < 4 || i == 5 { "---" } else { "---:" })
            .collect();
        let _ = writeln!(out, "|{}|", aligns.join("|"));
        for r in &g.rows {
            let pct = |s: &crate::report::Score| {
                format::score_percent(s, lang).unwrap_or_else(|| "—".into())
            };
            let mut cells = vec![
                md_cell(&r.record),
                md_cell(&r.organisation),
                md_cell(&format::date(&r.date, lang)),
                status(r.status, t).to_string(),
                pct(&r.overall),
                md_cell(r.rating.as_deref().unwrap_or("—")),
            ];
            cells.extend(
                r.sections
                    .iter()
                    .map(|s| s.as_ref().map_or("—".into(), pct)),
            );
            cells.push(r.findings.to_string());
            cells.push(r.open_recommendations.to_string());
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
        series_markdown(&mut out, g, lang);
    }
    out
}

/// The column headings of a series table.
fn series_headers(t: &ReportText, f: &FollowUpText) -> Vec<String> {
    [
        f.round,
        t.record,
        t.date,
        t.overall,
        t.rating,
        f.implemented_of,
        t.open_recommendations,
    ]
    .map(str::to_string)
    .to_vec()
}

/// Previous recommendations implemented out of those checked: `2/4`, or `—` on a first visit.
fn implemented_cell(v: &Visit) -> String {
    match (v.implemented, v.followed_up) {
        (Some(i), Some(n)) => format!("{i}/{n}"),
        _ => "—".into(),
    }
}

/// The visits of each organisation inspected more than once, one table each.
fn series_markdown(out: &mut String, g: &Group, lang: Lang) {
    if g.series.is_empty() {
        return;
    }
    let (t, f) = (text(lang), followup_text(lang));
    let _ = writeln!(out, "### {}\n", f.series);
    for series in &g.series {
        let _ = writeln!(out, "#### {}\n", md(&series.organisation));
        let hs: Vec<String> = series_headers(t, f).iter().map(|h| md_cell(h)).collect();
        let _ = writeln!(out, "| {} |", hs.join(" | "));
        let _ = writeln!(out, "|---:|---|---|---:|---|---:|---:|");
        for v in &series.visits {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                v.round,
                md_cell(&v.record),
                md_cell(&format::date(&v.date, lang)),
                format::score_percent(&v.overall, lang).unwrap_or_else(|| "—".into()),
                md_cell(v.rating.as_deref().unwrap_or("—")),
                implemented_cell(v),
                v.open
            );
        }
        out.push('\n');
    }
}

/// The series as a CSV block: organisation, round, record, date, overall (%), rating,
/// implemented, checked, open.
fn series_csv(out: &mut String, g: &Group, t: &ReportText, f: &FollowUpText) {
    if g.series.is_empty() {
        return;
    }
    out.push_str("\r\n");
    let mut h = vec![c(t.checklist), c(t.organisation)];
    h.extend(series_headers(t, f).iter().map(|x| c(x)));
    h[5] = c(&format!("{} (%)", t.overall));
    h.insert(8, c(f.checked));
    csv_row(out, &h);
    for series in &g.series {
        for v in &series.visits {
            let n = |x: Option<usize>| x.map(|x| x.to_string()).unwrap_or_default();
            csv_row(
                out,
                &[
                    c(&g.checklist),
                    c(&series.organisation),
                    v.round.to_string(),
                    c(&v.record),
                    c(&v.date),
                    csv_percent(Some(&v.overall)),
                    c(v.rating.as_deref().unwrap_or("")),
                    n(v.implemented),
                    n(v.followed_up),
                    v.open.to_string(),
                ],
            );
        }
    }
}

/// A score as a spreadsheet number: percent with one decimal, `.` separator; empty if none.
fn csv_percent(s: Option<&crate::report::Score>) -> String {
    s.and_then(|s| s.ratio())
        .map(|r| format!("{:.1}", r * 100.0))
        .unwrap_or_default()
}

fn csv_row(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// CSV: a byte-order mark, then per checklist a header row and one row per inspection;
/// blocks are separated by an empty line. The first column names the checklist.
pub fn csv(a: &Aggregate, lang: Lang) -> String {
    let t = text(lang);
    let mut out = String::from('\u{feff}');
    for (i, g) in a.groups.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let mut h = vec![c(t.checklist)];
        h.extend(headers(g, t).iter().map(|x| c(x)));
        if let Some(overall) = h.get_mut(5) {
            *overall = c(&format!("{} (%)", t.overall));
        }
        csv_row(&mut out, &h);
        for r in &g.rows {
            csv_row(&mut out, &csv_cells(g, r, t));
        }
        series_csv(&mut out, g, t, followup_text(lang));
    }
    out
}

fn csv_cells(g: &Group, r: &Row, t: &ReportText) -> Vec<String> {
    let mut cells = vec![
        c(&g.checklist),
        c(&r.record),
        c(&r.organisation),
        c(&r.date),
        c(status(r.status, t)),
        csv_percent(Some(&r.overall)),
        c(r.rating.as_deref().unwrap_or("")),
    ];
    cells.extend(r.sections.iter().map(|s| csv_percent(s.as_ref())));
    cells.push(r.findings.to_string());
    cells.push(r.open_recommendations.to_string());
    cells
}

#[derive(Serialize)]
struct JsonAggregate<'a> {
    format: &'static str,
    #[serde(flatten)]
    aggregate: &'a Aggregate,
}

/// JSON: `{"format": "onsite-aggregate/1", "groups": [...]}`.
pub fn json(a: &Aggregate) -> String {
    let doc = JsonAggregate {
        format: AGGREGATE_FORMAT,
        aggregate: a,
    };
    let mut out = serde_json::to_string_pretty(&doc)
        .expect("an Aggregate has only string keys and always serialises");
    out.push('\n');
    out
}
