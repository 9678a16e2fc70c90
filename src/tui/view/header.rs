//! The title-page form: the checklist's header fields, required ones marked, the focused
//! one being edited.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{block, tr};
use crate::tui::app::App;

/// Draws the form into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let record = app.session.record();
    let fields = &record.checklist.header;
    let title = format!(
        " {} {} {} ",
        s.header_form,
        t.marks.dot,
        tr(&record.checklist.title, app.lang)
    );
    let outer = block(title, t);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [rows_area, help_area] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
    ]));
    let visible = usize::from(rows_area.height).max(1);
    let offset = app.header.focus.saturating_sub(visible.saturating_sub(1));
    let shown: Vec<_> = fields
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .collect();
    let rows = rows_area.layout_vec(&Layout::vertical(
        shown
            .iter()
            .map(|_| Constraint::Length(1))
            .collect::<Vec<_>>(),
    ));
    let label_w = fields
        .iter()
        .map(|f| tr(&f.label, app.lang).width() + 4)
        .max()
        .unwrap_or(10);
    let label_w = u16::try_from(label_w)
        .unwrap_or(u16::MAX)
        .min(inner.width / 2);
    for ((i, field), row) in shown.into_iter().zip(rows) {
        let [label_area, value_area] = row.layout(&Layout::horizontal([
            Constraint::Length(label_w),
            Constraint::Fill(1),
        ]));
        let focused = i == app.header.focus;
        let mut label = vec![
            Span::raw(if focused { t.marks.current } else { " " }),
            Span::styled(
                tr(&field.label, app.lang),
                if focused { t.title() } else { t.prompt() },
            ),
        ];
        if field.required {
            label.push(Span::styled(format!(" {}", s.required_mark), t.required()));
        }
        frame.render_widget(Paragraph::new(Line::from(label)), label_area);
        if focused {
            frame.render_widget(&app.header.area, value_area);
        } else {
            let value = record.header.get(&field.id).cloned().unwrap_or_default();
            let value = crate::checklist::value::format_header(field.kind, &value, app.lang);
            frame.render_widget(Paragraph::new(crate::sanitize::line(&value)), value_area);
        }
    }
    if let Some(help) = fields.get(app.header.focus).and_then(|f| f.help.as_ref()) {
        frame.render_widget(
            Paragraph::new(Span::styled(tr(help, app.lang).to_string(), t.dim()))
                .wrap(Wrap { trim: true }),
            help_area,
        );
    }
}
