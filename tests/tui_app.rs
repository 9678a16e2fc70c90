//! The TUI driven by key events (no terminal): answering every question type, navigation,
//! notes with autosave, undo, search, the title page, save errors, quit.

mod pty;

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use onsite::i18n::Lang;
use onsite::record::{AnswerValue, Screen};
use onsite::tui::{Control, Mode, persist::lock};
use pty::{app, press, screen, type_text};

fn current(a: &onsite::tui::App) -> String {
    a.session
        .current()
        .map(|(_, q)| q.id.clone())
        .unwrap_or_default()
}

#[test]
fn opens_at_the_title_page_when_a_required_field_is_empty_and_moves_on() {
    let (mut a, saves) = app(Lang::Vi, &[]);
    assert_eq!(a.mode, Mode::Header);
    type_text(&mut a, "Sở Thông tin và Truyền thông");
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "2026-11-25");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Inspection);
    // a move of the resume position is saved on the next idle tick (or on quit)
    a.tick(Instant::now());
    let last = lock(&saves.saves).last().cloned().expect("saved");
    assert_eq!(last.header["organisation"], "Sở Thông tin và Truyền thông");
    assert_eq!(last.header["date"], "2026-11-25");
    assert_eq!(last.position.screen, Screen::Questions);
}

#[test]
fn the_title_page_refuses_to_move_on_with_a_required_field_empty() {
    let (mut a, _) = app(Lang::En, &[]);
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Header);
    assert_eq!(a.header.focus, 0);
    assert!(screen(&a, 80, 24).contains("Required fields still empty"));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Inspection, "Esc leaves anyway");
}

#[test]
fn answers_every_question_type_and_saves_each_change() {
    let (mut a, saves) = app(Lang::Vi, &[("organisation", "Sở TT&TT")]);
    assert_eq!(a.mode, Mode::Inspection);
    assert_eq!(current(&a), "steering");
    // choice by number: picks "partial" (flagged), moves to the now visible text question
    press(&mut a, KeyCode::Char('2'));
    assert_eq!(current(&a), "plan-detail");
    let n = lock(&saves.saves).len();
    assert!(n >= 1);
    // text via Enter
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "Kế hoạch năm 2026");
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "meetings");
    // number: a refused value keeps the editor open with the reason
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "99");
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "meetings");
    assert!(matches!(a.overlay, onsite::tui::editors::Overlay::Line(_)));
    for _ in 0..2 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, "12");
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "channels");
    // multi: toggles with digits, stays
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Char('3'));
    assert_eq!(current(&a), "channels");
    // multi through the option list: Enter, Down, Space (toggle web), Enter confirms and moves
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Char(' '));
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "last-conference");
    // date
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "2026-10-01");
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "info-note");
    press(&mut a, KeyCode::Char('j'));
    // choice through the option list
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    let r = lock(&saves.saves).last().cloned().expect("saved");
    let v = |id: &str| r.answers[id].value.clone();
    assert_eq!(v("steering"), Some(AnswerValue::Text("partial".into())));
    assert_eq!(
        v("plan-detail"),
        Some(AnswerValue::Text("Kế hoạch năm 2026".into()))
    );
    assert_eq!(v("meetings"), Some(AnswerValue::Number(12.0)));
    assert_eq!(
        v("channels"),
        Some(AnswerValue::Multi(vec![
            "board".into(),
            "web".into(),
            "meeting".into()
        ]))
    );
    assert_eq!(
        v("last-conference"),
        Some(AnswerValue::Text("2026-10-01".into()))
    );
    assert_eq!(v("budget"), Some(AnswerValue::Text("no".into())));
    // Three required questions and the required `organisation` field.
    assert_eq!(a.session.progress().required_answered, 4);
}

#[test]
fn moves_reach_the_snapshot_at_once_and_the_disk_when_idle_or_on_quit() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    let before = lock(&saves.saves).len();
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(lock(&saves.saves).len(), before, "no full save per move");
    let snapshot = lock(&a.shared()).record.position.question.clone();
    assert_eq!(snapshot.as_deref(), Some("meetings"));
    a.tick(Instant::now());
    let saved = lock(&saves.saves).last().unwrap().position.question.clone();
    assert_eq!(saved.as_deref(), Some("meetings"));
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(press(&mut a, KeyCode::Char('q')), Control::Quit);
    let saved = lock(&saves.saves).last().unwrap().position.question.clone();
    assert_eq!(saved.as_deref(), Some("channels"));
}

