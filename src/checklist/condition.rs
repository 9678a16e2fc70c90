//! `show_if` conditions: their JSON shape and their evaluation against answers.
//!
//! A condition is one of `{"q": ID, "is": V}`, `{"q": ID, "in": [V...]}`,
//! `{"q": ID, "answered": true}`, `{"q": ID, "gt"|"gte"|"lt"|"lte": N}`,
//! `{"all": [...]}`, `{"any": [...]}`, `{"not": C}`.
//!
//! The right-hand side of a comparison may also be another number question scaled by a
//! ratio of whole numbers, `{"q": ID, "ratio": [A, B]}` (A/B, default 1/1), so thresholds
//! such as a quorum of two thirds of the staff are computed from the answers:
//! `{"q": "conf-attended", "gte": {"q": "staff-total", "ratio": [2, 3]}}`. The comparison
//! is made without division (`x × B` against `y × A`), so 20 of 30 is exactly two thirds.

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

impl CmpOp {
    /// Its name in files.
    pub fn key(self) -> &'static str {
        match self {
            CmpOp::Gt => "gt",
            CmpOp::Gte => "gte",
            CmpOp::Lt => "lt",
            CmpOp::Lte => "lte",
        }
    }

    /// Whether `left OP right`.
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            CmpOp::Gt => left > right,
            CmpOp::Gte => left >= right,
            CmpOp::Lt => left < right,
            CmpOp::Lte => left <= right,
        }
    }
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
    /// A numeric comparison with a number or with another answer scaled by a ratio.
    Cmp { q: String, op: CmpOp, rhs: Operand },
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

/// The right-hand side of a numeric comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value", into = "serde_json::Value")]
pub enum Operand {
    /// A fixed number.
    Number(f64),
    /// Another number question's answer times `ratio[0] / ratio[1]`.
    Answer(Scaled),
}

/// Another number question's answer, scaled by a ratio of whole numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scaled {
    /// Id of an earlier number question.
    pub q: String,
    /// `[numerator, denominator]`: two whole numbers from 1 to 1000; `[1, 1]` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "ratio_schema")]
    pub ratio: Option<Vec<serde_json::Number>>,
}

fn ratio_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": {"type": "integer", "minimum": 1, "maximum": 1000},
        "minItems": 2,
        "maxItems": 2
    })
}

/// Largest numerator or denominator of a ratio.
pub const MAX_RATIO_TERM: f64 = 1000.0;

impl Scaled {
    /// The ratio as (numerator, denominator) when it is well formed (two whole numbers
    /// from 1 to [`MAX_RATIO_TERM`]); the validator reports any other.
    pub fn ratio(&self) -> Option<(f64, f64)> {
        let term = |x: &serde_json::Number| {
            x.as_f64()
                .filter(|x| x.fract() == 0.0 && (1.0..=MAX_RATIO_TERM).contains(x))
        };
        match self.ratio.as_deref() {
            None => Some((1.0, 1.0)),
            Some([a, b]) => Some((term(a)?, term(b)?)),
            Some(_) => None,
        }
    }
}

const OPERAND: &str =
    "a comparison takes a number, or {\"q\": ID, \"ratio\": [A, B]} naming a number question";

impl TryFrom<serde_json::Value> for Operand {
    type Error = String;

    fn try_from(v: serde_json::Value) -> Result<Self, Self::Error> {
        match v {
            serde_json::Value::Number(n) => n.as_f64().map(Operand::Number).ok_or(OPERAND.into()),
            v @ serde_json::Value::Object(_) => serde_json::from_value(v)
                .map(Operand::Answer)
                .map_err(|e| format!("{OPERAND} ({e})")),
            _ => Err(OPERAND.into()),
        }
    }
}

impl From<Operand> for serde_json::Value {
    fn from(o: Operand) -> Self {
        match o {
            Operand::Number(n) => serde_json::json!(n),
            Operand::Answer(s) => serde_json::to_value(s).unwrap_or_default(),
        }
    }
}

