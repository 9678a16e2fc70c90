//! Terminal-level measurements of the release binary next to a bare ratatui program
//! (`examples/bare.rs`), in a pseudo-terminal at 80×24, for generated checklists of
//! 50, 1,000 and 20,000 questions and for the bundled `qcdc-agency`, and at 120×40 (with
//! the outline pane) for 1,000: time to first frame, bytes and write() calls per
//! navigation key, and peak memory. The `resume` rows open again the record the `onsite`
//! run made (`onsite resume`), the checklist then read from the record.
//!
//! Run: `cargo build --release --bins --examples && ./target/release/examples/termbench`
//! (Linux: reads `/proc/<pid>/io` and `/proc/<pid>/status`). `TERMBENCH_RUNS=N` sets the
//! runs per case (5); `TERMBENCH_ONLY=50,qcdc` picks cases by their size column.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[path = "../benches/support/generate.rs"]
mod generate;

const SIZES: [usize; 3] = [50, 1_000, 20_000];
const KEYS: usize = 40;

struct Shared {
    parser: vt100::Parser,
    bytes: usize,
    last: Instant,
}

struct Run {
    first_frame: Duration,
    bytes_per_key: f64,
    max_bytes_key: usize,
    writes_per_key: f64,
    peak_kib: u64,
}

fn proc_field(pid: u32, file: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn wait_quiet(shared: &Arc<Mutex<Shared>>, quiet: Duration, limit: Duration) {
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(5));
        let last = shared
            .lock()
            .map(|s| s.last)
            .unwrap_or_else(|_| Instant::now());
        if last.elapsed() >= quiet || start.elapsed() >= limit {
            return;
        }
    }
}

