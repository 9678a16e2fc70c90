//! The outline pane (from 100 columns): sections and their visible questions with marks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{block, tr};
use crate::checklist::{Checklist, Question, QuestionType};
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

/// Draws the outline.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let record = app.session.record();
    let checklist = &record.checklist;
    let current = app.session.current().map(|(_, q)| q.id.clone());
    let mut items = Vec::new();
    let mut selected = None;
    let mut last_section = None;
    for (si, q) in app.session.visible_questions() {
        if last_section != Some(si) {
            last_section = Some(si);
            let title = checklist
                .sections
                .get(si)
                .map(|sec| tr(&sec.title, app.lang).to_string())
                .unwrap_or_default();
            items.push(ListItem::new(Line::from(Span::styled(
                format!("{}. {title}", si + 1),
                t.title(),
            ))));
        }
        let (sym, style) = mark(checklist, q, app.session.answer(&q.id), t);
        let is_current = current.as_deref() == Some(q.id.as_str());
        if is_current {
            selected = Some(items.len());
        }
        let note = app
            .session
            .answer(&q.id)
            .is_some_and(|a| !a.note.is_empty());
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
    }
    let list = List::new(items)
        .block(block(format!(" {} ", s.outline), t))
        .highlight_style(t.selected());
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}
