//! Every validation rule of SPEC §3, through the loader: each broken variant of the
//! fixture `tests/fixtures/mini.json` must give exactly these lines (message and place).

use onsite::checklist::load_str;

const MINI: &str = include_str!("fixtures/mini.json");

/// The fixture with each `(from, to)` applied (each `from` must occur exactly once).
fn variant(edits: &[(&str, &str)]) -> String {
    let mut text = MINI.to_string();
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "edit target {from:?} is not unique"
        );
        text = text.replacen(from, to, 1);
    }
    text
}

/// The problem lines of the edited fixture (empty when it loads).
fn problems(edits: &[(&str, &str)]) -> Vec<String> {
    match load_str(&variant(edits), "mini.json") {
        Ok(_) => Vec::new(),
        Err(list) => list.iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn check(edits: &[(&str, &str)], expected: &[&str]) {
    assert_eq!(problems(edits), expected);
}

const ID_HINT: &str = "is not a valid id: use lowercase letters a-z, digits, '-' and '_', starting with a letter or digit";

#[test]
fn the_fixture_itself_is_valid() {
    let c = load_str(MINI, "mini.json").unwrap();
    assert_eq!(c.id, "mini");
    assert_eq!(c.questions().count(), 6);
}

#[test]
fn unknown_format() {
    check(
        &[("\"onsite-checklist/1\"", "\"onsite-checklist/2\"")],
        &[
            "mini.json:2:3: /format: unknown format \"onsite-checklist/2\"; this version of onsite reads \"onsite-checklist/1\"",
        ],
    );
}

#[test]
fn bad_ids_everywhere_all_reported_at_once() {
    let lines = problems(&[
        ("\"id\": \"mini\"", "\"id\": \"Mini\""),
        ("\"id\": \"remarks\"", "\"id\": \"nhận xét\""),
        ("\"id\": \"records\"", "\"id\": \"-records\""),
        ("\"value\": \"board\"", "\"value\": \"Board\""),
        ("\"ynp\": [", "\"y n\": ["),
        ("\"responses\": \"ynp\"", "\"responses\": \"y n\""),
        ("\"id\": \"organisation\"", "\"id\": \"co_quan\""),
    ]);
    assert_eq!(
        lines,
        [
            format!("mini.json:3:3: /id: checklist id \"Mini\" {ID_HINT}"),
            format!("mini.json:11:5: /response_sets/y n: response set name \"y n\" {ID_HINT}"),
            format!(
                "mini.json:23:56: /sections/0/questions/2/options/0/value: option value \"Board\" {ID_HINT}"
            ),
            format!("mini.json:25:6: /sections/1/id: section id \"-records\" {ID_HINT}"),
            format!(
                "mini.json:27:8: /sections/1/questions/1/id: question id \"nhận xét\" {ID_HINT}"
            ),
        ]
    );
}

#[test]
fn duplicate_ids() {
    // Questions and header fields share one namespace.
    check(
        &[("\"id\": \"remarks\"", "\"id\": \"date\"")],
        &[
            "mini.json:27:8: /sections/1/questions/1/id: duplicate id \"date\": already used at /header/1/id",
        ],
    );
    check(
        &[("\"id\": \"remarks\"", "\"id\": \"members\"")],
        &[
            "mini.json:27:8: /sections/1/questions/1/id: duplicate id \"members\": already used at /sections/0/questions/1/id",
        ],
    );
    check(
        &[("\"id\": \"records\"", "\"id\": \"leadership\"")],
        &[
            "mini.json:25:6: /sections/1/id: duplicate id \"leadership\": already used at /sections/0/id",
        ],
    );
    // A section may share an id with a question: they are different namespaces.
    check(&[("\"id\": \"records\"", "\"id\": \"remarks\"")], &[]);
}

#[test]
fn duplicate_option_values() {
    check(
        &[("\"value\": \"na\"", "\"value\": \"yes\"")],
        &[
            "mini.json:15:8: /response_sets/ynp/3/value: duplicate option value \"yes\": already used at /response_sets/ynp/0/value",
        ],
    );
    check(
        &[("\"value\": \"web\"", "\"value\": \"board\"")],
        &[
            "mini.json:23:97: /sections/0/questions/2/options/1/value: duplicate option value \"board\": already used at /sections/0/questions/2/options/0/value",
            "mini.json:26:160: /sections/1/questions/0/show_if/all/1/not/in/0: \"web\" is not an option of question \"channels\" (options: board)",
        ],
    );
}

#[test]
fn unknown_response_set() {
    check(
        &[("\"responses\": \"ynp\"", "\"responses\": \"yn\"")],
        &[
            "mini.json:21:44: /sections/0/questions/0/responses: unknown response set \"yn\" (known sets: ynp)",
        ],
    );
}

#[test]
fn choice_without_options_or_with_both() {
    check(
        &[("\"responses\": \"ynp\", ", "")],
        &[
            "mini.json:21:7: /sections/0/questions/0: choice question \"steering\" needs \"responses\" (the name of a response set) or \"options\"",
        ],
    );
    check(
        &[(
            "\"responses\": \"ynp\", ",
            "\"responses\": \"ynp\", \"options\": [{\"value\": \"x\", \"label\": \"X\"}], ",
        )],
        &[
            "mini.json:21:64: /sections/0/questions/0/options: question \"steering\" has both \"responses\" and \"options\"; give one of them",
        ],
    );
    check(
        &[(
            "[{\"value\": \"board\", \"label\": \"Bảng tin\"}, {\"value\": \"web\", \"label\": \"Cổng thông tin\"}]",
            "[]",
        )],
        &[
            "mini.json:23:43: /sections/0/questions/2/options: multi question \"channels\" has no options",
        ],
    );
    check(
        &[("\"ynp\": [", "\"ynp\": [], \"other\": [")],
        &["mini.json:11:5: /response_sets/ynp: response set \"ynp\" has no options"],
    );
}

#[test]
fn fields_on_types_that_do_not_take_them() {
    check(
        &[(
            "\"type\": \"number\", ",
            "\"type\": \"number\", \"responses\": \"ynp\", ",
        )],
        &[
            "mini.json:22:43: /sections/0/questions/1/responses: a number question takes no \"responses\"; only choice and multi do",
        ],
    );
    check(
        &[(
            "\"type\": \"text\", ",
            "\"type\": \"text\", \"min\": 1, \"unit\": \"m\", ",
        )],
        &[
            "mini.json:27:41: /sections/1/questions/1/min: a text question takes no \"min\"; only number questions do",
            "mini.json:27:51: /sections/1/questions/1/unit: a text question takes no \"unit\"; only number questions do",
        ],
    );
    check(
        &[(
            "\"type\": \"info\", ",
            "\"type\": \"info\", \"required\": true, ",
        )],
        &[
            "mini.json:28:41: /sections/1/questions/2/required: info question \"closing\" cannot be required: it takes no answer",
        ],
    );
}

#[test]
fn min_greater_than_max() {
    check(
        &[("\"min\": 0, \"max\": 50", "\"min\": 60, \"max\": 50")],
        &["mini.json:22:43: /sections/0/questions/1/min: min 60 is greater than max 50"],
    );
}

#[test]
fn show_if_references() {
    let at = |q: &str| {
        [(
            "{\"q\": \"steering\", \"in\"",
            format!("{{\"q\": \"{q}\", \"in\""),
        )]
    };
    let run = |q: &str| {
        let e = at(q);
        problems(&[(e[0].0, e[0].1.as_str())])
    };
    let place = "mini.json:22:125: /sections/0/questions/1/show_if: ";
    assert_eq!(
        run("remarks"),
        [format!(
            "{place}refers to question \"remarks\" which comes later (at /sections/1/questions/1); a condition may only refer to earlier questions"
        )]
    );
    assert_eq!(
        run("members"),
        [format!("{place}refers to question \"members\" itself")]
    );
    assert_eq!(
        run("steerin"),
        [format!("{place}refers to unknown question \"steerin\"")]
    );
    assert_eq!(
        run("organisation"),
        [format!(
            "{place}refers to header field \"organisation\"; a condition may only refer to questions"
        )]
    );
    // Nested conditions are located at the nested place.
    check(
        &[(
            "\"prompt\": \"Nhận xét\"",
            "\"prompt\": \"Nhận xét\", \"show_if\": {\"any\": [{\"q\": \"closing\", \"answered\": true}]}",
        )],
        &[
            "mini.json:27:83: /sections/1/questions/1/show_if/any/0: refers to question \"closing\" which comes later (at /sections/1/questions/2); a condition may only refer to earlier questions",
        ],
    );
    check(
        &[
            ("\"type\": \"text\", ", "\"type\": \"info\", "),
            (
                "\"id\": \"closing\"",
                "\"id\": \"closing\", \"show_if\": {\"not\": {\"q\": \"remarks\", \"answered\": true}}",
            ),
        ],
        &[
            "mini.json:28:37: /sections/1/questions/2/show_if/not: refers to info question \"remarks\", which takes no answer",
        ],
    );
}

#[test]
fn show_if_values_the_question_cannot_take() {
    check(
        &[("[\"yes\", \"partial\"]", "[\"yes\", \"maybe\"]")],
        &[
            "mini.json:22:168: /sections/0/questions/1/show_if/in/1: \"maybe\" is not an option of question \"steering\" (options: yes, partial, no, na)",
        ],
    );
    check(
        &[(
            "{\"q\": \"members\", \"gte\": 3}",
            "{\"q\": \"channels\", \"gte\": 3}",
        )],
        &[
            "mini.json:26:117: /sections/1/questions/0/show_if/all/0/gte: \"gte\" compares numbers, but question \"channels\" is a multi question",
        ],
    );
    check(
        &[(
            "{\"q\": \"members\", \"gte\": 3}",
            "{\"q\": \"members\", \"is\": \"ba\"}",
        )],
        &[
            "mini.json:26:116: /sections/1/questions/0/show_if/all/0/is: question \"members\" is a number question; compare it with a number, not \"ba\"",
        ],
    );
    check(
        &[(
            "{\"q\": \"members\", \"gte\": 3}",
            "{\"q\": \"members\", \"in\": [3, 99]}",
        )],
        &[
            "mini.json:26:126: /sections/1/questions/0/show_if/all/0/in/1: 99 is outside the range allowed for question \"members\"",
        ],
    );
    check(
        &[(
            "\"prompt\": \"Nhận xét\"",
            "\"prompt\": \"Nhận xét\", \"show_if\": {\"q\": \"decided-on\", \"is\": \"2026-02-30\"}",
        )],
        &[
            "mini.json:27:94: /sections/1/questions/1/show_if/is: question \"decided-on\" is a date question; \"2026-02-30\" is not a date (YYYY-MM-DD)",
        ],
    );
    check(
        &[
            ("[\"yes\", \"partial\"]", "[]"),
            (
                "\"all\": [{\"q\": \"members\", \"gte\": 3}, {\"not\": {\"q\": \"channels\", \"in\": [\"web\"]}}]",
                "\"all\": []",
            ),
        ],
        &[
            "mini.json:22:154: /sections/0/questions/1/show_if/in: \"in\" needs at least one value",
            "mini.json:26:91: /sections/1/questions/0/show_if/all: \"all\" needs at least one condition",
        ],
    );
}

#[test]
fn recommendation_when_values() {
    check(
        &[(
            "\"priority\": \"high\"",
            "\"priority\": \"high\", \"when\": [\"no\", \"never\"]",
        )],
        &[
            "mini.json:21:253: /sections/0/questions/0/recommendation/when/1: \"never\" is not an option of question \"steering\" (options: yes, partial, no, na)",
        ],
    );
    check(
        &[(
            "\"priority\": \"high\"",
            "\"priority\": \"high\", \"when\": []",
        )],
        &[
            "mini.json:21:238: /sections/0/questions/0/recommendation/when: \"when\" is empty; leave it out to use the flagged options",
        ],
    );
    check(
        &[(
            "\"prompt\": \"Hình thức công khai\"",
            "\"prompt\": \"Hình thức công khai\", \"recommendation\": {\"text\": \"Công khai thêm.\"}",
        )],
        &[
            "mini.json:23:175: /sections/0/questions/2/recommendation: the recommendation can never apply: no option of question \"channels\" is flagged; list the values in \"when\"",
        ],
    );
    check(
        &[(
            "\"prompt\": \"Nhận xét\"",
            "\"prompt\": \"Nhận xét\", \"recommendation\": {\"text\": \"Ghi rõ.\"}",
        )],
        &[
            "mini.json:27:63: /sections/1/questions/1/recommendation: a text question takes no scripted recommendation; only choice and multi questions do (the inspector can add one while inspecting)",
        ],
    );
}

#[test]
fn empty_sections_and_no_sections() {
    check(
        &[(
            "{\"id\": \"closing\", \"type\": \"info\", \"prompt\": \"Cảm ơn đơn vị.\"}",
            "{\"id\": \"closing\", \"type\": \"info\", \"prompt\": \"Cảm ơn đơn vị.\"}\n    ]},\n    {\"id\": \"empty\", \"title\": \"Trống\", \"questions\": [",
        )],
        &["mini.json:30:39: /sections/2/questions: section \"empty\" has no questions"],
    );
    let none = r#"{"format": "onsite-checklist/1", "id": "none", "version": "1", "title": "Rỗng",
  "sections": []}"#;
    let lines: Vec<String> = load_str(none, "none.json")
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        ["none.json:2:3: /sections: the checklist has no sections"]
    );
}