#[test]
fn navigation_keys_follow_the_spec() {
    let (mut a, _) = app(Lang::En, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char(']'));
    assert_eq!(current(&a), "channels");
    press(&mut a, KeyCode::Char('['));
    assert_eq!(current(&a), "steering");
    press(&mut a, KeyCode::PageDown);
    press(&mut a, KeyCode::Char('k'));
    assert_eq!(current(&a), "meetings", "plan-detail is hidden");
    press(&mut a, KeyCode::Tab);
    assert_eq!(current(&a), "last-conference");
    press(&mut a, KeyCode::Tab);
    assert_eq!(current(&a), "steering", "wraps");
}

#[test]
fn clear_undo_and_awaiting() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Char('k'));
    press(&mut a, KeyCode::Char('x'));
    assert!(
        a.session
            .answer("steering")
            .and_then(|x| x.value.as_ref())
            .is_none()
    );
    press(&mut a, KeyCode::Char('u'));
    assert_eq!(
        a.session.answer("steering").and_then(|x| x.value.clone()),
        Some(AnswerValue::Text("yes".into()))
    );
    press(&mut a, KeyCode::Char('d'));
    assert!(lock(&saves.saves).last().unwrap().answers["steering"].awaiting_evidence);
    assert!(screen(&a, 80, 24).contains("? awaiting evidence"));
}

#[test]
fn a_note_is_saved_while_typing_on_close_and_is_in_the_snapshot_before() {
    let (mut a, saves) = app(Lang::Vi, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('n'));
    type_text(&mut a, "Đơn vị chưa ban hành");
    // not yet in the session, but in the shared snapshot the signal handler flushes
    let pending = lock(&a.shared()).pending_note.clone();
    assert_eq!(
        pending.map(|p| p.1).as_deref(),
        Some("Đơn vị chưa ban hành")
    );
    // after the autosave interval, a tick sets it into the record and saves
    assert!(
        a.tick(Instant::now() + Duration::from_secs(3)),
        "redraw after the autosave"
    );
    assert_eq!(
        lock(&saves.saves).last().unwrap().answers["steering"].note,
        "Đơn vị chưa ban hành"
    );
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "quy chế");
    a.handle(Event::Paste(
        "\u{1b}]52;c;eA==\u{7} (dán) Ban Chi\u{309} \u{111}a\u{323}o".into(),
    ));
    press(&mut a, KeyCode::Esc);
    let note = lock(&saves.saves).last().unwrap().answers["steering"]
        .note
        .clone();
    assert_eq!(
        note,
        "Đơn vị chưa ban hành\nquy chế]52;c;eA== (dán) Ban Chỉ đạo"
    );
    assert!(lock(&a.shared()).pending_note.is_none());
    // general notes
    press(&mut a, KeyCode::Char('N'));
    type_text(&mut a, "Biên bản họp");
    press(&mut a, KeyCode::Esc);
    assert_eq!(
        lock(&saves.saves).last().unwrap().general_notes,
        "Biên bản họp"
    );
}

#[test]
fn the_signal_flush_writes_a_half_typed_note() {
    let (mut a, saves) = app(Lang::Vi, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('n'));
    type_text(&mut a, "đang gõ dở");
    let shared = a.shared();
    lock(&shared)
        .flush(chrono::DateTime::parse_from_rfc3339("2026-11-25T10:05:00+07:00").unwrap())
        .expect("flush");
    assert_eq!(
        lock(&saves.saves).last().unwrap().answers["steering"].note,
        "đang gõ dở"
    );
}

#[test]
fn search_ignores_diacritics_and_jumps() {
    let (mut a, _) = app(Lang::Vi, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "hoi nghi can bo");
    assert!(screen(&a, 80, 24).contains("Ngày tổ chức hội nghị cán bộ gần nhất"));
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "last-conference");
    press(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "ban chi dao");
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        current(&a),
        "meetings",
        "second match: decomposed text in the fixture"
    );
    press(&mut a, KeyCode::Char('/'));
    press(&mut a, KeyCode::Esc);
    assert_eq!(current(&a), "meetings");
}

#[test]
fn own_recommendation_with_priority() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('r'));
    type_text(&mut a, "Ban hành quy chế mới");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Enter);
    let r = lock(&saves.saves).last().cloned().unwrap();
    assert_eq!(r.recommendations.len(), 1);
    assert_eq!(
        r.recommendations[0].text.as_deref(),
        Some("Ban hành quy chế mới")
    );
    assert_eq!(
        r.recommendations[0].priority,
        Some(onsite::checklist::Priority::High)
    );
    assert_eq!(r.recommendations[0].question.as_deref(), Some("steering"));
}

