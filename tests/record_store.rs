//! The record store on real files: round trips, refusals, sanitising, finding, listing.

mod record_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use onsite::record::{
    Answer, AnswerValue, LoadError, RecommendationEntry, Status, Store, StoreError, load,
    load_with_warnings, save_at,
};
use proptest::prelude::*;
use record_support::{at, record};

#[path = "../benches/support/generate.rs"]
mod generate;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    (dir, store)
}

#[test]
fn save_then_load_gives_back_an_equal_record() {
    let (_d, store) = store();
    let mut r = record(
        "Sở Thông tin và Truyền thông",
        at("2026-11-23T09:30:00+07:00"),
    );
    r.general_notes = "Biên bản họp:\n- Ông Nguyễn Văn Đức phát biểu".into();
    let path = store.create(&mut r).unwrap();
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        "20261123-0930-so-thong-tin-va-truyen.json"
    );
    assert_eq!(load(&path).unwrap(), r);
    r.status = Status::Finished;
    r.finished_at = Some(at("2026-11-23T11:00:00+07:00"));
    store.save(&r).unwrap();
    assert_eq!(load(&path).unwrap(), r);
    let names: Vec<_> = fs::read_dir(store.records_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["20261123-0930-so-thong-tin-va-truyen.json"]);
}

#[test]
fn ids_are_unique_on_collision() {
    let (_d, store) = store();
    let now = at("2026-11-23T09:30:00+07:00");
    let mut ids = Vec::new();
    for _ in 0..3 {
        let mut r = record("Sở Nội vụ", now);
        store.create(&mut r).unwrap();
        ids.push(r.id);
    }
    assert_eq!(
        ids,
        [
            "20261123-0930-so-noi-vu",
            "20261123-0930-so-noi-vu-2",
            "20261123-0930-so-noi-vu-3"
        ]
    );
    for id in &ids {
        assert_eq!(&load(&store.path_of(id)).unwrap().id, id);
    }
}

