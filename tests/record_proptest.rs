//! Damaged and altered records never panic anything that reads them: the loader, the
//! session engine (navigation, answering, undo) and every report format.

mod damage;

use std::path::Path;

use onsite::i18n::Lang;
use onsite::record::Timestamp;
use onsite::record::io::parse;
use onsite::report::{Format, Summary, render};
use onsite::session::{Command, Session};
use proptest::prelude::*;
use serde_json::{Value, json};

const FIXTURE: &str = include_str!("fixtures/records/so-tttt.json");

fn now() -> Timestamp {
    Timestamp::parse_from_rfc3339("2026-11-25T10:00:00+07:00").unwrap()
}

/// Everything a record is used for, on whatever the loader accepted.
fn exercise(text: &str) {
    let Ok(record) = parse(Path::new("x.json"), text) else {
        return;
    };
    for lang in [Lang::Vi, Lang::En] {
        let summary = Summary::compute(&record, lang);
        for f in [Format::Md, Format::Html, Format::Json, Format::Txt] {
            let _ = render(&summary, f);
        }
    }
    let mut s = Session::new(record, false);
    let cmds = [
        Command::Next,
        Command::NextSection,
        Command::NextUnansweredRequired,
        Command::Option(1),
        Command::Option(2),
        Command::Input("3".into()),
        Command::ToggleAwaiting,
        Command::Clear,
        Command::Undo,
        Command::PrevSection,
        Command::Prev,
        Command::Finish,
    ];
    for cmd in cmds {
        let _ = s.apply(cmd, now());
        let _ = (
            s.progress(),
            s.position(),
            s.current(),
            s.search("ban chi dao"),
        );
    }
    let _ = Summary::compute(s.record(), Lang::Vi);
}

fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(-1)),
        Just(json!(1e308)),
        Just(json!(0.5)),
        Just(json!("")),
        Just(json!("yes")),
        Just(json!("no")),
        Just(json!(["yes", "no", "zzz"])),
        Just(json!({})),
        Just(json!([])),
        Just(json!("2026-02-30")),
        Just(json!("\u{1b}[2J\u{202e}")),
        Just(json!({"q": "nope", "is": "yes"})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_text_never_panics(
        edits in damage::edits(),
    ) {
        let text = damage::damaged(FIXTURE, edits);
        exercise(&text);
    }

    #[test]
    fn changed_values_never_panic(
        changes in prop::collection::vec((any::<prop::sample::Index>(), replacement()), 1..5)
    ) {
        let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
        for (at, with) in changes {
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            let pointer = all[at.index(all.len())].clone();
            if pointer.is_empty() {
                continue;
            }
            if let Some(slot) = doc.pointer_mut(&pointer) {
                *slot = with;
            }
        }
        exercise(&serde_json::to_string_pretty(&doc).unwrap());
    }
}

#[test]
fn answers_of_the_wrong_type_are_survived() {
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    let answers = doc["answers"].as_object_mut().unwrap();
    let ids: Vec<String> = answers.keys().cloned().collect();
    for (i, id) in ids.iter().enumerate() {
        answers[id]["value"] = match i % 3 {
            0 => json!(42.5),
            1 => json!(["not", "an", "option"]),
            _ => json!("not-an-option"),
        };
    }
    doc["position"]["question"] = json!("does-not-exist");
    exercise(&doc.to_string());
    // and the fixture itself must load, so that the properties above test something
    assert!(parse(Path::new("x.json"), FIXTURE).is_ok());
}

#[test]
fn a_record_whose_embedded_checklist_breaks_a_rule_is_refused_with_its_place() {
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    let first = doc["checklist"]["sections"][0]["questions"][0]["id"].clone();
    doc["checklist"]["sections"][0]["questions"][1]["id"] = first;
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let err = parse(Path::new("hỏng.json"), &text)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("hỏng.json:"), "{err}");
    assert!(err.contains("/checklist/sections/0/questions/1"), "{err}");
    assert!(err.contains("embedded checklist"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
