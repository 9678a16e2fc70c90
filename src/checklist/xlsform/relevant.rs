//! XLSForm `relevant` and `constraint` expressions, as far as onsite can express them:
//! parsed into a small syntax tree, then turned into `show_if` conditions (or a number
//! range); anything else is an error naming the character where it starts.
//!
//! | XLSForm | onsite |
//! |---|---|
//! | `${q} = 'v'`, `${q} = 5` | `{"q": q, "is": v}` |
//! | `${q} != 'v'` | `{"not": {"q": q, "is": v}}` |
//! | `${q} != ''` / `${q} = ''` | `{"q": q, "answered": true / false}` |
//! | `${q} > 5` (`>=`, `<`, `<=`) | `{"q": q, "gt": 5}` … |
//! | `${q} >= ${p} * 2 div 3` (`${q} >= ${p}`) | `{"q": q, "gte": {"q": p, "ratio": [2, 3]}}` |
//! | `selected(${q}, 'v')` | `{"q": q, "in": [v]}` |
//! | `selected(${q}, 'a') or selected(${q}, 'b')` (bare, one question) | `{"q": q, "in": [a, b]}` |
//! | `a and b`, `a or b`, `not(a)`, `( … )` | `all`, `any`, `not` |
//!
//! `true()` in an `and` and `false()` in an `or` are dropped (the writer uses them to keep a
//! one-item `all`/`any`). Parentheses keep what they enclose apart: `(selected(…)) or
//! (selected(…))` stays an `any` of two `in`s. [`super::expression`] writes the other way.

use crate::checklist::condition::{CmpOp, Condition, Operand, Scaled};

/// An error: 0-based character position in the expression, and one sentence.
pub type ExprError = (usize, String);

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ref(String),
    Str(String),
    Num(String),
    Ident(String),
    Op(&'static str),
    Open,
    Close,
    Comma,
    Dot,
    Arith(char),
}

fn tokenize(s: &str) -> Result<Vec<(usize, Tok)>, ExprError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let tok = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                let Some(end) = chars[i..].iter().position(|&c| c == '}') else {
                    return Err((i, "`${` is not closed with `}`".into()));
                };
                let name: String = chars[i + 2..i + end].iter().collect();
                i += end + 1;
                Tok::Ref(name.trim().to_string())
            }
            '\'' | '"' => {
                let Some(end) = chars[i + 1..].iter().position(|&x| x == c) else {
                    return Err((i, "a quoted value is not closed".into()));
                };
                let v: String = chars[i + 1..i + 1 + end].iter().collect();
                i += end + 2;
                Tok::Str(v)
            }
            c if c.is_ascii_digit() => {
                let mut j = i;
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E'))
                {
                    j += 1;
                }
                let n: String = chars[i..j].iter().collect();
                i = j;
                Tok::Num(n)
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut j = i;
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ':'))
                {
                    j += 1;
                }
                let w: String = chars[i..j].iter().collect();
                i = j;
                Tok::Ident(w)
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                i += 2;
                Tok::Op("!=")
            }
            '>' | '<' => {
                let eq = chars.get(i + 1) == Some(&'=');
                i += 1 + usize::from(eq);
                Tok::Op(match (c, eq) {
                    ('>', true) => ">=",
                    ('>', false) => ">",
                    ('<', true) => "<=",
                    _ => "<",
                })
            }
            '=' => {
                i += 1;
                Tok::Op("=")
            }
            '(' => {
                i += 1;
                Tok::Open
            }
            ')' => {
                i += 1;
                Tok::Close
            }
            ',' => {
                i += 1;
                Tok::Comma
            }
            '.' => {
                i += 1;
                Tok::Dot
            }
            '+' | '-' | '*' | '|' | '/' => {
                i += 1;
                Tok::Arith(c)
            }
            other => return Err((i, format!("unexpected character `{other}`"))),
        };
        out.push((start, tok));
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Str(String),
    Num(String),
    /// Another question, scaled by `* A div B` when given.
    Ref(String, Option<(String, String)>),
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Or(Vec<Node>),
    And(Vec<Node>),
    Not(Box<Node>),
    Cmp(String, &'static str, Lit),
    Selected(String, String),
    True,
    False,
}

