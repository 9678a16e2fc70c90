//! The real terminal: raw mode, alternate screen, bracketed paste; restored on quit, on
//! panic (hook), on SIGHUP/SIGTERM/SIGINT and when the terminal goes away.
//!
//! Leaving in trouble goes one way ([`leave`]): the open editor's text is applied to the
//! latest snapshot and saved (a rescue copy is written if that fails), the edit lock is
//! released (its file removed), the terminal restored, and the process exits. A lost
//! terminal is noticed by a watcher thread that waits for hang-up on standard input, so it
//! is handled even when no SIGHUP comes (`setsid`, a parent that does not pass it on) and
//! while crossterm spins on a read that returns nothing. SIGTSTP (and Ctrl-Z) saves,
//! restores the terminal and stops; SIGCONT re-enters raw mode and redraws everything.
//! A paste is taken whole: keys that arrive in the same burst after an end-of-paste
//! marker are pasted text, never commands.
//!
//! One buffered write per frame; drawing only after events.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};

use super::app::{App, Control};
use super::persist::{Shared, SharedHandle, lock};
use super::start::{StartChoice, StartScreen};
use super::theme::Theme;
use super::view;

type Slot = Arc<Mutex<Option<SharedHandle>>>;

/// How long keys may follow a paste and still be part of it (a terminal sends a paste in
/// one write; nobody types that fast after pasting).
const PASTE_BURST: Duration = Duration::from_millis(30);

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

/// Enters raw mode, the alternate screen and bracketed paste (again, after a stop).
fn enter_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

/// Runs `f` on the shared snapshot, waiting at most `wait` for the locks.
fn with_shared<R>(slot: &Slot, wait: Duration, f: impl FnOnce(&mut Shared) -> R) -> Option<R> {
    let deadline = Instant::now() + wait;
    let shared = loop {
        match slot.try_lock() {
            Ok(g) => break g.clone(),
            Err(TryLockError::Poisoned(p)) => break p.into_inner().clone(),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(TryLockError::WouldBlock) => return None,
        }
    };
    let shared = shared?;
    loop {
        match shared.try_lock() {
            Ok(mut g) => return Some(f(&mut g)),
            Err(TryLockError::Poisoned(p)) => return Some(f(&mut p.into_inner())),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(TryLockError::WouldBlock) => return None,
        }
    }
}

/// Saves the snapshot in the slot with the open editor's text; the save's outcome.
fn flush_slot(slot: &Slot, wait: Duration) -> Option<Result<(), String>> {
    with_shared(slot, wait, |s| s.flush(chrono::Local::now().fixed_offset()))
}

/// Set once the process has begun to leave (by a signal, a hang-up or a panic).
static LEAVING: AtomicBool = AtomicBool::new(false);

/// Saves everything, releases the edit lock, restores the terminal and exits with `code`.
/// Only the first caller does it; any other waits for the exit.
fn leave(slot: &Slot, code: i32) -> ! {
    if LEAVING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    let saved = flush_slot(slot, Duration::from_millis(1500));
    super::profile::flush_pending();
    with_shared(slot, Duration::from_millis(500), |s| s.persist.release());
    restore_terminal();
    if let Some(Err(e)) = saved {
        eprintln!("onsite: {}", crate::sanitize::line(&e));
    }
    std::process::exit(code)
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

/// Blocks until standard input hangs up (or errs); returns at once if it cannot wait.
fn wait_for_hang_up() {
    loop {
        // No events asked for: poll returns only for hang-up, error or a closed fd.
        let mut fds = libc::pollfd {
            fd: 0,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut fds, 1, -1) };
        if n > 0 {
            return;
        }
        if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
    }
}

