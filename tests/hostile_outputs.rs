//! Every output over the hostile-text corpus (`tests/hostile`): a record whose header,
//! answers, notes, recommendations and embedded checklist carry every piece of it is run
//! through `report` (md, html, txt, json), `aggregate` (md, csv, json), `list` (text,
//! json) and the TUI's screen; nothing forbidden may come out, and the Vietnamese text
//! around it must.

mod cli;
mod hostile;
mod pty;

use std::path::Path;
use std::time::Duration;

use cli::{onsite, text};
use hostile::{CORPUS, all_in_one, assert_inert, assert_json_inert};

/// A data dir with one record full of hostile text; its id.
fn hostile_record(data: &Path) -> String {
    let all = all_in_one();
    let mut record = pty::record(&[("organisation", &all), ("team", CORPUS[0].0)]);
    record.id = "20261202-0900-hostile".into();
    let mut checklist = (*record.checklist).clone();
    checklist.sections[0].questions[0].prompt = onsite::checklist::Text::Plain(all.clone());
    record.checklist = std::sync::Arc::new(checklist);
    let now = record.updated_at;
    for (i, q) in ["steering", "meetings", "channels", "budget"]
        .iter()
        .enumerate()
    {
        record.answers.insert(
            q.to_string(),
            onsite::record::Answer {
                value: None,
                note: format!("{}\n{}", CORPUS[i % CORPUS.len()].0, all),
                awaiting_evidence: false,
                updated_at: now,
            },
        );
    }
    record.answers["steering"].value = Some(onsite::record::AnswerValue::Text("partial".into()));
    record.answers.insert(
        "plan-detail".into(),
        onsite::record::Answer {
            value: Some(onsite::record::AnswerValue::Text(all.clone())),
            note: String::new(),
            awaiting_evidence: false,
            updated_at: now,
        },
    );
    record.general_notes = format!("Biên bản\u{2028}{all}");
    record
        .recommendations
        .push(onsite::record::RecommendationEntry {
            id: "own-1".into(),
            question: None,
            text: Some(all.clone()),
            priority: Some(onsite::checklist::Priority::High),
            responsible: CORPUS[4].0.into(),
            due: None,
            dropped: false,
        });
    let records = data.join("records");
    std::fs::create_dir_all(&records).unwrap();
    let json = serde_json::to_string_pretty(&record).unwrap();
    std::fs::write(records.join(format!("{}.json", record.id)), json).unwrap();
    record.id
}

#[test]
fn the_corpus_leaves_its_vietnamese_behind_when_made_inert() {
    for (hostile, kept) in CORPUS {
        assert_eq!(onsite::sanitize::line(hostile), *kept);
        assert_inert("sanitize::line", &onsite::sanitize::line(hostile));
        assert_inert("sanitize::multiline", &onsite::sanitize::multiline(hostile));
    }
}

#[test]
fn reports_aggregates_and_lists_carry_nothing_hostile() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let id = hostile_record(data);
    for format in ["md", "html", "txt", "json"] {
        for lang in ["vi", "en"] {
            let out = onsite(data, &["--lang", lang, "report", &id, "--format", format]);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            let body = text(&out.stdout);
            assert_inert(&format!("report {format} {lang}"), &body);
            if format == "json" {
                let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                assert_json_inert("report json (decoded)", &v);
            }
            for kept in ["Thôn Bắc Sơn", "Xã Tân Lập", "Đạt yêu cầu"] {
                assert!(body.contains(kept), "report {format} {lang} lost {kept:?}");
            }
        }
    }
    let records = data.join("records");
    for format in ["md", "csv", "json"] {
        let out = onsite(
            data,
            &["aggregate", records.to_str().unwrap(), "--format", format],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let body = text(&out.stdout);
        // The CSV's own byte-order mark (for spreadsheets) is the one allowed.
        let body = match format {
            "csv" => body
                .strip_prefix('\u{feff}')
                .expect("CSV starts with a BOM")
                .to_string(),
            _ => body,
        };
        assert_inert(&format!("aggregate {format}"), &body);
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_json_inert("aggregate json (decoded)", &v);
        }
        assert!(body.contains("Thôn Bắc Sơn"), "aggregate {format}: {body}");
    }
    let out = onsite(data, &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_inert("list", &text(&out.stdout));
    assert_inert("list (stderr)", &text(&out.stderr));
    let out = onsite(data, &["list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_json_inert("list --json (decoded)", &v);
}

#[test]
fn the_screen_carries_nothing_hostile() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let id = hostile_record(data);
    let mut p = pty::harness::Pty::spawn(
        &["--lang", "vi", "resume", &id, "--read-only"],
        data,
        &[],
        100,
        40,
    );
    p.wait_for("Câu 1.1 ", 10);
    let mut screens = vec![p.screen()];
    // The summary (header, recommendations) and the general notes.
    p.send("s");
    p.wait_for("Thôn Bắc Sơn", 5);
    screens.push(p.screen());
    p.send("\u{1b}");
    std::thread::sleep(Duration::from_millis(300));
    screens.push(p.screen());
    p.send("q");
    assert!(p.wait_exit(Duration::from_secs(5)).is_some());
    for (i, s) in screens.iter().enumerate() {
        assert_inert(&format!("screen {i}"), s);
    }
    assert!(screens[0].contains("Xã Tân Lập"), "{}", screens[0]);
    let raw = String::from_utf8_lossy(&p.raw()).to_string();
    for needle in [
        "\u{1b}]0;pwned",
        "\u{1b}]52;",
        "\u{9b}",
        "\u{202e}",
        "\u{200b}",
        "\u{e0041}",
    ] {
        assert!(!raw.contains(needle), "{needle:?} reached the terminal");
    }
}
