//! `onsite validate` through the real binary: hand-made broken files in a temp dir, one per
//! kind of mistake, each giving its exact line on stderr and exit 1; good files print ok.

use std::path::Path;
use std::process::{Command, Output};

#[path = "../benches/support/generate.rs"]
mod generate;

const MINI: &str = include_str!("fixtures/mini.json");

fn validate(dir: &Path, files: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("validate")
        .args(files)
        .current_dir(dir)
        .env("ONSITE_DATA_DIR", dir.join("data"))
        .env_remove("ONSITE_LANG")
        .output()
        .unwrap()
}

fn edited(from: &str, to: &str) -> String {
    assert_eq!(MINI.matches(from).count(), 1, "{from}");
    MINI.replacen(from, to, 1)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn good_files_print_ok_and_exit_0() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("mini.json"), MINI).unwrap();
    std::fs::write(tmp.path().join("onsite-checklist.schema.json"), "{}").unwrap();
    let out = validate(tmp.path(), &["mini.json", "onsite-checklist.schema.json"]);
    assert_eq!(
        text(&out.stdout),
        "mini.json: ok\nonsite-checklist.schema.json: skipped (a JSON Schema, not a checklist)\n"
    );
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn each_kind_of_mistake_gives_its_line_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "syntax.json",
            edited("\"score\": null}", "\"score\": null},"),
            "syntax.json:16:5: trailing comma",
        ),
        (
            "format.json",
            edited("onsite-checklist/1", "onsite-checklist/9"),
            "format.json:2:3: /format: unknown format \"onsite-checklist/9\"; this version of onsite reads \"onsite-checklist/1\"",
        ),
        (
            "typo.json",
            edited("\"guidance\"", "\"guidence\""),
            "typo.json:27:63: /sections/1/questions/1/guidence: unknown field `guidence`, expected one of `id`, `type`, `responses`, `options`, `required`, `prompt`, `guidance`, `basis`, `evidence`, `recommendation`, `show_if`, `min`, `max`, `integer`, `unit`, `statement`, `role`",
        ),
        (
            "missing.json",
            edited("\"version\": \"1\",\n", ""),
            "missing.json:30:1: missing field `version`",
        ),
        (
            "duplicate.json",
            edited("\"id\": \"remarks\"", "\"id\": \"steering\""),
            "duplicate.json:27:8: /sections/1/questions/1/id: duplicate id \"steering\": already used at /sections/0/questions/0/id",
        ),
        (
            "set.json",
            edited("\"responses\": \"ynp\"", "\"responses\": \"ynq\""),
            "set.json:21:44: /sections/0/questions/0/responses: unknown response set \"ynq\" (known sets: ynp)",
        ),
        (
            "forward.json",
            edited(
                "{\"q\": \"steering\", \"in\"",
                "{\"q\": \"channels\", \"in\"",
            ),
            "forward.json:22:125: /sections/0/questions/1/show_if: refers to question \"channels\" which comes later (at /sections/0/questions/2); a condition may only refer to earlier questions",
        ),
        (
            "value.json",
            edited("[\"yes\", \"partial\"]", "[\"yes\", \"co\"]"),
            "value.json:22:168: /sections/0/questions/1/show_if/in/1: \"co\" is not an option of question \"steering\" (options: yes, partial, no, na)",
        ),
        (
            "when.json",
            edited(
                "\"priority\": \"high\"",
                "\"priority\": \"high\", \"when\": [\"khong\"]",
            ),
            "when.json:21:247: /sections/0/questions/0/recommendation/when/0: \"khong\" is not an option of question \"steering\" (options: yes, partial, no, na)",
        ),
        (
            "range.json",
            edited("\"min\": 0, \"max\": 50", "\"min\": 10, \"max\": 5"),
            "range.json:22:43: /sections/0/questions/1/min: min 10 is greater than max 5",
        ),
        (
            "empty-section.json",
            edited(
                "{\"id\": \"closing\", \"type\": \"info\", \"prompt\": \"Cảm ơn đơn vị.\"}",
                "{\"id\": \"closing\", \"type\": \"info\", \"prompt\": \"Cảm ơn đơn vị.\"}]}, {\"id\": \"more\", \"title\": \"Thêm\", \"questions\": [",
            ),
            "empty-section.json:28:104: /sections/2/questions: section \"more\" has no questions",
        ),
        (
            "empty.json",
            String::new(),
            "empty.json: the file is empty; a checklist is a JSON object",
        ),
    ];
    for (name, content, expected) in &cases {
        std::fs::write(tmp.path().join(name), content).unwrap();
        let out = validate(tmp.path(), &[name]);
        assert_eq!(
            text(&out.stderr),
            format!("{expected}\nonsite: 1 problem in 1 of 1 file\n"),
            "{name}"
        );
        assert_eq!(text(&out.stdout), "", "{name}");
        assert_eq!(out.status.code(), Some(1), "{name}");
    }
}

