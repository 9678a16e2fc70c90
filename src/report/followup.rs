//! The report part of a follow-up inspection (SPEC §9): how the previous conclusion was
//! carried out (each recommendation with what was found now, and the counts), the scores
//! compared with the previous visit section by section, and the questions answered last
//! time that the checklist no longer has.
//!
//! [`compute`] fills [`Summary::follow_up`] from the record's follow-up link; [`blocks`]
//! words it once for the human-readable formats, which only escape and lay out the blocks
//! (`markdown`, `html`, `plain`). JSON serialises the part as it is.

use std::fmt::Write;

use serde::Serialize;

use super::escape::{html as h, md, md_cell, md_lines};
use super::format;
use super::score::Score;
use super::summary::{QuestionRef, SectionScore, Summary, answer_label};
use crate::checklist::Priority;
use crate::i18n::followup::text;
use crate::lang::Lang;
use crate::record::Record;
use crate::record::followup::Points;
use crate::record::followup::{IMPLEMENTED, NOT_APPLICABLE, NOT_IMPLEMENTED, PARTLY};
use crate::sanitize;

/// What was found now of one previous recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Implementation {
    /// Carried out.
    Implemented,
    /// Partly carried out.
    Partly,
    /// Not carried out.
    NotImplemented,
    /// No longer applicable.
    NotApplicable,
    /// Not yet checked on this visit.
    Unchecked,
}

/// One recommendation of the previous conclusion and what was found now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImplementationItem {
    /// The generated question that checks it.
    pub question: QuestionRef,
    /// Its id in the previous record (`q:<question>`, `own-<n>`).
    pub recommendation: String,
    /// Its wording.
    pub text: String,
    /// Its priority.
    pub priority: Priority,
    /// Who had to act.
    pub responsible: String,
    /// By when (`YYYY-MM-DD`).
    pub due: Option<String>,
    /// The due date had passed when this visit started.
    pub overdue: bool,
    /// When it was first recommended (`YYYY-MM-DD`), if before the previous visit.
    pub since: Option<String>,
    /// What was found.
    pub status: Implementation,
    /// What was found, in words.
    pub status_label: String,
    /// The inspector's note now.
    pub note: String,
}

/// How many recommendations were found in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ImplementationCounts {
    /// Every previous recommendation.
    pub total: usize,
    /// Carried out.
    pub implemented: usize,
    /// Partly carried out.
    pub partly: usize,
    /// Not carried out.
    pub not_implemented: usize,
    /// No longer applicable.
    pub not_applicable: usize,
    /// Not yet checked.
    pub unchecked: usize,
}

/// A score then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    /// Section id (`None` for the overall score).
    pub id: Option<String>,
    /// Heading (now, else then).
    pub heading: String,
    /// The score at the previous visit (`None`: the section is new).
    pub previous: Option<Score>,
    /// The score now (`None`: the checklist no longer has the section).
    pub current: Option<Score>,
}

impl ScoreChange {
    /// The change in percentage points, when both sides have a score.
    pub fn points_change(&self) -> Option<f64> {
        let before = self.previous.as_ref()?.ratio()?;
        let now = self.current.as_ref()?.ratio()?;
        Some((now - before) * 100.0)
    }
}

/// A question answered last time that the checklist no longer has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoneAnswer {
    /// Its id then.
    pub id: String,
    /// Its prompt then.
    pub prompt: String,
    /// The answer then.
    pub answer: Option<String>,
    /// The note then.
    pub note: String,
}

/// The follow-up part of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpPart {
    /// The previous record's id.
    pub previous: String,
    /// The previous inspection's date, `YYYY-MM-DD`.
    pub date: String,
    /// The checklist version then.
    pub checklist_version: String,
    /// The previous rating band.
    pub previous_rating: Option<String>,
    /// The previous recommendations and what was found, in order.
    pub items: Vec<ImplementationItem>,
    /// The counts of `items`.
    pub counts: ImplementationCounts,
    /// The overall score then and now (the generated section is not part of either).
    pub overall: ScoreChange,
    /// Section scores then and now: this checklist's sections in order, then those it no
    /// longer has.
    pub sections: Vec<ScoreChange>,
    /// Questions answered then that the checklist no longer has.
    pub gone: Vec<GoneAnswer>,
}

