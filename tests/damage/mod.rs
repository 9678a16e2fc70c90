//! Random damage to a text, shared by the property tests of the loaders: a few places
//! each lose up to 11 characters and gain up to 4 arbitrary ones (or up to 3 JSON
//! punctuation marks).
#![allow(dead_code)]

use proptest::prelude::*;

/// One edit: where (any place, end included), how many characters to cut, what to insert.
pub type Edit = (prop::sample::Index, usize, String);

/// One to three edits.
pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            0usize..12,
            "\\PC{0,4}|[{}\\[\\],:\"\\\\ ]{0,3}",
        ),
        1..4,
    )
}

/// `text` with the edits made, in order.
pub fn damaged(text: &str, edits: Vec<Edit>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, cut, insert) in edits {
        let start = at.index(chars.len() + 1);
        let end = (start + cut).min(chars.len());
        chars.splice(start..end, insert.chars());
    }
    chars.into_iter().collect()
}