#[test]
fn newer_format_is_refused_and_left_byte_identical() {
    let (_d, store) = store();
    let mut r = record("Sở Y tế", at("2026-11-23T09:30:00+07:00"));
    let path = store.create(&mut r).unwrap();
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("onsite-record/1", "onsite-record/2");
    fs::write(&path, &text).unwrap();
    let before = fs::read(&path).unwrap();
    let err = load(&path).unwrap_err();
    assert!(matches!(err, LoadError::Newer { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("newer onsite") && msg.contains("upgrade"),
        "{msg}"
    );
    assert!(msg.contains(path.to_str().unwrap()), "{msg}");
    // Listing and finding do not touch it either.
    let (list, warnings) = store.list();
    assert!(list.is_empty());
    assert!(warnings[0].contains("newer onsite"), "{warnings:?}");
    assert!(store.find(&r.id).is_ok());
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn unknown_or_missing_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.json");
    fs::write(&p, r#"{"format": "onsite-checklist/1", "id": "x"}"#).unwrap();
    let e = load(&p).unwrap_err().to_string();
    assert!(
        e.contains("not an onsite record") && e.contains("onsite-checklist/1"),
        "{e}"
    );
    fs::write(&p, r#"{"id": "x"}"#).unwrap();
    let e = load(&p).unwrap_err().to_string();
    assert!(
        e.contains("not an onsite record") && e.contains("missing"),
        "{e}"
    );
}

#[test]
fn bad_json_is_located_by_line_column_and_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.json");
    fs::write(&p, "{\n  \"format\": \"onsite-record/1\",\n  \"id\": \n}").unwrap();
    let e = load(&p).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}:4:1:", p.display())), "{e}");

    let (_d, store) = store();
    let mut r = record("Sở Tư pháp", at("2026-11-23T09:30:00+07:00"));
    let path = store.create(&mut r).unwrap();
    let text =
        fs::read_to_string(&path)
            .unwrap()
            .replacen("\"value\": 42.0", "\"value\": {\"x\": 1}", 1);
    fs::write(&path, text).unwrap();
    let e = load(&path).unwrap_err();
    let LoadError::Json {
        line, json_path, ..
    } = &e
    else {
        panic!("{e}")
    };
    assert!(*line > 1);
    assert_eq!(json_path, "/answers/staff/value", "{e}");
    assert!(e.to_string().contains("(at /answers/staff/value)"), "{e}");
}

#[test]
fn text_is_sanitised_on_load_and_normalised_to_nfc() {
    let (_d, store) = store();
    let mut r = record("Sở Công Thương", at("2026-11-23T09:30:00+07:00"));
    let path = store.create(&mut r).unwrap();
    r.header.insert(
        "organisation".into(),
        "So\u{031b}\u{0309} \x1b]0;pwned\x07Công\u{202e} Thương".into(),
    );
    r.answers.get_mut("steering").unwrap().note = "Dòng 1\x1b[2J\r\nDòng\u{009b}31m 2".into();
    r.general_notes = "Ban Chi\u{0309} \u{0111}a\u{0323}o\x1b]52;c;ZXZpbA==\x07".into();
    store.save(&r).unwrap();
    let back = load(&path).unwrap();
    // Controls go; the printable rest of an escape sequence stays, inert.
    assert_eq!(back.header["organisation"], "Sở ]0;pwnedCông Thương");
    assert_eq!(back.answers["steering"].note, "Dòng 1[2J\nDòng31m 2");
    assert_eq!(back.general_notes, "Ban Chỉ đạo]52;c;ZXZpbA==");
}

#[test]
fn loose_permissions_give_a_warning() {
    let (_d, store) = store();
    let mut r = record("Sở Tài chính", at("2026-11-23T09:30:00+07:00"));
    let path = store.create(&mut r).unwrap();
    assert!(load_with_warnings(&path).unwrap().warnings.is_empty());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let w = load_with_warnings(&path).unwrap().warnings;
    assert_eq!(w.len(), 1);
    assert!(
        w[0].contains("other users") && w[0].contains("644"),
        "{w:?}"
    );
}

#[test]
fn a_symlinked_record_is_not_replaced() {
    let (_d, store) = store();
    let mut r = record("Sở Xây dựng", at("2026-11-23T09:30:00+07:00"));
    let path = store.create(&mut r).unwrap();
    let real = store.records_dir().join("elsewhere.txt");
    fs::rename(&path, &real).unwrap();
    std::os::unix::fs::symlink(&real, &path).unwrap();
    let e = store.save(&r).unwrap_err();
    assert!(matches!(e, StoreError::Symlink { .. }), "{e}");
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn find_by_id_prefix_and_path() {
    let (_d, store) = store();
    let mut a = record("Sở Nội vụ", at("2026-11-23T09:30:00+07:00"));
    let mut b = record("Sở Ngoại vụ", at("2026-11-23T14:05:00+07:00"));
    let mut c = record("Sở Nội vụ", at("2026-11-24T08:00:00+07:00"));
    let pa = store.create(&mut a).unwrap();
    let pb = store.create(&mut b).unwrap();
    store.create(&mut c).unwrap();
    assert_eq!(store.find(&a.id).unwrap(), pa);
    assert_eq!(store.find("20261123-14").unwrap(), pb);
    assert_eq!(store.find(pb.to_str().unwrap()).unwrap(), pb);
    let e = store.find("20261123").unwrap_err();
    assert!(
        matches!(&e, StoreError::Ambiguous { candidates, .. } if candidates.len() == 2),
        "{e}"
    );
    assert!(e.to_string().contains(&a.id) && e.to_string().contains(&b.id));
    let e = store.find("2025").unwrap_err().to_string();
    assert!(
        e.contains("no record `2025`") && e.contains("onsite list"),
        "{e}"
    );
    assert!(store.find("no/such/dir/x.json").is_err());
    assert!(store.find("").is_err());
}

#[test]
fn latest_unfinished_is_the_most_recently_updated_in_progress() {
    let (_d, store) = store();
    assert_eq!(store.latest_unfinished().unwrap(), None);
    let mut a = record("Sở A", at("2026-11-23T09:30:00+07:00"));
    let mut b = record("Sở B", at("2026-11-23T10:30:00+07:00"));
    let mut c = record("Sở C", at("2026-11-23T11:30:00+07:00"));
    let pa = store.create(&mut a).unwrap();
    store.create(&mut b).unwrap();
    store.create(&mut c).unwrap();
    c.status = Status::Finished;
    c.updated_at = at("2026-11-23T18:00:00+07:00");
    store.save(&c).unwrap();
    a.updated_at = at("2026-11-23T17:00:00+07:00");
    store.save(&a).unwrap();
    assert_eq!(store.latest_unfinished().unwrap(), Some(pa));
}

#[test]
fn latest_unfinished_reads_only_the_heads_and_passes_over_other_formats() {
    let (_d, store) = store();
    let mut a = record("Sở A", at("2026-11-23T09:30:00+07:00"));
    let pa = store.create(&mut a).unwrap();
    // A newer record of a later format is not this version's to resume.
    let mut b = record("Sở B", at("2026-11-23T10:30:00+07:00"));
    let pb = store.create(&mut b).unwrap();
    let text = fs::read_to_string(&pb).unwrap();
    fs::write(&pb, text.replace("onsite-record/1", "onsite-record/2")).unwrap();
    assert_eq!(store.latest_unfinished().unwrap(), Some(pa.clone()));
    // The newest whose head reads is chosen even if what follows is damaged (it is not
    // read); opening it then says what is wrong.
    let mut c = record("Sở C", at("2026-11-23T11:30:00+07:00"));
    let pc = store.create(&mut c).unwrap();
    let text = fs::read_to_string(&pc).unwrap();
    let cut = text.find("\"checklist\"").unwrap() + 30;
    fs::write(&pc, &text[..cut]).unwrap();
    let head = onsite::record::io::read_head(&pc).unwrap();
    assert_eq!(head.id, c.id);
    assert_eq!(head.updated_at, at("2026-11-23T11:30:00+07:00"));
    assert_eq!(store.latest_unfinished().unwrap(), Some(pc.clone()));
    assert!(onsite::record::load(&pc).is_err());
    // A file that is not a record at all is passed over.
    fs::write(&pc, "not json").unwrap();
    assert_eq!(store.latest_unfinished().unwrap(), Some(pa));
}

#[test]
fn list_counts_visible_answerable_questions_and_skips_corrupt_records() {
    let (_d, store) = store();
    let mut a = record("Sở Giáo dục và Đào tạo", at("2026-11-23T09:30:00+07:00"));
    store.create(&mut a).unwrap();
    let mut b = record("Sở Y tế", at("2026-11-23T10:30:00+07:00"));
    b.answers.get_mut("steering").unwrap().value = Some(AnswerValue::Text("no".into()));
    b.answers.insert(
        "steering-decision".into(),
        Answer {
            value: Some(AnswerValue::Text("hidden now".into())),
            note: String::new(),
            awaiting_evidence: false,
            updated_at: b.updated_at,
        },
    );
    store.create(&mut b).unwrap();
    fs::write(
        store.records_dir().join("20261123-0800-broken.json"),
        "{\"format\": ",
    )
    .unwrap();
    fs::write(store.records_dir().join(".onsite-abc.tmp"), "{").unwrap();
    let (list, warnings) = store.list();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("20261123-0800-broken.json"),
        "{warnings:?}"
    );
    let ids: Vec<_> = list.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, [a.id.as_str(), b.id.as_str()]);
    // a: steering yes shows steering-decision: 5 answerable, 2 answered.
    assert_eq!((list[0].answered, list[0].total), (2, 5));
    // b: steering no hides it (its kept answer is not counted): 4 answerable, 2 answered.
    assert_eq!((list[1].answered, list[1].total), (2, 4));
    assert_eq!(list[1].organisation, "Sở Y tế");
    assert_eq!(list[1].checklist_id, "qcdc-agency");
}

#[test]
fn list_reads_only_the_heads_of_records_this_version_wrote() {
    let (_d, store) = store();
    let mut a = record("Sở Nội vụ", at("2026-11-23T09:30:00+07:00"));
    let pa = store.create(&mut a).unwrap();
    let (before, _) = store.list();
    assert_eq!((before[0].answered, before[0].total), (2, 5));
    // The figures come before the checklist: with everything after it cut away, the
    // record still lists the same (and opening it would say what is wrong).
    let text = fs::read_to_string(&pa).unwrap();
    assert!(text.find("\"listing\"").unwrap() < text.find("\"checklist\"").unwrap());
    let cut = text.find("\"checklist\"").unwrap() + 20;
    fs::write(&pa, &text[..cut]).unwrap();
    let (after, warnings) = store.list();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(after, before);
    assert!(load(&pa).is_err());
    // Text in the head is untrusted like any other.
    let planted = text.replacen(
        "\"organisation\": \"Sở Nội vụ\"",
        "\"organisation\": \"Sở \\u001b[2JNội vụ\"",
        1,
    );
    assert_ne!(planted, text);
    fs::write(&pa, &planted).unwrap();
    let (list, _) = store.list();
    assert_eq!(list[0].organisation, "Sở [2JNội vụ");
}

#[test]
fn records_without_listing_figures_list_the_same_and_never_keep_stale_ones() {
    let (_d, store) = store();
    let mut a = record("Sở Tư pháp", at("2026-11-23T09:30:00+07:00"));
    let pa = store.create(&mut a).unwrap();
    let (with, _) = store.list();
    // A record of an older onsite: no `listing` member.
    let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&pa).unwrap()).unwrap();
    let listing = v.as_object_mut().unwrap().remove("listing").unwrap();
    assert_eq!(listing["answered"], 2);
    fs::write(&pa, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (without, warnings) = store.list();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(without, with);
    // Figures an older onsite carried along after the checklist are not read or kept: a
    // load drops them and the next save writes fresh ones, once.
    let mut stale = v.clone();
    stale["listing"] = serde_json::json!({"checklist_id": "cũ", "checklist_title": "Cũ",
        "organisation": "Cũ", "answered": 99, "total": 99});
    fs::write(&pa, serde_json::to_string_pretty(&stale).unwrap()).unwrap();
    let (listed, _) = store.list();
    assert_eq!(listed, with);
    let mut back = load(&pa).unwrap();
    assert_eq!(back, a);
    back.answers.get_mut("steering").unwrap().value = None;
    store.save(&back).unwrap();
    let text = fs::read_to_string(&pa).unwrap();
    assert_eq!(text.matches("\"listing\"").count(), 1, "{text}");
    let (listed, _) = store.list();
    // No answer to `steering` hides the question that follows it.
    assert_eq!((listed[0].answered, listed[0].total), (1, 4));
}

