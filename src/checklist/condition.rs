//! `show_if` conditions: their JSON shape and their evaluation against answers.
//!
//! A condition is one of `{"q": ID, "is": V}`, `{"q": ID, "in": [V...]}`,
//! `{"q": ID, "answered": true}`, `{"q": ID, "gt"|"gte"|"lt"|"lte": N}`,
//! `{"all": [...]}`, `{"any": [...]}`, `{"not": C}`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::value::AnswerValue;

/// Comparison operators of numeric conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `gt`
    Gt,
    /// `gte`
    Gte,
    /// `lt`
    Lt,
    /// `lte`
    Lte,
}

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    /// The answer equals a value.
    Is { q: String, value: serde_json::Value },
    /// The answer is one of values (for multi: any chosen option is among them).
    In {
        q: String,
        values: Vec<serde_json::Value>,
    },
    /// The question is answered (or not, with `false`).
    Answered { q: String, answered: bool },
    /// A numeric comparison.
    Cmp { q: String, op: CmpOp, n: f64 },
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

/// The JSON shape of a condition, as written in files.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Condition")]
pub struct RawCondition {
    /// Id of an earlier question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// The answer equals this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<serde_json::Value>,
    /// The answer is one of these values.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_: Option<Vec<serde_json::Value>>,
    /// The question is answered (`true`) or not (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<bool>,
    /// The number answer is greater than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<f64>,
    /// The number answer is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<f64>,
    /// The number answer is less than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<f64>,
    /// The number answer is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<f64>,
    /// Every condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<RawCondition>>,
    /// At least one condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<RawCondition>>,
    /// The condition does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<RawCondition>>,
}

impl JsonSchema for Condition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Condition".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawCondition::json_schema(generator)
    }
}

const SHAPE: &str = "a condition needs \"q\" with exactly one of \"is\", \"in\", \"answered\", \"gt\", \"gte\", \"lt\", \"lte\", or exactly one of \"all\", \"any\", \"not\"";

impl TryFrom<RawCondition> for Condition {
    type Error = String;

