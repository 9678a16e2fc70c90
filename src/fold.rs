//! Folding text for matching and for ASCII names: Vietnamese (and other Latin) diacritics
//! dropped, `đ`/`Đ` → `d`, lowercase. `ban chi dao` then matches `Ban Chỉ đạo`, written
//! precomposed or decomposed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text: decomposes, drops combining marks, maps đ/Đ to d, lowercases.
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
