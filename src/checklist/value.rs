//! Answer values, and the one home of how numbers and dates are typed and shown.
//!
//! Stored values are language-neutral: a number is an `f64`, a date is `YYYY-MM-DD`. What the
//! inspector types is read in the UI language, and what any screen or report shows is
//! written in it:
//!
//! | | Vietnamese | English |
//! |---|---|---|
//! | decimals | `3,5` | `3.5` |
//! | thousands | `1.250` or `1 250` | `1,250` or `1 250` |
//! | dates typed | `02/12/2026`, `2/12/2026`, `2026-12-02` | `2026-12-02` |
//! | dates shown | `02/12/2026` | `2026-12-02` |
//!
//! Input that the UI language reads one way only is accepted; anything else (`3.5` or
//! `1.25` in Vietnamese, `3,5` in English, `02/12/2026` in English, a two-digit year) is
//! refused with a [`ValueError`] saying how to type it — never silently read another way.
//! The sentences are in `i18n::value`. This module knows nothing of records.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{HeaderType, QuestionType};
use crate::lang::Lang;

/// The value of an answer: a string for choice/text/date, a list for multi, a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// A number answer.
    Number(f64),
    /// A choice (option value), text, or date (`YYYY-MM-DD`).
    Text(String),
    /// The option values chosen in a multi question.
    Multi(Vec<String>),
}

impl AnswerValue {
    /// Whether the value answers the question: not blank text, not an empty list, a finite
    /// number. The one rule for progress, conditions and reports.
    pub fn is_answered(&self) -> bool {
        match self {
            AnswerValue::Text(s) => !s.trim().is_empty(),
            AnswerValue::Multi(v) => !v.is_empty(),
            AnswerValue::Number(n) => n.is_finite(),
        }
    }
}

/// What holds an answer value (the record's answers), so that visibility can be computed
/// without the format knowing the record.
pub trait Answered {
    /// The value, if one is given.
    fn answer_value(&self) -> Option<&AnswerValue>;
}

impl Answered for AnswerValue {
    fn answer_value(&self) -> Option<&AnswerValue> {
        Some(self)
    }
}

/// Why typed text is not a value of the type asked for. Each carries the text as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// No reading as a number at all (`mười`, `1e3`, `inf`).
    NotANumber(String),
    /// Digits with separators the UI language does not read that way (`3.5` in
    /// Vietnamese, `3,5` in English, `1.2.3`).
    Separators(String),
    /// Not a date in any accepted shape.
    NotADate(String),
    /// A day-first date (`02/12/2026`) typed in English, where it could also be month-first.
    DayFirst(String),
    /// A two-digit year (`2/12/26`).
    ShortYear(String),
    /// The shape of a date, but no such day (`31/02/2026`).
    NoSuchDay(String),
}

/// The decimal and thousands separators of a language.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => (',', '.'),
        Lang::En => ('.', ','),
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Whether `int` is digits grouped by threes with one kind of separator (`1.250.000`,
/// `1 250`), or plain digits. Returns the digits.
fn grouped_digits(int: &str, group: char) -> Option<String> {
    let sep = int.chars().find(|&c| c == group || is_space(c));
    let Some(sep) = sep else {
        return int
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| int.to_string());
    };
    let parts: Vec<&str> = if is_space(sep) {
        int.split(is_space).collect()
    } else {
        int.split(group).collect()
    };
    let first_ok = (1..=3).contains(&parts[0].len());
    let rest_ok = parts[1..].iter().all(|p| p.len() == 3);
    let digits_ok = parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    (first_ok && rest_ok && digits_ok).then(|| parts.concat())
}

