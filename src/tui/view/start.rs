//! Draws the start screen: in progress, finished (when shown), checklists. An item too
//! long for the row ends in `…`, and the highlighted one is shown whole under the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{block, ellipsize, too_small};
use crate::i18n::tui::{finished_hidden, strings};
use crate::tui::keys;
use crate::tui::start::{StartItem, StartKind, StartScreen};
use crate::tui::theme::Theme;

/// One item in `width` columns: the title, then the detail, both cut with `…` when needed
/// (the detail keeps at least its own width or half the row); whether anything was cut.
fn item_line(item: &StartItem, width: usize, theme: &Theme) -> (Line<'static>, bool) {
    let room = width.saturating_sub(2);
    let detail_w = item.detail.width();
    let (title, detail) = if item.title.width() + 2 + detail_w <= room {
        (item.title.clone(), item.detail.clone())
    } else {
        let detail_room = detail_w.min(room / 2);
        let detail = ellipsize(&item.detail, detail_room);
        let title = ellipsize(&item.title, room.saturating_sub(detail.width() + 2));
        (title, detail)
    };
    let cut = title != item.title || detail != item.detail;
    let line = Line::from(vec![
        Span::raw("  "),
        Span::styled(title, theme.prompt()),
        Span::styled(format!("  {detail}"), theme.dim()),
    ]);
    (line, cut)
}

/// Draws the start screen over the whole frame.
pub fn draw(frame: &mut Frame, screen: &StartScreen, theme: &Theme) {
    let area = frame.area();
    if too_small(frame, area, screen.lang, theme) {
        return;
    }
    let s = strings(screen.lang);
    let width = usize::from(area.width.saturating_sub(2));
    let mut items = Vec::new();
    let mut selected = None;
    let mut selected_cut = false;
    let mut section = |items: &mut Vec<ListItem<'static>>, heading: &str, kind: StartKind| {
        items.push(ListItem::new(Line::from(Span::styled(
            heading.to_string(),
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
            let (line, cut) = item_line(item, width, theme);
            if i == screen.cursor {
                selected_cut = cut;
            }
            items.push(ListItem::new(line));
        }
        if !any {
            items.push(ListItem::new(Line::from(Span::styled(
                format!("  {}", s.none_in_progress),
                theme.dim(),
            ))));
        }
        items.push(ListItem::new(Line::from("")));
    };
    section(&mut items, s.in_progress, StartKind::Resume);
    let finished = screen.finished_count();
    if finished > 0 && screen.show_finished {
        section(&mut items, s.finished_list, StartKind::Finished);
    } else if finished > 0 {
        items.push(ListItem::new(Line::from(Span::styled(
            s.finished_list,
            theme.title(),
        ))));
        items.push(ListItem::new(Line::from(Span::styled(
            format!("  {}", finished_hidden(screen.lang, finished)),
            theme.dim(),
        ))));
        items.push(ListItem::new(Line::from("")));
    }
    section(&mut items, s.checklists, StartKind::New);

    // Under the list: the highlighted item whole when its row cuts it; the message line.
    let whole = screen
        .items
        .get(screen.cursor)
        .filter(|_| selected_cut && screen.offer.is_none())
        .map(|i| format!("{}  {}", i.title, i.detail));
    let whole_rows = whole.as_ref().map_or(0, |w| {
        super::inspection::wrap_text(w, area.width).len().min(3)
    });
    let message = screen.message.clone();
    let [body, whole_area, message_area, hints] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(whole_rows).unwrap_or(0)),
        Constraint::Length(u16::from(message.is_some())),
        Constraint::Length(1),
    ]));
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(items)
            .block(block(" onsite ", theme))
            .highlight_style(theme.selected()),
        body,
        &mut state,
    );
    if let Some(w) = whole {
        frame.render_widget(
            Paragraph::new(Span::styled(w, theme.prompt())).wrap(Wrap { trim: true }),
            whole_area,
        );
    }
    if let Some(m) = message {
        frame.render_widget(Paragraph::new(Span::styled(m, theme.error())), message_area);
    }
    if let Some((_, text)) = &screen.offer {
        let inner_w = body.width.saturating_sub(6).max(1);
        let rows = super::inspection::wrap_text(text, inner_w).len();
        let h = u16::try_from(rows + 2).unwrap_or(u16::MAX);
        let r = body.centered(Constraint::Percentage(90), Constraint::Length(h));
        frame.render_widget(Clear, r);
        frame.render_widget(
            Paragraph::new(text.clone())
                .wrap(Wrap { trim: true })
                .block(block(format!(" {} ", s.offer_title), theme)),
            r,
        );
    }
    super::draw_help_and_hints(
        frame,
        (body, hints),
        (keys::Screen::Start, screen.screen()),
        screen.help,
        screen.lang,
        theme,
    );
}
