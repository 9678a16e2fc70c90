//! The editing overlays of the inspection screen: one-line answer input, option list,
//! note editor (ratatui-textarea, multi-line, paste), recommendation input, search.

use crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{Input, TextArea, WrapMode};
use unicode_normalization::UnicodeNormalization;

use super::keys::Screen;
use super::persist::NoteTarget;
use crate::checklist::Priority;

/// A text area holding `text`, cursor at the end.
pub fn textarea(text: &str, multi_line: bool) -> TextArea<'static> {
    let lines: Vec<String> = if multi_line {
        text.nfc()
            .collect::<String>()
            .split('\n')
            .map(str::to_string)
            .collect()
    } else {
        vec![crate::sanitize::line(text)]
    };
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(Style::new());
    t.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    if multi_line {
        t.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// A one-paragraph editor that wraps long text over several rows (a recommendation's
/// wording): feed it with `multi_line = false`, so `Enter` confirms instead of breaking.
pub fn wrapping_line(text: &str) -> TextArea<'static> {
    let mut t = textarea(&crate::sanitize::line(text), false);
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t
}

/// The text of a text area as typed, lines joined with `\n`, not normalised: for the checks
/// made on every key of a long note (the session normalises what it is given).
pub fn raw_text_of(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

/// The text of a text area, NFC, lines joined with `\n`.
pub fn text_of(t: &TextArea<'_>) -> String {
    let text = t.lines().join("\n");
    // Nearly always already NFC: a quick check instead of composing a long note anew.
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Feeds a key to a text area (never a bare Enter for one-line editors).
pub fn feed(t: &mut TextArea<'_>, key: KeyEvent, multi_line: bool) {
    let input = Input::from(key);
    if !multi_line && input.key == ratatui_textarea::Key::Enter {
        return;
    }
    t.input(input);
}

/// Inserts pasted text: inert, NFC, one line unless `multi_line`.
pub fn paste(t: &mut TextArea<'_>, text: &str, multi_line: bool) {
    let clean = if multi_line {
        crate::sanitize::multiline(text)
    } else {
        crate::sanitize::line(text)
    };
    t.insert_str(clean);
}

/// The option list of a choice or multi question.
#[derive(Debug, Clone)]
pub struct OptionsEditor {
    /// Highlighted option (0-based).
    pub cursor: usize,
    /// Which options are chosen.
    pub chosen: Vec<bool>,
    /// Several options allowed.
    pub multi: bool,
}

/// The state of a note being edited.
pub struct NoteEditor {
    /// Which note.
    pub target: NoteTarget,
    /// The text area.
    pub area: TextArea<'static>,
    /// The text last set into the session.
    pub saved_text: String,
    /// When the text was last set into the session.
    pub saved_at: std::time::Instant,
}

/// The recommendation being written.
pub struct RecommendationEditor {
    /// The text.
    pub area: TextArea<'static>,
    /// Its priority.
    pub priority: Priority,
    /// The question it belongs to; `None` for a general one (added on the summary).
    pub question: Option<String>,
}

/// The search overlay.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// What was typed.
    pub query: String,
    /// Ids of the matching questions.
    pub results: Vec<String>,
    /// Highlighted result.
    pub cursor: usize,
}

/// What is drawn over the screen.
pub enum Overlay {
    /// Nothing.
    None,
    /// The help of a screen.
    Help(Screen),
    /// Search.
    Search(SearchState),
    /// Option list.
    Options(OptionsEditor),
    /// One-line answer input.
    Line(Box<TextArea<'static>>),
    /// A note.
    Note(Box<NoteEditor>),
    /// A recommendation.
    Recommendation(Box<RecommendationEditor>),
    /// A field of an existing recommendation.
    RecField(Box<RecFieldEditor>),
    /// Quitting with unsaved work: the path to write a copy to.
    Rescue(Box<TextArea<'static>>),
    /// The history of the current question, scrolled by n lines.
    History(u16),
    /// The disagreements between members, the n-th highlighted.
    Conflicts(usize),
}

/// Which field of a recommendation is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecField {
    /// Wording.
    Text,
    /// Responsible party.
    Responsible,
    /// Due date.
    Due,
}

/// Editing a field of an existing recommendation.
pub struct RecFieldEditor {
    /// The recommendation id.
    pub id: String,
    /// The field.
    pub field: RecField,
    /// The text area.
    pub area: TextArea<'static>,
}

impl Overlay {
    /// The key-table screen of the overlay, if any.
    pub fn screen(&self) -> Option<Screen> {
        match self {
            Overlay::None => None,
            Overlay::Help(_) => Some(Screen::Help),
            Overlay::Search(_) => Some(Screen::Search),
            Overlay::Options(_) => Some(Screen::Options),
            Overlay::Line(_) => Some(Screen::Line),
            Overlay::Note(_) => Some(Screen::Note),
            Overlay::Recommendation(_) => Some(Screen::Recommendation),
            Overlay::RecField(_) => Some(Screen::RecField),
            Overlay::Rescue(_) => Some(Screen::Rescue),
            Overlay::History(_) => Some(Screen::History),
            Overlay::Conflicts(_) => Some(Screen::Conflicts),
        }
    }
}

/// The next priority (high → medium → low → high).
pub fn next_priority(p: Priority) -> Priority {
    match p {
        Priority::High => Priority::Medium,
        Priority::Medium => Priority::Low,
        Priority::Low => Priority::High,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn textarea_round_trips_vietnamese_and_normalises() {
        let mut t = textarea("Ban Chi\u{0309} \u{0111}a\u{0323}o\nDòng 2", true);
        assert_eq!(text_of(&t), "Ban Chỉ đạo\nDòng 2");
        feed(
            &mut t,
            KeyEvent::new(KeyCode::Char('ế'), KeyModifiers::NONE),
            true,
        );
        paste(&mut t, " dán\x1b[2J vào\r\nnữa", true);
        assert_eq!(text_of(&t), "Ban Chỉ đạo\nDòng 2ế dán[2J vào\nnữa");
    }

    #[test]
    fn one_line_editor_ignores_enter_and_flattens_paste() {
        let mut t = textarea("12", false);
        feed(
            &mut t,
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            false,
        );
        paste(&mut t, "3\n4", false);
        assert_eq!(text_of(&t), "123 4");
    }
}
