//! Atomic, durable writing of report files: a temporary file in the same directory,
//! fsync, rename over the target, fsync the directory. A symlink target is followed,
//! not replaced. New files are created 0600 (reports hold what the record holds).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file that could not be written (the sentence in each language is in `i18n::cli`).
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// The OS reason.
    pub source: std::io::Error,
}

/// Writes `bytes` to `path` atomically; the error names the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let target: PathBuf = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|source| WriteError {
                path: path.to_path_buf(),
                source,
            })?
        }
        _ => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |source: std::io::Error| WriteError {
        path: target.clone(),
        source,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".onsite-report-")
        .tempfile_in(&dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    if let Ok(d) = File::open(&dir) {
        // Some filesystems refuse to sync a directory; the rename has happened anyway.
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope").join("r.md");
        let err = write_atomic(&p, b"x").unwrap_err();
        assert!(err.to_string().contains("r.md"), "{err}");
    }
}
