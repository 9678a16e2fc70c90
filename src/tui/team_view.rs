//! The team overlays of the inspection screen: the history of the current question (`H`:
//! who changed its answer, note and mark, when, from what to what) and the queue of
//! disagreements between members (`C`: each with both values, authors and times; keep
//! mine, keep theirs, or go to the question and answer it anew).

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::app::{App, Control, Message};
use super::editors::Overlay;
use super::keys::Action;
use super::view::block;
use crate::i18n::Lang;
use crate::record::merge::Conflict;
use crate::session::Command;
use crate::team::show;

/// Titles and sentences of the two overlays.
struct Words {
    history: &'static str,
    no_history: &'static str,
    conflicts: &'static str,
    no_conflicts: &'static str,
    hint: &'static str,
    kept: &'static str,
}

const EN: Words = Words {
    history: "History of this question",
    no_history: "No change recorded for this question yet (answers from before history was kept have none).",
    conflicts: "Disagreements between members",
    no_conflicts: "No disagreements: every member's answers agree.",
    hint: "j/k pick · m keep mine · t keep theirs · Enter go and answer anew · Esc close",
    kept: "Resolved",
};

const VI: Words = Words {
    history: "Lịch sử câu này",
    no_history: "Câu này chưa có thay đổi nào được ghi (câu trả lời từ trước khi có lịch sử thì không có).",
    conflicts: "Chỗ các thành viên trả lời khác nhau",
    no_conflicts: "Không có chỗ nào khác nhau: câu trả lời của các thành viên khớp nhau.",
    hint: "j/k chọn · m giữ của tôi · t giữ của người kia · Enter đến câu đó trả lời lại · Esc đóng",
    kept: "Đã giải quyết",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

/// Draws the history overlay of the current question.
pub fn draw_history(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let w = words(app.lang);
    let record = app.session.record();
    let lines: Vec<Line> = match app.session.current() {
        Some((_, q)) => {
            let changes = crate::record::history::of_question(record, &q.id);
            if changes.is_empty() {
                vec![Line::from(w.no_history)]
            } else {
                changes
                    .iter()
                    .map(|c| Line::from(show::line(record, c, app.lang)))
                    .collect()
            }
        }
        None => vec![Line::from(w.no_history)],
    };
    let r = area.centered(Constraint::Percentage(96), Constraint::Percentage(80));
    frame.render_widget(Clear, r);
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block(format!(" {} ", w.history), &app.theme));
    frame.render_widget(p, r);
}

/// Draws the conflict queue.
pub fn draw_conflicts(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let w = words(app.lang);
    let record = app.session.record();
    let conflicts = crate::record::merge::conflicts(record);
    let mut lines: Vec<Line> = Vec::new();
    if conflicts.is_empty() {
        lines.push(Line::from(w.no_conflicts));
    }
    for (i, c) in conflicts.iter().enumerate() {
        let mark = if i == cursor { "▶ " } else { "  " };
        lines.push(Line::from(Span::styled(
            format!("{mark}{}", heading(app, c)),
            if i == cursor {
                app.theme.title()
            } else {
                app.theme.dim()
            },
        )));
        for side in &c.sides {
            lines.push(Line::from(format!(
                "      {}",
                crate::team::show::describe_side(side, record, app.lang)
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(w.hint, app.theme.dim())));
    let r = area.centered(Constraint::Percentage(96), Constraint::Percentage(80));
    frame.render_widget(Clear, r);
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(
            format!(" {} ({}) ", w.conflicts, conflicts.len()),
            &app.theme,
        ));
    frame.render_widget(p, r);
}

/// A conflict's heading: the question's number and prompt, or what it is about.
fn heading(app: &App, c: &Conflict) -> String {
    let record = app.session.record();
    if let Some(q) = c.question().and_then(|q| record.checklist.question(q)) {
        return crate::sanitize::line(q.prompt.get(app.lang.code()));
    }
    format!(
        "{}: {}",
        show::what(&c.target, app.lang),
        crate::sanitize::line(c.target.split_once('/').map(|x| x.1).unwrap_or(&c.target))
    )
}

impl App {
    /// A key on the history overlay.
    pub(super) fn history_key(&mut self, _key: KeyEvent, action: Option<Action>) -> Control {
        if let Overlay::History(scroll) = &mut self.overlay {
            match action {
                Some(Action::Back | Action::History) => self.overlay = Overlay::None,
                Some(Action::Next) => *scroll = scroll.saturating_add(1),
                Some(Action::Prev) => *scroll = scroll.saturating_sub(1),
                _ => {}
            }
        }
        Control::Continue
    }

    /// A key on the conflict queue.
    pub(super) fn conflicts_key(&mut self, _key: KeyEvent, action: Option<Action>) -> Control {
        let Overlay::Conflicts(cursor) = self.overlay else {
            return Control::Continue;
        };
        let conflicts = crate::record::merge::conflicts(self.session.record());
        let cursor = cursor.min(conflicts.len().saturating_sub(1));
        let me = self.session.author();
        match action {
            Some(Action::Back | Action::Conflicts) => self.overlay = Overlay::None,
            Some(Action::Next) => {
                self.overlay =
                    Overlay::Conflicts((cursor + 1).min(conflicts.len().saturating_sub(1)));
            }
            Some(Action::Prev) => self.overlay = Overlay::Conflicts(cursor.saturating_sub(1)),
            Some(Action::KeepMine | Action::KeepTheirs) => {
                let Some(c) = conflicts.get(cursor) else {
                    return Control::Continue;
                };
                let mine = action == Some(Action::KeepMine);
                let side = c
                    .sides
                    .iter()
                    .rev()
                    .find(|s| (s.by == me) == mine)
                    .or_else(|| c.sides.last());
                if let Some(side) = side {
                    let cmd = Command::Resolve {
                        target: c.target.clone(),
                        value: side.new.clone(),
                    };
                    if self.apply(cmd).is_ok() {
                        self.message = Some(Message::Info(format!(
                            "{}: {}",
                            words(self.lang).kept,
                            heading(self, c)
                        )));
                    }
                }
            }
            Some(Action::Confirm | Action::Edit) => {
                if let Some(q) = conflicts.get(cursor).and_then(|c| c.question()) {
                    let q = q.to_string();
                    self.overlay = Overlay::None;
                    let _ = self.apply(Command::GoTo(q));
                }
            }
            _ => {}
        }
        Control::Continue
    }
}
