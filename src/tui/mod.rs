//! The inspection TUI (SPEC §2): start screen, title-page form, inspection screen with
//! answer and note editors, search, help and a summary; thin over the session engine.
//!
//! - `keys`: the one key table (dispatch, hints, help).
//! - `app`: events → session commands, saving after every change.
//! - `view`: drawing, from `Layout` only.
//! - `terminal`: the real terminal, signals, panics, hang-ups.

pub mod app;
pub mod editors;
pub mod keys;
pub mod persist;
pub mod profile;
pub mod recs;
pub mod saver;
pub mod start;
pub mod team_view;
pub mod terminal;
pub mod theme;
pub mod view;

pub use crate::tty::{NoTerminal, check_terminal};
pub use app::{App, Control, Mode, QuitInfo};
pub use persist::{MemoryPersist, Persist, SaveStatus};
pub use saver::BackgroundSaver;
pub use start::{StartChoice, StartItem, StartKind, StartScreen};
pub use terminal::{Exit, Tui};
pub use theme::Theme;
