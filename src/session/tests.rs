//! Unit tests of every session command on a small bilingual checklist.

use chrono::DateTime;

use super::*;
use crate::checklist::Checklist;
use crate::checklist::value::ValueError;
use crate::record::{AnswerValue, RECORD_FORMAT, Record, Status};

pub(crate) const CHECKLIST: &str = r#"{
  "format": "onsite-checklist/1", "id": "t", "version": "1",
  "title": {"vi": "Kiểm tra", "en": "Inspection"},
  "header": [
    {"id": "organisation", "label": "Cơ quan", "required": true},
    {"id": "date", "label": "Ngày", "type": "date", "default": "today"},
    {"id": "staff", "label": "Số người", "type": "number"}
  ],
  "response_sets": {"ynp": [
    {"value": "yes", "label": {"vi": "Có", "en": "Yes"}, "score": 1},
    {"value": "partial", "label": {"vi": "Một phần", "en": "Partly"}, "score": 0.5, "flag": true},
    {"value": "no", "label": {"vi": "Không", "en": "No"}, "score": 0, "flag": true},
    {"value": "na", "label": {"vi": "Không áp dụng", "en": "N/A"}, "score": null}
  ]},
  "sections": [
    {"id": "s1", "title": "Lãnh đạo", "questions": [
      {"id": "intro", "type": "info", "prompt": "Giới thiệu"},
      {"id": "staff-total", "type": "number", "required": true, "integer": true, "min": 0, "max": 5000,
       "prompt": {"vi": "Tổng số cán bộ", "en": "Total staff"}},
      {"id": "committee", "type": "choice", "responses": "ynp", "required": true,
       "prompt": {"vi": "Có Ban Chỉ đạo không?", "en": "Is there a steering committee?"},
       "guidance": {"vi": "Xem quyết định thành lập Ban Chỉ đạo", "en": "See the decision"},
       "recommendation": {"text": "Đề nghị Sở kiện toàn Ban Chỉ đạo", "priority": "high"}},
      {"id": "committee-date", "type": "date", "prompt": "Ngày thành lập",
       "show_if": {"q": "committee", "is": "yes"}}
    ]},
    {"id": "s2", "title": "Công khai", "questions": [
      {"id": "forms", "type": "multi", "prompt": "Hình thức công khai",
       "options": [{"value": "board", "label": "Niêm yết"}, {"value": "meeting", "label": "Hội nghị"}, {"value": "email", "label": "Thư điện tử"}]},
      {"id": "board", "type": "choice", "responses": "ynp", "required": true, "prompt": "Ban Thanh tra nhân dân",
       "show_if": {"q": "staff-total", "gt": 7}},
      {"id": "remarks", "type": "text", "prompt": "Nhận xét"}
    ]}
  ]
}"#;

pub(crate) fn record() -> Record {
    let checklist: Checklist = serde_json::from_str(CHECKLIST).unwrap();
    let t = now();
    Record {
        format: RECORD_FORMAT.into(),
        id: "20261125-0900-test".into(),
        status: Status::InProgress,
        created_at: t,
        updated_at: t,
        finished_at: None,
        checklist: std::sync::Arc::new(checklist),
        header: Default::default(),
        answers: Default::default(),
        general_notes: String::new(),
        position: Default::default(),
        recommendations: Vec::new(),
        follow_up: None,
        draft: None,
        changes: Vec::new(),
        team: None,
        extra: Default::default(),
    }
}

pub(crate) fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-25T09:00:00+07:00").unwrap()
}

fn cur(s: &Session) -> &str {
    s.current().map(|(_, q)| q.id.as_str()).unwrap_or("")
}

fn value(s: &Session, id: &str) -> Option<AnswerValue> {
    s.answer(id).and_then(|a| a.value.clone())
}

#[test]
fn navigation_skips_hidden_questions() {
    let mut s = Session::new(record(), false);
    assert_eq!(cur(&s), "intro");
    assert_eq!(s.apply(Command::Prev, now()), Ok(Effect::Nothing));
    s.apply(Command::Next, now()).unwrap();
    s.apply(Command::Next, now()).unwrap();
    assert_eq!(cur(&s), "committee");
    // committee-date is hidden until committee = yes; board until staff > 7.
    s.apply(Command::Next, now()).unwrap();
    assert_eq!(cur(&s), "forms");
    s.apply(Command::Next, now()).unwrap();
    assert_eq!(cur(&s), "remarks");
    assert_eq!(s.apply(Command::Next, now()), Ok(Effect::Nothing));
    assert_eq!(s.position(), (5, 5));
}

