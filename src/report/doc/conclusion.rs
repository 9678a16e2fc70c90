//! The draft Thông báo kết luận kiểm tra: the preamble citing the plan, Ưu điểm and Hạn chế
//! as declarative prose with the figures the inspector entered, Nguyên nhân, requests
//! grouped by addressee with the deadline for the unit's remedial report, the signature
//! block and Nơi nhận. Number and date are left for the clerk.

use super::facts::{Facts, deadline, or_blank, sentence};
use super::layout::{Doc, HeaderBlock, Signer, Span};
use super::{BLANK, Profile};
use crate::report::Summary;

/// The draft conclusion of one inspection as a `.docx` file.
pub fn render(s: &Summary, p: &Profile) -> Result<Vec<u8>, String> {
    let f = Facts::new(s, p);
    let t = f.t;
    let org = f.org();
    let issuer = or_blank(p.get("issuer").or_else(|| f.header(&["sent-by"])));
    let mut d = Doc::new(f.layout());
    d.header_block(&HeaderBlock {
        parent: p.get("parent").unwrap_or_default(),
        issuer: issuer.clone(),
        number: super::facts::number_line(f.layout(), "TB", p.get("issuer-code"), t),
        place_date: f.place_date(false),
    });
    let subject = match f.subject() {
        Some(what) => format!(
            "{} {}{what}{}{org}",
            t.conclusion_subject, t.of_subject, t.at_org
        ),
        None => format!("{}{}{org}", t.conclusion_subject, t.at_org),
    };
    d.title(t.notice, &[subject]);

    d.para(&format!(
        "{}, {}{}{} {org}. {} {org}, {} {issuer} {}",
        f.basis(),
        t.on_day,
        f.inspection_date(),
        t.worked_with,
        t.after_hearing,
        t.concludes,
        t.concludes_end
    ));

    d.heading(t.strengths);
    paragraphs(&mut d, f.strengths());
    d.heading(t.limitations);
    paragraphs(&mut d, f.limitations());
    d.heading(t.causes);
    paragraphs(&mut d, f.causes());
    d.heading(t.requests);
    let groups = f.requests();
    for (i, (to, items)) in groups.iter().enumerate() {
        d.spans(&[Span::italic(format!(
            "4.{}. {} {to}:",
            i + 1,
            t.for_addressee
        ))]);
        for r in items {
            d.item(&sentence(r));
        }
    }
    d.para(&format!(
        "{} {} {} {} {} {}.",
        t.remedy_ask,
        f.header(&["unit-short"]).unwrap_or_else(|| org.clone()),
        t.remedy_report,
        or_blank(p.get("report-to").or_else(|| p.get("issuer"))),
        t.remedy_by,
        or_blank(p.get("deadline").map(|x| deadline(&x, f.lang)))
    ));

    let mut recipients: Vec<String> = p
        .list("recipients")
        .into_iter()
        .map(|r| format!("- {r};"))
        .collect();
    if recipients.is_empty() {
        recipients.push(format!("- {org};"));
        recipients.push(format!("- {BLANK};"));
    }
    recipients.push(t.archive.to_string());
    d.recipients_and_signer(
        t.recipients,
        &recipients,
        &Signer {
            capacity: or_blank(p.get("signer-capacity")),
            title: or_blank(p.get("signer-title")),
            hint: String::new(),
            name: or_blank(p.get("signer-name")),
        },
    );
    d.finish()
}

/// `Đối với X:` / `X:`.
pub(super) fn addressed(t: &crate::i18n::doc::DocText, to: &str) -> String {
    if t.for_addressee.is_empty() {
        format!("{to}:")
    } else {
        format!("{} {to}:", t.for_addressee)
    }
}

/// The requests of one inspection by addressee, as the minutes and the team report list
/// them: `Đối với X:`, then each request as a list item (a dotted blank when none).
pub(super) fn requests_by_addressee(
    d: &mut Doc,
    t: &crate::i18n::doc::DocText,
    f: &super::facts::Facts,
) {
    let groups = f.requests();
    if groups.is_empty() {
        d.para(BLANK);
    }
    for (to, items) in groups {
        d.spans(&[super::layout::Span::plain(addressed(t, &to))]);
        for r in items {
            d.item(&super::facts::sentence(&r));
        }
    }
}

fn paragraphs(d: &mut Doc, items: Vec<String>) {
    if items.is_empty() {
        d.para(BLANK);
    }
    for i in items {
        d.para(&i);
    }
}
