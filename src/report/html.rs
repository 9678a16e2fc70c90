//! The HTML report of one inspection: one self-contained, printable file (inline CSS with
//! print styles, an inline SVG bar chart of section scores, no scripts, no external links).
//!
//! Every piece of text, from the record, the checklist or the UI strings, goes through
//! [`escape::html`].

use std::fmt::Write;

use super::escape::html as h;
use super::summary::{Pending, Summary};
use super::{format, parts};
use crate::i18n::report::{ReportText, text};

const CSS: &str = "\
body{font-family:'Times New Roman',Times,'Noto Serif',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{text-align:center;text-transform:uppercase;font-size:1.5rem;margin-bottom:.2rem}
.subtitle{text-align:center;font-weight:bold;margin-top:0}
h2{font-size:1.2rem;border-bottom:1px solid #999;padding-bottom:.2rem;margin-top:1.6rem}
h3{font-size:1.05rem}h4{font-size:1rem;font-style:italic}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
.overall{font-size:1.1rem}.mark{color:#8a4b00;font-style:italic}.note{white-space:pre-wrap;margin:.2rem 0}
.chart{max-width:100%;height:auto;margin:1rem 0}
.muted{color:#555}.pre{white-space:pre-wrap}
.draft{text-align:center;font-weight:bold;color:#a00;border:2px solid #a00;padding:.3rem;letter-spacing:.05em}
.working{text-align:center;font-style:italic;margin-top:0}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}li,tr,.chart{break-inside:avoid}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:18mm 16mm}";

/// Cuts a label to `max` characters, adding `…`.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(max - 1).collect();
        c.push('…');
        c
    }
}

