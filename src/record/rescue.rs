//! The rescue copy: where the answers go when the record's own file cannot be written
//! (disk full, read-only, records dir gone, the file changed by another program).
//!
//! A private, unpredictable place: a new file with a random name (created exclusively,
//! mode 0600, never through a link, never over another file) in `<data-dir>/rescue`
//! (mode 0700), else in the home directory, else in a fresh private directory in the temp
//! dir. The copy is outside `records/`, so it never stands beside the record as a second
//! record with the same id; it is brought back in place by moving it over the record
//! file ([`restore_hint`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::model::Record;
use crate::sanitize;

/// Writes a rescue copy of `record`; returns its path, or every place's error joined.
pub fn write(record: &Record, data_dir: Option<&Path>) -> Result<PathBuf, String> {
    let mut errors = Vec::new();
    let mut places: Vec<PathBuf> = Vec::new();
    if let Some(d) = data_dir {
        places.push(d.join("rescue"));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        places.push(home);
    }
    for dir in places {
        match write_in(record, &dir, true) {
            Ok(p) => return Ok(p),
            Err(e) => errors.push(e),
        }
    }
    // A private directory of our own in the shared temp dir (never a known name there).
    match tempfile::Builder::new()
        .prefix("onsite-rescue-")
        .tempdir()
        .map(tempfile::TempDir::keep)
    {
        Ok(dir) => match write_in(record, &dir, false) {
            Ok(p) => return Ok(p),
            Err(e) => errors.push(e),
        },
        Err(e) => errors.push(format!("{}: {e}", std::env::temp_dir().display())),
    }
    Err(errors.join("; "))
}

fn write_in(record: &Record, dir: &Path, create_dir: bool) -> Result<PathBuf, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", dir.display());
    if create_dir {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir).map_err(fail)?;
    }
    let id = sanitize::line(&record.id).replace(['/', '\\'], "-");
    let prefix = format!("{id}.rescue-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".json");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    serde_json::to_writer_pretty(&mut tmp, record)
        .map_err(std::io::Error::from)
        .and_then(|()| tmp.write_all(b"\n"))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(fail)?;
    let (_, path) = tmp.keep().map_err(|e| fail(e.error))?;
    Ok(path)
}

/// The shell command that puts a rescue copy back in place of the record file.
pub fn restore_hint(rescue: &Path, record_path: &Path) -> String {
    format!(
        "mv {} {}",
        shell_quote(&rescue.display().to_string()),
        shell_quote(&record_path.display().to_string())
    )
}

/// A path quoted for a POSIX shell when it needs it.
pub fn shell_quote(s: &str) -> String {
    let s = sanitize::line(s);
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_./=:@+,".contains(c));
    if plain {
        s
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        let mut r = crate::session::tests::record();
        r.id = "20261202-0900-so-tttt".into();
        r.general_notes = "Biên bản họp: đã nghe báo cáo.".into();
        r
    }

    #[test]
    fn each_copy_is_a_new_private_file_and_a_planted_name_changes_nothing() {
        let data = tempfile::tempdir().unwrap();
        let r = record();
        let a = write(&r, Some(data.path())).unwrap();
        let b = write(&r, Some(data.path())).unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with(data.path().join("rescue")));
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&a), 0o600);
        assert_eq!(mode(&data.path().join("rescue")), 0o700);
        let back = crate::record::load(&a).unwrap();
        assert_eq!(back.general_notes, r.general_notes);
        // The rescue dir cannot be made (a file is in the way): the next place is used.
        let blocked = tempfile::tempdir().unwrap();
        std::fs::write(blocked.path().join("rescue"), "chặn").unwrap();
        let c = write(&r, Some(blocked.path())).unwrap();
        assert!(!c.starts_with(blocked.path()), "{}", c.display());
        assert!(crate::record::load(&c).is_ok());
        let _ = std::fs::remove_file(&c);
    }

    #[test]
    fn the_restore_hint_quotes_paths() {
        let hint = restore_hint(Path::new("/tmp/a b/x.json"), Path::new("/d/records/r.json"));
        assert_eq!(hint, "mv '/tmp/a b/x.json' /d/records/r.json");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }
}
