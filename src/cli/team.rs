//! `onsite team …`: who I am, packing a shared inspection, joining it, assigning sections,
//! syncing through a shared folder or git, its status; and `onsite merge-driver`, which git
//! runs. Every sentence comes from `i18n::team`.

use std::path::{Path, PathBuf};

use super::report::{locate, read_record};
use super::{Context, Failure, Outcome};
use crate::i18n::{Lang, cli, team as t};
use crate::record::history;
use crate::record::{LockGuard, Record, Store, Timestamp};
use crate::team::{self, TeamError};

/// The file holding this machine's inspector name.
pub fn inspector_file(data_dir: &Path) -> PathBuf {
    data_dir.join("inspector.json")
}

/// The inspector name set on this machine, if any (an unreadable file counts as none).
pub fn read_inspector(data_dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(inspector_file(data_dir)).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let name = crate::sanitize::line(v.get("name")?.as_str()?.trim());
    (!name.is_empty()).then_some(name)
}

fn fail(lang: Lang, e: &TeamError) -> Failure {
    Failure::user(t::error(lang, e))
}

fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}

/// `onsite team whoami [NAME]`.
pub fn whoami(ctx: &Context, name: Option<&str>) -> Outcome {
    if let Some(name) = name {
        let name = crate::sanitize::line(name.trim());
        if name.is_empty() {
            return Err(Failure::user(t::empty_name(ctx.lang)));
        }
        let path = inspector_file(&ctx.data_dir);
        std::fs::create_dir_all(&ctx.data_dir).map_err(|source| {
            fail(
                ctx.lang,
                &TeamError::Io {
                    path: ctx.data_dir.clone(),
                    source,
                },
            )
        })?;
        let text = serde_json::json!({ "name": name }).to_string() + "\n";
        crate::output::write_atomic(&path, text.as_bytes())
            .map_err(|e| Failure::user(cli::write_failed(ctx.lang, &e)))?;
        println!("{}", t::whoami(ctx.lang, &name, false));
        return Ok(());
    }
    match read_inspector(&ctx.data_dir) {
        Some(n) => println!("{}", t::whoami(ctx.lang, &n, false)),
        None => println!("{}", t::whoami(ctx.lang, &history::os_user(), true)),
    }
    Ok(())
}

/// A record opened for changing: its path, the record, and its edit lock.
fn open_locked(ctx: &Context, spec: &str) -> Result<(PathBuf, Record, LockGuard), Failure> {
    let path = locate(ctx, spec)?;
    let guard =
        crate::record::acquire(&path).map_err(|e| Failure::user(cli::lock_error(ctx.lang, &e)))?;
    let record = read_record(&path, ctx.lang)?;
    Ok((path, record, guard))
}

fn save(ctx: &Context, path: &Path, record: &Record) -> Outcome {
    crate::record::save_at(path, record).map_err(|e| Failure::user(cli::store_error(ctx.lang, &e)))
}

/// `onsite team pack RECORD -o FILE`: shares the inspection (the first time) and writes the
/// file members join from.
pub fn pack(ctx: &Context, spec: &str, output: &Path) -> Outcome {
    let (path, mut record, _guard) = open_locked(ctx, spec)?;
    if record.team.is_none() {
        team::pack::share(&mut record, &history::inspector());
        save(ctx, &path, &record)?;
    }
    let Some(p) = team::pack::pack(&record) else {
        return Err(fail(ctx.lang, &TeamError::NotShared(record.id.clone())));
    };
    let text = serde_json::to_string_pretty(&p).unwrap_or_default() + "\n";
    crate::output::write_atomic(output, text.as_bytes())
        .map_err(|e| Failure::user(cli::write_failed(ctx.lang, &e)))?;
    println!("{}", t::packed(ctx.lang, output, &record.id));
    Ok(())
}

/// `onsite team join FILE`: the member's own copy of the shared inspection.
pub fn join(ctx: &Context, file: &Path) -> Outcome {
    let p = team::pack::read(file).map_err(|e| fail(ctx.lang, &e))?;
    let me = history::inspector();
    let record = team::pack::join(p, &me, now());
    let store = Store::new(&ctx.data_dir);
    store
        .ensure_dir()
        .map_err(|e| Failure::user(cli::store_error(ctx.lang, &e)))?;
    let path = store.path_of(&record.id);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(fail(ctx.lang, &TeamError::AlreadyJoined(path)));
    }
    let _guard =
        crate::record::acquire(&path).map_err(|e| Failure::user(cli::lock_error(ctx.lang, &e)))?;
    save(ctx, &path, &record)?;
    let mine = my_sections(&record, &me, ctx.lang);
    println!("{}", t::joined(ctx.lang, &record.id, &me, &mine));
    Ok(())
}

fn my_sections(record: &Record, me: &str, lang: Lang) -> Vec<String> {
    let Some(team) = &record.team else {
        return Vec::new();
    };
    record
        .checklist
        .sections
        .iter()
        .filter(|s| team.assignee(&s.id) == Some(me))
        .map(|s| crate::sanitize::line(s.title.get(lang.code())))
        .collect()
}

