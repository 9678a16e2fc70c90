//! The facts of one inspection's report, computed once from a record: scores, rating,
//! strengths, findings, every visible answer with its note and mark, recommendations,
//! pending questions and header fields, header facts, notes, dates.
//!
//! Every report format, `aggregate` and the TUI summary screen read this and nothing else.
//! All text in it comes from the record and checklist, already made inert with
//! [`crate::sanitize`] (lines for labels, multi-line for notes); renderers still escape it
//! for their format.

use serde::Serialize;

use super::prose::Prose;
use super::recommend;
pub use super::recommend::Recommendation;
pub use super::refs::{QuestionRef, SectionRef};
use super::score::{self, Score};
use crate::checklist::numbering::Numbering;
use crate::checklist::placeholder;
use crate::checklist::value;
use crate::checklist::visibility::visible;
use crate::checklist::{Checklist, HeaderType, Priority, Question, QuestionType, Section, Text};
use crate::lang::Lang;
use crate::record::{AnswerValue, Record, Status, Timestamp};
use crate::sanitize;

/// Which checklist the record was made from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistInfo {
    /// Checklist id.
    pub id: String,
    /// Checklist version.
    pub version: String,
    /// Title in the report's language.
    pub title: String,
}

/// A header field with its label and value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Field id.
    pub id: String,
    /// Label in the report's language.
    pub label: String,
    /// The value as stored (never empty: empty fields are left out): dates `YYYY-MM-DD`,
    /// numbers with a decimal point.
    pub value: String,
    /// The value as the report's language writes it (`02/12/2026`, `1.250`).
    pub shown: String,
}

/// A required header field left empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingField {
    /// Field id.
    pub id: String,
    /// Label in the report's language.
    pub label: String,
}

/// Progress counts over the visible answerable questions; in a summary the required counts
/// include the required header fields (filled / all).
pub use crate::record::Progress;

/// What was recorded for one visible question: its answer, note and evidence mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerEntry {
    /// The section.
    pub section: SectionRef,
    /// The question.
    pub question: QuestionRef,
    /// The question's type.
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// The answer as the report's language writes it (option labels joined by `; `, a
    /// number with its unit, a date); `None` when only a note or mark is recorded, and
    /// always for an information item (kind `info`), which takes none.
    pub answer: Option<String>,
    /// The answer as stored: option value(s), number, text, or date `YYYY-MM-DD`.
    pub value: Option<value::AnswerValue>,
    /// The inspector's note (may be several lines, may be empty).
    pub note: String,
    /// Documents still to come.
    pub awaiting_evidence: bool,
    /// The answer is a finding (a flagged option).
    pub flagged: bool,
}

/// One section's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionScore {
    /// The section.
    pub section: SectionRef,
    /// Its score (see [`super::score`]).
    pub score: Score,
    /// Visible answerable questions answered in it.
    pub answered: usize,
    /// Visible answerable questions in it.
    pub total: usize,
}

/// Something done well: a whole section at full marks, or one question at full marks
/// in a section that is not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strength {
    /// The section.
    pub section: SectionRef,
    /// The question, or `None` when the whole section is at full marks.
    pub question: Option<QuestionRef>,
    /// The answer given (for a question).
    pub answer: Option<String>,
}

/// A visible answer whose chosen option is flagged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The section.
    pub section: SectionRef,
    /// The question.
    pub question: QuestionRef,
    /// The answer given (option labels).
    pub answer: String,
    /// The inspector's note (may be several lines, may be empty).
    pub note: String,
    /// Evidence the checklist says to request.
    pub evidence: Vec<String>,
    /// Documents still to come.
    pub awaiting_evidence: bool,
}

/// A visible question still waiting for something: an answer or documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pending {
    /// The section.
    pub section: SectionRef,
    /// The question.
    pub question: QuestionRef,
    /// Evidence the checklist says to request.
    pub evidence: Vec<String>,
}

