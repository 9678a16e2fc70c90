//! Reading an XLSForm workbook of about 500 survey rows (unzip, cells as inert text,
//! mapping, every validation rule): the target is under 50 ms. The workbook is the one
//! `onsite checklists export` writes for a generated checklist of 480 questions in two
//! languages (with its section rows, about 500 rows).

use criterion::{Criterion, criterion_group, criterion_main};
use onsite::checklist::load::load_str;
use onsite::checklist::xlsform::{load_bytes, write};

#[path = "support/generate.rs"]
mod generate;
use generate::checklist_json;

fn read(c: &mut Criterion) {
    let Ok(checklist) = load_str(&checklist_json(480), "bench.json") else {
        return;
    };
    let Ok(bytes) = write::workbook(&checklist) else {
        return;
    };
    let rows: usize = checklist
        .sections
        .iter()
        .map(|s| s.questions.len() + 2)
        .sum();
    eprintln!("workbook: {rows} survey rows, {} bytes", bytes.len());
    c.bench_function("xlsform_read_500_rows", |b| {
        b.iter(|| load_bytes(bytes.clone(), "bench.xlsx").map(|c| c.sections.len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = read
}
criterion_main!(benches);
