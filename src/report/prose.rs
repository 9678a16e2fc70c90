//! What the documents say in sentences, computed with the rest of the [`Summary`]: the
//! declarative statement of each answer whose option carries one (`statement` in the
//! checklist), the text answers with the part of the documents they belong to (`role`),
//! and the figures (number and date answers) a report quotes.

use serde::Serialize;

use super::summary::{QuestionRef, Refs, SectionRef};
use crate::checklist::{Question, QuestionType, Role};
use crate::record::AnswerValue;
use crate::sanitize;

/// A sentence the documents state about an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// The section.
    pub section: SectionRef,
    /// The question's id.
    pub question: String,
    /// The sentence, placeholders filled (a dotted blank where a value is missing).
    pub text: String,
    /// The chosen option is flagged: the sentence is a shortcoming, else a strength.
    pub flagged: bool,
    /// The ids of the answers and header fields the sentence quotes (its placeholders).
    pub quotes: Vec<String>,
}

/// A text answer and the part of the documents it goes to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleText {
    /// Where it goes.
    pub role: Role,
    /// The section.
    pub section: SectionRef,
    /// The question.
    pub question: QuestionRef,
    /// The answer (several lines kept, controls dropped).
    pub text: String,
}

/// A number or date answer, as the documents quote it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The section.
    pub section: SectionRef,
    /// The question.
    pub question: QuestionRef,
    /// The value as written (number with its unit, date in the language's form).
    pub value: String,
}

/// The prose of a whole record, in checklist order.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Prose {
    /// Statements of the chosen options.
    pub statements: Vec<Statement>,
    /// Text answers that have a role.
    pub texts: Vec<RoleText>,
    /// Number and date answers.
    pub figures: Vec<Figure>,
}

impl Prose {
    /// Adds what one visible, answered question says.
    pub(crate) fn add(
        &mut self,
        refs: &Refs<'_>,
        sref: &SectionRef,
        qref: &QuestionRef,
        q: &Question,
        value: &AnswerValue,
        label: &str,
    ) {
        let chosen: Vec<&str> = match value {
            AnswerValue::Text(v) if q.kind == QuestionType::Choice => vec![v.as_str()],
            AnswerValue::Multi(vs) => vs.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        for v in chosen {
            let Some(text) = q.statement.get(v) else {
                continue;
            };
            let quotes = crate::checklist::placeholder::names(text.get(refs.lang.code()))
                .map(str::to_string)
                .collect();
            let text = refs.filled_for_documents(text);
            if text.is_empty() {
                continue;
            }
            let flagged = refs
                .checklist
                .options_of(q)
                .iter()
                .any(|o| o.value == v && o.flag);
            self.statements.push(Statement {
                section: sref.clone(),
                question: q.id.clone(),
                text,
                flagged,
                quotes,
            });
        }
        match (q.kind, value) {
            (QuestionType::Text, AnswerValue::Text(t)) => {
                let text = sanitize::multiline(t.trim());
                if let (Some(role), false) = (q.role, text.is_empty()) {
                    self.texts.push(RoleText {
                        role,
                        section: sref.clone(),
                        question: qref.clone(),
                        text,
                    });
                }
            }
            (QuestionType::Number | QuestionType::Date, _) => self.figures.push(Figure {
                section: sref.clone(),
                question: qref.clone(),
                value: label.to_string(),
            }),
            _ => {}
        }
    }

    /// The text answers of one role, in order.
    pub fn of_role(&self, role: Role) -> impl Iterator<Item = &RoleText> {
        self.texts.iter().filter(move |t| t.role == role)
    }
}
