//! Fuzz target: any bytes given to the record loader give a record or one clear error,
//! never a panic; a record that loads can be summarised and rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onsite::i18n::Lang;
use onsite::report::{Format, Summary, render};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(record) = onsite::record::io::parse(std::path::Path::new("fuzz.json"), text) {
        let summary = Summary::compute(&record, Lang::Vi);
        for format in [Format::Md, Format::Html, Format::Json, Format::Txt] {
            let _ = render(&summary, format);
        }
    }
});
