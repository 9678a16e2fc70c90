//! `onsite merge-driver %O %A %B`: what git runs for a journal or record file changed on
//! both sides. A journal's result is every change of both sides, once; a record of a shared
//! inspection gets the other side's changes merged in. The result is written to `%A`; the
//! exit status is 0, or 1 (git then reports a conflict) for files it cannot merge, which
//! are left as `%A` was: never with conflict markers.

use std::path::Path;

use super::{TeamError, journal};
use crate::record::merge::dedupe;

/// Merges `ours` (git's `%A`, rewritten) with `theirs` (`%B`); `base` (`%O`) is not needed:
/// journals only grow. Returns whether the file was merged.
pub fn run(_base: &Path, ours: &Path, theirs: &Path) -> Result<bool, TeamError> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|source| TeamError::Io {
            path: p.to_path_buf(),
            source,
        })
    };
    let (a, b) = (read(ours)?, read(theirs)?);
    if let (Ok(ra), Ok(rb)) = (
        crate::record::io::parse(ours, &a),
        crate::record::io::parse(theirs, &b),
    ) {
        return merge_records(ours, ra, rb);
    }
    let (ja, jb) = (journal::parse(ours, &a)?, journal::parse(theirs, &b)?);
    let all = dedupe(ja.into_iter().chain(jb));
    let refs: Vec<&crate::record::history::Change> = all.iter().collect();
    std::fs::write(ours, journal::to_text(&refs)).map_err(|source| TeamError::Io {
        path: ours.to_path_buf(),
        source,
    })?;
    Ok(true)
}

fn merge_records(
    ours: &Path,
    mut a: crate::record::Record,
    b: crate::record::Record,
) -> Result<bool, TeamError> {
    let same = matches!((&a.team, &b.team), (Some(x), Some(y)) if x.inspection == y.inspection);
    if !same {
        return Ok(false);
    }
    let now = a.updated_at.max(b.updated_at);
    crate::record::merge::absorb(&mut a, b.changes, now);
    let text = serde_json::to_string_pretty(&a).map_err(|e| TeamError::Io {
        path: ours.to_path_buf(),
        source: std::io::Error::other(e),
    })?;
    std::fs::write(ours, text).map_err(|source| TeamError::Io {
        path: ours.to_path_buf(),
        source,
    })?;
    Ok(true)
}
