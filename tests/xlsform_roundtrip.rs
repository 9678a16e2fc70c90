//! Checklists written as XLSForm workbooks and read back: every bundled checklist, and
//! generated ones (proptest), come back equal; the written cells are inert.

use onsite::checklist::catalog::bundled;
use onsite::checklist::xlsform::{load_bytes, write};
use onsite::checklist::{Checklist, load_str};

fn round_trip(c: &Checklist, name: &str) -> Checklist {
    let bytes = write::workbook(c).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    load_bytes(bytes, name).unwrap_or_else(|ps| {
        let lines: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
        panic!("{name} does not read back:\n{}", lines.join("\n"))
    })
}

#[test]
fn every_bundled_checklist_comes_back_equal() {
    for (name, text) in bundled() {
        let c = load_str(text, name).expect("bundled checklists load");
        let back = round_trip(&c, name);
        assert_eq!(back, c, "{name}");
    }
}

/// A small deterministic generator of valid checklists from a seed: every question type,
/// named sets and inline options, every kind of condition, recommendations, statements,
/// roles, header fields, rating bands, one or two languages or plain text, and texts that
/// look like formulas.
mod generate {
    use serde_json::{Value, json};

    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Rng {
            Rng(seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                | 1)
        }
        pub fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        pub fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }
    }

    const PHRASES: &[&str] = &[
        "Ban Chỉ đạo có quy chế làm việc không?",
        "Công khai tài chính",
        "Hội nghị cán bộ, công chức",
        "=SUM(A1:A3)",
        "-5 điểm",
        "+ thêm",
        "@ban",
        "Does the committee meet?",
        "Quy chế dân chủ ở cơ sở: \"đã ban hành\"",
        "It's posted",
        "Đề nghị {organisation} bổ sung kế hoạch.",
    ];

    fn text(r: &mut Rng, langs: &[&str]) -> Value {
        if langs.is_empty() {
            return json!(r.pick(PHRASES));
        }
        let mut m = serde_json::Map::new();
        for l in langs {
            m.insert(l.to_string(), json!(format!("{} ({l})", r.pick(PHRASES))));
        }
        Value::Object(m)
    }

    fn options(r: &mut Rng, langs: &[&str]) -> Vec<Value> {
        (0..2 + r.below(3))
            .map(|k| {
                let mut o = json!({"value": format!("o{k}"), "label": text(r, langs)});
                match r.below(4) {
                    0 => {}
                    1 => o["score"] = json!(1),
                    2 => o["score"] = json!(0.5),
                    _ => o["score"] = json!(0),
                }
                if r.chance(40) {
                    o["flag"] = json!(true);
                }
                o
            })
            .collect()
    }

    struct Earlier {
        id: String,
        kind: &'static str,
        values: Vec<String>,
    }

    fn condition(r: &mut Rng, earlier: &[Earlier], depth: usize) -> Option<Value> {
        if earlier.is_empty() {
            return None;
        }
        if depth < 2 && r.chance(30) {
            let n = 1 + r.below(3);
            let list: Vec<Value> = (0..n)
                .filter_map(|_| condition(r, earlier, depth + 1))
                .collect();
            return Some(match r.below(3) {
                0 => json!({"all": list}),
                1 => json!({"any": list}),
                _ => json!({"not": list[0]}),
            });
        }
        let e = r.pick(earlier);
        Some(match e.kind {
            "choice" | "multi" => match r.below(3) {
                0 => json!({"q": e.id, "is": r.pick(&e.values)}),
                1 => {
                    let n = 1 + r.below(e.values.len());
                    json!({"q": e.id, "in": e.values[..n]})
                }
                _ => json!({"q": e.id, "answered": r.chance(50)}),
            },
            "number" => {
                let op = *r.pick(&["gt", "gte", "lt", "lte"]);
                let numbers: Vec<&Earlier> = earlier
                    .iter()
                    .filter(|x| x.kind == "number" && x.id != e.id)
                    .collect();
                if !numbers.is_empty() && r.chance(30) {
                    let other = &numbers[r.below(numbers.len())].id;
                    if r.chance(50) {
                        json!({"q": e.id, op: {"q": other}})
                    } else {
                        json!({"q": e.id, op: {"q": other, "ratio": [1 + r.below(5), 1 + r.below(5)]}})
                    }
                } else {
                    json!({"q": e.id, op: *r.pick(&[0.0, 2.5, 7.0, 100.0])})
                }
            }
            _ => json!({"q": e.id, "answered": true}),
        })
    }

    pub fn checklist(seed: u64) -> Value {
        let r = &mut Rng::new(seed);
        let langs: Vec<&str> = match r.below(3) {
            0 => vec![],
            1 => vec!["vi", "en"],
            _ => vec!["en", "vi"],
        };
        let langs = &langs[..];
        let sets: Vec<(String, Vec<Value>)> = (0..1 + r.below(2))
            .map(|k| (format!("set-{k}"), options(r, langs)))
            .collect();
        let mut earlier: Vec<Earlier> = Vec::new();
        let mut sections = Vec::new();
        for s in 0..1 + r.below(3) {
            let mut questions = Vec::new();
            for _ in 0..1 + r.below(5) {
                let id = format!("q-{}", earlier.len() + questions.len() + 100 * s);
                let kind = *r.pick(&["choice", "multi", "number", "text", "date", "info"]);
                let mut q = json!({"id": id, "type": kind, "prompt": text(r, langs)});
                let mut values = Vec::new();
                if kind == "choice" || kind == "multi" {
                    let opts = if r.chance(50) {
                        let (name, opts) = r.pick(&sets).clone();
                        q["responses"] = json!(name);
                        opts
                    } else {
                        let opts = options(r, langs);
                        q["options"] = json!(opts);
                        opts
                    };
                    values = opts
                        .iter()
                        .map(|o| o["value"].as_str().unwrap_or("").to_string())
                        .collect();
                    if r.chance(50) {
                        let mut rec = json!({"text": text(r, langs), "priority": *r.pick(&["high", "medium", "low"])});
                        if r.chance(50) {
                            rec["when"] = json!([values[0]]);
                        }
                        if r.chance(50) {
                            rec["addressee"] = text(r, langs);
                        }
                        q["recommendation"] = rec;
                    }
                    if r.chance(40) {
                        q["statement"] =
                            json!({ values[r.below(values.len())].clone(): text(r, langs) });
                    }
                }
                if kind == "number" {
                    if r.chance(50) {
                        q["min"] = json!(0);
                    }
                    if r.chance(50) {
                        q["max"] = json!(*r.pick(&[10.5, 100.0, 5000.0]));
                    }
                    if r.chance(50) {
                        q["integer"] = json!(true);
                    }
                    if r.chance(50) {
                        q["unit"] = text(r, langs);
                    }
                }
                if kind == "text" && r.chance(40) {
                    q["role"] = json!(*r.pick(&[
                        "strengths",
                        "limitations",
                        "causes",
                        "unit_opinion",
                        "commitments"
                    ]));
                }
                if kind != "info" && r.chance(40) {
                    q["required"] = json!(true);
                }
                if r.chance(40) {
                    q["guidance"] = text(r, langs);
                }
                if r.chance(30) {
                    q["basis"] = text(r, langs);
                }
                if r.chance(30) {
                    q["evidence"] = json!(
                        (0..1 + r.below(2))
                            .map(|_| text(r, langs))
                            .collect::<Vec<_>>()
                    );
                }
                if r.chance(50)
                    && let Some(c) = condition(r, &earlier, 0)
                {
                    q["show_if"] = c;
                }
                questions.push((id, kind, values, q));
            }
            let mut list = Vec::new();
            for (id, kind, values, q) in questions {
                if kind != "info" && kind != "date" {
                    earlier.push(Earlier { id, kind, values });
                }
                list.push(q);
            }
            let mut section =
                json!({"id": format!("s-{s}"), "title": text(r, langs), "questions": list});
            if r.chance(30) {
                section["guidance"] = text(r, langs);
            }
            sections.push(section);
        }
        let mut c = json!({
            "format": "onsite-checklist/1",
            "id": format!("gen-{}", seed % 1000),
            "version": *r.pick(&["1", "2026.1", "v2"]),
            "title": text(r, langs),
            "response_sets": sets.into_iter().map(|(k, v)| (k, json!(v))).collect::<serde_json::Map<_, _>>(),
            "sections": sections,
        });
        if r.chance(50) {
            c["description"] = text(r, langs);
        }
        if r.chance(60) {
            c["header"] = json!([
                {"id": "organisation", "label": text(r, langs), "type": "text", "required": true},
                {"id": "date", "label": text(r, langs), "type": "date", "default": "today", "help": text(r, langs)},
                {"id": "staff", "label": text(r, langs), "type": "number"}
            ]);
        }
        if r.chance(60) {
            c["rating"] = json!([{"min": 0.75, "label": text(r, langs)}, {"min": 0, "label": text(r, langs)}]);
        }
        c
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    #[test]
    fn generated_checklists_come_back_equal(seed in proptest::prelude::any::<u64>()) {
        let json = generate::checklist(seed).to_string();
        // Only valid checklists are exported; the generator nearly always makes one.
        let Ok(c) = load_str(&json, "gen.json") else {
            return Ok(());
        };
        let back = round_trip(&c, "gen.xlsx");
        proptest::prop_assert_eq!(back, c);
    }
}

#[test]
fn the_generator_makes_valid_checklists() {
    let valid = (0..200u64)
        .filter(|s| load_str(&generate::checklist(*s).to_string(), "gen.json").is_ok())
        .count();
    assert!(
        valid >= 150,
        "only {valid} of 200 generated checklists are valid"
    );
}
