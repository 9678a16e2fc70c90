//! Many inspections in tables: one table per checklist, one row per inspection, sections
//! matched by id (a section added in a later checklist version gets its own column,
//! empty for the records that lack it). Built from [`Summary`]s, so every number is the
//! one the single-record report shows.

use std::path::PathBuf;

use serde::Serialize;

use super::score::Score;
use super::summary::Summary;
use crate::lang::Lang;
use crate::record::Status;

/// A column of section scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Section id (what matches sections across records).
    pub id: String,
    /// The section's number as printed on the checklist (`None`: unnumbered).
    pub number: Option<u32>,
    /// Title, from the first record that has the section.
    pub title: String,
    /// Heading as the checklist prints it (`V. …`, or `2. …` when titles carry no number).
    #[serde(skip)]
    pub heading: String,
}

/// A question column of the answers table (`aggregate --format xlsx|json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionColumn {
    /// Question id (what matches questions across records).
    pub id: String,
    /// The number printed on the checklist (`5.2`).
    pub number: String,
    /// Prompt, from the first record that has the question.
    pub prompt: String,
    /// Whether some inspection of the group has a note on it (the table then has a note
    /// column beside the answer column).
    pub noted: bool,
}

/// What one inspection recorded for one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The answer in words (option labels, a number with its unit, a date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The inspector's note.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One inspection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Record id.
    pub record: String,
    /// Checklist version the record used.
    pub version: String,
    /// Organisation inspected.
    pub organisation: String,
    /// Date of the inspection, `YYYY-MM-DD`.
    pub date: String,
    /// In progress or finished.
    pub status: Status,
    /// Overall score.
    pub overall: Score,
    /// Rating band.
    pub rating: Option<String>,
    /// Section scores in the order of the table's columns (`None`: no such section).
    pub sections: Vec<Option<Score>>,
    /// Number of findings.
    pub findings: usize,
    /// Number of recommendations (every effective one is open: the record has no "done").
    pub open_recommendations: usize,
    /// Every answer and note, by question id (the group's `questions` give the order).
    pub answers: indexmap::IndexMap<String, Cell>,
}

/// One visit in an organisation's series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Visit {
    /// 1 for the first visit given, in date order.
    pub round: usize,
    /// Record id.
    pub record: String,
    /// Date of the inspection, `YYYY-MM-DD`.
    pub date: String,
    /// Overall score (a follow-up's generated section left out).
    pub overall: Score,
    /// Rating band.
    pub rating: Option<String>,
    /// Recommendations of the previous visit found implemented (a follow-up only).
    pub implemented: Option<usize>,
    /// Recommendations of the previous visit checked (a follow-up only).
    pub followed_up: Option<usize>,
    /// Recommendations this visit leaves open (carried forward ones included).
    pub open: usize,
}

/// The visits of one organisation, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Organisation inspected.
    pub organisation: String,
    /// Its visits, in date order.
    pub visits: Vec<Visit>,
}

/// The inspections of one checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Checklist id.
    pub checklist: String,
    /// Title, from the first record.
    pub title: String,
    /// Section columns.
    pub sections: Vec<Column>,
    /// Question columns of the answers table: every question some inspection answered or
    /// noted, in checklist order (a question only a later version has comes last).
    pub questions: Vec<QuestionColumn>,
    /// Rows, in the order the records were given.
    pub rows: Vec<Row>,
    /// The visits of each organisation inspected more than once or followed up, in order
    /// of first appearance.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    /// Every organisation's visits, kept to build `series`.
    #[serde(skip)]
    all_series: Vec<Series>,
}

/// The whole aggregate: groups in order of first appearance.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Aggregate {
    /// One group per checklist id.
    pub groups: Vec<Group>,
}

impl Group {
    /// Puts an inspection in its organisation's series (organisations match by name, as
    /// written on the title page), in date order.
    fn add_visit(&mut self, s: &Summary) {
        let visit = Visit {
            round: 0,
            record: s.record.clone(),
            date: s.date.clone(),
            overall: s.overall,
            rating: s.rating.clone(),
            implemented: s.follow_up.as_ref().map(|f| f.counts.implemented),
            followed_up: s.follow_up.as_ref().map(|f| f.counts.total),
            open: s.recommendations.len(),
        };
        let key = s.organisation.trim();
        let i = match self
            .all_series
            .iter()
            .position(|x| x.organisation.trim() == key)
        {
            Some(i) => i,
            None => {
                self.all_series.push(Series {
                    organisation: s.organisation.clone(),
                    visits: Vec::new(),
                });
                self.all_series.len() - 1
            }
        };
        let series = &mut self.all_series[i];
        // The same record given twice (a copy in another directory) is one visit.
        if series.visits.iter().any(|v| v.record == visit.record) {
            return;
        }
        let at = series
            .visits
            .partition_point(|v| (&v.date, &v.record) <= (&visit.date, &visit.record));
        series.visits.insert(at, visit);
        for (n, v) in series.visits.iter_mut().enumerate() {
            v.round = n + 1;
        }
        self.series = self
            .all_series
            .iter()
            .filter(|x| x.visits.len() > 1 || x.visits.iter().any(|v| v.followed_up.is_some()))
            .cloned()
            .collect();
    }
}

/// A record file as read.
enum Read {
    /// An inspection of one inspector: its id and summary.
    Plain(String, Box<Summary>),
    /// A member's copy of a shared inspection, to merge with the other copies.
    Shared(Box<crate::record::Record>),
}

/// What is added, in order, once every file is read (after a shared inspection's place).
enum Slot {
    Plain(Box<Summary>),
    Shared(usize),
}

