//! The plain-text report of one inspection, for pasting into mail or a document.
//!
//! Text is already inert (sanitised in the summary); headings are underlined to their
//! display width so Vietnamese and wide characters line up.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::summary::{Pending, Summary};
use super::{format, parts};
use crate::i18n::report::{ReportText, text};

fn heading(out: &mut String, title: &str, underline: char) {
    let width = title.width().max(1);
    let _ = writeln!(out, "{title}\n{}\n", underline.to_string().repeat(width));
}

fn indented(s: &str, indent: &str) -> String {
    s.lines().collect::<Vec<_>>().join(&format!("\n{indent}"))
}

fn pending_list(out: &mut String, fields: &[String], items: &[Pending], t: &ReportText) {
    if items.is_empty() && fields.is_empty() {
        let _ = writeln!(out, "{}", t.none);
    }
    for f in fields {
        let _ = writeln!(out, "  * {f}");
    }
    for p in items {
        let _ = write!(out, "  * {} {}", p.question.number, p.question.prompt);
        if !p.evidence.is_empty() {
            let _ = write!(out, " ({}: {})", t.evidence, p.evidence.join("; "));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// Every answer and note, by section.
fn answers(out: &mut String, s: &Summary, t: &ReportText) {
    heading(out, t.answers, '-');
    if s.answers.is_empty() {
        let _ = writeln!(out, "{}", t.none);
    }
    for group in parts::answers_by_section(s) {
        let Some(first) = group.first() else { continue };
        let _ = writeln!(out, "{}:", first.section.heading);
        for e in group {
            let _ = write!(out, "  - {}", e.question.label());
            if parts::takes_answer(e) {
                let answer = indented(parts::answer_text(e, t), "      ");
                let _ = write!(out, ": {answer}");
            }
            if e.awaiting_evidence {
                let _ = write!(out, " ({})", t.awaiting_mark);
            }
            out.push('\n');
            if !e.note.is_empty() {
                let _ = writeln!(out, "      {}: {}", t.note, indented(&e.note, "        "));
            }
        }
    }
    out.push('\n');
}

/// Renders the plain-text report.
pub fn render(s: &Summary) -> String {
    let t = text(s.lang);
    let mut out = String::new();
    if let Some((mark, note)) = parts::draft(s, t) {
        let _ = writeln!(out, "*** {mark} *** {note}\n");
    }
    heading(&mut out, &t.document.to_uppercase(), '=');
    let _ = writeln!(out, "{}\n{}\n", t.working_document, s.checklist.title);

    heading(&mut out, t.general, '-');
    for (label, value) in parts::general(s, t) {
        let _ = writeln!(out, "{label}: {value}");
    }
    out.push('\n');

    heading(&mut out, t.scores, '-');
    let _ = writeln!(out, "{}: {}", t.overall, parts::overall(s, t));
    if let Some(r) = &s.rating {
        let _ = writeln!(out, "{}: {r}", t.rating);
    }
    out.push('\n');
    for sec in &s.sections {
        let score = match format::score_percent(&sec.score, s.lang) {
            Some(p) => format!("{p} ({})", format::points(&sec.score, s.lang)),
            None => t.not_scored.to_string(),
        };
        let _ = writeln!(
            out,
            "  {}: {score}; {} {}/{}",
            sec.section.heading, t.answered, sec.answered, sec.total
        );
    }
    out.push('\n');
    super::followup::plain(&mut out, s);

    heading(&mut out, t.results, '-');
    let _ = writeln!(out, "{}:", t.strengths);
    if s.strengths.is_empty() {
        let _ = writeln!(out, "  {}", t.none);
    }
    for st in &s.strengths {
        match &st.question {
            Some(q) => {
                let _ = write!(out, "  + {} {}", q.number, q.prompt);
                if let Some(a) = &st.answer {
                    let _ = write!(out, ": {a}");
                }
                out.push('\n');
            }
            None => {
                let _ = writeln!(out, "  + {}: {}", st.section.heading, t.section_full);
            }
        }
    }
    out.push('\n');
    let _ = writeln!(out, "{}:", t.shortcomings);
    if s.findings.is_empty() {
        let _ = writeln!(out, "  {}", t.none);
    }
    for f in &s.findings {
        let _ = write!(
            out,
            "  - {} {}: {}",
            f.question.number, f.question.prompt, f.answer
        );
        if f.awaiting_evidence {
            let _ = write!(out, " ({})", t.awaiting_mark);
        }
        out.push('\n');
        if !f.note.is_empty() {
            let _ = writeln!(out, "      {}: {}", t.note, indented(&f.note, "        "));
        }
        if !f.evidence.is_empty() {
            let _ = writeln!(out, "      {}: {}", t.evidence, f.evidence.join("; "));
        }
    }
    out.push('\n');

    heading(&mut out, t.recommendations, '-');
    if s.recommendations.is_empty() {
        let _ = writeln!(out, "{}\n", t.none);
    }
    for (p, group) in parts::priorities(t) {
        let recs: Vec<_> = s.recommendations_of(p).collect();
        if recs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{group}:");
        for (i, r) in recs.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, indented(&r.text, "     "));
            for (label, value) in parts::rec_details(r, s, t) {
                let _ = writeln!(out, "     {label}: {value}");
            }
        }
        out.push('\n');
    }

    answers(&mut out, s, t);

    heading(&mut out, t.awaiting, '-');
    pending_list(&mut out, &[], &s.awaiting_evidence, t);
    heading(&mut out, t.unanswered, '-');
    pending_list(
        &mut out,
        &parts::missing_fields(s, t),
        &s.unanswered_required,
        t,
    );

    heading(&mut out, t.general_notes, '-');
    if s.general_notes.is_empty() {
        let _ = writeln!(out, "{}", t.none);
    } else {
        let _ = writeln!(out, "{}", s.general_notes);
    }
    out.push('\n');

    heading(&mut out, t.dates, '-');
    for (label, value) in parts::dates(s, t) {
        let _ = writeln!(out, "{label}: {value}");
    }
    out
}
