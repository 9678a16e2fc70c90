//! Making a new record from a checklist: header defaults (`today`), `--set FIELD=VALUE`
//! pre-fills read in the UI language and checked against the header fields' types (by
//! [`crate::checklist::value`]), and the starting position.

use indexmap::IndexMap;

use super::id;
use super::model::{Position, RECORD_FORMAT, Record, Screen, Status, Timestamp};
use crate::checklist::value;
use crate::checklist::visibility::visible;
use crate::checklist::{Checklist, HeaderField, HeaderType};
use crate::lang::Lang;
use crate::sanitize;

/// A `--set FIELD=VALUE` refused (the sentence is `i18n::cli::set_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetError {
    /// Not of the form `FIELD=VALUE`.
    Syntax(String),
    /// The checklist has no header field of that name.
    UnknownField {
        field: String,
        checklist: String,
        known: Vec<String>,
    },
    /// The value does not fit the field's type.
    BadValue {
        field: String,
        error: value::ValueError,
    },
}

/// Splits a `--set` argument `FIELD=VALUE` (the value may contain `=` and be empty).
pub fn parse_set(arg: &str) -> Result<(String, String), SetError> {
    match arg.split_once('=') {
        Some((field, value)) if !field.trim().is_empty() => {
            Ok((field.trim().to_string(), value.to_string()))
        }
        _ => Err(SetError::Syntax(arg.to_string())),
    }
}

/// Checks a header value typed in `lang` against its field's type; returns the value to
/// store (dates `YYYY-MM-DD`, numbers with a decimal point).
pub fn check_header_value(
    field: &HeaderField,
    value: &str,
    lang: Lang,
) -> Result<String, SetError> {
    value::normalise_header(field.kind, &sanitize::line(value), lang).map_err(|error| {
        SetError::BadValue {
            field: field.id.clone(),
            error,
        }
    })
}