fn score(p: &Points) -> Score {
    Score {
        earned: p.earned,
        possible: p.possible,
    }
}

fn tr(t: &crate::checklist::Text, lang: Lang) -> String {
    sanitize::line(t.get(lang.code())).trim().to_string()
}

/// The follow-up part of a record's report, if the record follows one up.
pub(crate) fn compute(
    record: &Record,
    lang: Lang,
    sections: &[SectionScore],
    overall: Score,
    question: impl Fn(&str) -> Option<QuestionRef>,
) -> Option<FollowUpPart> {
    let link = record.follow_up.as_ref()?;
    let t = text(lang);
    let mut counts = ImplementationCounts::default();
    let mut items = Vec::new();
    for item in &link.items {
        let Some(qref) = question(&item.question) else {
            continue;
        };
        let answer = record.answers.get(&item.question);
        let value = answer
            .and_then(|a| a.value.as_ref())
            .filter(|v| v.is_answered());
        let status = match value {
            Some(crate::record::AnswerValue::Text(v)) => match v.as_str() {
                IMPLEMENTED => Implementation::Implemented,
                PARTLY => Implementation::Partly,
                NOT_IMPLEMENTED => Implementation::NotImplemented,
                NOT_APPLICABLE => Implementation::NotApplicable,
                _ => Implementation::Unchecked,
            },
            _ => Implementation::Unchecked,
        };
        counts.total += 1;
        *match status {
            Implementation::Implemented => &mut counts.implemented,
            Implementation::Partly => &mut counts.partly,
            Implementation::NotImplemented => &mut counts.not_implemented,
            Implementation::NotApplicable => &mut counts.not_applicable,
            Implementation::Unchecked => &mut counts.unchecked,
        } += 1;
        let status_label = match (value, record.checklist.question(&item.question)) {
            (Some(v), Some(q)) if status != Implementation::Unchecked => {
                answer_label(&record.checklist, q, v, lang)
            }
            _ => t.unchecked.to_string(),
        };
        items.push(ImplementationItem {
            question: qref,
            recommendation: sanitize::line(&item.recommendation),
            text: sanitize::multiline(item.text.get(lang.code()).trim()),
            priority: item.priority,
            responsible: sanitize::line(&item.responsible),
            due: item.due.as_deref().map(sanitize::line),
            overdue: item.overdue,
            since: item.since.as_deref().map(sanitize::line),
            status,
            status_label,
            note: answer
                .map(|a| sanitize::multiline(a.note.trim()))
                .unwrap_or_default(),
        });
    }
    let mut changes: Vec<ScoreChange> = sections
        .iter()
        .filter(|s| s.section.id != link.section)
        .map(|s| ScoreChange {
            id: Some(s.section.id.clone()),
            heading: s.section.heading.clone(),
            previous: link
                .sections
                .iter()
                .find(|p| p.id == s.section.id)
                .map(|p| score(&p.score)),
            current: Some(s.score),
        })
        .collect();
    changes.extend(
        link.sections
            .iter()
            .filter(|p| !sections.iter().any(|s| s.section.id == p.id))
            .map(|p| ScoreChange {
                id: Some(sanitize::line(&p.id)),
                heading: tr(&p.title, lang),
                previous: Some(score(&p.score)),
                current: None,
            }),
    );
    Some(FollowUpPart {
        previous: sanitize::line(&link.previous),
        date: sanitize::line(&link.date),
        checklist_version: sanitize::line(&link.checklist_version),
        previous_rating: link.rating.as_ref().map(|r| tr(r, lang)),
        items,
        counts,
        overall: ScoreChange {
            id: None,
            heading: crate::i18n::report::text(lang).overall.to_string(),
            previous: Some(score(&link.overall)),
            current: Some(overall),
        },
        sections: changes,
        gone: link
            .gone
            .iter()
            .map(|g| GoneAnswer {
                id: sanitize::line(&g.id),
                prompt: tr(&g.prompt, lang),
                answer: g.shown.as_ref().map(|s| tr(s, lang)),
                note: sanitize::multiline(g.note.trim()),
            })
            .collect(),
    })
}

