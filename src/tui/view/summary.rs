//! The summary screen: overall score and rating, section scores as bars, findings with
//! their notes, questions awaiting evidence, unanswered required questions (all from
//! `report::Summary`, as the exported report has them), and the recommendations, which the
//! inspector can edit, drop, restore and add to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::block;
use crate::report::format::percent;
use crate::tui::app::App;
use crate::tui::recs::{self, RecRow};

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
    for sec in &summary.sections {
        let score = match sec.score.ratio() {
            Some(r) => format!(
                "{} {:>6}",
                bar(r, 12, t.marks.bar_full, t.marks.bar_empty),
                percent(r, lang)
            ),
            None => format!("{} {:>6}", bar(0.0, 12, " ", " "), "-"),
        };
        lines.push(line(format!(
            "{score} {:>3}/{:<3} {}",
            sec.answered, sec.total, sec.section.heading
        )));
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

    let rec_height = u16::try_from(rows.len().clamp(1, 8))
        .unwrap_or(8)
        .saturating_add(2);
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(rec_height),
    ]));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(format!(" {} ", s.summary), t))
            .wrap(Wrap { trim: false })
            .scroll((app.summary_scroll, 0)),
        top,
    );
    draw_recs(frame, bottom, app, &rows);
}

fn draw_recs(frame: &mut Frame, area: Rect, app: &App, rows: &[RecRow]) {
    let s = app.strings();
    let t = &app.theme;
    let items: Vec<ListItem> = if rows.is_empty() {
        vec![ListItem::new(Span::styled(s.none, t.dim()))]
    } else {
        rows.iter()
            .map(|r| {
                let mut spans = vec![
                    Span::styled(
                        format!("[{}] ", recs::priority_name(r.priority, app.lang)),
                        t.flagged(),
                    ),
                    Span::styled(r.text.clone(), if r.dropped { t.dim() } else { t.prompt() }),
                ];
                if !r.responsible.is_empty() {
                    spans.push(Span::raw(format!(
                        " {} {}: {}",
                        t.marks.dot, s.responsible, r.responsible
                    )));
                }
                if let Some(d) = &r.due {
                    spans.push(Span::raw(format!(
                        " {} {}: {}",
                        t.marks.dot,
                        s.due,
                        crate::checklist::value::format_date(&crate::sanitize::line(d), app.lang)
                    )));
                }
                if !r.scripted {
                    spans.push(Span::styled(format!(" ({})", s.own), t.dim()));
                }
                if r.dropped {
                    spans.push(Span::styled(format!(" ({})", s.dropped), t.dim()));
                }
                ListItem::new(Line::from(spans))
            })
            .collect()
    };
    let mut state =
        ListState::default().with_selected((!rows.is_empty()).then_some(app.rec_cursor));
    frame.render_stateful_widget(
        List::new(items)
            .block(block(format!(" {} ", s.recommendations), t))
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
