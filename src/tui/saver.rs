//! Saving on a background thread, so that a slow durable save (fsync, or a very large
//! record) never delays reading and drawing the next key.
//!
//! The main loop hands over each new snapshot; the thread always writes the newest one
//! (older queued snapshots are skipped). The loop waits for the save to finish before
//! reading the next key, unless that key arrives first. A signal, a hang-up or a panic
//! saves synchronously through [`Persist::save_now`], after any save in flight, so the
//! newest state is always written last.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::persist::{Persist, SaveStatus, lock};
use crate::record::Record;

struct State {
    /// The newest snapshot not yet taken by the thread.
    next: Option<Record>,
    /// The thread is writing a snapshot.
    busy: bool,
    /// The outcome of the last save, not yet reported by `status`.
    report: Option<Result<(), String>>,
    /// The last save failed with this.
    failed: Option<String>,
    /// The saver is being dropped.
    stop: bool,
}

struct Inner {
    state: Mutex<State>,
    changed: Condvar,
    /// Held while writing (by the thread or `save_now`).
    persist: Mutex<Box<dyn Persist>>,
    location: String,
}

/// A `Persist` that saves on its own thread (see the module comment).
pub struct BackgroundSaver {
    inner: Arc<Inner>,
    thread: Option<JoinHandle<()>>,
}

impl BackgroundSaver {
    /// Saves through `persist` on a new thread.
    pub fn new(persist: Box<dyn Persist>) -> BackgroundSaver {
        let inner = Arc::new(Inner {
            state: Mutex::new(State {
                next: None,
                busy: false,
                report: None,
                failed: None,
                stop: false,
            }),
            changed: Condvar::new(),
            location: persist.location(),
            persist: Mutex::new(persist),
        });
        let worker = Arc::clone(&inner);
        let thread = std::thread::spawn(move || run(&worker));
        BackgroundSaver {
            inner,
            thread: Some(thread),
        }
    }

    /// Waits until nothing is queued or being written, at most `wait`; whether idle.
    pub fn wait_idle(&self, wait: Duration) -> bool {
        let deadline = Instant::now() + wait;
        let mut s = lock(&self.inner.state);
        while s.busy || s.next.is_some() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            s = self
                .inner
                .changed
                .wait_timeout(s, left)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        true
    }
}

fn run(inner: &Inner) {
    loop {
        {
            let mut s = lock(&inner.state);
            while s.next.is_none() && !s.stop {
                s = inner.changed.wait(s).unwrap_or_else(|e| e.into_inner());
            }
            if s.next.is_none() {
                return;
            }
        }
        // The persist lock before taking the snapshot: a `save_now` (which empties the
        // queue first) is then never followed by the write of an older snapshot.
        let mut persist = lock(&inner.persist);
        let Some(record) = ({
            let mut s = lock(&inner.state);
            s.busy = s.next.is_some();
            s.next.take()
        }) else {
            continue;
        };
        // A panicking save must not leave `busy` set for ever (the loop would wait on it).
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| persist.save(&record)))
                .unwrap_or_else(|_| Err("the save failed unexpectedly".to_string()));
        drop(persist);
        let mut s = lock(&inner.state);
        s.busy = false;
        s.failed = result.as_ref().err().cloned();
        s.report = Some(result);
        inner.changed.notify_all();
    }
}

impl Persist for BackgroundSaver {
    /// Queues the snapshot; returns the error of the last save done, if it failed.
    fn save(&mut self, record: &Record) -> Result<(), String> {
        let mut s = lock(&self.inner.state);
        s.next = Some(record.clone());
        self.inner.changed.notify_all();
        match &s.failed {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    fn save_now(&mut self, record: &Record) -> Result<(), String> {
        lock(&self.inner.state).next = None;
        let result = lock(&self.inner.persist).save(record);
        let mut s = lock(&self.inner.state);
        s.failed = result.as_ref().err().cloned();
        s.report = Some(result.clone());
        result
    }

    fn status(&mut self) -> SaveStatus {
        let mut s = lock(&self.inner.state);
        if s.busy || s.next.is_some() {
            SaveStatus::Saving
        } else {
            match s.report.take() {
                Some(r) => SaveStatus::Done(r),
                None => SaveStatus::Idle,
            }
        }
    }

    fn location(&self) -> String {
        self.inner.location.clone()
    }
}

/// Writes what is queued, then ends the thread.
impl Drop for BackgroundSaver {
    fn drop(&mut self) {
        lock(&self.inner.state).stop = true;
        self.inner.changed.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::MemoryPersist;

    fn record(note: &str) -> Record {
        let mut r = crate::session::tests::record();
        r.general_notes = note.to_string();
        r
    }

    #[test]
    fn writes_the_newest_snapshot_last_and_reports_errors() {
        let memory = MemoryPersist::default();
        let mut saver = BackgroundSaver::new(Box::new(memory.clone()));
        for note in ["Biên bản 1", "Biên bản 2", "Biên bản 3"] {
            assert_eq!(saver.save(&record(note)), Ok(()));
        }
        assert!(saver.wait_idle(Duration::from_secs(5)));
        assert_eq!(saver.status(), SaveStatus::Done(Ok(())));
        assert_eq!(saver.status(), SaveStatus::Idle);
        let saves = lock(&memory.saves).clone();
        assert_eq!(
            saves.last().map(|r| r.general_notes.as_str()),
            Some("Biên bản 3")
        );
        *lock(&memory.fail) = Some("đĩa đầy".into());
        assert_eq!(saver.save(&record("Biên bản 4")), Ok(()));
        assert!(saver.wait_idle(Duration::from_secs(5)));
        assert_eq!(saver.status(), SaveStatus::Done(Err("đĩa đầy".into())));
        // Until a save succeeds, every save says the last one failed.
        assert_eq!(saver.save(&record("Biên bản 5")), Err("đĩa đầy".into()));
        *lock(&memory.fail) = None;
        assert_eq!(saver.save_now(&record("Ghi chú cuối")), Ok(()));
        drop(saver);
        let saves = lock(&memory.saves).clone();
        assert_eq!(
            saves.last().map(|r| r.general_notes.as_str()),
            Some("Ghi chú cuối")
        );
    }
}
