//! The edit lock of a record: a sidecar `<id>.lock` beside it, locked with
//! `File::try_lock` (flock on Unix) and holding who has it open, so a second `onsite`
//! can say "open by alice@laptop (pid 1234) since 09:31" and offer read-only.
//!
//! The OS releases the lock when the holder exits or crashes, so no lock is ever stale.
//! The sidecar, not the record, is locked: saves replace the record's inode by rename.
//! Reading a record never needs the lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::Local;
use serde::{Deserialize, Serialize};

use super::model::Timestamp;
use crate::sanitize;

/// Who holds a record open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Holder {
    /// Login name.
    pub user: String,
    /// Host name.
    pub host: String,
    /// Process id.
    pub pid: u32,
    /// When it was opened.
    pub since: Timestamp,
}

impl Holder {
    /// This process, now.
    pub fn me() -> Holder {
        Holder {
            user: current_user(),
            host: host_name(),
            pid: std::process::id(),
            since: Local::now().fixed_offset(),
        }
    }

    /// When it was opened, in local time: `09:31`, with the date when not today.
    pub fn when(&self) -> String {
        let today = Local::now().date_naive();
        let local = self.since.with_timezone(&Local);
        if local.date_naive() == today {
            local.format("%H:%M").to_string()
        } else {
            local.format("%Y-%m-%d %H:%M").to_string()
        }
    }

    /// `alice@laptop (pid 1234) since 09:31` (with the date when not today).
    pub fn describe(&self) -> String {
        let when = self.when();
        format!(
            "{}@{} (pid {}) since {when}",
            sanitize::line(&self.user),
            sanitize::line(&self.host),
            self.pid
        )
    }
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it.
    #[error("the record is open by {}; open it read-only with --read-only", .0.describe())]
    Held(Holder),
    /// The lock file could not be opened or locked.
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The OS reason.
        source: std::io::Error,
    },
}

/// The held lock; released (and its sidecar removed) on drop.
#[derive(Debug)]
pub struct LockGuard {
    file: File,
    path: PathBuf,
}

impl LockGuard {
    /// The sidecar file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        // Removed while still locked; `acquire` checks it locked the file still at the path.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The sidecar lock path of a record: `<id>.lock` beside `<id>.json`.
pub fn lock_path(record_path: &Path) -> PathBuf {
    record_path.with_extension("lock")
}

/// Takes the edit lock of a record, or says who holds it.
pub fn acquire(record_path: &Path) -> Result<LockGuard, LockError> {
    let path = lock_path(record_path);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    for _ in 0..20 {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(LockError::Held(read_holder(&mut file))),
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        if !same_file(&file, &path) {
            // The previous holder removed this sidecar as we opened it: start again.
            continue;
        }
        let info = serde_json::to_vec(&Holder::me()).map_err(|e| io(e.into()))?;
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(&info).map_err(io)?;
        file.flush().map_err(io)?;
        return Ok(LockGuard { file, path });
    }
    Err(io(std::io::Error::other("the lock file keeps changing")))
}

/// Who holds a record's lock, if anyone (without taking it).
pub fn holder(record_path: &Path) -> Option<Holder> {
    match acquire(record_path) {
        Err(LockError::Held(h)) => Some(h),
        _ => None,
    }
}

fn read_holder(file: &mut File) -> Holder {
    // The holder writes its details just after locking: give it a moment.
    for _ in 0..10 {
        let mut text = String::new();
        if file.seek(SeekFrom::Start(0)).is_ok()
            && file.read_to_string(&mut text).is_ok()
            && let Ok(h) = serde_json::from_str::<Holder>(&text)
        {
            return h;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Holder {
        user: "someone".into(),
        host: "unknown host".into(),
        pid: 0,
        since: Local::now().fixed_offset(),
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn current_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .or_else(user_from_passwd)
        .unwrap_or_else(|| "someone".into())
}

/// The login name of the real user id, from the password database (when `$USER` is unset,
/// as under some SSH commands, cron or containers).
#[cfg(unix)]
fn user_from_passwd() -> Option<String> {
    let mut buf = vec![0u8; 4096];
    // SAFETY: passwd is plain data; getpwuid_r writes into `pwd` and `buf` (valid for their
    // sizes) and sets `result` to null or to `&pwd`, whose `pw_name` points into `buf`.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(
            libc::getuid(),
            &mut pwd,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        );
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr(pwd.pw_name)
            .to_string_lossy()
            .into_owned();
        (!name.is_empty()).then_some(name)
    }
}

#[cfg(not(unix))]
fn user_from_passwd() -> Option<String> {
    None
}

fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname NUL-terminates on success.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            let name = String::from_utf8_lossy(&buf[..end]).into_owned();
            if !name.is_empty() {
                return name;
            }
        }
    }
    std::env::var("HOSTNAME")
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .unwrap_or_else(|_| "localhost".into())
}
