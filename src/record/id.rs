//! Readable, sortable record ids: `YYYYMMDD-HHMM-<slug>`, e.g. `20261123-0930-so-thong-tin-va`.
//!
//! The slug is the organisation header field folded to ASCII (Vietnamese diacritics
//! dropped, `đ` → `d`), cut at a word boundary; without an organisation, the checklist id.
//! Ids are made unique against the records dir by appending `-2`, `-3`, ….

use std::path::Path;

use super::model::{Record, Timestamp};

/// Longest slug, in ASCII characters.
pub const MAX_SLUG: usize = 24;

/// Header field ids that name the inspected organisation, in order of preference.
pub const ORGANISATION_FIELDS: [&str; 5] =
    ["organisation", "organization", "org", "don-vi", "unit"];

/// The organisation named in the record's header (non-empty): one of
/// `ORGANISATION_FIELDS`, else the first text field of the title page if filled. Ids, the
/// list, reports and aggregate all name an inspection by this.
pub fn organisation(record: &Record) -> Option<&str> {
    let value = |id: &str| {
        record
            .header
            .get(id)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    };
    ORGANISATION_FIELDS
        .iter()
        .find_map(|f| value(f))
        .or_else(|| {
            record
                .checklist
                .header
                .iter()
                .find(|h| h.kind == crate::checklist::HeaderType::Text)
                .and_then(|h| value(&h.id))
        })
}

/// Folds text to lowercase ASCII words joined by `-`, at most `max` characters, cut at a
/// word boundary (a single word longer than `max` is cut hard).
pub fn slug(text: &str, max: usize) -> String {
    let folded: String = crate::fold::fold(text)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::new();
    for word in folded.split_whitespace() {
        let extra = if out.is_empty() { 0 } else { 1 } + word.len();
        if out.len() + extra > max {
            if out.is_empty() {
                out.push_str(&word[..max]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// The id a record would get before uniqueness: its creation time and slug.
pub fn base_id(record: &Record) -> String {
    let slug = organisation(record)
        .map(|o| slug(o, MAX_SLUG))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slug(&record.checklist.id, MAX_SLUG));
    let slug = if slug.is_empty() {
        "inspection".to_string()
    } else {
        slug
    };
    format!("{}-{}", stamp(&record.created_at), slug)
}

/// Whether the record's id was made before its organisation was known (from the checklist
/// id: `<stamp>-<checklist>` or `<stamp>-<checklist>-<n>`) and the organisation is known now,
/// so that the record should be named after it (see `Store::rename_for_organisation`).
pub fn named_before_organisation(record: &Record) -> bool {
    let Some(org) = organisation(record).map(|o| slug(o, MAX_SLUG)) else {
        return false;
    };
    if org.is_empty() {
        return false;
    }
    let from_checklist = format!(
        "{}-{}",
        stamp(&record.created_at),
        slug(&record.checklist.id, MAX_SLUG)
    );
    let Some(rest) = record.id.strip_prefix(&from_checklist) else {
        return false;
    };
    let suffix_ok = rest.is_empty()
        || rest
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    suffix_ok && base_id(record) != from_checklist
}

/// `YYYYMMDD-HHMM` in the timestamp's own offset (the inspector's local time).
pub fn stamp(t: &Timestamp) -> String {
    t.format("%Y%m%d-%H%M").to_string()
}

/// The `n`-th candidate for a base id: `base`, then `base-2`, `base-3`, ….
pub fn candidate(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}-{n}")
    }
}

/// The first candidate whose `<id>.json` does not exist in `dir`.
pub fn unique_id(dir: &Path, base: &str) -> String {
    (1..)
        .map(|n| candidate(base, n))
        .find(|id| !dir.join(format!("{id}.json")).exists())
        .unwrap_or_else(|| base.to_string())
}

/// Whether a string is shaped like a record id (safe as a file name).
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with(['.', '-'])
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn folds_vietnamese_precomposed_and_decomposed() {
        assert_eq!(
            slug("Sở Thông tin và Truyền thông", 40),
            "so-thong-tin-va-truyen-thong"
        );
        let decomposed: String = "Sở Thông tin và Truyền thông".nfd().collect();
        assert_eq!(slug(&decomposed, 40), "so-thong-tin-va-truyen-thong");
        assert_eq!(slug("ĐẢNG ỦY Đồng Nai", 40), "dang-uy-dong-nai");
    }

    #[test]
    fn cuts_at_a_word_boundary() {
        let s = slug("Sở Thông tin và Truyền thông", MAX_SLUG);
        assert_eq!(s, "so-thong-tin-va-truyen");
        assert!(s.len() <= MAX_SLUG);
        assert_eq!(slug("Supercalifragilisticexpialidocious", 10), "supercalif");
        assert_eq!(slug("  !!  ", 10), "");
    }

    #[test]
    fn the_organisation_is_a_known_field_else_the_first_text_field() {
        let mut r = crate::session::tests::record();
        let mut checklist = (*r.checklist).clone();
        checklist.header.retain(|h| h.id != "organisation");
        checklist.header.insert(
            0,
            serde_json::from_str(r#"{"id": "site", "label": "Nơi kiểm tra"}"#).unwrap(),
        );
        r.checklist = std::sync::Arc::new(checklist);
        assert_eq!(organisation(&r), None);
        r.header.insert("site".into(), "Trụ sở chính".into());
        assert_eq!(organisation(&r), Some("Trụ sở chính"));
        r.header.insert("don-vi".into(), " Sở Y tế ".into());
        assert_eq!(organisation(&r), Some("Sở Y tế"));
    }

    #[test]
    fn a_record_named_from_its_checklist_is_renamed_once_the_organisation_is_known() {
        let mut r = crate::session::tests::record();
        r.id = format!("{}-t", stamp(&r.created_at));
        assert!(!named_before_organisation(&r), "no organisation yet");
        r.header.insert("organisation".into(), "Sở Nội vụ".into());
        assert!(named_before_organisation(&r));
        r.id = format!("{}-t-3", stamp(&r.created_at));
        assert!(named_before_organisation(&r));
        r.id = base_id(&r);
        assert!(r.id.ends_with("-so-noi-vu"));
        assert!(!named_before_organisation(&r), "already named after it");
    }

    #[test]
    fn candidates_and_validity() {
        assert_eq!(candidate("a", 1), "a");
        assert_eq!(candidate("a", 3), "a-3");
        assert!(is_valid("20261123-0930-so-tttt"));
        assert!(!is_valid("../etc/passwd"));
        assert!(!is_valid(""));
    }
}
