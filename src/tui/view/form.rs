//! One form, drawn the same way wherever the TUI edits labelled values: the title page
//! (the checklist's header fields) and the document profile. Required rows are marked, the
//! focused row is highlighted (or shows its editor); a label or value too long for its
//! column ends in `…` and is shown whole under the form while its row is focused, above
//! the row's help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::{block, ellipsize};
use crate::tui::theme::Theme;

/// One row of a form: texts already inert and in the UI language.
#[derive(Debug, Clone)]
pub struct Row {
    /// The label.
    pub label: String,
    /// The value as shown.
    pub value: String,
    /// Marked as required.
    pub required: bool,
    /// Help shown under the form while the row is focused.
    pub help: Option<String>,
}

/// A form to draw.
pub struct Form<'a> {
    /// The block's title.
    pub title: String,
    /// The rows.
    pub rows: &'a [Row],
    /// The focused row.
    pub focus: usize,
    /// The editor of the focused row, while it is being edited.
    pub editor: Option<&'a TextArea<'static>>,
    /// The mark of a required row.
    pub required_mark: &'a str,
}

/// Draws the form into `area`.
pub fn draw(frame: &mut Frame, area: Rect, form: &Form, t: &Theme) {
    let outer = block(form.title.clone(), t);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [rows_area, help_area] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(4),
    ]));
    let visible = usize::from(rows_area.height).max(1);
    let offset = form.focus.saturating_sub(visible.saturating_sub(1));
    let shown: Vec<_> = form
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .collect();
    let areas = rows_area.layout_vec(&Layout::vertical(
        shown
            .iter()
            .map(|_| Constraint::Length(1))
            .collect::<Vec<_>>(),
    ));
    let label_w = form
        .rows
        .iter()
        .map(|r| r.label.width() + 4)
        .max()
        .unwrap_or(10);
    let label_w = u16::try_from(label_w)
        .unwrap_or(u16::MAX)
        .min(inner.width / 2);
    let mut cut = false;
    for ((i, row), line) in shown.into_iter().zip(areas) {
        let [label_area, value_area] = line.layout(&Layout::horizontal([
            Constraint::Length(label_w),
            Constraint::Fill(1),
        ]));
        let focused = i == form.focus;
        let mark = if row.required {
            format!(" {} ", form.required_mark)
        } else {
            " ".to_string()
        };
        let room = usize::from(label_w).saturating_sub(1 + mark.width());
        let label_text = ellipsize(&row.label, room);
        let label = vec![
            Span::raw(if focused { t.marks.current } else { " " }),
            Span::styled(
                label_text.clone(),
                if focused { t.title() } else { t.prompt() },
            ),
            Span::styled(mark, t.required()),
        ];
        frame.render_widget(Paragraph::new(Line::from(label)), label_area);
        match form.editor.filter(|_| focused) {
            Some(editor) => frame.render_widget(editor, value_area),
            None => {
                let shown = ellipsize(&row.value, usize::from(value_area.width));
                if focused {
                    cut = shown != row.value || label_text != row.label;
                }
                let style = if focused {
                    t.selected()
                } else {
                    ratatui::style::Style::new()
                };
                frame.render_widget(Paragraph::new(Span::styled(shown, style)), value_area);
            }
        }
    }
    // Under the form: the focused row whole when its line cuts it, then its help.
    let mut below = Vec::new();
    if let Some(row) = form.rows.get(form.focus) {
        if cut {
            below.push(Line::from(vec![
                Span::styled(format!("{}: ", row.label), t.prompt()),
                Span::raw(row.value.clone()),
            ]));
        }
        if let Some(help) = &row.help {
            below.push(Line::from(Span::styled(help.clone(), t.dim())));
        }
    }
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), help_area);
}
