//! Build script: embeds the bundled checklists (every `checklists/*.json` except JSON
//! Schemas) into the binary, so that `cargo install` works anywhere. New files are picked
//! up without code changes; an empty or missing directory gives an empty list.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=checklists");
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut files: Vec<(String, String)> = Vec::new();
    if let Ok(entries) = fs::read_dir(root.join("checklists")) {
        for entry in entries.flatten() {
            let path = entry.path();
            let (Some(name), Some(full)) = (
                path.file_name()
                    .and_then(|n| n.to_str())
                    .map(str::to_string),
                path.to_str().map(str::to_string),
            ) else {
                println!("cargo::warning=skipping a checklist file whose name is not UTF-8");
                continue;
            };
            if name.ends_with(".json") && !name.ends_with(".schema.json") && path.is_file() {
                files.push((name, full));
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// The bundled checklists: (file name, contents), sorted by file name.\n\
         pub static BUNDLED: &[(&str, &str)] = &[\n",
    );
    for (name, full) in &files {
        out.push_str(&format!("    ({name:?}, include_str!({full:?})),\n"));
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = fs::write(out_dir.join("bundled.rs"), out) {
        panic!("cannot write bundled.rs into OUT_DIR: {e}");
    }
}
