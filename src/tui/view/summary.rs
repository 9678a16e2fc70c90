//! The summary screen (a simple version until `report::Summary` lands): progress per
//! section as bars, findings with their notes, questions awaiting evidence, unanswered
//! required questions, the inspector's recommendations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::outline::is_flagged;
use super::{block, tr};
use crate::tui::app::App;

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
    let record = app.session.record();
    let checklist = &record.checklist;
    let visible = app.session.visible_questions();
    let p = app.session.progress();
    let mut lines: Vec<Line> = vec![
        Line::from(Span::styled(
            tr(&checklist.title, lang).to_string(),
            t.title(),
        )),
        Line::from(format!(
            "{} {}/{}  {} {} {}/{}",
            s.answered,
            p.answered,
            p.total,
            t.marks.dot,
            s.required,
            p.required_answered,
            p.required_total
        )),
        Line::from(""),
    ];
    for (si, section) in checklist.sections.iter().enumerate() {
        let qs: Vec<_> = visible
            .iter()
            .filter(|(i, q)| *i == si && q.is_answerable())
            .collect();
        let done = qs
            .iter()
            .filter(|(_, q)| app.session.answer(&q.id).is_some_and(|a| a.value.is_some()))
            .count();
        let frac = if qs.is_empty() {
            0.0
        } else {
            done as f64 / qs.len() as f64
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{} {:>3}/{:<3} ",
                bar(frac, 12, t.marks.bar_full, t.marks.bar_empty),
                done,
                qs.len()
            )),
            Span::raw(format!("{}. {}", si + 1, tr(&section.title, lang))),
        ]));
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
    let findings: Vec<Line<'static>> = visible
        .iter()
        .filter_map(|(_, q)| {
            let a = app.session.answer(&q.id)?;
            let v = a.value.as_ref()?;
            is_flagged(checklist, q, v).then(|| {
                let mut text = format!("{} {}", t.marks.flagged, tr(&q.prompt, lang));
                if !a.note.is_empty() {
                    text.push_str(&format!(
                        " {} {}",
                        t.marks.dot,
                        crate::sanitize::line(&a.note)
                    ));
                }
                Line::from(text)
            })
        })
        .collect();
    list(s.findings, findings);
    let awaiting: Vec<Line<'static>> = visible
        .iter()
        .filter(|(_, q)| {
            app.session
                .answer(&q.id)
                .is_some_and(|a| a.awaiting_evidence)
        })
        .map(|(_, q)| Line::from(format!("{} {}", t.marks.awaiting, tr(&q.prompt, lang))))
        .collect();
    list(s.awaiting_list, awaiting);
    let unanswered: Vec<Line<'static>> = visible
        .iter()
        .filter(|(_, q)| {
            q.required
                && q.is_answerable()
                && app.session.answer(&q.id).is_none_or(|a| a.value.is_none())
        })
        .map(|(_, q)| Line::from(format!("{} {}", t.marks.empty, tr(&q.prompt, lang))))
        .collect();
    list(s.unanswered_required, unanswered);
    let own: Vec<Line<'static>> = record
        .recommendations
        .iter()
        .filter(|r| !r.dropped)
        .filter_map(|r| {
            r.text
                .as_ref()
                .map(|text| Line::from(format!("- {}", crate::sanitize::line(text))))
        })
        .collect();
    list(s.recommendations, own);
    let p = Paragraph::new(lines)
        .block(block(format!(" {} ", s.summary), t))
        .wrap(Wrap { trim: false })
        .scroll((app.summary_scroll, 0));
    frame.render_widget(p, area);
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
