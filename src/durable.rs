//! The one way onsite writes a file in place: a temporary file in the target's directory
//! (`.onsite-XXXXXX.tmp`, mode set exactly, locked while written), fsync, rename over the
//! target (or link beside it without replacing), fsync the directory.
//!
//! Records (`record::store`) and every output file (`output`: reports, documents,
//! workbooks) go through [`write`]; what each refuses first (a symbolic link, another
//! user's file, …) is checked by its caller.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Temporary files of writes in progress are named `.onsite-XXXXXX.tmp`.
pub const TEMP_PREFIX: &str = ".onsite-";
/// See [`TEMP_PREFIX`].
pub const TEMP_SUFFIX: &str = ".tmp";

/// Whether the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Rename over whatever is there.
    Replace,
    /// Only if nothing is there (`Exists` otherwise): two processes creating the same name
    /// never overwrite each other.
    New,
}

/// What failed, with the path it concerns.
#[derive(Debug)]
pub enum Failure {
    /// `Place::New` and the target exists.
    Exists,
    /// The step (`create a temporary file in`, `write`, `sync the directory`), the path and
    /// the OS reason.
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes what `fill` writes to `path`, atomically and durably, with `mode` (unix).
pub fn write(
    path: &Path,
    mode: u32,
    place: Place,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |action: &'static str, p: &Path, source: std::io::Error| Failure::Io {
        action,
        path: p.to_path_buf(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    #[cfg(not(unix))]
    let _ = mode;
    let tmp = builder
        .tempfile_in(dir)
        .map_err(|e| fail("create a temporary file in", dir, e))?;
    // The umask may have narrowed the mode asked for: set it exactly.
    #[cfg(unix)]
    tmp.as_file()
        .set_permissions(std::os::unix::fs::PermissionsExt::from_mode(mode))
        .map_err(|e| fail("write", tmp.path(), e))?;
    // Locked while it is written, so the next start can tell it from a stray one.
    let _ = tmp.as_file().try_lock();
    {
        let mut w = BufWriter::with_capacity(1 << 16, tmp.as_file());
        fill(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| fail("write", tmp.path(), e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail("write", tmp.path(), e))?;
    let placed = match place {
        Place::Replace => tmp.persist(path).map(drop),
        Place::New => tmp.persist_noclobber(path).map(drop),
    };
    if let Err(e) = placed {
        if place == Place::New && e.error.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(Failure::Exists);
        }
        return Err(fail("write", path, e.error));
    }
    sync_dir(dir).map_err(|e| fail("sync the directory", dir, e))
}

/// Syncs a directory so a rename in it survives a power loss. Filesystems that cannot
/// sync a directory say so with `EINVAL`; the rename has happened and is not undone.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match File::open(dir)?.sync_all() {
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_never_replaces_and_replace_does() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.json");
        write(&p, 0o600, Place::New, |w: &mut dyn Write| {
            w.write_all(b"one")
        })
        .unwrap();
        let again = write(&p, 0o600, Place::New, |w: &mut dyn Write| {
            w.write_all(b"two")
        });
        assert!(matches!(again, Err(Failure::Exists)));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write(&p, 0o600, Place::Replace, |w: &mut dyn Write| {
            w.write_all(b"three")
        })
        .unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn the_mode_is_exact_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write(&p, 0o640, Place::Replace, |w: &mut dyn Write| {
            w.write_all(b"x")
        })
        .unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_failed_fill_leaves_the_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.json");
        std::fs::write(&p, b"kept").unwrap();
        let r = write(&p, 0o600, Place::Replace, |_: &mut dyn Write| {
            Err(std::io::Error::other("boom"))
        });
        assert!(matches!(
            r,
            Err(Failure::Io {
                action: "write",
                ..
            })
        ));
        assert_eq!(std::fs::read(&p).unwrap(), b"kept");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
