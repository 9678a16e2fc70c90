//! The commands that open the TUI: `onsite` (start screen), `onsite new`, `onsite resume`.
//!
//! Loading, creating, finding, locking and saving records go through the record store and
//! the checklist catalog; the TUI only gets a `Session` and a `Persist`.

use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::checklist::catalog::{self, Catalog, Origin};
use crate::i18n::Lang;
use crate::i18n::tui::strings;
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
    let mut items: Vec<StartItem> = records
        .into_iter()
        .filter(|r| r.status == Status::InProgress)
        .map(|r| {
            let title = sanitize::line(r.checklist_title.get(ctx.lang.code()));
            StartItem {
                kind: StartKind::Resume,
                title: if r.organisation.is_empty() {
                    format!("{} · {title}", sanitize::line(&r.id))
                } else {
                    format!("{} · {title}", sanitize::line(&r.organisation))
                },
                detail: format!(
                    "{}/{} · {}",
                    r.answered,
                    r.total,
                    r.updated_at.format("%Y-%m-%d %H:%M")
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
                StartKind::New => create(ctx, &item.key, &[])?,
            };
            run(tui, ctx, record, path, lock)
        }
        StartChoice::Quit | StartChoice::Stay => Ok(()),
    }
}

/// `onsite new CHECKLIST [--set FIELD=VALUE]...`.
pub fn new(ctx: &Context, checklist: &str, sets: &[String]) -> Outcome {
    let (path, record, lock) = create(ctx, checklist, sets)?;
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

fn create(ctx: &Context, spec: &str, sets: &[String]) -> Result<(PathBuf, Record, Lock), Failure> {
    let checklist = catalog::resolve(spec, &ctx.data_dir)
        .map_err(|e| Failure::user(sanitize::multiline(&e.to_string())))?;
    let sets = sets
        .iter()
        .map(|s| create::parse_set(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::usage)?;
    let now = chrono::Local::now().fixed_offset();
    let mut record = create::new_record(checklist, &sets, now).map_err(Failure::user)?;
    // The record is written by the TUI after its first frame, before the first key.
    let (path, lock) = Store::new(&ctx.data_dir)
        .claim(&mut record)
        .map_err(|e| Failure::user(e.to_string()))?;
    Ok((path, record, Some(lock)))
}

fn open(
    ctx: &Context,
    spec: Option<&str>,
    read_only: bool,
) -> Result<(PathBuf, Record, Lock), Failure> {
    let store = Store::new(&ctx.data_dir);
    let path = match spec {
        Some(s) => store.find(s).map_err(|e| Failure::user(e.to_string()))?,
        None => store
            .latest_unfinished()
            .map_err(|e| Failure::user(e.to_string()))?
            .ok_or_else(|| {
                Failure::user(
                    "no unfinished inspection to resume; start one with `onsite new CHECKLIST`",
                )
            })?,
    };
    let lock = if read_only {
        None
    } else {
        Some(lock::acquire(&path).map_err(|e| Failure::user(e.to_string()))?)
    };
    let record = io::load(&path).map_err(|e| Failure::user(e.to_string()))?;
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
    let (export_path, lang, data_dir) = (path.clone(), ctx.lang, ctx.data_dir.clone());
    // A new record is not on disk yet (see `Store::claim`): the TUI writes it right after
    // the first frame, before it reads the first key.
    let fresh = !read_only && !path.exists();
    let mut app = App::new(session, persist, ctx.lang, Theme::from_env()).with_exporter(Box::new(
        move |record: &Record| {
            let (md, html) = crate::report::export_beside(&export_path, record, lang)?;
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