#[test]
fn a_batch_reads_every_record_as_load_does() {
    let (_d, store) = store();
    let mut paths = Vec::new();
    for (i, org) in ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế"]
        .into_iter()
        .enumerate()
    {
        let mut r = record(org, at("2026-11-23T09:30:00+07:00"));
        r.answers.get_mut("steering").unwrap().note = format!("Ghi chú \u{1b}[2J số {i}");
        paths.push(store.create(&mut r).unwrap());
    }
    // Another checklist; a record whose embedded checklist differs in one title.
    let mut big = onsite::record::new_record(
        record_support::big_checklist(3),
        &[("organisation".into(), "Sở Xây dựng".into())],
        at("2026-11-24T09:30:00+07:00"),
        onsite::i18n::Lang::En,
    )
    .unwrap();
    paths.push(store.create(&mut big).unwrap());
    let text = fs::read_to_string(&paths[0]).unwrap();
    let retitled = store.records_dir().join("20261125-0800-doi-ten.json");
    fs::write(
        &retitled,
        text.replace("Lãnh đạo, chỉ đạo", "Lãnh đạo \\u001b[31m"),
    )
    .unwrap();
    paths.push(retitled);
    // Same checklist, damaged answers; then a newer format; then not JSON.
    let bad = store.records_dir().join("20261125-0900-hong.json");
    fs::write(
        &bad,
        text.replace("\"value\": 42.0", "\"value\": {\"x\": 1}"),
    )
    .unwrap();
    paths.push(bad);
    let newer = store.records_dir().join("20261125-1000-moi.json");
    fs::write(&newer, text.replace("onsite-record/1", "onsite-record/2")).unwrap();
    paths.push(newer);
    let junk = store.records_dir().join("20261125-1100-rac.json");
    fs::write(&junk, "{\"checklist\": ").unwrap();
    paths.push(junk);

    let mut batch = onsite::record::io::Batch::default();
    for p in paths.iter().chain(&paths) {
        match (batch.load(p), load(p)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", p.display()),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!("{}: {a:?} vs {b:?}", p.display()),
        }
    }
    let r = batch.load(&paths[1]).unwrap();
    assert_eq!(r.answers["steering"].note, "Ghi chú [2J số 1");
    let r = batch.load(&paths[4]).unwrap();
    assert_eq!(r.checklist.sections[0].title.get("vi"), "Lãnh đạo [31m");
    assert!(
        batch
            .load(&paths[5])
            .unwrap_err()
            .to_string()
            .contains("/answers/staff/value")
    );
}

