//! The HTML report in a real browser: headless Chromium prints it to PDF (through
//! `scripts/html-to-pdf.sh`) and `pdftotext` must find the organisation and the chart.
//! Skipped, saying so, when `/usr/bin/chromium` or `pdftotext` is not installed
//! (Debian: `apt-get install chromium poppler-utils`).

use std::path::Path;
use std::process::Command;

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn chromium_prints_the_html_report_with_organisation_and_chart() {
    if !Path::new("/usr/bin/chromium").exists() || !have("pdftotext") {
        eprintln!("skipped: /usr/bin/chromium or pdftotext is not installed");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("báo cáo.html");
    let pdf = dir.path().join("báo cáo.pdf");
    for (lang, org, chart, section) in [
        (
            "vi",
            "Sở Thông tin và Truyền thông",
            "Điểm theo từng phần",
            "1. Lãnh đạo, chỉ đạo",
        ),
        (
            "en",
            "Sở Thông tin và Truyền thông",
            "Score by section",
            "3. People's Inspection Board",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_onsite"))
            .args(["--data-dir", dir.path().to_str().unwrap(), "--lang", lang])
            .arg("report")
            .arg(root.join("tests/fixtures/records/so-tttt.json"))
            .args(["--format", "html", "-o"])
            .arg(&html)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let printed = Command::new(root.join("scripts/html-to-pdf.sh"))
            .arg(&html)
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(printed.status.success(), "chromium failed: {printed:?}");
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(text.status.success(), "{text:?}");
        let text = String::from_utf8_lossy(&text.stdout);
        for needle in [org, chart, section, "50%"] {
            assert!(
                text.contains(needle),
                "{lang}: {needle:?} not in the PDF:\n{text}"
            );
        }
        assert!(
            text.contains("<script>alert('x')</script>"),
            "the note is shown as text"
        );
    }
}
