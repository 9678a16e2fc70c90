//! Search that ignores case and Vietnamese diacritics (`ban chi dao` finds `Ban Chỉ đạo`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::checklist::Question;

/// Folds text for matching: decomposes, drops combining marks, maps đ/Đ to d, lowercases.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_precomposed_and_decomposed() {
        assert_eq!(fold("Ban Chỉ đạo"), "ban chi dao");
        assert_eq!(fold("Ban Chi\u{0309} \u{0111}a\u{0323}o"), "ban chi dao");
        assert_eq!(fold("ĐỐI THOẠI"), "doi thoai");
        assert_eq!(fold("Hội nghị CBCCVC"), "hoi nghi cbccvc");
    }
}
