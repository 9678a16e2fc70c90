//! The commands that open the TUI: `onsite` (start screen), `onsite new`, `onsite resume`.
//!
//! Loading, creating, finding, locking and saving records go through the record store and
//! the checklist catalog; the TUI only gets a `Session` and a `Persist`.
//!
//! INTERIM: until `record::store`, `record::lock`, `record::create` and
//! `checklist::catalog` land, the small `interim` module below stands in for them
//! (plain atomic saves, checklists from paths, `./checklists/` and `<data-dir>/checklists/`).

use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::i18n::Lang;
use crate::i18n::tui::strings;
use crate::record::{Record, Status};
use crate::session::Session;
use crate::tui::{
    App, Exit, MemoryPersist, Persist, QuitInfo, StartChoice, StartItem, StartKind, StartScreen,
    Theme, Tui,
};

/// `onsite`: the start screen, then the chosen inspection.
pub fn start(ctx: &Context) -> Outcome {
    let mut items: Vec<StartItem> = interim::records(&ctx.data_dir)
        .into_iter()
        .filter(|(_, r)| r.status == Status::InProgress)
        .map(|(_, r)| StartItem {
            kind: StartKind::Resume,
            title: describe_record(&r, ctx.lang),
            detail: r.updated_at.format("%Y-%m-%d %H:%M").to_string(),
            key: r.id,
        })
        .collect();
    items.extend(
        interim::checklists(&ctx.data_dir)
            .into_iter()
            .map(|(key, c)| StartItem {
                kind: StartKind::New,
                title: crate::sanitize::line(c.title.get(ctx.lang.code())),
                detail: format!(
                    "{} {}",
                    crate::sanitize::line(&c.id),
                    crate::sanitize::line(&c.version)
                ),
                key,
            }),
    );
    let theme = Theme::from_env();
    let mut screen = StartScreen::new(items, ctx.lang);
    let mut tui = enter()?;
    let choice = tui
        .run_start(&mut screen, &theme)
        .map_err(|e| Failure::user(format!("terminal error: {e}")))?;
    match choice {
        StartChoice::Open(item) => match item.kind {
            StartKind::Resume => {
                let (path, record) = interim::find(&ctx.data_dir, Some(&item.key))?;
                run(tui, ctx, record, path, false)
            }
            StartKind::New => {
                let (path, record) = interim::create(ctx, &item.key, &[])?;
                run(tui, ctx, record, path, false)
            }
        },
        StartChoice::Quit | StartChoice::Stay => Ok(()),
    }
}

/// `onsite new CHECKLIST [--set FIELD=VALUE]...`.
pub fn new(ctx: &Context, checklist: &str, sets: &[String]) -> Outcome {
    let (path, record) = interim::create(ctx, checklist, sets)?;
    let tui = enter()?;
    run(tui, ctx, record, path, false)
}

/// `onsite resume [RECORD] [--read-only]`.
pub fn resume(ctx: &Context, record: Option<&str>, read_only: bool) -> Outcome {
    let (path, record) = interim::find(&ctx.data_dir, record)?;
    let tui = enter()?;
    run(tui, ctx, record, path, read_only)
}

fn enter() -> Result<Tui, Failure> {
    Tui::enter().map_err(|e| {
        Failure::user(format!(
            "cannot use the terminal ({e}); onsite needs an interactive terminal"
        ))
    })
}

fn describe_record(r: &Record, lang: Lang) -> String {
    let org = r
        .header
        .get("organisation")
        .map(|s| crate::sanitize::line(s))
        .unwrap_or_default();
    let title = crate::sanitize::line(r.checklist.title.get(lang.code()));
    if org.is_empty() {
        format!("{} · {title}", crate::sanitize::line(&r.id))
    } else {
        format!("{org} · {title}")
    }
}

