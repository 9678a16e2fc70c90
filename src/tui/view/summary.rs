//! The summary screen: overall score and rating, section scores as bars, findings with
//! their notes, questions awaiting evidence, unanswered required questions (all from
//! `report::Summary`, as the exported report has them), and the recommendations, which the
//! inspector can edit, drop, restore and add to: each shown whole (wrapped) with its
//! responsible party and due date, its state marked by a symbol (dropped, edited, own).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::block;
use super::inspection::wrap_text;
use crate::report::format::percent;
use crate::tui::app::App;
use crate::tui::recs::{self, RecRow};
use unicode_width::UnicodeWidthStr;

/// A bar of `width` cells filled to `fraction`.
pub fn bar(fraction: f64, width: usize, full: &str, empty: &str) -> String {
    let f = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let filled = (f * width as f64).round() as usize;
    format!(
        "{}{}",
        full.repeat(filled),
        empty.repeat(width.saturating_sub(filled))
    )
}

/// Draws the summary into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let lang = app.lang;
    let summary = app.summary();
    let rows = recs::rows(&summary);
    let line = |text: String| Line::from(crate::sanitize::line(&text));

    let overall = match summary.overall.ratio() {
        Some(r) => format!(
            "{} {}",
            bar(r, 20, t.marks.bar_full, t.marks.bar_empty),
            percent(r, lang)
        ),
        None => s.not_scored.to_string(),
    };
    let mut lines: Vec<Line> = vec![
        Line::from(Span::styled(
            crate::sanitize::line(&summary.checklist.title),
            t.title(),
        )),
        Line::from(vec![
            Span::styled(format!("{}: ", s.overall), t.prompt()),
            Span::raw(overall),
            Span::styled(
                summary
                    .rating
                    .as_ref()
                    .map(|r| format!("  {}: {}", s.rating, crate::sanitize::line(r)))
                    .unwrap_or_default(),
                t.prompt(),
            ),
        ]),
        line(format!(
            "{} {}/{} {} {} {}/{}",
            s.answered,
            summary.progress.answered,
            summary.progress.total,
            t.marks.dot,
            s.required,
            summary.progress.required_answered,
            summary.progress.required_total
        )),
        Line::from(""),
        Line::from(Span::styled(s.section_scores, t.title())),
    ];
    let text_width = area.width.saturating_sub(2);
    for sec in &summary.sections {
        let score = match sec.score.ratio() {
            Some(r) => format!(
                "{} {:>6}",
                bar(r, 12, t.marks.bar_full, t.marks.bar_empty),
                percent(r, lang)
            ),
            None => format!("{} {:>6}", bar(0.0, 12, " ", " "), "-"),
        };
        // The name wraps under itself, not under the bars.
        let lead = format!("{score} {:>3}/{:<3} ", sec.answered, sec.total);
        let indent = lead.width();
        let name = crate::sanitize::line(&sec.section.heading);
        let room = usize::from(text_width).saturating_sub(indent).max(8);
        for (k, part) in wrap_text(&name, u16::try_from(room).unwrap_or(u16::MAX))
            .into_iter()
            .enumerate()
        {
            let head = if k == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(format!("{head}{part}")));
        }
    }
    let mut list = |heading: &str, items: Vec<Line<'static>>| {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(heading.to_string(), t.title())));
        if items.is_empty() {
            lines.push(Line::from(Span::styled(s.none, t.dim())));
        } else {
            lines.extend(items);
        }
    };
    let findings = summary
        .findings
        .iter()
        .flat_map(|f| {
            let mut v = vec![line(format!(
                "{} {} {} — {}",
                t.marks.flagged, f.question.number, f.question.prompt, f.answer
            ))];
            for n in f.note.split('\n').filter(|n| !n.trim().is_empty()) {
                v.push(line(format!("    {n}")));
            }
            v
        })
        .collect();
    list(s.findings, findings);
    let awaiting = summary
        .awaiting_evidence
        .iter()
        .map(|p| {
            line(format!(
                "{} {} {}",
                t.marks.awaiting, p.question.number, p.question.prompt
            ))
        })
        .collect();
    list(s.awaiting_list, awaiting);
    // Required title-page fields left empty come first, then required questions.
    let report_text = crate::i18n::report::text(lang);
    let unanswered = summary
        .missing_header
        .iter()
        .map(|f| {
            line(format!(
                "{} {}: {}",
                t.marks.empty, report_text.title_page, f.label
            ))
        })
        .chain(summary.unanswered_required.iter().map(|p| {
            line(format!(
                "{} {} {}",
                t.marks.empty, p.question.number, p.question.prompt
            ))
        }))
        .collect();
    list(s.unanswered_required, unanswered);
    if !summary.general_notes.trim().is_empty() {
        let notes = summary
            .general_notes
            .split('\n')
            .map(|l| line(l.to_string()))
            .collect();
        list(s.general_notes, notes);
    }

    let rec_lines = rec_items(app, &rows, text_width);
    let want: usize = rec_lines.iter().map(Vec::len).sum::<usize>().max(1) + 2;
    let cap = usize::from(area.height) * 3 / 5;
    let rec_height = u16::try_from(want.min(cap.max(3))).unwrap_or(3);
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(rec_height),
    ]));
    // More below the box: say so on its border, with the key that scrolls.
    let below = super::inspection::wrapped_height(&lines, text_width)
        > usize::from(top.height.saturating_sub(2)) + usize::from(app.summary_scroll);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(format!(" {} ", s.summary), t))
            .wrap(Wrap { trim: false })
            .scroll((app.summary_scroll, 0)),
        top,
    );
    if below {
        let arrow = if t.ascii { "v" } else { "↓" };
        let more = Line::from(Span::styled(format!(" ]/PgDn {arrow} "), t.flagged()));
        frame.render_widget(
            Paragraph::new(more).alignment(ratatui::layout::Alignment::Right),
            top.rows().next_back().unwrap_or(top),
        );
    }
    draw_recs(frame, bottom, app, rec_lines);
}

