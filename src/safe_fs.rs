//! Opening files without surprises. Paths come from the user, from directory listings and
//! from other users of a shared directory, so a file is opened only if it is what it claims
//! to be: a regular file (a FIFO or device is refused at once, never waited on), and, for
//! the files onsite writes or owns (records, locks, temp files), not a symbolic link. Also
//! the checks on a directory other users can write, and on the target of an output file.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};

/// Whether a symbolic link in the last component of the path is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Followed (checklists the user keeps as links).
    Follow,
    /// Refused (files onsite writes: records, locks, temp files).
    Refuse,
}

/// Why a file was not opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The OS refused (missing, permissions, …).
    #[error("{0}")]
    Io(#[from] io::Error),
    /// A symbolic link where onsite will not follow one.
    #[error("it is a symbolic link")]
    Link,
    /// A directory, FIFO, socket or device.
    #[error("it is not a regular file ({0})")]
    Special(&'static str),
}

/// What kind of file `meta` describes, for messages.
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens a regular file for reading. A FIFO is opened without waiting for a writer and
/// then refused; with [`Links::Refuse`] a symbolic link is refused without being followed.
pub fn open_regular(path: &Path, links: Links) -> Result<File, OpenError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        let mut flags = libc::O_NONBLOCK;
        if links == Links::Refuse {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if links == Links::Refuse && e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(OpenError::Link);
        }
        Err(e) => return Err(e.into()),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(OpenError::Special(kind_of(&meta)));
    }
    #[cfg(unix)]
    set_blocking(&file)?;
    Ok(file)
}

#[cfg(unix)]
fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor we own, with plain integer arguments.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Adds "do not follow a link in the last component" to `options` (a no-op elsewhere).
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    options.custom_flags(libc::O_NOFOLLOW);
    options
}

/// The mode bits of a directory that other users may write into, without the sticky bit
/// that would keep them from replacing our files (as ssh checks `~/.ssh`); `None` if only
/// its owner (or root) can change it.
pub fn writable_by_others(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        let meta = std::fs::metadata(dir).ok()?;
        let mode = meta.permissions().mode();
        let open = mode & 0o022 != 0 && mode & 0o1000 == 0;
        open.then_some(mode & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// What may be done with an existing output path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing there: create it.
    New,
    /// A regular file of ours with one name: replace it, keeping this mode.
    Replace(u32),
}

/// Why an output file was not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A symbolic link.
    Link,
    /// A FIFO, device, socket or directory (the kind).
    Special(&'static str),
    /// Owned by another user (replacing it would change its owner).
    OtherOwner,
    /// It has other hard links (replacing it would split them).
    HardLinks(u64),
}

/// Checks an output path before a report or export is written to it: never through a
/// link, never over a special file, never over another user's file or a hard-linked one.
pub fn output_target(path: &Path) -> Result<Target, Refusal> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(_) => return Ok(Target::New),
    };
    let t = meta.file_type();
    if t.is_symlink() {
        return Err(Refusal::Link);
    }
    if !t.is_file() {
        return Err(Refusal::Special(kind_of(&meta)));
    }
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        if meta.uid() != me {
            return Err(Refusal::OtherOwner);
        }
        if meta.nlink() > 1 {
            return Err(Refusal::HardLinks(meta.nlink()));
        }
        Ok(Target::Replace(meta.permissions().mode() & 0o7777))
    }
    #[cfg(not(unix))]
    Ok(Target::Replace(0o644))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid C string path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn a_fifo_is_refused_at_once_and_a_link_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("hàng-đợi.json");
        mkfifo(&fifo);
        let started = std::time::Instant::now();
        let err = open_regular(&fifo, Links::Follow).unwrap_err();
        assert!(matches!(err, OpenError::Special("a FIFO")), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        let real = dir.path().join("thật.json");
        std::fs::write(&real, "{}").unwrap();
        let link = dir.path().join("liên-kết.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(open_regular(&link, Links::Follow).is_ok());
        assert!(matches!(
            open_regular(&link, Links::Refuse),
            Err(OpenError::Link)
        ));
        assert!(matches!(output_target(&link), Err(Refusal::Link)));
        assert_eq!(output_target(&fifo), Err(Refusal::Special("a FIFO")));
        let hard = dir.path().join("cứng.json");
        std::fs::hard_link(&real, &hard).unwrap();
        assert_eq!(output_target(&hard), Err(Refusal::HardLinks(2)));
        assert_eq!(output_target(&dir.path().join("mới.md")), Ok(Target::New));
    }

    #[test]
    fn a_directory_others_can_write_is_noticed_unless_sticky() {
        let dir = tempfile::tempdir().unwrap();
        let set = |mode| {
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode)).unwrap()
        };
        set(0o700);
        assert_eq!(writable_by_others(dir.path()), None);
        set(0o777);
        assert_eq!(writable_by_others(dir.path()), Some(0o777));
        set(0o775);
        assert_eq!(writable_by_others(dir.path()), Some(0o775));
        set(0o1777);
        assert_eq!(writable_by_others(dir.path()), None);
        set(0o700);
    }
}
