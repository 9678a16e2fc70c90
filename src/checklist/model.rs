//! The typed model of the checklist format `onsite-checklist/1` (SPEC §3).
//!
//! Deserialisation checks shapes and rejects unknown fields; the rules that span
//! several places (ids, references, conditions) live in `validate`.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::text::Text;

/// The only format string this version reads.
pub const FORMAT: &str = "onsite-checklist/1";

/// A whole checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Always `onsite-checklist/1`.
    pub format: String,
    /// Identifier: `[a-z0-9][a-z0-9_-]*`.
    pub id: String,
    /// Version of this checklist, free form (e.g. `2026.1`).
    pub version: String,
    /// Title shown on the start screen and in reports.
    pub title: Text,
    /// What the checklist is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Fields of the title page (organisation, date, team …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<HeaderField>,
    /// Named sets of options that `choice`/`multi` questions refer to by name.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub response_sets: IndexMap<String, Vec<OptionDef>>,
    /// Rating bands of the overall score, highest `min` first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rating: Vec<RatingBand>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// A field of the title page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeaderField {
    /// Identifier, unique among header fields and questions.
    pub id: String,
    /// Label shown in the form and the report.
    pub label: Text,
    /// Kind of value.
    #[serde(rename = "type", default)]
    pub kind: HeaderType,
    /// Must be filled before the inspection starts.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Default value; for a date, `today` means the day the record is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Help shown under the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

/// Kinds of header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HeaderType {
    /// Free text (one line).
    #[default]
    Text,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// A number.
    Number,
}

/// An option of a `choice` or `multi` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    /// Identifier stored in the record.
    pub value: String,
    /// Label shown to the inspector.
    pub label: Text,
    /// Score of this option; `null` (or absent) leaves the answer out of scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Choosing this option is a finding.
    #[serde(default, skip_serializing_if = "is_false")]
    pub flag: bool,
}

/// A rating band: the overall score at or above `min` gets `label`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingBand {
    /// Lower bound, 0–1 inclusive.
    pub min: f64,
    /// Name of the band (e.g. Tốt / Khá / Trung bình / Yếu).
    pub label: Text,
}

/// A section of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Identifier, unique among sections.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Guidance for the whole section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// The questions, in order; at least one.
    pub questions: Vec<Question>,
}

/// Kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionType {
    /// One option.
    Choice,
    /// Several options.
    Multi,
    /// A number (`min`, `max`, `integer`, `unit`).
    Number,
    /// Free text.
    Text,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// Shown, not answered.
    Info,
}

/// Priority of a recommendation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Must be done first.
    High,
    /// Should be done.
    Medium,
    /// Could be done.
    Low,
}

/// A scripted recommendation attached to a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationDef {
    /// Wording, in the register of an official conclusion.
    pub text: Text,
    /// Priority; `medium` when absent.
    #[serde(default = "default_priority")]
    pub priority: Priority,
    /// Option values that trigger it; defaults to the flagged options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Vec<String>>,
    /// To whom it is addressed in the conclusion (e.g. "Người đứng đầu {unit-short}");
    /// documents group requests by it. May hold `{id}` placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Text>,
}

fn default_priority() -> Priority {
    Priority::Medium
}

/// A question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier, unique in the checklist.
    pub id: String,
    /// Kind of answer.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// Name of a response set (choice/multi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responses: Option<String>,
    /// Inline options (choice/multi), instead of `responses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionDef>>,
    /// Must be answered for the inspection to be complete.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The question, short.
    pub prompt: Text,
    /// What to look for, common shortcomings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// Legal basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Text>,
    /// Evidence to ask for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Text>,
    /// Scripted recommendation when the answer is flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<RecommendationDef>,
    /// Shown only when this condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Box<Condition>>,
    /// Smallest allowed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest allowed number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Only whole numbers.
    #[serde(default, skip_serializing_if = "is_false")]
    pub integer: bool,
    /// Unit shown after the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// The declarative sentence a document states when an option is chosen, per option
    /// value (choice/multi): `{"no": "{unit-short} chưa ban hành Quy chế …"}`. May hold
    /// `{id}` placeholders naming header fields and questions.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub statement: IndexMap<String, Text>,
    /// Where a text answer goes in the documents (text questions only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// The part of the documents a text answer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Strengths, good practice (Ưu điểm).
    Strengths,
    /// Limitations, shortcomings (Hạn chế, khuyết điểm).
    Limitations,
    /// Causes of the limitations (Nguyên nhân).
    Causes,
    /// The inspected unit's opinion, explanations and proposals (Ý kiến của đơn vị).
    UnitOpinion,
    /// Documents or actions the unit undertakes to supply, and by when (cam kết).
    Commitments,
}

/// A map whose keys must be unique (serde_json would keep the last silently).
fn unique_keys<'de, D, V>(d: D) -> Result<IndexMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Unique<V> {
        type Value = IndexMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of name → list of options")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let mut map = IndexMap::new();
            while let Some((k, v)) = m.next_entry::<String, V>()? {
                if map.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!(
                        "response set \"{k}\" is defined twice"
                    )));
                }
                map.insert(k, v);
            }
            Ok(map)
        }
    }
    d.deserialize_map(Unique(std::marker::PhantomData))
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whether `id` is a valid identifier: `[a-z0-9][a-z0-9_-]*`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl Checklist {
    /// Iterates over every question with its section index.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q)))
    }

    /// Finds a question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// The options a choice/multi question offers (inline or from its response set).
    pub fn options_of<'a>(&'a self, q: &'a Question) -> &'a [OptionDef] {
        if let Some(opts) = &q.options {
            return opts;
        }
        q.responses
            .as_ref()
            .and_then(|name| self.response_sets.get(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether an answer picks a flagged option: a finding.
    pub fn is_flagged(&self, q: &Question, value: &super::value::AnswerValue) -> bool {
        use super::value::AnswerValue;
        let options = self.options_of(q);
        match value {
            AnswerValue::Text(s) => options.iter().any(|o| o.flag && o.value == *s),
            AnswerValue::Multi(vs) => options.iter().any(|o| o.flag && vs.contains(&o.value)),
            AnswerValue::Number(_) => false,
        }
    }

    /// The languages used anywhere in the title (the checklist's languages).
    pub fn languages(&self) -> Vec<&str> {
        self.title.languages()
    }

    /// The rating band of an overall score in 0–1, if any band matches.
    pub fn rating_for(&self, score: f64) -> Option<&RatingBand> {
        self.rating
            .iter()
            .filter(|b| score + 1e-9 >= b.min)
            .max_by(|a, b| a.min.total_cmp(&b.min))
    }
}

impl Question {
    /// Whether the question takes an answer (everything but `info`).
    pub fn is_answerable(&self) -> bool {
        self.kind != QuestionType::Info
    }
}
