//! Key handling and redraw through `tui::App`, drawn to a `TestBackend`: navigation keys
//! (`j`/`k`) at 80×24 and 200×60 (with the outline pane) for 50 and 20,000 questions, and
//! an answer key including its durable save (temp file, fsync, rename, fsync dir) with
//! 50, 1,000 and 20,000 answers, done in the key's time and, as the program does it, on
//! the saver thread; and a search over 1,000 and 20,000 questions (what each key typed in
//! the search box costs: every visible question's texts folded and matched).
//!
//! Run: `cargo bench --bench keys -- --warm-up-time 1 --measurement-time 3`.

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use onsite::i18n::Lang;
use onsite::record::{Record, Store, Timestamp, save_at};
use onsite::session::Session;
use onsite::tui::{App, BackgroundSaver, Persist, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/generate.rs"]
mod generate;

fn now() -> Timestamp {
    Timestamp::parse_from_rfc3339("2026-11-25T10:00:00+07:00").expect("time")
}

/// Answers the current question (alternating options 1 and 2, which moves on), draws,
/// goes back (`k`) and draws again.
fn answer_and_back(app: &mut App, term: &mut Terminal<TestBackend>, flip: bool) {
    press(app, if flip { '1' } else { '2' });
    term.draw(|f| onsite::tui::view::draw(f, app))
        .expect("draw");
    press(app, 'k');
    term.draw(|f| onsite::tui::view::draw(f, app))
        .expect("draw");
}

fn record(n: usize, answered: usize) -> Record {
    generate::record(n, answered, now()).expect("bench record")
}

/// Saves through the record store, as the real program does.
struct Disk(PathBuf);

impl Persist for Disk {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        save_at(&self.0, record).map_err(|e| e.to_string())
    }
    fn location(&self) -> String {
        self.0.display().to_string()
    }
}

/// Saves nowhere (navigation keys never save).
struct Nowhere;

impl Persist for Nowhere {
    fn save(&mut self, _: &Record) -> Result<(), String> {
        Ok(())
    }
    fn location(&self) -> String {
        String::new()
    }
}

fn press(app: &mut App, c: char) {
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

fn navigate(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_and_redraw");
    for n in [50usize, 20_000] {
        for (w, h) in [(80u16, 24u16), (200, 60)] {
            let session = Session::new(record(n, 0), false);
            let mut app = App::new(
                session,
                Box::new(Nowhere),
                Lang::En,
                Theme::new(false, false),
            );
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            let mut step = 0usize;
            let id = BenchmarkId::new(format!("{w}x{h}"), n);
            group.bench_function(id, |b| {
                b.iter(|| {
                    // 40 down, 40 up, so the outline scrolls both ways.
                    press(&mut app, if step % 80 < 40 { 'j' } else { 'k' });
                    step += 1;
                    term.draw(|f| onsite::tui::view::draw(f, &app))
                        .expect("draw");
                })
            });
        }
    }
    group.finish();
}

fn answer(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path());
    let mut group = c.benchmark_group("answer_key_with_durable_save");
    group.sample_size(20);
    for n in [50usize, 1_000, 20_000] {
        let mut r = record(n, n);
        let path = store.create(&mut r).expect("create");
        let session = Session::new(r, false);
        let mut app = App::new(
            session,
            Box::new(Disk(path)),
            Lang::En,
            Theme::new(false, false),
        );
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let mut flip = false;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                flip = !flip;
                answer_and_back(&mut app, &mut term, flip);
            })
        });
        assert!(app.save_error.is_none(), "{:?}", app.save_error);
    }
    group.finish();
    // As the program runs it: the durable save on the saver thread (`tui::saver`); the
    // key is handled and drawn without waiting for it.
    let mut group = c.benchmark_group("answer_key_with_background_save");
    group.sample_size(20);
    for n in [50usize, 1_000, 20_000] {
        let mut r = record(n, n);
        let path = store.create(&mut r).expect("create");
        let session = Session::new(r, false);
        let saver = BackgroundSaver::new(Box::new(Disk(path)));
        let mut app = App::new(session, Box::new(saver), Lang::En, Theme::new(false, false));
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let mut flip = false;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                flip = !flip;
                answer_and_back(&mut app, &mut term, flip);
            })
        });
        app.finish_saves(std::time::Duration::from_secs(30));
        assert!(app.save_error.is_none(), "{:?}", app.save_error);
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    for n in [1_000usize, 20_000] {
        let session = Session::new(record(n, 0), false);
        // "câu 19" folded matches prompts of 1,100 of 20,000 questions (all in Vietnamese).
        group.bench_with_input(BenchmarkId::from_parameter(n), &session, |b, s| {
            b.iter(|| s.search("câu 19").len())
        });
    }
    group.finish();
}

criterion_group!(benches, navigate, answer, search);
criterion_main!(benches);
