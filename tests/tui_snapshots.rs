//! Snapshots (insta + TestBackend) of every screen at 80×24 and 120×40 in English and
//! Vietnamese, with long Vietnamese text, decomposed diacritics and wide characters in the
//! fixture; plus the ASCII/NO_COLOR theme and the "too small" screen.

mod pty;

use crossterm::event::{Event, KeyCode};
use onsite::i18n::Lang;
use onsite::tui::{App, StartItem, StartKind, StartScreen, Theme};
use pty::{app, app_on, press, record, render, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [Lang; 2] = [Lang::En, Lang::Vi];

fn snap_all(name: &str, build: impl Fn(Lang) -> App) {
    for lang in LANGS {
        let a = build(lang);
        for (w, h) in SIZES {
            let t = render(&a, w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}_{}", lang.code()), t.backend());
        }
    }
}

fn answered(lang: Lang) -> App {
    let (mut a, _) = app(
        lang,
        &[
            ("organisation", "Sở Thông tin và Truyền thông"),
            ("date", "2026-11-25"),
        ],
    );
    press(&mut a, KeyCode::Char('2'));
    press(&mut a, KeyCode::Char('k'));
    press(&mut a, KeyCode::Char('n'));
    type_text(&mut a, "Quyết định số 12/QĐ-BCĐ chưa có quy chế");
    a.handle(Event::Paste("\ndo\u{301}ng 2 (tổ hợp)".into()));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('d'));
    press(&mut a, KeyCode::Char('r'));
    type_text(&mut a, "Ban hành quy chế hoạt động");
    press(&mut a, KeyCode::Enter);
    a
}

#[test]
fn inspection_screen() {
    snap_all("inspection_fresh", |lang| {
        app(lang, &[("organisation", "X")]).0
    });
    snap_all("inspection_answered", answered);
    snap_all("inspection_number", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('j'));
        press(&mut a, KeyCode::Enter);
        type_text(&mut a, "Kế hoạch 2026");
        press(&mut a, KeyCode::Enter);
        press(&mut a, KeyCode::Enter);
        type_text(&mut a, "12");
        press(&mut a, KeyCode::Enter);
        press(&mut a, KeyCode::Char('k'));
        a
    });
}

#[test]
fn read_only_and_finished() {
    snap_all("inspection_read_only", |lang| {
        app_on(lang, record(&[("organisation", "Sở Nội vụ")]), true).0
    });
    snap_all("summary_finished", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('s'));
        press(&mut a, KeyCode::Char('f'));
        press(&mut a, KeyCode::Char('f'));
        a
    });
    snap_all("help_finished", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('s'));
        press(&mut a, KeyCode::Char('f'));
        press(&mut a, KeyCode::Char('f'));
        press(&mut a, KeyCode::Char('?'));
        a
    });
}

#[test]
fn summary_with_long_recommendations() {
    snap_all("summary_recommendations", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('j'));
        press(&mut a, KeyCode::Char('r'));
        a.handle(Event::Paste(
            "Đề nghị Sở kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở, ban hành quy chế hoạt động và phân công nhiệm vụ cụ thể cho từng thành viên trước ngày 31 tháng 12".into(),
        ));
        press(&mut a, KeyCode::Enter);
        press(&mut a, KeyCode::Char('s'));
        press(&mut a, KeyCode::Char('o'));
        type_text(&mut a, "Văn phòng Sở");
        press(&mut a, KeyCode::Enter);
        press(&mut a, KeyCode::Char('t'));
        type_text(&mut a, "2026-12-31");
        press(&mut a, KeyCode::Enter);
        // the own one in the middle is deleted, the scripted one dropped
        press(&mut a, KeyCode::Char('j'));
        press(&mut a, KeyCode::Char('x'));
        press(&mut a, KeyCode::Char('k'));
        press(&mut a, KeyCode::Char('x'));
        a
    });
}

