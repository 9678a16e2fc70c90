//! Follow-up inspections (SPEC §9): the next visit of an organisation, started from the
//! finished record of the previous one.
//!
//! [`new_follow_up`] makes the new record: the current checklist with a generated first
//! section — one `choice` question per recommendation of the previous conclusion
//! (implemented / partly / not implemented / no longer applicable), its wording,
//! responsible party and due date in the guidance, overdue ones marked — the title page
//! carried over, and a [`FollowUp`] link holding what the screens and reports show of the
//! previous visit (answers and notes by question id, section scores, what the checklist no
//! longer has). A question left partly or not implemented keeps its recommendation: it is
//! the generated question's scripted recommendation, so it carries forward into the new
//! conclusion unless the inspector drops it.

use indexmap::IndexMap;

use crate::checklist::{
    Checklist, OptionDef, Question, QuestionType, RecommendationDef, Section, Text, placeholder,
    value,
};
use crate::i18n::followup::{FollowUpText, text};
use crate::lang::Lang;
use crate::record::followup::{
    FollowUp, FollowUpItem, GoneQuestion, Points, PreviousAnswer, PreviousSection,
};
use crate::record::{RecommendationEntry, Record, Status, Timestamp, create};
use crate::report::Summary;
use crate::report::summary::answer_label;

pub use crate::record::followup::{IMPLEMENTED, NOT_APPLICABLE, NOT_IMPLEMENTED, PARTLY};

/// Why a follow-up cannot be started from a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUpError {
    /// The previous record was made from another checklist.
    OtherChecklist {
        /// The previous record's id.
        record: String,
        /// Its checklist id.
        was: String,
        /// The checklist asked for now.
        now: String,
    },
    /// The previous record is not finished: it has no conclusion to follow up.
    Unfinished {
        /// The previous record's id.
        record: String,
    },
    /// A `--set` value was refused.
    Header(create::SetError),
}

impl FollowUpError {
    /// The one sentence saying why, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang);
        let line = crate::sanitize::line;
        match self {
            FollowUpError::OtherChecklist { record, was, now } => t
                .other_checklist
                .replace("{record}", &line(record))
                .replace("{was}", &line(was))
                .replace("{now}", &line(now)),
            FollowUpError::Unfinished { record } => t.unfinished.replace("{record}", &line(record)),
            FollowUpError::Header(e) => crate::i18n::cli::set_error(lang, e),
        }
    }
}

/// Both languages of a text computed per language (one plain text when they agree).
fn both(vi: String, en: String) -> Text {
    if vi == en {
        Text::Plain(vi)
    } else {
        Text::Localized(IndexMap::from([
            ("vi".to_string(), vi),
            ("en".to_string(), en),
        ]))
    }
}

/// A text as the two UI languages write it.
fn localized(f: impl Fn(&FollowUpText, Lang) -> String) -> Text {
    both(f(text(Lang::Vi), Lang::Vi), f(text(Lang::En), Lang::En))
}

/// Wording that must stay literal in a checklist text: braces that would read as a `{id}`
/// placeholder become parentheses.
fn inert_braces(s: &str) -> String {
    if placeholder::names(s).next().is_none() {
        return s.to_string();
    }
    s.replace('{', "(").replace('}', ")")
}

/// A prefix no id of the checklist starts with: the generated section's id, and with `-N`
/// after it the generated questions' ids.
fn free_prefix(c: &Checklist) -> String {
    let taken = |p: &str| {
        let clash = |id: &str| id == p || id.starts_with(&format!("{p}-"));
        c.sections.iter().any(|s| clash(&s.id))
            || c.header.iter().any(|h| clash(&h.id))
            || c.questions().any(|(_, q)| clash(&q.id))
    };
    let mut prefix = "follow-up".to_string();
    while taken(&prefix) {
        prefix.push('x');
    }
    prefix
}