    fn try_from(r: RawCondition) -> Result<Self, Self::Error> {
        let tests = [
            r.is.is_some(),
            r.in_.is_some(),
            r.answered.is_some(),
            r.gt.is_some(),
            r.gte.is_some(),
            r.lt.is_some(),
            r.lte.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        let groups = [r.all.is_some(), r.any.is_some(), r.not.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        match (r.q, tests, groups) {
            (Some(q), 1, 0) => Ok(if let Some(v) = r.is {
                Condition::Is { q, value: v }
            } else if let Some(values) = r.in_ {
                Condition::In { q, values }
            } else if let Some(answered) = r.answered {
                Condition::Answered { q, answered }
            } else if let Some(n) = r.gt {
                Condition::Cmp {
                    q,
                    op: CmpOp::Gt,
                    n,
                }
            } else if let Some(n) = r.gte {
                Condition::Cmp {
                    q,
                    op: CmpOp::Gte,
                    n,
                }
            } else if let Some(n) = r.lt {
                Condition::Cmp {
                    q,
                    op: CmpOp::Lt,
                    n,
                }
            } else if let Some(n) = r.lte {
                Condition::Cmp {
                    q,
                    op: CmpOp::Lte,
                    n,
                }
            } else {
                return Err(SHAPE.to_string());
            }),
            (None, 0, 1) => {
                if let Some(all) = r.all {
                    Ok(Condition::All(convert_all(all)?))
                } else if let Some(any) = r.any {
                    Ok(Condition::Any(convert_all(any)?))
                } else if let Some(not) = r.not {
                    Ok(Condition::Not(Box::new(Condition::try_from(*not)?)))
                } else {
                    Err(SHAPE.to_string())
                }
            }
            _ => Err(SHAPE.to_string()),
        }
    }
}

fn convert_all(list: Vec<RawCondition>) -> Result<Vec<Condition>, String> {
    list.into_iter().map(Condition::try_from).collect()
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> Self {
        let mut r = RawCondition::default();
        match c {
            Condition::Is { q, value } => {
                r.q = Some(q);
                r.is = Some(value);
            }
            Condition::In { q, values } => {
                r.q = Some(q);
                r.in_ = Some(values);
            }
            Condition::Answered { q, answered } => {
                r.q = Some(q);
                r.answered = Some(answered);
            }
            Condition::Cmp { q, op, n } => {
                r.q = Some(q);
                match op {
                    CmpOp::Gt => r.gt = Some(n),
                    CmpOp::Gte => r.gte = Some(n),
                    CmpOp::Lt => r.lt = Some(n),
                    CmpOp::Lte => r.lte = Some(n),
                }
            }
            Condition::All(list) => r.all = Some(list.into_iter().map(Into::into).collect()),
            Condition::Any(list) => r.any = Some(list.into_iter().map(Into::into).collect()),
            Condition::Not(c) => r.not = Some(Box::new((*c).into())),
        }
        r
    }
}

fn value_matches(answer: &AnswerValue, v: &serde_json::Value) -> bool {
    match (answer, v) {
        (AnswerValue::Text(s), serde_json::Value::String(w)) => s == w,
        (AnswerValue::Number(n), serde_json::Value::Number(w)) => {
            w.as_f64().is_some_and(|w| (w - n).abs() < 1e-9)
        }
        (AnswerValue::Multi(list), serde_json::Value::String(w)) => list.iter().any(|s| s == w),
        _ => false,
    }
}

impl Condition {
    /// Evaluates the condition; `answer(id)` gives the visible answer of a question.
    pub fn eval<'a>(&self, answer: &dyn Fn(&str) -> Option<&'a AnswerValue>) -> bool {
        match self {
            Condition::Is { q, value } => answer(q).is_some_and(|a| value_matches(a, value)),
            Condition::In { q, values } => {
                answer(q).is_some_and(|a| values.iter().any(|v| value_matches(a, v)))
            }
            Condition::Answered { q, answered } => answer(q).is_some() == *answered,
            Condition::Cmp { q, op, n } => match answer(q) {
                Some(AnswerValue::Number(x)) => match op {
                    CmpOp::Gt => *x > *n,
                    CmpOp::Gte => *x >= *n,
                    CmpOp::Lt => *x < *n,
                    CmpOp::Lte => *x <= *n,
                },
                _ => false,
            },
            Condition::All(list) => list.iter().all(|c| c.eval(answer)),
            Condition::Any(list) => list.iter().any(|c| c.eval(answer)),
            Condition::Not(c) => !c.eval(answer),
        }
    }

    /// Every question id this condition refers to, with the values it compares against.
    pub fn references(&self) -> Vec<(&str, Vec<&serde_json::Value>)> {
        match self {
            Condition::Is { q, value } => vec![(q.as_str(), vec![value])],
            Condition::In { q, values } => vec![(q.as_str(), values.iter().collect())],
            Condition::Answered { q, .. } | Condition::Cmp { q, .. } => {
                vec![(q.as_str(), Vec::new())]
            }
            Condition::All(list) | Condition::Any(list) => {
                list.iter().flat_map(Condition::references).collect()
            }
            Condition::Not(c) => c.references(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Condition, serde_json::Error> {
        serde_json::from_str(s)
    }

    #[test]
    fn parses_every_form() {
        assert!(matches!(
            parse(r#"{"q":"a","is":"yes"}"#),
            Ok(Condition::Is { .. })
        ));
        assert!(matches!(
            parse(r#"{"q":"a","in":["yes"]}"#),
            Ok(Condition::In { .. })
        ));
        assert!(matches!(
            parse(r#"{"q":"a","answered":true}"#),
            Ok(Condition::Answered { .. })
        ));
        assert!(matches!(
            parse(r#"{"q":"a","gte":8}"#),
            Ok(Condition::Cmp { op: CmpOp::Gte, .. })
        ));
        assert!(matches!(
            parse(r#"{"all":[{"q":"a","is":"x"},{"not":{"q":"b","lt":3}}]}"#),
            Ok(Condition::All(_))
        ));
    }

    #[test]
    fn rejects_mixed_or_empty_shapes() {
        for bad in [
            r#"{}"#,
            r#"{"q":"a"}"#,
            r#"{"q":"a","is":"x","gt":1}"#,
            r#"{"all":[],"any":[]}"#,
            r#"{"q":"a","all":[]}"#,
        ] {
            let err = parse(bad).unwrap_err().to_string();
            assert!(err.contains("a condition needs"), "{bad}: {err}");
        }
        let err = parse(r#"{"q":"a","si":"x"}"#).unwrap_err().to_string();
        assert!(err.contains("unknown field `si`"), "{err}");
    }

    #[test]
    fn evaluates_against_answers() {
        let yes = AnswerValue::Text("yes".into());
        let staff = AnswerValue::Number(12.0);
        let multi = AnswerValue::Multi(vec!["board".into(), "email".into()]);
        let lookup = |id: &str| -> Option<&AnswerValue> {
            match id {
                "a" => Some(&yes),
                "staff" => Some(&staff),
                "forms" => Some(&multi),
                _ => None,
            }
        };
        let c = |s: &str| parse(s).unwrap();
        assert!(c(r#"{"q":"a","is":"yes"}"#).eval(&lookup));
        assert!(!c(r#"{"q":"a","is":"no"}"#).eval(&lookup));
        assert!(c(r#"{"q":"staff","gt":7}"#).eval(&lookup));
        assert!(!c(r#"{"q":"staff","lte":7}"#).eval(&lookup));
        assert!(c(r#"{"q":"forms","in":["email"]}"#).eval(&lookup));
        assert!(c(r#"{"q":"missing","answered":false}"#).eval(&lookup));
        assert!(!c(r#"{"q":"missing","gt":0}"#).eval(&lookup));
        assert!(
            c(r#"{"any":[{"q":"missing","answered":true},{"not":{"q":"a","is":"no"}}]}"#)
                .eval(&lookup)
        );
    }
}
