//! Reading a large checklist without holding its whole text in memory.
//!
//! A 20,000-question checklist is about 10 MB of JSON and about as much once read; reading
//! the text first and parsing it after needs both at once. Here the file is read in chunks
//! of 64 KiB. Each question is parsed by serde_json straight from the read buffer, which
//! also finds where it ends (a question cut by the end of the buffer is parsed again once
//! the rest is read); the rest of the document, the skeleton with every `"questions": [...]`
//! emptied, is scanned here (strings, brackets, the keys that matter), kept, and parsed at
//! the end, then given its questions back. Only good files go this way: anything unusual
//! (bad JSON, a key spelt with escapes, deep nesting) gives `None`, and the caller reads the
//! whole text the ordinary way, which also says where the problem is. When it gives a
//! value, it is the value `serde_json::from_str` gives for the same text (checked by
//! property tests in `tests/checklist_stream.rs` and the `stream` fuzz target).

use std::io::Read;

use super::condition::{Condition, Operand};
use super::model::{Checklist, Question, Section};

/// Files of at least this many bytes are read in chunks. Below, the whole text costs little
/// memory and parses faster in one piece (a 1,000-answer record: 2.2 ms against 2.4 ms).
pub const CHUNKED_FROM: u64 = 1 << 20;

/// Where the checklist object is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The document is the checklist (a checklist file).
    Top,
    /// The checklist is the member `checklist` of the top object (a record file).
    Member,
}

/// A document split into its skeleton and the questions of each section.
#[derive(Debug, Default)]
pub struct Split {
    /// The document with the question lists of the checklist's sections emptied.
    pub skeleton: Vec<u8>,
    /// For each element of the checklist's `sections`, in order: its questions, or `None`
    /// if it had no `questions` member that was split off (they are then in the skeleton).
    pub questions: Vec<Option<Vec<Question>>>,
}

/// Deeper than this, the ordinary reader decides (serde_json stops at 128 levels).
const MAX_DEPTH: usize = 100;

