//! pyxform, the reference implementation of XLSForm, as an oracle: for workbooks it
//! accepts and that stay in onsite's subset, the groups, questions (type, required flag,
//! relevance, group), and choices onsite reads are what pyxform reads. Forms of pyxform's
//! own (tests/fixtures/xlsform/pyxform) are among them; those outside the subset must give
//! located errors. Prints "skipped" and passes when python3 with pyxform is not there
//! (`.ci/run` installs it).

mod xlsform_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use onsite::checklist::xlsform::{read, relevant, sheet, write};
use onsite::checklist::{Checklist, Condition, QuestionType, Text};
use serde_json::{Value, json};
use xlsform_support::{SheetRows, secretary_form, workbook};

fn pyxform_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pyxform"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn pyxform_views(files: &[PathBuf]) -> Vec<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/pyxform_view.py");
    let out = Command::new("python3")
        .arg(script)
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

fn label(t: &Text) -> Value {
    let langs = t.languages();
    if langs.is_empty() {
        return json!({"": t.get("")});
    }
    Value::Object(
        langs
            .iter()
            .map(|l| (l.to_string(), json!(t.get(l))))
            .collect(),
    )
}

/// What onsite reads, in the shape of the script's view (relevance still as conditions).
fn onsite_view(c: &Checklist, implicit: &[usize]) -> (Value, Vec<Option<Condition>>) {
    let mut groups = Vec::new();
    let mut questions = Vec::new();
    let mut conditions = Vec::new();
    for (i, s) in c.sections.iter().enumerate() {
        let group = if implicit.contains(&i) {
            Value::Null
        } else {
            groups.push(json!({"name": s.id, "label": label(&s.title)}));
            json!(s.id)
        };
        for q in &s.questions {
            let kind = match q.kind {
                QuestionType::Choice => "select_one",
                QuestionType::Multi => "select_multiple",
                QuestionType::Number if q.integer => "integer",
                QuestionType::Number => "decimal",
                QuestionType::Text => "text",
                QuestionType::Date => "date",
                QuestionType::Info => "note",
            };
            let choices: Vec<Value> = c
                .options_of(q)
                .iter()
                .map(|o| json!({"name": o.value, "label": label(&o.label)}))
                .collect();
            questions.push(json!({
                "name": q.id, "type": kind, "required": q.required, "group": group, "choices": choices
            }));
            conditions.push(q.show_if.as_deref().cloned());
        }
    }
    (
        json!({"groups": groups, "questions": questions}),
        conditions,
    )
}

/// The relevance pyxform applies to a question (enclosing groups first), as onsite
/// combines it.
fn combined(list: &[Value]) -> Option<Condition> {
    let mut conditions: Vec<Condition> = list
        .iter()
        .map(|e| {
            let e = e.as_str().expect("an expression");
            relevant::condition(e).unwrap_or_else(|err| panic!("{e}: {err:?}"))
        })
        .collect();
    match conditions.len() {
        0 => None,
        1 => conditions.pop(),
        _ => Some(Condition::All(conditions)),
    }
}

fn kobo_style() -> Vec<SheetRows<'static>> {
    vec![
        (
            "survey",
            vec![
                vec![
                    "type",
                    "name",
                    "label::English",
                    "hint",
                    "relevant",
                    "required",
                    "$kuid",
                    "appearance",
                ],
                vec!["begin group", "site", "Site visit", "", "", "", "a1"],
                vec!["text", "officer", "Officer name", "", "", "yes", "a2"],
                vec![
                    "select one from yn",
                    "open",
                    "Is the office open?",
                    "",
                    "",
                    "TRUE()",
                    "a3",
                    "minimal",
                ],
                vec![
                    "begin group",
                    "inside",
                    "Inside the office",
                    "",
                    "${open} = 'yes'",
                ],
                vec![
                    "integer",
                    "staff",
                    "Staff present",
                    "Count everyone",
                    "",
                    "",
                    "a5",
                ],
                vec![
                    "select_multiple docs",
                    "docs",
                    "Documents shown",
                    "",
                    "${staff} >= 1",
                ],
                vec!["end group"],
                vec![
                    "decimal",
                    "area",
                    "Floor area (m²)",
                    "",
                    "not(${open} = 'no') or ${staff} != ''",
                ],
                vec!["end group"],
                vec!["date", "visit-date", "Date of visit", "", "", "no"],
                vec!["note", "thanks", "Thank you — cảm ơn"],
            ],
        ),
        (
            "choices",
            vec![
                vec!["list name", "name", "label::English"],
                vec!["yn", "yes", "Yes"],
                vec!["yn", "no", "No"],
                vec!["docs", "plan", "Plan"],
                vec!["docs", "minutes", "Minutes of the meeting"],
            ],
        ),
        (
            "settings",
            vec![
                vec!["form_id", "form_title", "version"],
                vec!["kobo-visit", "Site visit", "3"],
            ],
        ),
    ]
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsform/pyxform")
        .join(name)
}