#[test]
fn rating_min_outside_0_1() {
    check(
        &[(
            "{\"min\": 0.8, \"label\": \"Tốt\"}",
            "{\"min\": 80, \"label\": \"Tốt\"}",
        )],
        &[
            "mini.json:18:15: /rating/0/min: rating min 80 is outside 0..1 (scores are fractions: 0.9 means 90%)",
        ],
    );
}

#[test]
fn header_default_not_a_date() {
    check(
        &[("\"default\": \"today\"", "\"default\": \"23/11/2026\"")],
        &[
            "mini.json:8:75: /header/1/default: default \"23/11/2026\" of date field \"date\" is not a date (YYYY-MM-DD) or \"today\"",
        ],
    );
    check(
        &[("\"default\": \"today\"", "\"default\": \"2026-11-23\"")],
        &[],
    );
}

#[test]
fn empty_prompt() {
    check(
        &[(
            "\"prompt\": \"Nhận xét\"",
            "\"prompt\": {\"vi\": \" \", \"en\": \"\"}",
        )],
        &["mini.json:27:41: /sections/1/questions/1/prompt: the prompt is empty"],
    );
}

#[test]
fn serde_errors_are_located() {
    check(
        &[("\"prompt\": \"Nhận xét\"", "\"promt\": \"Nhận xét\"")],
        &[
            "mini.json:27:41: /sections/1/questions/1/promt: unknown field `promt`, expected one of `id`, `type`, `responses`, `options`, `required`, `prompt`, `guidance`, `basis`, `evidence`, `recommendation`, `show_if`, `min`, `max`, `integer`, `unit`, `statement`, `role`",
        ],
    );
    check(
        &[("\"prompt\": \"Số thành viên\", ", "")],
        &["mini.json:22:7: /sections/0/questions/1: missing field `prompt`"],
    );
    check(
        &[(
            "\"required\": true, \"prompt\"",
            "\"required\": \"yes\", \"prompt\"",
        )],
        &[
            "mini.json:21:64: /sections/0/questions/0/required: wrong type: string \"yes\", expected a boolean",
        ],
    );
    check(
        &[("\"type\": \"multi\"", "\"type\": \"mutli\"")],
        &[
            "mini.json:23:26: /sections/0/questions/2/type: unknown variant `mutli`, expected one of `choice`, `multi`, `number`, `text`, `date`, `info`",
        ],
    );
    check(
        &[("\"prompt\": \"Nhận xét\"", "\"prompt\": 42")],
        &[
            "mini.json:27:41: /sections/1/questions/1/prompt: wrong type: integer `42`, expected a text: a string, or an object of language → string like {\"vi\": \"...\", \"en\": \"...\"}",
        ],
    );
    check(
        &[(
            "{\"q\": \"members\", \"gte\": 3}",
            "{\"q\": \"members\", \"gte\": 3, \"lt\": 9}",
        )],
        &[
            "mini.json:26:79: /sections/1/questions/0/show_if: a condition needs \"q\" with exactly one of \"is\", \"in\", \"answered\", \"gt\", \"gte\", \"lt\", \"lte\", or exactly one of \"all\", \"any\", \"not\"",
        ],
    );
}

