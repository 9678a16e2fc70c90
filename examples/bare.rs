//! The baseline for `termbench`: a bare ratatui program that loads a checklist and draws
//! a list of question prompts (visible rows only) and a paragraph for the current one.
//! `j`/`k` move, `q` quits. Run: `cargo run --release --example bare -- FILE`.

use std::io;

use onsite::checklist::Checklist;
use ratatui::crossterm::event::{self, Event, KeyCode};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, List, ListItem, Paragraph, Wrap};

fn main() -> io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path)?;
    let checklist: Checklist = serde_json::from_str(&text).map_err(io::Error::other)?;
    let prompts: Vec<String> = checklist
        .questions()
        .map(|(_, q)| q.prompt.get("en").to_string())
        .collect();
    let mut terminal = ratatui::init();
    let mut cursor = 0usize;
    let result = (|| -> io::Result<()> {
        loop {
            terminal.draw(|f| {
                let [list_area, para_area] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(f.area());
                let rows = list_area.height.saturating_sub(2) as usize;
                let top = cursor.saturating_sub(rows.saturating_sub(1));
                let items: Vec<ListItem> = prompts
                    .iter()
                    .enumerate()
                    .skip(top)
                    .take(rows)
                    .map(|(i, p)| {
                        let mark = if i == cursor { "> " } else { "  " };
                        ListItem::new(format!("{mark}{p}"))
                    })
                    .collect();
                f.render_widget(List::new(items).block(Block::bordered()), list_area);
                let current = prompts.get(cursor).cloned().unwrap_or_default();
                f.render_widget(
                    Paragraph::new(current)
                        .wrap(Wrap { trim: true })
                        .block(Block::bordered()),
                    para_area,
                );
            })?;
            if let Event::Key(k) = event::read()? {
                match k.code {
                    KeyCode::Char('q') => return Ok(()),
                    KeyCode::Char('j') => {
                        cursor = (cursor + 1).min(prompts.len().saturating_sub(1))
                    }
                    KeyCode::Char('k') => cursor = cursor.saturating_sub(1),
                    _ => {}
                }
            }
        }
    })();
    ratatui::restore();
    result
}
