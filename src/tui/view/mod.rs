//! Drawing: one function per screen, the shared status lines, the "too small" screen.
//!
//! Every area comes from `Layout` (never hand-computed `Rect`s), so no size can panic.

pub mod header;
pub mod inspection;
pub mod outline;
pub mod overlays;
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
    // A long message (a save error names a path and a reason) wraps onto up to four
    // lines rather than being cut at the edge (one more than its width needs, for the
    // words that wrap early).
    let width = usize::from(area.width.max(1));
    let needed = message_line.width().div_ceil(width);
    let rows = (needed + usize::from(needed > 1)).clamp(1, 4) as u16;
    let [body, message, hints] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows),
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
    let hint_text = keys::hints(app.screen(), app.lang);
    let hint_text = if hint_text.is_empty() {
        overlays::hint(app).to_string()
    } else {
        hint_text
    };
    draw_hints(frame, hints, &hint_text, &app.theme);
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
    } else {
        Line::from(Span::styled(
            format!("{} {}", t.marks.answered, s.saved),
            t.dim(),
        ))
    }
}

/// The key-hint line at the bottom.
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