/// Saves, restores the terminal and stops the process (SIGTSTP, Ctrl-Z); on continuing,
/// takes the terminal again and asks for a full redraw.
fn suspend(slot: &Slot, redraw: &AtomicBool) {
    flush_slot(slot, Duration::from_millis(1500));
    super::profile::flush_pending();
    restore_terminal();
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
    let _ = enter_terminal();
    redraw.store(true, Ordering::SeqCst);
    SUSPENDED_BY_US.store(true, Ordering::SeqCst);
}

/// Set when [`suspend`] has taken the terminal back: the SIGCONT that woke it is handled.
static SUSPENDED_BY_US: AtomicBool = AtomicBool::new(false);

/// Keys that arrive within [`PASTE_BURST`] of a paste are pasted text (a paste that
/// carried its own end-of-paste marker), never commands: appends them to `text`.
fn absorb_paste_tail(text: &mut String) {
    let deadline = Instant::now() + PASTE_BURST;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || !event::poll(left).unwrap_or(false) {
            return;
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Char(c) => text.push(c),
                KeyCode::Enter => text.push('\n'),
                KeyCode::Tab => text.push('\t'),
                _ => {}
            },
            Ok(Event::Paste(more)) => text.push_str(&more),
            Ok(_) => {}
            Err(_) => return,
        }
    }
}