impl JsonSchema for Operand {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Operand".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let scaled = generator.subschema_for::<Scaled>();
        schemars::json_schema!({
            "description": "A number, or another number question's answer times a ratio of whole numbers.",
            "anyOf": [{"type": "number"}, scaled]
        })
    }
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
    /// The number answer is greater than this (a number or `{"q": ID, "ratio": [A, B]}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<Operand>,
    /// The number answer is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<Operand>,
    /// The number answer is less than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<Operand>,
    /// The number answer is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<Operand>,
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
            } else if let Some(rhs) = r.gt {
                Condition::Cmp {
                    q,
                    op: CmpOp::Gt,
                    rhs,
                }
            } else if let Some(rhs) = r.gte {
                Condition::Cmp {
                    q,
                    op: CmpOp::Gte,
                    rhs,
                }
            } else if let Some(rhs) = r.lt {
                Condition::Cmp {
                    q,
                    op: CmpOp::Lt,
                    rhs,
                }
            } else if let Some(rhs) = r.lte {
                Condition::Cmp {
                    q,
                    op: CmpOp::Lte,
                    rhs,
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
            Condition::Cmp { q, op, rhs } => {
                r.q = Some(q);
                match op {
                    CmpOp::Gt => r.gt = Some(rhs),
                    CmpOp::Gte => r.gte = Some(rhs),
                    CmpOp::Lt => r.lt = Some(rhs),
                    CmpOp::Lte => r.lte = Some(rhs),
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
            Condition::Cmp { q, op, rhs } => {
                let Some(AnswerValue::Number(x)) = answer(q) else {
                    return false;
                };
                // x OP y·A/B is decided as x·B OP y·A: no division, no rounding of 2/3.
                let (left, right) = match rhs {
                    Operand::Number(n) => (*x, *n),
                    Operand::Answer(s) => {
                        let Some(AnswerValue::Number(y)) = answer(&s.q) else {
                            return false;
                        };
                        let Some((a, b)) = s.ratio() else {
                            return false;
                        };
                        (*x * b, *y * a)
                    }
                };
                op.holds(left, right)
            }
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
            Condition::Answered { q, .. } => vec![(q.as_str(), Vec::new())],
            Condition::Cmp { q, rhs, .. } => {
                let mut refs = vec![(q.as_str(), Vec::new())];
                if let Operand::Answer(s) = rhs {
                    refs.push((s.q.as_str(), Vec::new()));
                }
                refs
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

    #[test]
    fn compares_with_another_answer_scaled_exactly() {
        let quorum = parse(r#"{"q":"attended","gte":{"q":"staff","ratio":[2,3]}}"#).unwrap();
        let below = parse(r#"{"q":"attended","lt":{"q":"staff","ratio":[2,3]}}"#).unwrap();
        let eval = |c: &Condition, attended: f64, staff: f64| {
            let (a, s) = (AnswerValue::Number(attended), AnswerValue::Number(staff));
            c.eval(&|id: &str| match id {
                "attended" => Some(&a),
                "staff" => Some(&s),
                _ => None,
            })
        };
        // Two thirds of 30 is exactly 20; of 31 it is 20.67, so 20 is short and 21 is enough.
        assert!(eval(&quorum, 20.0, 30.0));
        assert!(!eval(&quorum, 19.0, 30.0));
        assert!(!eval(&quorum, 20.0, 31.0));
        assert!(eval(&quorum, 21.0, 31.0));
        assert!(eval(&below, 19.0, 30.0) && !eval(&below, 20.0, 30.0));
        // 2/3 of 3 000 003 is 2 000 002: a rounded factor (0.6667) would say otherwise.
        assert!(eval(&quorum, 2_000_002.0, 3_000_003.0));
        // A missing answer on either side: the comparison does not hold.
        let a = AnswerValue::Number(20.0);
        assert!(!quorum.eval(&|id: &str| (id == "attended").then_some(&a)));
        // Without a ratio the other answer is taken as it is.
        let more = parse(r#"{"q":"attended","gt":{"q":"staff"}}"#).unwrap();
        assert!(eval(&more, 31.0, 30.0) && !eval(&more, 30.0, 30.0));
        assert_eq!(
            quorum.references().iter().map(|r| r.0).collect::<Vec<_>>(),
            ["attended", "staff"]
        );
    }

    #[test]
    fn an_operand_is_a_number_or_a_scaled_answer() {
        for bad in [
            r#"{"q":"a","gte":"8"}"#,
            r#"{"q":"a","gte":{"q":"b","times":0.6667}}"#,
            r#"{"q":"a","gte":[2,3]}"#,
        ] {
            let err = parse(bad).unwrap_err().to_string();
            assert!(err.contains("a comparison takes a number"), "{bad}: {err}");
        }
        let c = parse(r#"{"q":"a","lte":{"q":"b","ratio":[1,2]}}"#).unwrap();
        let back = serde_json::to_string(&c).unwrap();
        assert_eq!(back, r#"{"q":"a","lte":{"q":"b","ratio":[1,2]}}"#);
        assert_eq!(parse(&back).unwrap(), c);
    }
}
