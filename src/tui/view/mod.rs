//! Drawing: one function per screen, the shared status lines, the "too small" screen.
//!
//! Every area comes from `Layout` (never hand-computed `Rect`s), so no size can panic.

pub mod form;
pub mod header;
pub mod inspection;
pub mod outline;
pub mod overlays;
pub mod profile;
pub mod start;
pub mod summary;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, Message, Mode};
use super::keys;
use super::theme::Theme;
use crate::checklist::Text;
use crate::i18n::Lang;

/// The smallest usable terminal.
pub const MIN_WIDTH: u16 = 40;
/// The smallest usable terminal.
pub const MIN_HEIGHT: u16 = 12;
/// From this width the outline pane is shown.
pub const OUTLINE_WIDTH: u16 = 100;

/// Draws the whole app.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if too_small(frame, area, app.lang, &app.theme) {
        return;
    }
    let message_line = message_line(app);
    // A long message (an export's paths, a save error) wraps over up to four rows rather
    // than being cut.
    let message_rows =
        inspection::wrapped_height(std::slice::from_ref(&message_line), area.width).clamp(1, 4);
    let [body, message, hints] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(message_rows).unwrap_or(1)),
        Constraint::Length(1),
    ]));
    match app.mode {
        Mode::Header => header::draw(frame, body, app),
        Mode::Inspection => inspection::draw(frame, body, app),
        Mode::Summary => summary::draw(frame, body, app),
    }
    overlays::draw(frame, body, app);
    frame.render_widget(
        Paragraph::new(message_line).wrap(Wrap { trim: false }),
        message,
    );
    let hint_text = fit_hints(
        &keys::hint_parts(app.screen(), app.lang, app.access()),
        hints.width,
    );
    draw_hints(frame, hints, &hint_text, &app.theme);
}

/// The hints that fit in `width` columns, in table order, always ending with the help and
/// quit keys when there are some (`?` lists every key), `…` where some were left out.
pub fn fit_hints(parts: &[&str], width: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width);
    let joined = parts.join("  ");
    if joined.width() <= width {
        return joined;
    }
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| p.starts_with("? ") || p.starts_with("q "))
        .collect();
    let tail = kept.join("  ");
    let reserve = tail.width() + 4;
    let mut out = String::new();
    for p in parts.iter().filter(|p| !kept.contains(p)) {
        let extra = if out.is_empty() { 0 } else { 2 } + p.width();
        if out.width() + extra + reserve > width {
            break;
        }
        if !out.is_empty() {
            out.push_str("  ");
        }
        out.push_str(p);
    }
    out.push_str(" …");
    if !tail.is_empty() {
        out.push_str("  ");
        out.push_str(&tail);
    }
    ellipsize(&out, width)
}

/// `text` cut to `width` display columns, ending with `…` when it was cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draws "terminal too small" when the area is below the minimum; returns whether it did.
pub fn too_small(frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) -> bool {
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let text = crate::i18n::tui::strings(lang).too_small;
    let p = Paragraph::new(text)
        .style(theme.error())
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(p, area);
    true
}

/// The message line: a save error first, then a message, then the save state ("saving…"
/// while a save runs or typed text is not on disk yet; "saved" only when it is).
fn message_line(app: &App) -> Line<'static> {
    let s = app.strings();
    let t = &app.theme;
    if let Some(err) = &app.save_error {
        Line::from(Span::styled(format!("{}: {err}", s.save_failed), t.error()))
    } else if let Some(msg) = &app.message {
        match msg {
            Message::Info(m) => Line::from(Span::styled(m.clone(), t.good())),
            Message::Error(m) => Line::from(Span::styled(m.clone(), t.error())),
        }
    } else if app.session.is_read_only() {
        Line::from(Span::styled(s.read_only, t.flagged()))
    } else if app.is_saving() {
        Line::from(Span::styled(
            crate::i18n::safety::saving(app.lang),
            t.flagged(),
        ))
    } else if app.session.is_finished() {
        Line::from(Span::styled(s.finished_banner, t.flagged()))
    } else {
        Line::from(Span::styled(
            format!("{} {}", t.marks.answered, s.saved),
            t.dim(),
        ))
    }
}

/// The key-hint line at the bottom.
/// The foot of a screen that has no `App` (start screen, document profile): its help over
/// `body` when asked for, and the key hints of `hint_screen` in `hints`.
pub fn draw_help_and_hints(
    frame: &mut Frame,
    (body, hints): (Rect, Rect),
    (help_screen, hint_screen): (crate::tui::keys::Screen, crate::tui::keys::Screen),
    help: bool,
    lang: Lang,
    theme: &Theme,
) {
    use crate::tui::keys::{self, Access};
    if help {
        overlays::draw_help(frame, body, lang, theme, (help_screen, Access::Edit), 0);
    }
    let parts = keys::hint_parts(hint_screen, lang, Access::Edit);
    draw_hints(frame, hints, &fit_hints(&parts, hints.width), theme);
}

pub fn draw_hints(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    frame.render_widget(
        Paragraph::new(Line::from(text.to_string())).style(theme.status()),
        area,
    );
}

/// A bordered block in the theme's border set.
pub fn block<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_set(theme.border)
        .title(title)
        .title_style(theme.title())
}

/// A checklist text in the UI language, made inert (one line).
pub fn tr(text: &Text, lang: Lang) -> String {
    crate::sanitize::line(text.get(lang.code()))
}

/// Lines of a multi-line string, each made inert and styled.
pub fn lines_of(text: &str, style: Style) -> Vec<Line<'static>> {
    crate::sanitize::multiline(text)
        .split('\n')
        .map(|l| Line::from(Span::styled(l.to_string(), style)))
        .collect()
}
