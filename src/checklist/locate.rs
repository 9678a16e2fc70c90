//! Maps a JSON pointer (`/sections/1/questions/0/show_if`) to a line and column of the
//! source text, so that rule problems found on the typed model can name a place in the file.
//!
//! A small scanner walks only along the pointer and skips everything else; it never panics,
//! whatever the text. Lines and columns are 1-based; columns count characters (not bytes),
//! so Vietnamese text before the place does not shift it.

/// Escapes one pointer token (`~` → `~0`, `/` → `~1`).
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Line and column (1-based, column in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let column = 1 + chars_in(&bytes[line_start..offset]);
    (line, column)
}

/// Counts the characters in a byte slice of UTF-8 (a cut character counts once).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

/// Turns serde_json's (line, byte column) into (line, character column).
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(src) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let bytes = src.as_bytes();
    chars_in(&bytes[..byte_column.min(bytes.len())]).max(1)
}

/// Where the value named by `pointer` is written: the start of its key for an object
/// member, the start of the value for an array element, or the deepest part of the
/// pointer that exists. `None` only when the text is not a JSON value at all.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .strip_prefix('/')
            .unwrap_or(pointer)
            .split('/')
            .map(unescape)
            .collect()
    };
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        i: 0,
    };
    s.ws();
    s.b.get(s.i)?;
    let offset = s.find(&segments);
    Some(line_col(text, offset))
}

/// Keys written twice in one object, as (JSON pointer of the second, its byte offset).
/// JSON allows them and a parser keeps the last silently, so a loader should refuse them.
pub fn duplicate_keys(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    walk_all(text, &mut |path, offset, duplicate| {
        if duplicate {
            out.push((path.to_string(), offset));
        }
    });
    out
}

/// Calls `visit(pointer, offset, is_duplicate_key)` for every member and element.
fn walk_all(text: &str, visit: &mut dyn FnMut(&str, usize, bool)) {
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        i: 0,
    };
    s.ws();
    let _ = s.walk("", 0, visit);
}

/// Locates many pointers in one text quickly: one pass builds an index of every place
/// and of line starts (`locate` alone rescans the text for each pointer).
pub struct Locator<'a> {
    text: &'a str,
    places: std::collections::HashMap<String, usize>,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Locator<'a> {
        let mut places = std::collections::HashMap::new();
        let root = text.len() - text.trim_start().len();
        places.insert(String::new(), root);
        walk_all(text, &mut |path, offset, _| {
            places.entry(path.to_string()).or_insert(offset);
        });
        let line_starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Locator {
            text,
            places,
            line_starts,
        }
    }

    /// Like [`locate`]: the place of `pointer`, or of its deepest existing part.
    pub fn locate(&self, pointer: &str) -> (usize, usize) {
        let mut p = pointer;
        loop {
            if let Some(offset) = self.places.get(p) {
                return self.line_col(*offset);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return (1, 1),
            }
        }
    }

    /// Line and column of a byte offset (as [`line_col`]).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|s| *s <= offset).max(1);
        let start = self.line_starts[line - 1];
        (line, 1 + chars_in(&self.text.as_bytes()[start..offset]))
    }
}

/// Deeper than this, `duplicate_keys` stops looking (serde_json refuses 128 anyway).
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Index just after the string starting at `start` (which holds `"`).
    fn string_end(&self, start: usize) -> Option<usize> {
        let mut i = start + 1;
        loop {
            match self.b.get(i)? {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
    }

    /// Skips one value starting at the cursor.
    fn skip_value(&mut self) -> Option<()> {
        match self.b.get(self.i)? {
            b'"' => self.i = self.string_end(self.i)?,
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.b.get(self.i)? {
                        b'"' => {
                            self.i = self.string_end(self.i)?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while let Some(c) = self.b.get(self.i) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
            }
        }
        Some(())
    }

    /// Walks the whole value at the cursor, visiting every member and element.
    fn walk(
        &mut self,
        path: &str,
        depth: usize,
        visit: &mut dyn FnMut(&str, usize, bool),
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let close = match self.b.get(self.i)? {
            b'{' => b'}',
            b'[' => b']',
            _ => return self.skip_value(),
        };
        self.i += 1;
        let mut keys: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut n = 0usize;
        loop {
            self.ws();
            if *self.b.get(self.i)? == close {
                self.i += 1;
                return Some(());
            }
            let child = if close == b'}' {
                let (key_start, key) = self.member_key()?;
                let child = format!("{path}/{}", escape(&key));
                visit(&child, key_start, !keys.insert(key));
                child
            } else {
                let child = format!("{path}/{n}");
                visit(&child, self.i, false);
                child
            };
            self.walk(&child, depth + 1, visit)?;
            n += 1;
            self.ws();
            match *self.b.get(self.i)? {
                b',' => self.i += 1,
                c if c == close => {}
                _ => return None,
            }
        }
    }

    /// Reads the member key at the cursor and the colon after it, leaving the cursor on
    /// the member's value; returns where the key starts, and the key.
    fn member_key(&mut self) -> Option<(usize, String)> {
        let key_start = self.i;
        let key_end = self.string_end(key_start)?;
        let key: String = serde_json::from_str(self.text.get(key_start..key_end)?).ok()?;
        self.i = key_end;
        self.ws();
        if *self.b.get(self.i)? != b':' {
            return None;
        }
        self.i += 1;
        self.ws();
        Some((key_start, key))
    }

    /// Walks along `segments`; returns the byte offset of the deepest place found.
    fn find(&mut self, segments: &[String]) -> usize {
        let mut best = self.i;
        for seg in segments {
            match self.step(seg) {
                Some(at) => best = at,
                None => return best,
            }
        }
        best
    }

    /// From the value at the cursor, moves into member/element `seg`; returns where it is
    /// written (key start for members), leaving the cursor on its value.
    fn step(&mut self, seg: &str) -> Option<usize> {
        self.ws();
        match self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                loop {
                    self.ws();
                    if *self.b.get(self.i)? != b'"' {
                        return None;
                    }
                    let (key_start, key) = self.member_key()?;
                    if key == seg {
                        return Some(key_start);
                    }
                    self.skip_value()?;
                    self.ws();
                    if *self.b.get(self.i)? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
            }
            b'[' => {
                let wanted: usize = seg.parse().ok()?;
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    if *self.b.get(self.i)? == b']' {
                        return None;
                    }
                    if n == wanted {
                        return Some(self.i);
                    }
                    self.skip_value()?;
                    self.ws();
                    if *self.b.get(self.i)? != b',' {
                        return None;
                    }
                    self.i += 1;
                    n += 1;
                }
            }
            _ => None,
        }
    }
}