#[test]
fn syntax_errors_are_located() {
    check(
        &[("\"score\": null}", "\"score\": null},")],
        &["mini.json:16:5: trailing comma"],
    );
    check(
        &[("\"title\": \"Hồ sơ\"", "\"title\": \"Hồ sơ\" \"x\"")],
        &["mini.json:25:40: expected `,` or `}`"],
    );
}

#[test]
fn decomposed_vietnamese_loads_as_precomposed() {
    let decomposed = "Nha\u{0323}\u{0302}n xe\u{0301}t";
    let c = load_str(
        &variant(&[(
            "\"prompt\": \"Nhận xét\"",
            &format!("\"prompt\": \"{decomposed}\""),
        )]),
        "mini.json",
    )
    .unwrap();
    assert_eq!(c.question("remarks").unwrap().prompt.get("vi"), "Nhận xét");
}

#[test]
fn empty_and_odd_documents() {
    let one = |text: &str| -> Vec<String> {
        load_str(text, "x.json")
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        one(""),
        ["x.json: the file is empty; a checklist is a JSON object"]
    );
    assert_eq!(
        one(" \n\t\n"),
        ["x.json: the file is empty; a checklist is a JSON object"]
    );
    assert_eq!(
        one("[1, 2]"),
        ["x.json:1:1: a checklist is a JSON object ({ ... }) at the top level"]
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(
        one(&deep),
        ["x.json:1:128: the JSON is nested too deeply (more than 128 levels)"]
    );
    let deep_conditions = format!(
        "{{\"format\": \"onsite-checklist/1\", \"x\": {}1{}}}",
        "{\"not\": ".repeat(200),
        "}".repeat(200)
    );
    assert_eq!(
        one(&deep_conditions),
        ["x.json:1:1047: the JSON is nested too deeply (more than 128 levels)"]
    );
}

#[test]
fn duplicate_keys_are_refused() {
    check(
        &[(
            "{\"vi\": \"Có\", \"en\": \"Yes\"}",
            "{\"vi\": \"Có\", \"en\": \"Yes\", \"vi\": \"Vâng\"}",
        )],
        &[
            "mini.json:12:59: /response_sets/ynp/0/label/vi: key \"vi\" is written twice in the same object; keep one",
        ],
    );
}

#[test]
fn document_fields_statement_role_addressee_and_placeholders_are_accepted() {
    let edits = [
        (
            "\"recommendation\": {\"text\": \"Thành lập Ban Chỉ đạo.\", \"priority\": \"high\"}",
            "\"statement\": {\"yes\": \"{organisation} đã thành lập Ban Chỉ đạo ({members} người).\", \"no\": {\"vi\": \"{organisation} chưa thành lập Ban Chỉ đạo.\", \"en\": \"No committee as of {date}.\"}}, \"recommendation\": {\"text\": \"Thành lập Ban Chỉ đạo của {organisation}.\", \"priority\": \"high\", \"addressee\": \"Người đứng đầu {organisation}\"}",
        ),
        (
            "\"prompt\": \"Nhận xét\"",
            "\"prompt\": \"Nhận xét\", \"role\": \"strengths\"",
        ),
    ];
    check(&edits, &[]);
    let c = load_str(&variant(&edits), "mini.json").unwrap();
    let q = c.question("steering").unwrap();
    assert_eq!(q.statement.len(), 2);
    assert_eq!(
        q.recommendation
            .as_ref()
            .unwrap()
            .addressee
            .as_ref()
            .unwrap()
            .get("vi"),
        "Người đứng đầu {organisation}"
    );
    assert_eq!(
        c.question("remarks").unwrap().role,
        Some(onsite::checklist::Role::Strengths)
    );
}

#[test]
fn document_fields_broken_in_every_way_all_reported() {
    check(
        &[
            (
                "\"recommendation\": {\"text\": \"Thành lập Ban Chỉ đạo.\", \"priority\": \"high\"}",
                "\"statement\": {\"maybe\": \"x\", \"no\": \"Thiếu {nobody} và {closing}.\"}, \"recommendation\": {\"text\": \"Thành lập {ban}.\", \"priority\": \"high\", \"addressee\": \"\"}",
            ),
            (
                "\"prompt\": \"Số thành viên\"",
                "\"prompt\": \"Số thành viên\", \"role\": \"causes\", \"statement\": {\"yes\": \"x\"}",
            ),
        ],
        &[
            "mini.json:21:179: /sections/0/questions/0/statement/maybe: \"maybe\" is not an option of question \"steering\" (options: yes, partial, no, na)",
            "mini.json:21:193: /sections/0/questions/0/statement/no: placeholder {nobody} names no header field or question; write the id of one, e.g. {organisation}",
            "mini.json:21:193: /sections/0/questions/0/statement/no: placeholder {closing} names info question \"closing\", which has no answer to write",
            "mini.json:21:251: /sections/0/questions/0/recommendation/text: placeholder {ban} names no header field or question; write the id of one, e.g. {organisation}",
            "mini.json:21:299: /sections/0/questions/0/recommendation/addressee: the addressee is empty",
            "mini.json:22:143: /sections/0/questions/1/statement: a number question takes no \"statement\"; only choice and multi questions do (name its answer as {members} in another statement)",
            "mini.json:22:125: /sections/0/questions/1/role: a number question takes no \"role\"; only text questions do (it says where their answer goes in the documents)",
        ],
    );
}

#[test]
fn an_unknown_role_is_a_shape_error() {
    let lines = problems(&[(
        "\"prompt\": \"Nhận xét\"",
        "\"prompt\": \"Nhận xét\", \"role\": \"praise\"",
    )]);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("/sections/1/questions/1/role"),
        "{lines:?}"
    );
    assert!(lines[0].contains("unknown variant `praise`"), "{lines:?}");
}

