//! Makes untrusted text inert before it reaches a terminal or an export.
//!
//! Strips C0 controls (tabs become spaces; newlines are kept only where asked),
//! DEL, C1 controls (U+0080–U+009F), Unicode bidi controls, and invisible and format
//! characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen, tag
//! characters, Hangul fillers, …; line and paragraph separators become newlines or
//! spaces), so that no text from a checklist or record can move the cursor, set a title,
//! write the clipboard, or reorder, shift or hide what the inspector sees. Text is also
//! normalised to NFC.

use unicode_normalization::UnicodeNormalization;

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that take no room, or are drawn as blanks no wider than nothing, and so can
/// hide or shift text: zero-width spaces and joiners, word joiner and invisible operators,
/// deprecated format characters, BOM, soft hyphen, combining grapheme joiner, Hangul
/// fillers, the Mongolian vowel separator, interlinear annotation marks, shorthand format
/// controls, tag characters, variation selectors and the non-characters that XML forbids
/// (U+FFFE, U+FFFF). (Line and paragraph separators are handled as line breaks.)
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFFE}'
            | '\u{FFFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Line and paragraph separators: line breaks that are not `\n`.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

fn clean(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            c if keep_newlines && is_separator(c) => out.push('\n'),
            '\n' | '\r' if !keep_newlines => out.push(' '),
            c if is_separator(c) => out.push(' '),
            '\t' => out.push_str("    "),
            c if c.is_control() || is_bidi_control(c) || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether cleaning would leave `s` unchanged: no controls (but `\n` in multi-line
/// text), no bidi controls, already NFC. Cheap, so that clean text (nearly all) is
/// copied rather than rebuilt.
fn is_inert(s: &str, newlines: bool) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    if is_plainly_inert(s.as_bytes(), newlines) {
        return true;
    }
    let mut surely_nfc = true;
    for c in s.chars() {
        if (c.is_control() && !(newlines && c == '\n'))
            || is_bidi_control(c)
            || is_invisible(c)
            || is_separator(c)
        {
            return false;
        }
        surely_nfc &= is_surely_nfc(c);
    }
    surely_nfc || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// Whether `s` (UTF-8) is made only of printable ASCII (and `\n` if allowed), U+00A0–U+02FF
/// but the soft hyphen U+00AD
/// and the precomposed Vietnamese letters U+1EA0–U+1EF9: none of them a control, all
/// [`is_surely_nfc`]. Read byte by byte, without decoding: nearly all checklist text passes,
/// and what does not is looked at closely by [`is_inert`].
fn is_plainly_inert(s: &[u8], newlines: bool) -> bool {
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        let next = s.get(i + 1).copied().unwrap_or(0);
        i += match b {
            0x20..=0x7e => 1,
            b'\n' if newlines => 1,
            // U+00A0–U+00BF (after the C1 controls U+0080–U+009F), but the soft hyphen.
            0xC2 if next >= 0xA0 && next != 0xAD => 2,
            // U+00C0–U+02FF.
            0xC3..=0xCB => 2,
            // U+1EA0–U+1EBF and U+1EC0–U+1EF9.
            0xE1 => match (next, s.get(i + 2).copied().unwrap_or(0)) {
                (0xBA, 0xA0..=0xBF) | (0xBB, 0x80..=0xB9) => 3,
                _ => return false,
            },
            _ => return false,
        };
    }
    true
}

/// Characters that are in NFC next to any other such character (combining class 0, quick
/// check "yes"): everything before the combining marks (U+0300), and the precomposed
/// Vietnamese letters U+1EA0–U+1EF9. Most checklist text is made of these only.
fn is_surely_nfc(c: char) -> bool {
    c < '\u{300}' || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// One line of inert text: newlines become spaces, controls are dropped.
pub fn line(s: &str) -> String {
    if is_inert(s, false) {
        return s.to_string();
    }
    clean(s, false)
}

/// Multi-line inert text: `\n` is kept (`\r\n` and `\r` become `\n`), other controls dropped.
pub fn multiline(s: &str) -> String {
    if is_inert(s, true) {
        return s.to_string();
    }
    clean(&s.replace("\r\n", "\n").replace('\r', "\n"), true)
}

/// [`line`] of `s` if that differs from `s` (`None`: already inert, nothing to copy).
pub fn line_if_changed(s: &str) -> Option<String> {
    (!is_inert(s, false)).then(|| clean(s, false))
}

/// [`multiline`] of `s` if that differs from `s`.
pub fn multiline_if_changed(s: &str) -> Option<String> {
    (!is_inert(s, true)).then(|| multiline(s))
}

/// Like [`line`], in place: a string that is already inert is left as it is (no copy).
pub fn line_in_place(s: &mut String) {
    if !is_inert(s, false) {
        *s = clean(s, false);
    }
}

/// Like [`multiline`], in place: a string that is already inert is left as it is.
pub fn multiline_in_place(s: &mut String) {
    if !is_inert(s, true) {
        *s = multiline(s);
    }
}

/// One line of text for a document that others read, sign and file (`.docx`): [`line`],
/// and invisible characters dropped too, so that what is printed is all there is.
pub fn for_document(s: &str) -> String {
    line(s)
}

/// Whether the text is already inert (what `multiline` would return unchanged).
pub fn is_clean(s: &str) -> bool {
    multiline(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_bidi() {
        let hostile = "A\x1b]0;pwned\x07B\x1b[2J\x1b]52;c;ZXZpbA==\x07C\u{009b}31mD\u{202e}E";
        let s = line(hostile);
        assert!(
            !s.chars().any(|c| c.is_control() || is_bidi_control(c)),
            "{s:?}"
        );
        assert!(s.starts_with('A') && s.ends_with('E'));
    }

    #[test]
    fn the_fast_path_agrees_with_the_full_cleaning() {
        let samples = [
            "plain ascii",
            "Ban Chỉ đạo",
            "Ban Chi\u{0309} \u{0111}a\u{0323}o",
            "dòng 1\ndòng 2",
            "tab\there",
            "cr\r\nlf",
            "esc\x1b[2J",
            "c1\u{009b}31m",
            "bidi\u{202e}txt",
            "del\x7f",
            "",
        ];
        for s in samples {
            assert_eq!(line(s), clean(s, false), "{s:?}");
            let unified = s.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(multiline(s), clean(&unified, true), "{s:?}");
            assert_eq!(is_inert(s, true), multiline(s) == s, "{s:?}");
            assert_eq!(is_inert(s, false), line(s) == s, "{s:?}");
            let (mut one, mut many) = (s.to_string(), s.to_string());
            line_in_place(&mut one);
            multiline_in_place(&mut many);
            assert_eq!((one, many), (line(s), multiline(s)), "{s:?}");
            let line_changed = line_if_changed(s).unwrap_or_else(|| s.to_string());
            let multiline_changed = multiline_if_changed(s).unwrap_or_else(|| s.to_string());
            assert_eq!((line_changed, multiline_changed), (line(s), multiline(s)));
        }
    }

    #[test]
    fn the_byte_check_passes_exactly_its_characters() {
        let mut chars = Vec::new();
        for c in (' '..='\u{1000}')
            .chain('\u{1E00}'..='\u{1F00}')
            .chain(['\n', '\u{1b}'])
        {
            let text = format!("a{c}b");
            let plain = is_plainly_inert(text.as_bytes(), true);
            let expected = matches!(c, ' '..='~' | '\n' | '\u{A0}'..='\u{2FF}' | '\u{1EA0}'..='\u{1EF9}')
                && c != '\u{AD}';
            assert_eq!(plain, expected, "{c:?} U+{:04X}", c as u32);
            if plain {
                assert!(!c.is_control() || c == '\n');
                assert!(is_surely_nfc(c) && !is_bidi_control(c));
                chars.push(c);
            }
        }
        assert!(!is_plainly_inert(b"a\nb", false));
        let vietnamese: String = "Quy chế dân chủ ở cơ sở: Đề nghị Sở công khai đầy đủ.".into();
        assert!(is_plainly_inert(vietnamese.as_bytes(), false));
        assert_eq!(chars.len(), 95 + 1 + 0x260 - 1 + 90);
    }

    #[test]
    fn the_surely_nfc_characters_are_nfc_in_any_order() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let chars = ('\u{0}'..'\u{300}').chain('\u{1EA0}'..='\u{1EF9}');
        for c in chars.filter(|c| is_surely_nfc(*c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick([c, c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
        assert!(!is_surely_nfc('\u{0301}'));
        assert!(is_inert(
            "Câu 1: Quy chế dân chủ có được công khai không?",
            false
        ));
        assert!(!is_inert("Ban Chi\u{0309} \u{0111}a\u{0323}o", false));
    }

    #[test]
    fn invisible_and_format_characters_are_dropped_and_separators_break_lines() {
        let hidden = "Đ\u{200B}ạt\u{200C}\u{200D} \u{2060}yêu\u{FEFF} cầu\u{00AD}\u{3164}\u{115F}\u{E0041}\u{E007F}.";
        assert_eq!(line(hidden), "Đạt yêu cầu.");
        assert_eq!(
            multiline("Dòng 1\u{2028}Dòng 2\u{2029}Dòng 3"),
            "Dòng 1\nDòng 2\nDòng 3"
        );
        assert_eq!(line("a\u{2028}b"), "a b");
        for c in ['\u{AD}', '\u{200B}', '\u{2028}', '\u{E0020}', '\u{FFA0}'] {
            let s = format!("x{c}y");
            assert!(!is_inert(&s, true) && !is_inert(&s, false), "{c:?}");
            assert!(line_if_changed(&s).is_some(), "{c:?}");
        }
    }

    #[test]
    fn documents_get_no_invisible_characters() {
        let hostile = "Sở\u{200B} Nội\u{FEFF} vụ\u{2028}\u{00AD}\u{E0041}\u{FFFF}\u{1b}[2J\u{202E}";
        assert_eq!(for_document(hostile), "Sở Nội vụ [2J");
        assert_eq!(
            for_document("Ban Chi\u{0309} \u{0111}a\u{0323}o"),
            "Ban Chỉ đạo"
        );
    }

    #[test]
    fn keeps_vietnamese_and_normalises_to_nfc() {
        let decomposed = "Ban Chi\u{0309} \u{0111}a\u{0323}o";
        assert_eq!(line(decomposed), "Ban Chỉ đạo");
        assert_eq!(multiline("Dòng 1\r\nDòng 2\tX"), "Dòng 1\nDòng 2    X");
    }
}
