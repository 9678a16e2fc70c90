//! The outline pane (from 100 columns): sections and their visible questions with marks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{block, tr};
use crate::checklist::{Checklist, Question, QuestionType, numbering};
use crate::record::Answer;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// The mark of a question (answered, flagged, awaiting, empty, info) and its style.
pub fn mark(
    checklist: &Checklist,
    q: &Question,
    answer: Option<&Answer>,
    theme: &Theme,
) -> (&'static str, Style) {
    let m = &theme.marks;
    if q.kind == QuestionType::Info {
        return (m.info, theme.dim());
    }
    if answer.is_some_and(|a| a.awaiting_evidence) {
        return (m.awaiting, theme.flagged());
    }
    match answer.and_then(|a| a.value.as_ref()) {
        None => (m.empty, theme.dim()),
        Some(v) => {
            if checklist.is_flagged(q, v) {
                (m.flagged, theme.flagged())
            } else {
                (m.answered, theme.good())
            }
        }
    }
}

/// Whether the `k`-th visible question starts a section in the outline (gets a title row).
fn starts_section(app: &App, k: usize) -> bool {
    let section = |k: usize| app.session.visible_nth(k).map(|(si, _)| si);
    k == 0 || section(k) != section(k - 1)
}

/// Rows of the visible questions `from..to` (their section title rows included).
fn rows_between(app: &App, from: usize, to: usize) -> usize {
    (from..to)
        .map(|k| 1 + usize::from(starts_section(app, k)))
        .sum()
}

/// The first visible question shown, kept from frame to frame (`App::outline_top`): the
/// pane scrolls only when the current question comes within `margin` rows of an edge, and
/// then by half a pane, so that moving one question does not resend the whole pane.
/// Work is proportional to the pane's height, never to the checklist's size.
fn scroll_top(app: &App, current: usize, height: usize) -> usize {
    let margin = (height / 5).min(3);
    let mut top = app.outline_top.get().min(current);
    let title = usize::from(starts_section(app, current));
    let row = rows_between(app, top, current.min(top + height)) + title;
    let above = if top == current { 0 } else { row - title };
    let too_low = current >= top + height || row + margin >= height;
    let too_high = top > 0 && above < margin;
    if too_low || too_high {
        // Put the current question about a third (moving down) or two thirds (moving
        // up) into the pane.
        let target = if too_low { height / 3 } else { height * 2 / 3 };
        top = current;
        let mut rows = title;
        while top > 0 && rows + 1 + usize::from(starts_section(app, top - 1)) <= target {
            top -= 1;
            rows += 1 + usize::from(starts_section(app, top));
        }
    }
    app.outline_top.set(top);
    top
}

/// Draws the outline: only the rows that fit.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let record = app.session.record();
    let checklist = &record.checklist;
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let current = app.session.current_rank();
    let top = scroll_top(app, current.unwrap_or(0), height);
    let mut items = Vec::with_capacity(height + 1);
    let mut selected = None;
    let mut k = top;
    while items.len() < height {
        let Some((si, q)) = app.session.visible_nth(k) else {
            break;
        };
        if starts_section(app, k) {
            let title = checklist
                .sections
                .get(si)
                .map(|sec| tr(&sec.title, app.lang).to_string())
                .unwrap_or_default();
            let mut heading = numbering::section_heading(checklist, si, &title);
            // A shared inspection: who takes the section.
            if let Some(who) = checklist
                .sections
                .get(si)
                .and_then(|sec| app.session.record().team.as_ref()?.assignee(&sec.id))
            {
                heading = format!("{heading} · {}", crate::sanitize::line(who));
            }
            items.push(ListItem::new(Line::from(Span::styled(heading, t.title()))));
            if items.len() >= height {
                break;
            }
        }
        let answer = app.session.answer(&q.id);
        let (sym, style) = mark(checklist, q, answer, t);
        let is_current = current == Some(k);
        if is_current {
            selected = Some(items.len());
        }
        let note = answer.is_some_and(|a| !a.note.is_empty());
        let spans = vec![
            Span::raw(if is_current { t.marks.current } else { " " }),
            Span::styled(format!("{sym} "), style),
            Span::raw(tr(&q.prompt, app.lang).to_string()),
            Span::styled(
                if note {
                    format!(" {}", t.marks.note)
                } else {
                    String::new()
                },
                t.dim(),
            ),
        ];
        items.push(ListItem::new(Line::from(spans)));
        k += 1;
    }
    let list = List::new(items)
        .block(block(format!(" {} ", s.outline), t))
        .highlight_style(t.selected());
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}
