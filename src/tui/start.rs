//! The start screen: inspections in progress to continue, checklists to start from.
//!
//! The caller (app::inspect) fills the lists from the record store and the checklist
//! catalog and acts on the choice; this module only shows them and picks one.

use crossterm::event::{Event, KeyEventKind};

use super::keys::{self, Action, Screen};
use crate::i18n::Lang;

/// What an item of the start screen opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartKind {
    /// Continue the record with this id.
    Resume,
    /// Start the follow-up of the finished record at this path (SPEC §9).
    FollowUp,
    /// Start from the checklist with this id or path.
    New,
}

impl StartKind {
    /// The order of the screen's groups: in progress, finished (to follow up), checklists.
    pub const ORDER: [StartKind; 3] = [StartKind::Resume, StartKind::FollowUp, StartKind::New];

    fn rank(&self) -> usize {
        Self::ORDER.iter().position(|k| k == self).unwrap_or(0)
    }
}

/// One item of the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartItem {
    /// Resume or new.
    pub kind: StartKind,
    /// Record id, or checklist id/path.
    pub key: String,
    /// Main text (organisation and checklist, or checklist title).
    pub title: String,
    /// Second text (progress and date, or version and origin).
    pub detail: String,
}

/// The start screen's state.
#[derive(Debug, Clone)]
pub struct StartScreen {
    /// Items: all `Resume` ones first, then `FollowUp`, then `New` ones.
    pub items: Vec<StartItem>,
    /// Highlighted item.
    pub cursor: usize,
    /// UI language.
    pub lang: Lang,
    /// Help shown.
    pub help: bool,
}

/// The outcome of a key on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartChoice {
    /// Keep going.
    Stay,
    /// Open this item.
    Open(StartItem),
    /// Quit.
    Quit,
}

impl StartScreen {
    /// A start screen; items are sorted by kind in [`StartKind::ORDER`] (stable).
    pub fn new(mut items: Vec<StartItem>, lang: Lang) -> StartScreen {
        items.sort_by_key(|i| i.kind.rank());
        StartScreen {
            items,
            cursor: 0,
            lang,
            help: false,
        }
    }

    /// Handles one event.
    pub fn handle(&mut self, event: Event) -> StartChoice {
        let Event::Key(key) = event else {
            return StartChoice::Stay;
        };
        if key.kind == KeyEventKind::Release {
            return StartChoice::Stay;
        }
        if self.help {
            if matches!(keys::lookup(Screen::Help, &key), Some(Action::Back)) {
                self.help = false;
            } else if matches!(keys::lookup(Screen::Help, &key), Some(Action::Quit)) {
                return StartChoice::Quit;
            }
            return StartChoice::Stay;
        }
        match keys::lookup(Screen::Start, &key) {
            Some(Action::Next) => {
                self.cursor = (self.cursor + 1).min(self.items.len().saturating_sub(1))
            }
            Some(Action::Prev) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Edit) => {
                if let Some(item) = self.items.get(self.cursor) {
                    return StartChoice::Open(item.clone());
                }
            }
            Some(Action::Help) => self.help = true,
            Some(Action::Quit) => return StartChoice::Quit,
            _ => {}
        }
        StartChoice::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Event {
        Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    #[test]
    fn moves_and_opens() {
        let item = |kind, key: &str| StartItem {
            kind,
            key: key.into(),
            title: key.into(),
            detail: String::new(),
        };
        let mut s = StartScreen::new(
            vec![item(StartKind::New, "demo"), item(StartKind::Resume, "r1")],
            Lang::Vi,
        );
        assert_eq!(s.items[0].key, "r1");
        assert_eq!(s.handle(key(KeyCode::Down)), StartChoice::Stay);
        assert_eq!(s.handle(key(KeyCode::Down)), StartChoice::Stay);
        assert_eq!(s.cursor, 1);
        assert_eq!(
            s.handle(key(KeyCode::Enter)),
            StartChoice::Open(item(StartKind::New, "demo"))
        );
        assert_eq!(s.handle(key(KeyCode::Char('q'))), StartChoice::Quit);
    }
}
