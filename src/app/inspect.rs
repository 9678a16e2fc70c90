//! The commands that open the TUI: `onsite` (start screen), `onsite new`, `onsite resume`.
//!
//! Loading, creating, finding, locking and saving records go through the record store and
//! the checklist catalog; the TUI only gets a `Session` and a `Persist`.

use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::checklist::catalog::{self, Catalog, Origin};
use crate::i18n::tui::strings;
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

/// `onsite`: the start screen, then the chosen inspection.
pub fn start(ctx: &Context) -> Outcome {
    let store = Store::new(&ctx.data_dir);
    let (mut records, _) = store.list();
    records.sort_by_key(|r| std::cmp::Reverse(r.updated_at));
    // Finished inspections: Enter starts the next visit from them, with the checklist
    // they were made from (its current version).
    let finished: Vec<(String, String)> = records
        .iter()
        .filter(|r| r.status == Status::Finished)
        .map(|r| (r.path.display().to_string(), r.checklist_id.clone()))
        .collect();
    let mut items: Vec<StartItem> = records
        .into_iter()
        .map(|r| {
            let title = sanitize::line(r.checklist_title.get(ctx.lang.code()));
            let finished = r.status == Status::Finished;
            StartItem {
                kind: if finished {
                    StartKind::FollowUp
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
    let mut tui = enter()?;
    let choice = tui
        .run_start(&mut screen, &theme)
        .map_err(|e| Failure::user(format!("terminal error: {e}")))?;
    match choice {
        StartChoice::Open(item) => {
            let (path, record, lock) = match item.kind {
                StartKind::Resume => open(ctx, Some(&item.key), false)?,
                StartKind::New => create(ctx, &item.key, &[], None)?,
                StartKind::FollowUp => {
                    let checklist = finished
                        .iter()
                        .find(|(path, _)| *path == item.key)
                        .map(|(_, c)| c.as_str())
                        .unwrap_or_default();
                    create(ctx, checklist, &[], Some(&item.key))?
                }
            };
            run(tui, ctx, record, path, lock)
        }
        StartChoice::Quit | StartChoice::Stay => Ok(()),
    }
}

/// `onsite new CHECKLIST [--set FIELD=VALUE]... [--follow-up RECORD]`.
pub fn new(ctx: &Context, checklist: &str, sets: &[String], follow_up: Option<&str>) -> Outcome {
    let (path, record, lock) = create(ctx, checklist, sets, follow_up)?;
    let tui = enter()?;
    run(tui, ctx, record, path, lock)
}

/// `onsite resume [RECORD] [--read-only]`.
pub fn resume(ctx: &Context, record: Option<&str>, read_only: bool) -> Outcome {
    let (path, record, lock) = open(ctx, record, read_only)?;
    let tui = enter()?;
    run(tui, ctx, record, path, lock)
}

/// The lock of an inspection being edited; `None` when read-only.
type Lock = Option<LockGuard>;

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

fn open(
    ctx: &Context,
    spec: Option<&str>,
    read_only: bool,
) -> Result<(PathBuf, Record, Lock), Failure> {
    let store = Store::new(&ctx.data_dir);
    let path = match spec {
        Some(s) => store
            .find(s)
            .map_err(|e| Failure::user(cli::store_error(ctx.lang, &e)))?,
        None => store
            .latest_unfinished()
            .map_err(|e| Failure::user(cli::store_error(ctx.lang, &e)))?
            .ok_or_else(|| Failure::user(cli::nothing_to_resume(ctx.lang)))?,
    };
    let lock = if read_only {
        None
    } else {
        Some(lock::acquire(&path).map_err(|e| Failure::user(cli::lock_error(ctx.lang, &e)))?)
    };
    let record = io::load(&path).map_err(|e| Failure::user(cli::load_error(ctx.lang, &e)))?;
    Ok((path, record, lock))
}

/// Saves through the record store (atomic, durable, refuses symlinks and other formats).
struct StorePersist {
    path: PathBuf,
}

impl Persist for StorePersist {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        store::save_at(&self.path, record).map_err(|e| e.to_string())
    }

    fn location(&self) -> String {
        self.path.display().to_string()
    }
}

fn enter() -> Result<Tui, Failure> {
    Tui::enter().map_err(|e| {
        Failure::user(format!(
            "cannot use the terminal ({e}); onsite needs an interactive terminal"
        ))
    })
}

fn run(mut tui: Tui, ctx: &Context, record: Record, path: PathBuf, lock: Lock) -> Outcome {
    let read_only = lock.is_none();
    let persist: Box<dyn Persist> = if read_only {
        Box::new(MemoryPersist::default())
    } else {
        Box::new(BackgroundSaver::new(Box::new(StorePersist {
            path: path.clone(),
        })))
    };
    let session = Session::new(record, read_only);
    let (export_path, lang) = (path.clone(), ctx.lang);
    // A new record is not on disk yet (see `Store::claim`): the TUI writes it right after
    // the first frame, before it reads the first key.
    let fresh = !read_only && !path.exists();
    let mut app = App::new(session, persist, ctx.lang, Theme::from_env()).with_exporter(Box::new(
        move |record: &Record| {
            crate::report::export_beside(&export_path, record, lang)
                .map(|(md, html)| vec![md.display().to_string(), html.display().to_string()])
        },
    ));
    if fresh {
        app = app.with_initial_save();
    }
    let exit = tui.run_app(&mut app);
    let info = app.quit_info();
    drop(tui);
    drop(lock);
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
            "the terminal went away; the inspection was saved to {}",
            path.display()
        ))),
        Err(e) => Err(Failure::user(format!(
            "terminal error ({e}); the inspection was saved to {}",
            path.display()
        ))),
    }
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
