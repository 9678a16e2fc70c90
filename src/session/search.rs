//! Search that ignores case and Vietnamese diacritics (`ban chi dao` finds `Ban Chỉ đạo`).

use crate::checklist::Question;

pub use crate::fold::fold;

/// Whether every word of the (already folded) query occurs in the question's prompt,
/// guidance, basis, evidence or id, in any language of the checklist.
pub fn matches(q: &Question, folded_words: &[String]) -> bool {
    if folded_words.is_empty() {
        return false;
    }
    // Each word must occur within one of the texts (a word has no spaces, so it cannot run
    // from one text into the next). One buffer, folded into text by text, for them all.
    let mut found = vec![false; folded_words.len()];
    let mut folded = String::new();
    let mut check = |text: &str, fold_it: bool| {
        folded.clear();
        if fold_it {
            crate::fold::fold_into(text, &mut folded);
        } else {
            folded.push_str(text);
        }
        for (w, f) in folded_words.iter().zip(found.iter_mut()) {
            *f = *f || folded.contains(w.as_str());
        }
        found.iter().all(|f| *f)
    };
    if check(&q.id, false) {
        return true;
    }
    let texts = std::iter::once(&q.prompt)
        .chain(q.guidance.iter())
        .chain(q.basis.iter())
        .chain(q.evidence.iter());
    for t in texts {
        for s in t.all() {
            if check(s, true) {
                return true;
            }
        }
    }
    false
}

/// Splits and folds a query into words.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}