/// `onsite team assign RECORD SECTION MEMBER`.
pub fn assign(ctx: &Context, spec: &str, section: &str, member: &str) -> Outcome {
    let (path, mut record, _guard) = open_locked(ctx, spec)?;
    let Some(s) = record.checklist.sections.iter().find(|s| s.id == section) else {
        return Err(fail(ctx.lang, &TeamError::NoSection(section.into())));
    };
    let section = s.id.clone();
    let member = crate::sanitize::line(member.trim());
    if record.team.is_none() {
        team::pack::share(&mut record, &history::inspector());
    }
    let me = record
        .team
        .as_ref()
        .map(|t| t.me.clone())
        .unwrap_or_default();
    let old = record
        .team
        .as_ref()
        .and_then(|t| t.assignee(&section))
        .map(|m| serde_json::Value::String(m.into()))
        .unwrap_or(serde_json::Value::Null);
    let new = if member.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::Value::String(member.clone())
    };
    let at = now();
    history::push(&mut record, &me, format!("assign/{section}"), old, new, at);
    crate::record::merge::replay(&mut record, Vec::new());
    record.updated_at = at;
    save(ctx, &path, &record)?;
    println!("{}", t::assigned(ctx.lang, &section, &member));
    Ok(())
}

/// `onsite team sync RECORD --folder DIR | --git DIR`.
pub fn sync(ctx: &Context, spec: &str, folder: Option<&Path>, git: Option<&Path>) -> Outcome {
    let lang = ctx.lang;
    let (path, mut record, _guard) = open_locked(ctx, spec)?;
    let (dir, is_git) = match (folder, git) {
        (Some(f), _) => (f.to_path_buf(), false),
        (None, Some(g)) => (g.to_path_buf(), true),
        (None, None) => return Err(Failure::usage(t::sync_needs_place(lang))),
    };
    if is_git {
        team::git::prepare(&dir).map_err(|e| fail(lang, &e))?;
    }
    let at = now();
    // Read what is there, merge, save the record, then write our journal: the journal
    // never holds a change the record file does not.
    let mut outcome = team::sync::merge_from(&mut record, &dir, at).map_err(|e| fail(lang, &e))?;
    save(ctx, &path, &record)?;
    let own = team::sync::write_own(&record, &dir).map_err(|e| fail(lang, &e))?;
    if is_git {
        let me = record
            .team
            .as_ref()
            .map(|t| t.me.clone())
            .unwrap_or_default();
        let attrs = dir.join(".gitattributes");
        team::git::commit(&dir, &[&own, &attrs], &me, &record.id).map_err(|e| fail(lang, &e))?;
        team::git::exchange(&dir, &me).map_err(|e| fail(lang, &e))?;
        let more = team::sync::merge_from(&mut record, &dir, at).map_err(|e| fail(lang, &e))?;
        save(ctx, &path, &record)?;
        outcome.new_changes += more.new_changes;
        outcome.members = more.members;
        outcome.conflicts = more.conflicts;
    }
    println!(
        "{}",
        t::synced(
            lang,
            outcome.new_changes,
            &outcome.members,
            outcome.conflicts.len()
        )
    );
    Ok(())
}

/// `onsite team status RECORD`: members, who has which section, open disagreements.
pub fn status(ctx: &Context, spec: &str) -> Outcome {
    let lang = ctx.lang;
    let path = locate(ctx, spec)?;
    let record = read_record(&path, lang)?;
    let Some(team) = &record.team else {
        return Err(fail(lang, &TeamError::NotShared(record.id.clone())));
    };
    let s = t::status(lang);
    let mut out = String::new();
    out.push_str(&format!("{}: {}\n", s.inspection, team.inspection));
    out.push_str(&format!(
        "{}: {}\n{}: {}\n",
        s.leader, team.leader, s.me, team.me
    ));
    out.push_str(&format!("{}:\n", s.sections));
    for sec in &record.checklist.sections {
        let who = team.assignee(&sec.id).unwrap_or(s.unassigned);
        out.push_str(&format!(
            "  {} ({}): {who}\n",
            crate::sanitize::line(sec.title.get(lang.code())),
            sec.id
        ));
    }
    let conflicts = crate::record::merge::conflicts(&record);
    out.push_str(&format!("{}: ", s.conflicts));
    if conflicts.is_empty() {
        out.push_str(s.none);
        out.push('\n');
    } else {
        out.push_str(&format!("{}\n", conflicts.len()));
        for c in &conflicts {
            out.push_str(&format!("  {}\n", c.target));
            for side in &c.sides {
                out.push_str(&format!(
                    "    {}\n",
                    team::show::describe_side(side, &record, lang)
                ));
            }
        }
    }
    super::report::emit(&crate::sanitize::multiline(&out), None, lang)
}

/// `onsite merge-driver BASE OURS THEIRS`: exit 0 merged, 1 left for a person.
pub fn merge_driver(ctx: &Context, base: &Path, ours: &Path, theirs: &Path) -> Outcome {
    match team::driver::run(base, ours, theirs) {
        Ok(true) => Ok(()),
        Ok(false) => Err(Failure::user(t::driver_refused(ctx.lang, ours))),
        Err(e) => Err(fail(ctx.lang, &e)),
    }
}
