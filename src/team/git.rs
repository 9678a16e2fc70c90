//! Git as the sync engine: the records repository is a git clone whose work tree holds the
//! journals (`<inspection>/<member>.jsonl`). `onsite team sync --git DIR` registers the
//! merge driver, commits this member's journal, pulls (merging with the driver), pushes,
//! and merges the journals pulled. Everything goes through the system `git` binary.

use std::path::Path;
use std::process::Command;

use super::TeamError;

/// The `.gitattributes` lines onsite needs.
pub const ATTRIBUTES: &str = "*.jsonl merge=onsite\n*.json merge=onsite\n";

/// Runs git in `dir`; the error carries what git said.
pub fn git(dir: &Path, args: &[&str]) -> Result<String, TeamError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| TeamError::Git {
            args: args.join(" "),
            said: e.to_string(),
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let mut said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        if said.is_empty() {
            said = String::from_utf8_lossy(&out.stdout).trim().to_string();
        }
        Err(TeamError::Git {
            args: args.join(" "),
            said: crate::sanitize::line(&said),
        })
    }
}

/// Checks that `dir` is a git work tree and registers onsite's merge driver in its config
/// and `.gitattributes` (both idempotent).
pub fn prepare(dir: &Path) -> Result<(), TeamError> {
    match git(dir, &["rev-parse", "--is-inside-work-tree"]) {
        Ok(s) if s.trim() == "true" => {}
        _ => return Err(TeamError::NotARepo(dir.to_path_buf())),
    }
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "onsite".into());
    let driver = format!("'{}' merge-driver %O %A %B", exe.replace('\'', "'\\''"));
    git(
        dir,
        &["config", "merge.onsite.name", "onsite journals and records"],
    )?;
    git(dir, &["config", "merge.onsite.driver", &driver])?;
    let attrs = dir.join(".gitattributes");
    let have = std::fs::read_to_string(&attrs).unwrap_or_default();
    if !have.contains("merge=onsite") {
        let mut text = have;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTES);
        std::fs::write(&attrs, text).map_err(|source| TeamError::Io {
            path: attrs.clone(),
            source,
        })?;
    }
    Ok(())
}

/// An identity for commits when the user has none configured.
fn identity(dir: &Path, me: &str) -> Vec<String> {
    if git(dir, &["config", "user.email"]).is_ok() {
        return Vec::new();
    }
    let stem = crate::record::team::member_file_stem(me);
    vec![
        "-c".into(),
        format!("user.name={me}"),
        "-c".into(),
        format!("user.email={stem}@onsite.invalid"),
    ]
}

/// Commits the given paths (when they changed) with a message naming the member.
pub fn commit(dir: &Path, paths: &[&Path], me: &str, inspection: &str) -> Result<bool, TeamError> {
    let mut add = vec!["add".to_string(), "--".to_string()];
    add.extend(paths.iter().map(|p| p.display().to_string()));
    let add: Vec<&str> = add.iter().map(String::as_str).collect();
    git(dir, &add)?;
    let staged = git(dir, &["diff", "--cached", "--name-only"])?;
    if staged.trim().is_empty() {
        return Ok(false);
    }
    let mut args = identity(dir, me);
    let message = format!("onsite: {me} — {inspection}");
    args.extend(["commit".into(), "-q".into(), "-m".into(), message]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    git(dir, &args)?;
    Ok(true)
}

/// Pulls from and pushes to the clone's upstream, if it has a remote. A remote without
/// the branch yet (a new bare repository) is pushed to.
pub fn exchange(dir: &Path, me: &str) -> Result<(), TeamError> {
    let remotes = git(dir, &["remote"])?;
    let Some(remote) = remotes.lines().next().map(str::to_string) else {
        return Ok(());
    };
    let branch = git(dir, &["rev-parse", "--abbrev-ref", "HEAD"])?
        .trim()
        .to_string();
    let has_branch = !git(dir, &["ls-remote", "--heads", &remote, &branch])?
        .trim()
        .is_empty();
    if has_branch {
        let mut args = identity(dir, me);
        args.extend(
            [
                "pull",
                "-q",
                "--no-rebase",
                "--no-edit",
                "--allow-unrelated-histories",
                &remote,
                &branch,
            ]
            .map(String::from),
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        git(dir, &args)?;
    }
    git(
        dir,
        &["push", "-q", &remote, &format!("HEAD:refs/heads/{branch}")],
    )?;
    Ok(())
}
