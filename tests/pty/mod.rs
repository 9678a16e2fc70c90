//! Helpers for the TUI tests: the fixture checklist and records built from it, and a
//! pseudo-terminal harness that runs the real binary (portable-pty + vt100, with a reader
//! thread that always drains the pty).
#![allow(dead_code)]

pub mod harness;

use onsite::record::Record;

/// The fixture checklist: every question type, a condition, long and decomposed
/// Vietnamese, wide characters.
pub const FIXTURE: &str = include_str!("fixture.json");

/// A fresh record of the fixture checklist with `header` filled in.
pub fn record(header: &[(&str, &str)]) -> Record {
    let checklist: serde_json::Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    let header: serde_json::Map<String, serde_json::Value> = header
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
        .collect();
    let value = serde_json::json!({
        "format": "onsite-record/1",
        "id": "20261125-0930-so-tttt",
        "status": "in_progress",
        "created_at": "2026-11-25T09:30:00+07:00",
        "updated_at": "2026-11-25T09:30:00+07:00",
        "checklist": checklist,
        "header": header,
        "answers": {},
        "position": {"screen": "questions"}
    });
    serde_json::from_value(value).expect("fixture record parses")
}

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use onsite::i18n::Lang;
use onsite::session::Session;
use onsite::tui::{App, MemoryPersist, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An app on a fresh fixture record, saving into memory, with a fixed clock.
pub fn app(lang: Lang, header: &[(&str, &str)]) -> (App, MemoryPersist) {
    app_on(lang, record(header), false)
}

/// The fixture record with the checklist changed by `edit` (as JSON) first.
pub fn record_with(header: &[(&str, &str)], edit: impl FnOnce(&mut serde_json::Value)) -> Record {
    let mut value = serde_json::to_value(record(header)).expect("record to JSON");
    edit(&mut value["checklist"]);
    serde_json::from_value(value).expect("edited record parses")
}

/// An app on a given record (read-only or not), saving into memory, with a fixed clock.
pub fn app_on(lang: Lang, record: Record, read_only: bool) -> (App, MemoryPersist) {
    let persist = MemoryPersist::default();
    let session = Session::new(record, read_only);
    let app = App::new(
        session,
        Box::new(persist.clone()),
        lang,
        Theme::new(false, false),
    )
    .with_clock(Box::new(|| {
        chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+07:00").expect("time")
    }));
    (app, persist)
}

/// Presses a key.
pub fn press(app: &mut App, code: KeyCode) -> onsite::tui::Control {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Types text key by key.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Draws the app at `w`×`h`.
pub fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| onsite::tui::view::draw(f, app)).expect("draw");
    t
}

/// The screen text of the app at `w`×`h`.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    format!("{}", render(app, w, h).backend())
}