impl Aggregate {
    /// The aggregate of the record files `files`, in order; each file that cannot be read
    /// adds one sentence to `skipped`. `progress` is told how many files are done.
    ///
    /// Members' copies of one shared inspection are one
    /// inspection: their changes are merged, and it is added once, at the place of its
    /// first copy (what comes after it waits for the merge).
    pub fn read(
        files: &[PathBuf],
        lang: Lang,
        skipped: &mut Vec<String>,
        mut progress: impl FnMut(usize),
    ) -> Aggregate {
        let mut agg = Aggregate::default();
        // Each record once: two files holding one record id (a copy) count once, and the
        // second is named.
        let mut ids: std::collections::HashMap<String, usize> = Default::default();
        let mut shared: Vec<crate::record::Record> = Vec::new();
        let mut slots: Vec<Slot> = Vec::new();
        let mut take = |i: usize,
                        read: Result<Read, crate::record::LoadError>,
                        agg: &mut Aggregate| {
            match read {
                Ok(Read::Shared(record)) => {
                    let key = record.team.as_ref().map(|t| t.inspection.clone());
                    match shared
                        .iter_mut()
                        .find(|r| r.team.as_ref().map(|t| t.inspection.clone()) == key)
                    {
                        Some(first) => {
                            let at = first.updated_at.max(record.updated_at);
                            crate::record::merge::replay(first, record.changes);
                            first.updated_at = at;
                        }
                        None => {
                            ids.insert(record.id.clone(), i);
                            slots.push(Slot::Shared(shared.len()));
                            shared.push(*record);
                        }
                    }
                }
                Ok(Read::Plain(id, summary)) => {
                    if let Some(&first) = ids.get(&id) {
                        skipped.push(crate::i18n::safety::same_id(
                            lang,
                            &files[i],
                            &id,
                            &files[first],
                        ));
                        return;
                    }
                    ids.insert(id, i);
                    if shared.is_empty() {
                        agg.add(&summary);
                    } else {
                        slots.push(Slot::Plain(summary));
                    }
                }
                Err(e) => skipped.push(crate::i18n::cli::load_error(lang, &e)),
            }
        };
        let mut batch = crate::record::io::Batch::default();
        for (i, path) in files.iter().enumerate() {
            progress(i);
            let read = batch.load(path).map(|r| {
                if r.team.is_some() {
                    Read::Shared(Box::new(r))
                } else {
                    Read::Plain(r.id.clone(), Box::new(Summary::compute(&r, lang)))
                }
            });
            take(i, read, &mut agg);
        }
        for slot in slots {
            match slot {
                Slot::Shared(i) => agg.add(&Summary::compute(&shared[i], lang)),
                Slot::Plain(s) => agg.add(&s),
            }
        }
        progress(files.len());
        agg
    }

    /// Adds one inspection to its checklist's group.
    pub fn add(&mut self, s: &Summary) {
        let gi = match self
            .groups
            .iter()
            .position(|g| g.checklist == s.checklist.id)
        {
            Some(i) => i,
            None => {
                self.groups.push(Group {
                    checklist: s.checklist.id.clone(),
                    title: s.checklist.title.clone(),
                    sections: Vec::new(),
                    questions: Vec::new(),
                    rows: Vec::new(),
                    series: Vec::new(),
                    all_series: Vec::new(),
                });
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[gi];
        for sec in &s.sections {
            if !group.sections.iter().any(|c| c.id == sec.section.id) {
                group.sections.push(Column {
                    id: sec.section.id.clone(),
                    number: sec.section.number,
                    title: sec.section.title.clone(),
                    heading: sec.section.heading.clone(),
                });
                for row in &mut group.rows {
                    row.sections.push(None);
                }
            }
        }
        let sections = group
            .sections
            .iter()
            .map(|c| {
                s.sections
                    .iter()
                    .find(|x| x.section.id == c.id)
                    .map(|x| x.score)
            })
            .collect();
        let mut answers = indexmap::IndexMap::new();
        // A question new to the table goes right after the one before it in this record,
        // so the columns keep the checklist's order whichever record answered what.
        let mut after: Option<usize> = None;
        for e in &s.answers {
            if e.answer.is_none() && e.note.is_empty() {
                continue;
            }
            let next = after.map_or(0, |p| p + 1);
            let found = match group.questions.get(next) {
                // The usual case: records of one checklist answer in the same order.
                Some(q) if q.id == e.question.id => Some(next),
                _ => group.questions.iter().position(|q| q.id == e.question.id),
            };
            let at = match found {
                Some(i) => i,
                None => {
                    group.questions.insert(
                        next,
                        QuestionColumn {
                            id: e.question.id.clone(),
                            number: e.question.number.clone(),
                            prompt: e.question.prompt.clone(),
                            noted: false,
                        },
                    );
                    next
                }
            };
            group.questions[at].noted |= !e.note.is_empty();
            after = Some(at);
            answers.insert(
                e.question.id.clone(),
                Cell {
                    answer: e.answer.clone(),
                    note: e.note.clone(),
                },
            );
        }
        group.rows.push(Row {
            record: s.record.clone(),
            version: s.checklist.version.clone(),
            organisation: s.organisation.clone(),
            date: s.date.clone(),
            status: s.status,
            overall: s.overall,
            rating: s.rating.clone(),
            sections,
            findings: s.findings.len(),
            open_recommendations: s.recommendations.len(),
            answers,
        });
        group.add_visit(s);
    }

    /// Number of inspections over every group.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }

    /// Whether there is no inspection.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
