//! Draws the start screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, List, ListItem, ListState, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::{block, draw_hints, too_small};
use crate::i18n::tui::strings;
use crate::tui::keys::{self, Screen};
use crate::tui::start::{StartKind, StartScreen};
use crate::tui::theme::Theme;

/// Draws the start screen over the whole frame.
pub fn draw(frame: &mut Frame, screen: &StartScreen, theme: &Theme) {
    let area = frame.area();
    if too_small(frame, area, screen.lang, theme) {
        return;
    }
    let s = strings(screen.lang);
    let [body, hints] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut items = Vec::new();
    let mut selected = None;
    for kind in StartKind::ORDER {
        let heading = match kind {
            StartKind::Resume => s.in_progress,
            StartKind::New => s.checklists,
            // Shown only when there is a finished inspection to follow up.
            StartKind::FollowUp if screen.items.iter().any(|i| i.kind == kind) => {
                crate::i18n::followup::text(screen.lang).finished_heading
            }
            StartKind::FollowUp => continue,
        };
        items.push(ListItem::new(Line::from(Span::styled(
            heading,
            theme.title(),
        ))));
        let mut any = false;
        for (i, item) in screen
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kind == kind)
        {
            any = true;
            if i == screen.cursor {
                selected = Some(items.len());
            }
            items.push(ListItem::new(Line::from(vec![
                Span::raw("  "),
                Span::styled(item.title.clone(), theme.prompt()),
                Span::styled(format!("  {}", item.detail), theme.dim()),
            ])));
        }
        if !any {
            items.push(ListItem::new(Line::from(Span::styled(
                format!("  {}", s.none_in_progress),
                theme.dim(),
            ))));
        }
        items.push(ListItem::new(Line::from("")));
    }
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(items)
            .block(block(" onsite ", theme))
            .highlight_style(theme.selected()),
        body,
        &mut state,
    );
    if screen.help {
        let rows: Vec<Row> = keys::help_rows(Screen::Start)
            .map(|b| {
                Row::new(vec![
                    Cell::from(Span::styled(b.label, theme.title())),
                    Cell::from(b.describe(screen.lang)),
                ])
            })
            .collect();
        let w = keys::help_rows(Screen::Start)
            .map(|b| b.label.width())
            .max()
            .unwrap_or(8);
        let h = u16::try_from(rows.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2);
        let r = body.centered(Constraint::Percentage(90), Constraint::Length(h));
        frame.render_widget(Clear, r);
        frame.render_widget(
            Table::new(
                rows,
                [
                    Constraint::Length(u16::try_from(w).unwrap_or(10)),
                    Constraint::Fill(1),
                ],
            )
            .column_spacing(2)
            .block(block(format!(" {} ", s.help), theme)),
            r,
        );
    }
    draw_hints(
        frame,
        hints,
        &keys::hints(Screen::Start, screen.lang),
        theme,
    );
}
