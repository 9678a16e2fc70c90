//! The commands that open the TUI: `onsite` (start screen), `onsite new`, `onsite resume`.
//!
//! Loading, creating, finding, locking and saving records go through the record store and
//! the checklist catalog; the TUI only gets a `Session` and a `Persist`.

use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::checklist::catalog::{self, Catalog, Origin};
use crate::i18n::tui::{self as i18n_tui, strings};
use crate::i18n::{Lang, cli};
use crate::record::lock::{self, LockGuard};
use crate::record::store::{self, Store};
use crate::record::{Record, Status, create, io};
use crate::sanitize;
use crate::session::Session;
use crate::tui::{
    App, BackgroundSaver, Exit, MemoryPersist, Persist, QuitInfo, StartChoice, StartItem,
    StartKind, StartScreen, Theme, Tui,
};
use std::io::IsTerminal;

/// `onsite`: the start screen, then the chosen inspection. A record another `onsite`
/// holds is offered read-only on the start screen itself.
pub fn start(ctx: &Context) -> Outcome {
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
    match open(ctx, spec, read_only) {
        Ok((path, record, lock)) => {
            let tui = enter(ctx.lang)?;
            run(tui, ctx, record, path, lock)
        }
        Err(Opened::Held(holder)) if std::io::stdin().is_terminal() => {
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
        .map(|s| create::parse_set(s, ctx.lang))
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::usage)?;
    let now = chrono::Local::now().fixed_offset();
    let mut record = match follow_up {
        None => create::new_record(checklist, &sets, now, ctx.lang).map_err(Failure::user)?,
        Some(previous) => {
            let path = super::report::locate(ctx, previous)?;
            let previous = super::report::read_record(&path, ctx.lang)?;
            crate::followup::new_follow_up(checklist, &previous, &sets, now, ctx.lang)
                .map_err(|e| Failure::user(e.message(ctx.lang)))?
        }
    };
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

/// Saves through the record store (atomic, durable, refuses symlinks and other formats).
/// The path is shared with the renaming of the record (see `Store::rename_for_organisation`),
/// which holds it while it moves the file, so that no save goes to the old name after.
struct StorePersist {
    path: SharedPath,
    lang: Lang,
}

/// The record's current path, shared by the saver, the export and the renaming.
type SharedPath = std::sync::Arc<std::sync::Mutex<PathBuf>>;

impl Persist for StorePersist {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        store::save_at(&plock(&self.path), record).map_err(|e| cli::store_error(self.lang, &e))
    }

    fn location(&self) -> String {
        plock(&self.path).display().to_string()
    }
}

fn enter(lang: Lang) -> Result<Tui, Failure> {
    Tui::enter().map_err(|e| Failure::user(cli::no_terminal(lang, &e)))
}

fn run(mut tui: Tui, ctx: &Context, record: Record, path: PathBuf, lock: Lock) -> Outcome {
    let read_only = lock.is_none();
    let shared_path: SharedPath = std::sync::Arc::new(std::sync::Mutex::new(path.clone()));
    let held = std::sync::Arc::new(std::sync::Mutex::new(lock));
    let persist: Box<dyn Persist> = if read_only {
        Box::new(MemoryPersist::default())
    } else {
        Box::new(BackgroundSaver::new(Box::new(StorePersist {
            path: std::sync::Arc::clone(&shared_path),
            lang: ctx.lang,
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
            println!("{}", quit_message(&info, &path, ctx.lang));
            if info.unsaved {
                let warning = strings(ctx.lang).quit_unsaved;
                return Err(Failure::user(match &info.rescued_to {
                    Some(copy) => format!("{warning}; a copy was written to {copy}"),
                    None => rescue(app.session.record(), ctx.lang),
                }));
            }
            Ok(())
        }
        Ok(Exit::Hangup) if info.unsaved => {
            Err(Failure::user(rescue(app.session.record(), ctx.lang)))
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
fn renamer(
    ctx: &Context,
    shared_path: &SharedPath,
    held: &std::sync::Arc<std::sync::Mutex<Lock>>,
) -> crate::tui::app::Renamer {
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

/// The last save failed: writes the record to the temp dir instead and says where.
fn rescue(record: &Record, lang: Lang) -> String {
    let warning = strings(lang).quit_unsaved;
    let name = format!(
        "onsite-rescue-{}.json",
        sanitize::line(&record.id).replace('/', "-")
    );
    let path = std::env::temp_dir().join(name);
    match store::save_at(&path, record) {
        Ok(()) => format!("{warning}; a copy was written to {}", path.display()),
        Err(e) => format!("{warning}; writing a copy failed too: {e}"),
    }
}

/// The lines printed on quit: where the record is and how to resume it.
pub fn quit_message(info: &QuitInfo, path: &Path, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = format!(
        "{}: {}\n{}: onsite resume {}",
        s.quit_saved,
        sanitize::line(&path.display().to_string()),
        s.quit_resume,
        sanitize::line(&info.record_id)
    );
    if info.unsaved {
        out.push('\n');
        out.push_str(s.quit_unsaved);
    }
    out
}
