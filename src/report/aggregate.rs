//! Many inspections in tables: one table per checklist, one row per inspection, sections
//! matched by id (a section added in a later checklist version gets its own column,
//! empty for the records that lack it). Built from [`Summary`]s, so every number is the
//! one the single-record report shows.

use serde::Serialize;

use super::score::Score;
use super::summary::Summary;
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
    /// Rows, in the order the records were given.
    pub rows: Vec<Row>,
}

/// The whole aggregate: groups in order of first appearance.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Aggregate {
    /// One group per checklist id.
    pub groups: Vec<Group>,
}

impl Aggregate {
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
                    rows: Vec::new(),
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
        });
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