/// The JSON pointer of a deserialisation path from `serde_path_to_error`, e.g.
/// `/sections/1/questions/0/show_if` (enum variants are not part of a pointer).
pub fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&escape(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"title\": \"Kiểm tra việc thực hiện dân chủ ở cơ sở\",\n  \"sections\": [\n    {\"id\": \"a\", \"questions\": []},\n    {\"id\": \"b\", \"note\": \"Ban Chỉ đạo\", \"questions\": [\n      {\"id\": \"q1\", \"show_if\": {\"q\": \"x\", \"is\": \"có\"}}\n    ]}\n  ]\n}\n";

    #[test]
    fn finds_members_and_elements_after_vietnamese_text() {
        assert_eq!(locate(DOC, ""), Some((1, 1)));
        assert_eq!(locate(DOC, "/title"), Some((2, 3)));
        assert_eq!(locate(DOC, "/sections/0"), Some((4, 5)));
        assert_eq!(locate(DOC, "/sections/1/questions"), Some((5, 40)));
        assert_eq!(locate(DOC, "/sections/1/questions/0"), Some((6, 7)));
        assert_eq!(
            locate(DOC, "/sections/1/questions/0/show_if"),
            Some((6, 20))
        );
        assert_eq!(
            locate(DOC, "/sections/1/questions/0/show_if/is"),
            Some((6, 42))
        );
    }

    #[test]
    fn falls_back_to_the_deepest_existing_part() {
        assert_eq!(locate(DOC, "/sections/1/questions/0/prompt"), Some((6, 7)));
        assert_eq!(locate(DOC, "/sections/7"), Some((3, 3)));
        assert_eq!(locate(DOC, "/nope"), Some((1, 1)));
    }

    #[test]
    fn handles_escaped_keys_and_decomposed_text() {
        let doc = "{\"a/b\": 1, \"Chi\u{0309} \\\"x\\\"\": {\"k\": 2}}";
        assert_eq!(locate(doc, "/a~1b"), Some((1, 2)));
        assert_eq!(locate(doc, "/Chi\u{0309} \"x\"/k"), Some((1, 27)));
        assert_eq!(escape("a/b~c"), "a~1b~0c");
    }

    #[test]
    fn finds_duplicate_keys_at_any_depth() {
        let doc =
            "{\"a\": 1, \"b\": [{\"vi\": \"Có\", \"en\": \"Yes\", \"vi\": \"Không\"}], \"a\": 2}";
        let found = duplicate_keys(doc);
        let at: Vec<(&str, (usize, usize))> = found
            .iter()
            .map(|(p, o)| (p.as_str(), line_col(doc, *o)))
            .collect();
        assert_eq!(at, [("/b/0/vi", (1, 42)), ("/a", (1, 59))]);
        assert!(duplicate_keys(DOC).is_empty());
    }

    #[test]
    fn the_index_agrees_with_the_scanner() {
        let index = Locator::new(DOC);
        for p in [
            "",
            "/title",
            "/sections/0",
            "/sections/1/questions",
            "/sections/1/questions/0/show_if/is",
            "/sections/1/questions/0/prompt",
            "/sections/7",
            "/nope",
        ] {
            assert_eq!(Some(index.locate(p)), locate(DOC, p), "{p}");
        }
        for offset in [0, 1, 15, 40, DOC.len()] {
            assert_eq!(index.line_col(offset), line_col(DOC, offset), "{offset}");
        }
    }

    #[test]
    fn never_panics_on_broken_text() {
        for t in [
            "", "{", "[", "{\"a\"", "{\"a\":", "[1,", "\"", "{\"a\\", "[[[[", "é",
        ] {
            let _ = locate(t, "/a/0/b");
            let _ = duplicate_keys(t);
            let _ = Locator::new(t).locate("/a/0/b");
        }
        assert_eq!(locate("", "/a"), None);
    }

    #[test]
    fn converts_byte_columns_to_characters() {
        let text = "{\n  \"ý kiến\": x\n}";
        // The `x` is the 13th character of line 2 but its 16th byte.
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert_eq!((e.line(), e.column()), (2, 16));
        assert_eq!(char_column(text, 2, e.column()), 13);
        assert_eq!(line_col(text, text.find('x').unwrap_or(0)), (2, 13));
    }
}
