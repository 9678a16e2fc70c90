//! Several inspectors, one inspection, no server (SPEC §10): packing a shared inspection
//! for members to join, each member's change journal, and bringing the journals together
//! through a shared folder or a git repository (the system `git`), with the merge driver
//! git calls for any file it would otherwise conflict on.
//!
//! The merging itself is pure and lives in `record::merge`; this module does the files.

pub mod driver;
pub mod git;
pub mod journal;
pub mod pack;
pub mod show;
pub mod sync;

use std::path::PathBuf;

/// What went wrong, for one sentence in the UI language (`i18n::team`).
#[derive(Debug)]
pub enum TeamError {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The OS reason.
        source: std::io::Error,
    },
    /// A journal line or a pack file that is not what onsite writes.
    Bad {
        /// The file.
        path: PathBuf,
        /// `line` or `line:column`.
        place: String,
        /// What is wrong (from the JSON reader).
        what: String,
    },
    /// A pack of another format.
    NotAPack(PathBuf),
    /// The record is not a shared inspection.
    NotShared(String),
    /// A member already has a copy of this inspection here.
    AlreadyJoined(PathBuf),
    /// No section with that id.
    NoSection(String),
    /// `git` failed or is missing.
    Git {
        /// The git command line (without `git`).
        args: String,
        /// What git said.
        said: String,
    },
    /// The directory is not a git work tree.
    NotARepo(PathBuf),
}
