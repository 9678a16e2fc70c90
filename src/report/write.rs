//! Atomic, durable writing of report files: a temporary file in the same directory,
//! fsync, rename over the target, fsync the directory.
//!
//! The target is checked first (`safe_fs::output_target`): a symbolic link, FIFO, device,
//! directory, another user's file or a file with other hard links is refused with a
//! sentence, never replaced. An existing file keeps its mode; a new one is created 0600
//! (reports hold what the record holds). `-` is standard output (see `app::report::emit`).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::safe_fs::{self, Target};

/// Writes `bytes` to `path` atomically; the error is one sentence (English) naming the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomic_in(path, bytes, Lang::En)
}

/// Writes `bytes` to `path` atomically; the error is one sentence in `lang` naming the file.
pub fn write_atomic_in(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    let mode = match safe_fs::output_target(path) {
        Ok(Target::New) => 0o600,
        Ok(Target::Replace(mode)) => mode,
        Err(why) => return Err(crate::i18n::safety::output_refused(lang, path, why)),
    };
    let target: PathBuf = path.to_path_buf();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", target.display());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".onsite-report-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    #[cfg(not(unix))]
    let _ = mode;
    let mut tmp = builder.tempfile_in(&dir).map_err(|e| fail("write", e))?;
    // The umask may have narrowed the mode asked for: set it exactly.
    #[cfg(unix)]
    tmp.as_file()
        .set_permissions(std::os::unix::fs::PermissionsExt::from_mode(mode))
        .map_err(|e| fail("write", e))?;
    tmp.write_all(bytes).map_err(|e| fail("write", e))?;
    tmp.as_file().sync_all().map_err(|e| fail("write", e))?;
    tmp.persist(&target).map_err(|e| fail("write", e.error))?;
    if let Ok(d) = File::open(&dir) {
        // Some filesystems refuse to sync a directory; the rename has happened anyway.
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("báo-cáo.md");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, "hai — Kết luận".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "hai — Kết luận");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn keeps_the_mode_of_an_existing_file_and_refuses_links_and_fifos() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("báo-cáo.md");
        fs::write(&p, "cũ").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&p, "mới".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "mới");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o644
        );
        let link = dir.path().join("liên-kết.md");
        std::os::unix::fs::symlink(&p, &link).unwrap();
        let err = write_atomic_in(&link, b"x", Lang::Vi).unwrap_err();
        assert!(err.contains("liên-kết.md"), "{err}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "mới");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope").join("r.md");
        let err = write_atomic(&p, b"x").unwrap_err();
        assert!(err.contains("r.md"), "{err}");
    }
}
