//! The rules of the checklist format that span several places (SPEC §3): ids and their
//! uniqueness, response sets, which fields each question type takes, `show_if` references
//! and values, `when` values, ranges, empty sections and texts.
//!
//! Shapes, unknown and missing fields are checked earlier by serde. Every rule reports a
//! JSON pointer and one sentence; `load` turns the pointer into a line and column.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use super::locate::escape;
use super::model::{
    Checklist, FORMAT, HeaderType, OptionDef, Question, QuestionType, RecommendationDef,
};
use super::placeholder;
use super::text::Text;

/// A hash map keyed by short ids, with a fast (not DoS-resistant) hash: the keys come
/// from the checklist being validated, and validating 20,000 questions must stay quick.
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The FNV-1a hash.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Where an id is defined; written as its JSON pointer only when a message needs it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place {
    /// `/header/{i}/id`
    HeaderId(usize),
    /// `/sections/{i}/id`
    SectionId(usize),
    /// `/sections/{i}/questions/{j}`
    Question(usize, usize),
    /// `/sections/{i}/questions/{j}/id`
    QuestionId(usize, usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::HeaderId(i) => write!(f, "/header/{i}/id"),
            Place::SectionId(i) => write!(f, "/sections/{i}/id"),
            Place::Question(i, j) => write!(f, "/sections/{i}/questions/{j}"),
            Place::QuestionId(i, j) => write!(f, "/sections/{i}/questions/{j}/id"),
        }
    }
}

/// A JSON pointer and a suffix, written out only when a message needs them.
struct Then<'a>(&'a dyn fmt::Display, &'static str);

impl fmt::Display for Then<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.0, self.1)
    }
}

/// One broken rule: where (a JSON pointer) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer of the offending value, e.g. `/sections/1/questions/0/show_if`.
    pub path: String,
    /// One sentence saying what is wrong.
    pub message: String,
}

pub use super::model::is_valid_id;

/// Checks every rule; returns all violations, in file order.
pub fn validate(c: &Checklist) -> Vec<Violation> {
    let mut v = Rules::default();
    v.checklist(c);
    v.out
}

fn type_name(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Choice => "choice",
        QuestionType::Multi => "multi",
        QuestionType::Number => "number",
        QuestionType::Text => "text",
        QuestionType::Date => "date",
        QuestionType::Info => "info",
    }
}

fn is_date(s: &str) -> bool {
    super::value::is_iso_date(s)
}

fn takes_options(kind: QuestionType) -> bool {
    matches!(kind, QuestionType::Choice | QuestionType::Multi)
}

fn list(values: &[&str]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for v in values {
        if !unique.contains(v) {
            unique.push(v);
        }
    }
    unique.join(", ")
}

/// The options a condition or recommendation may name; empty when the question's
/// options are already reported as missing or ambiguous (no cascade of problems).
fn usable_options<'a>(c: &'a Checklist, q: &'a Question) -> &'a [OptionDef] {
    if q.responses.is_some() && q.options.is_some() {
        return &[];
    }
    c.options_of(q)
}

#[derive(Default)]
struct Rules {
    out: Vec<Violation>,
}