#[test]
fn file_level_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // Invalid UTF-8 on line 3, after Vietnamese text.
    let mut bad = b"{\n  \"id\": \"mini\",\n  \"title\": \"Ki\xe1\xbb\x83m tra \xff\"\n}".to_vec();
    bad.push(b'\n');
    std::fs::write(d.join("latin1.json"), &bad).unwrap();
    let big = std::fs::File::create(d.join("big.json")).unwrap();
    big.set_len(16 * 1024 * 1024 + 1).unwrap();
    std::fs::create_dir(d.join("dir.json")).unwrap();
    std::fs::write(d.join("mini.json"), MINI).unwrap();
    let out = validate(
        d,
        &[
            "latin1.json",
            "big.json",
            "dir.json",
            "nope.json",
            "mini.json",
        ],
    );
    assert_eq!(
        text(&out.stderr),
        "latin1.json:3:22: the file is not valid UTF-8 (bad byte at offset 41); save it as UTF-8\n\
         big.json: the file is too large (16.0 MiB); a checklist may be at most 16 MiB\n\
         dir.json: is a directory, not a checklist file\n\
         nope.json: file not found\n\
         onsite: 4 problems in 4 of 5 files\n"
    );
    assert_eq!(text(&out.stdout), "mini.json: ok\n");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn all_problems_of_a_file_at_once_and_control_characters_are_inert() {
    let tmp = tempfile::tempdir().unwrap();
    let broken = edited("\"id\": \"remarks\"", "\"id\": \"Re\\u001b[2Jmarks\"").replacen(
        "\"min\": 0, \"max\": 50",
        "\"min\": 9, \"max\": 1",
        1,
    );
    std::fs::write(tmp.path().join("two.json"), broken).unwrap();
    let out = validate(tmp.path(), &["two.json"]);
    let err = text(&out.stderr);
    assert_eq!(
        err,
        "two.json:22:43: /sections/0/questions/1/min: min 9 is greater than max 1\n\
         two.json:27:8: /sections/1/questions/1/id: question id \"Re[2Jmarks\" is not a valid id: use lowercase letters a-z, digits, '-' and '_', starting with a letter or digit\n\
         onsite: 2 problems in 1 of 1 file\n"
    );
    assert!(!err.contains('\u{1b}'));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn no_file_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = validate(tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_readme_example_checklist_is_valid() {
    let readme = include_str!("../README.md");
    let guide = &readme[readme.find("### Format guide").unwrap()..];
    let start = guide.find("```json\n").unwrap() + "```json\n".len();
    let example = &guide[start..start + guide[start..].find("```").unwrap()];
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("my-check.json"), example).unwrap();
    let out = validate(tmp.path(), &["my-check.json"]);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "my-check.json: ok\n");
}

#[test]
fn large_files_give_the_same_answers() {
    // About 1.4 MB, 3,000 questions.
    let good = generate::checklist_json(3_000);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("big.json"), &good).unwrap();
    // A missing comma deep inside, a duplicate id deep inside: the whole-text reader then
    // says where, as for a small file.
    let q = good.find(r#"{"id":"q2501""#).unwrap();
    let mut broken = good.clone();
    broken.replace_range(q - 1..q, " ");
    std::fs::write(tmp.path().join("broken.json"), &broken).unwrap();
    let dup = good.replacen(r#""id":"q2999""#, r#""id":"q7""#, 1);
    std::fs::write(tmp.path().join("dup.json"), &dup).unwrap();

    let out = validate(tmp.path(), &["big.json"]);
    assert_eq!(text(&out.stdout), "big.json: ok\n");
    assert_eq!(out.status.code(), Some(0));

    let out = validate(tmp.path(), &["broken.json"]);
    let err = text(&out.stderr);
    assert!(err.starts_with("broken.json:4:"), "{err}");
    assert!(err.contains("expected `,` or `]`"), "{err}");
    assert_eq!(out.status.code(), Some(1));

    let out = validate(tmp.path(), &["dup.json"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("/sections/59/questions/49/id: duplicate id \"q7\": already used at /sections/0/questions/7/id"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}
