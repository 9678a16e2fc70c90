//! The commands that open the TUI: `onsite` (start screen), `onsite new`, `onsite resume`.
//!
//! Loading, creating, finding, locking and saving records go through the record store and
//! the checklist catalog; the TUI only gets a `Session` and a `Persist`.

use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::checklist::catalog::{self, Catalog, Origin};
use crate::i18n::safety;
use crate::i18n::tui::{self as i18n_tui, strings};
use crate::i18n::{Lang, cli};
use crate::record::lock::{self, LockGuard};
use crate::record::store::{self, Store};
use crate::record::{FileStamp, Record, Status, create, io, rescue};
use crate::sanitize;
use crate::session::Session;
use crate::tui::{
    App, BackgroundSaver, Exit, MemoryPersist, Persist, StartChoice, StartItem, StartKind,
    StartScreen, Theme, Tui,
};
use std::io::IsTerminal;

/// Refuses, before anything is written or locked, to run the TUI without a terminal to
/// draw on (output redirected, no terminal at all, `TERM=dumb`).
fn need_terminal(ctx: &Context) -> Result<(), Failure> {
    crate::tty::check_terminal().map_err(|why| Failure::user(safety::no_terminal(ctx.lang, why)))
}

/// Removes temp files left in the records dir by saves that were interrupted.
fn tidy(ctx: &Context) {
    Store::new(&ctx.data_dir).remove_stale_temp_files(store::STALE_AFTER);
}

/// `onsite`: the start screen, then the chosen inspection. A record another `onsite`
/// holds is offered read-only on the start screen itself.
pub fn start(ctx: &Context) -> Outcome {
    need_terminal(ctx)?;
    tidy(ctx);
    let store = Store::new(&ctx.data_dir);
    let (mut records, _) = store.list();
    records.sort_by_key(|r| std::cmp::Reverse(r.updated_at));
    // Finished inspections: Enter opens one (edits locked until reopened), `n` starts the
    // next visit from it, with the checklist it was made from (its current version).
    let finished: Vec<(String, String)> = records
        .iter()
        .filter(|r| r.status == Status::Finished)
        .map(|r| (r.path.display().to_string(), r.checklist_id.clone()))
        .collect();
    let mut items: Vec<StartItem> = records
        .into_iter()
        .map(|r| {
            let title = sanitize::line(r.checklist_title.get(ctx.lang.code()));
            StartItem {
                kind: if r.status == Status::Finished {
                    StartKind::Finished
                } else {
                    StartKind::Resume
                },
                title: if r.organisation.is_empty() {
                    format!("{} · {title}", sanitize::line(&r.id))
                } else {
                    format!("{} · {title}", sanitize::line(&r.organisation))
                },
                detail: format!(
                    "{}/{} · {}",
                    r.answered,
                    r.total,
                    crate::checklist::value::format_date_time(
                        &r.updated_at.with_timezone(&chrono::Local).naive_local(),
                        ctx.lang
                    )
                ),
                key: r.path.display().to_string(),
            }
        })
        .collect();
    let (catalog, _) = Catalog::discover(&ctx.data_dir);
    items.extend(catalog.entries().iter().map(|e| StartItem {
        kind: StartKind::New,
        title: sanitize::line(e.checklist.title.get(ctx.lang.code())),
        detail: format!(
            "{} {}",
            sanitize::line(&e.checklist.id),
            sanitize::line(&e.checklist.version)
        ),
        key: match &e.origin {
            Origin::Bundled => e.checklist.id.clone(),
            Origin::File(p) => p.display().to_string(),
        },
    }));
    let theme = Theme::from_env();
    let mut screen = StartScreen::new(items, ctx.lang);
    let mut tui = enter(ctx.lang)?;
    loop {
        let choice = tui
            .run_start(&mut screen, &theme)
            .map_err(|e| Failure::user(terminal_error(ctx.lang, &e)))?;
        let (path, record, lock) = match choice {
            StartChoice::Open(item) if item.kind == StartKind::New => {
                create(ctx, &item.key, &[], None)?
            }
            // The next visit from a finished inspection, with the checklist it was made
            // from (its current version).
            StartChoice::FollowUp(item) => {
                let checklist = finished
                    .iter()
                    .find(|(path, _)| *path == item.key)
                    .map(|(_, c)| c.as_str())
                    .unwrap_or_default();
                create(ctx, checklist, &[], Some(&item.key))?
            }
            StartChoice::Open(item) => match open(ctx, Some(&item.key), false) {
                Err(Opened::Held(holder)) => {
                    let text = i18n_tui::held_offer(ctx.lang, &holder);
                    screen.offer_read_only(item, text);
                    continue;
                }
                other => other.map_err(|e| e.failure(ctx.lang))?,
            },
            StartChoice::OpenReadOnly(item) => {
                open(ctx, Some(&item.key), true).map_err(|e| e.failure(ctx.lang))?
            }
            StartChoice::Profile => {
                match crate::tui::profile::ProfileScreen::open(&ctx.data_dir, ctx.lang) {
                    Ok(mut form) => {
                        let left = tui
                            .run_profile(&mut form, &theme)
                            .map_err(|e| Failure::user(terminal_error(ctx.lang, &e)))?;
                        if left == crate::tui::profile::ProfileChoice::Quit {
                            // Text still pending (a save that failed): saved, or shown,
                            // with the terminal back.
                            drop(tui);
                            crate::tui::profile::flush_pending();
                            return Ok(());
                        }
                    }
                    Err(e) => screen.message = Some(e),
                }
                continue;
            }
            StartChoice::Quit | StartChoice::Stay => return Ok(()),
        };
        return run(tui, ctx, record, path, lock);
    }
}

