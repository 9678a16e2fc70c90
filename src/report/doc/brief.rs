//! Before the visit, from a checklist alone: the Đề cương báo cáo gợi ý (one heading per
//! section with the points to report, a statistics table from the number and date
//! questions) and the Danh mục tài liệu cần chuẩn bị (from the questions' `evidence`).

use super::facts::{deadline, or_blank, place_date_blank, question_phrase, sentence};
use super::layout::{Doc, HeaderBlock, Span, two_digits};
use super::{BLANK, Profile};
use crate::checklist::{Checklist, QuestionType};
use crate::i18n::doc;
use crate::lang::Lang;
use crate::report::summary::tr;

/// The brief of a checklist as a `.docx` file.
pub fn render(c: &Checklist, lang: Lang, p: &Profile) -> Result<Vec<u8>, String> {
    let t = doc::text(lang);
    let mut d = Doc::new(p.layout(lang));
    d.header_block(&HeaderBlock {
        parent: p.get("issuer").unwrap_or_default(),
        issuer: p.get("team").unwrap_or_else(|| t.team.to_string()),
        number: String::new(),
        place_date: place_date_blank(&or_blank(p.get("place")), t, lang),
    });
    d.title(t.brief, &[t.brief_subject.to_string(), tr(&c.title, lang)]);
    d.para(&format!(
        "{} {}.",
        t.brief_due,
        or_blank(p.get("brief-due").map(|x| deadline(&x, lang)))
    ));

    let mut figures: Vec<Vec<String>> = Vec::new();
    let mut documents: Vec<(String, String)> = Vec::new();
    for s in &c.sections {
        let title = tr(&s.title, lang);
        d.heading(&title);
        d.spans(&[Span::italic(t.brief_points)]);
        for q in s.questions.iter().filter(|q| q.is_answerable()) {
            let prompt = question_phrase(&tr(&q.prompt, lang));
            if prompt.is_empty() {
                continue;
            }
            d.item(&sentence(&prompt));
            match q.kind {
                QuestionType::Number => figures.push(vec![
                    two_digits(figures.len() + 1),
                    prompt.clone(),
                    q.unit.as_ref().map(|u| tr(u, lang)).unwrap_or_default(),
                    String::new(),
                ]),
                QuestionType::Date => figures.push(vec![
                    two_digits(figures.len() + 1),
                    prompt.clone(),
                    t.date_unit.to_string(),
                    String::new(),
                ]),
                _ => {}
            }
            for e in &q.evidence {
                let e = tr(e, lang);
                if !e.is_empty() && !documents.iter().any(|(doc, _)| *doc == e) {
                    documents.push((e, title.clone()));
                }
            }
        }
    }
    d.heading(t.brief_closing);
    d.para(t.brief_closing_items);

    if !figures.is_empty() {
        d.page_break();
        d.title(t.statistics, &[]);
        d.table(
            &[1, 7, 2, 2],
            &[
                t.col_no.to_string(),
                t.col_indicator.to_string(),
                t.col_unit.to_string(),
                t.col_figure.to_string(),
            ],
            &figures,
        );
    }
    d.page_break();
    d.title(t.documents_list, &[]);
    let rows: Vec<Vec<String>> = if documents.is_empty() {
        vec![vec!["01".into(), BLANK.into(), String::new()]]
    } else {
        documents
            .into_iter()
            .enumerate()
            .map(|(i, (doc, section))| vec![two_digits(i + 1), doc, section])
            .collect()
    };
    d.table(
        &[1, 7, 4],
        &[
            t.col_no.to_string(),
            t.col_document.to_string(),
            t.col_content.to_string(),
        ],
        &rows,
    );
    d.finish()
}
