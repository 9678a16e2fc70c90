//! Where checklists are found (SPEC §1): a path given directly; `./checklists/`;
//! `<data-dir>/checklists/`; the checklists compiled into the binary. The first file with
//! a given id wins, so a user's file replaces a bundled checklist of the same id.
//!
//! Broken files are reported as problems, never fatal to the catalog.

use std::fmt;
use std::path::{Path, PathBuf};

use super::load::{Problem, load_file, load_str};
use super::model::Checklist;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The checklists compiled into the binary: (file name, JSON text).
pub fn bundled() -> &'static [(&'static str, &'static str)] {
    generated::BUNDLED
}

/// Where a checklist came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    Bundled,
    /// A file on disk.
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => write!(f, "bundled"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A loaded, valid checklist and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The checklist (validated and sanitised).
    pub checklist: Checklist,
    /// Where it came from.
    pub origin: Origin,
}

/// The checklists available, one per id, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
}

/// Why `resolve` found no checklist.
#[derive(Debug, Clone, PartialEq)]
pub enum ResolveError {
    /// The file given (or the file of that id) has problems.
    Invalid {
        /// The file or id asked for.
        spec: String,
        /// Its problems, one line each.
        problems: Vec<Problem>,
    },
    /// No checklist has that id.
    Unknown {
        /// The id asked for.
        spec: String,
        /// The ids that exist.
        available: Vec<String>,
        /// Checklist files that could not be loaded while looking.
        broken: usize,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Invalid { spec, problems } => {
                let n = problems.len();
                let s = if n == 1 { "" } else { "s" };
                write!(f, "checklist {spec} has {n} problem{s}:")?;
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
            ResolveError::Unknown {
                spec,
                available,
                broken,
            } => {
                write!(f, "no checklist with id \"{spec}\"")?;
                if available.is_empty() {
                    write!(f, "; no checklists are available")?;
                } else {
                    write!(f, "; available: {}", available.join(", "))?;
                }
                if *broken > 0 {
                    write!(
                        f,
                        " ({broken} checklist file(s) could not be loaded; `onsite checklists` shows why)"
                    )?;
                }
                write!(f, "; or give the path to a checklist file")
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// The user directories searched, in order: `./checklists/`, `<data-dir>/checklists/`.
pub fn search_dirs(data_dir: &Path) -> Vec<PathBuf> {
    vec![PathBuf::from("checklists"), data_dir.join("checklists")]
}

/// The checklist files of a directory, sorted by name.
fn checklist_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_checklist_file(p))
        .collect();
    files.sort();
    Ok(files)
}

fn is_checklist_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let json = name.ends_with(".json") && !name.ends_with(".schema.json");
    // `~$form.xlsx` is the lock file a spreadsheet program keeps beside an open workbook.
    let workbook = super::xlsform::is_workbook(path) && !name.starts_with("~$");
    (json || workbook) && path.is_file()
}

impl Catalog {
    /// Every checklist available with this data dir, and the problems of broken files.
    pub fn discover(data_dir: &Path) -> (Catalog, Vec<Problem>) {
        Catalog::discover_from(&search_dirs(data_dir), bundled())
    }

    /// Like `discover`, from explicit directories (in order) and bundled texts.
    pub fn discover_from(dirs: &[PathBuf], bundled: &[(&str, &str)]) -> (Catalog, Vec<Problem>) {
        let mut entries: Vec<Entry> = Vec::new();
        let mut problems = Vec::new();
        let mut seen_dirs: Vec<PathBuf> = Vec::new();
        for dir in dirs {
            let canonical = dir.canonicalize().unwrap_or_else(|_| dir.clone());
            if seen_dirs.contains(&canonical) {
                continue;
            }
            seen_dirs.push(canonical);
            let files = match checklist_files(dir) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    problems.push(Problem {
                        file: dir.display().to_string(),
                        line: None,
                        column: None,
                        path: String::new(),
                        message: format!("cannot list the checklist directory: {e}"),
                    });
                    continue;
                }
            };
            for path in files {
                match load_file(&path) {
                    Ok(c) => add(&mut entries, &mut problems, c, Origin::File(path)),
                    Err(mut ps) => problems.append(&mut ps),
                }
            }
        }
        for (name, text) in bundled {
            match load_str(text, &format!("(bundled) {name}")) {
                Ok(c) => add(&mut entries, &mut problems, c, Origin::Bundled),
                Err(mut ps) => problems.append(&mut ps),
            }
        }
        entries.sort_by(|a, b| a.checklist.id.cmp(&b.checklist.id));
        (Catalog { entries }, problems)
    }

    /// The checklists, sorted by id.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The checklist with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.checklist.id == id)
    }

    /// The ids available, sorted.
    pub fn ids(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|e| e.checklist.id.clone())
            .collect()
    }
}