/// `onsite new CHECKLIST [--set FIELD=VALUE]... [--follow-up RECORD]`.
pub fn new(ctx: &Context, checklist: &str, sets: &[String], follow_up: Option<&str>) -> Outcome {
    let (path, record, lock) = create(ctx, checklist, sets, follow_up)?;
    let tui = enter(ctx.lang)?;
    run(tui, ctx, record, path, lock)
}

/// `onsite resume [RECORD] [--read-only]`. A record another `onsite` holds is offered
/// read-only in the terminal (without one, the refusal says who holds it).
pub fn resume(ctx: &Context, spec: Option<&str>, read_only: bool) -> Outcome {
    tidy(ctx);
    match open(ctx, spec, read_only) {
        Ok((path, record, lock)) => {
            need_terminal(ctx)?;
            let tui = enter(ctx.lang)?;
            run(tui, ctx, record, path, lock)
        }
        Err(Opened::Held(holder))
            if std::io::stdin().is_terminal() && crate::tty::check_terminal().is_ok() =>
        {
            let path = resolve(ctx, spec).map_err(|e| e.failure(ctx.lang))?;
            let item = StartItem {
                kind: StartKind::Resume,
                key: path.display().to_string(),
                title: String::new(),
                detail: String::new(),
            };
            let mut screen =
                StartScreen::offer_only(item, i18n_tui::held_offer(ctx.lang, &holder), ctx.lang);
            let mut tui = enter(ctx.lang)?;
            let choice = tui
                .run_start(&mut screen, &Theme::from_env())
                .map_err(|e| Failure::user(terminal_error(ctx.lang, &e)))?;
            match choice {
                StartChoice::OpenReadOnly(_) => {
                    let (path, record, lock) = open(ctx, Some(&path.display().to_string()), true)
                        .map_err(|e| e.failure(ctx.lang))?;
                    run(tui, ctx, record, path, lock)
                }
                _ => Ok(()),
            }
        }
        Err(e) => Err(e.failure(ctx.lang)),
    }
}

/// The lock of an inspection being edited; `None` when read-only.
type Lock = Option<LockGuard>;

