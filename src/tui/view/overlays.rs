//! The overlays: help (from the key table), search, option list, answer input, note
//! editor, recommendation editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, List, ListItem, ListState, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::{block, tr};
use crate::checklist::{Priority, QuestionType};
use crate::tui::app::App;
use crate::tui::editors::{Overlay, RecField};
use crate::tui::keys::{self, Screen};

fn popup(area: Rect, width: u16, height: Constraint) -> Rect {
    area.centered(Constraint::Percentage(width), height)
}

/// Draws the overlay, if any, over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    match &app.overlay {
        Overlay::None => {}
        Overlay::History(scroll) => crate::tui::team_view::draw_history(frame, area, app, *scroll),
        Overlay::Conflicts(cursor) => {
            crate::tui::team_view::draw_conflicts(frame, area, app, *cursor)
        }
        Overlay::Help(screen) => draw_help(
            frame,
            area,
            app.lang,
            &app.theme,
            (*screen, app.access()),
            app.help_scroll,
        ),
        Overlay::Search(state) => draw_search(frame, area, app, state),
        Overlay::Options(editor) => draw_options(frame, area, app, editor),
        Overlay::Line(textarea) => {
            let s = app.strings();
            let kind = app.session.current().map(|(_, q)| q.kind);
            let mut title = match kind {
                Some(QuestionType::Number) => s.edit_number.to_string(),
                Some(QuestionType::Date) => s.edit_date.to_string(),
                _ => s.edit_text.to_string(),
            };
            if let Some((_, q)) = app.session.current() {
                if let Some(u) = &q.unit {
                    title.push_str(&format!(" [{}]", tr(u, app.lang)));
                }
                if q.min.is_some() || q.max.is_some() {
                    let f = |v: Option<f64>| {
                        v.map(|n| crate::checklist::value::format_number(n, app.lang))
                            .unwrap_or_default()
                    };
                    title.push_str(&format!(" {}..{}", f(q.min), f(q.max)));
                }
            }
            let r = popup(area, 90, Constraint::Length(3));
            frame.render_widget(Clear, r);
            let b = block(format!(" {title} "), &app.theme);
            let inner = b.inner(r);
            frame.render_widget(b, r);
            frame.render_widget(&**textarea, inner);
        }
        Overlay::Rescue(textarea) => {
            let s = app.strings();
            let error = app.save_error.clone().unwrap_or_default();
            let r = popup(area, 90, Constraint::Length(5));
            frame.render_widget(Clear, r);
            let b = block(format!(" {} ", s.rescue_title), &app.theme);
            let inner = b.inner(r);
            frame.render_widget(b, r);
            let [why, path] = inner.layout(&Layout::vertical([
                Constraint::Length(2),
                Constraint::Length(1),
            ]));
            frame.render_widget(
                Paragraph::new(crate::sanitize::line(&error))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                why,
            );
            frame.render_widget(&**textarea, path);
        }
        Overlay::Note(editor) => {
            let s = app.strings();
            let title = match &editor.target {
                crate::tui::persist::NoteTarget::General => s.general_notes.to_string(),
                crate::tui::persist::NoteTarget::Question(id) => {
                    let prompt = app
                        .session
                        .record()
                        .checklist
                        .question(id)
                        .map(|q| tr(&q.prompt, app.lang).to_string())
                        .unwrap_or_default();
                    format!("{}: {prompt}", s.note)
                }
            };
            let r = popup(area, 94, Constraint::Percentage(90));
            frame.render_widget(Clear, r);
            let b = block(format!(" {title} "), &app.theme);
            let inner = b.inner(r);
            frame.render_widget(b, r);
            frame.render_widget(&editor.area, inner);
        }
        Overlay::RecField(editor) => {
            let s = app.strings();
            let title = match editor.field {
                RecField::Text => s.edit_rec_text,
                RecField::Responsible => s.edit_responsible,
                RecField::Due => s.edit_due,
            };
            // The wording wraps in a box tall enough for a long sentence.
            let rows = match editor.field {
                RecField::Text => editor_rows(&editor.area, area),
                _ => 3,
            };
            let r = popup(area, 90, Constraint::Length(rows));
            frame.render_widget(Clear, r);
            let b = block(format!(" {title} "), &app.theme);
            let inner = b.inner(r);
            frame.render_widget(b, r);
            frame.render_widget(&editor.area, inner);
        }
        Overlay::Recommendation(editor) => {
            let s = app.strings();
            let p = match editor.priority {
                Priority::High => s.priorities[0],
                Priority::Medium => s.priorities[1],
                Priority::Low => s.priorities[2],
            };
            let r = popup(
                area,
                90,
                Constraint::Length(editor_rows(&editor.area, area)),
            );
            frame.render_widget(Clear, r);
            let b = block(
                format!(" {} ({}: {p}) ", s.own_recommendation, s.priority),
                &app.theme,
            );
            let inner = b.inner(r);
            frame.render_widget(b, r);
            frame.render_widget(&editor.area, inner);
        }
    }
}