/// Everything a report says about one inspection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The report's language.
    #[serde(serialize_with = "lang_code")]
    pub lang: Lang,
    /// Record id.
    pub record: String,
    /// In progress or finished.
    pub status: Status,
    /// The checklist.
    pub checklist: ChecklistInfo,
    /// The organisation inspected (the `organisation` header field, else the first text field).
    pub organisation: String,
    /// The date of the inspection (`date` header field, else the first date field, else
    /// the day the record was created), `YYYY-MM-DD`.
    pub date: String,
    /// The filled header fields, in checklist order.
    pub header: Vec<Fact>,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// When it was finished.
    pub finished_at: Option<Timestamp>,
    /// Overall score over every section.
    pub overall: Score,
    /// The rating band of the overall score.
    pub rating: Option<String>,
    /// Progress counts.
    pub progress: Progress,
    /// Per-section scores, in checklist order.
    pub sections: Vec<SectionScore>,
    /// What was done well.
    pub strengths: Vec<Strength>,
    /// The findings, in checklist order.
    pub findings: Vec<Finding>,
    /// The effective recommendations: scripted ones in checklist order, then own ones.
    pub recommendations: Vec<Recommendation>,
    /// Scripted recommendations the answers trigger but the inspector dropped: not in the
    /// human-readable reports; listed on the summary screen so they can be restored, and in
    /// the JSON export, which holds every fact of the record.
    pub dropped_recommendations: Vec<Recommendation>,
    /// Visible questions marked awaiting evidence.
    pub awaiting_evidence: Vec<Pending>,
    /// Visible required questions with no answer.
    pub unanswered_required: Vec<Pending>,
    /// Required header fields left empty.
    pub missing_header: Vec<MissingField>,
    /// Every visible question with an answer, a note or a mark, in checklist order, and
    /// every visible information item with a note (no answer, no number).
    pub answers: Vec<AnswerEntry>,
    /// The general notes (meeting minutes).
    pub general_notes: String,
    /// How the previous conclusion was carried out and the scores compared with the
    /// previous visit, when this inspection follows one up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<super::followup::FollowUpPart>,
    /// Who did what: every change with author and time (JSON export; `report::history`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::history::HistoryEntry>,
    /// A shared inspection's disagreements between members still open.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<super::history::Disagreement>,
    /// The UTC offset in which human-readable reports show times; `None` (what
    /// [`Summary::compute`] sets) means the local time zone of the machine writing them.
    #[serde(skip)]
    pub time_offset: Option<chrono::FixedOffset>,
    /// What the documents say in sentences: statements, text answers by role, figures.
    #[serde(skip)]
    pub prose: Prose,
}

fn lang_code<S: serde::Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.code())
}

/// Text of the checklist in `lang`, as one inert line.
pub(crate) fn tr(text: &Text, lang: Lang) -> String {
    sanitize::line(text.get(lang.code())).trim().to_string()
}

/// Numbers of sections and questions, and refs to them.
pub(crate) struct Refs<'a> {
    pub checklist: &'a Checklist,
    pub lang: Lang,
    /// The record whose answers and header fill `{id}` placeholders.
    pub record: &'a Record,
    /// The checklist's numbering.
    pub numbering: Numbering,
}

impl Refs<'_> {
    /// A checklist text in the report's language with its `{id}` placeholders filled from
    /// the record (header fields, answers as the report writes them); a missing value is a
    /// dotted blank.
    pub fn filled(&self, text: &Text) -> String {
        placeholder::fill(&tr(text, self.lang), |id| self.value_of(id, false))
    }

    /// Like [`Refs::filled`], with counts written as a document writes them (`05`).
    pub fn filled_for_documents(&self, text: &Text) -> String {
        placeholder::fill(&tr(text, self.lang), |id| self.value_of(id, true))
    }

    /// The value a placeholder names: a header field, or a question's answer.
    fn value_of(&self, id: &str, document: bool) -> Option<String> {
        if let Some(h) = self.checklist.header.iter().find(|h| h.id == id) {
            let v = sanitize::line(self.record.header.get(id)?);
            return Some(header_shown(h.kind, &v, self.lang));
        }
        let q = self.checklist.question(id)?;
        let a = self.record.answers.get(id)?;
        let v = a.value.as_ref()?;
        Some(if document {
            document_label(self.checklist, q, v, self.lang)
        } else {
            answer_label(self.checklist, q, v, self.lang)
        })
    }

    pub fn section(&self, index: usize, s: &Section) -> SectionRef {
        let title = tr(&s.title, self.lang);
        SectionRef {
            id: s.id.clone(),
            number: self.numbering.section(index),
            heading: self.numbering.heading(index, &title),
            title,
        }
    }

    /// The ref of an information item: it has no number.
    pub fn info_at(&self, q: &Question) -> QuestionRef {
        QuestionRef {
            id: q.id.clone(),
            number: String::new(),
            prompt: tr(&q.prompt, self.lang),
        }
    }

    /// The section index and ref of a question, by id.
    pub fn question(&self, id: &str) -> Option<(SectionRef, QuestionRef)> {
        for (si, s) in self.checklist.sections.iter().enumerate() {
            if let Some(qi) = s.questions.iter().position(|q| q.id == id) {
                if !s.questions[qi].is_answerable() {
                    return Some((self.section(si, s), self.info_at(&s.questions[qi])));
                }
                let n = s.questions[..qi]
                    .iter()
                    .filter(|q| q.is_answerable())
                    .count()
                    + 1;
                return Some((
                    self.section(si, s),
                    self.question_at(si, n, &s.questions[qi]),
                ));
            }
        }
        None
    }

    /// The ref of the `n`-th (1-based) answerable question of section `si`.
    pub fn question_at(&self, si: usize, n: usize, q: &Question) -> QuestionRef {
        QuestionRef {
            id: q.id.clone(),
            number: self.numbering.question(si, n),
            prompt: tr(&q.prompt, self.lang),
        }
    }
}