/// Why a record could not be opened for editing.
enum Opened {
    /// Another `onsite` holds it.
    Held(lock::Holder),
    /// Anything else, said in one sentence.
    Failed(Failure),
}

impl Opened {
    fn failure(self, lang: Lang) -> Failure {
        match self {
            Opened::Held(h) => Failure::user(cli::lock_error(lang, &lock::LockError::Held(h))),
            Opened::Failed(f) => f,
        }
    }
}

/// A new record from a checklist, or the follow-up of a finished record
/// (see [`crate::followup`]).
fn create(
    ctx: &Context,
    spec: &str,
    sets: &[String],
    follow_up: Option<&str>,
) -> Result<(PathBuf, Record, Lock), Failure> {
    let checklist = catalog::resolve(spec, &ctx.data_dir)
        .map_err(|e| Failure::user(cli::resolve_error(ctx.lang, &e)))?;
    let sets = sets
        .iter()
        .map(|s| create::parse_set(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Failure::usage(cli::set_error(ctx.lang, &e)))?;
    let now = chrono::Local::now().fixed_offset();
    let mut record = match follow_up {
        None => create::new_record(checklist, &sets, now, ctx.lang)
            .map_err(|e| Failure::user(cli::set_error(ctx.lang, &e)))?,
        Some(previous) => {
            let path = super::report::locate(ctx, previous)?;
            let previous = super::report::read_record(&path, ctx.lang)?;
            crate::followup::new_follow_up(checklist, &previous, &sets, now, ctx.lang)
                .map_err(|e| Failure::user(e.message(ctx.lang)))?
        }
    };
    // Bad input is said first; then, before anything is written, the terminal.
    need_terminal(ctx)?;
    // The record is written by the TUI after its first frame, before the first key.
    let (path, lock) = Store::new(&ctx.data_dir)
        .claim(&mut record)
        .map_err(|e| Failure::user(cli::store_error(ctx.lang, &e)))?;
    Ok((path, record, Some(lock)))
}

/// The record file a spec names (default: the latest unfinished one).
fn resolve(ctx: &Context, spec: Option<&str>) -> Result<PathBuf, Opened> {
    let store = Store::new(&ctx.data_dir);
    let failed =
        |e: store::StoreError| Opened::Failed(Failure::user(cli::store_error(ctx.lang, &e)));
    match spec {
        Some(s) => store.find(s).map_err(failed),
        None => store
            .latest_unfinished()
            .map_err(failed)?
            .ok_or_else(|| Opened::Failed(Failure::user(cli::nothing_to_resume(ctx.lang)))),
    }
}

fn open(
    ctx: &Context,
    spec: Option<&str>,
    read_only: bool,
) -> Result<(PathBuf, Record, Lock), Opened> {
    let path = resolve(ctx, spec)?;
    let lock = if read_only {
        None
    } else {
        Some(lock::acquire(&path).map_err(|e| match e {
            lock::LockError::Held(h) => Opened::Held(h),
            other => Opened::Failed(Failure::user(cli::lock_error(ctx.lang, &other))),
        })?)
    };
    let record = io::load(&path)
        .map_err(|e| Opened::Failed(Failure::user(cli::load_error(ctx.lang, &e))))?;
    Ok((path, record, lock))
}

/// A terminal that failed while the TUI ran, in the UI language.
fn terminal_error(lang: Lang, e: &std::io::Error) -> String {
    format!("{}: {e}", strings(lang).terminal_error)
}

/// Saves through the record store (atomic, durable, refuses symlinks and other formats),
/// holding the record's edit lock: before each save it checks that the lock file is still
/// its own (taking it again if it was removed) and that the record file is the one it
/// last wrote or read, so that another writer's answers are never overwritten.
///
/// The path and the lock are shared with the renaming of the record (see
/// `Store::rename_for_organisation`), which holds the path while it moves the file and
/// replaces the lock with the new name's, so that no save goes to the old name after.
struct StorePersist {
    path: SharedPath,
    data_dir: PathBuf,
    lang: Lang,
    lock: SharedLock,
    /// The record file as last written or read, and the path it was taken at (a rename
    /// of our own takes it again at the new path).
    stamp: (PathBuf, Option<FileStamp>),
}

/// The record's current path, shared by the saver, the export and the renaming.
type SharedPath = std::sync::Arc<std::sync::Mutex<PathBuf>>;

/// The record's edit lock, shared by the saver and the renaming.
type SharedLock = std::sync::Arc<std::sync::Mutex<Lock>>;

impl Persist for StorePersist {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        let path = plock(&self.path).clone();
        if let Some(guard) = plock(&self.lock).as_mut()
            && !guard.still_held()
        {
            match guard.retake() {
                Ok(()) => {}
                Err(lock::LockError::Held(h)) => {
                    return Err(safety::lock_taken(self.lang, &path, &h.describe()));
                }
                Err(e) => return Err(cli::lock_error(self.lang, &e)),
            }
        }
        if self.stamp.0 != path {
            self.stamp = (path.clone(), FileStamp::of(&path));
        }
        let now = FileStamp::of(&path);
        if now.is_some() && now != self.stamp.1 {
            return Err(safety::changed_on_disk(self.lang, &path));
        }
        store::save_at(&path, record).map_err(|e| cli::store_error(self.lang, &e))?;
        self.stamp.1 = FileStamp::of(&path);
        Ok(())
    }

    fn location(&self) -> String {
        plock(&self.path).display().to_string()
    }

    fn rescue(&mut self, record: &Record) -> Result<PathBuf, String> {
        crate::record::rescue::write(record, Some(&self.data_dir))
    }

    fn release(&mut self) {
        plock(&self.lock).take();
    }
}

