//! Writing `show_if` conditions and number ranges as XLSForm expressions, so that
//! [`super::relevant`] reads back the very same condition (see the table there).

use crate::checklist::condition::{CmpOp, Condition, Operand, Scaled};

/// Where a condition is written: decides the parentheses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Top,
    And,
    Or,
}

fn quote(v: &serde_json::Value) -> Result<String, String> {
    match v {
        serde_json::Value::String(s) if !s.contains('\'') => Ok(format!("'{s}'")),
        serde_json::Value::String(s) if !s.contains('"') => Ok(format!("\"{s}\"")),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        other => Err(format!(
            "the value {other} cannot be written in an XLSForm expression"
        )),
    }
}

fn wrap(s: String, paren: bool) -> String {
    if paren { format!("({s})") } else { s }
}

fn write(c: &Condition, ctx: Ctx) -> Result<String, String> {
    Ok(match c {
        Condition::Is { q, value } => format!("${{{q}}} = {}", quote(value)?),
        Condition::Answered { q, answered } => {
            format!("${{{q}}} {} ''", if *answered { "!=" } else { "=" })
        }
        Condition::Cmp { q, op, rhs } => {
            let op = match op {
                CmpOp::Gt => ">",
                CmpOp::Gte => ">=",
                CmpOp::Lt => "<",
                CmpOp::Lte => "<=",
            };
            let rhs = match rhs {
                Operand::Number(n) => n.to_string(),
                Operand::Answer(Scaled { q: other, ratio }) => match ratio.as_deref() {
                    None => format!("${{{other}}}"),
                    Some([a, b]) => format!("${{{other}}} * {a} div {b}"),
                    Some(_) => {
                        return Err(format!(
                            "the ratio of question \"{other}\" is not two numbers"
                        ));
                    }
                },
            };
            format!("${{{q}}} {op} {rhs}")
        }
        Condition::In { q, values } => {
            if values.is_empty() {
                return Err(format!("\"in\" of question \"{q}\" has no values"));
            }
            let parts = values
                .iter()
                .map(|v| match v {
                    serde_json::Value::String(_) => {
                        Ok(format!("selected(${{{q}}}, {})", quote(v)?))
                    }
                    other => Err(format!(
                        "the value {other} cannot be written with selected()"
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            let paren = ctx == Ctx::Or || (ctx == Ctx::And && parts.len() > 1);
            wrap(parts.join(" or "), paren)
        }
        Condition::All(list) => {
            let mut parts = list
                .iter()
                .map(|c| write(c, Ctx::And))
                .collect::<Result<Vec<_>, _>>()?;
            match parts.len() {
                0 => return Err("an empty \"all\" cannot be written".into()),
                1 => parts.push("true()".into()),
                _ => {}
            }
            wrap(parts.join(" and "), ctx == Ctx::And)
        }
        Condition::Any(list) => {
            let mut parts = list
                .iter()
                .map(|c| write(c, Ctx::Or))
                .collect::<Result<Vec<_>, _>>()?;
            match parts.len() {
                0 => return Err("an empty \"any\" cannot be written".into()),
                1 => parts.push("false()".into()),
                _ => {}
            }
            wrap(parts.join(" or "), ctx != Ctx::Top)
        }
        Condition::Not(inner) => format!("not({})", write(inner, Ctx::Top)?),
    })
}

/// The `relevant` expression of a condition.
pub fn relevant(c: &Condition) -> Result<String, String> {
    write(c, Ctx::Top)
}

/// The `constraint` of a number range.
pub fn range(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!(". >= {a} and . <= {b}"),
        (Some(a), None) => format!(". >= {a}"),
        (None, Some(b)) => format!(". <= {b}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::relevant;
    use super::*;

    #[test]
    fn reads_back_what_it_writes() {
        let cases = [
            r#"{"q":"a","is":"yes"}"#,
            r#"{"q":"n","is":3}"#,
            r#"{"q":"n","is":2.5}"#,
            r#"{"q":"a","in":["yes"]}"#,
            r#"{"q":"a","in":["yes","partial"]}"#,
            r#"{"q":"a","answered":true}"#,
            r#"{"q":"a","answered":false}"#,
            r#"{"q":"n","gt":7.0}"#,
            r#"{"not":{"q":"n","lte":7.0}}"#,
            r#"{"q":"n","gte":{"q":"s","ratio":[2,3]}}"#,
            r#"{"q":"n","lt":{"q":"s"}}"#,
            r#"{"all":[{"q":"a","is":"x"}]}"#,
            r#"{"any":[{"q":"a","in":["x"]}]}"#,
            r#"{"any":[{"q":"a","in":["x"]},{"q":"a","in":["y"]}]}"#,
            r#"{"all":[{"all":[{"q":"a","is":"x"},{"q":"b","is":"y"}]},{"q":"c","in":["p","q"]}]}"#,
            r#"{"any":[{"any":[{"q":"a","is":"x"},{"q":"b","is":"y"}]},{"all":[{"q":"c","is":"z"},{"q":"d","answered":true}]}]}"#,
            r#"{"not":{"any":[{"q":"a","is":"it's"},{"q":"n","lt":-1.5}]}}"#,
        ];
        for case in cases {
            let c: Condition = serde_json::from_str(case).unwrap();
            let text = relevant(&c).unwrap();
            assert_eq!(relevant::condition(&text).unwrap(), c, "{case} → {text}");
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(range(Some(0.0), Some(100.0)), ". >= 0 and . <= 100");
        assert_eq!(
            relevant::range(&range(Some(-1.5), None)).unwrap(),
            (Some(-1.5), None)
        );
        assert_eq!(range(None, None), "");
    }
}
