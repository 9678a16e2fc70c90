//! The `show_if` rules: a condition may only refer to earlier, answerable questions, and
//! only compare with values those questions can take (options, numbers, dates).

use super::{FastMap, Place, Rules, is_date, list, type_name, usable_options};
use crate::checklist::condition::{Condition, MAX_RATIO_TERM, Operand, Scaled};
use crate::checklist::model::{Checklist, Question, QuestionType};

/// What conditions of one question may refer to.
pub(super) struct Scope<'a> {
    /// The whole checklist (for response sets).
    pub(super) checklist: &'a Checklist,
    /// The question the condition belongs to.
    pub(super) this: &'a str,
    /// Where it is: (section, question).
    pub(super) at: (usize, usize),
    /// Every question, with its place.
    pub(super) all: &'a FastMap<&'a str, Place>,
    /// Header field ids.
    pub(super) header: &'a FastMap<&'a str, Place>,
}

impl Rules {
    pub(super) fn condition(&mut self, s: &Scope<'_>, c: &Condition, p: String) {
        match c {
            Condition::Is { q, value } => {
                if let Some(target) = self.reference(s, q, &p) {
                    self.value(s, target, value, format!("{p}/is"));
                }
            }
            Condition::In { q, values } => {
                if let Some(target) = self.reference(s, q, &p) {
                    if values.is_empty() {
                        self.push(format!("{p}/in"), "\"in\" needs at least one value");
                    }
                    for (k, v) in values.iter().enumerate() {
                        self.value(s, target, v, format!("{p}/in/{k}"));
                    }
                }
            }
            Condition::Answered { q, .. } => {
                self.reference(s, q, &p);
            }
            Condition::Cmp { q, op, rhs } => {
                let op = op.key();
                if let Some(target) = self.reference(s, q, &p)
                    && target.kind != QuestionType::Number
                {
                    self.push(
                        format!("{p}/{op}"),
                        format!(
                            "\"{op}\" compares numbers, but question \"{q}\" is a {} question",
                            type_name(target.kind)
                        ),
                    );
                }
                if let Operand::Answer(scaled) = rhs {
                    self.scaled(s, scaled, format!("{p}/{op}"));
                }
            }
            Condition::All(list) | Condition::Any(list) => {
                let key = if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if list.is_empty() {
                    self.push(
                        format!("{p}/{key}"),
                        format!("\"{key}\" needs at least one condition"),
                    );
                }
                for (k, sub) in list.iter().enumerate() {
                    self.condition(s, sub, format!("{p}/{key}/{k}"));
                }
            }
            Condition::Not(sub) => self.condition(s, sub, format!("{p}/not")),
        }
    }

    /// The right-hand side `{"q": ID, "ratio": [A, B]}` of a comparison: an earlier number
    /// question and a ratio of two whole numbers from 1 to 1000.
    fn scaled(&mut self, s: &Scope<'_>, scaled: &Scaled, p: String) {
        let q = &scaled.q;
        if let Some(target) = self.reference(s, q, &p)
            && target.kind != QuestionType::Number
        {
            self.push(
                format!("{p}/q"),
                format!(
                    "a comparison can only scale a number question, but question \"{q}\" is a {} question",
                    type_name(target.kind)
                ),
            );
        }
        if scaled.ratio().is_none() {
            self.push(
                format!("{p}/ratio"),
                format!(
                    "\"ratio\" takes two whole numbers from 1 to {MAX_RATIO_TERM}, [numerator, denominator], e.g. [2, 3] for two thirds"
                ),
            );
        }
    }

    /// The earlier question a condition refers to, or a violation.
    fn reference<'a>(&mut self, s: &Scope<'a>, q: &str, p: &str) -> Option<&'a Question> {
        if q == s.this {
            self.push(p, format!("refers to question \"{q}\" itself"));
            return None;
        }
        let earlier = match s.all.get(q) {
            Some(&Place::Question(i, j)) if (i, j) < s.at => {
                s.checklist.sections.get(i).and_then(|x| x.questions.get(j))
            }
            _ => None,
        };
        if let Some(target) = earlier {
            if target.kind == QuestionType::Info {
                self.push(
                    p,
                    format!("refers to info question \"{q}\", which takes no answer"),
                );
                return None;
            }
            return Some(target);
        }
        if let Some(at) = s.all.get(q) {
            self.push(
                p,
                format!(
                    "refers to question \"{q}\" which comes later (at {at}); a condition may only refer to earlier questions"
                ),
            );
        } else if s.header.contains_key(q) {
            self.push(
                p,
                format!("refers to header field \"{q}\"; a condition may only refer to questions"),
            );
        } else {
            self.push(p, format!("refers to unknown question \"{q}\""));
        }
        None
    }

    /// Checks that `value` is something question `target` can take.
    fn value(&mut self, s: &Scope<'_>, target: &Question, value: &serde_json::Value, p: String) {
        let q = &target.id;
        match target.kind {
            QuestionType::Choice | QuestionType::Multi => {
                let options = usable_options(s.checklist, target);
                if options.is_empty() {
                    return; // reported on the question itself
                }
                let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                match value.as_str() {
                    Some(v) if values.contains(&v) => {}
                    _ => self.push(
                        p,
                        format!(
                            "{value} is not an option of question \"{q}\" (options: {})",
                            list(&values)
                        ),
                    ),
                }
            }
            QuestionType::Number => match value.as_f64() {
                None => self.push(
                    p,
                    format!("question \"{q}\" is a number question; compare it with a number, not {value}"),
                ),
                Some(n) => {
                    let below = target.min.is_some_and(|m| n < m);
                    let above = target.max.is_some_and(|m| n > m);
                    if below || above {
                        self.push(
                            p,
                            format!("{n} is outside the range allowed for question \"{q}\""),
                        );
                    }
                }
            },
            QuestionType::Text => {
                if !value.is_string() {
                    self.push(
                        p,
                        format!("question \"{q}\" is a text question; compare it with a string, not {value}"),
                    );
                }
            }
            QuestionType::Date => {
                if !value.as_str().is_some_and(is_date) {
                    self.push(
                        p,
                        format!("question \"{q}\" is a date question; {value} is not a date (YYYY-MM-DD)"),
                    );
                }
            }
            QuestionType::Info => {}
        }
    }
}