#[test]
fn sections_and_required() {
    let mut s = Session::new(record(), false);
    s.apply(Command::NextSection, now()).unwrap();
    assert_eq!(cur(&s), "forms");
    s.apply(Command::Next, now()).unwrap();
    s.apply(Command::PrevSection, now()).unwrap();
    assert_eq!(cur(&s), "forms");
    s.apply(Command::PrevSection, now()).unwrap();
    assert_eq!(cur(&s), "intro");
    s.apply(Command::NextUnansweredRequired, now()).unwrap();
    assert_eq!(cur(&s), "staff-total");
    s.apply(Command::Input("12".into()), now()).unwrap();
    s.apply(Command::NextUnansweredRequired, now()).unwrap();
    assert_eq!(cur(&s), "committee");
    s.apply(Command::Option(1), now()).unwrap();
    s.apply(Command::NextUnansweredRequired, now()).unwrap();
    assert_eq!(cur(&s), "board", "board is visible since staff > 7");
    s.apply(Command::Option(3), now()).unwrap();
    assert_eq!(
        s.apply(Command::NextUnansweredRequired, now()),
        Ok(Effect::Nothing)
    );
}

#[test]
fn choice_picks_and_moves_on_and_reveals_follow_up() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    assert_eq!(s.apply(Command::Option(1), now()), Ok(Effect::Changed));
    assert_eq!(
        value(&s, "committee"),
        Some(AnswerValue::Text("yes".into()))
    );
    assert_eq!(cur(&s), "committee-date");
    s.apply(Command::Prev, now()).unwrap();
    assert_eq!(
        s.apply(Command::Option(9), now()),
        Err(SessionError::NoSuchOption("9".into()))
    );
    s.apply(Command::Option(3), now()).unwrap();
    assert!(!s.is_visible("committee-date"));
    assert_eq!(cur(&s), "forms");
}

#[test]
fn hidden_answers_are_kept_but_not_counted() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    s.apply(Command::Option(1), now()).unwrap();
    s.apply(Command::Input("2026-03-01".into()), now()).unwrap();
    let p = s.progress();
    assert_eq!((p.answered, p.total), (2, 5));
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    s.apply(Command::Option(3), now()).unwrap();
    assert_eq!(
        value(&s, "committee-date"),
        Some(AnswerValue::Text("2026-03-01".into()))
    );
    let p = s.progress();
    assert_eq!((p.answered, p.total), (1, 4));
}

#[test]
fn typed_answers_are_validated() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("staff-total".into()), now()).unwrap();
    assert_eq!(
        s.apply(Command::Input("3.5".into()), now()),
        Err(SessionError::NotInteger)
    );
    assert!(matches!(
        s.apply(Command::Input("-1".into()), now()),
        Err(SessionError::OutOfRange { .. })
    ));
    assert!(matches!(
        s.apply(Command::Input("nhiều".into()), now()),
        Err(SessionError::Value(ValueError::NotANumber(_)))
    ));
    assert!(
        s.answer("staff-total").is_none(),
        "a refused answer changes nothing"
    );
    s.apply(Command::Input(" 42 ".into()), now()).unwrap();
    assert_eq!(value(&s, "staff-total"), Some(AnswerValue::Number(42.0)));
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    s.apply(Command::Input("partial".into()), now()).unwrap();
    assert_eq!(
        value(&s, "committee"),
        Some(AnswerValue::Text("partial".into()))
    );
    s.apply(Command::Option(1), now()).unwrap();
    assert_eq!(
        s.apply(Command::Input("2026-02-30".into()), now()),
        Err(SessionError::Value(ValueError::NoSuchDay(
            "2026-02-30".into()
        )))
    );
    s.apply(Command::GoTo("intro".into()), now()).unwrap();
    assert_eq!(
        s.apply(Command::Input("x".into()), now()),
        Err(SessionError::NotAnswerable)
    );
    assert_eq!(
        s.apply(Command::Option(1), now()),
        Err(SessionError::NotAnswerable)
    );
}

#[test]
fn multi_toggles_in_option_order() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("forms".into()), now()).unwrap();
    s.apply(Command::Option(3), now()).unwrap();
    s.apply(Command::Option(1), now()).unwrap();
    assert_eq!(cur(&s), "forms", "multi stays on the question");
    assert_eq!(
        value(&s, "forms"),
        Some(AnswerValue::Multi(vec!["board".into(), "email".into()]))
    );
    s.apply(Command::Option(1), now()).unwrap();
    s.apply(Command::Option(3), now()).unwrap();
    assert_eq!(value(&s, "forms"), None, "nothing chosen means unanswered");
    s.apply(Command::SetMulti(vec!["meeting".into()]), now())
        .unwrap();
    assert_eq!(
        value(&s, "forms"),
        Some(AnswerValue::Multi(vec!["meeting".into()]))
    );
    assert!(
        s.apply(Command::SetMulti(vec!["fax".into()]), now())
            .is_err()
    );
}