#[test]
fn save_errors_are_shown_and_answers_kept_then_saved_once_it_works() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    *lock(&saves.fail) = Some("records dir is not writable".into());
    press(&mut a, KeyCode::Char('1'));
    assert!(screen(&a, 80, 24).contains("NOT SAVED"));
    assert!(a.quit_info().unsaved);
    assert!(a.session.answer("steering").is_some(), "kept in memory");
    *lock(&saves.fail) = None;
    press(&mut a, KeyCode::Char('j'));
    assert!(!screen(&a, 80, 24).contains("NOT SAVED"));
    assert!(
        lock(&saves.saves)
            .last()
            .unwrap()
            .answers
            .contains_key("steering")
    );
}

#[test]
fn summary_finish_warns_first_and_quit_keys() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('3'));
    press(&mut a, KeyCode::Char('s'));
    assert_eq!(a.mode, Mode::Summary);
    let text = screen(&a, 80, 24);
    assert!(text.contains("Findings"), "{text}");
    assert!(text.contains("! 1.1 Has a steering committee"), "{text}");
    press(&mut a, KeyCode::Char('f'));
    assert!(screen(&a, 80, 24).contains("press f again"));
    press(&mut a, KeyCode::Char('f'));
    let r = lock(&saves.saves).last().cloned().unwrap();
    assert_eq!(r.status, onsite::record::Status::Finished);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Inspection);
    assert_eq!(press(&mut a, KeyCode::Char('?')), Control::Continue);
    assert!(screen(&a, 80, 24).contains("next unanswered required question"));
    press(&mut a, KeyCode::Esc);
    assert_eq!(press(&mut a, KeyCode::Char('q')), Control::Quit);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    press(&mut a, KeyCode::Char('n'));
    type_text(&mut a, "ghi");
    assert_eq!(a.handle(ctrl_c), Control::Quit);
    assert_eq!(current(&a), "plan-detail");
    assert_eq!(
        lock(&saves.saves).last().unwrap().answers["plan-detail"].note,
        "ghi"
    );
}

#[test]
fn no_panic_at_any_size() {
    let (mut a, _) = app(Lang::Vi, &[("organisation", "X")]);
    press(&mut a, KeyCode::Char('2'));
    for (w, h) in [
        (1, 1),
        (5, 30),
        (200, 3),
        (39, 11),
        (40, 12),
        (80, 24),
        (250, 80),
    ] {
        let text = screen(&a, w, h);
        if w < 40 || h < 12 {
            assert!(
                w < 10 || h == 0 || text.contains("Cửa") || text.contains("nhỏ"),
                "{text}"
            );
        }
    }
    for open in ['n', '/', '?', 's'] {
        press(&mut a, KeyCode::Char(open));
        for (w, h) in [(1, 1), (41, 12), (80, 24), (120, 40)] {
            let _ = screen(&a, w, h);
        }
        press(&mut a, KeyCode::Esc);
    }
}