/// The rows of each recommendation, wrapped at `width`: its state marks, priority and
/// wording, then who is responsible and by when.
fn rec_items(app: &App, rows: &[RecRow], width: u16) -> Vec<Vec<Line<'static>>> {
    let s = app.strings();
    let t = &app.theme;
    let m = &t.marks;
    rows.iter()
        .map(|r| {
            let mut marks = String::new();
            if r.dropped {
                marks.push_str(m.dropped);
            }
            if r.edited {
                marks.push_str(m.edited);
            }
            if !r.scripted {
                marks.push_str(m.own);
            }
            let marks = format!("{marks:<2}");
            let head = format!("{marks} [{}] ", recs::priority_name(r.priority, app.lang));
            let indent = marks.width() + 1;
            let room = usize::from(width).saturating_sub(indent).max(8);
            let room = u16::try_from(room).unwrap_or(u16::MAX);
            let first_room = usize::from(width).saturating_sub(head.width()).max(8);
            let style = if r.dropped { t.dim() } else { t.prompt() };
            let mut out = Vec::new();
            // The first row after the priority, the rest under the wording.
            let first = wrap_text(&r.text, u16::try_from(first_room).unwrap_or(u16::MAX));
            let rest_text = first.iter().skip(1).cloned().collect::<Vec<_>>().join(" ");
            out.push(Line::from(vec![
                Span::styled(head, t.flagged()),
                Span::styled(first.first().cloned().unwrap_or_default(), style),
            ]));
            if !rest_text.is_empty() {
                for part in wrap_text(&rest_text, room) {
                    out.push(Line::from(vec![
                        Span::raw(" ".repeat(indent)),
                        Span::styled(part, style),
                    ]));
                }
            }
            let none = "—";
            let who = if r.responsible.is_empty() {
                none.to_string()
            } else {
                crate::sanitize::line(&r.responsible)
            };
            let due = r
                .due
                .as_deref()
                .map(|d| crate::checklist::value::format_date(&crate::sanitize::line(d), app.lang))
                .unwrap_or_else(|| none.to_string());
            let facts = format!("{}: {who} {} {}: {due}", s.responsible, m.dot, s.due);
            for part in wrap_text(&facts, room) {
                out.push(Line::from(vec![
                    Span::raw(" ".repeat(indent)),
                    Span::styled(part, t.dim()),
                ]));
            }
            out
        })
        .collect()
}

fn draw_recs(frame: &mut Frame, area: Rect, app: &App, rows: Vec<Vec<Line<'static>>>) {
    let s = app.strings();
    let t = &app.theme;
    let m = &t.marks;
    let any = !rows.is_empty();
    let items: Vec<ListItem> = if rows.is_empty() {
        vec![ListItem::new(Span::styled(s.none, t.dim()))]
    } else {
        rows.into_iter().map(ListItem::new).collect()
    };
    let title = format!(
        " {}  {} {}  {} {}  {} {} ",
        s.recommendations, m.dropped, s.dropped, m.edited, s.edited, m.own, s.own
    );
    let mut state = ListState::default().with_selected(any.then_some(app.rec_cursor));
    frame.render_stateful_widget(
        List::new(items)
            .block(block(title, t))
            .highlight_style(t.selected()),
        area,
        &mut state,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion_and_never_overflow() {
        assert_eq!(bar(0.5, 4, "#", "."), "##..");
        assert_eq!(bar(2.0, 3, "#", "."), "###");
        assert_eq!(bar(f64::NAN, 2, "#", "."), "..");
        assert_eq!(bar(-1.0, 2, "#", "."), "..");
    }
}