/// The height of a box for a wrapping one-paragraph editor in `area`: its text wrapped at
/// the box width plus a spare row and the borders, at least 3, at most the area.
fn editor_rows(editor: &ratatui_textarea::TextArea<'_>, area: Rect) -> u16 {
    let width = popup(area, 90, Constraint::Length(3))
        .width
        .saturating_sub(2);
    let text = editor.lines().join(" ");
    let rows = super::inspection::wrap_text(&text, width.max(1)).len() + 1;
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .clamp(3, area.height.max(3))
}

/// The help of a key-table screen, as shown under an access (only the keys that work
/// there), scrolled by `scroll` rows: the one help renderer of every screen.
pub fn draw_help(
    frame: &mut Frame,
    area: Rect,
    lang: crate::i18n::Lang,
    t: &crate::tui::theme::Theme,
    (screen, access): (Screen, keys::Access),
    scroll: usize,
) {
    let s = crate::i18n::tui::strings(lang);
    let label_w = keys::help_rows(screen, access)
        .map(|b| b.label.width())
        .max()
        .unwrap_or(8);
    let label_w = u16::try_from(label_w).unwrap_or(12);
    let r = popup(area, 96, Constraint::Percentage(100));
    // Descriptions wrap under themselves, so nothing is cut at 80 columns.
    let text_w = r.width.saturating_sub(2 + label_w + 2).max(1);
    let mut height = 2u16;
    let rows: Vec<Row> = keys::help_rows(screen, access)
        .map(|b| {
            let lines = super::inspection::wrap_text(b.describe(lang), text_w);
            let rows = u16::try_from(lines.len()).unwrap_or(1);
            height = height.saturating_add(rows);
            Row::new(vec![
                Cell::from(Span::styled(b.label, t.title())),
                Cell::from(lines.into_iter().map(Line::from).collect::<Vec<_>>()),
            ])
            .height(rows)
        })
        .collect();
    let r = popup(area, 96, Constraint::Length(height));
    frame.render_widget(Clear, r);
    let table = Table::new(rows, [Constraint::Length(label_w), Constraint::Fill(1)])
        .column_spacing(2)
        .block(block(format!(" {} ", s.help), t));
    let mut state = TableState::default().with_offset(scroll);
    frame.render_stateful_widget(table, r, &mut state);
}

fn draw_search(frame: &mut Frame, area: Rect, app: &App, state: &crate::tui::editors::SearchState) {
    let s = app.strings();
    let t = &app.theme;
    let r = popup(area, 94, Constraint::Percentage(90));
    frame.render_widget(Clear, r);
    let b = block(format!(" {} ", s.search), t);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let [query, list_area] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/ ", t.title()),
            Span::raw(state.query.clone()),
            Span::styled("_", t.selected()),
        ])),
        query,
    );
    let checklist = &app.session.record().checklist;
    let items: Vec<ListItem> = state
        .results
        .iter()
        .filter_map(|id| checklist.questions().find(|(_, q)| q.id == *id))
        .map(|(si, q)| {
            // The number printed on the checklist; an information item shows its section's.
            let number = crate::checklist::numbering::number_in(checklist, si, q)
                .or_else(|| {
                    crate::checklist::numbering::section_number(checklist, si)
                        .map(|n| format!("{n}."))
                })
                .unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::styled(format!("{number} "), t.dim()),
                Span::raw(tr(&q.prompt, app.lang).to_string()),
            ]))
        })
        .collect();
    if items.is_empty() && !state.query.trim().is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(s.no_matches, t.dim())),
            list_area,
        );
        return;
    }
    let mut ls = ListState::default().with_selected(Some(state.cursor));
    frame.render_stateful_widget(
        List::new(items).highlight_style(t.selected()),
        list_area,
        &mut ls,
    );
}

fn draw_options(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    editor: &crate::tui::editors::OptionsEditor,
) {
    let s = app.strings();
    let t = &app.theme;
    let Some((_, q)) = app.session.current() else {
        return;
    };
    let options = app.session.record().checklist.options_of(q);
    let items: Vec<ListItem> = options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let chosen = editor.chosen.get(i).copied().unwrap_or(false);
            let key = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".into()
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!(" {key} "), t.title()),
                Span::raw(format!(
                    "{} ",
                    if chosen {
                        t.marks.chosen
                    } else {
                        t.marks.unchosen
                    }
                )),
                Span::raw(tr(&o.label, app.lang).to_string()),
            ]))
        })
        .collect();
    let height = u16::try_from(items.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let r = popup(area, 90, Constraint::Length(height));
    frame.render_widget(Clear, r);
    let title = format!(" {}: {} ", s.edit_options, tr(&q.prompt, app.lang));
    let mut ls = ListState::default().with_selected(Some(editor.cursor));
    frame.render_stateful_widget(
        List::new(items)
            .block(block(title, t))
            .highlight_style(t.selected()),
        r,
        &mut ls,
    );
}
