//! Property tests: no input makes the loader panic. Arbitrary text, randomly damaged
//! copies of a valid checklist, and randomly changed JSON values of it either load (and
//! then survive a save-and-load round trip unchanged) or give one-line, inert problems.

mod damage;

use onsite::checklist::{Checklist, Problem, load_str};
use proptest::prelude::*;
use serde_json::{Value, json};

const MINI: &str = include_str!("fixtures/mini.json");

fn check_outcome(result: Result<Checklist, Vec<Problem>>) -> Result<(), TestCaseError> {
    match result {
        Ok(c) => {
            let again = serde_json::to_string_pretty(&c).unwrap();
            let reloaded = load_str(&again, "again.json");
            prop_assert!(reloaded.is_ok(), "{:?}", reloaded.err());
            prop_assert_eq!(reloaded.ok(), Some(c));
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in problems {
                let line = p.to_string();
                prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
                prop_assert!(line.starts_with("x.json"), "{}", line);
            }
        }
    }
    Ok(())
}

/// Every JSON pointer in a value.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn replacement() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None), // remove the member / element
        Just(Some(Value::Null)),
        Just(Some(json!(0))),
        Just(Some(json!(-1.5))),
        Just(Some(json!(1e300))),
        Just(Some(json!(""))),
        Just(Some(json!("yes"))),
        Just(Some(json!("members"))),
        Just(Some(json!("remarks"))),
        Just(Some(json!("Chi\u{0309} \u{1b}[2J\u{202e}"))),
        Just(Some(json!([]))),
        Just(Some(json!({}))),
        Just(Some(json!(true))),
        Just(Some(json!({"q": "steering", "is": "no"}))),
        Just(Some(json!({"not": {"q": "closing", "answered": true}}))),
        "[a-z-]{0,6}".prop_map(|s| Some(Value::String(s))),
    ]
}

fn change(doc: &mut Value, pointer: &str, with: Option<Value>) {
    let (parent, key) = match pointer.rfind('/') {
        Some(i) => (&pointer[..i], &pointer[i + 1..]),
        None => return,
    };
    let key = key.replace("~1", "/").replace("~0", "~");
    match (doc.pointer_mut(parent), with) {
        (Some(Value::Object(map)), None) => {
            map.shift_remove(&key);
        }
        (Some(Value::Object(map)), Some(v)) => {
            map.insert(key, v);
        }
        (Some(Value::Array(list)), with) => {
            if let Ok(i) = key.parse::<usize>()
                && i < list.len()
            {
                match with {
                    None => {
                        list.remove(i);
                    }
                    Some(v) => list[i] = v,
                }
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_outcome(load_str(&text, "x.json"))?;
    }

    #[test]
    fn damaged_text_never_panics(
        edits in damage::edits(),
    ) {
        let text = damage::damaged(MINI, edits);
        check_outcome(load_str(&text, "x.json"))?;
    }

    #[test]
    fn changed_values_never_panic(
        changes in prop::collection::vec((any::<prop::sample::Index>(), replacement()), 1..4)
    ) {
        let mut doc: Value = serde_json::from_str(MINI).unwrap();
        for (at, with) in changes {
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            let pointer = all[at.index(all.len())].clone();
            change(&mut doc, &pointer, with);
        }
        let text = serde_json::to_string_pretty(&doc).unwrap();
        check_outcome(load_str(&text, "x.json"))?;
    }
}