/// Splits the JSON document read from `reader`; `None` if it is not a well-formed
/// document or a question does not parse.
pub fn split(mut reader: impl Read, place: Place) -> Option<Split> {
    let mut s = Splitter::new(place);
    let mut buf = vec![0u8; 1 << 16];
    let (mut start, mut end) = (0, 0);
    let mut first = true;
    loop {
        // Keep what is not used yet (a question cut by the end of the buffer) and read on.
        buf.copy_within(start..end, 0);
        end -= start;
        start = 0;
        if end == buf.len() {
            // A question larger than the buffer.
            buf.resize(buf.len() * 2, 0);
        }
        let n = loop {
            match reader.read(&mut buf[end..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        };
        end += n;
        if first && end < 3 && n > 0 {
            continue; // too little yet to tell a byte order mark
        }
        if first {
            // A byte order mark, as `load_str` drops it.
            if buf[..end].starts_with(b"\xEF\xBB\xBF") {
                start = 3;
            }
            first = false;
        }
        start += s.feed(&buf[start..end], n == 0)?;
        if n == 0 {
            return if start == end { s.finish() } else { None };
        }
    }
}

/// Reads a checklist file's text from `reader`; `None` if the ordinary reader must decide.
pub fn read_checklist(reader: impl Read) -> Option<Checklist> {
    let split = split(reader, Place::Top)?;
    let mut checklist: Checklist = serde_json::from_slice(&split.skeleton).ok()?;
    give_back(&mut checklist.sections, split.questions)?;
    Some(checklist)
}

/// Puts the questions split off back into the sections parsed from the skeleton; `None`
/// if they do not match up.
pub fn give_back(sections: &mut [Section], questions: Vec<Option<Vec<Question>>>) -> Option<()> {
    if questions.is_empty() {
        // No `sections` was found to split (or it was empty): the skeleton has it all.
        return Some(());
    }
    if sections.len() != questions.len() {
        return None;
    }
    for (section, list) in sections.iter_mut().zip(questions) {
        if let Some(list) = list {
            if !section.questions.is_empty() {
                return None;
            }
            section.questions = list;
        }
    }
    Some(())
}

struct Splitter {
    out: Split,
    /// The containers open: `{` or `[`.
    stack: Vec<u8>,
    in_string: bool,
    escaped: bool,
    /// The last string read directly in an object where a key matters (its raw bytes, up to
    /// 16), and whether it was longer.
    key: Vec<u8>,
    key_overflow: bool,
    capturing_key: bool,
    /// Depth (`stack.len()`) inside the checklist object, while it is open.
    checklist_depth: Option<usize>,
    place: Place,
    /// The checklist object has been read (a second one is not looked for).
    checklist_done: bool,
    sections_open: bool,
    questions_open: bool,
    /// In a questions array: a question was just read (a comma or `]` must follow), or a
    /// comma (a question must follow).
    after_item: bool,
    after_comma: bool,
}

impl Splitter {
    fn new(place: Place) -> Splitter {
        Splitter {
            out: Split::default(),
            stack: Vec::new(),
            in_string: false,
            escaped: false,
            key: Vec::new(),
            key_overflow: false,
            capturing_key: false,
            checklist_depth: if place == Place::Top { Some(1) } else { None },
            place,
            checklist_done: false,
            sections_open: false,
            questions_open: false,
            after_item: false,
            after_comma: false,
        }
    }

    fn key_is(&self, name: &[u8]) -> bool {
        !self.key_overflow && self.key == name
    }

    /// Whether the next byte is at the level of a questions array's elements.
    fn between_items(&self) -> bool {
        match (self.questions_open, self.checklist_depth) {
            (true, Some(d)) => self.stack.len() == d + 3,
            _ => false,
        }
    }

    /// Reads `bytes` (the end of the document if `last`); gives how many were used: all of
    /// them, or up to a question that is not complete yet.
    fn feed(&mut self, bytes: &[u8], last: bool) -> Option<usize> {
        let mut at = 0;
        while at < bytes.len() {
            let rest = &bytes[at..];
            if self.in_string {
                at += self.string_part(rest);
            } else if self.between_items() {
                match self.between(rest, last)? {
                    Some(used) => at += used,
                    None => return Some(at),
                }
            } else {
                // Up to the next byte that matters, in one piece.
                let run = rest.iter().position(|b| b"\"{}[]".contains(b));
                let run = run.unwrap_or(rest.len());
                self.out.skeleton.extend_from_slice(&rest[..run]);
                at += run;
                if let Some(&b) = rest.get(run) {
                    self.structural(b)?;
                    at += 1;
                }
            }
        }
        Some(at)
    }

    /// Reads string content up to and including its closing quote (or to the end of
    /// `bytes`); gives how many bytes it used.
    fn string_part(&mut self, bytes: &[u8]) -> usize {
        if self.escaped {
            self.escaped = false;
            self.string_bytes(&bytes[..1]);
            return 1;
        }
        match memchr::memchr2(b'"', b'\\', bytes) {
            None => {
                self.string_bytes(bytes);
                bytes.len()
            }
            Some(i) => {
                self.string_bytes(&bytes[..=i]);
                if bytes[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    self.capturing_key = false;
                }
                i + 1
            }
        }
    }

    fn string_bytes(&mut self, bytes: &[u8]) {
        if self.capturing_key {
            if self.key.len() + bytes.len() > 17 {
                self.key_overflow = true;
            } else {
                self.key.extend_from_slice(bytes);
            }
        }
        self.out.skeleton.extend_from_slice(bytes);
    }

    /// Whether a string starting here may be a key that matters: directly in the top
    /// object of a record, in the checklist object, or in a section.
    fn key_matters(&self) -> bool {
        let depth = self.stack.len();
        if self.stack.last() != Some(&b'{') {
            return false;
        }
        match self.checklist_depth {
            Some(d) => depth == d || (self.sections_open && depth == d + 2),
            None => self.place == Place::Member && depth == 1,
        }
    }

    fn structural(&mut self, b: u8) -> Option<()> {
        match b {
            b'"' => {
                self.in_string = true;
                if self.key_matters() {
                    self.capturing_key = true;
                    self.key.clear();
                    self.key_overflow = false;
                }
                self.out.skeleton.push(b);
            }
            b'{' | b'[' => self.open(b)?,
            _ => self.close(b)?,
        }
        Some(())
    }

    fn open(&mut self, b: u8) -> Option<()> {
        let depth = self.stack.len();
        if depth >= MAX_DEPTH {
            return None;
        }
        // Keys are compared with their closing quote, read with them.
        match (b, self.checklist_depth) {
            (b'{', None)
                if self.place == Place::Member
                    && !self.checklist_done
                    && depth == 1
                    && self.key_is(b"checklist\"") =>
            {
                self.checklist_depth = Some(2);
            }
            (b'[', Some(d)) if depth == d && !self.sections_open && self.key_is(b"sections\"") => {
                self.sections_open = true;
            }
            (b'{', Some(d)) if self.sections_open && depth == d + 1 => {
                self.out.questions.push(None);
            }
            (b'[', Some(d))
                if self.sections_open && depth == d + 2 && self.key_is(b"questions\"") =>
            {
                // A second `questions` in one section (the skeleton would refuse it).
                let slot = self.out.questions.last_mut()?;
                if slot.is_some() {
                    return None;
                }
                *slot = Some(Vec::new());
                self.questions_open = true;
                self.after_item = false;
                self.after_comma = false;
            }
            _ => {}
        }
        self.out.skeleton.push(b);
        self.stack.push(b);
        Some(())
    }

    fn close(&mut self, b: u8) -> Option<()> {
        let open = self.stack.pop()?;
        if (open, b) != (b'{', b'}') && (open, b) != (b'[', b']') {
            return None;
        }
        self.out.skeleton.push(b);
        let depth = self.stack.len();
        if let Some(d) = self.checklist_depth {
            if self.sections_open && b == b']' && depth == d {
                self.sections_open = false;
            }
            if self.place == Place::Member && depth == 1 {
                // The checklist object is closed; nothing after it is split.
                self.checklist_depth = None;
                self.sections_open = false;
                self.checklist_done = true;
            }
        }
        Some(())
    }

    /// Reads at the level of a questions array's elements: whitespace, a comma, the closing
    /// bracket, or a whole question. Gives the bytes used, `Some(None)` if a question is
    /// cut by the end of `bytes` (and more is to come).
    fn between(&mut self, bytes: &[u8], last: bool) -> Option<Option<usize>> {
        match bytes[0] {
            b' ' | b'\n' | b'\r' | b'\t' => {}
            b',' if self.after_item => {
                self.after_item = false;
                self.after_comma = true;
            }
            b']' if !self.after_comma => {
                // The list grew by doubling; give back the spare room before the next one.
                if let Some(Some(list)) = self.out.questions.last_mut() {
                    list.shrink_to_fit();
                }
                self.questions_open = false;
                self.stack.pop();
                self.out.skeleton.push(b']');
            }
            b'{' if !self.after_item => {
                let mut questions =
                    serde_json::Deserializer::from_slice(bytes).into_iter::<Question>();
                let question = match questions.next()? {
                    Ok(q) => q,
                    Err(e) if e.is_eof() && !last => return Some(None),
                    Err(_) => return None,
                };
                if question
                    .show_if
                    .as_deref()
                    .is_some_and(|c| nesting(c) > MAX_DEPTH / 2)
                {
                    // serde_json counts the levels of the whole document, not of a question.
                    return None;
                }
                self.out.questions.last_mut()?.as_mut()?.push(question);
                self.after_item = true;
                self.after_comma = false;
                return Some(Some(questions.byte_offset()));
            }
            _ => return None,
        }
        Some(Some(1))
    }

    fn finish(self) -> Option<Split> {
        if self.in_string || !self.stack.is_empty() {
            return None;
        }
        Some(self.out)
    }
}

/// How many levels of JSON a condition takes, at most.
fn nesting(c: &Condition) -> usize {
    fn value(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Array(a) => 1 + a.iter().map(value).max().unwrap_or(0),
            serde_json::Value::Object(o) => 1 + o.values().map(value).max().unwrap_or(0),
            _ => 0,
        }
    }
    2 + match c {
        Condition::Is { value: v, .. } => value(v),
        Condition::In { values, .. } => 1 + values.iter().map(value).max().unwrap_or(0),
        Condition::Answered { .. } => 0,
        Condition::Cmp { rhs, .. } => match rhs {
            Operand::Number(_) => 0,
            Operand::Answer(_) => 2, // {"q": …, "ratio": [A, B]}
        },
        Condition::All(list) | Condition::Any(list) => list.iter().map(nesting).max().unwrap_or(0),
        Condition::Not(c) => nesting(c),
    }
}
