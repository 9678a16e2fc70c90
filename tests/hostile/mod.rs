//! The hostile-text corpus, in one place: every way text from a file could take over the
//! terminal or a document, or shift or hide what the inspector reads — escape and control
//! sequences (title, clipboard, clear, C1 CSI), bidi overrides and isolates, zero-width and
//! format characters, tag characters, line and paragraph separators, fillers — each wrapped
//! in real Vietnamese so that what must survive can be checked too. And the one check every
//! output is run through.
#![allow(dead_code)]

/// Each piece of hostile text, with the visible text it should leave behind.
pub const CORPUS: &[(&str, &str)] = &[
    ("Sở \u{1b}]0;pwned\u{7}Nội vụ", "Sở ]0;pwnedNội vụ"),
    ("Ban \u{1b}[2JChỉ đạo", "Ban [2JChỉ đạo"),
    (
        "Kế hoạch\u{1b}]52;c;ZXZpbA==\u{7} năm",
        "Kế hoạch]52;c;ZXZpbA== năm",
    ),
    ("Quy chế \u{9b}31mdân chủ", "Quy chế 31mdân chủ"),
    ("Thôn \u{202e}Bắc\u{202c} Sơn", "Thôn Bắc Sơn"),
    ("Xã \u{2066}Tân\u{2069} Lập", "Xã Tân Lập"),
    ("Đạt\u{200b} yêu\u{200c} cầu\u{200d}", "Đạt yêu cầu"),
    ("Công\u{2060} khai\u{feff}", "Công khai"),
    ("Biên bản\u{e0041}\u{e0042}\u{e007f}", "Biên bản"),
    ("Hội\u{ad}nghị\u{3164}\u{115f}", "Hộinghị"),
    ("Tiếp dân\u{8}\u{7f}", "Tiếp dân"),
];

/// All of the corpus in one string (one line of text).
pub fn all_in_one() -> String {
    CORPUS
        .iter()
        .map(|(h, _)| *h)
        .collect::<Vec<_>>()
        .join(" | ")
}

/// What no output may contain: controls (but the line structure `\n`, `\r`, `\t`), bidi
/// controls, and invisible or format characters.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{00AD}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{2060}'..='\u{2064}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Panics, naming `what` and the character, if `text` holds anything forbidden.
pub fn assert_inert(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|(_, c)| is_forbidden(*c)) {
        let from = text[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
        panic!(
            "{what}: U+{:04X} got through near {:?}",
            c as u32,
            &text[from..(i + c.len_utf8()).min(text.len())]
        );
    }
}

/// Every string inside a JSON document must be inert.
pub fn assert_json_inert(what: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::String(s) => assert_inert(what, s),
        serde_json::Value::Array(a) => a.iter().for_each(|v| assert_json_inert(what, v)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, v)| {
            assert_inert(what, k);
            assert_json_inert(what, v)
        }),
        _ => {}
    }
}