#[test]
fn summary_recommendations_can_be_edited_dropped_restored_and_exported() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    let exported = std::sync::Arc::new(std::sync::Mutex::new(0));
    let count = std::sync::Arc::clone(&exported);
    a = a.with_exporter(Box::new(move |_r| {
        *count.lock().unwrap() += 1;
        Ok(vec!["/tmp/x.md".into(), "/tmp/x.html".into()])
    }));
    press(&mut a, KeyCode::Char('r'));
    type_text(&mut a, "Họp định kỳ hằng quý");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('s'));
    assert_eq!(a.rec_rows().len(), 1);
    press(&mut a, KeyCode::Char('o'));
    type_text(&mut a, "Văn phòng Sở");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('t'));
    type_text(&mut a, "2026-12-31");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('p'));
    press(&mut a, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, "năm");
    press(&mut a, KeyCode::Enter);
    let r = lock(&saves.saves).last().cloned().unwrap();
    let rec = &r.recommendations[0];
    assert_eq!(rec.text.as_deref(), Some("Họp định kỳ hằng năm"));
    assert_eq!(rec.responsible, "Văn phòng Sở");
    assert_eq!(rec.due.as_deref(), Some("2026-12-31"));
    assert_eq!(rec.priority, Some(onsite::checklist::Priority::Low));
    let text = screen(&a, 80, 24);
    assert!(text.contains("responsible: Văn phòng Sở"), "{text}");
    // a bad due date is refused and the editor stays open
    press(&mut a, KeyCode::Char('t'));
    for _ in 0..10 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, "31/12");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(
        a.overlay,
        onsite::tui::editors::Overlay::RecField(_)
    ));
    press(&mut a, KeyCode::Esc);
    // own recommendations are deleted by x
    press(&mut a, KeyCode::Char('x'));
    assert!(a.rec_rows().is_empty());
    // a scripted one (the answer is flagged) is dropped and restored by x
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('3'));
    press(&mut a, KeyCode::Char('s'));
    let rows = a.rec_rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, "q:steering");
    assert!(rows[0].scripted && !rows[0].dropped);
    press(&mut a, KeyCode::Char('x'));
    assert!(a.rec_rows()[0].dropped);
    assert!(lock(&saves.saves).last().unwrap().recommendations[0].dropped);
    press(&mut a, KeyCode::Char('x'));
    assert!(!a.rec_rows()[0].dropped);
    press(&mut a, KeyCode::Char('e'));
    assert_eq!(*exported.lock().unwrap(), 1);
    assert!(screen(&a, 80, 24).contains("Exported: /tmp/x.md"));
}

#[test]
fn the_readme_lists_every_key_of_the_inspection_and_summary_screens() {
    use onsite::tui::keys::{KeySpec, Screen as KeyScreen, bindings};
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    for screen in [KeyScreen::Inspection, KeyScreen::Summary] {
        for b in bindings(screen) {
            for k in b.keys {
                if let KeySpec::Char(c) = k {
                    assert!(
                        readme.contains(&format!("`{c}`")),
                        "README lacks `{c}` ({})",
                        b.en
                    );
                }
            }
        }
    }
}

#[test]
fn a_long_question_text_scrolls_with_shift_j_and_k() {
    let (mut a, _) = app(Lang::Vi, &[("organisation", "X")]);
    let before = screen(&a, 60, 16);
    assert!(before.contains("* Đã thành lập Ban Chỉ đạo"), "{before}");
    assert!(
        before.contains(" J "),
        "a hint that there is more: {before}"
    );
    press(&mut a, KeyCode::Char('J'));
    let after = screen(&a, 60, 16);
    assert!(!after.contains("* Đã thành lập Ban Chỉ đạo"), "{after}");
    assert!(after.contains(" 1 [ ] Có"), "the options stay: {after}");
    press(&mut a, KeyCode::Char('K'));
    assert_eq!(screen(&a, 60, 16), before);
    press(&mut a, KeyCode::Char('J'));
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(a.detail_scroll, 0, "reset on the next question");
}

#[test]
fn esc_then_a_key_arriving_as_alt_key_closes_the_overlay_and_acts() {
    // tmux and slow SSH links turn Esc followed quickly by `2` into Alt+2.
    let (mut a, _) = app(Lang::En, &[("organisation", "Sở TT&TT")]);
    assert_eq!(current(&a), "steering");
    press(&mut a, KeyCode::Enter);
    assert!(!matches!(a.overlay, onsite::tui::editors::Overlay::None));
    a.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('2'),
        KeyModifiers::ALT,
    )));
    assert!(matches!(a.overlay, onsite::tui::editors::Overlay::None));
    let value = a.session.answer("steering").and_then(|x| x.value.clone());
    assert_eq!(value, Some(AnswerValue::Text("partial".into())));
    assert_eq!(current(&a), "plan-detail");
}

#[test]
fn quitting_with_unsaved_work_offers_a_copy_elsewhere_once() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    assert!(!a.offer_rescue(), "nothing to rescue while saves work");
    *lock(&saves.fail) = Some("No space left on device".into());
    press(&mut a, KeyCode::Char('1'));
    assert!(a.offer_rescue());
    let text = screen(&a, 80, 24);
    assert!(text.contains("Not saved! Write a copy to"), "{text}");
    assert!(text.contains("No space left on device"), "{text}");
    // Esc goes back to the inspection, and the offer comes again on the next quit
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, onsite::tui::editors::Overlay::None));
    assert!(a.offer_rescue());
    // a path that cannot be written keeps the offer open with the reason
    press(&mut a, KeyCode::Home);
    a.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('k'),
        KeyModifiers::CONTROL,
    )));
    type_text(&mut a, "/nonexistent-dir/copy.json");
    assert_eq!(
        a.handle(Event::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE
        ))),
        Control::Continue
    );
    assert!(matches!(
        a.overlay,
        onsite::tui::editors::Overlay::Rescue(_)
    ));
    // a good one is written, and the app quits saying where
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("bản sao.json");
    press(&mut a, KeyCode::Home);
    a.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('k'),
        KeyModifiers::CONTROL,
    )));
    type_text(&mut a, copy.to_str().unwrap());
    assert_eq!(
        a.handle(Event::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE
        ))),
        Control::Quit
    );
    assert_eq!(a.quit_info().rescued_to.as_deref(), copy.to_str());
    let back: onsite::record::Record =
        serde_json::from_str(&std::fs::read_to_string(&copy).unwrap()).unwrap();
    assert!(back.answers.contains_key("steering"));
    assert!(!a.offer_rescue(), "offered once");
}