/// A new, unsaved record: header defaults filled (`today` → the date of `now`), then the
/// `sets` applied and checked. Its id is the base id; `Store::create` makes it unique.
pub fn new_record(
    checklist: Checklist,
    sets: &[(String, String)],
    now: Timestamp,
    lang: Lang,
) -> Result<Record, SetError> {
    let mut header: IndexMap<String, String> = IndexMap::new();
    for field in &checklist.header {
        let value = match field.default.as_deref() {
            Some("today") if field.kind == HeaderType::Date => {
                now.date_naive().format("%Y-%m-%d").to_string()
            }
            Some(d) => sanitize::line(d),
            None => String::new(),
        };
        header.insert(field.id.clone(), value);
    }
    for (name, value) in sets {
        let Some(field) = checklist.header.iter().find(|f| f.id == *name) else {
            return Err(SetError::UnknownField {
                field: name.clone(),
                checklist: checklist.id.clone(),
                known: checklist.header.iter().map(|f| f.id.clone()).collect(),
            });
        };
        let value = check_header_value(field, value, lang)?;
        header.insert(field.id.clone(), value);
    }
    let missing = checklist
        .header
        .iter()
        .any(|f| f.required && header.get(&f.id).is_none_or(|v| v.trim().is_empty()));
    let shown = visible(&checklist, &IndexMap::<String, super::Answer>::new());
    let first = checklist
        .questions()
        .zip(shown)
        .find(|(_, v)| *v)
        .map(|((_, q), _)| q.id.clone());
    let mut record = Record {
        format: RECORD_FORMAT.to_string(),
        id: String::new(),
        status: Status::InProgress,
        created_at: now,
        updated_at: now,
        finished_at: None,
        checklist: std::sync::Arc::new(checklist),
        header,
        answers: IndexMap::new(),
        general_notes: String::new(),
        position: Position {
            screen: if missing {
                Screen::Header
            } else {
                Screen::Questions
            },
            question: first,
        },
        recommendations: Vec::new(),
        follow_up: None,
        draft: None,
        changes: Vec::new(),
        team: None,
        extra: IndexMap::new(),
    };
    record.id = id::base_id(&record);
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checklist() -> Checklist {
        serde_json::from_value(serde_json::json!({
            "format": "onsite-checklist/1", "id": "qcdc-agency", "version": "1",
            "title": {"vi": "Kiểm tra dân chủ cơ sở", "en": "Grassroots democracy"},
            "header": [
                {"id": "organisation", "label": "Cơ quan", "required": true},
                {"id": "date", "label": "Ngày", "type": "date", "default": "today"},
                {"id": "staff", "label": "Số cán bộ", "type": "number"},
                {"id": "team", "label": "Đoàn", "default": "Đoàn kiểm tra số 1"}
            ],
            "sections": [{"id": "s1", "title": "Một", "questions": [
                {"id": "intro", "type": "info", "prompt": "Giới thiệu"},
                {"id": "q1", "type": "text", "prompt": "Câu 1"}
            ]}]
        }))
        .unwrap()
    }

    fn now() -> Timestamp {
        Timestamp::parse_from_rfc3339("2026-11-23T09:30:00+07:00").unwrap()
    }

    #[test]
    fn fills_defaults_and_sets() {
        let sets = vec![
            parse_set("organisation=Sở Thông tin và Truyền thông").unwrap(),
            parse_set("staff=42").unwrap(),
        ];
        let r = new_record(checklist(), &sets, now(), Lang::Vi).unwrap();
        assert_eq!(r.header["date"], "2026-11-23");
        assert_eq!(r.header["team"], "Đoàn kiểm tra số 1");
        assert_eq!(r.header["staff"], "42");
        assert_eq!(r.id, "20261123-0930-so-thong-tin-va-truyen");
        assert_eq!(r.position.screen, Screen::Questions);
        assert_eq!(r.position.question.as_deref(), Some("intro"));
    }

    #[test]
    fn missing_required_header_opens_the_form() {
        let r = new_record(checklist(), &[], now(), Lang::En).unwrap();
        assert_eq!(r.position.screen, Screen::Header);
        assert_eq!(r.id, "20261123-0930-qcdc-agency");
    }

    #[test]
    fn rejects_unknown_fields_and_bad_values() {
        // The sentences are made in `i18n`; the test reads them as the user does.
        let set = |k: &str, v: &str, lang| {
            new_record(checklist(), &[(k.into(), v.into())], now(), lang)
                .map_err(|e| crate::i18n::cli::set_error(lang, &e))
        };
        let e = set("orgnisation", "x", Lang::En).unwrap_err();
        assert!(
            e.contains("`orgnisation`") && e.contains("organisation, date, staff, team"),
            "{e}"
        );
        let e = set("orgnisation", "x", Lang::Vi).unwrap_err();
        assert!(e.starts_with("không có trường `orgnisation`"), "{e}");
        for bad in ["2026-02-30", "23/11/2026"] {
            let e = set("date", bad, Lang::En).unwrap_err();
            assert!(e.contains("`date`") && e.contains(bad), "{e}");
        }
        let e = set("date", "31/02/2026", Lang::Vi).unwrap_err();
        assert_eq!(e, "trường `date`: `31/02/2026` không phải là ngày có thật");
        let e = set("staff", "nhiều", Lang::En).unwrap_err();
        assert!(e.contains("not a number"), "{e}");
        let e = set("staff", "3.5", Lang::Vi).unwrap_err();
        assert!(e.contains("3,5"), "{e}");
        assert!(parse_set("novalue").is_err());
        let e = parse_set("=x").unwrap_err();
        assert!(crate::i18n::cli::set_error(Lang::Vi, &e).contains("TRƯỜNG=GIÁ_TRỊ"));
        assert_eq!(parse_set("a=b=c").unwrap(), ("a".into(), "b=c".into()));
    }

    #[test]
    fn vietnamese_dates_and_numbers_are_stored_plain() {
        let sets = vec![
            ("date".to_string(), "2/12/2026".to_string()),
            ("staff".to_string(), "1.250".to_string()),
        ];
        let r = new_record(checklist(), &sets, now(), Lang::Vi).unwrap();
        assert_eq!(r.header["date"], "2026-12-02");
        assert_eq!(r.header["staff"], "1250");
    }
}
