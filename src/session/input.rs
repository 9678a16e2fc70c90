//! Validating what the inspector types into an answer or header field. Numbers and dates
//! are read by [`crate::checklist::value`] in the UI language; this adds the question's
//! own rules (whole number, range, options).

use super::SessionError;
use crate::checklist::value::{self, AnswerValue};
use crate::checklist::{OptionDef, Question};
use crate::lang::Lang;

/// Reads a number as typed in `lang` (see [`value::parse_number`]).
pub fn parse_number(s: &str, lang: Lang) -> Result<f64, SessionError> {
    value::parse_number(s, lang).map_err(SessionError::Value)
}

/// Reads a date as typed in `lang` and gives its stored form `YYYY-MM-DD`.
pub fn parse_date(s: &str, lang: Lang) -> Result<String, SessionError> {
    value::normalise_date(s, lang).map_err(SessionError::Value)
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
    lang: Lang,
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
            let n = check_number(q, parse_number(typed, lang)?)?;
            Ok(Some(AnswerValue::Number(n)))
        }
        T::Date => Ok(Some(AnswerValue::Text(parse_date(typed, lang)?))),
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
    use crate::checklist::value::ValueError;

    #[test]
    fn numbers_and_dates_are_read_in_the_ui_language() {
        assert_eq!(parse_number(" 3,5 ", Lang::Vi), Ok(3.5));
        assert_eq!(parse_number("1.250", Lang::Vi), Ok(1250.0));
        assert_eq!(
            parse_number("3,5", Lang::En),
            Err(SessionError::Value(ValueError::Separators("3,5".into())))
        );
        assert!(matches!(
            parse_number("mười", Lang::Vi),
            Err(SessionError::Value(ValueError::NotANumber(_)))
        ));
        assert_eq!(
            parse_date("02/12/2026", Lang::Vi).as_deref(),
            Ok("2026-12-02")
        );
        assert_eq!(
            parse_date("2024-02-29", Lang::En).as_deref(),
            Ok("2024-02-29")
        );
        assert!(matches!(
            parse_date("2026-02-29", Lang::En),
            Err(SessionError::Value(ValueError::NoSuchDay(_)))
        ));
        assert!(matches!(
            parse_date("25/11/2026", Lang::En),
            Err(SessionError::Value(ValueError::DayFirst(_)))
        ));
    }
}
