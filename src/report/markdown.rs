//! The Markdown report of one inspection (the default of `onsite report`).
//!
//! Every piece of record or checklist text goes through [`escape::md`]: `|` in tables,
//! inline markup, HTML and markup at the start of a line are escaped.

use std::fmt::Write;

use super::escape::{md, md_cell, md_lines};
use super::parts;
use super::summary::{Pending, Summary};
use crate::i18n::report::{ReportText, text};

fn pending_list(out: &mut String, fields: &[String], items: &[Pending], t: &ReportText) {
    if items.is_empty() && fields.is_empty() {
        let _ = writeln!(out, "{}\n", t.none);
        return;
    }
    for f in fields {
        let _ = writeln!(out, "- {}", md(f));
    }
    for p in items {
        let _ = write!(out, "- {} {}", p.question.number, md(&p.question.prompt));
        if !p.evidence.is_empty() {
            let ev: Vec<String> = p.evidence.iter().map(|e| md(e)).collect();
            let _ = write!(out, " ({}: {})", t.evidence, ev.join("; "));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// Every answer and note, by section.
fn answers(out: &mut String, s: &Summary, t: &ReportText) {
    let _ = writeln!(out, "## {}\n", t.answers);
    if s.answers.is_empty() {
        let _ = writeln!(out, "{}\n", t.none);
    }
    for group in parts::answers_by_section(s) {
        let Some(first) = group.first() else { continue };
        let _ = writeln!(out, "### {}\n", md_cell(&first.section.heading));
        for e in group {
            let q = &e.question;
            if q.number.is_empty() {
                let _ = write!(out, "- **{}**", md(&q.prompt));
            } else {
                let _ = write!(out, "- **{} {}**", q.number, md(&q.prompt));
            }
            if parts::takes_answer(e) {
                let answer = md_lines(parts::answer_text(e, t), "\\\n    ");
                let _ = write!(out, " — {}: {answer}", t.answer);
            }
            if e.awaiting_evidence {
                let _ = write!(out, " *({})*", t.awaiting_mark);
            }
            out.push('\n');
            if !e.note.is_empty() {
                let _ = writeln!(out, "  - {}: {}", t.note, md_lines(&e.note, "\\\n    "));
            }
        }
        out.push('\n');
    }
}

/// Renders the Markdown report.
pub fn render(s: &Summary) -> String {
    let t = text(s.lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", t.document);
    if let Some((mark, note)) = parts::draft(s, t) {
        let _ = writeln!(out, "**{mark}** — {note}\n");
    }
    let _ = writeln!(out, "*{}*\n", t.working_document);
    let _ = writeln!(out, "**{}**\n", md(&s.checklist.title));

    let _ = writeln!(out, "## {}\n", t.general);
    for (label, value) in parts::general(s, t) {
        let _ = writeln!(out, "- **{}:** {}", md(&label), md(&value));
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", t.scores);
    let _ = write!(out, "**{}:** {}", t.overall, parts::overall(s, t));
    if let Some(r) = &s.rating {
        let _ = write!(out, " — **{}:** {}", t.rating, md(r));
    }
    out.push_str("\n\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        t.section, t.points, t.score, t.answered
    );
    for sec in &s.sections {
        let (points, pct) = parts::score_cells(&sec.score, s, t);
        let _ = writeln!(
            out,
            "| {} | {points} | {pct} | {}/{} |",
            md_cell(&sec.section.heading),
            sec.answered,
            sec.total
        );
    }
    out.push('\n');
    super::followup::markdown(&mut out, s);

    let _ = writeln!(out, "## {}\n", t.results);
    let _ = writeln!(out, "### {}\n", t.strengths);
    if s.strengths.is_empty() {
        let _ = writeln!(out, "{}", t.none);
    }
    for st in &s.strengths {
        match (&st.question, &st.answer) {
            (Some(q), answer) => {
                let _ = write!(out, "- {} {}", q.number, md(&q.prompt));
                if let Some(a) = answer {
                    let _ = write!(out, " — {}", md(a));
                }
                out.push('\n');
            }
            (None, _) => {
                let _ = writeln!(out, "- {}: {}", md(&st.section.heading), t.section_full);
            }
        }
    }
    out.push('\n');

    let _ = writeln!(out, "### {}\n", t.shortcomings);
    if s.findings.is_empty() {
        let _ = writeln!(out, "{}\n", t.none);
    }
    let mut last_section = None;
    for (i, f) in s.findings.iter().enumerate() {
        if last_section != Some(&f.section.id) {
            let _ = writeln!(out, "#### {}\n", md_cell(&f.section.heading));
            last_section = Some(&f.section.id);
        }
        let _ = write!(
            out,
            "- **{} {}** — {}: {}",
            f.question.number,
            md(&f.question.prompt),
            t.answer,
            md(&f.answer)
        );
        if f.awaiting_evidence {
            let _ = write!(out, " *({})*", t.awaiting_mark);
        }
        out.push('\n');
        if !f.note.is_empty() {
            let _ = writeln!(out, "  - {}: {}", t.note, md_lines(&f.note, "\\\n    "));
        }
        if !f.evidence.is_empty() {
            let ev: Vec<String> = f.evidence.iter().map(|e| md(e)).collect();
            let _ = writeln!(out, "  - {}: {}", t.evidence, ev.join("; "));
        }
        if s.findings
            .get(i + 1)
            .is_none_or(|g| g.section.id != f.section.id)
        {
            out.push('\n');
        }
    }

    let _ = writeln!(out, "## {}\n", t.recommendations);
    if s.recommendations.is_empty() {
        let _ = writeln!(out, "{}\n", t.none);
    }
    for (p, heading) in parts::priorities(t) {
        let recs: Vec<_> = s.recommendations_of(p).collect();
        if recs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {heading}\n");
        for (i, r) in recs.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, md_lines(&r.text, "\\\n   "));
            for (label, value) in parts::rec_details(r, s, t) {
                let _ = writeln!(out, "   - {label}: {}", md(&value));
            }
        }
        out.push('\n');
    }

    answers(&mut out, s, t);

    let _ = writeln!(out, "## {}\n", t.awaiting);
    pending_list(&mut out, &[], &s.awaiting_evidence, t);
    let _ = writeln!(out, "## {}\n", t.unanswered);
    pending_list(
        &mut out,
        &parts::missing_fields(s, t),
        &s.unanswered_required,
        t,
    );

    let _ = writeln!(out, "## {}\n", t.general_notes);
    if s.general_notes.is_empty() {
        let _ = writeln!(out, "{}\n", t.none);
    } else {
        let _ = writeln!(out, "{}\n", md_lines(&s.general_notes, "\\\n"));
    }

    let _ = writeln!(out, "## {}\n", t.dates);
    for (label, value) in parts::dates(s, t) {
        let _ = writeln!(out, "- {label}: {value}");
    }
    out
}