fn is_ctrl_z(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('z')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// The terminal while the TUI runs.
pub struct Tui {
    terminal: Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    slot: Slot,
    signals: Handle,
    thread: Option<JoinHandle<()>>,
    /// Set after a stop and continue: the screen must be drawn again in full.
    redraw: Arc<AtomicBool>,
    /// Cleared when the TUI ends, so that a later hang-up is left to the caller.
    active: Arc<AtomicBool>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, turns on bracketed paste, installs the
    /// panic hook, the signal thread and the hang-up watcher. Refuses (writing nothing)
    /// when standard input or output is not a terminal (see [`check_terminal`]).
    pub fn enter() -> io::Result<Tui> {
        crate::tty::check_terminal().map_err(|e| io::Error::other(format!("{e:?}")))?;
        let slot: Slot = Arc::new(Mutex::new(None));
        let redraw = Arc::new(AtomicBool::new(false));
        let active = Arc::new(AtomicBool::new(true));
        // A second signal ends the process at once, should saving ever hang.
        let seen = Arc::new(AtomicBool::new(false));
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(&seen))?;
            signal_hook::flag::register(sig, Arc::clone(&seen))?;
        }
        let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGCONT])?;
        let handle = signals.handle();
        let (thread_slot, thread_redraw) = (Arc::clone(&slot), Arc::clone(&redraw));
        let thread = std::thread::spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => suspend(&thread_slot, &thread_redraw),
                    SIGCONT if SUSPENDED_BY_US.swap(false, Ordering::SeqCst) => {}
                    SIGCONT => {
                        // Continued after a stop that was not ours (SIGSTOP).
                        let _ = enter_terminal();
                        thread_redraw.store(true, Ordering::SeqCst);
                    }
                    _ => leave(&thread_slot, 128 + sig),
                }
            }
        });
        let (watch_slot, watch_active) = (Arc::clone(&slot), Arc::clone(&active));
        std::thread::spawn(move || {
            wait_for_hang_up();
            if watch_active.load(Ordering::SeqCst) {
                leave(&watch_slot, 128 + SIGHUP);
            }
        });
        let hook_slot = Arc::clone(&slot);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            flush_slot(&hook_slot, Duration::from_millis(200));
            super::profile::flush_pending();
            restore_terminal();
            previous(info);
        }));
        let setup = || -> io::Result<Terminal<CrosstermBackend<BufWriter<Stdout>>>> {
            enter_terminal()?;
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
                active.store(false, Ordering::SeqCst);
                return Err(e);
            }
        };
        Ok(Tui {
            terminal,
            slot,
            signals: handle,
            thread: Some(thread),
            redraw,
            active,
        })
    }

    /// After a stop and continue: clears the screen so the next frame is drawn whole.
    fn take_redraw(&mut self) -> bool {
        if self.redraw.swap(false, Ordering::SeqCst) {
            // Not `Terminal::clear`: it asks the terminal where the cursor is and waits.
            let _ = crossterm::queue!(
                self.terminal.backend_mut(),
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
            );
            // Both buffers blank: the next frame is written whole.
            self.terminal.swap_buffers();
            self.terminal.swap_buffers();
            return true;
        }
        false
    }

    /// Reads the next event; Ctrl-Z stops the process (as in a shell) and reads on.
    fn read_event(&mut self) -> io::Result<Option<Event>> {
        let ev = event::read()?;
        if is_ctrl_z(&ev) {
            // SAFETY: raise has no preconditions; the signal thread does the rest.
            unsafe { libc::raise(SIGTSTP) };
            return Ok(None);
        }
        Ok(Some(match ev {
            Event::Paste(mut text) => {
                absorb_paste_tail(&mut text);
                Event::Paste(text)
            }
            other => other,
        }))
    }

    /// Runs the start screen until an item is chosen or the inspector quits.
    pub fn run_start(
        &mut self,
        screen: &mut StartScreen,
        theme: &Theme,
    ) -> io::Result<StartChoice> {
        let mut redraw = true;
        loop {
            redraw |= self.take_redraw();
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
            let Some(ev) = self.read_event()? else {
                continue;
            };
            match screen.handle(ev) {
                StartChoice::Stay => {}
                other => return Ok(other),
            }
        }
    }

    /// Runs the document-profile form until it is left (`Esc`) or onsite quits; the
    /// text being typed is saved on the way out, the terminal gone included.
    pub fn run_profile(
        &mut self,
        screen: &mut super::profile::ProfileScreen,
        theme: &Theme,
    ) -> io::Result<super::profile::ProfileChoice> {
        use super::profile::ProfileChoice;
        let mut redraw = true;
        loop {
            redraw |= self.take_redraw();
            if redraw {
                self.terminal
                    .draw(|f| view::profile::draw(f, screen, theme))?;
            }
            redraw = event::poll(Duration::from_millis(500))?;
            if !redraw {
                if stdin_hung_up() {
                    super::profile::flush_pending();
                    return Ok(ProfileChoice::Quit);
                }
                continue;
            }
            let Some(ev) = self.read_event()? else {
                continue;
            };
            match screen.handle(ev) {
                ProfileChoice::Stay => {}
                // Quitting: the caller saves what is pending once the terminal is back,
                // so that a failure can be read.
                other => return Ok(other),
            }
        }
    }

    /// Runs an inspection until the inspector quits or the terminal goes away.
    pub fn run_app(&mut self, app: &mut App) -> io::Result<Exit> {
        *lock(&self.slot) = Some(app.shared());
        let mut redraw = true;
        loop {
            redraw |= self.take_redraw();
            if redraw && self.terminal.draw(|f| view::draw(f, app)).is_err() {
                self.hang_up();
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
                Ok(true) => match self.read_event() {
                    Ok(None) => redraw = true,
                    Ok(Some(ev)) => {
                        redraw = true;
                        if app.handle(ev) == Control::Quit {
                            app.finish_saves(Duration::from_secs(30));
                            if !app.offer_rescue() {
                                return Ok(Exit::Quit);
                            }
                        }
                    }
                    Err(_) => self.hang_up(),
                },
                Ok(false) => {
                    if stdin_hung_up() {
                        self.hang_up();
                    }
                    redraw = app.tick(Instant::now()) || app.is_saving();
                }
                Err(_) => self.hang_up(),
            }
        }
    }

    /// The terminal is gone: save everything, release the lock, exit.
    fn hang_up(&mut self) -> ! {
        leave(&self.slot, 128 + SIGHUP)
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.active.store(false, Ordering::SeqCst);
        self.signals.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let _ = self.terminal.backend_mut().flush();
        restore_terminal();
    }
}
