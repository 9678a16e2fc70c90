//! Biên bản làm việc: the minutes printed and signed on site before the team leaves —
//! the opening ("Hôm nay, vào lúc …"), who took part on both sides, the course of the
//! meeting (plan announced, the unit's report, what was checked, remarks, the unit's
//! opinion, the leader's preliminary conclusion, documents the unit undertakes to send and
//! by when), the closing formula, and the signatures of both sides and the secretary.

use super::facts::{Facts, list_items, or_blank, point_letter, sentence, time_words, unnumbered};
use super::layout::{Doc, HeaderBlock, Signer, Span};
use super::{BLANK, Profile};
use crate::checklist::Role;
use crate::report::Summary;

/// The minutes of one inspection as a `.docx` file.
pub fn render(s: &Summary, p: &Profile) -> Result<Vec<u8>, String> {
    let f = Facts::new(s, p);
    let t = f.t;
    let org = f.org();
    let mut d = Doc::new(f.layout());
    d.header_block(&HeaderBlock {
        parent: p.get("issuer").unwrap_or_default(),
        issuer: p.get("team").unwrap_or_else(|| t.team.to_string()),
        number: super::facts::number_line(f.layout(), "BB", p.get("team-code"), t),
        place_date: f.place_date(true),
    });
    d.title(t.minutes, &[format!("{} {org}", t.minutes_subject)]);

    d.para(&sentence(&f.basis()));
    d.para(&format!(
        "{}{} {}{}{}{}{} {org}.",
        t.today_at,
        time_words(p.get("meeting-start"), f.lang),
        t.on_day,
        f.inspection_date(),
        t.at_place,
        or_blank(p.get("meeting-place")),
        t.worked_with,
    ));

    d.heading(t.participants);
    d.heading(t.the_team);
    d.item(&format!("{}, {};", f.lead(), t.leader));
    for m in f.members() {
        d.item(&format!("{m}, {};", t.member));
    }
    d.item(&format!("{}, {}.", f.secretary(), t.secretary));
    d.heading(&format!("2. {org}:"));
    let reps = f
        .header(&["unit-representatives"])
        .map(|r| super::profile::split_list(&r))
        .unwrap_or_default();
    if reps.is_empty() {
        d.item(BLANK);
    }
    for r in list_items(&reps) {
        d.item(&r);
    }

    d.heading(t.content);
    d.para(t.announce);
    d.para(&format!("{} {org} {}", t.unit_reports, t.unit_reports_rest));
    d.para(t.checked);
    for (i, (title, items)) in f.checked().into_iter().enumerate() {
        d.spans(&[Span::italic(format!(
            "{} {title}:",
            point_letter(i, f.lang)
        ))]);
        for i in items {
            d.item(&i);
        }
    }
    d.para(t.remarks);
    if f.s.general_notes.is_empty() {
        d.para(BLANK);
    } else {
        d.para(&f.s.general_notes);
    }
    d.para(&format!("{} {org}:", t.unit_opinion));
    let opinion = f.role(Role::UnitOpinion);
    if opinion.is_empty() {
        d.para(BLANK);
    }
    for o in opinion {
        d.para(&o);
    }
    d.para(t.preliminary);
    part(&mut d, unnumbered(t.strengths), f.strengths());
    part(&mut d, unnumbered(t.limitations), f.limitations());
    // Requests by addressee: "Đối với X:", then each request.
    d.spans(&[Span::italic(format!("- {}:", unnumbered(t.requests)))]);
    super::conclusion::requests_by_addressee(&mut d, t, &f);

    d.para(t.commitments);
    let mut committed: Vec<String> =
        f.s.awaiting_evidence
            .iter()
            .map(|a| {
                if a.evidence.is_empty() {
                    super::facts::question_phrase(&a.question.prompt)
                } else {
                    a.evidence.join("; ")
                }
            })
            .collect();
    committed.extend(f.role(Role::Commitments));
    if committed.is_empty() {
        d.item(BLANK);
    } else {
        for c in list_items(&committed) {
            d.item(&c);
        }
        d.para(&format!(
            "{org} {} {}.",
            t.send_by,
            or_blank(
                p.get("documents-by")
                    .map(|x| super::facts::deadline(&x, f.lang))
            )
        ));
    }

    d.para_kept_with_next(&format!(
        "{}{}{}",
        t.closing_at,
        time_words(p.get("meeting-end"), f.lang),
        t.closing_rest
    ));
    d.signatures(&[
        Signer {
            capacity: t.unit_side.to_string(),
            title: f.fact("unit-signer-title", &["head-title"]),
            hint: t.sign_hint.to_string(),
            name: or_blank(p.get("unit-signer-name")),
        },
        Signer {
            capacity: String::new(),
            title: t.leader_side.to_string(),
            hint: t.sign_hint.to_string(),
            name: f.lead_name(),
        },
        Signer {
            capacity: String::new(),
            title: t.secretary_side.to_string(),
            hint: t.sign_hint.to_string(),
            name: f
                .secretary()
                .split(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string(),
        },
    ]);
    d.finish()
}

/// A lettered part of the preliminary conclusion: its label, then its paragraphs as items.
fn part(d: &mut Doc, label: &str, items: Vec<String>) {
    d.spans(&[Span::italic(format!("- {label}:"))]);
    if items.is_empty() {
        d.para(BLANK);
    }
    for i in items {
        d.para(&i);
    }
}