#[test]
fn clear_note_mark_and_undo() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("remarks".into()), now()).unwrap();
    s.apply(Command::Input("Tốt".into()), now()).unwrap();
    s.apply(Command::SetNote("Đã xem".into()), now()).unwrap();
    s.apply(Command::SetNote("Đã xem biên bản".into()), now())
        .unwrap();
    s.apply(Command::ToggleAwaiting, now()).unwrap();
    assert!(s.answer("remarks").unwrap().awaiting_evidence);
    s.apply(Command::Clear, now()).unwrap();
    let a = s.answer("remarks").unwrap();
    assert_eq!(
        (a.value.is_none(), a.note.as_str()),
        (true, "Đã xem biên bản")
    );
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(value(&s, "remarks"), Some(AnswerValue::Text("Tốt".into())));
    s.apply(Command::Undo, now()).unwrap();
    assert!(!s.answer("remarks").unwrap().awaiting_evidence);
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(
        s.answer("remarks").unwrap().note,
        "",
        "note typing undoes as one step"
    );
    s.apply(Command::Undo, now()).unwrap();
    assert!(s.answer("remarks").is_none());
    assert_eq!(
        s.apply(Command::Undo, now()),
        Err(SessionError::NothingToUndo)
    );
}

#[test]
fn undo_jumps_back_to_the_changed_question() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    s.apply(Command::Option(2), now()).unwrap();
    assert_eq!(cur(&s), "forms");
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(cur(&s), "committee");
    assert!(s.answer("committee").is_none());
}

#[test]
fn notes_are_sanitised_and_general_notes_kept() {
    let mut s = Session::new(record(), false);
    s.apply(Command::SetNote("a\x1b[2Jb\u{202e}c".into()), now())
        .unwrap();
    assert_eq!(s.answer("intro").unwrap().note, "a[2Jbc");
    s.apply(Command::SetGeneralNotes("Biên bản\r\nhọp".into()), now())
        .unwrap();
    assert_eq!(s.record().general_notes, "Biên bản\nhọp");
    assert_eq!(
        s.apply(Command::SetGeneralNotes("Biên bản\nhọp".into()), now()),
        Ok(Effect::Nothing)
    );
}

#[test]
fn header_fields_are_validated() {
    let mut s = Session::new(record(), false);
    assert_eq!(s.missing_header().len(), 1);
    s.apply(
        Command::SetHeader {
            field: "organisation".into(),
            value: "Sở Nội vụ".into(),
        },
        now(),
    )
    .unwrap();
    assert!(s.missing_header().is_empty());
    assert!(
        s.apply(
            Command::SetHeader {
                field: "date".into(),
                value: "2026-11-31".into()
            },
            now()
        )
        .is_err()
    );
    assert!(
        s.apply(
            Command::SetHeader {
                field: "staff".into(),
                value: "mười".into()
            },
            now()
        )
        .is_err()
    );
    assert_eq!(
        s.apply(
            Command::SetHeader {
                field: "nope".into(),
                value: "x".into()
            },
            now()
        ),
        Err(SessionError::Unknown("nope".into()))
    );
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(s.missing_header().len(), 1);
}