#[test]
fn onsite_reads_what_pyxform_reads() {
    if !pyxform_available() {
        println!("skipped: python3 with pyxform is not installed (pip install pyxform)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, sheets) in [
        ("secretary.xlsx", secretary_form()),
        ("kobo-style.xlsx", kobo_style()),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, workbook(&sheets)).unwrap();
        files.push(p);
    }
    for (name, text) in onsite::checklist::catalog::bundled() {
        let c = onsite::checklist::load_str(text, name).unwrap();
        let p = dir.path().join(format!("{}.xlsx", c.id));
        std::fs::write(&p, write::workbook(&c).unwrap()).unwrap();
        files.push(p);
    }
    // pyxform's own forms: in the subset but for their missing settings sheet.
    let external = ["text_and_integer.xlsx", "yes_or_no_question.xlsx"];
    files.extend(external.iter().map(|f| fixture(f)));
    let views = pyxform_views(&files);
    assert_eq!(views.len(), files.len());
    let mut compared_questions = 0;
    for (file, theirs) in files.iter().zip(&views) {
        assert!(
            theirs.get("error").is_none(),
            "pyxform refuses {}: {theirs}",
            file.display()
        );
        let sheets = sheet::read_workbook(std::fs::read(file).unwrap()).unwrap();
        let reading = read::read(&sheets);
        let outside: Vec<_> = reading
            .problems
            .iter()
            .filter(|(at, _)| at != "settings")
            .collect();
        assert!(outside.is_empty(), "{}: {outside:?}", file.display());
        let (ours, conditions) = onsite_view(&reading.checklist, &reading.implicit_sections);
        assert_eq!(
            ours["groups"],
            theirs["groups"],
            "groups of {}",
            file.display()
        );
        let their_questions = theirs["questions"].as_array().unwrap();
        let our_questions = ours["questions"].as_array().unwrap();
        assert_eq!(
            our_questions.len(),
            their_questions.len(),
            "{}",
            file.display()
        );
        for ((our, cond), their) in our_questions.iter().zip(&conditions).zip(their_questions) {
            for key in ["name", "type", "required", "group", "choices"] {
                assert_eq!(
                    our[key],
                    their[key],
                    "{key} of {} in {}",
                    our["name"],
                    file.display()
                );
            }
            let their_relevance = combined(their["relevant"].as_array().unwrap());
            assert_eq!(
                cond,
                &their_relevance,
                "relevance of {} in {}",
                our["name"],
                file.display()
            );
            compared_questions += 1;
        }
    }
    assert!(compared_questions > 100, "{compared_questions}");
}

#[test]
fn pyxform_forms_outside_the_subset_give_located_errors() {
    for (file, words) in [
        ("group.xlsx", "type \"phone number\""),
        ("field-list.xlsx", "both without and with a language"),
        ("case_insensitivity.xlsx", "type \"select_one_external c1\""),
        ("choice_filter_test.xlsx", "column \"choice_filter\""),
        ("or_other.xlsx", "\"or_other\""),
        ("loop.xlsx", "type \"begin loop over toilet_type\""),
        ("xlsform_spec_test.xlsx", "repeats are not supported"),
    ] {
        let problems = onsite::checklist::xlsform::load_workbook(&fixture(file)).unwrap_err();
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            lines.iter().any(|l| l.contains(words)),
            "{file}: no problem says {words}:\n{}",
            lines.join("\n")
        );
        for p in &problems {
            let sheet_name = p.path.split('!').next().unwrap_or("");
            assert!(
                !sheet_name.is_empty(),
                "{file}: a problem without a place: {p}"
            );
        }
    }
}
