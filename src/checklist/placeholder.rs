//! `{id}` placeholders in checklist texts that documents fill from the record: a header
//! field (`{unit-short}`, the unit's short name) or an earlier question's answer
//! (`{staff-total}`). Any other brace is literal text.
//!
//! The format only says where placeholders are and which ids they name; the values come
//! from whoever renders (reports and documents), which leaves a visible dotted blank for a
//! value that is missing, never a guess.

use super::model::is_valid_id;

/// The blank written for a placeholder whose value is missing: a clerk fills it by hand.
pub const BLANK: &str = "……";

/// One piece of a text: literal text or a placeholder's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text written as it is.
    Literal(&'a str),
    /// `{id}`: the id named.
    Field(&'a str),
}

/// Splits a text into literal pieces and placeholders, in order.
pub fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut literal_start = 0;
    let mut at = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let id = after.find('}').map(|close| &after[..close]);
        match id {
            Some(id) if is_valid_id(id) => {
                let start = at + open;
                if start > literal_start {
                    out.push(Piece::Literal(&s[literal_start..start]));
                }
                out.push(Piece::Field(id));
                at = start + id.len() + 2;
                literal_start = at;
            }
            _ => at += open + 1,
        }
        rest = &s[at..];
    }
    if literal_start < s.len() {
        out.push(Piece::Literal(&s[literal_start..]));
    }
    out
}

/// The ids a text names, in order (repeats kept).
pub fn names(s: &str) -> impl Iterator<Item = &str> {
    pieces(s).into_iter().filter_map(|p| match p {
        Piece::Field(id) => Some(id),
        Piece::Literal(_) => None,
    })
}

/// The text with each placeholder replaced by `value(id)`, or by [`BLANK`] when that
/// gives nothing (or only blanks).
pub fn fill(s: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(s.len());
    for p in pieces(s) {
        match p {
            Piece::Literal(t) => out.push_str(t),
            Piece::Field(id) => match value(id).filter(|v| !v.trim().is_empty()) {
                Some(v) => out.push_str(v.trim()),
                None => out.push_str(BLANK),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_and_keeps_other_braces() {
        assert_eq!(
            pieces("Sở {unit-short} có {staff-total} người"),
            vec![
                Piece::Literal("Sở "),
                Piece::Field("unit-short"),
                Piece::Literal(" có "),
                Piece::Field("staff-total"),
                Piece::Literal(" người"),
            ]
        );
        assert_eq!(pieces("{a}{b}"), vec![Piece::Field("a"), Piece::Field("b")]);
        assert_eq!(
            pieces("x {Not an id} {} {"),
            vec![Piece::Literal("x {Not an id} {} {")]
        );
        assert_eq!(names("{x} and {{y}}").collect::<Vec<_>>(), vec!["x", "y"]);
        assert_eq!(
            pieces("Đã có “{n}”"),
            vec![
                Piece::Literal("Đã có “"),
                Piece::Field("n"),
                Piece::Literal("”")
            ]
        );
    }

    #[test]
    fn fills_known_values_and_blanks_the_rest() {
        let value = |id: &str| match id {
            "unit" => Some("Sở Nội vụ".to_string()),
            "empty" => Some("  ".to_string()),
            _ => None,
        };
        assert_eq!(fill("{unit} có {n} người", value), "Sở Nội vụ có …… người");
        assert_eq!(fill("{empty}.", value), "…….");
        assert_eq!(fill("no placeholder {", value), "no placeholder {");
    }
}
