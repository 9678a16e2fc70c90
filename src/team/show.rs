//! Changes in words: a value as the screens show it (option labels, numbers and dates in
//! the UI language), and a question's history as lines (time, who, old → new).

use serde_json::Value;

use crate::checklist::QuestionType;
use crate::checklist::value::{AnswerValue, format_date, format_number};
use crate::lang::Lang;
use crate::record::Record;
use crate::record::history::Change;
use crate::sanitize;

/// A value of a target in words; `—` for none.
pub fn show_value(record: &Record, target: &str, value: &Value, lang: Lang) -> String {
    if value.is_null() {
        return "—".into();
    }
    if let Some(q) = target.strip_prefix("answer/")
        && let Some(question) = record.checklist.question(q)
        && let Ok(v) = serde_json::from_value::<AnswerValue>(value.clone())
    {
        let options = record.checklist.options_of(question);
        let label = |val: &str| {
            options
                .iter()
                .find(|o| o.value == val)
                .map(|o| o.label.get(lang.code()).to_string())
                .unwrap_or_else(|| val.to_string())
        };
        let text = match (&v, question.kind) {
            (AnswerValue::Number(n), _) => format_number(*n, lang),
            (AnswerValue::Text(s), QuestionType::Date) => format_date(s, lang),
            (AnswerValue::Text(s), QuestionType::Choice) => label(s),
            (AnswerValue::Text(s), _) => s.clone(),
            (AnswerValue::Multi(vs), _) => {
                vs.iter().map(|v| label(v)).collect::<Vec<_>>().join(", ")
            }
        };
        return sanitize::line(&text);
    }
    match value {
        Value::String(s) => sanitize::line(s),
        Value::Bool(true) => match lang {
            Lang::En => "marked".into(),
            Lang::Vi => "có đánh dấu".into(),
        },
        Value::Object(o) => o
            .get("text")
            .and_then(Value::as_str)
            .map(sanitize::line)
            .unwrap_or_else(|| sanitize::line(&value.to_string())),
        other => sanitize::line(&other.to_string()),
    }
}

/// What kind of change, in words.
pub fn what(target: &str, lang: Lang) -> &'static str {
    let kind = target.split('/').next().unwrap_or("");
    match (lang, kind) {
        (Lang::En, "answer") => "answer",
        (Lang::En, "note") => "note",
        (Lang::En, "mark") => "awaiting evidence",
        (Lang::En, "header") => "title page",
        (Lang::En, "notes") => "general notes",
        (Lang::En, "rec") => "recommendation",
        (Lang::En, "assign") => "section assigned",
        (Lang::En, _) => "change",
        (Lang::Vi, "answer") => "câu trả lời",
        (Lang::Vi, "note") => "ghi chú",
        (Lang::Vi, "mark") => "chờ tài liệu",
        (Lang::Vi, "header") => "trang thông tin",
        (Lang::Vi, "notes") => "ghi chú chung",
        (Lang::Vi, "rec") => "kiến nghị",
        (Lang::Vi, "assign") => "giao phần",
        (Lang::Vi, _) => "thay đổi",
    }
}

/// One change as a line: `2026-12-02 09:31 · An · answer: No → Yes`.
pub fn line(record: &Record, c: &Change, lang: Lang) -> String {
    let when = match lang {
        Lang::En => c.at.format("%Y-%m-%d %H:%M").to_string(),
        Lang::Vi => c.at.format("%H:%M %d/%m/%Y").to_string(),
    };
    format!(
        "{when} · {} · {}: {} → {}",
        sanitize::line(&c.by),
        what(&c.target, lang),
        short(&show_value(record, &c.target, &c.old, lang)),
        short(&show_value(record, &c.target, &c.new, lang)),
    )
}

/// Long values cut to a readable length with `…`.
fn short(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX - 1).collect::<String>() + "…"
    }
}

/// One side of a disagreement: `An, 2026-12-02 09:31: Yes`.
pub fn describe_side(c: &Change, record: &Record, lang: Lang) -> String {
    let when = c.at.format("%Y-%m-%d %H:%M");
    format!(
        "{}, {when}: {}",
        crate::sanitize::line(&c.by),
        show_value(record, &c.target, &c.new, lang)
    )
}