#[derive(Debug, Clone, PartialEq)]
struct Node {
    expr: Expr,
    paren: bool,
    pos: usize,
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    i: usize,
    end: usize,
}

const FUNCTIONS: &str = "onsite reads `selected(${q}, 'v')`, `not(…)`, `and`, `or`, comparisons of a question with a value, and parentheses";

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i).map(|(_, t)| t)
    }
    fn pos(&self) -> usize {
        self.toks.get(self.i).map_or(self.end, |(p, _)| *p)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.i).map(|(_, t)| t.clone());
        self.i += 1;
        t
    }
    fn expect(&mut self, want: Tok, what: &str) -> Result<(), ExprError> {
        let pos = self.pos();
        match self.next() {
            Some(t) if t == want => Ok(()),
            Some(_) => Err((pos, format!("expected {what} here"))),
            None => Err((pos, format!("the expression ends where {what} is expected"))),
        }
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(x)) if x == w)
    }

    /// `* A div B` (or `* A`) after a question compared with: the ratio it is scaled by.
    fn ratio(&mut self) -> Result<Option<(String, String)>, ExprError> {
        if self.peek() != Some(&Tok::Arith('*')) {
            return Ok(None);
        }
        self.i += 1;
        let only = "a question may be scaled by whole numbers only: `${q} * 2 div 3`";
        let pos = self.pos();
        let Some(Tok::Num(a)) = self.next() else {
            return Err((pos, only.into()));
        };
        if !self.is_word("div") {
            return Ok(Some((a, "1".into())));
        }
        self.i += 1;
        let pos = self.pos();
        let Some(Tok::Num(b)) = self.next() else {
            return Err((pos, only.into()));
        };
        Ok(Some((a, b)))
    }

    fn or(&mut self) -> Result<Node, ExprError> {
        let pos = self.pos();
        let mut items = vec![self.and()?];
        while self.is_word("or") {
            self.i += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node {
                expr: Expr::Or(items),
                paren: false,
                pos,
            }
        })
    }

    fn and(&mut self) -> Result<Node, ExprError> {
        let pos = self.pos();
        let mut items = vec![self.unary()?];
        while self.is_word("and") {
            self.i += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node {
                expr: Expr::And(items),
                paren: false,
                pos,
            }
        })
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        let pos = self.pos();
        let node = self.primary()?;
        match self.peek() {
            Some(Tok::Arith(c)) => Err((
                self.pos(),
                format!("arithmetic (`{c}`) is not supported in onsite conditions"),
            )),
            Some(Tok::Ident(w)) if w == "div" || w == "mod" => Err((
                self.pos(),
                format!("arithmetic (`{w}`) is not supported in onsite conditions"),
            )),
            Some(Tok::Op(op)) => Err((
                self.pos(),
                format!("`{op}` cannot follow here; compare one question with one value"),
            )),
            _ => Ok(Node { pos, ..node }),
        }
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        let pos = self.pos();
        let node = |expr| Node {
            expr,
            paren: false,
            pos,
        };
        match self.next() {
            Some(Tok::Open) => {
                let inner = self.or()?;
                self.expect(Tok::Close, "`)`")?;
                Ok(Node {
                    paren: true,
                    pos,
                    ..inner
                })
            }
            Some(Tok::Ref(q)) => {
                let op_pos = self.pos();
                let op = match self.next() {
                    Some(Tok::Op(op)) => op,
                    Some(Tok::Arith(c)) => {
                        return Err((
                            op_pos,
                            format!("arithmetic (`{c}`) is not supported in onsite conditions"),
                        ));
                    }
                    _ => {
                        return Err((
                            op_pos,
                            format!(
                                "`${{{q}}}` must be compared with a value (`= 'v'`, `!= ''`, `> 5` …)"
                            ),
                        ));
                    }
                };
                let lit_pos = self.pos();
                let negative = matches!(self.peek(), Some(Tok::Arith('-')));
                if negative {
                    self.i += 1;
                }
                let lit = match self.next() {
                    Some(Tok::Str(s)) if !negative => Lit::Str(s),
                    Some(Tok::Num(n)) => Lit::Num(if negative { format!("-{n}") } else { n }),
                    Some(Tok::Ref(other)) if !negative => Lit::Ref(other, self.ratio()?),
                    _ => {
                        return Err((
                            lit_pos,
                            "expected a quoted value or a number here".into(),
                        ));
                    }
                };
                Ok(node(Expr::Cmp(q, op, lit)))
            }
            Some(Tok::Ident(w)) => match w.as_str() {
                "not" => {
                    self.expect(Tok::Open, "`(` after not")?;
                    let inner = self.or()?;
                    self.expect(Tok::Close, "`)`")?;
                    Ok(node(Expr::Not(Box::new(inner))))
                }
                "selected" => {
                    self.expect(Tok::Open, "`(` after selected")?;
                    let qpos = self.pos();
                    let Some(Tok::Ref(q)) = self.next() else {
                        return Err((qpos, "selected() takes a question `${name}` first".into()));
                    };
                    self.expect(Tok::Comma, "`,`")?;
                    let vpos = self.pos();
                    let Some(Tok::Str(v)) = self.next() else {
                        return Err((vpos, "selected() takes a quoted value second".into()));
                    };
                    self.expect(Tok::Close, "`)`")?;
                    Ok(node(Expr::Selected(q, v)))
                }
                "true" | "false" if self.peek() == Some(&Tok::Open) => {
                    self.i += 1;
                    self.expect(Tok::Close, "`)`")?;
                    Ok(node(if w == "true" { Expr::True } else { Expr::False }))
                }
                _ if self.peek() == Some(&Tok::Open) => Err((
                    pos,
                    format!("the function {w}() is not supported in onsite conditions; {FUNCTIONS}"),
                )),
                _ => Err((
                    pos,
                    format!("`{w}` is not understood here; {FUNCTIONS}"),
                )),
            },
            Some(Tok::Dot) => Err((
                pos,
                "`.` (this question) is not supported in conditions; refer to earlier questions as ${name}".into(),
            )),
            Some(Tok::Str(_)) | Some(Tok::Num(_)) => Err((
                pos,
                "put the question first: `${name} = 'value'`".into(),
            )),
            Some(_) => Err((pos, format!("unexpected symbol here; {FUNCTIONS}"))),
            None => Err((pos, "the expression ends too early".into())),
        }
    }
}