/// A header value as the report's language writes it.
fn header_shown(kind: HeaderType, stored: &str, lang: Lang) -> String {
    value::format_header(kind, stored, lang)
}

/// The answer as the report shows it: option labels, a number with its unit, a text or date.
pub(crate) fn answer_label(
    checklist: &Checklist,
    q: &Question,
    value: &AnswerValue,
    lang: Lang,
) -> String {
    let options = checklist.options_of(q);
    let label = |v: &str| {
        options
            .iter()
            .find(|o| o.value == v)
            .map(|o| tr(&o.label, lang))
            .unwrap_or_else(|| sanitize::line(v))
    };
    match value {
        AnswerValue::Text(v) if q.kind == QuestionType::Choice => label(v),
        AnswerValue::Multi(vs) => vs.iter().map(|v| label(v)).collect::<Vec<_>>().join("; "),
        AnswerValue::Number(n) => {
            let unit = q.unit.as_ref().map(|u| tr(u, lang)).unwrap_or_default();
            let n = value::format_number(*n, lang);
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        }
        AnswerValue::Text(v) if q.kind == QuestionType::Date => {
            value::format_date(&sanitize::line(v), lang)
        }
        AnswerValue::Text(v) => sanitize::multiline(v.trim()),
    }
}

/// The answer as a document quotes it: like [`answer_label`], with a count below 10
/// written `05` and, in English, a date in words.
pub(crate) fn document_label(
    checklist: &Checklist,
    q: &Question,
    value: &AnswerValue,
    lang: Lang,
) -> String {
    match value {
        AnswerValue::Number(n) => {
            let unit = q.unit.as_ref().map(|u| tr(u, lang)).unwrap_or_default();
            let n = super::format::count(*n, lang);
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        }
        // A document in English writes a date in words (`20 April 2026`).
        AnswerValue::Text(v) if q.kind == QuestionType::Date && lang == Lang::En => {
            let v = sanitize::line(v);
            chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map(|d| d.format("%-d %B %Y").to_string())
                .unwrap_or_else(|_| answer_label(checklist, q, value, lang))
        }
        _ => answer_label(checklist, q, value, lang),
    }
}

fn evidence(q: &Question, lang: Lang) -> Vec<String> {
    q.evidence
        .iter()
        .map(|e| tr(e, lang))
        .filter(|e| !e.is_empty())
        .collect()
}