/// Adds a checklist unless its id is taken by an earlier one (which wins).
fn add(entries: &mut Vec<Entry>, problems: &mut Vec<Problem>, c: Checklist, origin: Origin) {
    if let Some(first) = entries.iter().find(|e| e.checklist.id == c.id) {
        // A user's file replacing a bundled checklist is the intended use; two user
        // files with one id is a mistake worth a word.
        if let Origin::File(path) = &origin {
            problems.push(Problem {
                file: path.display().to_string(),
                line: None,
                column: None,
                path: "/id".into(),
                message: format!(
                    "id \"{}\" is already used by {}; this file is ignored",
                    c.id, first.origin
                ),
            });
        }
        return;
    }
    entries.push(Entry {
        checklist: c,
        origin,
    });
}

/// Whether a checklist argument names a file rather than an id.
fn looks_like_path(spec: &str) -> bool {
    spec.contains('/')
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.ends_with(".json")
        || spec.ends_with(".xlsx")
        || Path::new(spec).is_file()
}

/// The checklist named by `spec`: a path to a file, or an id from the catalog.
pub fn resolve(spec: &str, data_dir: &Path) -> Result<Checklist, ResolveError> {
    resolve_entry(spec, data_dir).map(|e| e.checklist)
}

/// Like `resolve`, also telling where the checklist came from.
pub fn resolve_entry(spec: &str, data_dir: &Path) -> Result<Entry, ResolveError> {
    if looks_like_path(spec) {
        let path = PathBuf::from(spec);
        return match load_file(&path) {
            Ok(checklist) => Ok(Entry {
                checklist,
                origin: Origin::File(path),
            }),
            Err(problems) => Err(ResolveError::Invalid {
                spec: spec.to_string(),
                problems,
            }),
        };
    }
    if let Some(e) = find_by_id(spec, &search_dirs(data_dir), bundled()) {
        return Ok(e);
    }
    // Not found: the whole catalog, for the ids available and the broken files.
    let (catalog, problems) = Catalog::discover(data_dir);
    Err(ResolveError::Unknown {
        spec: spec.to_string(),
        available: catalog.ids(),
        broken: problems.len(),
    })
}

/// Just the id of a checklist (a quick look before loading it in full): the top-level
/// `id` member, read only as far as it; the rest of the text is not read at all.
fn id_of(text: &str) -> Option<String> {
    let head = crate::json_head::read_str(text, &["id"], &[]);
    head.get("id")?.as_str().map(str::to_string)
}

fn id_of_file(path: &Path) -> Option<String> {
    let head = crate::json_head::read_file(
        crate::safe_fs::open_regular(path, crate::safe_fs::Links::Follow).ok()?,
        &["id"],
        &[],
    );
    head.get("id")?.as_str().map(str::to_string)
}

