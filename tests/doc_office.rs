//! Every kind of document opened in a real office suite: the `onsite` binary writes them
//! (profile set through `onsite doc profile --set`), LibreOffice headless converts all of
//! them to PDF in one run, and poppler's tools check the page size (A4), the margins of
//! Nghị định 30 (every word inside 30 mm left, 15 mm right, 20 mm top and bottom, the page
//! number alone in the top margin from page 2), the fonts (Times New Roman, or its
//! metric twin Liberation Serif where it is not installed) and the text of each block.
//! The `.docx` parts are read back too. Says "skipped" and passes without `soffice` or
//! poppler (Debian: `libreoffice-writer-nogui poppler-utils fonts-liberation`).

mod doc_support;

use std::path::Path;
use std::process::Command;

use doc_support::{PROFILE, part, record_path};

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn onsite(data: &Path, cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .current_dir(cwd)
        .env_remove("ONSITE_LANG")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(out.status.success(), "{program} {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A word's box on a page, in points from the top left.
#[derive(Debug)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// The words of a PDF with their boxes (`pdftotext -bbox`).
fn words(pdf: &Path) -> Vec<Word> {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').unwrap();
            let tag = &rest[..close];
            let text = rest[close + 1..].trim_end_matches("</word>").to_string();
            out.push(Word {
                page,
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text,
            });
        }
    }
    out
}

const MM: f64 = 72.0 / 25.4;

fn check_page(pdf: &Path) {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Page size:") && l.contains("595.") && l.contains("841.")),
        "{info}"
    );
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let names: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(!names.is_empty(), "{fonts}");
    for n in names {
        assert!(
            n.contains("TimesNewRoman") || n.contains("LiberationSerif"),
            "font {n} in {}",
            pdf.display()
        );
    }
    let (w, h) = (595.3, 841.9);
    // A word's box is its glyphs' (ascent to descent); LibreOffice may sit the first line
    // of a page with a header a point or two higher than Word: one millimetre of slack.
    let tol = 1.0 * MM;
    let ws = words(pdf);
    assert!(!ws.is_empty());
    for word in &ws {
        let in_top_margin = word.y0 < 20.0 * MM - tol;
        if in_top_margin {
            // Only the page number lives there, centred, and never on page 1.
            assert!(word.page > 1, "{word:?} in the top margin of page 1");
            assert_eq!(word.text, word.page.to_string(), "{word:?}");
            let centre = (word.x0 + word.x1) / 2.0;
            let text_centre = (30.0 * MM + w - 15.0 * MM) / 2.0;
            assert!((centre - text_centre).abs() < 10.0, "{word:?} not centred");
            continue;
        }
        assert!(word.x0 >= 30.0 * MM - tol, "{word:?} in the left margin");
        assert!(
            word.x1 <= w - 15.0 * MM + tol,
            "{word:?} in the right margin"
        );
        assert!(
            word.y1 <= h - 20.0 * MM + tol,
            "{word:?} in the bottom margin"
        );
    }
    let pages = ws.iter().map(|w| w.page).max().unwrap_or(1);
    for page in 2..=pages {
        assert!(
            ws.iter()
                .any(|w| w.page == page && w.y0 < 20.0 * MM && w.text == page.to_string()),
            "no page number on page {page} of {}",
            pdf.display()
        );
    }
}

