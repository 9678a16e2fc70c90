//! Saves survive SIGKILL at any moment: a child process saves a record in a tight loop and
//! is killed many times at random; the file must always parse and equal a committed state.

mod record_support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use onsite::record::{Store, load, save_at};
use record_support::{at, big_record};

const ANSWERS: usize = 400;
const ROUNDS: usize = 30;

fn now() -> onsite::record::Timestamp {
    at("2026-11-23T09:30:00+07:00")
}

/// The child: saves states `start`, `start+1`, … until killed, printing each one saved.
#[test]
#[ignore = "run as a child process by `records_survive_sigkill`"]
fn child_saver() {
    let path = std::path::PathBuf::from(std::env::var("ONSITE_TEST_RECORD").unwrap());
    let mut k: u64 = std::env::var("ONSITE_TEST_START").unwrap().parse().unwrap();
    loop {
        save_at(&path, &big_record(ANSWERS, k, now())).unwrap();
        println!("saved {k}");
        k += 1;
    }
}

fn state_of(r: &onsite::record::Record) -> u64 {
    r.general_notes
        .strip_prefix("state ")
        .and_then(|k| k.parse().ok())
        .expect("a state number in the notes")
}

#[test]
fn records_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut first = big_record(ANSWERS, 0, now());
    let path = store.create(&mut first).unwrap();
    let mut committed: u64 = 0;
    let mut seed: u64 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let exe = std::env::current_exe().unwrap();
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "child_saver",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("ONSITE_TEST_RECORD", &path)
            .env("ONSITE_TEST_START", (committed + 1).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let acked = Arc::new(AtomicU64::new(committed));
        let reader = {
            let acked = Arc::clone(&acked);
            let out = child.stdout.take().unwrap();
            std::thread::spawn(move || {
                for line in BufReader::new(out).lines().map_while(Result::ok) {
                    // The first line may follow libtest's "test child_saver ... ".
                    let k = line.rsplit_once("saved ").and_then(|(_, k)| k.parse().ok());
                    if let Some(k) = k {
                        acked.store(k, Ordering::SeqCst);
                    }
                }
            })
        };
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 120));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        let acked = acked.load(Ordering::SeqCst);
        let r = load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let k = state_of(&r);
        assert!(
            k == acked || k == acked + 1,
            "round {round}: file holds state {k}, last acknowledged {acked}"
        );
        assert_eq!(
            r,
            big_record(ANSWERS, k, now()),
            "round {round}: state {k} differs"
        );
        committed = k;
    }
    assert!(committed > 0, "the child never saved");
    let (list, warnings) = store.list();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].answered, list[0].total), (ANSWERS, ANSWERS));
    let strays = std::fs::read_dir(store.records_dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count();
    eprintln!("{ROUNDS} kills, last state {committed}, {strays} stray temp files ignored");
    assert_eq!(store.remove_stale_temp_files(Duration::ZERO), strays);
    assert_eq!(store.ids().unwrap(), [first.id.clone()]);
    assert_eq!(std::fs::read_dir(store.records_dir()).unwrap().count(), 1);
}
