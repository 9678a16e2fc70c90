//! How scores, percentages and times are written in reports, per language. Answer values
//! (numbers, dates) are written by [`crate::checklist::value`], the one home of that rule.

use super::score::Score;
use crate::checklist::value;
use crate::lang::Lang;
use crate::record::Timestamp;

/// A computed number (points) with at most two decimals, trailing zeros dropped.
pub fn number(n: f64, lang: Lang) -> String {
    value::format_rounded(n, 2, lang)
}

/// A number as an official Vietnamese document writes a count: a whole number below 10
/// takes a leading zero (`05`), as Nghị định 30/2020 writes days, months and counts; any
/// other number (and every number in English) as an answer is written
/// ([`value::format_number`]).
pub fn count(n: f64, lang: Lang) -> String {
    if lang == Lang::Vi && n.fract() == 0.0 && (0.0..10.0).contains(&n) {
        return format!("0{}", n as u8);
    }
    value::format_number(n, lang)
}

/// A fraction 0–1 as a percentage with one decimal at most: `83.3%` / `83,3%`.
pub fn percent(ratio: f64, lang: Lang) -> String {
    let s = format!("{:.1}", ratio * 100.0);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    match lang {
        Lang::Vi => format!("{}%", s.replace('.', ",")),
        Lang::En => format!("{s}%"),
    }
}

/// A score as a percentage, or `None` when nothing was scored.
pub fn score_percent(score: &Score, lang: Lang) -> Option<String> {
    score.ratio().map(|r| percent(r, lang))
}

/// Points earned out of possible: `3.5/7`.
pub fn points(score: &Score, lang: Lang) -> String {
    format!(
        "{}/{}",
        number(score.earned, lang),
        number(score.possible, lang)
    )
}

/// A `YYYY-MM-DD` date as the language writes it; anything else is returned unchanged.
pub fn date(s: &str, lang: Lang) -> String {
    value::format_date(s, lang)
}

/// A timestamp with its offset, as it is (callers move it to the time zone to show first,
/// see `Summary::shown_time`): `2026-11-23 09:30 (UTC+07:00)` / `09:30 23/11/2026 (UTC+07:00)`.
pub fn timestamp(t: &Timestamp, lang: Lang) -> String {
    format!(
        "{} ({})",
        value::format_date_time(&t.naive_local(), lang),
        t.format("UTC%:z")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percents_per_language() {
        assert_eq!(number(4.0, Lang::En), "4");
        assert_eq!(number(3.5, Lang::Vi), "3,5");
        assert_eq!(number(2.0 / 3.0, Lang::En), "0.67");
        assert_eq!(percent(0.5, Lang::En), "50%");
        assert_eq!(percent(5.0 / 6.0, Lang::Vi), "83,3%");
        assert_eq!(date("2026-03-15", Lang::Vi), "15/03/2026");
        assert_eq!(date("soon", Lang::Vi), "soon");
        assert_eq!(count(5.0, Lang::Vi), "05");
        assert_eq!(count(0.0, Lang::Vi), "00");
        assert_eq!(count(12.0, Lang::Vi), "12");
        assert_eq!(count(2.5, Lang::Vi), "2,5");
        assert_eq!(count(5.0, Lang::En), "5");
    }

    #[test]
    fn times_carry_their_offset() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-12-02T02:38:00+07:00").expect("t");
        assert_eq!(timestamp(&t, Lang::Vi), "02:38 02/12/2026 (UTC+07:00)");
        assert_eq!(timestamp(&t, Lang::En), "2026-12-02 02:38 (UTC+07:00)");
    }
}
