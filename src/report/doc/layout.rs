//! The page and the blocks every document shares, built with `docx-rs`: A4 with the margins
//! of Nghị định 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm), Times New
//! Roman, a justified body at 14 pt with a 1.27 cm first-line indent and 6 pt after each
//! paragraph, page numbers centred in the header from page 2; the header block (issuer
//! left; Quốc hiệu and Tiêu ngữ, or "ĐẢNG CỘNG SẢN VIỆT NAM", right) and the signature and
//! Nơi nhận blocks as borderless two-column tables. English documents use the same page
//! in a plain report layout (no national header).
//!
//! Every text that enters goes through [`clean`]: one line, no control or invisible
//! character. `docx-rs` escapes it as XML text, so a record's text can never become markup
//! or a field code.

use docx_rs::{
    AlignmentType, BreakType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use crate::sanitize;

/// The font of every run (TCVN 6909:2001 Unicode, as NĐ 30 asks).
pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
pub const PAGE: (u32, u32) = (11906, 16838);
/// Margins in twentieths of a point: top, bottom, left, right (20, 20, 30, 15 mm).
pub const MARGINS: (i32, i32, i32, i32) = (1134, 1134, 1701, 851);
/// Width of the text between the margins.
const TEXT_WIDTH: usize = 11906 - 1701 - 851;
/// First-line indent of body text: 1.27 cm.
const INDENT: i32 = 720;

/// The paragraph style of body text (Word's "Body Text"): docx-rs always writes an empty
/// `Normal` style of its own, so the body has a style of its own.
pub const BODY_STYLE: &str = "BodyText";

/// Body text size in half-points (14 pt).
const BODY: usize = 28;
/// Size of the header block lines (13 pt).
const HEADER: usize = 26;

/// Which layout rules a Vietnamese document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A state body: Nghị định 30/2020/NĐ-CP (Quốc hiệu and Tiêu ngữ, "Số: 05/BB-ĐKT").
    State,
    /// A Party body: Hướng dẫn 36-HD/VPTW ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 05-BB/ĐKT").
    Party,
    /// An English document: a plain report layout.
    Plain,
}

/// A count as documents write it: below 10 with a leading zero (`05`).
pub fn two_digits(n: usize) -> String {
    format!("{n:02}")
}

/// One line of document text: controls and invisible characters dropped, blanks trimmed.
pub fn clean(s: &str) -> String {
    sanitize::for_document(s).trim().to_string()
}

/// A run of text with its emphasis.
#[derive(Debug, Clone, Default)]
pub struct Span {
    /// The text (cleaned when the run is made).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: true,
            ..Span::default()
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            italic: true,
            ..Span::default()
        }
    }
}

