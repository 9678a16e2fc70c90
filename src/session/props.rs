//! Property tests: random command sequences never panic, keep the cursor on a visible
//! question, keep progress consistent, and leave a record that survives a JSON round trip.

use proptest::prelude::*;

use super::tests::{now, record};
use super::*;
use crate::record::Record;

fn command() -> impl Strategy<Value = Command> {
    let ids = prop::sample::select(vec![
        "intro",
        "staff-total",
        "committee",
        "committee-date",
        "forms",
        "board",
        "remarks",
        "nope",
    ]);
    let text = prop::sample::select(vec![
        "",
        "5",
        "12",
        "3,5",
        "-1",
        "2026-03-01",
        "2026-02-30",
        "yes",
        "na",
        "Đã xem biên bản",
        "Chi\u{0309} \u{0111}a\u{0323}o",
        "\x1b[2J",
        "1, 3",
    ]);
    prop_oneof![
        Just(Command::Next),
        Just(Command::Prev),
        Just(Command::NextSection),
        Just(Command::PrevSection),
        Just(Command::NextUnansweredRequired),
        ids.clone().prop_map(|s| Command::GoTo(s.to_string())),
        (0usize..6).prop_map(Command::Option),
        text.clone().prop_map(|s| Command::Input(s.to_string())),
        Just(Command::Clear),
        Just(Command::Undo),
        text.clone().prop_map(|s| Command::SetNote(s.to_string())),
        text.clone()
            .prop_map(|s| Command::SetGeneralNotes(s.to_string())),
        Just(Command::ToggleAwaiting),
        text.clone().prop_map(|s| Command::SetHeader {
            field: "date".into(),
            value: s.to_string()
        }),
        text.clone().prop_map(|s| Command::AddRecommendation {
            question: None,
            text: s.to_string(),
            priority: Priority::High,
            responsible: String::new(),
            due: None,
        }),
        ids.clone()
            .prop_map(|s| Command::DropRecommendation(format!("q:{s}"))),
        Just(Command::DropRecommendation("own-1".into())),
        ids.prop_map(|s| Command::RestoreRecommendation(format!("q:{s}"))),
        Just(Command::SetScreen(Screen::Summary)),
        Just(Command::Finish),
        Just(Command::Reopen),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_sequences_keep_invariants(cmds in prop::collection::vec(command(), 0..60)) {
        let mut s = Session::new(record(), false);
        for cmd in cmds {
            let before = s.record().clone();
            let result = s.apply(cmd, now());
            if result.is_err() {
                prop_assert_eq!(s.record(), &before, "a refused command changes nothing");
            }
            let (_, q) = s.current().expect("the cursor is always on a visible question");
            prop_assert!(s.is_visible(&q.id));
            let p = s.progress();
            prop_assert!(p.answered <= p.total && p.required_answered <= p.required_total);
            let (n, m) = s.position();
            prop_assert!(n >= 1 && n <= m);
        }
        let json = serde_json::to_string(s.record()).unwrap();
        let back: Record = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, s.record());
        let resumed = Session::new(back, false);
        prop_assert_eq!(
            resumed.current().map(|(_, q)| q.id.clone()),
            s.current().map(|(_, q)| q.id.clone())
        );
    }

    #[test]
    fn undo_everything_gets_back_to_the_start(cmds in prop::collection::vec(command(), 0..40)) {
        let start = record();
        let mut s = Session::new(start.clone(), false);
        for cmd in cmds {
            if !matches!(cmd, Command::Undo | Command::Finish | Command::Reopen) {
                let _ = s.apply(cmd, now());
            }
        }
        while s.can_undo() {
            s.apply(Command::Undo, now()).unwrap();
        }
        let r = s.record();
        prop_assert_eq!(&r.answers, &start.answers);
        prop_assert_eq!(&r.header, &start.header);
        prop_assert_eq!(&r.general_notes, &start.general_notes);
        prop_assert_eq!(&r.recommendations, &start.recommendations);
    }
}