/// Reads a number as typed in `lang`: an optional sign, digits optionally grouped by threes,
/// and decimals after the language's decimal separator. Spaces around are ignored.
pub fn parse_number(typed: &str, lang: Lang) -> Result<f64, ValueError> {
    let t = typed.trim_matches(|c: char| c.is_whitespace() || is_space(c));
    let (negative, body) = match t.chars().next() {
        Some('-' | '−') => (true, &t[t.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',') || is_space(c);
    if body.is_empty() || !body.chars().all(allowed) || !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(ValueError::NotANumber(t.to_string()));
    }
    let bad = || ValueError::Separators(t.to_string());
    let (decimal, group) = separators(lang);
    let (int, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    let int_digits = if int.is_empty() && frac.is_some() {
        "0".to_string()
    } else {
        grouped_digits(int, group).ok_or_else(bad)?
    };
    let canonical = match frac {
        Some(f) => format!("{}{int_digits}.{f}", if negative { "-" } else { "" }),
        None => format!("{}{int_digits}", if negative { "-" } else { "" }),
    };
    match canonical.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(if n == 0.0 { 0.0 } else { n }),
        _ => Err(ValueError::NotANumber(t.to_string())),
    }
}

/// Groups the digits of a non-negative integer string by threes.
fn group_thousands(digits: &str, group: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

/// Writes a plain decimal string (`-1250.5`) with the separators of `lang`.
fn localise(plain: &str, lang: Lang) -> String {
    let (decimal, group) = separators(lang);
    let (sign, body) = match plain.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", plain),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = format!("{sign}{}", group_thousands(int, group));
    if let Some(f) = frac {
        out.push(decimal);
        out.push_str(f);
    }
    if out == "-0" { "0".to_string() } else { out }
}

/// A number as every screen and report shows an answer: exactly as stored (no rounding),
/// with the language's separators: `1.250,5` / `1,250.5`. It reads back with
/// [`parse_number`] in the same language.
pub fn format_number(n: f64, lang: Lang) -> String {
    localise(&format!("{n}"), lang)
}

/// A computed number (points, averages) with at most `places` decimals, trailing zeros
/// dropped, with the language's separators.
pub fn format_rounded(n: f64, places: usize, lang: Lang) -> String {
    let mut s = format!("{n:.places$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    localise(&s, lang)
}

/// Reads `YYYY-MM-DD` strictly (the stored form; checklist defaults and conditions).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    parse_iso_date(s).is_some()
}

/// Splits `a<sep>b<sep>c` into three runs of digits, any of `seps` as the separator (one
/// kind only).
fn three_numbers<'a>(t: &'a str, seps: &[char]) -> Option<(&'a str, &'a str, &'a str)> {
    let sep = t.chars().find(|c| seps.contains(c))?;
    let parts: Vec<&str> = t.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (digits(a) && digits(b) && digits(c)).then_some((a, b, c))
}

/// Reads a date as typed in `lang`: `YYYY-MM-DD` (month and day may have one digit) in
/// every language; in Vietnamese also `dd/mm/yyyy` and `d/m/yyyy` (or with `-` or `.`).
pub fn parse_date(typed: &str, lang: Lang) -> Result<NaiveDate, ValueError> {
    let t = typed.trim();
    let no_day = || ValueError::NoSuchDay(t.to_string());
    let num = |s: &str| s.parse::<u32>().ok();
    let Some((a, b, c)) = three_numbers(t, &['-', '/', '.']) else {
        return Err(ValueError::NotADate(t.to_string()));
    };
    let year_first = a.len() == 4 && b.len() <= 2 && c.len() <= 2 && t.contains('-');
    if year_first {
        let (y, m, d) = (num(a), num(b), num(c));
        return match (y, m, d) {
            (Some(y), Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(no_day)
            }
            _ => Err(ValueError::NotADate(t.to_string())),
        };
    }
    let day_first = a.len() <= 2 && b.len() <= 2;
    if !day_first {
        return Err(ValueError::NotADate(t.to_string()));
    }
    if c.len() != 4 {
        return Err(if c.len() <= 2 {
            ValueError::ShortYear(t.to_string())
        } else {
            ValueError::NotADate(t.to_string())
        });
    }
    match lang {
        Lang::En => Err(ValueError::DayFirst(t.to_string())),
        Lang::Vi => match (num(c), num(b), num(a)) {
            (Some(y), Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(no_day)
            }
            _ => Err(ValueError::NotADate(t.to_string())),
        },
    }
}

/// Reads a date as typed in `lang` and returns the stored form `YYYY-MM-DD`.
pub fn normalise_date(typed: &str, lang: Lang) -> Result<String, ValueError> {
    parse_date(typed, lang).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Reads a number as typed in `lang` and returns the stored text form (`1250.5`), for
/// header fields, which are kept as text.
pub fn normalise_number(typed: &str, lang: Lang) -> Result<String, ValueError> {
    parse_number(typed, lang).map(|n| format!("{n}"))
}

/// A stored `YYYY-MM-DD` date as every screen and report shows it: `02/12/2026` in
/// Vietnamese, `2026-12-02` in English. Anything else is returned unchanged.
pub fn format_date(stored: &str, lang: Lang) -> String {
    match (parse_iso_date(stored.trim()), lang) {
        (Some(d), Lang::Vi) => d.format("%d/%m/%Y").to_string(),
        (Some(d), Lang::En) => d.format("%Y-%m-%d").to_string(),
        (None, _) => stored.to_string(),
    }
}

/// A date and time of day as every screen and report shows one: `08:15 02/12/2026` /
/// `2026-12-02 08:15` (callers move it to the zone to show first).
pub fn format_date_time(t: &chrono::NaiveDateTime, lang: Lang) -> String {
    match lang {
        Lang::Vi => t.format("%H:%M %d/%m/%Y").to_string(),
        Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// A stored number kept as text (header fields) as screens and reports show it; text that
/// is not a plain number is returned unchanged.
pub fn format_number_text(stored: &str, lang: Lang) -> String {
    let t = stored.trim();
    let plain = !t.is_empty()
        && t.strip_prefix('-')
            .unwrap_or(t)
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.');
    match t.parse::<f64>() {
        Ok(n) if plain && n.is_finite() => format_number(n, lang),
        _ => stored.to_string(),
    }
}

/// Reads a header field's value typed in `lang` and gives the form to store (text as it is
/// but trimmed, dates `YYYY-MM-DD`, numbers with a decimal point; empty stays empty).
pub fn normalise_header(kind: HeaderType, typed: &str, lang: Lang) -> Result<String, ValueError> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    match kind {
        HeaderType::Text => Ok(t.to_string()),
        HeaderType::Date => normalise_date(t, lang),
        HeaderType::Number => normalise_number(t, lang),
    }
}

/// A header field's stored value as screens and reports show it (and as its editor starts).
pub fn format_header(kind: HeaderType, stored: &str, lang: Lang) -> String {
    match kind {
        HeaderType::Date => format_date(stored, lang),
        HeaderType::Number => format_number_text(stored, lang),
        HeaderType::Text => stored.to_string(),
    }
}

/// A text, number or date answer as its one-line editor starts: the way it is shown, which
/// reads back as the same value.
pub fn editable(kind: QuestionType, value: &AnswerValue, lang: Lang) -> String {
    match (kind, value) {
        (_, AnswerValue::Number(n)) => format_number(*n, lang),
        (QuestionType::Date, AnswerValue::Text(d)) => format_date(d, lang),
        (_, AnswerValue::Text(t)) => t.clone(),
        (_, AnswerValue::Multi(vs)) => vs.join(", "),
    }
}

/// How a date is typed in `lang`, for hints: `dd/mm/yyyy` / `YYYY-MM-DD`.
pub fn date_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "dd/mm/yyyy",
        Lang::En => "YYYY-MM-DD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    #[test]
    fn vietnamese_numbers_use_a_decimal_comma_and_a_thousands_dot() {
        assert_eq!(parse_number("1.250", Vi), Ok(1250.0));
        assert_eq!(parse_number("1.250.000", Vi), Ok(1_250_000.0));
        assert_eq!(parse_number("3,5", Vi), Ok(3.5));
        assert_eq!(parse_number("1.250,75", Vi), Ok(1250.75));
        assert_eq!(parse_number(" 1 250 ", Vi), Ok(1250.0));
        assert_eq!(parse_number("-2", Vi), Ok(-2.0));
        assert_eq!(parse_number(",5", Vi), Ok(0.5));
        for refused in ["3.5", "1.25", "1,250.5", "12,", "1.2.3", "1.2500"] {
            assert_eq!(
                parse_number(refused, Vi),
                Err(ValueError::Separators(refused.into())),
                "{refused}"
            );
        }
        for junk in ["mười", "1e3", "inf", "NaN", "", "-", "1-2"] {
            assert!(
                matches!(parse_number(junk, Vi), Err(ValueError::NotANumber(_))),
                "{junk}"
            );
        }
    }

    #[test]
    fn english_numbers_use_a_decimal_point_and_a_thousands_comma() {
        assert_eq!(parse_number("1,250", En), Ok(1250.0));
        assert_eq!(parse_number("3.5", En), Ok(3.5));
        assert_eq!(parse_number("1,250.5", En), Ok(1250.5));
        assert_eq!(parse_number("1.250", En), Ok(1.25));
        assert_eq!(
            parse_number("3,5", En),
            Err(ValueError::Separators("3,5".into()))
        );
    }

    #[test]
    fn numbers_are_shown_with_the_language_separators_and_read_back() {
        assert_eq!(format_number(1250.0, Vi), "1.250");
        assert_eq!(format_number(1250.5, Vi), "1.250,5");
        assert_eq!(format_number(1250.5, En), "1,250.5");
        assert_eq!(format_number(-0.0, En), "0");
        assert_eq!(format_number(85.0, Vi), "85");
        assert_eq!(format_number(0.125, Vi), "0,125");
        assert_eq!(format_rounded(2.0 / 3.0, 2, Vi), "0,67");
        assert_eq!(format_rounded(4.0, 2, En), "4");
        for n in [0.0, 1.0, -3.5, 1250.0, 1_234_567.891, 0.001, 85.0, -1250.25] {
            for lang in [Vi, En] {
                assert_eq!(parse_number(&format_number(n, lang), lang), Ok(n), "{n}");
            }
        }
    }

    #[test]
    fn dates_are_typed_day_first_in_vietnamese_and_iso_everywhere() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 2);
        assert_eq!(parse_date("02/12/2026", Vi).ok(), d);
        assert_eq!(parse_date("2/12/2026", Vi).ok(), d);
        assert_eq!(parse_date("2-12-2026", Vi).ok(), d);
        assert_eq!(parse_date("2026-12-02", Vi).ok(), d);
        assert_eq!(parse_date("2026-12-02", En).ok(), d);
        assert_eq!(parse_date("2026-12-2", En).ok(), d);
        assert_eq!(
            parse_date("02/12/2026", En),
            Err(ValueError::DayFirst("02/12/2026".into()))
        );
        assert_eq!(
            parse_date("2/12/26", Vi),
            Err(ValueError::ShortYear("2/12/26".into()))
        );
        assert_eq!(
            parse_date("31/02/2026", Vi),
            Err(ValueError::NoSuchDay("31/02/2026".into()))
        );
        assert_eq!(
            parse_date("2026-02-29", En),
            Err(ValueError::NoSuchDay("2026-02-29".into()))
        );
        assert!(matches!(
            parse_date("hôm nay", Vi),
            Err(ValueError::NotADate(_))
        ));
        assert!(matches!(
            parse_date("2026/12/02", Vi),
            Err(ValueError::NotADate(_))
        ));
        assert_eq!(format_date("2026-12-02", Vi), "02/12/2026");
        assert_eq!(format_date("2026-12-02", En), "2026-12-02");
        assert_eq!(format_date("soon", Vi), "soon");
        assert_eq!(
            normalise_date(&format_date("2026-02-20", Vi), Vi).as_deref(),
            Ok("2026-02-20")
        );
    }

    #[test]
    fn header_numbers_are_stored_plain_and_shown_localised() {
        assert_eq!(normalise_number("1.250", Vi).as_deref(), Ok("1250"));
        assert_eq!(format_number_text("1250", Vi), "1.250");
        assert_eq!(format_number_text("QĐ 12/2026", Vi), "QĐ 12/2026");
    }
}
