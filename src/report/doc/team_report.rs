//! Báo cáo kết quả kiểm tra: the team's report to the committee, for one record or many —
//! I. overview (basis, team, units and dates, method), II. results per unit and section
//! with the figures, III. general assessment (strengths, limitations, causes), IV. requests
//! grouped by addressee; signed by the team leader; the section scores as an annex, with
//! the scoring rule named.

use super::facts::{Facts, or_blank, sentence};
use super::layout::{Doc, HeaderBlock, Signer, Span};
use super::{BLANK, Profile};
use crate::report::Summary;

/// The team's report over one record or more (`s` is never empty in use; an empty slice
/// gives an error).
pub fn render(all: &[Summary], p: &Profile) -> Result<Vec<u8>, String> {
    let Some(first) = all.first() else {
        return Err("no record to report on".into());
    };
    let f0 = Facts::new(first, p);
    let t = f0.t;
    let facts: Vec<Facts> = all.iter().map(|s| Facts::new(s, p)).collect();
    let many = all.len() > 1;
    let mut d = Doc::new(f0.layout());
    d.header_block(&HeaderBlock {
        parent: p.get("issuer").unwrap_or_default(),
        issuer: p.get("team").unwrap_or_else(|| t.team.to_string()),
        number: super::facts::number_line(f0.layout(), "BC", p.get("team-code"), t),
        place_date: f0.place_date(false),
    });
    let target = if many {
        format!(
            "{} {}",
            super::layout::two_digits(all.len()),
            t.report_units
        )
    } else {
        f0.org()
    };
    let subject = match f0.subject() {
        Some(what) => format!(
            "{} {}{what}{}{target}",
            t.report_subject, t.of_subject, t.at_org
        ),
        None => format!("{}{}{target}", t.report_subject, t.at_org),
    };
    d.title(t.report, &[subject]);
    let committee = or_blank(p.get("issuer").or_else(|| f0.header(&["sent-by"])));
    d.centred(&format!("{}{committee}", t.to));

    d.heading(t.overview);
    d.para(&sentence(&f0.basis()));
    d.para(&sentence(&format!(
        "{} {}{}",
        t.team_led_by,
        f0.lead(),
        t.team_led_by_end
    )));
    let members = f0.members();
    if !members.is_empty() {
        d.para(&sentence(&format!(
            "{} {}",
            t.team_members,
            members.join("; ")
        )));
    }
    d.para(t.units_inspected);
    let units: Vec<String> = facts
        .iter()
        .map(|f| format!("{}: {}", f.org(), super::facts::deadline(&f.s.date, f.lang)))
        .collect();
    for u in super::facts::list_items(&units) {
        d.item(&u);
    }
    d.para(t.method);

    d.heading(t.results);
    for (i, f) in facts.iter().enumerate() {
        if many {
            d.spans(&[Span::bold(format!("{}. {}", i + 1, f.org()))]);
        }
        for (j, (title, items)) in f.checked().into_iter().enumerate() {
            // Under "II.": 1., 2., … per section; under a unit's "1.": a), b), ….
            let point = if many {
                super::facts::point_letter(j, f.lang)
            } else {
                format!("{}.", j + 1)
            };
            d.spans(&[Span::italic(format!("{point} {title}:"))]);
            for item in items {
                d.item(&item);
            }
        }
    }

    d.heading(t.assessment);
    let gather = |part: &dyn Fn(&Facts) -> Vec<String>| -> Vec<(String, Vec<String>)> {
        facts.iter().map(|f| (f.org(), part(f))).collect()
    };
    for (heading, groups) in [
        (t.strengths, gather(&|f| f.strengths())),
        (t.limitations, gather(&|f| f.limitations())),
        (t.causes, gather(&|f| f.causes())),
    ] {
        d.heading(heading);
        for (org, items) in groups {
            if many {
                d.spans(&[Span::italic(format!("{org}:"))]);
            }
            if items.is_empty() {
                d.para(BLANK);
            }
            for i in items {
                d.para(&i);
            }
        }
    }

    d.heading(t.proposals);
    for f in &facts {
        if many {
            d.spans(&[Span::italic(format!("{}:", f.org()))]);
        }
        super::conclusion::requests_by_addressee(&mut d, t, f);
    }

    let mut recipients: Vec<String> = p
        .list("report-recipients")
        .into_iter()
        .map(|r| format!("- {r};"))
        .collect();
    if recipients.is_empty() {
        recipients.push(t.as_above.to_string());
    }
    recipients.push(t.archive.to_string());
    d.recipients_and_signer(
        t.recipients,
        &recipients,
        &Signer {
            capacity: t.team_capacity.to_string(),
            title: t.team_leader.to_string(),
            hint: String::new(),
            name: f0.lead_name(),
        },
    );

    annex(&mut d, &facts);
    d.finish()
}

/// The annex: one table of section scores per record, with the overall score and rating,
/// and the scoring rule named.
fn annex(d: &mut Doc, facts: &[Facts]) {
    let Some(f0) = facts.first() else {
        return;
    };
    let t = f0.t;
    d.page_break();
    d.title(t.annex, &[t.annex_scores.to_string()]);
    for f in facts {
        let s = f.s;
        if facts.len() > 1 {
            d.spans(&[Span::bold(f.org())]);
        }
        let mut rows: Vec<Vec<String>> = s
            .scored_sections()
            .enumerate()
            .map(|(i, sec)| {
                let (points, percent) = cells(&sec.score, f);
                vec![
                    super::layout::two_digits(i + 1),
                    sec.section.title.clone(),
                    points,
                    percent,
                ]
            })
            .collect();
        let (points, percent) = cells(&s.overall, f);
        rows.push(vec![String::new(), t.overall.to_string(), points, percent]);
        d.table(
            &[1, 7, 2, 2],
            &[
                t.col_no.to_string(),
                t.col_content.to_string(),
                t.col_points.to_string(),
                t.col_score.to_string(),
            ],
            &rows,
        );
        if let Some(r) = &s.rating {
            d.spans(&[
                Span::plain(format!("{}: ", t.rating)),
                Span::bold(r.clone()),
            ]);
        }
        let note = match f.scoring_rule() {
            Some(rule) => format!("{} {rule}.", t.annex_rule),
            // The checklist by its title, not its internal id.
            None => format!(
                "{} “{}” ({} {}).",
                t.annex_tally, s.checklist.title, t.version, s.checklist.version
            ),
        };
        d.spans(&[Span::italic(note)]);
    }
}

fn cells(score: &crate::report::Score, f: &Facts) -> (String, String) {
    crate::report::parts::score_cells(score, f.s, crate::i18n::report::text(f.lang))
}
