//! The `onsite` binary: argument parsing and wiring only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use onsite::cli::{self, Context, Outcome};

/// Run on-site inspections from scripted checklists.
#[derive(Parser, Debug)]
#[command(
    name = "onsite",
    version,
    about,
    long_about = None,
    after_help = "Without a command, onsite opens the start screen: inspections to continue, checklists to start.\nExit status: 0 success, 1 a failure you can fix (bad file, unknown record), 2 a usage error."
)]
struct Cli {
    /// Where records and user checklists live [env: ONSITE_DATA_DIR; default: platform data dir]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// UI language [env: ONSITE_LANG, else LANG starting with `vi`, else English]
    #[arg(long, global = true, value_name = "vi|en", value_parser = ["vi", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Start an inspection from a checklist (id, or path to a file)
    New {
        /// Checklist id or path
        checklist: String,
        /// Pre-fill a header field
        #[arg(long = "set", value_name = "FIELD=VALUE")]
        set: Vec<String>,
        /// Follow up a finished inspection of the same checklist (record id, prefix or path)
        #[arg(long = "follow-up", value_name = "RECORD")]
        follow_up: Option<String>,
    },
    /// Continue an inspection where it was left (default: the latest unfinished)
    Resume {
        /// Record id, unique id prefix, or path
        record: Option<String>,
        /// Look without changing
        #[arg(long)]
        read_only: bool,
    },
    /// List the inspections in the data dir
    List {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// List the checklists available: id, version, title, where from
    Checklists {
        #[command(subcommand)]
        action: Option<ChecklistsAction>,
    },
    /// Check checklist files: `ok` per good file, one line per problem
    Validate {
        /// Checklist files
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The summary report of an inspection (default Markdown to stdout)
    Report {
        /// Record id, unique id prefix, or path
        record: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Write to FILE instead of stdout
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// One table over many inspections
    Aggregate {
        /// Records or directories of records
        #[arg(required = true, value_name = "RECORD|DIR")]
        inputs: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = AggregateFormat::Md)]
        format: AggregateFormat,
        /// Write to FILE instead of stdout
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a document the team signs (.docx): minutes, conclusion, report, brief; or
    /// show and change the document profile
    Doc {
        /// Which document (or `profile`)
        #[arg(value_enum)]
        kind: DocKind,
        /// Record (id, prefix or path) for minutes and conclusion; records or directories
        /// for report; checklist (id or path) for brief
        #[arg(value_name = "INPUT")]
        inputs: Vec<String>,
        /// Write to FILE (default: a file named for the document in the current directory)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Set a profile fact (saved with `profile`; for this document only otherwise)
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Work as a team on one inspection: who you are, share, join, assign, sync, status
    Team {
        #[command(subcommand)]
        action: TeamAction,
    },
    /// Merge a journal or record file changed on both sides (git runs this; see `team sync`)
    #[command(name = "merge-driver", hide = true)]
    MergeDriver {
        /// The common ancestor (%O)
        base: PathBuf,
        /// Ours (%A): the result is written here
        ours: PathBuf,
        /// Theirs (%B)
        theirs: PathBuf,
        /// Anything else git passes (%L %P)
        #[arg(hide = true)]
        rest: Vec<String>,
    },
}

#[derive(Subcommand, Debug)]
enum TeamAction {
    /// Show, or set, the name your changes carry on this machine
    Whoami {
        /// The name to set
        name: Option<String>,
    },
    /// Share an inspection and write the file members join from
    Pack {
        /// Record id, unique id prefix, or path
        record: String,
        /// The file to write
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Join a shared inspection from the file the leader handed out
    Join {
        /// The pack file
        file: PathBuf,
    },
    /// Give a section to a member (an empty member takes it back)
    Assign {
        /// Record id, unique id prefix, or path
        record: String,
        /// Section id
        section: String,
        /// Member name
        member: String,
    },
    /// Bring your work and the others' together through a shared folder or a git clone
    Sync {
        /// Record id, unique id prefix, or path
        record: String,
        /// A shared folder (Syncthing, network drive, USB stick)
        #[arg(long, value_name = "DIR", conflicts_with = "git")]
        folder: Option<PathBuf>,
        /// A git clone of the team's records repository
        #[arg(long, value_name = "DIR")]
        git: Option<PathBuf>,
    },
    /// Who leads, who has which section, and the disagreements left to resolve
    Status {
        /// Record id, unique id prefix, or path
        record: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum DocKind {
    Minutes,
    Conclusion,
    Report,
    Brief,
    Profile,
}

#[derive(Subcommand, Debug)]
enum ChecklistsAction {
    /// Write a checklist (id or path) as an XLSForm workbook to edit, or as JSON
    Export {
        /// Checklist id or path
        checklist: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Xlsx)]
        format: ExportFormat,
        /// Write to FILE (required for xlsx)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ExportFormat {
    Xlsx,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ReportFormat {
    Md,
    Html,
    Json,
    Txt,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum AggregateFormat {
    Md,
    Csv,
    Json,
    Xlsx,
}

fn run(cli: Cli) -> Outcome {
    let ctx = Context::resolve(cli.data_dir, cli.lang.as_deref())?;
    match cli.command {
        None => cli::inspect::start(&ctx),
        Some(Command::New {
            checklist,
            set,
            follow_up,
        }) => cli::inspect::new(&ctx, &checklist, &set, follow_up.as_deref()),
        Some(Command::Resume { record, read_only }) => {
            cli::inspect::resume(&ctx, record.as_deref(), read_only)
        }
        Some(Command::List { json }) => cli::list::run(&ctx, json),
        Some(Command::Checklists { action: None }) => cli::checklists::run(&ctx),
        Some(Command::Checklists {
            action:
                Some(ChecklistsAction::Export {
                    checklist,
                    format,
                    output,
                }),
        }) => {
            let format = match format {
                ExportFormat::Xlsx => cli::export::Format::Xlsx,
                ExportFormat::Json => cli::export::Format::Json,
            };
            cli::export::run(&ctx, &checklist, format, output.as_deref())
        }
        Some(Command::Validate { files }) => cli::validate::run(&files, ctx.lang),
        Some(Command::Report {
            record,
            format,
            output,
        }) => {
            let format = match format {
                ReportFormat::Md => onsite::report::Format::Md,
                ReportFormat::Html => onsite::report::Format::Html,
                ReportFormat::Json => onsite::report::Format::Json,
                ReportFormat::Txt => onsite::report::Format::Txt,
            };
            cli::report::run(&ctx, &record, format, output.as_deref())
        }
        Some(Command::Aggregate {
            inputs,
            format,
            output,
        }) => {
            use onsite::report::aggregate_render::Format as F;
            let format = match format {
                AggregateFormat::Md => F::Md,
                AggregateFormat::Csv => F::Csv,
                AggregateFormat::Json => F::Json,
                AggregateFormat::Xlsx => {
                    return cli::aggregate::run_workbook(&ctx, &inputs, output.as_deref());
                }
            };
            cli::aggregate::run(&ctx, &inputs, format, output.as_deref())
        }
        Some(Command::Doc {
            kind,
            inputs,
            output,
            set,
        }) => {
            use onsite::report::doc::Kind;
            let kind = match kind {
                DocKind::Profile => return cli::doc::profile_cmd(&ctx, &set),
                DocKind::Minutes => Kind::Minutes,
                DocKind::Conclusion => Kind::Conclusion,
                DocKind::Report => Kind::Report,
                DocKind::Brief => Kind::Brief,
            };
            cli::doc::run(&ctx, kind, &inputs, output.as_deref(), &set)
        }
        Some(Command::Team { action }) => match action {
            TeamAction::Whoami { name } => cli::team::whoami(&ctx, name.as_deref()),
            TeamAction::Pack { record, output } => cli::team::pack(&ctx, &record, &output),
            TeamAction::Join { file } => cli::team::join(&ctx, &file),
            TeamAction::Assign {
                record,
                section,
                member,
            } => cli::team::assign(&ctx, &record, &section, &member),
            TeamAction::Sync {
                record,
                folder,
                git,
            } => cli::team::sync(&ctx, &record, folder.as_deref(), git.as_deref()),
            TeamAction::Status { record } => cli::team::status(&ctx, &record),
        },
        Some(Command::MergeDriver {
            base, ours, theirs, ..
        }) => cli::team::merge_driver(&ctx, &base, &ours, &theirs),
    }
    .map(|()| drop(ctx))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("onsite: {}", onsite::sanitize::multiline(&f.message));
            ExitCode::from(f.code)
        }
    }
}
