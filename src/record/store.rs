//! The record store: `<data-dir>/records/<id>.json`, created private (dir 0700, files
//! 0600), saved atomically and durably (`durable::write`), found by id, unique id prefix or path, and listed with progress.

use std::path::{Path, PathBuf};

use super::id;
use super::io::{LoadError, load_with_warnings};
use super::listing::Listing;
use super::lock::{self, LockError, LockGuard};
use super::model::{RECORD_FORMAT, Record, Status, Timestamp};
use crate::checklist::Text;
use crate::durable::{self, Failure, Place, TEMP_PREFIX, TEMP_SUFFIX};
use crate::sanitize;

/// Why the store could not do something. Each message is one sentence naming the path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An OS operation failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done (`write`, `create the records dir`, …).
        action: &'static str,
        /// The path.
        path: PathBuf,
        /// The OS reason.
        source: std::io::Error,
    },
    /// The record file is a symbolic link; it is never replaced silently.
    #[error("{} is a symbolic link; onsite will not replace it (move the real file there)", path.display())]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// The record is of a format this version does not write.
    #[error("will not save {}: its format is `{format}`, this onsite writes {RECORD_FORMAT}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// The format found in the record.
        format: String,
    },
    /// The record's id cannot be a file name.
    #[error("the record id `{0}` is not a valid file name")]
    BadId(String),
    /// No record matches.
    #[error("no record `{spec}` in {}; `onsite list` shows the records", dir.display())]
    NotFound {
        /// What was asked for.
        spec: String,
        /// The records dir.
        dir: PathBuf,
    },
    /// Several records start with the prefix.
    #[error("`{spec}` matches several records: {}; give more of the id", candidates.join(", "))]
    Ambiguous {
        /// What was asked for.
        spec: String,
        /// The matching ids.
        candidates: Vec<String>,
    },
    /// The record file could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The records dir is not safe to lock records in.
    #[error(transparent)]
    Lock(#[from] LockError),
}

/// What listing the records has to tell besides the list (the sentence in each language is
/// in `i18n::cli`; `Display` is the English one).
#[derive(Debug, thiserror::Error)]
pub enum ListWarning {
    /// A record other users can read.
    #[error(transparent)]
    Readable(super::io::PermissionWarning),
    /// A record file that could not be read, left out of the list.
    #[error("skipped {0}")]
    Skipped(LoadError),
    /// The records dir could not be read.
    #[error(transparent)]
    Store(StoreError),
}

/// One line of `onsite list`.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordSummary {
    /// The record id.
    pub id: String,
    /// The record file.
    pub path: PathBuf,
    /// Id of the checklist it was started from.
    pub checklist_id: String,
    /// Title of that checklist.
    pub checklist_title: Text,
    /// The organisation header field (empty when none).
    pub organisation: String,
    /// In progress or finished.
    pub status: Status,
    /// Visible answerable questions answered.
    pub answered: usize,
    /// Visible answerable questions.
    pub total: usize,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl RecordSummary {
    /// The summary of a loaded record at `path`.
    pub fn of(record: &Record, path: &Path) -> RecordSummary {
        RecordSummary::from_listing(
            &record.id,
            record.status,
            record.updated_at,
            Listing::of(record),
            path,
        )
    }

    fn from_listing(
        id: &str,
        status: Status,
        updated_at: Timestamp,
        listing: Listing,
        path: &Path,
    ) -> RecordSummary {
        RecordSummary {
            id: id.to_string(),
            path: path.to_path_buf(),
            checklist_id: listing.checklist_id,
            checklist_title: listing.checklist_title,
            organisation: listing.organisation,
            status,
            answered: listing.answered,
            total: listing.total,
            updated_at,
        }
    }

    /// The summary of the record file at `path`, with its warnings: from the head of the
    /// file when it holds the figures of a listing, else from the whole record.
    fn read(path: &Path) -> Result<(RecordSummary, Vec<ListWarning>), LoadError> {
        if let Ok(meta) = std::fs::metadata(path)
            && let Some(head) = super::io::read_head(path)
            && id::is_valid(&head.id)
            && let Some(listing) = head.listing
        {
            let warnings = super::io::permission_warning(path, &meta)
                .into_iter()
                .map(ListWarning::Readable)
                .collect();
            let listing = listing.sanitized();
            let summary =
                RecordSummary::from_listing(&head.id, head.status, head.updated_at, listing, path);
            return Ok((summary, warnings));
        }
        let loaded = load_with_warnings(path)?;
        let warnings = loaded
            .warnings
            .into_iter()
            .map(ListWarning::Readable)
            .collect();
        Ok((RecordSummary::of(&loaded.record, path), warnings))
    }
}