impl Rules {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Violation {
            path: path.into(),
            message: message.into(),
        });
    }

    fn id(&mut self, id: &str, path: impl FnOnce() -> String, what: &str) {
        if !is_valid_id(id) {
            self.push(
                path(),
                format!(
                    "{what} \"{id}\" is not a valid id: use lowercase letters a-z, digits, '-' and '_', starting with a letter or digit"
                ),
            );
        }
    }

    fn text(&mut self, t: &Text, path: impl FnOnce() -> String, what: &str) {
        if t.is_empty() {
            self.push(path(), format!("the {what} is empty"));
        }
    }

    fn checklist(&mut self, c: &Checklist) {
        if c.format != FORMAT {
            self.push(
                "/format",
                format!(
                    "unknown format \"{}\"; this version of onsite reads \"{FORMAT}\"",
                    c.format
                ),
            );
        }
        self.id(&c.id, || "/id".into(), "checklist id");
        if c.version.trim().is_empty() {
            self.push("/version", "the version is empty");
        }
        self.text(&c.title, || "/title".into(), "title");

        // Questions and header fields share one namespace.
        let mut header_ids: FastMap<&str, Place> = FastMap::default();
        for (i, h) in c.header.iter().enumerate() {
            let p = format!("/header/{i}");
            self.id(&h.id, || format!("{p}/id"), "header field id");
            self.unique(&mut header_ids, &h.id, Place::HeaderId(i));
            self.text(&h.label, || format!("{p}/label"), "label");
            if let Some(d) = &h.default {
                match h.kind {
                    HeaderType::Date if d != "today" && !is_date(d) => self.push(
                        format!("{p}/default"),
                        format!(
                            "default \"{d}\" of date field \"{}\" is not a date (YYYY-MM-DD) or \"today\"",
                            h.id
                        ),
                    ),
                    HeaderType::Number if d.trim().parse::<f64>().map_or(true, |n| !n.is_finite()) => {
                        self.push(
                            format!("{p}/default"),
                            format!(
                                "default \"{d}\" of number field \"{}\" is not a number",
                                h.id
                            ),
                        )
                    }
                    _ => {}
                }
            }
        }

        for (name, options) in &c.response_sets {
            let p = format!("/response_sets/{}", escape(name));
            self.id(name, || p.clone(), "response set name");
            if options.is_empty() {
                self.push(p.clone(), format!("response set \"{name}\" has no options"));
            }
            self.options(options, &p);
        }

        for (i, band) in c.rating.iter().enumerate() {
            let p = format!("/rating/{i}");
            if !(0.0..=1.0).contains(&band.min) {
                self.push(
                    format!("{p}/min"),
                    format!(
                        "rating min {} is outside 0..1 (scores are fractions: 0.9 means 90%)",
                        band.min
                    ),
                );
            }
            self.text(&band.label, || format!("{p}/label"), "label");
        }

        if c.sections.is_empty() {
            self.push("/sections", "the checklist has no sections");
        }
        // Each question id with the place it is first used, made once: it answers whether an
        // id is taken and whether a question comes earlier (a large checklist has many).
        let count = c.sections.iter().map(|s| s.questions.len()).sum();
        let mut all: FastMap<&str, Place> =
            FastMap::with_capacity_and_hasher(count, Default::default());
        for (i, s) in c.sections.iter().enumerate() {
            for (j, q) in s.questions.iter().enumerate() {
                all.entry(&q.id).or_insert(Place::Question(i, j));
            }
        }
        let mut section_ids: FastMap<&str, Place> = FastMap::default();
        for (i, s) in c.sections.iter().enumerate() {
            let p = format!("/sections/{i}");
            self.id(&s.id, || format!("{p}/id"), "section id");
            self.unique(&mut section_ids, &s.id, Place::SectionId(i));
            self.text(&s.title, || format!("{p}/title"), "title");
            if s.questions.is_empty() {
                self.push(
                    format!("{p}/questions"),
                    format!("section \"{}\" has no questions", s.id),
                );
            }
            for (j, q) in s.questions.iter().enumerate() {
                let qp = Place::Question(i, j);
                self.id(&q.id, || format!("{qp}/id"), "question id");
                let first = header_ids.get(q.id.as_str()).copied().or_else(|| {
                    match all.get(q.id.as_str()) {
                        Some(&Place::Question(a, b)) if (a, b) != (i, j) => {
                            Some(Place::QuestionId(a, b))
                        }
                        _ => None,
                    }
                });
                if let Some(first) = first {
                    self.push(
                        Place::QuestionId(i, j).to_string(),
                        format!("duplicate id \"{}\": already used at {first}", q.id),
                    );
                }
                self.question(c, q, &qp as &dyn fmt::Display);
                self.document_fields(c, q, &qp, &header_ids, &all);
                if let Some(cond) = &q.show_if {
                    let scope = conditions::Scope {
                        checklist: c,
                        this: &q.id,
                        at: (i, j),
                        all: &all,
                        header: &header_ids,
                    };
                    self.condition(&scope, cond, format!("{qp}/show_if"));
                }
            }
        }
    }

    fn unique<'a>(&mut self, seen: &mut FastMap<&'a str, Place>, id: &'a str, at: Place) {
        if let Some(first) = seen.get(id) {
            self.push(
                at.to_string(),
                format!("duplicate id \"{id}\": already used at {first}"),
            );
        } else {
            seen.insert(id, at);
        }
    }

    fn options(&mut self, options: &[OptionDef], path: &str) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (k, o) in options.iter().enumerate() {
            let p = format!("{path}/{k}");
            self.id(&o.value, || format!("{p}/value"), "option value");
            if let Some(first) = seen.get(o.value.as_str()) {
                self.push(
                    format!("{p}/value"),
                    format!(
                        "duplicate option value \"{}\": already used at {first}",
                        o.value
                    ),
                );
            } else {
                seen.insert(&o.value, format!("{p}/value"));
            }
            self.text(&o.label, || format!("{p}/label"), "label");
        }
    }

    fn question(&mut self, c: &Checklist, q: &Question, p: &dyn fmt::Display) {
        let kind = type_name(q.kind);
        self.text(&q.prompt, || format!("{p}/prompt"), "prompt");
        if takes_options(q.kind) {
            match (&q.responses, &q.options) {
                (Some(_), Some(_)) => self.push(
                    format!("{p}/options"),
                    format!(
                        "question \"{}\" has both \"responses\" and \"options\"; give one of them",
                        q.id
                    ),
                ),
                (None, None) => self.push(
                    p.to_string(),
                    format!(
                        "{kind} question \"{}\" needs \"responses\" (the name of a response set) or \"options\"",
                        q.id
                    ),
                ),
                (Some(name), None) => {
                    if !c.response_sets.contains_key(name) {
                        let known: Vec<&str> = c.response_sets.keys().map(String::as_str).collect();
                        let hint = if known.is_empty() {
                            "the checklist defines no response sets".to_string()
                        } else {
                            format!("known sets: {}", list(&known))
                        };
                        self.push(
                            format!("{p}/responses"),
                            format!("unknown response set \"{name}\" ({hint})"),
                        );
                    }
                }
                (None, Some(options)) => {
                    if options.is_empty() {
                        self.push(
                            format!("{p}/options"),
                            format!("{kind} question \"{}\" has no options", q.id),
                        );
                    }
                    self.options(options, &format!("{p}/options"));
                }
            }
        } else {
            if q.responses.is_some() {
                self.push(
                    format!("{p}/responses"),
                    format!("a {kind} question takes no \"responses\"; only choice and multi do"),
                );
            }
            if q.options.is_some() {
                self.push(
                    format!("{p}/options"),
                    format!("a {kind} question takes no \"options\"; only choice and multi do"),
                );
            }
        }
        if q.kind == QuestionType::Number {
            if let (Some(min), Some(max)) = (q.min, q.max)
                && min > max
            {
                self.push(
                    format!("{p}/min"),
                    format!("min {min} is greater than max {max}"),
                );
            }
        } else {
            let extras = [
                ("min", q.min.is_some()),
                ("max", q.max.is_some()),
                ("integer", q.integer),
                ("unit", q.unit.is_some()),
            ];
            for (field, present) in extras {
                if present {
                    self.push(
                        format!("{p}/{field}"),
                        format!("a {kind} question takes no \"{field}\"; only number questions do"),
                    );
                }
            }
        }
        if q.kind == QuestionType::Info && q.required {
            self.push(
                format!("{p}/required"),
                format!(
                    "info question \"{}\" cannot be required: it takes no answer",
                    q.id
                ),
            );
        }
        if let Some(r) = &q.recommendation {
            self.recommendation(c, q, r, &Then(p, "/recommendation"));
        }
    }

    /// The fields documents use: `statement` per option value, `role` on text questions,
    /// and the `{id}` placeholders in statements and recommendations.
    fn document_fields(
        &mut self,
        c: &Checklist,
        q: &Question,
        p: &Place,
        header: &FastMap<&str, Place>,
        all: &FastMap<&str, Place>,
    ) {
        if !q.statement.is_empty() {
            if takes_options(q.kind) {
                let options = usable_options(c, q);
                let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                for value in q.statement.keys() {
                    if !options.is_empty() && !values.contains(&value.as_str()) {
                        self.push(
                            format!("{p}/statement/{}", escape(value)),
                            format!(
                                "\"{value}\" is not an option of question \"{}\" (options: {})",
                                q.id,
                                list(&values)
                            ),
                        );
                    }
                }
            } else {
                self.push(
                    format!("{p}/statement"),
                    format!(
                        "a {} question takes no \"statement\"; only choice and multi questions do (name its answer as {{{}}} in another statement)",
                        type_name(q.kind),
                        q.id
                    ),
                );
            }
        }
        for (value, t) in &q.statement {
            let sp = format!("{p}/statement/{}", escape(value));
            self.text(t, || sp.clone(), "statement");
            self.placeholders(c, t, &sp, header, all);
        }
        if q.role.is_some() && q.kind != QuestionType::Text {
            self.push(
                format!("{p}/role"),
                format!(
                    "a {} question takes no \"role\"; only text questions do (it says where their answer goes in the documents)",
                    type_name(q.kind)
                ),
            );
        }
        if let Some(r) = &q.recommendation {
            self.placeholders(c, &r.text, &format!("{p}/recommendation/text"), header, all);
            if let Some(a) = &r.addressee {
                let ap = format!("{p}/recommendation/addressee");
                self.text(a, || ap.clone(), "addressee");
                self.placeholders(c, a, &ap, header, all);
            }
        }
    }

    /// Every `{id}` in a text names a header field or a question that takes an answer.
    fn placeholders(
        &mut self,
        c: &Checklist,
        t: &Text,
        p: &str,
        header: &FastMap<&str, Place>,
        all: &FastMap<&str, Place>,
    ) {
        for s in t.all() {
            for id in placeholder::names(s) {
                if header.contains_key(id) {
                    continue;
                }
                match all.get(id) {
                    Some(&Place::Question(i, j)) => {
                        let named = &c.sections[i].questions[j];
                        if !named.is_answerable() {
                            self.push(
                                p.to_string(),
                                format!(
                                    "placeholder {{{id}}} names info question \"{id}\", which has no answer to write"
                                ),
                            );
                        }
                    }
                    _ => self.push(
                        p.to_string(),
                        format!(
                            "placeholder {{{id}}} names no header field or question; write the id of one, e.g. {{organisation}}"
                        ),
                    ),
                }
            }
        }
    }

    fn recommendation(
        &mut self,
        c: &Checklist,
        q: &Question,
        r: &RecommendationDef,
        p: &dyn fmt::Display,
    ) {
        self.text(&r.text, || format!("{p}/text"), "recommendation text");
        if !takes_options(q.kind) {
            self.push(
                p.to_string(),
                format!(
                    "a {} question takes no scripted recommendation; only choice and multi questions do (the inspector can add one while inspecting)",
                    type_name(q.kind)
                ),
            );
            return;
        }
        let options = usable_options(c, q);
        if options.is_empty() {
            return; // already reported: no or unknown options
        }
        let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
        match &r.when {
            Some(when) if when.is_empty() => self.push(
                format!("{p}/when"),
                "\"when\" is empty; leave it out to use the flagged options",
            ),
            Some(when) => {
                for (k, w) in when.iter().enumerate() {
                    if !values.contains(&w.as_str()) {
                        self.push(
                            format!("{p}/when/{k}"),
                            format!(
                                "\"{w}\" is not an option of question \"{}\" (options: {})",
                                q.id,
                                list(&values)
                            ),
                        );
                    }
                }
            }
            None => {
                if !options.iter().any(|o| o.flag) {
                    self.push(
                        p.to_string(),
                        format!(
                            "the recommendation can never apply: no option of question \"{}\" is flagged; list the values in \"when\"",
                            q.id
                        ),
                    );
                }
            }
        }
    }
}

mod conditions;

#[cfg(test)]
mod tests {
    // Every rule is tested through the loader (message and line:column) in
    // `tests/validate_rules.rs`; here only the id pattern itself.
    use super::*;

    #[test]
    fn id_pattern() {
        for good in ["a", "0", "qcdc-agency", "q_1", "2026-x"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "-a", "_a", "A", "Ban", "a b", "a.b", "chỉ", "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
