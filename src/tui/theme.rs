//! Looks: colours (or, with `NO_COLOR`, modifiers only), answer marks as symbols with an
//! ASCII fallback (`ONSITE_ASCII=1` or a non-UTF-8 locale), and border sets.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// The marks shown beside questions: readable without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// Answered.
    pub answered: &'static str,
    /// Answered with a flagged option (a finding).
    pub flagged: &'static str,
    /// Awaiting evidence.
    pub awaiting: &'static str,
    /// Not answered.
    pub empty: &'static str,
    /// Info question (no answer expected).
    pub info: &'static str,
    /// Has a note.
    pub note: &'static str,
    /// The current question in the outline.
    pub current: &'static str,
    /// A chosen option.
    pub chosen: &'static str,
    /// An option not chosen.
    pub unchosen: &'static str,
    /// Separator in lines.
    pub dot: &'static str,
    /// A filled bar cell.
    pub bar_full: &'static str,
    /// An empty bar cell.
    pub bar_empty: &'static str,
    /// A dropped recommendation.
    pub dropped: &'static str,
    /// A scripted recommendation the inspector changed.
    pub edited: &'static str,
    /// The inspector's own recommendation.
    pub own: &'static str,
}

/// Unicode marks.
pub const UNICODE_MARKS: Marks = Marks {
    answered: "✓",
    flagged: "!",
    awaiting: "?",
    empty: "·",
    info: "i",
    note: "✎",
    current: "▶",
    chosen: "[x]",
    unchosen: "[ ]",
    dot: "·",
    bar_full: "█",
    bar_empty: "░",
    dropped: "✗",
    edited: "✎",
    own: "★",
};

/// ASCII marks for terminals without Unicode.
pub const ASCII_MARKS: Marks = Marks {
    answered: "+",
    flagged: "!",
    awaiting: "?",
    empty: ".",
    info: "i",
    note: "n",
    current: ">",
    chosen: "[x]",
    unchosen: "[ ]",
    dot: "-",
    bar_full: "#",
    bar_empty: ".",
    dropped: "x",
    edited: "~",
    own: "+",
};

/// Borders drawn with ASCII only.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Styles and symbols of the whole UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Marks.
    pub marks: Marks,
    /// Border set.
    pub border: border::Set<'static>,
    /// Whether colours are used.
    pub color: bool,
    /// Whether only ASCII symbols are used.
    pub ascii: bool,
}

impl Theme {
    /// A theme from explicit choices.
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme {
            marks: if ascii { ASCII_MARKS } else { UNICODE_MARKS },
            border: if ascii { ASCII_BORDER } else { border::ROUNDED },
            color,
            ascii,
        }
    }

    /// The theme the environment asks for: `NO_COLOR` (non-empty) drops colours;
    /// `ONSITE_ASCII=1`, or a locale that is not UTF-8, uses ASCII symbols.
    pub fn from_env() -> Theme {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let color = var("NO_COLOR").is_none();
        let ascii = match var("ONSITE_ASCII").as_deref() {
            Some("0") => false,
            Some(_) => true,
            None => !locale_is_utf8(
                var("LC_ALL")
                    .or_else(|| var("LC_CTYPE"))
                    .or_else(|| var("LANG"))
                    .as_deref(),
            ),
        };
        Theme::new(color, ascii)
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Headings and titles.
    pub fn title(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The question prompt.
    pub fn prompt(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text (labels, hints).
    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// The highlighted row of a list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// An answered mark / a chosen option.
    pub fn good(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    /// A flagged answer (finding).
    pub fn flagged(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// An error line.
    pub fn error(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    /// Required marker.
    pub fn required(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The status bar.
    pub fn status(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Gray),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }
}

/// Whether a locale name says UTF-8 (no locale at all counts as UTF-8, as most terminals are).
pub fn locale_is_utf8(locale: Option<&str>) -> bool {
    match locale {
        None => true,
        Some(l) => {
            let l = l.to_ascii_lowercase();
            l.contains("utf-8") || l.contains("utf8")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_detection() {
        assert!(locale_is_utf8(Some("vi_VN.UTF-8")));
        assert!(locale_is_utf8(Some("C.utf8")));
        assert!(!locale_is_utf8(Some("C")));
        assert!(!locale_is_utf8(Some("POSIX")));
        assert!(locale_is_utf8(None));
    }

    #[test]
    fn no_color_theme_has_no_colours_and_ascii_is_ascii() {
        let t = Theme::new(false, true);
        for s in [
            t.title(),
            t.dim(),
            t.good(),
            t.flagged(),
            t.error(),
            t.status(),
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        let m = t.marks;
        for sym in [
            m.answered, m.flagged, m.awaiting, m.empty, m.note, m.current, m.bar_full, m.dropped,
            m.edited, m.own,
        ] {
            assert!(sym.is_ascii(), "{sym}");
        }
        assert!(t.border.top_left.is_ascii());
        assert_ne!(m.answered, m.empty);
    }
}
