//! Parsing and validating what the inspector types into an answer or header field.

use chrono::NaiveDate;

use super::SessionError;
use crate::checklist::{OptionDef, Question};
use crate::record::AnswerValue;

/// Parses a number as typed: `12`, `-3.5`, `3,5` (decimal comma), with spaces around.
pub fn parse_number(s: &str) -> Result<f64, SessionError> {
    let t = s.trim();
    let normalised = if t.contains(',') && !t.contains('.') {
        t.replacen(',', ".", 1)
    } else {
        t.to_string()
    };
    match normalised.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(SessionError::NotANumber(t.to_string())),
    }
}

/// Parses a real calendar date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, SessionError> {
    let t = s.trim();
    let ok_shape = t.len() == 10 && t.as_bytes().get(4) == Some(&b'-');
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) if ok_shape => Ok(d),
        _ => Err(SessionError::BadDate(t.to_string())),
    }
}

/// Checks a number against a question's `integer`, `min` and `max`.
pub fn check_number(q: &Question, n: f64) -> Result<f64, SessionError> {
    if q.integer && n.fract() != 0.0 {
        return Err(SessionError::NotInteger);
    }
    if q.min.is_some_and(|m| n < m) || q.max.is_some_and(|m| n > m) {
        return Err(SessionError::OutOfRange {
            min: q.min,
            max: q.max,
        });
    }
    Ok(n)
}

/// Finds an option by its value, or by its 1-based number typed as text.
pub fn find_option<'a>(
    options: &'a [OptionDef],
    typed: &str,
) -> Result<&'a OptionDef, SessionError> {
    let t = typed.trim();
    if let Some(o) = options.iter().find(|o| o.value == t) {
        return Ok(o);
    }
    t.parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| options.get(i))
        .ok_or_else(|| SessionError::NoSuchOption(t.to_string()))
}

/// Turns typed input into the answer value for a text, number, date or choice question.
/// Empty input means "no answer" (`Ok(None)`).
pub fn parse_answer(
    q: &Question,
    options: &[OptionDef],
    typed: &str,
) -> Result<Option<AnswerValue>, SessionError> {
    use crate::checklist::QuestionType as T;
    if typed.trim().is_empty() {
        return match q.kind {
            T::Info => Err(SessionError::NotAnswerable),
            _ => Ok(None),
        };
    }
    match q.kind {
        T::Text => Ok(Some(AnswerValue::Text(crate::sanitize::line(typed.trim())))),
        T::Number => {
            let n = check_number(q, parse_number(typed)?)?;
            Ok(Some(AnswerValue::Number(n)))
        }
        T::Date => Ok(Some(AnswerValue::Text(
            parse_date(typed)?.format("%Y-%m-%d").to_string(),
        ))),
        T::Choice => Ok(Some(AnswerValue::Text(
            find_option(options, typed)?.value.clone(),
        ))),
        T::Multi => {
            let mut chosen = Vec::new();
            for part in typed.split(',').filter(|p| !p.trim().is_empty()) {
                chosen.push(find_option(options, part)?.value.clone());
            }
            Ok(Some(AnswerValue::Multi(in_option_order(options, &chosen))))
        }
        T::Info => Err(SessionError::NotAnswerable),
    }
}

/// The chosen values, deduplicated and in the order the options are listed.
pub fn in_option_order(options: &[OptionDef], chosen: &[String]) -> Vec<String> {
    options
        .iter()
        .filter(|o| chosen.contains(&o.value))
        .map(|o| o.value.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_decimal_comma_and_reject_junk() {
        assert_eq!(parse_number(" 3,5 "), Ok(3.5));
        assert_eq!(parse_number("12"), Ok(12.0));
        assert!(matches!(
            parse_number("mười"),
            Err(SessionError::NotANumber(_))
        ));
        assert!(matches!(
            parse_number("inf"),
            Err(SessionError::NotANumber(_))
        ));
        assert!(matches!(
            parse_number("NaN"),
            Err(SessionError::NotANumber(_))
        ));
    }

    #[test]
    fn dates_must_be_real() {
        assert!(parse_date("2026-02-28").is_ok());
        assert!(parse_date("2024-02-29").is_ok());
        assert!(matches!(
            parse_date("2026-02-29"),
            Err(SessionError::BadDate(_))
        ));
        assert!(matches!(
            parse_date("2026-13-01"),
            Err(SessionError::BadDate(_))
        ));
        assert!(matches!(
            parse_date("26-1-1"),
            Err(SessionError::BadDate(_))
        ));
        assert!(matches!(
            parse_date("25/11/2026"),
            Err(SessionError::BadDate(_))
        ));
    }
}
