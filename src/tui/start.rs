//! The start screen: inspections in progress to continue, finished ones (shown with `f`)
//! to read or reopen, checklists to start from; and the offer to open read-only a record
//! that another `onsite` holds.
//!
//! The caller (cli::inspect) fills the lists from the record store and the checklist
//! catalog and acts on the choice; this module only shows them and picks one.

use crossterm::event::{Event, KeyEventKind};

use super::keys::{self, Action, Screen};
use crate::i18n::Lang;

/// What an item of the start screen opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartKind {
    /// Continue the record with this id.
    Resume,
    /// A finished record (opens with edits locked until reopened).
    Finished,
    /// Start from the checklist with this id or path.
    New,
}

/// One item of the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartItem {
    /// Resume, finished or new.
    pub kind: StartKind,
    /// Record path, or checklist id/path.
    pub key: String,
    /// Main text (organisation and checklist, or checklist title).
    pub title: String,
    /// Second text (progress and date, or version and origin).
    pub detail: String,
}

/// The start screen's state.
#[derive(Debug, Clone)]
pub struct StartScreen {
    /// Items: in progress, then finished, then checklists.
    pub items: Vec<StartItem>,
    /// Highlighted item.
    pub cursor: usize,
    /// UI language.
    pub lang: Lang,
    /// Help shown.
    pub help: bool,
    /// Finished inspections listed.
    pub show_finished: bool,
    /// A record held by another `onsite`, offered read-only, with what to say about it.
    pub offer: Option<(StartItem, String)>,
    /// `Esc` on the offer quits (there is no list behind it: `onsite resume`).
    pub offer_only: bool,
    /// The message line (a key that does nothing here).
    pub message: Option<String>,
}

/// The outcome of a key on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartChoice {
    /// Keep going.
    Stay,
    /// Open this item.
    Open(StartItem),
    /// Open this record read-only.
    OpenReadOnly(StartItem),
    /// Start the follow-up visit of this finished record.
    FollowUp(StartItem),
    /// Open the document profile form.
    Profile,
    /// Quit.
    Quit,
}

fn rank(kind: StartKind) -> u8 {
    match kind {
        StartKind::Resume => 0,
        StartKind::Finished => 1,
        StartKind::New => 2,
    }
}

impl StartScreen {
    /// A start screen; items are sorted by kind (stable): in progress, finished, new.
    pub fn new(mut items: Vec<StartItem>, lang: Lang) -> StartScreen {
        items.sort_by_key(|i| rank(i.kind));
        let mut s = StartScreen {
            items,
            cursor: 0,
            lang,
            help: false,
            show_finished: false,
            offer: None,
            offer_only: false,
            message: None,
        };
        let first = s.visible().next().unwrap_or(0);
        s.cursor = first;
        s
    }

    /// Only the offer to open `item` read-only (`onsite resume` on a held record).
    pub fn offer_only(item: StartItem, message: String, lang: Lang) -> StartScreen {
        let mut s = StartScreen::new(Vec::new(), lang);
        s.offer = Some((item, message));
        s.offer_only = true;
        s
    }

    /// Offers `item`, held by another `onsite`, read-only.
    pub fn offer_read_only(&mut self, item: StartItem, message: String) {
        self.offer = Some((item, message));
    }

    /// The key-table screen keys are looked up in now.
    pub fn screen(&self) -> Screen {
        if self.help {
            Screen::Help
        } else if self.offer.is_some() {
            Screen::Offer
        } else {
            Screen::Start
        }
    }

