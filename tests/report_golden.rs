//! Golden (insta) tests of every report format on the fixed records in
//! `tests/fixtures/records/`, in Vietnamese and English, and checks that hostile text
//! (escape sequences, `<script>`, `|`, leading markup) comes out inert and escaped and that
//! decomposed Vietnamese comes out precomposed.

use onsite::i18n::Lang;
use onsite::record::Record;
use onsite::report::{self, Format, Summary};

fn fixture(name: &str) -> Record {
    let path = format!(
        "{}/tests/fixtures/records/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Renders with times shown at UTC+07:00 (reports use the machine's zone otherwise).
fn render(name: &str, lang: Lang, format: Format) -> String {
    let mut s = Summary::compute(&fixture(name), lang);
    s.time_offset = chrono::FixedOffset::east_opt(7 * 3600);
    report::render(&s, format)
}

const FORMATS: [Format; 4] = [Format::Md, Format::Html, Format::Json, Format::Txt];

#[test]
fn every_format_in_both_languages_matches_its_snapshot() {
    for lang in [Lang::Vi, Lang::En] {
        for format in FORMATS {
            let name = format!("so-tttt.{}.{}", lang.code(), format.extension());
            insta::assert_snapshot!(name, render("so-tttt.json", lang, format));
        }
    }
    insta::assert_snapshot!(
        "so-noi-vu.en.md",
        render("so-noi-vu.json", Lang::En, Format::Md)
    );
    insta::assert_snapshot!(
        "warehouse-7.vi.txt",
        render("warehouse-7.json", Lang::Vi, Format::Txt)
    );
}

#[test]
fn hostile_text_is_inert_in_every_format() {
    for lang in [Lang::Vi, Lang::En] {
        for format in FORMATS {
            let out = render("so-tttt.json", lang, format);
            assert!(
                !out.chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t'),
                "{format:?}: a control character got through"
            );
            assert!(!out.contains("pwned\u{7}"));
            match format {
                Format::Html => {
                    assert!(!out.contains("<script"), "raw <script> in HTML");
                    assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
                    assert!(!out.contains("<b>"));
                }
                Format::Md => {
                    assert!(out.contains("\\<script\\>"));
                    assert!(out.contains("\\# Chưa bầu lại"));
                    assert!(out.contains("Trần Thị Bình \\| Lê Văn Cường"));
                }
                Format::Json => {
                    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(v["format"], "onsite-report/1");
                    assert_eq!(
                        v["organisation"],
                        "Sở Thông tin và Truyền thông tỉnh Hưng Yên"
                    );
                }
                Format::Txt => assert!(out.contains("[2J<script>")),
            }
        }
    }
}

#[test]
fn decomposed_vietnamese_comes_out_precomposed() {
    let org = "Sở Thông tin và Truyền thông tỉnh Hưng Yên";
    let raw = fixture("so-tttt.json");
    assert_ne!(raw.header["organisation"], org, "the fixture is decomposed");
    for format in FORMATS {
        let out = render("so-tttt.json", Lang::Vi, format);
        assert!(out.contains(org), "{format:?}");
        assert!(out.contains("Còn 02 đơn chưa giải quyết."), "{format:?}");
        assert!(!out.contains('\u{0309}'), "{format:?}");
    }
}

#[test]
fn vietnamese_reads_as_the_teams_working_summary() {
    let md = render("so-tttt.json", Lang::Vi, Format::Md);
    assert!(!md.contains("Kết luận kiểm tra") && !md.contains("biên bản"));
    for heading in [
        "# Phiếu tổng hợp kết quả kiểm tra",
        "*(Tài liệu làm việc của Đoàn kiểm tra)*",
        "## Kết quả",
        "### Ưu điểm",
        "### Hạn chế",
        "## Kiến nghị",
        "### Ưu tiên trung bình",
        "## Câu trả lời và ghi chú",
        "## Ghi chú chung",
        "- **Mã hồ sơ:** 20261123-0830-so-tttt",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    let pos = |s: &str| md.find(s).unwrap();
    assert!(pos("### Ưu điểm") < pos("### Hạn chế") && pos("### Hạn chế") < pos("## Kiến nghị"));
    let html = render("so-tttt.json", Lang::Vi, Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<svg") && html.contains("Điểm theo từng phần"));
    assert!(!html.contains("http://") || html.matches("http://").count() == 1); // the SVG namespace only
    assert!(!html.contains("<script") && !html.contains("<link"));
}

#[test]
fn export_beside_writes_markdown_and_html_next_to_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("20261123-0830-so-tttt.json");
    let rec = fixture("so-tttt.json");
    std::fs::write(&path, serde_json::to_string(&rec).unwrap()).unwrap();
    let (md, html) = report::export_beside(&path, &rec, Lang::Vi).unwrap();
    assert_eq!(md, dir.path().join("20261123-0830-so-tttt.md"));
    assert_eq!(html, dir.path().join("20261123-0830-so-tttt.html"));
    // Exported files show times in the machine's zone; the rest is the report.
    let mut summary = Summary::compute(&rec, Lang::Vi);
    summary.time_offset = Some(chrono::Local::now().fixed_offset().timezone());
    assert_eq!(
        std::fs::read_to_string(&md).unwrap(),
        report::render(&summary, Format::Md)
    );
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("Phiếu tổng hợp kết quả kiểm tra")
    );
    // A hostile id does not escape the directory.
    let mut bad = rec.clone();
    bad.id = "../../etc/passwd".into();
    let (md, _) = report::export_beside(&path, &bad, Lang::En).unwrap();
    assert_eq!(md.parent(), Some(dir.path()));
    // An unwritable place is an error naming the file, not a panic.
    let missing = dir.path().join("gone").join("r.json");
    let err = report::export_beside(&missing, &rec, Lang::En).unwrap_err();
    assert!(err.contains("gone"), "{err}");
}
