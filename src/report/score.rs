//! The scoring rules of SPEC §3, for one answer and summed over sections.
//!
//! - `choice`: earns the chosen option's score out of the best score any option offers.
//! - `multi`: earns the sum of the chosen options' scores out of the sum of the positive
//!   option scores (choosing every good practice gives full marks). Chosen options with a
//!   null score add nothing; if no chosen option has a score the answer is left out.
//! - An option with a null score (N/A), an empty or unknown answer, a question of another
//!   type, and every hidden question are left out: they add nothing to either side.
//! - A section's score is earned / possible over what is left; overall likewise over every
//!   section (a sum, not a mean of section percentages). Nothing scorable gives no score.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::checklist::{Checklist, Question, QuestionType};
use crate::record::AnswerValue;

/// Points earned out of points possible.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Sum of the chosen options' scores.
    pub earned: f64,
    /// Sum of the best possible scores.
    pub possible: f64,
}

impl Score {
    /// The score as a fraction 0–1, or `None` when nothing was scored.
    pub fn ratio(&self) -> Option<f64> {
        (self.possible > 0.0).then(|| self.earned / self.possible)
    }

    /// Whether something was scored and every point was earned.
    pub fn is_full(&self) -> bool {
        self.possible > 0.0 && self.earned + 1e-9 >= self.possible
    }

    /// Adds another score to this one.
    pub fn add(&mut self, other: Score) {
        self.earned += other.earned;
        self.possible += other.possible;
    }
}

impl Serialize for Score {
    /// `{"earned", "possible", "ratio"}`; `ratio` is null when nothing was scored.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Score", 3)?;
        st.serialize_field("earned", &self.earned)?;
        st.serialize_field("possible", &self.possible)?;
        st.serialize_field("ratio", &self.ratio())?;
        st.end()
    }
}

/// The score of one answer to a (visible) question, or `None` when it is left out.
pub fn answer_score(checklist: &Checklist, q: &Question, value: &AnswerValue) -> Option<Score> {
    let options = checklist.options_of(q);
    let score_of = |v: &str| options.iter().find(|o| o.value == v).and_then(|o| o.score);
    match (q.kind, value) {
        (QuestionType::Choice, AnswerValue::Text(v)) => {
            let earned = score_of(v)?;
            let possible = options
                .iter()
                .filter_map(|o| o.score)
                .fold(f64::NEG_INFINITY, f64::max);
            Some(Score { earned, possible })
        }
        (QuestionType::Multi, AnswerValue::Multi(chosen)) => {
            let scores: Vec<f64> = chosen.iter().filter_map(|v| score_of(v)).collect();
            if scores.is_empty() {
                return None;
            }
            let possible = options
                .iter()
                .filter_map(|o| o.score)
                .filter(|s| *s > 0.0)
                .sum();
            Some(Score {
                earned: scores.iter().sum(),
                possible,
            })
        }
        _ => None,
    }
}

/// The option values of an answer (one for choice, several for multi, none otherwise).
pub fn chosen_values(q: &Question, value: &AnswerValue) -> Vec<String> {
    match (q.kind, value) {
        (QuestionType::Choice, AnswerValue::Text(v)) => vec![v.clone()],
        (QuestionType::Multi, AnswerValue::Multi(v)) => v.clone(),
        _ => Vec::new(),
    }
}