/// The inline SVG bar chart: the overall score, then one bar per section.
fn chart(s: &Summary, t: &ReportText) -> String {
    const ROW: usize = 26;
    const LABEL_W: usize = 300;
    const BAR_W: usize = 300;
    let mut rows: Vec<(String, String, Option<f64>, bool)> = vec![(
        t.overall.to_string(),
        t.overall.to_string(),
        s.overall.ratio(),
        true,
    )];
    for sec in &s.sections {
        let label = sec.section.heading.clone();
        rows.push((cut(&label, 40), label, sec.score.ratio(), false));
    }
    let height = 34 + rows.len() * ROW;
    let width = LABEL_W + BAR_W + 130;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{}" font-family="sans-serif" font-size="13">"#,
        h(t.chart)
    );
    let _ = writeln!(
        out,
        r#"<text x="0" y="16" font-weight="bold">{}</text>"#,
        h(t.chart)
    );
    for (i, (short, full, ratio, bold)) in rows.iter().enumerate() {
        let y = 30 + i * ROW;
        let weight = if *bold { r#" font-weight="bold""# } else { "" };
        let _ = writeln!(
            out,
            r#"<g><title>{}</title><text x="0" y="{}"{weight}>{}</text>"#,
            h(full),
            y + 15,
            h(short)
        );
        let _ = writeln!(
            out,
            r##"<rect x="{LABEL_W}" y="{y}" width="{BAR_W}" height="18" fill="#e6e6e6"/>"##
        );
        match ratio {
            Some(r) => {
                let w = (r.clamp(0.0, 1.0) * BAR_W as f64).round();
                let fill = if *bold { "#1f4e79" } else { "#4a7fb0" };
                let _ = writeln!(
                    out,
                    r#"<rect x="{LABEL_W}" y="{y}" width="{w}" height="18" fill="{fill}"/><text x="{}" y="{}">{}</text></g>"#,
                    LABEL_W + BAR_W + 8,
                    y + 14,
                    h(&format::percent(*r, s.lang))
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    r##"<text x="{}" y="{}" fill="#555">{}</text></g>"##,
                    LABEL_W + BAR_W + 8,
                    y + 14,
                    h(t.not_scored)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn pending_list(out: &mut String, fields: &[String], items: &[Pending], t: &ReportText) {
    if items.is_empty() && fields.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", h(t.none));
        return;
    }
    out.push_str("<ul>\n");
    for f in fields {
        let _ = writeln!(out, "<li>{}</li>", h(f));
    }
    for p in items {
        let _ = write!(
            out,
            "<li>{} {}",
            h(&p.question.number),
            h(&p.question.prompt)
        );
        if !p.evidence.is_empty() {
            let _ = write!(
                out,
                r#" <span class="muted">({}: {})</span>"#,
                h(t.evidence),
                h(&p.evidence.join("; "))
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// Every answer and note, by section.
fn answers(out: &mut String, s: &Summary, t: &ReportText) {
    let _ = writeln!(out, "<h2>{}</h2>", h(t.answers));
    if s.answers.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", h(t.none));
    }
    for group in parts::answers_by_section(s) {
        let Some(first) = group.first() else { continue };
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", h(&first.section.heading));
        for e in group {
            let _ = write!(out, "<li><strong>{}</strong>", h(&e.question.label()));
            if parts::takes_answer(e) {
                let _ = write!(
                    out,
                    " — {}: <span class=\"pre\">{}</span>",
                    h(t.answer),
                    h(parts::answer_text(e, t))
                );
            }
            if e.awaiting_evidence {
                let _ = write!(out, " <span class=\"mark\">({})</span>", h(t.awaiting_mark));
            }
            if !e.note.is_empty() {
                let _ = write!(
                    out,
                    "<div class=\"note\"><em>{}:</em> {}</div>",
                    h(t.note),
                    h(&e.note)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
}

/// Renders the HTML report.
pub fn render(s: &Summary) -> String {
    let t = text(s.lang);
    let mut out = String::new();
    let mut title = if s.organisation.is_empty() {
        format!("{} — {}", t.document, s.checklist.title)
    } else {
        format!("{} — {}", t.document, s.organisation)
    };
    if let Some((mark, _)) = parts::draft(s, t) {
        title = format!("{mark}: {title}");
    }
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>",
        s.lang.code(),
        h(&title)
    );
    if let Some((mark, note)) = parts::draft(s, t) {
        let _ = writeln!(out, "<p class=\"draft\">{} — {}</p>", h(mark), h(note));
    }
    let _ = writeln!(out, "<h1>{}</h1>", h(t.document));
    let _ = writeln!(out, "<p class=\"working\">{}</p>", h(t.working_document));
    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", h(&s.checklist.title));

    let _ = writeln!(out, "<h2>{}</h2>\n<dl class=\"facts\">", h(t.general));
    for (label, value) in parts::general(s, t) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", h(&label), h(&value));
    }
    out.push_str("</dl>\n");

    let _ = writeln!(out, "<h2>{}</h2>", h(t.scores));
    let _ = write!(
        out,
        "<p class=\"overall\"><strong>{}:</strong> {}",
        h(t.overall),
        h(&parts::overall(s, t))
    );
    if let Some(r) = &s.rating {
        let _ = write!(out, " — <strong>{}:</strong> {}", h(t.rating), h(r));
    }
    out.push_str("</p>\n");
    out.push_str(&chart(s, t));
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>",
        h(t.section),
        h(t.points),
        h(t.score),
        h(t.answered)
    );
    for sec in &s.sections {
        let (points, pct) = parts::score_cells(&sec.score, s, t);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}/{}</td></tr>",
            h(&sec.section.heading),
            h(&points),
            h(&pct),
            sec.answered,
            sec.total
        );
    }
    out.push_str("</tbody>\n</table>\n");
    super::followup::html(&mut out, s);

    let _ = writeln!(out, "<h2>{}</h2>", h(t.results));
    let _ = writeln!(out, "<h3>{}</h3>", h(t.strengths));
    if s.strengths.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", h(t.none));
    } else {
        out.push_str("<ul>\n");
        for st in &s.strengths {
            match &st.question {
                Some(q) => {
                    let _ = write!(out, "<li>{} {}", h(&q.number), h(&q.prompt));
                    if let Some(a) = &st.answer {
                        let _ = write!(out, " — {}", h(a));
                    }
                    out.push_str("</li>\n");
                }
                None => {
                    let _ = writeln!(
                        out,
                        "<li>{}: {}</li>",
                        h(&st.section.heading),
                        h(t.section_full)
                    );
                }
            }
        }
        out.push_str("</ul>\n");
    }

    let _ = writeln!(out, "<h3>{}</h3>", h(t.shortcomings));
    if s.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", h(t.none));
    }
    let mut open_list = false;
    let mut last_section: Option<&str> = None;
    for f in &s.findings {
        if last_section != Some(f.section.id.as_str()) {
            if open_list {
                out.push_str("</ul>\n");
            }
            let _ = writeln!(out, "<h4>{}</h4>\n<ul>", h(&f.section.heading));
            open_list = true;
            last_section = Some(&f.section.id);
        }
        let _ = write!(
            out,
            "<li><strong>{} {}</strong> — {}: {}",
            h(&f.question.number),
            h(&f.question.prompt),
            h(t.answer),
            h(&f.answer)
        );
        if f.awaiting_evidence {
            let _ = write!(out, " <span class=\"mark\">({})</span>", h(t.awaiting_mark));
        }
        if !f.note.is_empty() {
            let _ = write!(
                out,
                "<div class=\"note\"><em>{}:</em> {}</div>",
                h(t.note),
                h(&f.note)
            );
        }
        if !f.evidence.is_empty() {
            let _ = write!(
                out,
                "<div class=\"muted\">{}: {}</div>",
                h(t.evidence),
                h(&f.evidence.join("; "))
            );
        }
        out.push_str("</li>\n");
    }
    if open_list {
        out.push_str("</ul>\n");
    }

    let _ = writeln!(out, "<h2>{}</h2>", h(t.recommendations));
    if s.recommendations.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", h(t.none));
    }
    for (p, group) in parts::priorities(t) {
        let recs: Vec<_> = s.recommendations_of(p).collect();
        if recs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>\n<ol>", h(group));
        for r in recs {
            let _ = write!(out, "<li><span class=\"pre\">{}</span>", h(&r.text));
            let details = parts::rec_details(r, s, t);
            if !details.is_empty() {
                let d: Vec<String> = details
                    .iter()
                    .map(|(l, v)| format!("{}: {}", h(l), h(v)))
                    .collect();
                let _ = write!(out, "<div class=\"muted\">{}</div>", d.join(" · "));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }

    answers(&mut out, s, t);

    let _ = writeln!(out, "<h2>{}</h2>", h(t.awaiting));
    pending_list(&mut out, &[], &s.awaiting_evidence, t);
    let _ = writeln!(out, "<h2>{}</h2>", h(t.unanswered));
    pending_list(
        &mut out,
        &parts::missing_fields(s, t),
        &s.unanswered_required,
        t,
    );

    let _ = writeln!(out, "<h2>{}</h2>", h(t.general_notes));
    if s.general_notes.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", h(t.none));
    } else {
        let _ = writeln!(out, "<div class=\"note\">{}</div>", h(&s.general_notes));
    }

    let _ = writeln!(out, "<h2>{}</h2>\n<dl class=\"facts\">", h(t.dates));
    for (label, value) in parts::dates(s, t) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", h(label), h(&value));
    }
    out.push_str("</dl>\n</body>\n</html>\n");
    out
}
