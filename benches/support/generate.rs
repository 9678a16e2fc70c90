//! Synthetic checklists and records of any size, for benchmarks, the terminal measurements
//! (`examples/termbench.rs`) and the large-file tests. Not part of the library: each user
//! includes it with `#[path = "…/benches/support/generate.rs"] mod generate;`.

#![allow(dead_code)]

/// A checklist of `n` required yes/no questions in sections of 50, with bilingual
/// prompts, guidance, basis and a recommendation on each; question `i` has id `q{i}` and
/// its English prompt starts `Question {i}:`.
pub fn checklist_json(n: usize) -> String {
    let mut sections = Vec::new();
    let per = 50;
    for s in 0..n.div_ceil(per) {
        let qs: Vec<String> = (s * per..((s + 1) * per).min(n))
            .map(|i| {
                format!(
                    r#"{{"id":"q{i}","type":"choice","responses":"ynp","required":true,"prompt":{{"en":"Question {i}: is the regulation on grassroots democracy disclosed?","vi":"Câu {i}: Quy chế dân chủ có được công khai không?"}},"guidance":{{"en":"Check the notice board and the minutes.","vi":"Xem bảng tin và biên bản."}},"basis":"Điều 46 Luật 10/2022/QH15","recommendation":{{"text":{{"vi":"Đề nghị Sở công khai đầy đủ.","en":"Disclose in full."}},"priority":"high"}}}}"#
                )
            })
            .collect();
        sections.push(format!(
            r#"{{"id":"s{s}","title":{{"en":"Section {s}","vi":"Phần {s}"}},"questions":[{}]}}"#,
            qs.join(",")
        ));
    }
    format!(
        r#"{{"format":"onsite-checklist/1","id":"bench-{n}","version":"1","title":{{"en":"Benchmark {n}","vi":"Đo {n}"}},
"header":[{{"id":"organisation","label":"Organisation","required":true}}],
"response_sets":{{"ynp":[{{"value":"yes","label":"Yes","score":1}},{{"value":"no","label":"No","score":0,"flag":true}}]}},
"sections":[{}]}}"#,
        sections.join(",")
    )
}

/// A record of the checklist of `n` questions (`checklist_json`) with the first `answered`
/// answered (every fourth "no", a note on every fifth, every ninth awaiting evidence).
pub fn record(
    n: usize,
    answered: usize,
    now: onsite::record::Timestamp,
) -> Result<onsite::record::Record, String> {
    use onsite::record::{Answer, AnswerValue};
    let checklist =
        onsite::checklist::load_str(&checklist_json(n), "generated.json").map_err(|p| {
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        })?;
    let sets = [(
        "organisation".to_string(),
        "Sở Thông tin và Truyền thông".to_string(),
    )];
    let mut r = onsite::record::new_record(checklist, &sets, now, onsite::i18n::Lang::En)
        .map_err(|e| onsite::i18n::cli::set_error(onsite::i18n::Lang::En, &e))?;
    for i in 0..answered.min(n) {
        let answer = Answer {
            value: Some(AnswerValue::Text(
                if i % 4 == 0 { "no" } else { "yes" }.into(),
            )),
            note: if i % 5 == 0 {
                "Chưa niêm yết tại bảng tin; hẹn gửi bổ sung biên bản.".into()
            } else {
                String::new()
            },
            awaiting_evidence: i % 9 == 0,
            updated_at: now,
        };
        r.answers.insert(format!("q{i}"), answer);
    }
    Ok(r)
}

/// `n` records of the bundled checklist `checklist_id` (e.g. `qcdc-agency`), saved in the
/// store of `data_dir`: organisations `Sở … số {i}`, every visible question answered (the
/// options in turn, numbers, texts, dates), every seventh with a note; every third finished.
pub fn bundled_records(
    data_dir: &std::path::Path,
    checklist_id: &str,
    n: usize,
) -> Result<(), String> {
    use onsite::checklist::QuestionType;
    use onsite::record::{Answer, AnswerValue, Status, Store};
    let (catalog, _) =
        onsite::checklist::Catalog::discover_from(&[], onsite::checklist::catalog::bundled());
    let checklist = catalog
        .get(checklist_id)
        .ok_or_else(|| format!("no bundled checklist {checklist_id}"))?
        .checklist
        .clone();
    let store = Store::new(data_dir);
    let start = onsite::record::Timestamp::parse_from_rfc3339("2026-11-02T08:00:00+07:00")
        .map_err(|e| e.to_string())?;
    for i in 0..n {
        let now = start + chrono::Duration::minutes(17 * i as i64);
        let organisation = format!("Sở Nội vụ tỉnh Thái Nguyên số {i}");
        let sets = [("organisation".to_string(), organisation)];
        let mut r =
            onsite::record::new_record(checklist.clone(), &sets, now, onsite::i18n::Lang::En)
                .map_err(|e| onsite::i18n::cli::set_error(onsite::i18n::Lang::En, &e))?;
        for (k, (_, q)) in checklist.questions().enumerate() {
            let options = checklist.options_of(q);
            let value = match q.kind {
                QuestionType::Choice => options
                    .get((i + k) % options.len().max(1))
                    .map(|o| AnswerValue::Text(o.value.clone())),
                QuestionType::Multi => options
                    .first()
                    .map(|o| AnswerValue::Multi(vec![o.value.clone()])),
                QuestionType::Number => Some(AnswerValue::Number(((i * 7 + k) % 40) as f64)),
                QuestionType::Text => Some(AnswerValue::Text(format!(
                    "Quyết định số {k}/QĐ-SNV ngày 12/3/2026"
                ))),
                QuestionType::Date => Some(AnswerValue::Text("2026-03-12".into())),
                QuestionType::Info => None,
            };
            if value.is_none() {
                continue;
            }
            let note = if k % 7 == 0 {
                "Đã xem biên bản hội nghị; còn thiếu bản niêm yết công khai.".to_string()
            } else {
                String::new()
            };
            let answer = Answer {
                value,
                note,
                awaiting_evidence: k % 11 == 0,
                updated_at: now,
            };
            r.answers.insert(q.id.clone(), answer);
        }
        if i % 3 == 0 {
            r.status = Status::Finished;
            r.finished_at = Some(now);
        }
        store.create(&mut r).map_err(|e| e.to_string())?;
    }
    Ok(())
}
