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
    let mut r = onsite::record::new_record(checklist, &sets, now)?;
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
