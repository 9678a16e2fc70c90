//! Runs the real `onsite` binary in a pseudo-terminal: a reader thread always drains the
//! pty into a vt100 parser (so the app never blocks on write), keys are written as bytes.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running `onsite` in a pty.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("non-zero")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    /// Starts `onsite ARGS --data-dir DATA` at `cols`×`rows` with a UTF-8 locale.
    pub fn spawn(args: &[&str], data: &Path, envs: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let mut all: Vec<&str> = args.to_vec();
        let data_arg = data.display().to_string();
        all.push("--data-dir");
        all.push(&data_arg);
        Pty::start(env!("CARGO_BIN_EXE_onsite"), &all, data, envs, cols, rows)
    }

    /// Starts any program (e.g. a shell wrapping onsite) in the pty.
    pub fn spawn_program(program: &str, args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Pty {
        Pty::start(program, args, cwd, &[], cols, rows)
    }

    fn start(
        program: &str,
        args: &[&str],
        cwd: &Path,
        envs: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("ONSITE_LANG");
        cmd.env_remove("ONSITE_DATA_DIR");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("ONSITE_ASCII");
        cmd.env_remove("LC_ALL");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn onsite");
        drop(pair.slave);
        // Our own descriptors: portable-pty's writer sends "\n" and EOF when dropped,
        // which a dropped SSH connection does not do.
        let master_fd = pair.master.as_raw_fd().expect("pty master fd");
        let dup = || {
            // SAFETY: dup of a valid fd; the File owns the copy.
            let fd = unsafe { libc::dup(master_fd) };
            assert!(fd >= 0, "dup the pty master");
            // SAFETY: fd is a fresh descriptor owned by nobody else.
            unsafe { std::fs::File::from_raw_fd(fd) }
        };
        let writer: Box<dyn Write + Send> = Box::new(dup());
        let mut reader = dup();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (p, r, st) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !st.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                let n = unsafe { libc::poll(&mut pfd, 1, 50) };
                if n <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        p.lock().unwrap().process(&buf[..n]);
                        r.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        Pty {
            parser,
            raw,
            writer: Some(writer),
            master: Some(pair.master),
            child,
            reader: Some(thread),
            stop,
        }
    }

    /// Writes bytes (keys) to the app.
    pub fn send(&mut self, s: &str) {
        let w = self.writer.as_mut().expect("pty still open");
        w.write_all(s.as_bytes()).expect("write to pty");
        w.flush().expect("flush pty");
    }

    /// Writes keys one by one with a short pause (as typed).
    pub fn type_slowly(&mut self, s: &str) {
        let mut b = [0u8; 4];
        for c in s.chars() {
            self.send(c.encode_utf8(&mut b));
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// The text on the screen.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Every byte the app wrote.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Whether the app is on the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen shows `needle`; panics with the screen after `secs`.
    pub fn wait_for(&self, needle: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if self.screen().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{needle:?} not on screen after {secs}s:\n{}", self.screen());
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if !self.screen().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{needle:?} still on screen after {secs}s:\n{}",
            self.screen()
        );
    }

    /// Waits for the process to end; its exit code, or None if it is still running.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// The child's process id.
    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// Resizes the pty and the parser.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // Hold the parser while both change, so no frame is parsed at the wrong size.
        let mut parser = self.parser.lock().unwrap();
        parser.set_size(nz(rows), nz(cols));
        if let Some(m) = &self.master {
            m.resize(size(cols, rows)).expect("resize pty");
        }
    }

    /// Closes the master side (as a dropped SSH connection does).
    pub fn close(&mut self) {
        self.writer = None;
        self.master = None;
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.reader.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close();
    }
}
