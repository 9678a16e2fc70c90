//! How numbers, scores and dates are written in reports, per language
//! (Vietnamese: decimal comma, dates `DD/MM/YYYY`).

use chrono::NaiveDate;

use super::score::Score;
use crate::i18n::Lang;
use crate::record::Timestamp;

/// A number with at most two decimals, trailing zeros dropped.
pub fn number(n: f64, lang: Lang) -> String {
    let mut s = format!("{n:.2}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A number as an official Vietnamese document writes a count: a whole number below 10
/// takes a leading zero (`05`), as Nghị định 30/2020 writes days, months and counts; any
/// other number (and every number in English) as [`number`].
pub fn count(n: f64, lang: Lang) -> String {
    if lang == Lang::Vi && n.fract() == 0.0 && (0.0..10.0).contains(&n) {
        return format!("0{}", n as u8);
    }
    number(n, lang)
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
    match (NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d"), lang) {
        (Ok(d), Lang::Vi) => d.format("%d/%m/%Y").to_string(),
        (Ok(d), Lang::En) => d.format("%Y-%m-%d").to_string(),
        (Err(_), _) => s.to_string(),
    }
}

/// A timestamp with its offset: `2026-11-23 09:30 (+07:00)` / `09:30 23/11/2026 (+07:00)`.
pub fn timestamp(t: &Timestamp, lang: Lang) -> String {
    match lang {
        Lang::En => t.format("%Y-%m-%d %H:%M (%:z)").to_string(),
        Lang::Vi => t.format("%H:%M %d/%m/%Y (%:z)").to_string(),
    }
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
}
