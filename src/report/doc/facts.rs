//! What the documents say, drawn from a [`Summary`] and the [`Profile`]: who, where and
//! when (with a dotted blank for what nobody gave), dates and times in words, the number
//! line, and the parts a conclusion and a report share (strengths, limitations, causes,
//! requests grouped by addressee; what was checked is in [`super::checked`]).

use chrono::{Datelike, NaiveDate};

use super::BLANK;
use super::layout::{Layout, clean};
use super::profile::{Profile, split_list};
use crate::checklist::Role;
use crate::i18n::doc::{self, DocText};
use crate::lang::Lang;
use crate::report::Summary;
use crate::report::format;

/// The record, the profile and the words of one document.
pub struct Facts<'a> {
    /// The record's summary.
    pub s: &'a Summary,
    /// The team's profile (with any one-off `--set` applied).
    pub p: &'a Profile,
    /// The fixed wording.
    pub t: &'static DocText,
    /// The document's language.
    pub lang: Lang,
}

/// `Some(value)` or the dotted blank.
pub fn or_blank(v: Option<String>) -> String {
    v.unwrap_or_else(|| BLANK.to_string())
}

impl<'a> Facts<'a> {
    /// The facts of a summary in its language.
    pub fn new(s: &'a Summary, p: &'a Profile) -> Facts<'a> {
        Facts {
            s,
            p,
            t: doc::text(s.lang),
            lang: s.lang,
        }
    }

    /// A header field's value by id (the first of `ids` that is filled).
    pub fn header(&self, ids: &[&str]) -> Option<String> {
        ids.iter().find_map(|id| {
            self.s
                .header
                .iter()
                .find(|f| f.id == *id)
                .map(|f| clean(&f.value))
                .filter(|v| !v.is_empty())
        })
    }

    /// The organisation inspected (a dotted blank when the record has none).
    pub fn org(&self) -> String {
        or_blank(Some(clean(&self.s.organisation)).filter(|o| !o.is_empty()))
    }

    /// The profile's value, else a header field, else a blank.
    pub fn fact(&self, key: &str, header_ids: &[&str]) -> String {
        or_blank(self.p.get(key).or_else(|| self.header(header_ids)))
    }

    /// The team's leader: the profile's name, else the record's `team-lead` field.
    pub fn lead(&self) -> String {
        match (self.p.get("lead-name"), self.p.get("lead-title")) {
            (Some(n), Some(t)) => format!("{n}, {t}"),
            (Some(n), None) => n,
            _ => self.fact("lead-name", &["team-lead", "lead"]),
        }
    }

    /// The leader's name alone, for the signature: the record's field holds "name, title".
    pub fn lead_name(&self) -> String {
        let lead = self.lead();
        match self.p.get("lead-name") {
            Some(n) => n,
            None => lead.split(',').next().unwrap_or(&lead).trim().to_string(),
        }
    }

    /// The team's secretary.
    pub fn secretary(&self) -> String {
        self.fact("secretary", &["secretary"])
    }

    /// The team members (from the record's `members` field, `;`-separated).
    pub fn members(&self) -> Vec<String> {
        self.header(&["members"])
            .map(|m| split_list(&m))
            .unwrap_or_default()
    }

    /// The plan or decision the inspection carries out.
    pub fn basis(&self) -> String {
        let t = self.t;
        let plan = or_blank(self.header(&["decision", "plan"]));
        match self.p.get("issuer").or_else(|| self.header(&["sent-by"])) {
            Some(by) => format!("{}{plan}{}{by}", t.basis, t.of),
            None => format!("{}{plan}", t.basis),
        }
    }

    /// The scoring rule the province applies (the record's `scoring-rule` field): scores go
    /// into a document only under a named rule; without one they are the team's own tally.
    pub fn scoring_rule(&self) -> Option<String> {
        self.header(&["scoring-rule"])
    }

    /// The subject of the inspection (the profile's `subject`), if given.
    pub fn subject(&self) -> Option<String> {
        self.p.get("subject")
    }

    /// The date of the inspection in words.
    pub fn inspection_date(&self) -> String {
        date_words(&self.s.date, self.lang)
    }

    /// The layout of the document.
    pub fn layout(&self) -> Layout {
        self.p.layout(self.lang)
    }

    /// The place-and-date line: with the inspection date, or with the date left blank.
    pub fn place_date(&self, dated: bool) -> String {
        let place = or_blank(self.p.get("place"));
        if dated {
            format!("{place}, {}", date_words(&self.s.date, self.lang))
        } else {
            place_date_blank(&place, self.t, self.lang)
        }
    }

    /// Statements and answers of one section that go into strengths; `titled`: a section
    /// at full marks is named (else the sentence stands under its title).
    pub(super) fn section_strengths(&self, sid: &str, titled: bool) -> Vec<String> {
        let statements: Vec<&str> = self
            .s
            .prose
            .statements
            .iter()
            .filter(|st| st.section.id == sid && !st.flagged)
            .map(|st| st.text.as_str())
            .collect();
        let stated = |qid: &str| self.s.prose.statements.iter().any(|st| st.question == qid);
        let mut out = Vec::new();
        if !statements.is_empty() {
            out.push(statements.join(" "));
        }
        for st in self.s.strengths.iter().filter(|st| st.section.id == sid) {
            match (&st.question, &st.answer) {
                (None, _) if statements.is_empty() && titled => out.push(sentence(&format!(
                    "{}: {}",
                    st.section.title, self.t.section_met
                ))),
                (None, _) if statements.is_empty() => {
                    out.push(sentence(&capitalised(self.t.section_met)))
                }
                (Some(q), Some(a)) if !stated(&q.id) => {
                    out.push(sentence(&format!("{}: {a}", question_phrase(&q.prompt))))
                }
                _ => {}
            }
        }
        out
    }

    /// Paragraphs of the strengths: per section, its statements as prose (or, for a
    /// checklist without statements, what was answered in full), then the text answers
    /// whose role is strengths.
    pub fn strengths(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .s
            .sections
            .iter()
            .flat_map(|sec| self.section_strengths(&sec.section.id, true))
            .collect();
        out.extend(self.role(Role::Strengths));
        out
    }

    /// Paragraphs of the limitations: each flagged statement with the inspector's note (or
    /// the question and answer where there is no statement), then the text answers whose
    /// role is limitations.
    pub fn limitations(&self) -> Vec<String> {
        let mut out = Vec::new();
        for sec in &self.s.sections {
            let sid = &sec.section.id;
            for st in self
                .s
                .prose
                .statements
                .iter()
                .filter(|st| &st.section.id == sid && st.flagged)
            {
                let note = self
                    .s
                    .findings
                    .iter()
                    .find(|f| f.question.id == st.question)
                    .map(|f| f.note.as_str())
                    .unwrap_or("");
                out.push(with_note(&st.text, note));
            }
            for f in self.s.findings.iter().filter(|f| &f.section.id == sid) {
                if !self
                    .s
                    .prose
                    .statements
                    .iter()
                    .any(|st| st.question == f.question.id)
                {
                    let base = format!("{}: {}", question_phrase(&f.question.prompt), f.answer);
                    out.push(with_note(&base, &f.note));
                }
            }
        }
        out.extend(self.role(Role::Limitations));
        out
    }

    /// Paragraphs of the causes (text answers whose role is causes), or one blank to fill.
    pub fn causes(&self) -> Vec<String> {
        let out = self.role(Role::Causes);
        if out.is_empty() {
            vec![BLANK.to_string()]
        } else {
            out
        }
    }

    /// The text answers of a role, each line a paragraph.
    pub fn role(&self, role: Role) -> Vec<String> {
        self.s
            .prose
            .of_role(role)
            .flat_map(|t| t.text.lines().map(clean).filter(|l| !l.is_empty()))
            .collect()
    }

    /// The recommendations grouped by addressee, in order of first appearance: the
    /// checklist's addressee, else the responsible party the inspector gave, else the unit.
    pub fn requests(&self) -> Vec<(String, Vec<String>)> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for r in &self.s.recommendations {
            let to = r
                .addressee
                .clone()
                .or_else(|| Some(r.responsible.clone()))
                .map(|a| clean(&a))
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| self.org());
            let mut text = clean(&r.text.replace('\n', " "));
            if let Some(due) = &r.due {
                text = format!(
                    "{} ({} {})",
                    text.trim_end_matches('.'),
                    self.t.remedy_by,
                    deadline(due, self.lang)
                );
            }
            match groups.iter_mut().find(|(a, _)| *a == to) {
                Some((_, items)) => items.push(text),
                None => groups.push((to, vec![text])),
            }
        }
        groups
    }
}