impl Summary {
    /// Computes the report of a record in a language.
    pub fn compute(record: &Record, lang: Lang) -> Summary {
        let checklist = &record.checklist;
        let refs = Refs {
            checklist,
            lang,
            record,
            numbering: Numbering::of(checklist),
        };
        let shown = visible(checklist, &record.answers);
        let mut flat = 0usize;
        let mut overall = Score::default();
        let questions = checklist.questions().map(|(_, q)| q);
        let visible_questions = questions.zip(&shown).filter(|(_, v)| **v).map(|(q, _)| q);
        let progress = Progress::of(visible_questions, &record.answers)
            .with_required_fields(checklist, &record.header);
        let mut sections = Vec::new();
        let mut strengths = Vec::new();
        let mut findings = Vec::new();
        let mut awaiting = Vec::new();
        let mut unanswered = Vec::new();
        let mut triggered = Vec::new();
        let mut answers = Vec::new();
        let mut prose = Prose::default();

        for (si, s) in checklist.sections.iter().enumerate() {
            let sref = refs.section(si, s);
            let mut sscore = Score::default();
            let (mut answered, mut total) = (0, 0);
            let mut full_questions = Vec::new();
            let mut n = 0;
            for q in &s.questions {
                let is_shown = shown.get(flat).copied().unwrap_or(true);
                flat += 1;
                if !q.is_answerable() {
                    // An information item takes no answer, but a note typed on it is kept.
                    if let Some(a) = record.answers.get(&q.id).filter(|_| is_shown) {
                        let note = sanitize::multiline(a.note.trim());
                        if !note.is_empty() {
                            answers.push(AnswerEntry {
                                section: sref.clone(),
                                question: refs.info_at(q),
                                kind: q.kind,
                                answer: None,
                                value: None,
                                note,
                                awaiting_evidence: false,
                                flagged: false,
                            });
                        }
                    }
                    continue;
                }
                n += 1;
                if !is_shown {
                    continue;
                }
                let qref = refs.question_at(si, n, q);
                let answer = record.answers.get(&q.id);
                let value = answer
                    .and_then(|a| a.value.as_ref())
                    .filter(|v| v.is_answered());
                total += 1;
                if let Some(a) = answer {
                    let note = sanitize::multiline(a.note.trim());
                    let kept = a.value.as_ref().filter(|v| v.is_answered());
                    if kept.is_some() || !note.is_empty() || a.awaiting_evidence {
                        answers.push(AnswerEntry {
                            section: sref.clone(),
                            question: qref.clone(),
                            kind: q.kind,
                            answer: kept.map(|v| answer_label(checklist, q, v, lang)),
                            value: kept.cloned(),
                            note,
                            awaiting_evidence: a.awaiting_evidence,
                            flagged: kept.is_some_and(|v| checklist.is_flagged(q, v)),
                        });
                    }
                }
                if answer.is_some_and(|a| a.awaiting_evidence) {
                    awaiting.push(Pending {
                        section: sref.clone(),
                        question: qref.clone(),
                        evidence: evidence(q, lang),
                    });
                }
                let Some(value) = value else {
                    if q.required {
                        unanswered.push(Pending {
                            section: sref.clone(),
                            question: qref,
                            evidence: evidence(q, lang),
                        });
                    }
                    continue;
                };
                answered += 1;
                let label = answer_label(checklist, q, value, lang);
                if matches!(q.kind, QuestionType::Number | QuestionType::Date) {
                    let quoted = document_label(checklist, q, value, lang);
                    prose.add(&refs, &sref, &qref, q, value, &quoted);
                } else {
                    prose.add(&refs, &sref, &qref, q, value, &label);
                }
                if let Some(sc) = score::answer_score(checklist, q, value) {
                    sscore.add(sc);
                    if sc.is_full() {
                        full_questions.push(Strength {
                            section: sref.clone(),
                            question: Some(qref.clone()),
                            answer: Some(label.clone()),
                        });
                    }
                }
                let chosen = score::chosen_values(q, value);
                let options = checklist.options_of(q);
                if checklist.is_flagged(q, value) {
                    findings.push(Finding {
                        section: sref.clone(),
                        question: qref.clone(),
                        answer: label,
                        note: answer
                            .map(|a| sanitize::multiline(a.note.trim()))
                            .unwrap_or_default(),
                        evidence: evidence(q, lang),
                        awaiting_evidence: answer.is_some_and(|a| a.awaiting_evidence),
                    });
                }
                if let Some(def) = &q.recommendation
                    && recommend::triggers(def, options, &chosen)
                {
                    triggered.push((sref.clone(), qref, q, def));
                }
            }
            // The generated section of a follow-up measures the previous conclusion, not
            // the checklist: it has its own score but stays out of the overall one, so the
            // overall score and rating compare with the previous visit's.
            let generated = record.follow_up.as_ref().is_some_and(|f| f.section == s.id);
            if sscore.is_full() {
                strengths.push(Strength {
                    section: sref.clone(),
                    question: None,
                    answer: None,
                });
            } else {
                strengths.extend(full_questions);
            }
            if !generated {
                overall.add(sscore);
            }
            sections.push(SectionScore {
                section: sref,
                score: sscore,
                answered,
                total,
            });
        }

        let rating = overall
            .ratio()
            .and_then(|r| checklist.rating_for(r))
            .map(|b| tr(&b.label, lang));
        let header: Vec<Fact> = checklist
            .header
            .iter()
            .filter_map(|f| {
                let value = sanitize::line(record.header.get(&f.id)?).trim().to_string();
                (!value.is_empty()).then(|| Fact {
                    id: f.id.clone(),
                    label: tr(&f.label, lang),
                    shown: header_shown(f.kind, &value, lang),
                    value,
                })
            })
            .collect();
        let missing_header: Vec<MissingField> = checklist
            .header
            .iter()
            .filter(|f| f.required && !header.iter().any(|h| h.id == f.id))
            .map(|f| MissingField {
                id: f.id.clone(),
                label: tr(&f.label, lang),
            })
            .collect();
        let organisation = crate::record::id::organisation(record)
            .map(crate::sanitize::line)
            .unwrap_or_default();
        let date = pick_date(checklist, &header)
            .unwrap_or_else(|| record.created_at.format("%Y-%m-%d").to_string());

        let (mut recommendations, dropped_recommendations) = recommend::effective(
            &|t| refs.filled(t),
            &|id| refs.question(id),
            triggered,
            &record.recommendations,
        );
        let follow_up = super::followup::compute(record, lang, &sections, overall, |id| {
            refs.question(id).map(|(_, q)| q)
        });
        if let Some(link) = &record.follow_up {
            carry_forward(&mut recommendations, link);
        }
        Summary {
            history: super::history::history(record, lang),
            disagreements: super::history::disagreements(record, lang),
            lang,
            record: sanitize::line(&record.id),
            status: record.status,
            checklist: ChecklistInfo {
                id: sanitize::line(&checklist.id),
                version: sanitize::line(&checklist.version),
                title: tr(&checklist.title, lang),
            },
            organisation,
            date,
            header,
            created_at: record.created_at,
            updated_at: record.updated_at,
            finished_at: record.finished_at,
            overall,
            rating,
            progress,
            sections,
            strengths,
            findings,
            recommendations,
            dropped_recommendations,
            awaiting_evidence: awaiting,
            unanswered_required: unanswered,
            missing_header,
            answers,
            general_notes: sanitize::multiline(record.general_notes.trim()),
            follow_up,
            time_offset: None,
            prose,
        }
    }