fn options() -> Vec<OptionDef> {
    let opt = |value: &str, label: fn(&FollowUpText) -> &'static str, score, flag| OptionDef {
        value: value.to_string(),
        label: both(label(text(Lang::Vi)).into(), label(text(Lang::En)).into()),
        score,
        flag,
    };
    vec![
        opt(IMPLEMENTED, |t| t.implemented, Some(1.0), false),
        opt(PARTLY, |t| t.partly, Some(0.5), true),
        opt(NOT_IMPLEMENTED, |t| t.not_implemented, Some(0.0), true),
        opt(NOT_APPLICABLE, |t| t.not_applicable, None, false),
    ]
}

/// The previous visit's date, the day a new one is judged overdue against.
fn overdue(due: Option<&str>, today: &str) -> bool {
    due.is_some_and(|d| value::is_iso_date(d) && d < today)
}

/// The guidance of a generated question: where the recommendation came from, who had to
/// act, by when, and whether that day has passed.
fn guidance(item: &FollowUpItem, date: &str, record: &str) -> Text {
    localized(|t, lang| {
        let mut out = t
            .from_visit
            .replace("{date}", &value::format_date(date, lang))
            .replace("{record}", record);
        if let Some(since) = &item.since {
            out.push_str(&format!(
                "; {}",
                t.since.replace("{date}", &value::format_date(since, lang))
            ));
        }
        let section = item.section.as_ref().map_or("", |s| s.get(lang.code()));
        if !section.is_empty() {
            out.push_str(&format!(" — {}: {section}", t.section));
        }
        out.push('.');
        if !item.responsible.is_empty() {
            out.push_str(&format!("\n{}: {}", t.responsible, item.responsible));
        }
        if let Some(due) = &item.due {
            out.push_str(&format!("\n{}: {}", t.due, value::format_date(due, lang)));
            if item.overdue {
                out.push_str(&format!(" — {}", t.overdue));
            }
        }
        out.push('\n');
        out.push_str(t.how_to_answer);
        out
    })
}

