//! Making a new record from a checklist: header defaults (`today`), `--set FIELD=VALUE`
//! pre-fills checked against the header fields' types, and the starting position.

use indexmap::IndexMap;

use super::id;
use super::model::{Position, RECORD_FORMAT, Record, Screen, Status, Timestamp};
use crate::checklist::visibility::visible;
use crate::checklist::{Checklist, HeaderField, HeaderType};
use crate::sanitize;

/// Splits a `--set` argument `FIELD=VALUE` (the value may contain `=` and be empty).
pub fn parse_set(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((field, value)) if !field.trim().is_empty() => {
            Ok((field.trim().to_string(), value.to_string()))
        }
        _ => Err(format!(
            "--set takes FIELD=VALUE (e.g. --set organisation=\"Sở Nội vụ\"), not `{}`",
            sanitize::line(arg)
        )),
    }
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Checks a header value against its field's type; returns the value to store.
pub fn check_header_value(field: &HeaderField, value: &str) -> Result<String, String> {
    let value = sanitize::line(value).trim().to_string();
    if value.is_empty() {
        return Ok(value);
    }
    match field.kind {
        HeaderType::Text => Ok(value),
        HeaderType::Date if is_date(&value) => Ok(value),
        HeaderType::Date => Err(format!(
            "header field `{}` takes a date YYYY-MM-DD (e.g. 2026-11-23), not `{value}`",
            field.id
        )),
        HeaderType::Number => match value.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(value),
            _ => Err(format!(
                "header field `{}` takes a number, not `{value}`",
                field.id
            )),
        },
    }
}

/// A new, unsaved record: header defaults filled (`today` → the date of `now`), then the
/// `sets` applied and checked. Its id is the base id; `Store::create` makes it unique.
pub fn new_record(
    checklist: Checklist,
    sets: &[(String, String)],
    now: Timestamp,
) -> Result<Record, String> {
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
            let known: Vec<&str> = checklist.header.iter().map(|f| f.id.as_str()).collect();
            return Err(if known.is_empty() {
                format!(
                    "unknown header field `{}`: checklist `{}` has no header fields",
                    sanitize::line(name),
                    checklist.id
                )
            } else {
                format!(
                    "unknown header field `{}`; checklist `{}` knows: {}",
                    sanitize::line(name),
                    checklist.id,
                    known.join(", ")
                )
            });
        };
        let value = check_header_value(field, value)?;
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
        let r = new_record(checklist(), &sets, now()).unwrap();
        assert_eq!(r.header["date"], "2026-11-23");
        assert_eq!(r.header["team"], "Đoàn kiểm tra số 1");
        assert_eq!(r.header["staff"], "42");
        assert_eq!(r.id, "20261123-0930-so-thong-tin-va-truyen");
        assert_eq!(r.position.screen, Screen::Questions);
        assert_eq!(r.position.question.as_deref(), Some("intro"));
    }

    #[test]
    fn missing_required_header_opens_the_form() {
        let r = new_record(checklist(), &[], now()).unwrap();
        assert_eq!(r.position.screen, Screen::Header);
        assert_eq!(r.id, "20261123-0930-qcdc-agency");
    }

    #[test]
    fn rejects_unknown_fields_and_bad_values() {
        let e = new_record(checklist(), &[("orgnisation".into(), "x".into())], now()).unwrap_err();
        assert!(
            e.contains("`orgnisation`") && e.contains("organisation, date, staff, team"),
            "{e}"
        );
        for bad in ["2026-02-30", "2026-2-3", "23/11/2026"] {
            let e = new_record(checklist(), &[("date".into(), bad.into())], now()).unwrap_err();
            assert!(e.contains("YYYY-MM-DD"), "{e}");
        }
        let e = new_record(checklist(), &[("staff".into(), "nhiều".into())], now()).unwrap_err();
        assert!(e.contains("number"), "{e}");
        assert!(parse_set("novalue").is_err());
        assert!(parse_set("=x").is_err());
        assert_eq!(parse_set("a=b=c").unwrap(), ("a".into(), "b=c".into()));
    }
}