    /// Recommendations of one priority, in order.
    pub fn recommendations_of(&self, p: Priority) -> impl Iterator<Item = &Recommendation> {
        self.recommendations.iter().filter(move |r| r.priority == p)
    }

    /// A timestamp moved to the time zone reports show times in (see `time_offset`).
    pub fn shown_time(&self, t: &Timestamp) -> Timestamp {
        match self.time_offset {
            Some(o) => t.with_timezone(&o),
            None => t.with_timezone(&chrono::Local).fixed_offset(),
        }
    }

    /// Whether the report is a draft: the inspection is not finished.
    pub fn is_draft(&self) -> bool {
        self.status != Status::Finished
    }

    /// Sections that have a score.
    pub fn scored_sections(&self) -> impl Iterator<Item = &SectionScore> {
        self.sections.iter().filter(|s| s.score.ratio().is_some())
    }
}

/// Marks the recommendations a follow-up carries forward; one that the checklist's own
/// question asks again in the same words is kept once, marked carried forward.
fn carry_forward(recs: &mut Vec<Recommendation>, link: &crate::record::FollowUp) {
    for r in recs.iter_mut() {
        r.carried_forward =
            r.id.strip_prefix("q:")
                .is_some_and(|q| link.item(q).is_some());
    }
    let repeated: Vec<String> = recs
        .iter()
        .filter(|r| r.carried_forward)
        .filter(|r| recs.iter().any(|o| !o.carried_forward && o.text == r.text))
        .map(|r| r.text.clone())
        .collect();
    recs.retain(|r| !(r.carried_forward && repeated.contains(&r.text)));
    for r in recs.iter_mut() {
        r.carried_forward |= repeated.contains(&r.text);
    }
}

fn pick_date(checklist: &Checklist, header: &[Fact]) -> Option<String> {
    let by_id = header.iter().find(|f| f.id == "date");
    let first_date = || {
        header.iter().find(|f| {
            checklist
                .header
                .iter()
                .any(|h| h.id == f.id && h.kind == HeaderType::Date)
        })
    };
    by_id.or_else(first_date).map(|f| f.value.clone())
}
