//! Small pieces of wording that every human-readable format shares: the title lines and
//! draft mark, priority groups, the details line of a recommendation, answer entries,
//! status and date lines.

use super::format;
use super::summary::{AnswerEntry, Recommendation, Summary};
use crate::checklist::Priority;
use crate::i18n::report::ReportText;
use crate::record::Status;

/// The priorities in the order the report lists them, with their group heading.
pub fn priorities(t: &ReportText) -> [(Priority, &'static str); 3] {
    [
        (Priority::High, t.high),
        (Priority::Medium, t.medium),
        (Priority::Low, t.low),
    ]
}

/// `label: value` pairs after a recommendation's text: question, responsible, due.
pub fn rec_details(r: &Recommendation, s: &Summary, t: &ReportText) -> Vec<(&'static str, String)> {
    let mut d = Vec::new();
    if let Some(q) = &r.question {
        d.push((t.about, q.label()));
    }
    if !r.responsible.is_empty() {
        d.push((t.responsible, r.responsible.clone()));
    }
    if let Some(due) = &r.due {
        d.push((t.due, format::date(due, s.lang)));
    }
    if let Some(f) = s.follow_up.as_ref().filter(|_| r.carried_forward) {
        let ft = crate::i18n::followup::text(s.lang);
        d.push((ft.carried, format::date(&f.date, s.lang)));
    }
    d
}

/// The draft mark and its sentence, when the inspection is not finished.
pub fn draft(s: &Summary, t: &ReportText) -> Option<(&'static str, &'static str)> {
    s.is_draft().then_some((t.draft, t.draft_note))
}

/// The answer of an entry as written (`not answered` when only a note or mark is kept).
pub fn answer_text<'a>(e: &'a AnswerEntry, t: &ReportText) -> &'a str {
    e.answer.as_deref().unwrap_or(t.no_answer)
}

/// Whether the entry's question takes an answer: an information item (kept for its note)
/// is listed with its note alone, never as "not answered".
pub fn takes_answer(e: &AnswerEntry) -> bool {
    e.kind != crate::checklist::QuestionType::Info
}

/// The entries of the answers part grouped by section, in order.
pub fn answers_by_section(s: &Summary) -> Vec<&[AnswerEntry]> {
    s.answers
        .chunk_by(|a, b| a.section.id == b.section.id)
        .collect()
}

/// Required header fields left empty, as lines of the "not answered" part.
pub fn missing_fields(s: &Summary, t: &ReportText) -> Vec<String> {
    s.missing_header
        .iter()
        .map(|f| format!("{}: {}", t.title_page, f.label))
        .collect()
}

/// The record's status in words.
pub fn status(s: &Summary, t: &ReportText) -> &'static str {
    match s.status {
        Status::InProgress => t.in_progress,
        Status::Finished => t.finished,
    }
}

/// `label: value` lines of the dates part.
pub fn dates(s: &Summary, t: &ReportText) -> Vec<(&'static str, String)> {
    let at = |ts| format::timestamp(&s.shown_time(ts), s.lang);
    let mut d = vec![
        (t.created, at(&s.created_at)),
        (t.updated, at(&s.updated_at)),
    ];
    if let Some(f) = &s.finished_at {
        d.push((t.finished_at, at(f)));
    }
    d
}

/// `label: value` lines of the general part: header facts, record, checklist, status.
pub fn general(s: &Summary, t: &ReportText) -> Vec<(String, String)> {
    let mut g: Vec<(String, String)> = s
        .header
        .iter()
        .map(|f| (f.label.clone(), f.shown.clone()))
        .collect();
    g.push((t.record.to_string(), s.record.clone()));
    g.push((
        t.checklist.to_string(),
        format!("{} {}", s.checklist.id, s.checklist.version),
    ));
    g.push((t.status.to_string(), status(s, t).to_string()));
    g
}

/// The overall line: `50% (3.5/7)`, or "not scored".
pub fn overall(s: &Summary, t: &ReportText) -> String {
    match format::score_percent(&s.overall, s.lang) {
        Some(p) => format!("{p} ({})", format::points(&s.overall, s.lang)),
        None => t.not_scored.to_string(),
    }
}

/// The cells of a section-score table row: points (`3.5/7`, or `—`) and percent (or
/// "not scored").
pub fn score_cells(score: &super::score::Score, s: &Summary, t: &ReportText) -> (String, String) {
    match format::score_percent(score, s.lang) {
        Some(p) => (format::points(score, s.lang), p),
        None => ("—".to_string(), t.not_scored.to_string()),
    }
}