/// The checklist with id `spec`, found as `Catalog::discover_from` would find it (the first
/// valid one, in the same order), but loading in full only the files with that id.
fn find_by_id(spec: &str, dirs: &[PathBuf], bundled: &[(&str, &str)]) -> Option<Entry> {
    let mut seen_dirs: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let canonical = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        if seen_dirs.contains(&canonical) {
            continue;
        }
        seen_dirs.push(canonical);
        let Ok(files) = checklist_files(dir) else {
            continue;
        };
        for path in files {
            let small = std::fs::metadata(&path).is_ok_and(|m| m.len() <= super::load::MAX_SIZE);
            // A workbook has no id to peek at: it is read in full (they are small).
            let workbook = super::xlsform::is_workbook(&path);
            if !small || (!workbook && id_of_file(&path).as_deref() != Some(spec)) {
                continue;
            }
            if let Ok(checklist) = load_file(&path)
                && checklist.id == spec
            {
                return Some(Entry {
                    checklist,
                    origin: Origin::File(path),
                });
            }
        }
    }
    bundled
        .iter()
        .filter(|(_, text)| id_of(text).as_deref() == Some(spec))
        .find_map(|(name, text)| load_str(text, &format!("(bundled) {name}")).ok())
        .map(|checklist| Entry {
            checklist,
            origin: Origin::Bundled,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checklist(id: &str, title: &str) -> String {
        format!(
            r#"{{"format": "onsite-checklist/1", "id": "{id}", "version": "1", "title": "{title}",
  "sections": [{{"id": "s", "title": "Phần một", "questions": [
    {{"id": "q", "type": "text", "prompt": "Ý kiến?"}}]}}]}}"#
        )
    }

    #[test]
    fn the_id_is_read_without_reading_the_rest() {
        // Whatever follows the id is not read: not even broken JSON there stops it.
        assert_eq!(
            id_of("{\"format\": 1, \"id\": \"qcdc\", \"sections\": [oops").as_deref(),
            Some("qcdc")
        );
        assert_eq!(id_of("\u{feff}{\"id\": \"a\"}").as_deref(), Some("a"));
        // Members before it are skipped whatever they hold.
        let late = "{\"sections\": [{\"id\": \"s\", \"questions\": []}], \"id\": \"late\"}";
        assert_eq!(id_of(late).as_deref(), Some("late"));
        assert_eq!(id_of("{\"id\": 7}"), None);
        assert_eq!(id_of("[\"id\"]"), None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.json");
        std::fs::write(&path, format!("\u{feff}{}", checklist("mine", "T"))).unwrap();
        assert_eq!(id_of_file(&path).as_deref(), Some("mine"));
    }

    #[test]
    fn earlier_places_win_and_broken_files_are_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let cwd = tmp.path().join("cwd");
        let data = tmp.path().join("data");
        std::fs::create_dir_all(&cwd).unwrap();
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(
            cwd.join("a.json"),
            checklist("alpha", "Từ thư mục hiện tại"),
        )
        .unwrap();
        std::fs::write(data.join("a.json"), checklist("alpha", "Từ data dir")).unwrap();
        std::fs::write(data.join("b.json"), checklist("beta", "Beta")).unwrap();
        std::fs::write(data.join("broken.json"), "{\"format\": ").unwrap();
        std::fs::write(data.join("x.schema.json"), "{}").unwrap();
        let bundled_alpha = checklist("alpha", "Có sẵn");
        let bundled_gamma = checklist("gamma", "Gamma");
        let bundled = [
            ("alpha.json", bundled_alpha.as_str()),
            ("gamma.json", bundled_gamma.as_str()),
        ];
        let (cat, problems) = Catalog::discover_from(&[cwd.clone(), data.clone()], &bundled);
        assert_eq!(cat.ids(), ["alpha", "beta", "gamma"]);
        let alpha = cat.get("alpha").unwrap();
        assert_eq!(alpha.origin, Origin::File(cwd.join("a.json")));
        assert_eq!(alpha.checklist.title.get("vi"), "Từ thư mục hiện tại");
        assert_eq!(cat.get("gamma").unwrap().origin, Origin::Bundled);
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        let expected = format!(
            "{}: /id: id \"alpha\" is already used by {}; this file is ignored",
            data.join("a.json").display(),
            cwd.join("a.json").display()
        );
        assert_eq!(lines[0], expected);
        assert!(
            lines[1].ends_with("broken.json:1:11: EOF while parsing a value: the file ends too early (a missing closing bracket or quote?)"),
            "{lines:?}"
        );
    }

    #[test]
    fn finding_one_id_agrees_with_the_whole_catalog() {
        let tmp = tempfile::tempdir().unwrap();
        let cwd = tmp.path().join("cwd");
        let data = tmp.path().join("data");
        std::fs::create_dir_all(&cwd).unwrap();
        std::fs::create_dir_all(&data).unwrap();
        // A broken file with the id comes first: skipped, as the catalog skips it.
        std::fs::write(
            cwd.join("a.json"),
            checklist("alpha", "Hỏng").replace("\"sections\"", "\"sectons\""),
        )
        .unwrap();
        std::fs::write(data.join("b.json"), checklist("alpha", "Từ data dir")).unwrap();
        std::fs::write(data.join("c.json"), checklist("beta", "Beta")).unwrap();
        let bundled_alpha = checklist("alpha", "Có sẵn");
        let bundled_gamma = checklist("gamma", "Gamma");
        let bundled = [
            ("alpha.json", bundled_alpha.as_str()),
            ("gamma.json", bundled_gamma.as_str()),
        ];
        let dirs = [cwd.clone(), data.clone()];
        let (cat, _) = Catalog::discover_from(&dirs, &bundled);
        for id in ["alpha", "beta", "gamma"] {
            let found = find_by_id(id, &dirs, &bundled).expect(id);
            assert_eq!(Some(&found), cat.get(id), "{id}");
        }
        assert_eq!(
            find_by_id("alpha", &dirs, &bundled)
                .unwrap()
                .checklist
                .title
                .get("vi"),
            "Từ data dir"
        );
        assert!(find_by_id("delta", &dirs, &bundled).is_none());
    }

    #[test]
    fn bundled_checklists_are_all_valid() {
        for (name, text) in bundled() {
            if let Err(ps) = load_str(text, name) {
                let lines: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
                panic!("bundled checklist {name} is broken:\n{}", lines.join("\n"));
            }
        }
    }

    #[test]
    fn unknown_id_lists_the_available_ones() {
        let e = ResolveError::Unknown {
            spec: "qcdc".into(),
            available: vec!["canteen".into(), "qcdc-agency".into()],
            broken: 1,
        };
        assert_eq!(
            e.to_string(),
            "no checklist with id \"qcdc\"; available: canteen, qcdc-agency (1 checklist file(s) could not be loaded; `onsite checklists` shows why); or give the path to a checklist file"
        );
        assert!(looks_like_path("x/y"));
        assert!(looks_like_path("mine.json"));
        assert!(!looks_like_path("qcdc-agency"));
    }
}