fn parse(s: &str) -> Result<Node, ExprError> {
    let toks = tokenize(s)?;
    let mut p = Parser {
        toks,
        i: 0,
        end: s.chars().count(),
    };
    let node = p.or()?;
    if p.i < p.toks.len() {
        return Err((
            p.pos(),
            "unexpected text after the end of the expression".into(),
        ));
    }
    Ok(node)
}

fn number(n: &str, pos: usize) -> Result<serde_json::Value, ExprError> {
    let bad = || (pos, format!("`{n}` is not a number"));
    if !n.contains(['.', 'e', 'E']) {
        return n
            .parse::<i64>()
            .map(serde_json::Value::from)
            .map_err(|_| bad());
    }
    n.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(serde_json::Value::Number)
        .ok_or_else(bad)
}

fn cmp_op(op: &str) -> CmpOp {
    match op {
        ">" => CmpOp::Gt,
        ">=" => CmpOp::Gte,
        "<" => CmpOp::Lt,
        _ => CmpOp::Lte,
    }
}

fn convert(n: Node) -> Result<Condition, ExprError> {
    let pos = n.pos;
    Ok(match n.expr {
        Expr::Cmp(q, op, lit) => match (op, lit) {
            ("=", Lit::Str(v)) if v.is_empty() => Condition::Answered { q, answered: false },
            ("!=", Lit::Str(v)) if v.is_empty() => Condition::Answered { q, answered: true },
            ("=", Lit::Str(v)) => Condition::Is {
                q,
                value: serde_json::Value::String(v),
            },
            ("!=", Lit::Str(v)) => Condition::Not(Box::new(Condition::Is {
                q,
                value: serde_json::Value::String(v),
            })),
            ("=", Lit::Num(v)) => Condition::Is {
                q,
                value: number(&v, pos)?,
            },
            ("!=", Lit::Num(v)) => Condition::Not(Box::new(Condition::Is {
                q,
                value: number(&v, pos)?,
            })),
            ("=" | "!=", Lit::Ref(other, _)) => {
                return Err((
                    pos,
                    format!(
                        "`${{{q}}}` and `${{{other}}}` can be compared with >, >=, < or <= only (number questions)"
                    ),
                ));
            }
            (op, Lit::Num(v)) => {
                let n = v
                    .parse::<f64>()
                    .map_err(|_| (pos, format!("`{v}` is not a number")))?;
                Condition::Cmp {
                    q,
                    op: cmp_op(op),
                    rhs: Operand::Number(n),
                }
            }
            (op, Lit::Ref(other, ratio)) => {
                let ratio = match ratio {
                    None => None,
                    Some((a, b)) => {
                        let term = |t: &str| match number(t, pos)? {
                            serde_json::Value::Number(n) => Ok(n),
                            _ => Err((pos, format!("`{t}` is not a number"))),
                        };
                        Some(vec![term(&a)?, term(&b)?])
                    }
                };
                Condition::Cmp {
                    q,
                    op: cmp_op(op),
                    rhs: Operand::Answer(Scaled { q: other, ratio }),
                }
            }
            (op, Lit::Str(_)) => {
                return Err((
                    pos,
                    format!(
                        "`{op}` compares numbers; onsite cannot compare `${{{q}}}` with text or dates that way"
                    ),
                ));
            }
        },
        Expr::Selected(q, v) => Condition::In {
            q,
            values: vec![serde_json::Value::String(v)],
        },
        Expr::Not(inner) => Condition::Not(Box::new(convert(*inner)?)),
        Expr::Or(items) => {
            let items: Vec<Node> = items
                .into_iter()
                .filter(|n| n.expr != Expr::False)
                .collect();
            let same_question = items.len() >= 2
                && items.iter().all(|n| {
                    !n.paren && matches!(&n.expr, Expr::Selected(q, _) if matches!(&items[0].expr, Expr::Selected(q0, _) if q0 == q))
                });
            if same_question {
                let mut q = String::new();
                let mut values = Vec::new();
                for n in items {
                    if let Expr::Selected(name, v) = n.expr {
                        q = name;
                        values.push(serde_json::Value::String(v));
                    }
                }
                Condition::In { q, values }
            } else {
                Condition::Any(items.into_iter().map(convert).collect::<Result<_, _>>()?)
            }
        }
        Expr::And(items) => Condition::All(
            items
                .into_iter()
                .filter(|n| n.expr != Expr::True)
                .map(convert)
                .collect::<Result<_, _>>()?,
        ),
        Expr::True | Expr::False => {
            return Err((
                pos,
                "true() and false() on their own are not conditions; leave relevant empty instead"
                    .into(),
            ));
        }
    })
}

