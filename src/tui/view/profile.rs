//! Draws the document-profile form: every fact with its label in the UI language (a fact
//! not set shows the dotted blank the documents print), drawn by the one [`super::form`];
//! the message line (saved, or why not) and the key hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};

use super::form::{self, Form, Row};
use super::too_small;
use crate::i18n::profile_form;
use crate::report::doc::BLANK;
use crate::report::doc::profile::{self, KEYS};
use crate::tui::keys;
use crate::tui::profile::{Note, ProfileScreen};
use crate::tui::theme::Theme;

/// Draws the form over the whole frame.
pub fn draw(frame: &mut Frame, screen: &ProfileScreen, theme: &Theme) {
    let area = frame.area();
    if too_small(frame, area, screen.lang, theme) {
        return;
    }
    let words = profile_form::text(screen.lang);
    let path = crate::sanitize::line(&profile::path(&screen.data_dir).display().to_string());
    let rows: Vec<Row> = KEYS
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let value = screen.value(key);
            Row {
                label: screen.label(i),
                value: if value.is_empty() {
                    BLANK.to_string()
                } else {
                    value
                },
                required: false,
                help: Some(format!("{} {key} · {} {path}", words.key, words.saved_in)),
            }
        })
        .collect();
    let message = screen.note.as_ref().map(|n| match n {
        Note::Info(m) => Span::styled(m.clone(), theme.good()),
        Note::Error(m) => Span::styled(m.clone(), theme.error()),
    });
    let message_rows = message.as_ref().map_or(0, |m| {
        super::inspection::wrap_text(&m.content, area.width)
            .len()
            .clamp(1, 3)
    });
    let [body, message_area, hints] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(message_rows).unwrap_or(1)),
        Constraint::Length(1),
    ]));
    let form = Form {
        title: format!(" {} ", words.title),
        rows: &rows,
        focus: screen.focus,
        editor: screen.editing.then_some(&screen.area),
        required_mark: "",
    };
    form::draw(frame, body, &form, theme);
    if let Some(m) = message {
        frame.render_widget(Paragraph::new(m).wrap(Wrap { trim: true }), message_area);
    }
    super::draw_help_and_hints(
        frame,
        (body, hints),
        (keys::Screen::Profile, screen.screen()),
        screen.help,
        screen.lang,
        theme,
    );
}