fn run(mut tui: Tui, ctx: &Context, record: Record, path: PathBuf, read_only: bool) -> Outcome {
    let persist: Box<dyn Persist> = if read_only {
        Box::new(MemoryPersist::default())
    } else {
        Box::new(interim::FilePersist { path: path.clone() })
    };
    let session = Session::new(record, read_only);
    let mut app = App::new(session, persist, ctx.lang, Theme::from_env());
    let exit = tui.run_app(&mut app);
    let info = app.quit_info();
    drop(tui);
    match exit {
        Ok(Exit::Quit) => {
            println!("{}", quit_message(&info, &path, ctx.lang));
            if info.unsaved {
                return Err(Failure::user(strings(ctx.lang).quit_unsaved));
            }
            Ok(())
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

/// The lines printed on quit: where the record is and how to resume it.
pub fn quit_message(info: &QuitInfo, path: &Path, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = format!(
        "{}: {}\n{}: onsite resume {}",
        s.quit_saved,
        crate::sanitize::line(&path.display().to_string()),
        s.quit_resume,
        crate::sanitize::line(&info.record_id)
    );
    if info.unsaved {
        out.push('\n');
        out.push_str(s.quit_unsaved);
    }
    out
}

/// Stand-ins for the record store and the checklist catalog (see the module comment).
mod interim {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use crate::app::{Context, Failure};
    use crate::checklist::{Checklist, HeaderType};
    use crate::record::{Position, RECORD_FORMAT, Record, Screen, Status};
    use crate::tui::Persist;

    fn records_dir(data: &Path) -> PathBuf {
        data.join("records")
    }

    /// Records in the data dir, newest first.
    pub fn records(data: &Path) -> Vec<(PathBuf, Record)> {
        let mut out: Vec<(PathBuf, Record)> = std::fs::read_dir(records_dir(data))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| load(&p).ok().map(|r| (p, r)))
            .collect();
        out.sort_by_key(|b| std::cmp::Reverse(b.1.updated_at));
        out
    }

    fn load(path: &Path) -> Result<Record, Failure> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::user(format!("cannot read {}: {e}", path.display())))?;
        serde_json::from_str(&text).map_err(|e| {
            Failure::user(format!(
                "{}:{}:{}: not a record: {e}",
                path.display(),
                e.line(),
                e.column()
            ))
        })
    }

    /// A record by path, id or unique id prefix; else the latest unfinished one.
    pub fn find(data: &Path, spec: Option<&str>) -> Result<(PathBuf, Record), Failure> {
        let all = records(data);
        match spec {
            Some(s) if Path::new(s).is_file() => Ok((PathBuf::from(s), load(Path::new(s))?)),
            Some(s) => {
                let hits: Vec<_> = all
                    .into_iter()
                    .filter(|(_, r)| r.id.starts_with(s))
                    .collect();
                match hits.len() {
                    1 => Ok(hits
                        .into_iter()
                        .next()
                        .ok_or_else(|| Failure::user("no record"))?),
                    0 => Err(Failure::user(format!(
                        "no record matches `{}`",
                        crate::sanitize::line(s)
                    ))),
                    n => Err(Failure::user(format!(
                        "{n} records match `{}`; give more of the id",
                        crate::sanitize::line(s)
                    ))),
                }
            }
            None => all
                .into_iter()
                .find(|(_, r)| r.status == Status::InProgress)
                .ok_or_else(|| {
                    Failure::user(
                        "no unfinished inspection to resume; start one with `onsite new CHECKLIST`",
                    )
                }),
        }
    }

    /// Checklists from `./checklists/` and `<data-dir>/checklists/` (key = path).
    pub fn checklists(data: &Path) -> Vec<(String, Checklist)> {
        [PathBuf::from("checklists"), data.join("checklists")]
            .iter()
            .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| {
                let c: Checklist = serde_json::from_str(&std::fs::read_to_string(&p).ok()?).ok()?;
                Some((p.display().to_string(), c))
            })
            .collect()
    }

    fn checklist(data: &Path, spec: &str) -> Result<Checklist, Failure> {
        let path = if Path::new(spec).is_file() {
            PathBuf::from(spec)
        } else {
            checklists(data)
                .into_iter()
                .find(|(_, c)| c.id == spec)
                .map(|(p, _)| PathBuf::from(p))
                .ok_or_else(|| {
                    Failure::user(format!("no checklist `{}`", crate::sanitize::line(spec)))
                })?
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Failure::user(format!("cannot read {}: {e}", path.display())))?;
        let mut c: Checklist = serde_json::from_str(&text).map_err(|e| {
            Failure::user(format!(
                "{}:{}:{}: {e}",
                path.display(),
                e.line(),
                e.column()
            ))
        })?;
        for s in &mut c.sections {
            s.title.map_strings(&crate::sanitize::line);
            for q in &mut s.questions {
                q.prompt.map_strings(&crate::sanitize::line);
            }
        }
        Ok(c)
    }

    fn slug(s: &str) -> String {
        let folded = crate::session::search::fold(s);
        let mut out = String::new();
        for c in folded.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').chars().take(24).collect()
    }

    /// Creates and saves a new record.
    pub fn create(
        ctx: &Context,
        spec: &str,
        sets: &[String],
    ) -> Result<(PathBuf, Record), Failure> {
        let checklist = checklist(&ctx.data_dir, spec)?;
        let now = chrono::Local::now().fixed_offset();
        let mut header = indexmap::IndexMap::new();
        for f in &checklist.header {
            if let Some(d) = &f.default {
                let v = if f.kind == HeaderType::Date && d == "today" {
                    now.format("%Y-%m-%d").to_string()
                } else {
                    d.clone()
                };
                header.insert(f.id.clone(), v);
            }
        }
        for s in sets {
            let (k, v) = s
                .split_once('=')
                .ok_or_else(|| Failure::usage(format!("--set {s}: expected FIELD=VALUE")))?;
            if !checklist.header.iter().any(|f| f.id == k) {
                return Err(Failure::usage(format!(
                    "--set {k}: the checklist has no such header field"
                )));
            }
            header.insert(k.to_string(), crate::sanitize::line(v));
        }
        let org = header.get("organisation").cloned().unwrap_or_default();
        let base = format!(
            "{}-{}",
            now.format("%Y%m%d-%H%M"),
            slug(if org.is_empty() { &checklist.id } else { &org })
        );
        let dir = records_dir(&ctx.data_dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Failure::user(format!("cannot create {}: {e}", dir.display())))?;
        let mut id = base.clone();
        let mut n = 2;
        while dir.join(format!("{id}.json")).exists() {
            id = format!("{base}-{n}");
            n += 1;
        }
        let record = Record {
            format: RECORD_FORMAT.into(),
            id: id.clone(),
            status: Status::InProgress,
            created_at: now,
            updated_at: now,
            finished_at: None,
            checklist,
            header,
            answers: Default::default(),
            general_notes: String::new(),
            position: Position {
                screen: Screen::Header,
                question: None,
            },
            recommendations: Vec::new(),
            extra: Default::default(),
        };
        let path = dir.join(format!("{id}.json"));
        let mut p = FilePersist { path: path.clone() };
        p.save(&record).map_err(Failure::user)?;
        Ok((path, record))
    }

    /// Saves atomically: temp file in the same dir, fsync, rename, fsync the dir.
    pub struct FilePersist {
        pub path: PathBuf,
    }

    impl Persist for FilePersist {
        fn save(&mut self, record: &Record) -> Result<(), String> {
            let dir = self.path.parent().unwrap_or(Path::new("."));
            let err = |e: std::io::Error| format!("cannot save {}: {e}", self.path.display());
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
            let json = serde_json::to_vec_pretty(record).map_err(|e| e.to_string())?;
            tmp.write_all(&json).map_err(err)?;
            tmp.as_file().sync_all().map_err(err)?;
            tmp.persist(&self.path).map_err(|e| err(e.error))?;
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
            Ok(())
        }

        fn location(&self) -> String {
            self.path.display().to_string()
        }
    }
}