fn enter(lang: Lang) -> Result<Tui, Failure> {
    Tui::enter().map_err(|e| Failure::user(cli::no_terminal(lang, &e)))
}

fn run(mut tui: Tui, ctx: &Context, record: Record, path: PathBuf, lock: Lock) -> Outcome {
    let read_only = lock.is_none();
    let shared_path: SharedPath = std::sync::Arc::new(std::sync::Mutex::new(path.clone()));
    let held: SharedLock = std::sync::Arc::new(std::sync::Mutex::new(lock));
    let persist: Box<dyn Persist> = if read_only {
        Box::new(MemoryPersist::default())
    } else {
        Box::new(BackgroundSaver::new(Box::new(StorePersist {
            path: std::sync::Arc::clone(&shared_path),
            data_dir: ctx.data_dir.clone(),
            lang: ctx.lang,
            lock: std::sync::Arc::clone(&held),
            stamp: (path.clone(), FileStamp::of(&path)),
        })))
    };
    let session = Session::new(record, read_only);
    let (export_path, lang, data_dir) = (
        std::sync::Arc::clone(&shared_path),
        ctx.lang,
        ctx.data_dir.clone(),
    );
    // A new record is not on disk yet (see `Store::claim`): the TUI writes it right after
    // the first frame, before it reads the first key.
    let fresh = !read_only && !path.exists();
    let mut app = App::new(session, persist, ctx.lang, Theme::from_env()).with_exporter(Box::new(
        move |record: &Record| {
            let at = plock(&export_path).clone();
            let (md, html) = crate::report::export_beside(&at, record, lang)?;
            let mut paths = vec![md.display().to_string(), html.display().to_string()];
            for doc in super::doc::export_documents(&data_dir, record, lang)? {
                paths.push(doc.display().to_string());
            }
            Ok(paths)
        },
    ));
    if fresh {
        app = app.with_initial_save();
    }
    if !read_only {
        app = app.with_renamer(renamer(ctx, &shared_path, &held));
    }
    let exit = tui.run_app(&mut app);
    let info = app.quit_info();
    drop(tui);
    drop(plock(&held).take());
    let path = plock(&shared_path).clone();
    let resume = resume_command(ctx, &info.record_id);
    match exit {
        Ok(Exit::Quit) => {
            if read_only {
                println!(
                    "{}: {}",
                    strings(ctx.lang).quit_read_only,
                    sanitize::line(&path.display().to_string())
                );
                return Ok(());
            }
            if info.unsaved {
                let copy = match &info.rescued_to {
                    Some(copy) => Ok(PathBuf::from(copy)),
                    None => crate::record::rescue::write(app.session.record(), Some(&ctx.data_dir)),
                };
                return Err(Failure::user(not_saved_message(
                    ctx.lang, &path, copy, &resume,
                )));
            }
            println!("{}", quit_message(&path, &resume, ctx.lang));
            Ok(())
        }
        Ok(Exit::Hangup) if info.unsaved => {
            let copy = crate::record::rescue::write(app.session.record(), Some(&ctx.data_dir));
            Err(Failure::user(not_saved_message(
                ctx.lang, &path, copy, &resume,
            )))
        }
        Ok(Exit::Hangup) => Err(Failure::user(format!(
            "{} {}",
            strings(ctx.lang).hangup_saved,
            sanitize::line(&path.display().to_string())
        ))),
        Err(e) => Err(Failure::user(format!(
            "{}: {e}; {} {}",
            strings(ctx.lang).terminal_error,
            strings(ctx.lang).saved_to,
            sanitize::line(&path.display().to_string())
        ))),
    }
}

