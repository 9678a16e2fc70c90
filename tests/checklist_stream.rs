//! The chunked reader of large checklists and records (`checklist::stream`) gives exactly
//! what `serde_json::from_str` gives for the same text, whatever the sizes of the reads,
//! and gives up (so the ordinary reader decides) on anything that does not parse.

mod damage;

use std::io::Read;

use onsite::checklist::stream::{self, Place};
use onsite::checklist::{Checklist, generate};
use onsite::record::Record;
use proptest::prelude::*;

const MINI: &str = include_str!("fixtures/mini.json");
const QCDC: &str = include_str!("../checklists/qcdc-agency.json");

/// A reader that hands out the text in reads of the given sizes, round and round.
struct Chunky<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    turn: usize,
}

impl Read for Chunky<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.turn % self.sizes.len()].max(1);
        self.turn += 1;
        let n = size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn chunky<'a>(text: &'a str, sizes: &[usize]) -> Chunky<'a> {
    Chunky {
        data: text.as_bytes(),
        sizes: sizes.to_vec(),
        turn: 0,
    }
}

fn ordinary<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()
}

fn agrees(text: &str, sizes: &[usize]) -> Result<(), TestCaseError> {
    let streamed = stream::read_checklist(chunky(text, sizes));
    let plain: Option<Checklist> = ordinary(text);
    prop_assert_eq!(streamed, plain);
    Ok(())
}

fn record_text(n: usize) -> String {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T09:00:00+07:00").unwrap();
    let r = generate::record(n, n / 2, now).unwrap();
    serde_json::to_string_pretty(&r).unwrap()
}

#[test]
fn good_files_are_read_the_same_in_any_chunks() {
    let generated = generate::checklist_json(120);
    for text in [MINI, QCDC, generated.as_str()] {
        for sizes in [&[1][..], &[2, 3, 5], &[64], &[4096], &[1 << 20]] {
            let streamed = stream::read_checklist(chunky(text, sizes));
            assert!(streamed.is_some(), "not read in chunks of {sizes:?}");
            assert_eq!(streamed, ordinary::<Checklist>(text), "chunks of {sizes:?}");
        }
    }
    let with_bom = format!("\u{feff}{MINI}");
    for sizes in [&[1][..], &[2], &[64]] {
        assert_eq!(
            stream::read_checklist(chunky(&with_bom, sizes)),
            ordinary::<Checklist>(MINI)
        );
    }
}

#[test]
fn questions_are_split_off_the_skeleton() {
    let text = generate::checklist_json(120);
    let split = stream::split(chunky(&text, &[4096]), Place::Top).unwrap();
    let counts: Vec<usize> = split
        .questions
        .iter()
        .map(|q| q.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(counts, [50, 50, 20]);
    let skeleton = String::from_utf8(split.skeleton).unwrap();
    assert!(!skeleton.contains("Question 7:"), "{skeleton}");
    assert!(skeleton.contains(r#""questions":[]"#), "{skeleton}");
}

#[test]
fn records_are_read_the_same_in_any_chunks() {
    let text = record_text(200);
    for sizes in [&[1][..], &[7, 300], &[65536]] {
        let streamed = onsite::record::io::parse_chunked(chunky(&text, sizes));
        assert!(streamed.is_some(), "not read in chunks of {sizes:?}");
        assert_eq!(streamed, ordinary::<Record>(&text));
    }
    // The split happens inside the embedded checklist only.
    let split = stream::split(chunky(&text, &[4096]), Place::Member).unwrap();
    assert_eq!(split.questions.len(), 4);
}

#[test]
fn lookalikes_and_tricks_are_left_to_the_ordinary_reader_or_read_right() {
    let base: serde_json::Value = serde_json::from_str(MINI).unwrap();
    let pretty = serde_json::to_string_pretty(&base).unwrap();
    let cases = [
        // A key spelt with an escape is the same key to serde_json.
        pretty.replacen("\"sections\"", "\"section\\u0073\"", 1),
        pretty.replacen("\"questions\"", "\"question\\u0073\"", 1),
        // Duplicate members, trailing commas, junk after the document, deep nesting.
        pretty.replacen("\"sections\": [", "\"sections\": [], \"sections\": [", 1),
        pretty.replacen("\"questions\": [", "\"questions\": [], \"questions\": [", 1),
        pretty.replacen("\"questions\": [", "\"questions\": [,", 1),
        format!("{pretty} x"),
        format!("{pretty} {{}}"),
        pretty.replacen("}\n      ]", "},\n      ]", 1),
        pretty.replacen("\"questions\": [", "\"questions\": [1,", 1),
        pretty.replacen(
            "\"questions\": [",
            "\"questions\": [{\"id\": \"a\"} {\"id\": \"b\"},",
            1,
        ),
        format!("[{pretty}]"),
        format!("{}{pretty}{}", "[".repeat(130), "]".repeat(130)),
        pretty[..pretty.len() / 2].to_string(),
    ];
    for text in &cases {
        for sizes in [&[1][..], &[5, 11], &[1 << 16]] {
            let streamed = stream::read_checklist(chunky(text, sizes));
            assert_eq!(streamed, ordinary::<Checklist>(text), "{text}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn damaged_checklists_agree(
        edits in damage::edits(),
        sizes in prop::collection::vec(1usize..200, 1..5),
    ) {
        let text = damage::damaged(MINI, edits);
        agrees(&text, &sizes)?;
    }

    #[test]
    fn damaged_records_agree(
        edits in damage::edits(),
        sizes in prop::collection::vec(1usize..500, 1..5),
    ) {
        let text = record_text(12);
        let text = damage::damaged(&text, edits);
        let streamed = onsite::record::io::parse_chunked(chunky(&text, &sizes));
        prop_assert_eq!(streamed, ordinary::<Record>(&text));
    }
}
