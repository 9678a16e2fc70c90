//! What was checked, per section, as the minutes and the team's report list it: the
//! statements (or, for a checklist without them, the findings, full-mark answers and
//! figures), each with the inspector's note; the figures no statement quotes; then every
//! other note typed in the section — an information item's too — so that nothing typed
//! is left out. Section titles lose the checklist's own numbering, which would clash with
//! the document's.

use super::facts::{Facts, question_phrase, sentence, with_note};
use super::layout::clean;
use crate::report::format;

impl Facts<'_> {
    /// What was checked, per section: its statements (or, without statements, the
    /// findings, full-mark answers and figures), each with the inspector's note, then every
    /// other note typed in the section (an information item's, a question's without a
    /// statement) — nothing typed is left out — with the section's score when a scoring
    /// rule is named.
    pub fn checked(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for sec in &self.s.sections {
            let sid = &sec.section.id;
            let mut items: Vec<String> = Vec::new();
            // Questions whose note is already in `items`.
            let mut noted: Vec<&str> = Vec::new();
            let statements: Vec<_> = self
                .s
                .prose
                .statements
                .iter()
                .filter(|st| &st.section.id == sid)
                .collect();
            if statements.is_empty() {
                items.extend(self.section_strengths(sid, false));
                for f in self.s.findings.iter().filter(|f| &f.section.id == sid) {
                    let base = format!("{}: {}", question_phrase(&f.question.prompt), f.answer);
                    items.push(with_note(&base, &f.note));
                    noted.push(&f.question.id);
                }
                for fig in self.s.prose.figures.iter().filter(|g| &g.section.id == sid) {
                    let base = format!("{}: {}", question_phrase(&fig.question.prompt), fig.value);
                    items.push(with_note(&base, self.note_of(&fig.question.id)));
                    noted.push(&fig.question.id);
                }
            } else {
                // The figures no statement quotes are listed after the statements.
                let quoted = |qid: &str| {
                    statements
                        .iter()
                        .any(|st| st.quotes.iter().any(|q| q == qid))
                };
                for (i, st) in statements.iter().enumerate() {
                    // A multi answer may state several sentences: the note follows the last.
                    let last = statements
                        .get(i + 1)
                        .is_none_or(|next| next.question != st.question);
                    if last {
                        items.push(with_note(&st.text, self.note_of(&st.question)));
                        noted.push(&st.question);
                    } else {
                        items.push(st.text.clone());
                    }
                }
                for fig in self.s.prose.figures.iter().filter(|g| &g.section.id == sid) {
                    if !quoted(&fig.question.id) {
                        let base =
                            format!("{}: {}", question_phrase(&fig.question.prompt), fig.value);
                        items.push(with_note(&base, self.note_of(&fig.question.id)));
                        noted.push(&fig.question.id);
                    }
                }
            }
            for e in self.s.answers.iter().filter(|e| {
                &e.section.id == sid
                    && !e.note.is_empty()
                    && !noted.contains(&e.question.id.as_str())
            }) {
                let phrase = question_phrase(&e.question.prompt);
                match &e.answer {
                    Some(a) => {
                        let base = format!("{phrase}: {}", clean(&a.replace('\n', " ")));
                        let item = with_note(&base, &e.note);
                        // A full-mark answer already listed gets its note in place.
                        match items.iter().position(|i| *i == sentence(&base)) {
                            Some(at) => items[at] = item,
                            None => items.push(item),
                        }
                    }
                    None => items.push(sentence(&format!(
                        "{phrase}: {}",
                        clean(&e.note.replace('\n', " "))
                    ))),
                }
            }
            if !items.is_empty() {
                let percent = self
                    .scoring_rule()
                    .and_then(|_| format::score_percent(&sec.score, self.lang));
                // The checklist's own numbering (`I.`) would clash with the document's.
                let bare = crate::checklist::numbering::title_number(&sec.section.title)
                    .and_then(|_| sec.section.title.split_once(['.', ')']))
                    .map_or(sec.section.title.as_str(), |(_, rest)| rest.trim_start());
                let title = match percent {
                    Some(p) => format!("{bare} ({} {p})", self.t.scored),
                    None => bare.to_string(),
                };
                out.push((title, items));
            }
        }
        out
    }

    /// The inspector's note on a question (empty when none).
    pub(super) fn note_of(&self, qid: &str) -> &str {
        self.s
            .answers
            .iter()
            .find(|e| e.question.id == qid)
            .map_or("", |e| e.note.as_str())
    }
}
