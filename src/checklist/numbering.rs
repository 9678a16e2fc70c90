//! The one numbering of sections and questions, as printed on the checklist: every screen,
//! search result, summary and report numbers a question `section.question` from here.
//!
//! - A section's number is the one its title carries (`V. Hội nghị …` is section 5;
//!   `2. Suppliers` is section 2). When no section title carries a number, sections are
//!   counted in order from 1. When some do, a section whose title carries none (an
//!   opening `Thông tin chung`) is unnumbered.
//! - A question's number counts the questions of its section that take an answer, as a
//!   reader of the printed checklist counts them: conditional questions included (the paper
//!   prints them), `info` items not (they are text, not questions). In an unnumbered
//!   section a question is numbered by that count alone.
//!
//! Numbers never depend on the answers, so they do not move during an inspection.

use super::model::{Checklist, Question};

/// The number a title starts with: a Roman numeral (`IV.`) or digits (`4.`, `4)`),
/// followed by a space.
pub fn title_number(title: &str) -> Option<u32> {
    let t = title.trim_start();
    let end = t.find(['.', ')'])?;
    let (head, rest) = t.split_at(end);
    if !rest[1..].starts_with(char::is_whitespace) || head.is_empty() {
        return None;
    }
    if head.chars().all(|c| c.is_ascii_digit()) {
        return head.parse().ok().filter(|&n| n > 0);
    }
    roman(head)
}

/// The value of an upper-case Roman numeral up to 3999 written canonically.
fn roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    // Only the canonical spelling (rejects `IIII`, `VX`, and words such as `MIX`… that
    // spell a number by chance are still numbers, which is what a reader would take).
    (to_roman(n) == s).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The number printed on a section's title, in the checklist's first language.
fn printed(c: &Checklist, si: usize) -> Option<u32> {
    let s = c.sections.get(si)?;
    s.title.all().first().and_then(|t| title_number(t))
}

/// A section's number: the one its title carries, else its place when no title carries
/// one, else none.
pub fn section_number(c: &Checklist, si: usize) -> Option<u32> {
    if let Some(n) = printed(c, si) {
        return Some(n);
    }
    let any_printed = (0..c.sections.len()).any(|i| printed(c, i).is_some());
    if any_printed {
        None
    } else {
        u32::try_from(si + 1).ok()
    }
}

/// The number of the question at `qi` in section `si` (`5.2`, or `2` in an unnumbered
/// section); `None` for an `info` item.
pub fn question_number(c: &Checklist, si: usize, qi: usize) -> Option<String> {
    let questions = &c.sections.get(si)?.questions;
    let q: &Question = questions.get(qi)?;
    if !q.is_answerable() {
        return None;
    }
    let n = questions[..qi].iter().filter(|q| q.is_answerable()).count() + 1;
    Some(match section_number(c, si) {
        Some(s) => format!("{s}.{n}"),
        None => n.to_string(),
    })
}

/// The number of question `q` of section `si` (found in it by id).
pub fn number_in(c: &Checklist, si: usize, q: &Question) -> Option<String> {
    let qi = c
        .sections
        .get(si)?
        .questions
        .iter()
        .position(|x| x.id == q.id)?;
    question_number(c, si, qi)
}

/// The number of a question, by id.
pub fn number_of(c: &Checklist, id: &str) -> Option<String> {
    c.sections.iter().enumerate().find_map(|(si, s)| {
        let qi = s.questions.iter().position(|q| q.id == id)?;
        question_number(c, si, qi)
    })
}

/// A section's heading as screens and reports print it: its title when the title carries
/// its number, else `N. title`, else the title alone (unnumbered).
pub fn section_heading(c: &Checklist, si: usize, title: &str) -> String {
    if printed(c, si).is_some() {
        return title.to_string();
    }
    match section_number(c, si) {
        Some(n) => format!("{n}. {title}"),
        None => title.to_string(),
    }
}

/// Every question's number at once, for renderers that walk the whole checklist.
#[derive(Debug, Clone)]
pub struct Numbering {
    sections: Vec<Option<u32>>,
    printed: Vec<bool>,
}

impl Numbering {
    /// The numbering of a checklist.
    pub fn of(c: &Checklist) -> Numbering {
        let printed: Vec<Option<u32>> = (0..c.sections.len()).map(|i| printed(c, i)).collect();
        let any = printed.iter().any(Option::is_some);
        let sections = printed
            .iter()
            .enumerate()
            .map(|(i, p)| match (p, any) {
                (Some(n), _) => Some(*n),
                (None, true) => None,
                (None, false) => u32::try_from(i + 1).ok(),
            })
            .collect();
        Numbering {
            sections,
            printed: printed.iter().map(Option::is_some).collect(),
        }
    }

    /// A section's number (see [`section_number`]).
    pub fn section(&self, si: usize) -> Option<u32> {
        self.sections.get(si).copied().flatten()
    }

    /// The number of the `n`-th (1-based) answerable question of section `si`.
    pub fn question(&self, si: usize, n: usize) -> String {
        match self.section(si) {
            Some(s) => format!("{s}.{n}"),
            None => n.to_string(),
        }
    }

    /// A section's heading (see [`section_heading`]).
    pub fn heading(&self, si: usize, title: &str) -> String {
        if self.printed.get(si).copied().unwrap_or(false) {
            return title.to_string();
        }
        match self.section(si) {
            Some(n) => format!("{n}. {title}"),
            None => title.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_printed_on_titles_are_read() {
        assert_eq!(title_number("V. Hội nghị cán bộ"), Some(5));
        assert_eq!(title_number("XIV. Khác"), Some(14));
        assert_eq!(title_number("2. Suppliers"), Some(2));
        assert_eq!(title_number("3) Records"), Some(3));
        assert_eq!(title_number("Thông tin chung"), None);
        assert_eq!(title_number("IIII. Not canonical"), None);
        assert_eq!(title_number("Ví dụ. Không phải số"), None);
        assert_eq!(title_number("1.250 cán bộ"), None);
    }

    #[test]
    fn bundled_qcdc_is_numbered_as_printed() {
        let text = include_str!("../../checklists/qcdc-agency.json");
        let c = crate::checklist::load_str(text, "qcdc-agency.json").expect("bundled");
        let si = c
            .sections
            .iter()
            .position(|s| s.id == "conference")
            .expect("conference");
        let qi = c.sections[si]
            .questions
            .iter()
            .position(|q| q.id == "conf-date")
            .expect("q");
        // "V. Hội nghị …": conf-held is 5.1, conf-date 5.2 (both conditional).
        assert_eq!(question_number(&c, si, qi).as_deref(), Some("5.2"));
        assert_eq!(number_of(&c, "conf-date").as_deref(), Some("5.2"));
        // The opening "Thông tin chung" is unnumbered; its info item has no number.
        assert_eq!(section_number(&c, 0), None);
        assert_eq!(number_of(&c, "scope"), None);
        assert_eq!(number_of(&c, "staff-total").as_deref(), Some("1"));
        let all = Numbering::of(&c);
        assert_eq!(all.section(si), Some(5));
        assert_eq!(all.question(si, 2), "5.2");
        assert_eq!(all.heading(0, "Thông tin chung"), "Thông tin chung");
    }
}
