//! Writes records of a bundled checklist into a data dir, to measure `onsite list`, the
//! start screen and `onsite aggregate` at the scale teams reach (README, Performance).
//!
//! Run: `cargo run --release --example records -- DATA_DIR [N=1000] [CHECKLIST=qcdc-agency]`.

use std::process::ExitCode;

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: records DATA_DIR [N] [CHECKLIST]");
        return ExitCode::from(2);
    };
    let n = match args.get(1).map(|n| n.parse::<usize>()) {
        None => 1_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("records: N must be a whole number: {e}");
            return ExitCode::from(2);
        }
    };
    let checklist = args.get(2).map_or("qcdc-agency", String::as_str);
    match generate::bundled_records(std::path::Path::new(dir), checklist, n) {
        Ok(()) => {
            println!("{n} records of {checklist} in {dir}/records");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("records: {e}");
            ExitCode::FAILURE
        }
    }
}