/// A piece of the part as every human-readable format lays it out.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading (level 2 or 3).
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A list: each item a first line and indented lines under it.
    List(Vec<(String, Vec<String>)>),
    /// A table: header cells, then rows; columns after the first are numbers.
    Table(Vec<String>, Vec<Vec<String>>),
}

fn score_cell(s: Option<&Score>, lang: Lang, gone: &str) -> String {
    match s {
        None => gone.to_string(),
        Some(s) => format::score_percent(s, lang).unwrap_or_else(|| "—".into()),
    }
}

/// The change in percentage points, signed: `+12.5` / `+12,5`.
fn change_cell(c: &ScoreChange, lang: Lang) -> String {
    match c.points_change() {
        Some(d) => {
            let n = format::number((d * 10.0).round() / 10.0, lang);
            if d > 0.05 { format!("+{n}") } else { n }
        }
        None => "—".into(),
    }
}

/// The follow-up part in words, once for md, html and txt.
pub fn blocks(s: &Summary) -> Vec<Block> {
    let Some(f) = &s.follow_up else {
        return Vec::new();
    };
    let (t, r) = (text(s.lang), crate::i18n::report::text(s.lang));
    let mut out = vec![
        Block::Heading(2, t.heading.to_string()),
        Block::Para(
            t.previous_visit
                .replace("{date}", &format::date(&f.date, s.lang))
                .replace("{record}", &f.previous)
                .replace("{version}", &f.checklist_version),
        ),
    ];
    let c = &f.counts;
    out.push(Block::Para(
        t.counts
            .replace("{total}", &c.total.to_string())
            .replace("{implemented}", &c.implemented.to_string())
            .replace("{partly}", &c.partly.to_string())
            .replace("{not}", &c.not_implemented.to_string())
            .replace("{na}", &c.not_applicable.to_string())
            .replace("{unchecked}", &c.unchecked.to_string()),
    ));
    for (status, label, n) in [
        (Implementation::Implemented, t.implemented, c.implemented),
        (Implementation::Partly, t.partly, c.partly),
        (
            Implementation::NotImplemented,
            t.not_implemented,
            c.not_implemented,
        ),
        (
            Implementation::NotApplicable,
            t.not_applicable,
            c.not_applicable,
        ),
        (Implementation::Unchecked, t.unchecked, c.unchecked),
    ] {
        if n == 0 {
            continue;
        }
        out.push(Block::Heading(3, format!("{label} ({n})")));
        let list = f
            .items
            .iter()
            .filter(|i| i.status == status)
            .map(|i| {
                let mut sub = Vec::new();
                let mut facts = Vec::new();
                if !i.responsible.is_empty() {
                    facts.push(format!("{}: {}", t.responsible, i.responsible));
                }
                if let Some(due) = &i.due {
                    let mut d = format!("{}: {}", t.due, format::date(due, s.lang));
                    if i.overdue {
                        let _ = write!(d, " ({})", t.overdue);
                    }
                    facts.push(d);
                }
                if let Some(since) = &i.since {
                    facts.push(t.since.replace("{date}", &format::date(since, s.lang)));
                }
                if !facts.is_empty() {
                    sub.push(facts.join("; "));
                }
                if !i.note.is_empty() {
                    sub.push(format!("{}: {}", r.note, i.note));
                }
                (format!("{} {}", i.question.number, i.text), sub)
            })
            .collect();
        out.push(Block::List(list));
    }
    out.push(Block::Heading(2, t.comparison.to_string()));
    let mut rows = Vec::new();
    for ch in std::iter::once(&f.overall).chain(&f.sections) {
        let mut heading = ch.heading.clone();
        if ch.previous.is_none() {
            let _ = write!(heading, " ({})", t.section_new);
        }
        rows.push(vec![
            heading,
            score_cell(ch.previous.as_ref(), s.lang, "—"),
            score_cell(ch.current.as_ref(), s.lang, t.section_gone),
            change_cell(ch, s.lang),
        ]);
    }
    out.push(Block::Table(
        vec![
            r.section.to_string(),
            t.before.to_string(),
            t.now.to_string(),
            t.change.to_string(),
        ],
        rows,
    ));
    if !f.gone.is_empty() {
        out.push(Block::Heading(3, t.gone.to_string()));
        out.push(Block::List(
            f.gone
                .iter()
                .map(|g| {
                    let mut sub = Vec::new();
                    if !g.note.is_empty() {
                        sub.push(format!("{}: {}", r.note, g.note));
                    }
                    let answer = g.answer.as_deref().unwrap_or(r.no_answer);
                    (
                        format!("{} ({}) — {}: {answer}", g.prompt, g.id, r.answer),
                        sub,
                    )
                })
                .collect(),
        ));
    }
    out
}