/// Parses a `relevant` expression into a `show_if` condition.
pub fn condition(s: &str) -> Result<Condition, ExprError> {
    convert(parse(s)?)
}

/// Parses a `constraint` of a number question: `. >= a`, `. <= b`, or both joined by
/// `and`; gives (min, max).
pub fn range(s: &str) -> Result<(Option<f64>, Option<f64>), ExprError> {
    let toks = tokenize(s)?;
    let (mut min, mut max) = (None, None);
    let mut i = 0;
    let unsupported = |pos| {
        (
            pos,
            "onsite reads a number range only: `. >= 0 and . <= 100`".to_string(),
        )
    };
    loop {
        let pos = toks.get(i).map_or(s.chars().count(), |(p, _)| *p);
        let (Some((_, Tok::Dot)), Some((opos, Tok::Op(op)))) = (toks.get(i), toks.get(i + 1))
        else {
            return Err(unsupported(pos));
        };
        let mut j = i + 2;
        let negative = matches!(toks.get(j), Some((_, Tok::Arith('-'))));
        if negative {
            j += 1;
        }
        let Some((npos, Tok::Num(n))) = toks.get(j) else {
            return Err(unsupported(toks.get(j).map_or(pos, |(p, _)| *p)));
        };
        let text = if negative { format!("-{n}") } else { n.clone() };
        let n: f64 = text
            .parse()
            .map_err(|_| (*npos, format!("`{text}` is not a number")))?;
        match *op {
            ">=" if min.is_none() => min = Some(n),
            "<=" if max.is_none() => max = Some(n),
            ">" | "<" => {
                return Err((
                    *opos,
                    "onsite ranges include their ends; write `>=` or `<=`".into(),
                ));
            }
            _ => return Err(unsupported(*opos)),
        }
        i = j + 1;
        match toks.get(i) {
            None => return Ok((min, max)),
            Some((_, Tok::Ident(w))) if w == "and" => i += 1,
            Some((p, _)) => return Err(unsupported(*p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> serde_json::Value {
        serde_json::to_value(condition(s).unwrap()).unwrap()
    }

    #[test]
    fn every_supported_form() {
        assert_eq!(
            c("${a} = 'yes'"),
            serde_json::json!({"q": "a", "is": "yes"})
        );
        assert_eq!(c("${a}='yes'"), serde_json::json!({"q": "a", "is": "yes"}));
        assert_eq!(
            c("${a} != \"no\""),
            serde_json::json!({"not": {"q": "a", "is": "no"}})
        );
        assert_eq!(
            c("${a} != ''"),
            serde_json::json!({"q": "a", "answered": true})
        );
        assert_eq!(
            c("${a} = ''"),
            serde_json::json!({"q": "a", "answered": false})
        );
        assert_eq!(c("${n} > 7"), serde_json::json!({"q": "n", "gt": 7.0}));
        assert_eq!(
            c("${n} <= -2.5"),
            serde_json::json!({"q": "n", "lte": -2.5})
        );
        assert_eq!(c("${n} = 3"), serde_json::json!({"q": "n", "is": 3}));
        assert_eq!(
            c("${a} >= ${s} * 2 div 3"),
            serde_json::json!({"q": "a", "gte": {"q": "s", "ratio": [2, 3]}})
        );
        assert_eq!(
            c("${a} < ${s}"),
            serde_json::json!({"q": "a", "lt": {"q": "s"}})
        );
        assert_eq!(
            c("selected(${m}, 'a') or selected(${m}, 'b')"),
            serde_json::json!({"q": "m", "in": ["a", "b"]})
        );
        assert_eq!(
            c("(selected(${m}, 'a')) or (selected(${m}, 'b'))"),
            serde_json::json!({"any": [{"q": "m", "in": ["a"]}, {"q": "m", "in": ["b"]}]})
        );
        assert_eq!(
            c("not(${a} = 'x') and (${b} != '' or ${n} < 3)"),
            serde_json::json!({"all": [
                {"not": {"q": "a", "is": "x"}},
                {"any": [{"q": "b", "answered": true}, {"q": "n", "lt": 3.0}]}
            ]})
        );
        assert_eq!(
            c("${a} = 'x' and true()"),
            serde_json::json!({"all": [{"q": "a", "is": "x"}]})
        );
    }

    #[test]
    fn unsupported_forms_name_their_place() {
        let e = |s: &str| condition(s).unwrap_err();
        assert_eq!(e("count-selected(${m}) > 2").0, 0);
        assert!(e("count-selected(${m}) > 2").1.contains("count-selected()"));
        assert_eq!(e("${a} + 1 > 2").0, 5);
        assert!(e("${a} = ${b}").1.contains("with >, >=, < or <= only"));
        assert!(e("${a} > ${b} * ${c}").1.contains("whole numbers only"));
        assert!(e("regex(${a}, 'x')").1.contains("regex()"));
        assert!(e("${a} = 'x' and").1.contains("ends too early"));
        assert!(e("(${a} = 'x'").1.contains("`)`"));
        assert!(e("${d} > '2026-01-01'").1.contains("compares numbers"));
        assert!(e(". > 3").1.contains("`.`"));
        assert!(e("'x' = ${a}").1.contains("question first"));
    }

    #[test]
    fn number_ranges() {
        assert_eq!(
            range(". >= 0 and . <= 100").unwrap(),
            (Some(0.0), Some(100.0))
        );
        assert_eq!(range(".>=-5").unwrap(), (Some(-5.0), None));
        assert_eq!(range(". <= 2.5").unwrap(), (None, Some(2.5)));
        assert!(range(". > 0").unwrap_err().1.contains("include their ends"));
        assert!(range("regex(., '[0-9]')").is_err());
        assert!(range(". <= ${a_integer}").is_err());
    }
}