#[test]
fn save_refuses_a_foreign_format_and_a_bad_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = record("Sở A", at("2026-11-23T09:30:00+07:00"));
    r.format = "onsite-record/2".into();
    let e = save_at(&dir.path().join("x.json"), &r).unwrap_err();
    assert!(matches!(e, StoreError::Format { .. }), "{e}");
    assert!(!dir.path().join("x.json").exists());
    let store = Store::new(dir.path());
    r.format = onsite::record::RECORD_FORMAT.into();
    r.id = "../escape".into();
    assert!(matches!(store.save(&r), Err(StoreError::BadId(_))));
}

fn vi_line() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐƠƯ.,;:/()\"'-]{0,30}"
}

fn vi_text() -> impl Strategy<Value = String> {
    prop::collection::vec(vi_line(), 1..4).prop_map(|lines| lines.join("\n"))
}

fn answer_value() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        Just(None),
        (-100_000i64..100_000).prop_map(|n| Some(AnswerValue::Number(n as f64 / 100.0))),
        vi_text().prop_map(|s| Some(AnswerValue::Text(s))),
        prop::collection::vec(vi_line(), 0..3).prop_map(|v| Some(AnswerValue::Multi(v))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn generated_records_round_trip(
        org in vi_line(),
        answers in prop::collection::vec((answer_value(), vi_text(), any::<bool>()), 0..6),
        notes in vi_text(),
        recs in prop::collection::vec((vi_text(), vi_line()), 0..3),
        finished in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let now = at("2026-11-23T09:30:00+07:00");
        let mut r = record(&org, now);
        r.header.insert("organisation".into(), org.trim().to_string());
        let ids = ["steering", "steering-decision", "staff", "channels", "meeting-date", "zz-unknown"];
        r.answers.clear();
        for (i, (value, note, awaiting)) in answers.into_iter().enumerate() {
            r.answers.insert(ids[i].into(), Answer { value, note, awaiting_evidence: awaiting, updated_at: now });
        }
        r.general_notes = notes;
        r.recommendations = recs.into_iter().enumerate().map(|(i, (text, resp))| RecommendationEntry {
            id: format!("own-{i}"), question: Some("steering".into()), text: Some(text),
            priority: None, responsible: resp, due: Some("2026-12-31".into()), dropped: i == 1,
        }).collect();
        if finished {
            r.status = Status::Finished;
            r.finished_at = Some(at("2026-11-23T11:45:10+07:00"));
        }
        r.extra.insert("future_field".into(), serde_json::json!({"kept": ["như cũ"]}));
        let path = store.create(&mut r).unwrap();
        prop_assert_eq!(load(&path).unwrap(), r);
    }
}

#[test]
fn a_large_record_loads_equal() {
    let (_d, store) = store();
    let mut r = generate::record(3_000, 2_000, at("2026-11-23T09:30:00+07:00")).unwrap();
    let path = store.create(&mut r).unwrap();
    let back = onsite::record::load(&path).unwrap();
    assert_eq!(back, r);
    assert_eq!(store.latest_unfinished().unwrap(), Some(path));
}
