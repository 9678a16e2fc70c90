//! The layering the README's architecture section promises, read from the source: no
//! import circle between the top-level modules of `src/`, the format (`checklist`) knows
//! nothing of records, sessions, reports or screens, `session` does no terminal work, and
//! `i18n` knows nothing of screens or the command line. Test code (`#[cfg(test)]` and
//! `tests.rs`) is left out: fixtures may be shared across layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::NAME` references in the non-test code of a file.
fn references(source: &str) -> BTreeSet<String> {
    let code = match source.find("#[cfg(test)]") {
        Some(i) => &source[..i],
        None => source,
    };
    let mut found = BTreeSet::new();
    for line in code.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

/// Top-level module → the top-level modules its code uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |p: &Path| -> Option<String> {
        let rel = p.strip_prefix(&src).ok()?;
        let first = rel.components().next()?.as_os_str().to_str()?.to_string();
        match first.as_str() {
            "main.rs" | "lib.rs" => None,
            f => Some(f.trim_end_matches(".rs").to_string()),
        }
    };
    let modules: BTreeSet<String> = files.iter().filter_map(|p| module_of(p)).collect();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(m) = module_of(file) else { continue };
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(file).expect("read source");
        let entry = deps.entry(m.clone()).or_default();
        for r in references(&source) {
            if r != m && modules.contains(&r) {
                entry.insert(r);
            }
        }
    }
    deps
}

/// A path from `from` to `to` in `deps`, if there is one.
fn path(deps: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![vec![from.to_string()]];
    while let Some(p) = stack.pop() {
        let last = p.last().cloned().unwrap_or_default();
        for next in deps.get(&last).into_iter().flatten() {
            let mut q = p.clone();
            q.push(next.clone());
            if next == to {
                return Some(q);
            }
            if seen.insert(next.clone()) {
                stack.push(q);
            }
        }
    }
    None
}

#[test]
fn no_import_circle_between_top_level_modules() {
    let deps = graph();
    assert!(
        deps.contains_key("checklist") && deps.contains_key("tui"),
        "{deps:?}"
    );
    let mut circles = Vec::new();
    for (m, uses) in &deps {
        for u in uses {
            if let Some(back) = path(&deps, u, m) {
                circles.push(format!("{m} -> {}", back.join(" -> ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn no_layer_uses_one_above_it() {
    let deps = graph();
    let forbidden: &[(&str, &[&str])] = &[
        (
            "checklist",
            &["record", "session", "report", "tui", "cli", "i18n"],
        ),
        ("record", &["session", "report", "tui", "cli", "i18n"]),
        ("session", &["report", "tui", "cli", "i18n"]),
        ("report", &["tui", "cli", "session"]),
        ("i18n", &["tui", "cli", "report", "followup"]),
        ("tui", &["cli"]),
    ];
    let mut wrong = Vec::new();
    for (m, never) in forbidden {
        for n in *never {
            if deps.get(*m).is_some_and(|uses| uses.contains(*n)) {
                wrong.push(format!("{m} uses {n}"));
            }
        }
    }
    assert!(wrong.is_empty(), "layer broken:\n{}", wrong.join("\n"));
}