/// The part in Markdown.
pub fn markdown(out: &mut String, s: &Summary) {
    for b in blocks(s) {
        match b {
            Block::Heading(level, t) => {
                let _ = writeln!(out, "{} {}\n", "#".repeat(level.into()), md(&t));
            }
            Block::Para(p) => {
                let _ = writeln!(out, "{}\n", md(&p));
            }
            Block::List(items) => {
                for (first, sub) in items {
                    let _ = writeln!(out, "- {}", md_lines(&first, "\\\n  "));
                    for l in sub {
                        let _ = writeln!(out, "  - {}", md_lines(&l, "\\\n    "));
                    }
                }
                out.push('\n');
            }
            Block::Table(head, rows) => {
                let cells = |r: &[String]| r.iter().map(|c| md_cell(c)).collect::<Vec<_>>();
                let _ = writeln!(out, "| {} |", cells(&head).join(" | "));
                let _ = writeln!(out, "|---{}|", "|---:".repeat(head.len() - 1));
                for r in rows {
                    let _ = writeln!(out, "| {} |", cells(&r).join(" | "));
                }
                out.push('\n');
            }
        }
    }
}

/// The part in HTML.
pub fn html(out: &mut String, s: &Summary) {
    let lines = |t: &str| h(t).replace('\n', "<br>");
    for b in blocks(s) {
        match b {
            Block::Heading(level, t) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", h(&t));
            }
            Block::Para(p) => {
                let _ = writeln!(out, "<p>{}</p>", h(&p));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for (first, sub) in items {
                    let _ = write!(out, "<li>{}", lines(&first));
                    if !sub.is_empty() {
                        out.push_str("<ul>");
                        for l in sub {
                            let _ = write!(out, "<li>{}</li>", lines(&l));
                        }
                        out.push_str("</ul>");
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Block::Table(head, rows) => {
                out.push_str("<table>\n<thead><tr>");
                for (i, c) in head.iter().enumerate() {
                    let class = if i > 0 { " class=\"num\"" } else { "" };
                    let _ = write!(out, "<th{class}>{}</th>", h(c));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        let class = if i > 0 { " class=\"num\"" } else { "" };
                        let _ = write!(out, "<td{class}>{}</td>", h(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
}

/// The part in plain text (headings underlined to their display width).
pub fn plain(out: &mut String, s: &Summary) {
    use unicode_width::UnicodeWidthStr;
    let indent = |t: &str, by: &str| t.lines().collect::<Vec<_>>().join(&format!("\n{by}"));
    for b in blocks(s) {
        match b {
            Block::Heading(level, t) => {
                let under = if level == 2 { '-' } else { '~' };
                let _ = writeln!(out, "{t}\n{}\n", under.to_string().repeat(t.width().max(1)));
            }
            Block::Para(p) => {
                let _ = writeln!(out, "{p}\n");
            }
            Block::List(items) => {
                for (first, sub) in items {
                    let _ = writeln!(out, "  - {}", indent(&first, "    "));
                    for l in sub {
                        let _ = writeln!(out, "      {}", indent(&l, "      "));
                    }
                }
                out.push('\n');
            }
            Block::Table(head, rows) => {
                let _ = writeln!(out, "  {}", head.join(" | "));
                for r in rows {
                    let _ = writeln!(out, "  {}", r.join(" | "));
                }
                out.push('\n');
            }
        }
    }
}