fn check_docx(bytes: &[u8]) {
    let doc = part(bytes, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(
        doc.contains(r#"w:top="1134""#)
            && doc.contains(r#"w:bottom="1134""#)
            && doc.contains(r#"w:left="1701""#)
            && doc.contains(r#"w:right="851""#),
        "NĐ 30 margins"
    );
    assert!(doc.contains("<w:titlePg"), "no page number on page 1");
    let styles = part(bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    let normal = &styles[styles.find(r#"w:styleId="BodyText""#).unwrap()..];
    let normal = &normal[..normal.find("</w:style>").unwrap()];
    assert!(
        normal.contains(r#"<w:jc w:val="both""#),
        "justified: {normal}"
    );
    assert!(
        normal.contains(r#"w:firstLine="720""#),
        "first-line indent: {normal}"
    );
    assert!(normal.contains(r#"<w:sz w:val="28""#), "14 pt: {normal}");
    let header = part(bytes, "word/header1.xml");
    assert!(header.contains("PAGE") && header.contains(r#"<w:jc w:val="center""#));
}

#[test]
fn libreoffice_opens_every_document_with_the_official_layout() {
    if !have("soffice") || !have("pdftotext") || !have("pdffonts") || !have("pdfinfo") {
        eprintln!("skipped: soffice or poppler-utils is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut args = vec!["--lang", "vi", "doc", "profile"];
    let sets: Vec<String> = PROFILE.iter().map(|(k, v)| format!("{k}={v}")).collect();
    for s in &sets {
        args.push("--set");
        args.push(s);
    }
    let out = onsite(&data, dir.path(), &args);
    assert!(out.status.success(), "{out:?}");
    let record = record_path();
    let record = record.to_str().unwrap();
    let mut files = Vec::new();
    for (kind, input) in [
        ("minutes", record),
        ("conclusion", record),
        ("report", record),
        ("brief", "qcdc-agency"),
    ] {
        let out = onsite(&data, dir.path(), &["--lang", "vi", "doc", kind, input]);
        assert!(out.status.success(), "{kind}: {out:?}");
        let said = String::from_utf8(out.stdout).unwrap();
        let name = said.trim().rsplit(": ").next().unwrap().to_string();
        let path = dir.path().join(&name);
        assert!(path.is_file(), "{kind}: {said}");
        check_docx(&std::fs::read(&path).unwrap());
        files.push(path);
    }
    let profile_dir = dir.path().join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile_dir.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let expect: [&[&str]; 4] = [
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ĐOÀN KIỂM TRA",
            "Số: ……/BB-ĐKT",
            "Hà Tĩnh, ngày 02 tháng 12 năm 2026",
            "BIÊN BẢN",
            "Hôm nay, vào lúc 08 giờ 00 ngày 02 tháng 12 năm 2026",
            "I. THÀNH PHẦN",
            "II. NỘI DUNG LÀM VIỆC",
            "được lập thành 02 bản, mỗi bên giữ 01 bản.",
            "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA",
            "TRƯỞNG ĐOÀN KIỂM TRA",
            "THƯ KÝ",
            "Nguyễn Văn An",
        ],
        &[
            "TỈNH ỦY HÀ TĨNH",
            "Số: ……/TB-BCĐ",
            "Hà Tĩnh, ngày …… tháng …… năm ……",
            "THÔNG BÁO",
            "Kết luận kiểm tra việc thực hiện dân chủ ở cơ sở tại Sở Nội vụ tỉnh Hà Tĩnh",
            "1. Ưu điểm",
            "2. Hạn chế, khuyết điểm",
            "3. Nguyên nhân",
            "4.1. Đối với Lãnh đạo Sở Nội vụ:",
            "Nơi nhận:",
            "- Lưu: VT, hồ sơ kiểm tra.",
            "TM. BAN CHỈ ĐẠO",
            "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
        ],
        &[
            "BÁO CÁO",
            "Kính gửi: Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh",
            "I. KHÁI QUÁT",
            "IV. ĐỀ XUẤT, KIẾN NGHỊ",
            "TRƯỞNG ĐOÀN",
            "PHỤ LỤC",
            "Bảng điểm theo từng phần",
            "Xếp loại: Trung bình",
        ],
        &[
            "ĐỀ CƯƠNG BÁO CÁO",
            "BIỂU THỐNG KÊ SỐ LIỆU",
            "DANH MỤC TÀI LIỆU CẦN CHUẨN BỊ",
            "Tổng số cán bộ, công chức, viên chức, người lao động",
        ],
    ];
    for (docx, blocks) in files.iter().zip(expect) {
        let pdf = docx.with_extension("pdf");
        assert!(
            pdf.is_file(),
            "LibreOffice made no PDF of {}",
            docx.display()
        );
        check_page(&pdf);
        let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for b in blocks {
            assert!(flat.contains(b), "{}: {b:?} not in\n{text}", pdf.display());
        }
    }
}