fn run(text: &str, size: usize) -> Run {
    Run::new()
        .add_text(sanitize::for_document(text))
        .size(size)
        .fonts(fonts())
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn span_run(s: &Span, size: usize) -> Run {
    let mut r = run(&s.text, size);
    if s.bold {
        r = r.bold();
    }
    if s.italic {
        r = r.italic();
    }
    r
}

/// A centred line in the header block or a signature block.
fn centred(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    let mut r = run(text, size);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// A short centred rule (the line under the issuer and under the Tiêu ngữ): an empty
/// paragraph with a bottom border, narrowed by indents to `width` twentieths of a point
/// inside a cell `cell` wide.
fn rule(cell: usize, width: usize) -> Paragraph {
    let side = (cell.saturating_sub(width) / 2) as i32;
    let mut p = Paragraph::new()
        .indent(
            Some(side),
            Some(SpecialIndentType::FirstLine(0)),
            Some(side),
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(0).line(120))
        .size(8);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    p
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// A table without borders whose rows never break across pages (a signature stays with
/// its title).
fn borderless(columns: &[usize], rows: Vec<Vec<Vec<Paragraph>>>) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| {
            TableRow::new(
                cells
                    .into_iter()
                    .zip(columns)
                    .map(|(ps, w)| cell(*w, ps))
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    Table::without_borders(rows)
        .set_grid(columns.to_vec())
        .width(columns.iter().sum(), WidthType::Dxa)
}

/// The facts of the header block.
#[derive(Debug, Clone, Default)]
pub struct HeaderBlock {
    /// The body above the issuer (cơ quan chủ quản); may be empty.
    pub parent: String,
    /// The issuing body.
    pub issuer: String,
    /// The number line (`Số: …/BB-ĐKT`); empty for none.
    pub number: String,
    /// The place-and-date line.
    pub place_date: String,
}

/// A signature block: capacity (`TM. BAN CHỈ ĐẠO`), title, a hint line, name.
#[derive(Debug, Clone, Default)]
pub struct Signer {
    /// Lines in capitals above the title (capacity), may be empty.
    pub capacity: String,
    /// Title, in capitals.
    pub title: String,
    /// A hint in italics under the title (`(Ký, ghi rõ họ tên)`), may be empty.
    pub hint: String,
    /// Name (a dotted blank when unknown).
    pub name: String,
}

impl Signer {
    fn paragraphs(&self) -> Vec<Paragraph> {
        let mut ps = self.head();
        ps.extend(self.tail());
        ps
    }

    /// Capacity (a `\n` in it breaks the line where a signer would), title and hint; kept
    /// with the signing space that follows.
    fn head(&self) -> Vec<Paragraph> {
        let mut ps = Vec::new();
        for line in self.capacity.split('\n').filter(|l| !l.trim().is_empty()) {
            ps.push(centred(&line.trim().to_uppercase(), BODY, true, false));
        }
        if !self.title.is_empty() {
            ps.push(centred(&self.title.to_uppercase(), BODY, true, false));
        }
        if !self.hint.is_empty() {
            ps.push(centred(&self.hint, BODY, false, true));
        }
        ps.into_iter().map(|p| p.keep_next(true)).collect()
    }

    /// The space to sign in, then the name.
    fn tail(&self) -> Vec<Paragraph> {
        let mut ps: Vec<Paragraph> = (0..4).map(|_| centred("", BODY, false, false)).collect();
        ps.push(centred(&self.name, BODY, true, false));
        ps
    }
}

/// A document being built.
pub struct Doc {
    docx: Docx,
    style: Layout,
}

impl Doc {
    /// An empty A4 document with the page, styles and page numbers from page 2.
    pub fn new(style: Layout) -> Doc {
        let normal = Style::new(BODY_STYLE, StyleType::Paragraph)
            .name("Body Text")
            .fonts(fonts())
            .size(BODY)
            .align(AlignmentType::Both)
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(INDENT)),
                None,
                None,
            )
            .line_spacing(LineSpacing::new().before(0).after(120).line(264));
        let page_number = Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
            .size(BODY)
            .fonts(fonts());
        let docx = Docx::new()
            .page_size(PAGE.0, PAGE.1)
            .page_margin(PageMargin {
                top: MARGINS.0,
                bottom: MARGINS.1,
                left: MARGINS.2,
                right: MARGINS.3,
                header: 567,
                footer: 567,
                gutter: 0,
            })
            .default_fonts(fonts())
            .default_size(BODY)
            .add_style(normal)
            .header(Header::new().add_paragraph(page_number))
            .first_header(Header::new());
        Doc { docx, style }
    }

    /// The layout rules followed.
    pub fn style(&self) -> Layout {
        self.style
    }

    fn push(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn push_table(&mut self, t: Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(t);
    }

    /// The header block: issuer and number left; the national (or Party) header and the
    /// place-and-date line right. In English: issuer left, place and date right.
    pub fn header_block(&mut self, h: &HeaderBlock) {
        let (lw, rw) = (TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5);
        let mut left = Vec::new();
        if !h.parent.is_empty() {
            left.push(centred(&h.parent.to_uppercase(), HEADER, false, false));
        }
        left.push(centred(&h.issuer.to_uppercase(), HEADER, true, false));
        let mut right = Vec::new();
        match self.style {
            Layout::State => {
                left.push(rule(lw, 1200));
                right.push(centred(
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    24,
                    true,
                    false,
                ));
                right.push(centred("Độc lập - Tự do - Hạnh phúc", HEADER, true, false));
                right.push(rule(rw, 3250));
            }
            Layout::Party => {
                left.push(centred("*", HEADER, false, false));
                right.push(centred("ĐẢNG CỘNG SẢN VIỆT NAM", 28, true, false));
                right.push(rule(rw, 3300));
            }
            Layout::Plain => {}
        }
        if !h.number.is_empty() {
            left.push(centred(&h.number, HEADER, false, false));
        }
        right.push(centred("", 12, false, false));
        right.push(centred(&h.place_date, BODY, false, true));
        self.push_table(borderless(&[lw, rw], vec![vec![left, right]]));
        self.blank();
    }

    /// The kind of document in capitals and its subject, centred and bold, with a short
    /// rule beneath.
    pub fn title(&mut self, kind: &str, subject: &[String]) {
        self.blank();
        self.push(centred(&kind.to_uppercase(), BODY, true, false));
        for s in subject.iter().filter(|s| !s.is_empty()) {
            self.push(centred(s, BODY, true, false));
        }
        if self.style != Layout::Plain {
            self.push(rule(TEXT_WIDTH, 1800));
        }
        self.blank();
    }

    /// A centred line (e.g. `Kính gửi: …`).
    pub fn centred(&mut self, text: &str) {
        self.push(centred(text, BODY, false, false));
        self.blank();
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.push(centred("", BODY, false, false));
    }

    /// A heading of the body (`I. THÀNH PHẦN`, `1. Ưu điểm`), bold, not indented.
    pub fn heading(&mut self, text: &str) {
        self.push(
            Paragraph::new()
                .style(BODY_STYLE)
                .add_run(run(text, BODY).bold())
                .keep_next(true),
        );
    }

    /// Body paragraphs: one per line of `text` (empty lines skipped).
    pub fn para(&mut self, text: &str) {
        for line in text.lines().map(clean).filter(|l| !l.is_empty()) {
            self.push(Paragraph::new().style(BODY_STYLE).add_run(run(&line, BODY)));
        }
    }

    /// A body paragraph kept on the page of what follows (the closing formula before the
    /// signatures: a signature never stands alone on a page).
    pub fn para_kept_with_next(&mut self, text: &str) {
        let line = clean(&text.replace('\n', " "));
        self.push(
            Paragraph::new()
                .style(BODY_STYLE)
                .keep_next(true)
                .keep_lines(true)
                .add_run(run(&line, BODY)),
        );
    }

    /// One body paragraph of several runs (bold label, then text …): a label of what
    /// follows, so it is kept on the page of the next paragraph.
    pub fn spans(&mut self, spans: &[Span]) {
        let mut p = Paragraph::new().style(BODY_STYLE).keep_next(true);
        for s in spans {
            p = p.add_run(span_run(s, BODY));
        }
        self.push(p);
    }

    /// A list item `- text` (each line of `text` its own item).
    pub fn item(&mut self, text: &str) {
        for line in text.lines().map(clean).filter(|l| !l.is_empty()) {
            self.push(
                Paragraph::new()
                    .style(BODY_STYLE)
                    .add_run(run(&format!("- {line}"), BODY)),
            );
        }
    }

    /// A bordered table with a bold header row; `widths` in parts of the text width.
    pub fn table(&mut self, widths: &[usize], head: &[String], rows: &[Vec<String>]) {
        let total: usize = widths.iter().sum::<usize>().max(1);
        let cols: Vec<usize> = widths.iter().map(|w| TEXT_WIDTH * w / total).collect();
        let cell_para = |t: &str, bold: bool, centre: bool| {
            let mut r = run(t, 26);
            if bold {
                r = r.bold();
            }
            Paragraph::new()
                .add_run(r)
                .align(if centre {
                    AlignmentType::Center
                } else {
                    AlignmentType::Left
                })
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(LineSpacing::new().before(40).after(40))
        };
        let mut table_rows = vec![TableRow::new(
            head.iter()
                .zip(&cols)
                .map(|(h, w)| cell(*w, vec![cell_para(h, true, true)]))
                .collect(),
        )];
        for r in rows {
            table_rows.push(TableRow::new(
                r.iter()
                    .zip(&cols)
                    .enumerate()
                    .map(|(i, (t, w))| {
                        let numeric = i > 0 && t.chars().next().is_some_and(|c| c.is_ascii_digit());
                        cell(*w, vec![cell_para(t, false, i == 0 || numeric)])
                    })
                    .collect(),
            ));
        }
        self.push_table(
            Table::new(table_rows)
                .set_grid(cols.clone())
                .width(TEXT_WIDTH, WidthType::Dxa),
        );
        self.blank();
    }

    /// Signature blocks side by side, one row per pair (a lone block is centred).
    pub fn signatures(&mut self, signers: &[Signer]) {
        let half = TEXT_WIDTH / 2;
        for pair in signers.chunks(2) {
            let table = match pair {
                // Two rows, so that both names stand on one line whatever the titles.
                [a, b] => borderless(
                    &[half, TEXT_WIDTH - half],
                    vec![vec![a.head(), b.head()], vec![a.tail(), b.tail()]],
                ),
                _ => borderless(
                    &[TEXT_WIDTH],
                    vec![pair.iter().map(Signer::paragraphs).collect()],
                ),
            };
            self.push_table(table);
            self.blank();
        }
    }

    /// The closing block: Nơi nhận (bottom left) beside the signature (right). In English
    /// the list is headed "Distribution".
    pub fn recipients_and_signer(&mut self, heading: &str, recipients: &[String], signer: &Signer) {
        let lw = TEXT_WIDTH * 9 / 20;
        let mut left = vec![
            Paragraph::new()
                .add_run(run(heading, 24).bold().italic())
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(LineSpacing::new().before(0).after(0)),
        ];
        for r in recipients {
            left.push(
                Paragraph::new()
                    .add_run(run(r, 22))
                    .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                    .line_spacing(LineSpacing::new().before(0).after(0)),
            );
        }
        self.blank();
        self.push_table(borderless(
            &[lw, TEXT_WIDTH - lw],
            vec![vec![left, signer.paragraphs()]],
        ));
    }

    /// Starts a new page (for an annex).
    pub fn page_break(&mut self) {
        self.push(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }

    /// The `.docx` file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let mut out = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut out)
            .map_err(|e| format!("cannot build the document: {e}"))?;
        Ok(out.into_inner())
    }
}
