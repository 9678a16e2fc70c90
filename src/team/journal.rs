//! A member's change journal: one JSON object per line, one file per member
//! (`<inspection>/<member>.jsonl`), written only by that member, so that no transport ever
//! has two writers of one file. A newer copy of a journal holds every change an older one
//! did (changes are only added; a run of one author's edits to one field within minutes is
//! one change, kept under its newest number).

use std::path::{Path, PathBuf};

use super::TeamError;
use crate::record::history::Change;
use crate::record::team::member_file_stem;

/// The journals of one inspection in a folder: `<dir>/<inspection>/`.
pub fn folder_of(dir: &Path, inspection: &str) -> PathBuf {
    dir.join(crate::record::id::slug(inspection, 80))
}

/// A member's journal in a folder.
pub fn path_of(dir: &Path, inspection: &str, member: &str) -> PathBuf {
    folder_of(dir, inspection).join(format!("{}.jsonl", member_file_stem(member)))
}

/// The journal text of some changes (one line each, in the order given).
pub fn to_text(changes: &[&Change]) -> String {
    let mut out = String::new();
    for c in changes {
        if let Ok(line) = serde_json::to_string(c) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Parses journal text; an error names the line. Blank lines are skipped.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Change>, TeamError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut c: Change = serde_json::from_str(line).map_err(|e| TeamError::Bad {
            path: path.to_path_buf(),
            place: format!("{}:{}", i + 1, e.column()),
            what: crate::sanitize::line(&e.to_string()),
        })?;
        c.clean();
        out.push(c);
    }
    Ok(out)
}

/// Reads a journal file.
pub fn read(path: &Path) -> Result<Vec<Change>, TeamError> {
    let file = crate::safe_fs::open_regular(path, crate::safe_fs::Links::Refuse).map_err(|e| {
        TeamError::Io {
            path: path.to_path_buf(),
            source: match e {
                crate::safe_fs::OpenError::Io(e) => e,
                other => std::io::Error::other(other.to_string()),
            },
        }
    })?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::BufReader::new(file), &mut text).map_err(
        |source| TeamError::Io {
            path: path.to_path_buf(),
            source,
        },
    )?;
    parse(path, &text)
}

/// Reads every journal (`*.jsonl`, Syncthing's conflict copies included: their changes
/// are kept too) in an inspection's folder; a missing folder has none.
pub fn read_folder(folder: &Path) -> Result<Vec<Change>, TeamError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(TeamError::Io {
                path: folder.to_path_buf(),
                source,
            });
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        out.extend(read(&p)?);
    }
    Ok(out)
}

/// Writes a member's journal (their changes, oldest first) atomically.
pub fn write(path: &Path, changes: &[&Change]) -> Result<(), TeamError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| TeamError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    crate::output::write_atomic(path, to_text(changes).as_bytes()).map_err(|e| TeamError::Io {
        path: path.to_path_buf(),
        source: e.source,
    })
}
