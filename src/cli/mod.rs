//! The commands of the command line, one file each, and what they share:
//! the data dir, the UI language, and the one-sentence failure they report.

pub mod aggregate;
pub mod checklists;
pub mod doc;
pub mod export;
pub mod inspect;
pub mod list;
pub mod report;
pub mod table;
pub mod team;
pub mod validate;

use std::path::PathBuf;

use crate::i18n::Lang;

/// What every command gets from the command line and the environment.
#[derive(Debug, Clone)]
pub struct Context {
    /// `--data-dir`, else `ONSITE_DATA_DIR`, else the platform data dir.
    pub data_dir: PathBuf,
    /// The UI language.
    pub lang: Lang,
}

impl Context {
    /// Resolves the data dir and language as SPEC §1 says.
    pub fn resolve(data_dir: Option<PathBuf>, lang: Option<&str>) -> Result<Context, Failure> {
        let onsite_lang = std::env::var("ONSITE_LANG").ok();
        let lang_env = std::env::var("LANG").ok();
        let lang = Lang::resolve(lang, onsite_lang.as_deref(), lang_env.as_deref());
        let data_dir = match data_dir.or_else(|| {
            std::env::var_os("ONSITE_DATA_DIR")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        }) {
            Some(d) => d,
            None => directories::ProjectDirs::from("", "", "onsite")
                .map(|p| p.data_dir().to_path_buf())
                .ok_or_else(|| Failure::user(crate::i18n::cli::no_home(lang)))?,
        };
        if let Some(name) = team::read_inspector(&data_dir) {
            crate::record::history::set_inspector(&name);
        }
        Ok(Context { data_dir, lang })
    }
}

/// A command that failed: one sentence for stderr and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The sentence (or lines, for validation problems) to print on stderr.
    pub message: String,
    /// 1 for a failure the user can fix, 2 for a usage error.
    pub code: u8,
}

impl Failure {
    /// A failure the user can fix (exit 1).
    pub fn user(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

/// What a command returns.
pub type Outcome = Result<(), Failure>;

/// The standard answer of a command whose issue has not landed yet.
pub fn not_built(command: &str) -> Outcome {
    Err(Failure::user(format!(
        "`onsite {command}` is not built yet in this version"
    )))
}