#[test]
fn numbers_and_dates_are_typed_the_vietnamese_way_and_a_digit_starts_the_answer() {
    let (mut a, saves) = app(Lang::Vi, &[("organisation", "Sở Tư pháp")]);
    press(&mut a, KeyCode::Char('1'));
    assert_eq!(current(&a), "meetings");
    // On a number question a digit opens the answer with that digit in it.
    press(&mut a, KeyCode::Char('3'));
    assert!(matches!(a.overlay, onsite::tui::editors::Overlay::Line(_)));
    type_text(&mut a, ".5");
    press(&mut a, KeyCode::Enter);
    // `3.5` is not Vietnamese: refused with a sentence saying how to write it.
    assert_eq!(current(&a), "meetings");
    let shown = screen(&a, 120, 40);
    assert!(
        shown.contains("dấu phẩy ngăn phần thập phân (3,5)"),
        "{shown}"
    );
    for _ in 0..2 {
        press(&mut a, KeyCode::Backspace);
    }
    type_text(&mut a, "9");
    press(&mut a, KeyCode::Enter);
    assert_eq!(current(&a), "channels");
    let r = lock(&saves.saves).last().cloned().expect("saved");
    assert_eq!(r.answers["meetings"].value, Some(AnswerValue::Number(39.0)));
    press(&mut a, KeyCode::Char('j'));
    assert_eq!(current(&a), "last-conference");
    // A digit starts a date too; day/month/year as Vietnamese write it.
    type_text(&mut a, "2/12/2026");
    press(&mut a, KeyCode::Enter);
    let r = lock(&saves.saves).last().cloned().expect("saved");
    assert_eq!(
        r.answers["last-conference"].value,
        Some(AnswerValue::Text("2026-12-02".into()))
    );
    press(&mut a, KeyCode::Char('k'));
    assert!(screen(&a, 80, 24).contains("02/12/2026"));
}

#[test]
fn an_english_screen_refuses_a_day_first_date_with_a_sentence() {
    let (mut a, saves) = app(Lang::En, &[("organisation", "X")]);
    for _ in 0..3 {
        press(&mut a, KeyCode::Char('j'));
    }
    assert_eq!(current(&a), "last-conference");
    press(&mut a, KeyCode::Enter);
    type_text(&mut a, "02/12/2026");
    press(&mut a, KeyCode::Enter);
    assert!(
        screen(&a, 120, 40).contains("could be read day-first or month-first"),
        "{}",
        screen(&a, 120, 40)
    );
    assert!(
        lock(&saves.saves)
            .iter()
            .all(|r| !r.answers.contains_key("last-conference")),
        "nothing was reinterpreted"
    );
}

#[test]
fn emptying_a_required_title_page_field_is_said_and_counted() {
    let (mut a, _) = app(Lang::Vi, &[("organisation", "Sở Y tế")]);
    let before = a.session.progress();
    press(&mut a, KeyCode::Char('h'));
    assert_eq!(a.mode, Mode::Header);
    for _ in 0.."Sở Y tế".chars().count() {
        press(&mut a, KeyCode::Backspace);
    }
    press(&mut a, KeyCode::Tab);
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("Ô bắt buộc đang để trống"), "{shown}");
    let after = a.session.progress();
    assert_eq!(after.required_total, before.required_total);
    assert_eq!(after.required_answered + 1, before.required_answered);
    // The summary lists it with the required items still to do.
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('s'));
    let shown = screen(&a, 120, 40);
    assert!(
        shown.contains("Trang thông tin: Cơ quan được kiểm tra"),
        "{shown}"
    );
}