#[test]
fn a_comparison_with_another_answer_names_an_earlier_number_question_and_a_whole_ratio() {
    let with = |rhs: &str| {
        problems(&[(
            "{\"q\": \"members\", \"gte\": 3}",
            &format!("{{\"q\": \"members\", \"gte\": {rhs}}}"),
        )])
    };
    // Well formed: another number question scaled by two thirds, or taken as it is.
    assert_eq!(
        with("{\"q\": \"members\", \"ratio\": [2, 3]}"),
        [] as [String; 0]
    );
    assert_eq!(with("{\"q\": \"members\"}"), [] as [String; 0]);
    let place = "/sections/1/questions/0/show_if/all/0/gte";
    assert_eq!(
        with("{\"q\": \"remarks\", \"ratio\": [2, 3]}"),
        [format!(
            "mini.json:26:116: {place}: refers to question \"remarks\" which comes later (at /sections/1/questions/1); a condition may only refer to earlier questions"
        )]
    );
    assert_eq!(
        with("{\"q\": \"memebrs\"}"),
        [format!(
            "mini.json:26:116: {place}: refers to unknown question \"memebrs\""
        )]
    );
    assert_eq!(
        with("{\"q\": \"steering\", \"ratio\": [1, 2]}"),
        [format!(
            "mini.json:26:124: {place}/q: a comparison can only scale a number question, but question \"steering\" is a choice question"
        )]
    );
    for bad in ["[0, 3]", "[2]", "[2, 3, 4]", "[0.5, 1]", "[2, 3000]"] {
        let lines = with(&format!("{{\"q\": \"members\", \"ratio\": {bad}}}"));
        assert!(
            lines.iter().any(|l| l.contains(&format!(
                "{place}/ratio: \"ratio\" takes two whole numbers from 1 to 1000, [numerator, denominator], e.g. [2, 3] for two thirds"
            ))),
            "{bad}: {lines:?}"
        );
    }
    let lines = with("{\"q\": \"members\", \"times\": 0.6667}");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("mini.json:26:") && lines[0].contains("a comparison takes a number, or {\"q\": ID, \"ratio\": [A, B]} naming a number question"),
        "{lines:?}"
    );
}