/// A date `YYYY-MM-DD` in words: `ngày 05 tháng 12 năm 2026` / `5 December 2026`;
/// anything else as typed.
pub fn date_words(iso: &str, lang: Lang) -> String {
    let Ok(d) = NaiveDate::parse_from_str(iso.trim(), "%Y-%m-%d") else {
        return clean(iso);
    };
    match lang {
        Lang::Vi => format!(
            "ngày {:02} tháng {:02} năm {}",
            d.day(),
            d.month(),
            d.year()
        ),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A deadline as the profile holds it (`YYYY-MM-DD`, `dd/mm/yyyy` or words): a date as
/// the document's language writes it in a sentence (`15/01/2027`, `15 January 2027`),
/// else as typed.
pub fn deadline(s: &str, lang: Lang) -> String {
    let s = clean(s);
    let iso = NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&s, "%d/%m/%Y"));
    match (iso, lang) {
        (Ok(d), Lang::Vi) => format::date(&d.format("%Y-%m-%d").to_string(), lang),
        (Ok(d), Lang::En) => d.format("%-d %B %Y").to_string(),
        (Err(_), _) => s,
    }
}

/// The items of a list as the lines of a document: each ends with `;`, the last with `.`.
pub fn list_items(items: &[String]) -> Vec<String> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let bare = item.trim().trim_end_matches(['.', ';', ',']);
            format!("{bare}{}", if i + 1 == n { '.' } else { ';' })
        })
        .collect()
}

