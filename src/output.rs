//! Writing an output file (report, document, workbook) in place through `durable::write`.
//!
//! The target is checked first (`safe_fs::output_target`): a symbolic link, FIFO, device,
//! directory, another user's file or a file with other hard links is refused, never
//! replaced. An existing file keeps its mode; a new one is created 0600 (reports hold what
//! the record holds). `-` is standard output (see `cli::report::emit`).
//! Here rather than in `report/`: documents, workbooks and the document profile are
//! written the same way.

use std::path::{Path, PathBuf};

use crate::durable::{self, Failure, Place};
use crate::safe_fs::{self, Refusal, Target};

/// A file that could not be written (the sentence in each language is in `i18n::cli`).
#[derive(Debug)]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// The OS reason.
    pub source: std::io::Error,
    /// Set when onsite refused the target itself (a link, a FIFO, …) rather than the OS.
    pub refused: Option<Refusal>,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The sentences shown to users are `i18n::cli::write_failed`; this is for logs.
        match self.refused {
            Some(why) => write!(f, "refused to write {}: {why:?}", self.path.display()),
            None => write!(f, "cannot write {}: {}", self.path.display(), self.source),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Writes `bytes` to `path` atomically; the error names the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mode = match safe_fs::output_target(path) {
        Ok(Target::New) => 0o600,
        Ok(Target::Replace(mode)) => mode,
        Err(why) => {
            return Err(WriteError {
                path: path.to_path_buf(),
                source: std::io::Error::other("refused"),
                refused: Some(why),
            });
        }
    };
    durable::write(path, mode, Place::Replace, |w| w.write_all(bytes)).map_err(|e| {
        let source = match e {
            Failure::Exists => std::io::ErrorKind::AlreadyExists.into(),
            Failure::Io { source, .. } => source,
        };
        WriteError {
            path: path.to_path_buf(),
            source,
            refused: None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
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
    fn keeps_the_mode_of_an_existing_file_and_refuses_links() {
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
        let err = write_atomic(&link, b"x").unwrap_err();
        assert_eq!(err.refused, Some(Refusal::Link));
        let vi = crate::i18n::cli::write_failed(Lang::Vi, &err);
        assert!(
            vi.contains("liên-kết.md") && vi.contains("liên kết tượng trưng"),
            "{vi}"
        );
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
        assert!(err.to_string().contains("r.md"), "{err}");
    }
}