fn measure(
    program: &Path,
    args: &[String],
    marker: &str,
    (cols, rows): (u16, u16),
    cwd: &Path,
) -> Result<Run, String> {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| e.to_string())?;
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "en_US.UTF-8");
    cmd.cwd(cwd);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).map_err(|e| e.to_string())?;
    drop(pair.slave);
    let pid = child.process_id().ok_or("no pid")?;
    let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
    let mut writer = pair.master.take_writer().map_err(|e| e.to_string())?;
    let shared = Arc::new(Mutex::new(Shared {
        parser: vt100::Parser::new(
            NonZeroU16::MIN.saturating_add(rows.saturating_sub(1)),
            NonZeroU16::MIN.saturating_add(cols.saturating_sub(1)),
            0,
        ),
        bytes: 0,
        last: Instant::now(),
    }));
    let s2 = Arc::clone(&shared);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut s) = s2.lock() {
                s.parser.process(&buf[..n]);
                s.bytes += n;
                s.last = Instant::now();
            }
        }
    });
    let first_frame = loop {
        let seen = shared
            .lock()
            .map(|s| s.parser.screen().contents().contains(marker))
            .unwrap_or(false);
        if seen {
            break start.elapsed();
        }
        if let Ok(Some(status)) = child.try_wait() {
            let screen = shared
                .lock()
                .map(|s| s.parser.screen().contents())
                .unwrap_or_default();
            return Err(format!(
                "exited ({status:?}) before a frame with {marker:?}; screen:\n{screen}"
            ));
        }
        if start.elapsed() > Duration::from_secs(20) {
            let screen = shared
                .lock()
                .map(|s| s.parser.screen().contents())
                .unwrap_or_default();
            let _ = child.kill();
            return Err(format!(
                "no first frame with {marker:?} within 20 s; screen:\n{screen}"
            ));
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    wait_quiet(&shared, Duration::from_millis(300), Duration::from_secs(3));
    let mut total = 0usize;
    let mut max = 0usize;
    let writes_before = proc_field(pid, "io", "syscw").unwrap_or(0);
    for _ in 0..KEYS {
        let before = shared.lock().map(|s| s.bytes).unwrap_or(0);
        writer.write_all(b"j").map_err(|e| e.to_string())?;
        writer.flush().map_err(|e| e.to_string())?;
        wait_quiet(&shared, Duration::from_millis(60), Duration::from_secs(2));
        let after = shared.lock().map(|s| s.bytes).unwrap_or(0);
        total += after - before;
        max = max.max(after - before);
    }
    let writes_after = proc_field(pid, "io", "syscw").unwrap_or(0);
    let peak_kib = proc_field(pid, "status", "VmHWM:").unwrap_or(0);
    writer.write_all(b"q").map_err(|e| e.to_string())?;
    let _ = writer.flush();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    Ok(Run {
        first_frame,
        bytes_per_key: total as f64 / KEYS as f64,
        max_bytes_key: max,
        writes_per_key: (writes_after.saturating_sub(writes_before)) as f64 / KEYS as f64,
        peak_kib,
    })
}

/// One pair of rows of the table.
struct Case {
    /// Shown in the size column.
    label: String,
    /// The checklist file the bare program reads.
    file: PathBuf,
    /// The checklist argument of `onsite new`.
    spec: String,
    /// Another `--set FIELD=VALUE` for onsite ("" for none).
    extra: &'static str,
    /// Columns and rows of the pseudo-terminal.
    pty: (u16, u16),
}

fn release_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    // target/release/examples/termbench → target/release
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn main() {
    let dir = release_dir();
    let onsite = dir.join("onsite");
    let bare = dir.join("examples").join("bare");
    for p in [&onsite, &bare] {
        if !p.exists() {
            eprintln!(
                "{} is missing: run `cargo build --release --examples` first",
                p.display()
            );
            std::process::exit(1);
        }
    }
    let runs: usize = std::env::var("TERMBENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let tmp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot make a temp dir: {e}");
            std::process::exit(1);
        }
    };
    println!("{KEYS} `j` keys, median first frame of {runs} runs");
    println!(
        "{:<8} {:>9} {:>7} {:>12} {:>10} {:>10} {:>11} {:>10}",
        "program", "size", "pty", "first frame", "bytes/key", "max bytes", "writes/key", "peak KiB"
    );
    let mut cases: Vec<Case> = Vec::new();
    for n in SIZES {
        let file = tmp.path().join(format!("bench-{n}.json"));
        if let Err(e) = std::fs::write(&file, generate::checklist_json(n)) {
            eprintln!("cannot write {}: {e}", file.display());
            std::process::exit(1);
        }
        let f = file.display().to_string();
        cases.push(Case {
            label: n.to_string(),
            file: file.clone(),
            spec: f.clone(),
            extra: "",
            pty: (80, 24),
        });
        if n == 1_000 {
            cases.push(Case {
                label: n.to_string(),
                file,
                spec: f,
                extra: "",
                pty: (120, 40),
            });
        }
    }
    let bundled = onsite::checklist::catalog::bundled()
        .iter()
        .find(|(name, _)| name.starts_with("qcdc-agency"));
    if let Some((_, text)) = bundled {
        let file = tmp.path().join("qcdc-agency.json");
        if std::fs::write(&file, text).is_ok() {
            cases.push(Case {
                label: "qcdc".into(),
                file,
                spec: "qcdc-agency".into(),
                extra: "team-lead=Bench",
                pty: (80, 24),
            });
        }
    }
    for Case {
        label,
        file,
        spec,
        extra,
        pty,
    } in &cases
    {
        if let Ok(only) = std::env::var("TERMBENCH_ONLY")
            && !only.split(',').any(|o| o == label)
        {
            continue;
        }
        let f = file.display().to_string();
        // `resume` opens again the record the `onsite` run before it made.
        let programs = [("bare", &bare), ("onsite", &onsite), ("resume", &onsite)];
        let mut results: [Vec<Run>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        // The programs take turns, so that a slow moment of the machine hits both.
        for r in 0..runs {
            for (k, (name, program)) in programs.iter().enumerate() {
                let data = tmp.path().join(format!("data-{label}-{}-{r}", pty.0));
                let mut args: Vec<String> = if *name == "bare" {
                    vec![f.clone()]
                } else if *name == "resume" {
                    vec![
                        "--data-dir".into(),
                        data.display().to_string(),
                        "resume".into(),
                    ]
                } else {
                    vec![
                        "--data-dir".into(),
                        data.display().to_string(),
                        "new".into(),
                        spec.clone(),
                        "--set".into(),
                        "organisation=Bench".into(),
                    ]
                };
                if *name == "onsite" && !extra.is_empty() {
                    args.extend(["--set".to_string(), extra.to_string()]);
                }
                // onsite's top line, or the first prompt the bare program lists.
                let marker = match (*name, label.as_str()) {
                    ("onsite", _) => "Question 1 of",
                    // Back at the question the last run left.
                    ("resume", _) => " · answered ",
                    (_, "qcdc") => "Scope and basis",
                    _ => "Question 0:",
                };
                match measure(program, &args, marker, *pty, tmp.path()) {
                    Ok(run) => results[k].push(run),
                    Err(e) => eprintln!("{name} {label}: {e}"),
                }
            }
        }
        for ((name, _), mut results) in programs.into_iter().zip(results) {
            if results.is_empty() {
                continue;
            }
            results.sort_by_key(|r| r.first_frame);
            let mid = &results[results.len() / 2];
            let peak = results.iter().map(|r| r.peak_kib).max().unwrap_or(0);
            println!(
                "{:<8} {:>9} {:>7} {:>10.1}ms {:>10.0} {:>10} {:>11.1} {:>10}",
                name,
                label,
                format!("{}x{}", pty.0, pty.1),
                mid.first_frame.as_secs_f64() * 1000.0,
                mid.bytes_per_key,
                mid.max_bytes_key,
                mid.writes_per_key,
                peak
            );
        }
    }
}