/// The letter of the `i`-th (0-based) point under a numbered one: `a)`, `b)`, … in the
/// document's alphabet (Vietnamese: `d)`, `đ)`, `e)`, `g)`, no `f`, `j`, `w`, `z`); past
/// the last letter, a number.
pub fn point_letter(i: usize, lang: Lang) -> String {
    let letters = match lang {
        Lang::Vi => "abcdđeghiklmnopqrstuvxy",
        Lang::En => "abcdefghijklmnopqrstuvwxyz",
    };
    letters
        .chars()
        .nth(i)
        .map_or_else(|| format!("{})", i + 1), |c| format!("{c})"))
}

/// A time of day as typed (`8:30`, `8h30`, `08.30`, `8`) in words: `08 giờ 30` /
/// `08:30`; anything else as typed; none: a blank to fill.
pub fn time_words(s: Option<String>, lang: Lang) -> String {
    let Some(s) = s else {
        return match lang {
            Lang::Vi => format!("{BLANK} giờ {BLANK}"),
            Lang::En => BLANK.to_string(),
        };
    };
    let parts: Vec<&str> = s
        .split(|c: char| matches!(c, ':' | 'h' | 'H' | '.') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let hm = match parts.as_slice() {
        [h] => h.parse::<u32>().ok().map(|h| (h, 0)),
        [h, m] => h.parse::<u32>().ok().zip(m.parse::<u32>().ok()),
        _ => None,
    }
    .filter(|(h, m)| *h < 24 && *m < 60);
    match (hm, lang) {
        (Some((h, m)), Lang::Vi) => format!("{h:02} giờ {m:02}"),
        (Some((h, m)), Lang::En) => format!("{h:02}:{m:02}"),
        (None, _) => s,
    }
}

/// `Place, ngày …… tháng …… năm ……` / `Place, date ……`.
pub fn place_date_blank(place: &str, t: &DocText, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"),
        Lang::En => format!("{place}, {} {BLANK}", t.place_date_blank),
    }
}

