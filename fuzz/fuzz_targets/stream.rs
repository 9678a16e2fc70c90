//! Fuzz target: the chunked reader (`checklist::stream`) gives exactly what serde_json gives
//! for the same bytes, or gives up; never a panic. The first byte sets the size of the
//! reads, the rest is the document.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use onsite::checklist::Checklist;
use onsite::checklist::stream;

struct Chunky<'a>(&'a [u8], usize);

impl Read for Chunky<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&size, text)) = data.split_first() else {
        return;
    };
    let size = usize::from(size) + 1;
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let plain: Option<Checklist> = serde_json::from_slice(body).ok();
    let streamed = stream::read_checklist(Chunky(text, size));
    if streamed.is_some() {
        assert_eq!(streamed, plain);
    }
});
