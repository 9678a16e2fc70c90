//! Whether this process has a terminal to draw the screens on: a leaf the command line
//! asks before anything is written (the sentences are `i18n::safety::no_terminal`).

use std::io::{self, IsTerminal};

/// Why onsite will not draw on this terminal (checked before anything is written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTerminal {
    /// Standard input is not a terminal.
    Input,
    /// Standard output is not a terminal (redirected to a file or a pipe).
    Output,
    /// `TERM=dumb`: the terminal cannot move the cursor.
    Dumb,
}

/// Whether the TUI can be drawn here: standard input and output are terminals, and
/// `TERM` is not `dumb`. Nothing is written to find out.
pub fn check_terminal() -> Result<(), NoTerminal> {
    if !io::stdin().is_terminal() {
        return Err(NoTerminal::Input);
    }
    if !io::stdout().is_terminal() {
        return Err(NoTerminal::Output);
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(NoTerminal::Dumb);
    }
    Ok(())
}