#[test]
fn header_form() {
    snap_all("header_browsing", |lang| {
        let (mut a, _) = app(lang, &[("organisation", "Sở Nội vụ tỉnh Thừa Thiên Huế")]);
        press(&mut a, KeyCode::Char('h'));
        press(&mut a, KeyCode::Char('j'));
        a
    });
    snap_all("header", |lang| {
        let (mut a, _) = app(lang, &[]);
        type_text(&mut a, "Sở Nội vụ tỉnh Thừa Thiên Huế");
        press(&mut a, KeyCode::Enter);
        press(&mut a, KeyCode::Enter);
        a
    });
}

#[test]
fn overlays() {
    snap_all("options", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Enter);
        press(&mut a, KeyCode::Down);
        a
    });
    snap_all("line_editor", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('j'));
        press(&mut a, KeyCode::Enter);
        type_text(&mut a, "Kế hoạch");
        a
    });
    snap_all("note_editor", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('n'));
        a
    });
    snap_all("search", |lang| {
        let (mut a, _) = app(lang, &[("organisation", "X")]);
        press(&mut a, KeyCode::Char('/'));
        type_text(&mut a, "ban chi dao");
        a
    });
    snap_all("help", |lang| {
        let (mut a, _) = app(lang, &[("organisation", "X")]);
        press(&mut a, KeyCode::Char('?'));
        a
    });
    snap_all("recommendation", |lang| {
        let (mut a, _) = app(lang, &[("organisation", "X")]);
        press(&mut a, KeyCode::Char('r'));
        type_text(&mut a, "Kiện toàn Ban Chỉ đạo");
        press(&mut a, KeyCode::Tab);
        a
    });
}

#[test]
fn summary_screen() {
    snap_all("summary", |lang| {
        let mut a = answered(lang);
        press(&mut a, KeyCode::Char('N'));
        type_text(&mut a, "Biên bản: đoàn làm việc với lãnh đạo Sở");
        press(&mut a, KeyCode::Esc);
        press(&mut a, KeyCode::Char('s'));
        a
    });
}

fn start_items() -> Vec<StartItem> {
    vec![
        StartItem {
            kind: StartKind::New,
            key: "qcdc-agency".into(),
            title: "Kiểm tra thực hiện dân chủ ở cơ sở (cơ quan hành chính)".into(),
            detail: "qcdc-agency 2026.1".into(),
        },
        StartItem {
            kind: StartKind::Resume,
            key: "20261125-0930-so-tttt".into(),
            title: "Sở Thông tin và Truyền thông · Kiểm tra dân chủ ở cơ sở".into(),
            detail: "12/59 · 2026-11-25 09:30".into(),
        },
        StartItem {
            kind: StartKind::Resume,
            key: "20261126-1400-ubnd".into(),
            title: "Ủy ban nhân dân phường Phú Hội, thành phố Huế · Kiểm tra thực hiện dân chủ ở cơ sở (cơ quan hành chính)".into(),
            detail: "40/59 · 2026-11-26 14:00".into(),
        },
        StartItem {
            kind: StartKind::Finished,
            key: "20261120-0800-so-y-te".into(),
            title: "Sở Y tế · Kiểm tra dân chủ ở cơ sở".into(),
            detail: "59/59 · 2026-11-20 11:15".into(),
        },
    ]
}

#[test]
fn start_screen() {
    let keys = |s: &mut StartScreen, keys: &[KeyCode]| {
        for k in keys {
            s.handle(Event::Key(crossterm::event::KeyEvent::new(
                *k,
                crossterm::event::KeyModifiers::NONE,
            )));
        }
    };
    for lang in LANGS {
        let mut shots = Vec::new();
        let plain = StartScreen::new(start_items(), lang);
        shots.push(("start", plain.clone()));
        let mut long = plain.clone();
        keys(&mut long, &[KeyCode::Down]);
        shots.push(("start_long_item", long));
        let mut finished = plain.clone();
        keys(&mut finished, &[KeyCode::Char('f')]);
        shots.push(("start_finished", finished));
        let mut offer = plain.clone();
        offer.offer_read_only(
            offer.items[0].clone(),
            "This inspection is open in another onsite by an@laptop (pid 4242) since 09:31. You can look at it read-only: nothing will be changed.".into(),
        );
        shots.push(("start_offer", offer));
        let mut help = plain.clone();
        keys(&mut help, &[KeyCode::Char('?')]);
        shots.push(("start_help", help));
        for (name, screen) in shots {
            for (w, h) in SIZES {
                let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                t.draw(|f| onsite::tui::view::start::draw(f, &screen, &Theme::new(false, false)))
                    .expect("draw");
                insta::assert_snapshot!(format!("{name}_{w}x{h}_{}", lang.code()), t.backend());
            }
        }
    }
}