#[test]
fn recommendations_add_edit_drop_restore() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    s.apply(
        Command::AddRecommendation {
            question: Some("committee".into()),
            text: "Bổ sung quy chế".into(),
            priority: Priority::Low,
            responsible: "Văn phòng Sở".into(),
            due: Some("2027-01-15".into()),
        },
        now(),
    )
    .unwrap();
    let own = &s.record().recommendations[0];
    assert_eq!(
        (own.id.as_str(), own.question.as_deref()),
        ("own-1", Some("committee"))
    );
    assert!(
        s.apply(
            Command::AddRecommendation {
                question: None,
                text: "x".into(),
                priority: Priority::Low,
                responsible: String::new(),
                due: Some("2027-02-30".into())
            },
            now()
        )
        .is_err()
    );
    s.apply(
        Command::EditRecommendation {
            id: "q:committee".into(),
            text: Some("Đề nghị kiện toàn ngay".into()),
            priority: None,
            responsible: Some("Giám đốc Sở".into()),
            due: None,
        },
        now(),
    )
    .unwrap();
    s.apply(Command::DropRecommendation("q:committee".into()), now())
        .unwrap();
    let scripted = s
        .record()
        .recommendations
        .iter()
        .find(|r| r.id == "q:committee")
        .unwrap();
    assert!(scripted.dropped);
    assert_eq!(scripted.responsible, "Giám đốc Sở");
    s.apply(Command::RestoreRecommendation("q:committee".into()), now())
        .unwrap();
    s.apply(Command::DropRecommendation("own-1".into()), now())
        .unwrap();
    assert_eq!(s.record().recommendations.len(), 1);
    assert!(
        s.apply(Command::DropRecommendation("q:remarks".into()), now())
            .is_err()
    );
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(s.record().recommendations.len(), 2);
    s.apply(Command::Undo, now()).unwrap();
    s.apply(Command::Undo, now()).unwrap();
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(
        s.record().recommendations.len(),
        1,
        "the edit created the entry; undo removes it"
    );
}

#[test]
fn read_only_refuses_changes_but_moves() {
    let mut s = Session::new(record(), true);
    assert_eq!(s.apply(Command::Next, now()), Ok(Effect::Moved));
    assert_eq!(
        s.apply(Command::Input("3".into()), now()),
        Err(SessionError::ReadOnly)
    );
    assert_eq!(s.apply(Command::Finish, now()), Err(SessionError::ReadOnly));
}

#[test]
fn finish_and_position_round_trip() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("forms".into()), now()).unwrap();
    s.apply(Command::SetScreen(Screen::Summary), now()).unwrap();
    s.apply(Command::Finish, now()).unwrap();
    let r = s.into_record();
    assert_eq!(r.status, Status::Finished);
    assert_eq!(r.position.question.as_deref(), Some("forms"));
    let s2 = Session::new(r, false);
    assert_eq!(cur(&s2), "forms");
}

#[test]
fn a_finished_record_refuses_changes_until_reopened() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    s.apply(Command::Finish, now()).unwrap();
    assert!(s.is_finished());
    for cmd in [
        Command::Option(1),
        Command::SetNote("ghi chú".into()),
        Command::Undo,
        Command::SetHeader {
            field: "organisation".into(),
            value: "Sở Y tế".into(),
        },
    ] {
        assert_eq!(s.apply(cmd, now()), Err(SessionError::Finished));
    }
    assert_eq!(
        s.apply(Command::Next, now()),
        Ok(Effect::Moved),
        "moves still work"
    );
    assert_eq!(s.apply(Command::Reopen, now()), Ok(Effect::Changed));
    assert_eq!(s.record().status, Status::InProgress);
    assert_eq!(s.record().finished_at, None);
    assert_eq!(s.apply(Command::Reopen, now()), Ok(Effect::Nothing));
    s.apply(Command::GoTo("committee".into()), now()).unwrap();
    assert!(s.apply(Command::Option(1), now()).is_ok());
    let mut ro = Session::new(s.into_record(), true);
    assert_eq!(
        ro.apply(Command::Reopen, now()),
        Err(SessionError::ReadOnly)
    );
}

#[test]
fn hidden_answers_are_counted_and_come_back_by_undo() {
    let mut s = Session::new(record(), false);
    s.apply(Command::GoTo("staff-total".into()), now()).unwrap();
    s.apply(Command::Input("45".into()), now()).unwrap();
    s.apply(Command::GoTo("board".into()), now()).unwrap();
    s.apply(Command::Option(2), now()).unwrap();
    s.apply(Command::GoTo("board".into()), now()).unwrap();
    s.apply(Command::SetNote("Chưa kiện toàn".into()), now())
        .unwrap();
    assert_eq!(s.hidden_answers(), 0);
    s.apply(Command::GoTo("staff-total".into()), now()).unwrap();
    s.apply(Command::Input("5".into()), now()).unwrap();
    assert_eq!(s.hidden_answers(), 1, "the board answer is hidden, kept");
    assert_eq!(s.record().answers["board"].note, "Chưa kiện toàn");
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(s.hidden_answers(), 0);
    assert!(s.is_visible("board"));
}

#[test]
fn search_ignores_case_and_diacritics() {
    let s = Session::new(record(), false);
    let ids: Vec<_> = s
        .search("ban chi dao")
        .iter()
        .map(|q| q.id.clone())
        .collect();
    assert_eq!(ids, ["committee"]);
    let ids: Vec<_> = s.search("STEERING").iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids, ["committee"]);
    assert!(
        s.search("thanh tra").is_empty(),
        "hidden questions are not found"
    );
    assert!(s.search("").is_empty());
}

