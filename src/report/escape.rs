//! Escaping of (already sanitised) text for each output format: HTML, Markdown, CSV.

/// Text for HTML element content and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Characters that change Markdown's meaning anywhere in a line.
const MD_INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!'];

/// One line of text for Markdown: inline markup and HTML are escaped, and so is
/// markup that only counts at the start of a line (`#`, `-`, `+`, `=`, `1.`).
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let trimmed = s.trim_start();
    let lead = &s[..s.len() - trimmed.len()];
    out.push_str(lead);
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    // `12.` or `12)` followed by a space or the end starts an ordered list.
    let list_marker = digits > 0
        && matches!(trimmed[digits..].chars().next(), Some('.' | ')'))
        && trimmed[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
    let mut chars = trimmed.chars().peekable();
    if let Some(&c) = chars.peek()
        && matches!(c, '#' | '-' | '+' | '=')
    {
        out.push('\\');
    }
    for (i, c) in chars.enumerate() {
        if MD_INLINE.contains(&c) || (list_marker && i == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for a Markdown table cell: inline markup, HTML and `|` are escaped (markup at
/// the start of a line means nothing inside a cell).
pub fn md_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if MD_INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Several lines for Markdown, each escaped, joined with `sep` (e.g. a line break and an indent).
pub fn md_lines(s: &str, sep: &str) -> String {
    s.lines().map(md).collect::<Vec<_>>().join(sep)
}

/// One CSV field: quoted when it holds a comma, quote, line break or outer spaces;
/// a text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) gets a leading `'`.
pub fn csv(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn markdown_escapes_tables_and_leading_markup() {
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md_cell("1. a | b"), "1. a \\| b");
        assert_eq!(md("# Chưa bầu"), "\\# Chưa bầu");
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("12. Điều"), "12\\. Điều");
        assert_eq!(md("Điều 12. x"), "Điều 12. x");
        assert_eq!(md("1.2 Có"), "1.2 Có");
        assert_eq!(md("3)"), "3\\)");
        assert_eq!(md("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv("Sở Nội vụ"), "Sở Nội vụ");
        assert_eq!(csv("Kho 7, \"Bắc\""), "\"Kho 7, \"\"Bắc\"\"\"");
        assert_eq!(csv("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv("a\nb"), "\"a\nb\"");
    }
}