/// The records of one data dir.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store of a data dir (nothing is created until the first record).
    pub fn new(data_dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: data_dir.into().join("records"),
        }
    }

    /// `<data-dir>/records`.
    pub fn records_dir(&self) -> &Path {
        &self.dir
    }

    /// `<records-dir>/<id>.json`.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Creates the records dir (mode 0700 at creation) if missing.
    pub fn ensure_dir(&self) -> Result<(), StoreError> {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(&self.dir).map_err(|source| StoreError::Io {
            action: "create the records dir",
            path: self.dir.clone(),
            source,
        })
    }

    /// Removes temporary files left by saves that were interrupted (crash, SIGKILL, power
    /// loss); returns how many were removed. They never hide or damage a record, they only
    /// take space. A save holds an exclusive lock on its temp file while writing it, so a
    /// file that can be locked is nobody's work in progress; it must also be ours and older
    /// than `older_than` (a save locks its file right after creating it).
    pub fn remove_stale_temp_files(&self, older_than: std::time::Duration) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let now = std::time::SystemTime::now();
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            let old = meta
                .modified()
                .is_ok_and(|t| now.duration_since(t).unwrap_or_default() >= older_than);
            if !old || !meta.is_file() || !owned_by_me(&meta) {
                continue;
            }
            let Ok(file) =
                crate::safe_fs::open_regular(&entry.path(), crate::safe_fs::Links::Refuse)
            else {
                continue;
            };
            // Locked: a save is writing it right now.
            if file.try_lock().is_ok() && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// Stores a new record under a unique id (its base id, else `-2`, `-3`, …), which is
    /// written into `record.id`. Never replaces an existing file. Returns the path.
    pub fn create(&self, record: &mut Record) -> Result<PathBuf, StoreError> {
        self.ensure_dir()?;
        self.remove_stale_temp_files(STALE_AFTER);
        let base = base_of(record);
        let mut n = 1;
        loop {
            let candidate = id::candidate(&base, n);
            let path = self.path_of(&candidate);
            if !path.exists()
                && std::fs::symlink_metadata(&path).is_err()
                && !path.with_extension(ALIAS_EXTENSION).exists()
            {
                record.id = candidate;
                match write_durably(&path, record, false) {
                    Ok(()) => return Ok(path),
                    Err(Placed::Exists) => {}
                    Err(Placed::Failed(e)) => return Err(e),
                }
            }
            n += 1;
        }
    }

    /// Picks a free id for a new record and takes its edit lock, without writing the
    /// record yet; the caller saves it with [`save_at`]. `onsite new` does so right after
    /// the first frame is drawn and before the first key is read, so that the durable
    /// write (two fsyncs) does not delay the first frame. Holding the lock of a path that
    /// has no record keeps another `onsite` from claiming the same id meanwhile.
    pub fn claim(&self, record: &mut Record) -> Result<(PathBuf, LockGuard), StoreError> {
        self.ensure_dir()?;
        self.remove_stale_temp_files(STALE_AFTER);
        let base = base_of(record);
        self.claim_from(&base, record)
    }

    /// Claims the first free id from `base` (no record, no alias of a renamed one).
    fn claim_from(
        &self,
        base: &str,
        record: &mut Record,
    ) -> Result<(PathBuf, LockGuard), StoreError> {
        let free = |p: &Path| {
            !p.exists()
                && std::fs::symlink_metadata(p).is_err()
                && !p.with_extension(ALIAS_EXTENSION).exists()
        };
        let mut n = 1;
        loop {
            let candidate = id::candidate(base, n);
            let path = self.path_of(&candidate);
            if free(&path) {
                match lock::acquire(&path) {
                    Ok(guard) if free(&path) => {
                        record.id = candidate;
                        return Ok((path, guard));
                    }
                    Ok(_) | Err(LockError::Held(_)) => {}
                    Err(e @ (LockError::OpenDir { .. } | LockError::Link { .. })) => {
                        return Err(e.into());
                    }
                    Err(LockError::Io { path, source }) => {
                        return Err(StoreError::Io {
                            action: "lock",
                            path,
                            source,
                        });
                    }
                }
            }
            n += 1;
        }
    }

    /// Names a record after its organisation once it is known: a record created before
    /// (its id made from the checklist, as from the start screen or `onsite new` without
    /// `--set organisation=`) gets a new id from the organisation, is written under it
    /// (taking that id's lock), and its old file gives way to `<old-id>.alias` naming the
    /// new id, so that the old id still finds it. `path` is where it is now; the caller
    /// holds its lock and drops it after. Returns the new path and lock, or `None` when the
    /// id needs no change. On failure nothing is moved and `record` keeps its id.
    pub fn rename_for_organisation(
        &self,
        path: &Path,
        record: &mut Record,
    ) -> Result<Option<(PathBuf, LockGuard)>, StoreError> {
        if !id::named_before_organisation(record) {
            return Ok(None);
        }
        let old_id = record.id.clone();
        let base = id::base_id(record);
        let (new_path, guard) = self.claim_from(&base, record)?;
        if let Err(e) = save_at(&new_path, record) {
            record.id = old_id;
            return Err(e);
        }
        let alias = path.with_extension(ALIAS_EXTENSION);
        let written = std::fs::write(&alias, format!("{}\n", record.id));
        if let Err(source) = written {
            // The old file stays: both names work, and nothing is lost.
            return Err(StoreError::Io {
                action: "write",
                path: alias,
                source,
            });
        }
        match std::fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(StoreError::Io {
                    action: "remove",
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
        Ok(Some((new_path, guard)))
    }

    /// The id an old id was renamed to (following renames), if it was.
    fn alias_of(&self, id: &str) -> Option<String> {
        let mut current = id.to_string();
        for _ in 0..8 {
            let text =
                std::fs::read_to_string(self.dir.join(format!("{current}.{ALIAS_EXTENSION}")))
                    .ok()?;
            let next = text.trim().to_string();
            if !id::is_valid(&next) {
                return None;
            }
            if self.path_of(&next).is_file() {
                return Some(next);
            }
            current = next;
        }
        None
    }

    /// Saves a record to `<records-dir>/<id>.json`, atomically and durably.
    pub fn save(&self, record: &Record) -> Result<(), StoreError> {
        if !id::is_valid(&record.id) {
            return Err(StoreError::BadId(sanitize::line(&record.id)));
        }
        self.ensure_dir()?;
        save_at(&self.path_of(&record.id), record)
    }

    /// Finds a record by id, unique id prefix, or path.
    pub fn find(&self, spec: &str) -> Result<PathBuf, StoreError> {
        let not_found = || StoreError::NotFound {
            spec: sanitize::line(spec),
            dir: self.dir.clone(),
        };
        let as_path = Path::new(spec);
        if spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(".json") {
            return if as_path.is_file() {
                Ok(as_path.to_path_buf())
            } else if id::is_valid(spec.trim_end_matches(".json"))
                && self.path_of(spec.trim_end_matches(".json")).is_file()
            {
                Ok(self.path_of(spec.trim_end_matches(".json")))
            } else {
                Err(not_found())
            };
        }
        if !id::is_valid(spec) {
            return Err(not_found());
        }
        let exact = self.path_of(spec);
        if exact.is_file() {
            return Ok(exact);
        }
        if let Some(renamed) = self.alias_of(spec) {
            return Ok(self.path_of(&renamed));
        }
        let mut candidates: Vec<String> = self
            .ids()?
            .into_iter()
            .filter(|id| id.starts_with(spec))
            .collect();
        candidates.sort();
        match candidates.len() {
            0 if as_path.is_file() => Ok(as_path.to_path_buf()),
            0 => Err(not_found()),
            1 => Ok(self.path_of(&candidates[0])),
            _ => Err(StoreError::Ambiguous {
                spec: sanitize::line(spec),
                candidates,
            }),
        }
    }

    /// The ids of the record files in the dir (temp and lock files are not records).
    pub fn ids(&self) -> Result<Vec<String>, StoreError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Io {
                    action: "read",
                    path: self.dir.clone(),
                    source,
                });
            }
        };
        let mut ids = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(id) = name.strip_suffix(".json")
                && id::is_valid(id)
            {
                ids.push(id.to_string());
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Summaries of every record, sorted by id, and warnings (one per unreadable record,
    /// and for records readable by other users). A bad record never stops the listing.
    /// Records written by this version are listed from the heads of their files alone
    /// ([`Listing`]), so a record whose head reads but whose body is damaged is listed, and
    /// opening it says what is wrong.
    pub fn list(&self) -> (Vec<RecordSummary>, Vec<ListWarning>) {
        let mut warnings = Vec::new();
        let ids = match self.ids() {
            Ok(ids) => ids,
            Err(e) => return (Vec::new(), vec![ListWarning::Store(e)]),
        };
        let mut out = Vec::new();
        for id in ids {
            let path = self.path_of(&id);
            match RecordSummary::read(&path) {
                Ok((summary, more)) => {
                    warnings.extend(more);
                    out.push(summary);
                }
                Err(e) => warnings.push(ListWarning::Skipped(e)),
            }
        }
        (out, warnings)
    }

    /// The most recently updated record still in progress, by the heads of the record
    /// files alone (a large record is read in full once, when it is opened, not twice).
    /// Files whose head cannot be read (not a record, another format) are passed over; a
    /// record whose head reads but whose body is damaged is chosen, and opening it says
    /// what is wrong.
    pub fn latest_unfinished(&self) -> Result<Option<PathBuf>, StoreError> {
        let heads = self.ids()?.into_iter().filter_map(|id| {
            let path = self.path_of(&id);
            super::io::read_head(&path).map(|h| (h, path))
        });
        Ok(heads
            .filter(|(h, _)| h.status == Status::InProgress)
            .max_by(|(a, _), (b, _)| a.updated_at.cmp(&b.updated_at).then(a.id.cmp(&b.id)))
            .map(|(_, path)| path))
    }
}

/// Saves a record to `path` atomically and durably; refuses to replace a symbolic link
/// or to write a format other than `onsite-record/1`.
pub fn save_at(path: &Path, record: &Record) -> Result<(), StoreError> {
    if record.format != RECORD_FORMAT {
        return Err(StoreError::Format {
            path: path.to_path_buf(),
            format: sanitize::line(&record.format),
        });
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(StoreError::Symlink {
            path: path.to_path_buf(),
        });
    }
    match write_durably(path, record, true) {
        Ok(()) => Ok(()),
        Err(Placed::Failed(e)) => Err(e),
        Err(Placed::Exists) => Err(StoreError::Io {
            action: "write",
            path: path.to_path_buf(),
            source: std::io::ErrorKind::AlreadyExists.into(),
        }),
    }
}

/// `<old-id>.alias`: the id a renamed record has now.
const ALIAS_EXTENSION: &str = "alias";

/// How old an unlocked temp file must be before it is taken for one left by an interrupted
/// save (its save locks it within microseconds of creating it).
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

#[cfg(unix)]
fn owned_by_me(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_me(_meta: &std::fs::Metadata) -> bool {
    true
}

enum Placed {
    Exists,
    Failed(StoreError),
}

/// A record written through `durable::write` (0600).
fn write_durably(path: &Path, record: &Record, replace: bool) -> Result<(), Placed> {
    let place = if replace { Place::Replace } else { Place::New };
    durable::write(path, 0o600, place, |w| {
        serde_json::to_writer_pretty(&mut *w, record)?;
        w.write_all(b"\n")
    })
    .map_err(|e| match e {
        Failure::Exists => Placed::Exists,
        Failure::Io {
            action,
            path,
            source,
        } => Placed::Failed(StoreError::Io {
            action,
            path,
            source,
        }),
    })
}

/// The id a new record starts from: its own if valid, else one made from its header.
fn base_of(record: &Record) -> String {
    if id::is_valid(&record.id) {
        record.id.clone()
    } else {
        id::base_id(record)
    }
}

/// The identity of a record file as onsite last wrote or read it: a save checks it first,
/// so a record changed on disk by someone else (another `onsite` after the lock was
/// removed, a copy put back) is never overwritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now (`None` if there is none).
    pub fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Some(FileStamp {
            dev,
            ino,
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}
