//! Folding text for matching and for ASCII names: Vietnamese (and other Latin) diacritics
//! dropped, `đ`/`Đ` → `d`, lowercase. `ban chi dao` then matches `Ban Chỉ đạo`, written
//! precomposed or decomposed.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds text: decomposes, drops combining marks, maps đ/Đ to d, lowercases.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folding of `s` to `out` (search folds every text of a checklist on each
/// key, so it reuses one buffer). Character by character: ASCII directly, anything else by
/// its canonical decomposition, the same as decomposing the whole text (NFD) would give
/// once combining marks are dropped.
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            match d {
                'đ' | 'Đ' => out.push('d'),
                d => out.extend(d.to_lowercase()),
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: NFD, marks dropped, đ → d, lowercase.
    fn reference(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd()
            .filter(|c| !is_combining_mark(*c))
            .map(|c| match c {
                'đ' | 'Đ' => 'd',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn folds_vietnamese_precomposed_and_decomposed() {
        assert_eq!(fold("Ban Chỉ đạo"), "ban chi dao");
        assert_eq!(fold("Ban Chi\u{0309} \u{0111}a\u{0323}o"), "ban chi dao");
        assert_eq!(fold("ĐỐI THOẠI"), "doi thoai");
        assert_eq!(fold("Hội nghị CBCCVC"), "hoi nghi cbccvc");
        assert_eq!(fold("Ǆ İ ẞ 한글"), reference("Ǆ İ ẞ 한글"));
    }

    proptest! {
        #[test]
        fn agrees_with_the_whole_text_definition(s in "\\PC{0,40}|[a-zA-Zà-ỹÀ-Ỹđ\u{300}-\u{36f} ]{0,40}") {
            prop_assert_eq!(fold(&s), reference(&s));
        }
    }
}
