//! onsite: run on-site inspections from scripted checklists in a terminal.
//!
//! The library holds everything; the binary (`main.rs`) only parses arguments and wires.

pub mod checklist;
pub mod cli;
pub mod durable;
pub mod fold;
pub mod followup;
pub mod i18n;
pub mod json_head;
pub mod lang;
pub mod output;
pub mod record;
pub mod report;
pub mod safe_fs;
pub mod sanitize;
pub mod session;
pub mod team;
pub mod tty;
pub mod tui;
