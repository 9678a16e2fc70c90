//! The summary screen's `e` in the real binary: besides the Markdown and HTML reports it
//! writes the minutes and the draft conclusion as `.docx` in the directory the inspector
//! started onsite from, and says where.

mod doc_support;
mod pty;

use pty::harness::Pty;

#[test]
fn e_on_the_summary_screen_writes_the_documents_where_the_inspector_works() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let records = data.join("records");
    std::fs::create_dir_all(&records).unwrap();
    let rec = records.join("20261202-0800-so-noi-vu.json");
    std::fs::copy(doc_support::record_path(), &rec).unwrap();
    let mut p = Pty::spawn(
        &["--lang", "vi", "resume", rec.to_str().unwrap()],
        data,
        &[],
        120,
        30,
    );
    p.wait_for("đã trả lời 15/15", 10);
    p.send("s");
    p.wait_for("Tổng hợp", 5);
    p.send("e");
    p.wait_for("Đã xuất", 10);
    p.send("q");
    for name in [
        "bien-ban-20261202-0800-so-noi-vu.docx",
        "thong-bao-ket-luan-20261202-0800-so-noi-vu.docx",
    ] {
        let bytes = std::fs::read(data.join(name)).unwrap();
        assert!(doc_support::body_text(&bytes).contains("Sở Nội vụ tỉnh Hà Tĩnh"));
    }
}