/// Starts the follow-up of `previous` from `checklist` at `now`: `sets` pre-fill the title
/// page over what is carried from the previous one (typed in `lang`). The record opens at
/// the title page, so the inspector confirms what was carried over.
pub fn new_follow_up(
    checklist: Checklist,
    previous: &Record,
    sets: &[(String, String)],
    now: Timestamp,
    lang: Lang,
) -> Result<Record, FollowUpError> {
    if previous.checklist.id != checklist.id {
        return Err(FollowUpError::OtherChecklist {
            record: previous.id.clone(),
            was: previous.checklist.id.clone(),
            now: checklist.id.clone(),
        });
    }
    if previous.status != Status::Finished {
        return Err(FollowUpError::Unfinished {
            record: previous.id.clone(),
        });
    }
    let (vi, en) = (
        Summary::compute(previous, Lang::Vi),
        Summary::compute(previous, Lang::En),
    );
    let prefix = free_prefix(&checklist);
    let today = now.date_naive().format("%Y-%m-%d").to_string();
    let old_section = previous.follow_up.as_ref().map(|f| f.section.as_str());
    let in_old_section = |qid: &str| {
        old_section.is_some_and(|s| {
            previous
                .checklist
                .sections
                .iter()
                .any(|sec| sec.id == s && sec.questions.iter().any(|q| q.id == qid))
        })
    };

    // One generated question per recommendation of the previous conclusion.
    let mut items = Vec::new();
    let mut questions = Vec::new();
    for (n, (rv, re)) in vi
        .recommendations
        .iter()
        .zip(&en.recommendations)
        .enumerate()
    {
        // A recommendation carried forward last time keeps where it first came from.
        let carried = previous.follow_up.as_ref().and_then(|link| {
            let q = rv.id.strip_prefix("q:")?;
            link.item(q).map(|i| (i, link))
        });
        let section = match (carried, &rv.section, &re.section) {
            (Some((old, _)), _, _) => old.section.clone(),
            (None, Some(a), Some(b)) => Some(both(a.heading.clone(), b.heading.clone())),
            _ => None,
        };
        let item = FollowUpItem {
            section,
            since: carried.map(|(old, link)| old.since.clone().unwrap_or(link.date.clone())),
            question: format!("{prefix}-{}", n + 1),
            recommendation: rv.id.clone(),
            text: both(inert_braces(&rv.text), inert_braces(&re.text)),
            priority: rv.priority,
            responsible: rv.responsible.clone(),
            due: rv.due.clone(),
            overdue: overdue(rv.due.as_deref(), &today),
        };
        let addressee = match (&rv.addressee, &re.addressee) {
            (Some(a), Some(b)) => Some(both(inert_braces(a), inert_braces(b))),
            _ => None,
        };
        questions.push(Question {
            id: item.question.clone(),
            kind: QuestionType::Choice,
            responses: None,
            options: Some(options()),
            required: true,
            prompt: item.text.clone(),
            guidance: Some(guidance(&item, &vi.date, &vi.record)),
            basis: None,
            evidence: Vec::new(),
            recommendation: Some(RecommendationDef {
                text: item.text.clone(),
                priority: item.priority,
                when: Some(vec![PARTLY.to_string(), NOT_IMPLEMENTED.to_string()]),
                addressee,
            }),
            show_if: None,
            min: None,
            max: None,
            integer: false,
            unit: None,
            statement: IndexMap::new(),
            role: None,
        });
        items.push(item);
    }

    // The previous answers, by question id: beside the question when it still exists,
    // listed as gone when it does not.
    let mut answers = IndexMap::new();
    let mut gone = Vec::new();
    for (qid, a) in &previous.answers {
        if in_old_section(qid) || a.is_empty() {
            continue;
        }
        let Some(q) = previous.checklist.question(qid) else {
            continue;
        };
        let shown = a.value.as_ref().filter(|v| v.is_answered()).map(|v| {
            both(
                answer_label(&previous.checklist, q, v, Lang::Vi),
                answer_label(&previous.checklist, q, v, Lang::En),
            )
        });
        if checklist.question(qid).is_some() {
            answers.insert(
                qid.clone(),
                PreviousAnswer {
                    value: a.value.clone().filter(|v| v.is_answered()),
                    shown,
                    note: a.note.trim().to_string(),
                },
            );
        } else if shown.is_some() || !a.note.trim().is_empty() {
            gone.push(GoneQuestion {
                id: qid.clone(),
                prompt: q.prompt.clone(),
                shown,
                note: a.note.trim().to_string(),
            });
        }
    }
    let sections = vi
        .sections
        .iter()
        .zip(&en.sections)
        .filter(|(s, _)| Some(s.section.id.as_str()) != old_section)
        .map(|(v, e)| PreviousSection {
            id: v.section.id.clone(),
            title: both(v.section.heading.clone(), e.section.heading.clone()),
            score: Points {
                earned: v.score.earned,
                possible: v.score.possible,
            },
        })
        .collect();
    let link = FollowUp {
        previous: previous.id.clone(),
        date: vi.date.clone(),
        checklist_version: previous.checklist.version.clone(),
        section: prefix.clone(),
        items,
        overall: Points {
            earned: vi.overall.earned,
            possible: vi.overall.possible,
        },
        rating: vi
            .rating
            .clone()
            .zip(en.rating.clone())
            .map(|(v, e)| both(v, e)),
        sections,
        answers,
        gone,
    };

    let mut checklist = checklist;
    if !questions.is_empty() {
        let date = vi.date.clone();
        checklist.sections.insert(
            0,
            Section {
                id: prefix,
                title: localized(|t, lang| {
                    t.section_title
                        .replace("{date}", &value::format_date(&date, lang))
                }),
                guidance: Some(localized(|t, _| t.section_guidance.to_string())),
                questions,
            },
        );
    }
    let mut record =
        create::new_record(checklist, sets, now, lang).map_err(FollowUpError::Header)?;
    carry_header(&mut record, previous, sets);
    // Who had to act stays on a recommendation that carries forward.
    record.recommendations = link
        .items
        .iter()
        .filter(|i| !i.responsible.is_empty())
        .map(|i| RecommendationEntry {
            id: format!("q:{}", i.question),
            question: Some(i.question.clone()),
            text: None,
            priority: None,
            responsible: i.responsible.clone(),
            due: None,
            dropped: false,
        })
        .collect();
    record.position.screen = crate::record::Screen::Header;
    record.follow_up = Some(link);
    record.id = crate::record::id::base_id(&record);
    Ok(record)
}

