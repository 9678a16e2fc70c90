//! The title-page form: the checklist's header fields, required ones marked, the focused
//! one highlighted (or being edited). A label or value too long for its column ends in
//! `…` and is shown whole under the form while its field is focused.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{block, ellipsize, tr};
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
        Constraint::Length(4),
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
    let mut cut = false;
    for ((i, field), row) in shown.into_iter().zip(rows) {
        let [label_area, value_area] = row.layout(&Layout::horizontal([
            Constraint::Length(label_w),
            Constraint::Fill(1),
        ]));
        let focused = i == app.header.focus;
        let mark = if field.required {
            format!(" {} ", s.required_mark)
        } else {
            " ".to_string()
        };
        let room = usize::from(label_w).saturating_sub(1 + mark.width());
        let full_label = tr(&field.label, app.lang);
        let label_text = ellipsize(&full_label, room);
        let label = vec![
            Span::raw(if focused { t.marks.current } else { " " }),
            Span::styled(
                label_text.clone(),
                if focused { t.title() } else { t.prompt() },
            ),
            Span::styled(mark, t.required()),
        ];
        frame.render_widget(Paragraph::new(Line::from(label)), label_area);
        if focused && app.header.editing {
            frame.render_widget(&app.header.area, value_area);
        } else {
            let raw = record.header.get(&field.id).cloned().unwrap_or_default();
            let value = crate::sanitize::line(&crate::checklist::value::format_header(
                field.kind, &raw, app.lang,
            ));
            let shown = ellipsize(&value, usize::from(value_area.width));
            if focused {
                cut = shown != value || label_text != full_label;
            }
            let style = if focused {
                t.selected()
            } else {
                ratatui::style::Style::new()
            };
            frame.render_widget(Paragraph::new(Span::styled(shown, style)), value_area);
        }
    }
    // Under the form: the focused field whole when its row cuts it, then its help.
    let mut below = Vec::new();
    if let Some(field) = fields.get(app.header.focus) {
        if cut {
            let raw = record.header.get(&field.id).cloned().unwrap_or_default();
            let value = crate::checklist::value::format_header(field.kind, &raw, app.lang);
            below.push(Line::from(vec![
                Span::styled(format!("{}: ", tr(&field.label, app.lang)), t.prompt()),
                Span::raw(crate::sanitize::line(&value)),
            ]));
        }
        if let Some(help) = &field.help {
            below.push(Line::from(Span::styled(tr(help, app.lang), t.dim())));
        }
    }
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), help_area);
}