    /// Indices of the items listed (finished ones only when shown).
    pub fn visible(&self) -> impl Iterator<Item = usize> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, i)| self.show_finished || i.kind != StartKind::Finished)
            .map(|(n, _)| n)
    }

    /// How many finished inspections there are.
    pub fn finished_count(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.kind == StartKind::Finished)
            .count()
    }

    /// Handles one event.
    pub fn handle(&mut self, event: Event) -> StartChoice {
        let Event::Key(key) = event else {
            return StartChoice::Stay;
        };
        if key.kind == KeyEventKind::Release {
            return StartChoice::Stay;
        }
        let action = keys::lookup(self.screen(), &key);
        if self.help {
            match action {
                Some(Action::Back) => self.help = false,
                Some(Action::Quit) => return StartChoice::Quit,
                _ => {}
            }
            return StartChoice::Stay;
        }
        if let Some((item, _)) = &self.offer {
            match action {
                Some(Action::Open) => return StartChoice::OpenReadOnly(item.clone()),
                Some(Action::Back) if self.offer_only => return StartChoice::Quit,
                Some(Action::Back) => self.offer = None,
                Some(Action::Quit) => return StartChoice::Quit,
                _ => {}
            }
            return StartChoice::Stay;
        }
        self.message = None;
        let shown: Vec<usize> = self.visible().collect();
        let at = shown.iter().position(|&i| i == self.cursor);
        match action {
            Some(Action::Next) => {
                if let Some(&n) = at.and_then(|p| shown.get(p + 1)) {
                    self.cursor = n;
                }
            }
            Some(Action::Prev) => {
                if let Some(&n) = at.and_then(|p| p.checked_sub(1)).and_then(|p| shown.get(p)) {
                    self.cursor = n;
                }
            }
            Some(Action::Open) => {
                if let Some(item) = at.and_then(|_| self.items.get(self.cursor)) {
                    return StartChoice::Open(item.clone());
                }
            }
            Some(Action::FollowUp)
                if self
                    .items
                    .get(self.cursor)
                    .is_some_and(|i| i.kind == StartKind::Finished) =>
            {
                if let Some(item) = self.items.get(self.cursor) {
                    return StartChoice::FollowUp(item.clone());
                }
            }
            Some(Action::ToggleFinished) => {
                self.show_finished = !self.show_finished;
                let finished = self
                    .items
                    .iter()
                    .position(|i| i.kind == StartKind::Finished);
                match (self.show_finished, finished) {
                    (true, Some(first)) => self.cursor = first,
                    _ if !self.visible().any(|i| i == self.cursor) => {
                        let first = self.visible().next().unwrap_or(0);
                        self.cursor = first;
                    }
                    _ => {}
                }
            }
            Some(Action::DocProfile) => return StartChoice::Profile,
            Some(Action::Help) => self.help = true,
            Some(Action::Quit) => return StartChoice::Quit,
            _ => {
                if let Some(name) = keys::key_name(&key) {
                    self.message = Some(crate::i18n::tui::unbound_key(self.lang, &name));
                }
            }
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

    fn item(kind: StartKind, key: &str) -> StartItem {
        StartItem {
            kind,
            key: key.into(),
            title: key.into(),
            detail: String::new(),
        }
    }

    #[test]
    fn moves_and_opens() {
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
        assert_eq!(s.handle(key(KeyCode::Char('z'))), StartChoice::Stay);
        assert!(s.message.as_deref().is_some_and(|m| m.contains('z')));
        assert_eq!(s.handle(key(KeyCode::Char('q'))), StartChoice::Quit);
    }

    #[test]
    fn finished_inspections_are_listed_on_f_and_opened() {
        let mut s = StartScreen::new(
            vec![
                item(StartKind::New, "demo"),
                item(StartKind::Finished, "done"),
                item(StartKind::Resume, "r1"),
            ],
            Lang::En,
        );
        s.handle(key(KeyCode::Down));
        assert_eq!(s.items[s.cursor].key, "demo", "finished ones are skipped");
        s.handle(key(KeyCode::Char('f')));
        assert_eq!(s.items[s.cursor].key, "done");
        assert_eq!(
            s.handle(key(KeyCode::Enter)),
            StartChoice::Open(item(StartKind::Finished, "done"))
        );
        assert_eq!(
            s.handle(key(KeyCode::Char('n'))),
            StartChoice::FollowUp(item(StartKind::Finished, "done"))
        );
        s.handle(key(KeyCode::Char('f')));
        assert_ne!(s.items[s.cursor].kind, StartKind::Finished);
    }

    #[test]
    fn the_read_only_offer_opens_read_only_or_goes_back() {
        let mut s = StartScreen::new(vec![item(StartKind::Resume, "r1")], Lang::Vi);
        s.offer_read_only(item(StartKind::Resume, "r1"), "held".into());
        assert_eq!(s.handle(key(KeyCode::Char('x'))), StartChoice::Stay);
        assert_eq!(s.handle(key(KeyCode::Esc)), StartChoice::Stay);
        assert!(s.offer.is_none());
        s.offer_read_only(item(StartKind::Resume, "r1"), "held".into());
        assert_eq!(
            s.handle(key(KeyCode::Enter)),
            StartChoice::OpenReadOnly(item(StartKind::Resume, "r1"))
        );
        let mut only =
            StartScreen::offer_only(item(StartKind::Resume, "r1"), "held".into(), Lang::En);
        assert_eq!(only.handle(key(KeyCode::Esc)), StartChoice::Quit);
    }
}