/// Renames a record of the store after its organisation once the title page gives it
/// (`Store::rename_for_organisation`): holds the shared path while the file moves, then
/// saves go to the new name, whose lock replaces the old one. A record opened from a
/// path outside the store keeps its name.
fn renamer(ctx: &Context, shared_path: &SharedPath, held: &SharedLock) -> crate::tui::app::Renamer {
    let (store, lang) = (Store::new(&ctx.data_dir), ctx.lang);
    let (path, held) = (
        std::sync::Arc::clone(shared_path),
        std::sync::Arc::clone(held),
    );
    Box::new(move |record: &Record| {
        let mut current = plock(&path);
        let in_store = current
            .parent()
            .and_then(|d| d.canonicalize().ok())
            .zip(store.records_dir().canonicalize().ok())
            .is_some_and(|(a, b)| a == b);
        if !in_store {
            return Ok(None);
        }
        let mut record = record.clone();
        match store.rename_for_organisation(&current, &mut record) {
            Ok(Some((new_path, guard))) => {
                *current = new_path;
                *plock(&held) = Some(guard);
                Ok(Some(record.id))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(cli::store_error(lang, &e)),
        }
    })
}

fn plock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    crate::tui::persist::lock(m)
}

/// `onsite resume ID`, with `--data-dir DIR` unless the data dir is the platform default.
fn resume_command(ctx: &Context, id: &str) -> String {
    let default =
        directories::ProjectDirs::from("", "", "onsite").map(|p| p.data_dir().to_path_buf());
    let mut out = format!("onsite resume {}", rescue::shell_quote(id));
    if default.as_deref() != Some(ctx.data_dir.as_path()) {
        out.push_str(" --data-dir ");
        out.push_str(&rescue::shell_quote(&ctx.data_dir.display().to_string()));
    }
    out
}

/// What is true after quitting with the last save failed: the record file holds older
/// answers (or none), the latest are in the rescue copy, and how to put it in place.
fn not_saved_message(
    lang: Lang,
    path: &Path,
    copy: Result<PathBuf, String>,
    resume: &str,
) -> String {
    let held = io::read_head(path).map(|h| h.updated_at.format("%Y-%m-%d %H:%M").to_string());
    safety::not_saved(lang, path, held.as_deref(), copy, resume)
}

/// The lines printed on quit: where the record is and how to resume it.
pub fn quit_message(path: &Path, resume: &str, lang: Lang) -> String {
    let s = strings(lang);
    format!(
        "{}: {}\n{}: {resume}",
        s.quit_saved,
        sanitize::line(&path.display().to_string()),
        s.quit_resume,
    )
}
