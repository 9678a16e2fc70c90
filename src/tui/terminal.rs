//! The real terminal: raw mode, alternate screen, bracketed paste; restored on quit, on
//! panic (hook) and on SIGHUP/SIGTERM/SIGINT (a signal thread that first saves the latest
//! snapshot, a half-typed note included). A closed terminal ends the loop within a second.
//!
//! One buffered write per frame; drawing only after events.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::{Arc, Mutex, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

use super::app::{App, Control};
use super::persist::{SharedHandle, lock};
use super::start::{StartChoice, StartScreen};
use super::theme::Theme;
use super::view;

type Slot = Arc<Mutex<Option<SharedHandle>>>;

/// How the inspection loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The inspector quit.
    Quit,
    /// The terminal went away (closed pty, read error); everything was saved.
    Hangup,
}

/// Leaves raw mode and the alternate screen, shows the cursor. Best effort, idempotent.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = crossterm::execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Saves the snapshot in the slot, waiting at most `wait` for the lock.
fn flush_slot(slot: &Slot, wait: Duration) {
    let deadline = Instant::now() + wait;
    let shared = loop {
        match slot.try_lock() {
            Ok(g) => break g.clone(),
            Err(TryLockError::Poisoned(p)) => break p.into_inner().clone(),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(TryLockError::WouldBlock) => return,
        }
    };
    let Some(shared) = shared else { return };
    loop {
        match shared.try_lock() {
            Ok(mut g) => {
                let _ = g.flush(chrono::Local::now().fixed_offset());
                return;
            }
            Err(TryLockError::Poisoned(p)) => {
                let _ = p.into_inner().flush(chrono::Local::now().fixed_offset());
                return;
            }
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(TryLockError::WouldBlock) => return,
        }
    }
}

/// Whether the terminal on stdin has hung up.
fn stdin_hung_up() -> bool {
    let mut fds = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout.
    let n = unsafe { libc::poll(&mut fds, 1, 0) };
    n > 0 && (fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL)) != 0
}

/// The terminal while the TUI runs.
pub struct Tui {
    terminal: Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    slot: Slot,
    signals: Handle,
    thread: Option<JoinHandle<()>>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, turns on bracketed paste, installs the
    /// panic hook and the signal thread.
    pub fn enter() -> io::Result<Tui> {
        let slot: Slot = Arc::new(Mutex::new(None));
        // A second signal ends the process at once, should saving ever hang.
        let seen = Arc::new(std::sync::atomic::AtomicBool::new(false));
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(&seen))?;
            signal_hook::flag::register(sig, Arc::clone(&seen))?;
        }
        let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
        let handle = signals.handle();
        let thread_slot = Arc::clone(&slot);
        let thread = std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                flush_slot(&thread_slot, Duration::from_millis(1500));
                restore_terminal();
                std::process::exit(128 + sig);
            }
        });
        let hook_slot = Arc::clone(&slot);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            flush_slot(&hook_slot, Duration::from_millis(200));
            restore_terminal();
            previous(info);
        }));
        let setup = || -> io::Result<Terminal<CrosstermBackend<BufWriter<Stdout>>>> {
            enable_raw_mode()?;
            crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
            Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )))
        };
        let terminal = match setup() {
            Ok(t) => t,
            Err(e) => {
                restore_terminal();
                handle.close();
                return Err(e);
            }
        };
        Ok(Tui {
            terminal,
            slot,
            signals: handle,
            thread: Some(thread),
        })
    }

    /// Runs the start screen until an item is chosen or the inspector quits.
    pub fn run_start(
        &mut self,
        screen: &mut StartScreen,
        theme: &Theme,
    ) -> io::Result<StartChoice> {
        let mut redraw = true;
        loop {
            if redraw {
                self.terminal
                    .draw(|f| view::start::draw(f, screen, theme))?;
            }
            redraw = event::poll(Duration::from_millis(500))?;
            if !redraw {
                if stdin_hung_up() {
                    return Ok(StartChoice::Quit);
                }
                continue;
            }
            match screen.handle(event::read()?) {
                StartChoice::Stay => {}
                other => return Ok(other),
            }
        }
    }

    /// Runs an inspection until the inspector quits or the terminal goes away.
    pub fn run_app(&mut self, app: &mut App) -> io::Result<Exit> {
        *lock(&self.slot) = Some(app.shared());
        let mut redraw = true;
        loop {
            if redraw && self.terminal.draw(|f| view::draw(f, app)).is_err() {
                return Ok(self.hang_up());
            }
            // A new record: on disk after the first frame, before the first key is read.
            app.save_initial();
            // Wait for a background save to finish before reading the next key, unless
            // the key comes first: a slow save never holds up typing.
            let mut ready = None;
            let changed = loop {
                match app.poll_saves() {
                    Some(changed) => break changed,
                    None => match event::poll(Duration::from_millis(1)) {
                        Ok(false) => {}
                        other => {
                            ready = Some(other);
                            break false;
                        }
                    },
                }
            };
            if changed {
                redraw = true;
                continue;
            }
            let ready = match ready {
                Some(r) => r,
                None => event::poll(app.poll_timeout()),
            };
            match ready {
                Ok(true) => match event::read() {
                    Ok(ev) => {
                        redraw = true;
                        if app.handle(ev) == Control::Quit {
                            app.finish_saves(Duration::from_secs(30));
                            if !app.offer_rescue() {
                                return Ok(Exit::Quit);
                            }
                        }
                    }
                    Err(_) => return Ok(self.hang_up()),
                },
                Ok(false) => {
                    if stdin_hung_up() {
                        return Ok(self.hang_up());
                    }
                    redraw = app.tick(Instant::now());
                }
                Err(_) => return Ok(self.hang_up()),
            }
        }
    }

    fn hang_up(&mut self) -> Exit {
        flush_slot(&self.slot, Duration::from_millis(1500));
        Exit::Hangup
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.signals.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let _ = self.terminal.backend_mut().flush();
        restore_terminal();
    }
}