/// Copies the previous title page into the new one: every field the checklist still has,
/// but those given with `--set` and dates that default to the day of the visit.
fn carry_header(record: &mut Record, previous: &Record, sets: &[(String, String)]) {
    for field in &record.checklist.header {
        let today = field.default.as_deref() == Some("today");
        if today || sets.iter().any(|(k, _)| *k == field.id) {
            continue;
        }
        let Some(old) = previous.header.get(&field.id) else {
            continue;
        };
        // Stored values are language-neutral (dates `YYYY-MM-DD`, numbers with a decimal
        // point): English reads them as they are.
        if let Ok(v) = create::check_header_value(field, old, Lang::En)
            && !v.is_empty()
        {
            record.header.insert(field.id.clone(), v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecommendationEntry;
    use crate::session::tests::{now, record};

    /// A finished record of the session tests' checklist with a flagged answer and an own
    /// recommendation whose wording holds braces that would read as a placeholder.
    fn previous() -> Record {
        let mut r = record();
        r.status = Status::Finished;
        r.header.insert("organisation".into(), "Sở Tư pháp".into());
        r.answers.insert(
            "committee".into(),
            crate::record::Answer {
                value: Some(crate::record::AnswerValue::Text("no".into())),
                note: String::new(),
                awaiting_evidence: false,
                updated_at: now(),
            },
        );
        r.recommendations.push(RecommendationEntry {
            id: "own-1".into(),
            question: None,
            text: Some("Gửi báo cáo cho {organisation} trước quý IV".into()),
            priority: None,
            responsible: String::new(),
            due: None,
            dropped: false,
        });
        r
    }

    #[test]
    fn generated_ids_never_clash_and_the_checklist_stays_valid() {
        let prev = previous();
        let mut checklist = (*prev.checklist).clone();
        checklist.sections[1].questions[2].id = "follow-up-1".into();
        let next = new_follow_up(checklist, &prev, &[], now(), Lang::Vi).unwrap();
        let link = next.follow_up.as_ref().unwrap();
        assert_eq!(link.section, "follow-upx");
        assert_eq!(link.items[0].question, "follow-upx-1");
        assert!(crate::checklist::validate::validate(&next.checklist).is_empty());
        // the own wording is kept literal, not read as a placeholder
        assert_eq!(
            link.items[1].text.get("vi"),
            "Gửi báo cáo cho (organisation) trước quý IV"
        );
        assert_eq!(next.header["organisation"], "Sở Tư pháp");
    }

    #[test]
    fn other_checklists_and_unfinished_records_are_refused() {
        let prev = previous();
        let mut other = (*prev.checklist).clone();
        other.id = "khac".into();
        let e = new_follow_up(other, &prev, &[], now(), Lang::Vi).unwrap_err();
        assert!(e.message(Lang::En).contains("not `khac`"), "{e:?}");
        let mut open = prev.clone();
        open.status = Status::InProgress;
        let e = new_follow_up((*prev.checklist).clone(), &open, &[], now(), Lang::Vi).unwrap_err();
        assert!(e.message(Lang::Vi).contains("chưa kết thúc"), "{e:?}");
    }
}
