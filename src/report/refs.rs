//! Where a fact of a report sits in the checklist: a section or a question, by id, printed
//! number and text in the report's language.

use serde::Serialize;

/// A section, by id and title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRef {
    /// Section id.
    pub id: String,
    /// The section's number as printed on the checklist (`V.` is 5); `None` for an
    /// unnumbered section (see [`crate::checklist::numbering`]).
    pub number: Option<u32>,
    /// Title in the report's language.
    pub title: String,
    /// The heading to print: the title, with `N. ` before it when the title does not
    /// carry its number.
    pub heading: String,
}

/// A question, by id, number and prompt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionRef {
    /// Question id.
    pub id: String,
    /// The number printed on the checklist: `section.question` (`5.2`), or the question's
    /// number alone in an unnumbered section (see [`crate::checklist::numbering`]); empty
    /// for an information item, which has none (`null` in JSON).
    #[serde(serialize_with = "number_or_null")]
    pub number: String,
    /// Prompt in the report's language.
    pub prompt: String,
}

impl QuestionRef {
    /// The question as a report lists it: `5.2 Prompt`, or the prompt alone when it has
    /// no number.
    pub fn label(&self) -> String {
        if self.number.is_empty() {
            self.prompt.clone()
        } else {
            format!("{} {}", self.number, self.prompt)
        }
    }
}

fn number_or_null<S: serde::Serializer>(n: &str, s: S) -> Result<S::Ok, S::Error> {
    if n.is_empty() {
        s.serialize_none()
    } else {
        s.serialize_str(n)
    }
}