#[test]
fn profile_form() {
    use onsite::tui::profile::ProfileScreen;
    let dir = tempfile::tempdir().expect("tmp");
    let mut p = onsite::report::doc::Profile::default();
    for (k, v) in [
        (
            "issuer",
            "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh Hà Tĩnh",
        ),
        ("place", "Hà Tĩnh"),
        (
            "recipients",
            "Sở Nội vụ; Thường trực Tỉnh ủy (để báo cáo); Các thành viên Ban Chỉ đạo; Lưu hồ sơ",
        ),
    ] {
        p.set(k, v).expect("key");
    }
    onsite::report::doc::profile::save(dir.path(), &p, Lang::En).expect("saved");
    let press_all = |s: &mut ProfileScreen, keys: &[KeyCode]| {
        for k in keys {
            s.handle(Event::Key(crossterm::event::KeyEvent::new(
                *k,
                crossterm::event::KeyModifiers::NONE,
            )));
        }
    };
    for lang in LANGS {
        let open = || {
            let mut s = ProfileScreen::open(dir.path(), lang).expect("profile");
            // A fixed path, so that the help line does not depend on the temp dir.
            s.data_dir = std::path::PathBuf::from("/home/an/.local/share/onsite");
            s
        };
        // The recipients (a value too long for its row, shown whole under the form).
        let mut cut = open();
        press_all(&mut cut, &[KeyCode::Down; 19]);
        let mut editing = open();
        press_all(
            &mut editing,
            &[KeyCode::Down, KeyCode::Down, KeyCode::Enter],
        );
        for (name, screen) in [("profile_cut", cut), ("profile_editing", editing)] {
            let (w, h) = (80, 24);
            let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            t.draw(|f| onsite::tui::view::profile::draw(f, &screen, &Theme::new(false, false)))
                .expect("draw");
            insta::assert_snapshot!(format!("{name}_{w}x{h}_{}", lang.code()), t.backend());
        }
    }
}

#[test]
fn ascii_theme_and_too_small() {
    let (mut a, _) = app(Lang::Vi, &[("organisation", "X")]);
    a.theme = Theme::new(false, true);
    press(&mut a, KeyCode::Char('1'));
    let t = render(&a, 100, 24);
    let text = format!("{}", t.backend());
    assert!(!text.contains('│') && !text.contains('✓') && !text.contains('╭'));
    insta::assert_snapshot!("ascii_100x24_vi", t.backend());
    for lang in LANGS {
        let (a, _) = app(lang, &[("organisation", "X")]);
        let t = render(&a, 36, 10);
        insta::assert_snapshot!(format!("too_small_36x10_{}", lang.code()), t.backend());
    }
}

#[test]
fn no_color_theme_paints_no_colours() {
    let a = answered(Lang::Vi);
    let t = render(&a, 120, 40);
    for cell in t.backend().buffer().content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

/// The top line's checklist title takes what is left of the width and ends in `…` when
/// it is cut (the fixture's Vietnamese title at 50 and 64 columns).
#[test]
fn a_cut_title_on_the_top_line_ends_in_an_ellipsis() {
    for width in [50u16, 64] {
        let a = answered(Lang::Vi);
        let t = render(&a, width, 24);
        let buffer = t.backend().buffer();
        let top: String = (0..width)
            .map(|x| buffer[(x, 0)].symbol().to_string())
            .collect();
        let top = top.trim_end();
        let title = onsite::tui::view::tr(&a.session.record().checklist.title, Lang::Vi);
        assert!(
            top.ends_with(title.as_str()) || top.ends_with('…'),
            "{width} columns: {top:?}"
        );
        assert!(
            !top.ends_with(title.as_str()),
            "the fixture's title fits: {top:?}"
        );
    }
}