/// The number line, left for the clerk to fill: `Số: …/BB-ĐKT` (state), `Số …-BB/ĐKT`
/// (Party), `No. …` (English).
pub fn number_line(layout: Layout, abbr: &str, code: Option<String>, t: &DocText) -> String {
    let code = or_blank(code);
    match layout {
        Layout::State => format!("{}{BLANK}/{abbr}-{code}", t.number),
        Layout::Party => format!("Số {BLANK}-{abbr}/{code}"),
        Layout::Plain => format!("{}{BLANK}", t.number),
    }
}

/// A question's prompt as a phrase in a sentence: the trailing `?` dropped.
pub fn question_phrase(prompt: &str) -> String {
    prompt.trim().trim_end_matches(['?', ' ']).to_string()
}

/// A heading without its leading number (`1. Ưu điểm` → `Ưu điểm`).
pub fn unnumbered(s: &str) -> &str {
    match s.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => s,
    }
}

/// The text with its first letter in capitals.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A text that ends like a sentence.
pub fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?', ':', ';', '…']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// A statement followed by the inspector's note (on one line), as sentences.
pub(super) fn with_note(text: &str, note: &str) -> String {
    let note = clean(&note.replace('\n', " "));
    if note.is_empty() {
        sentence(text)
    } else {
        format!("{} {}", sentence(text), sentence(&note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_in_words_with_leading_zeros() {
        assert_eq!(
            date_words("2026-03-05", Lang::Vi),
            "ngày 05 tháng 03 năm 2026"
        );
        assert_eq!(date_words("2026-03-05", Lang::En), "5 March 2026");
        assert_eq!(time_words(Some("8:05".into()), Lang::Vi), "08 giờ 05");
        assert_eq!(time_words(Some("14h30".into()), Lang::En), "14:30");
        assert_eq!(time_words(Some("sáng".into()), Lang::Vi), "sáng");
        assert_eq!(time_words(None, Lang::Vi), "…… giờ ……");
        assert_eq!(deadline("31/12/2026", Lang::Vi), "31/12/2026");
        assert_eq!(deadline("2026-12-31", Lang::En), "31 December 2026");
    }

    #[test]
    fn number_lines_per_layout() {
        let t = doc::text(Lang::Vi);
        assert_eq!(
            number_line(Layout::State, "BB", Some("ĐKT".into()), t),
            "Số: ……/BB-ĐKT"
        );
        assert_eq!(number_line(Layout::Party, "TB", None, t), "Số ……-TB/……");
    }

    #[test]
    fn lists_and_points_as_a_document_writes_them() {
        let items = ["Quyết định số 12.".to_string(), "Biên bản;".to_string()];
        assert_eq!(list_items(&items), ["Quyết định số 12;", "Biên bản."]);
        assert_eq!(point_letter(0, Lang::Vi), "a)");
        assert_eq!(point_letter(4, Lang::Vi), "đ)");
        assert_eq!(point_letter(9, Lang::Vi), "k)");
        assert_eq!(point_letter(5, Lang::En), "f)");
        assert_eq!(point_letter(40, Lang::En), "41)");
    }

    #[test]
    fn sentences_and_phrases() {
        assert_eq!(question_phrase("Có quy chế không?"), "Có quy chế không");
        assert_eq!(sentence("Đã ban hành"), "Đã ban hành.");
        assert_eq!(
            with_note("Chưa công khai", "Thiếu\nbiên bản"),
            "Chưa công khai. Thiếu biên bản."
        );
    }
}