#[test]
fn general_recommendations_belong_to_no_question() {
    let mut s = Session::new(record(), false);
    let add = |question: Option<&str>| Command::AddRecommendation {
        question: question.map(str::to_string),
        text: "Tăng cường tuyên truyền".into(),
        priority: Priority::Medium,
        responsible: String::new(),
        due: None,
    };
    s.apply(add(None), now()).unwrap();
    assert_eq!(s.record().recommendations[0].question, None);
    assert_eq!(
        s.apply(add(Some("nope")), now()),
        Err(SessionError::Unknown("nope".into()))
    );
    s.apply(add(Some("remarks")), now()).unwrap();
    assert_eq!(s.record().recommendations[1].id, "own-2");
    assert_eq!(
        s.record().recommendations[1].question.as_deref(),
        Some("remarks")
    );
}

#[test]
fn revision_counts_changes_not_moves() {
    let mut s = Session::new(record(), false);
    assert_eq!(s.revision(), 0);
    s.apply(Command::Next, now()).unwrap();
    assert_eq!(s.revision(), 0, "a move is not a change");
    s.apply(Command::Input("12".into()), now()).unwrap();
    assert_eq!(s.revision(), 1);
    let _ = s.apply(Command::Input("nhiều".into()), now());
    assert_eq!(s.revision(), 1, "a refused command changes nothing");
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(s.revision(), 2);
}

/// A follow-up record: previous answers to `staff-total` (out of range now), `committee`
/// (with a note), `forms` (an option no longer offered) and `remarks` (a note only).
fn follow_up_record() -> Record {
    let mut r = record();
    let link: crate::record::FollowUp = serde_json::from_value(serde_json::json!({
        "previous": "20250310-0900-so", "date": "2025-03-10", "checklist_version": "0",
        "section": "follow-up", "overall": {"earned": 1.0, "possible": 2.0},
        "answers": {
            "staff-total": {"value": 9000},
            "committee": {"value": "no", "note": "Chưa kiện toàn"},
            "forms": {"value": ["board", "radio"]},
            "remarks": {"note": "Hồ sơ lưu trữ chưa đủ"}
        }
    }))
    .unwrap();
    r.follow_up = Some(link);
    r
}

#[test]
fn copy_previous_takes_what_the_question_still_accepts() {
    let mut s = Session::new(follow_up_record(), false);
    let go = |s: &mut Session, id: &str| s.apply(Command::GoTo(id.into()), now()).unwrap();
    go(&mut s, "committee");
    assert_eq!(s.apply(Command::CopyPrevious, now()), Ok(Effect::Changed));
    assert_eq!(value(&s, "committee"), Some(AnswerValue::Text("no".into())));
    assert_eq!(s.answer("committee").unwrap().note, "Chưa kiện toàn");
    // a note of this visit is kept
    s.apply(Command::SetNote("Đã có quyết định mới".into()), now())
        .unwrap();
    s.apply(Command::Clear, now()).unwrap();
    s.apply(Command::CopyPrevious, now()).unwrap();
    assert_eq!(s.answer("committee").unwrap().note, "Đã có quyết định mới");
    // undo takes the copy back
    s.apply(Command::Undo, now()).unwrap();
    assert_eq!(value(&s, "committee"), None);
    go(&mut s, "staff-total");
    assert!(matches!(
        s.apply(Command::CopyPrevious, now()),
        Err(SessionError::OutOfRange { .. })
    ));
    go(&mut s, "forms");
    assert!(matches!(
        s.apply(Command::CopyPrevious, now()),
        Err(SessionError::NoSuchOption(_))
    ));
    go(&mut s, "remarks");
    s.apply(Command::CopyPrevious, now()).unwrap();
    assert_eq!(value(&s, "remarks"), None);
    assert_eq!(s.answer("remarks").unwrap().note, "Hồ sơ lưu trữ chưa đủ");
    // nothing recorded last time, or no follow-up at all
    let mut plain = Session::new(record(), false);
    plain
        .apply(Command::GoTo("committee".into()), now())
        .unwrap();
    assert_eq!(
        plain.apply(Command::CopyPrevious, now()),
        Err(SessionError::NothingToCopy)
    );
    let mut ro = Session::new(follow_up_record(), true);
    ro.apply(Command::GoTo("committee".into()), now()).unwrap();
    assert_eq!(
        ro.apply(Command::CopyPrevious, now()),
        Err(SessionError::ReadOnly)
    );
}
