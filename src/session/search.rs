//! Search that ignores case and Vietnamese diacritics (`ban chi dao` finds `Ban Chỉ đạo`).

use crate::checklist::Question;

pub use crate::fold::fold;

/// Whether every word of the (already folded) query occurs in the question's prompt,
/// guidance, basis, evidence or id, in any language of the checklist.
pub fn matches(q: &Question, folded_words: &[String]) -> bool {
    if folded_words.is_empty() {
        return false;
    }
    let mut hay = String::new();
    hay.push_str(&q.id);
    let texts = std::iter::once(&q.prompt)
        .chain(q.guidance.iter())
        .chain(q.basis.iter())
        .chain(q.evidence.iter());
    for t in texts {
        for s in t.all() {
            hay.push('\n');
            hay.push_str(&fold(s));
        }
    }
    folded_words.iter().all(|w| hay.contains(w.as_str()))
}

/// Splits and folds a query into words.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}
