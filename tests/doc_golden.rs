//! The text of every document, in Vietnamese and English, against golden files; what a
//! missing fact leaves (a dotted blank, never a guess); a checklist without statements
//! still gives a correct plainer document; hostile record text stays inert in the XML.

mod doc_support;

use doc_support::{body_text, part, profile, record_path};
use onsite::cli::doc::render_record;
use onsite::i18n::Lang;
use onsite::report::doc::{Kind, Profile};

fn record() -> onsite::record::Record {
    onsite::record::load(&record_path()).unwrap()
}

fn text(kind: Kind, lang: Lang, p: &Profile) -> String {
    body_text(&render_record(kind, &record(), lang, p).unwrap())
}

#[test]
fn golden_documents_in_both_languages() {
    let p = profile();
    for lang in [Lang::Vi, Lang::En] {
        for kind in [Kind::Minutes, Kind::Conclusion, Kind::Report, Kind::Brief] {
            let name = format!("doc_{}_{}", kind.name(), lang.code());
            insta::assert_snapshot!(name, text(kind, lang, &p));
        }
    }
}

#[test]
fn the_conclusion_says_what_was_typed_as_prose_grouped_by_addressee() {
    let t = text(Kind::Conclusion, Lang::Vi, &profile());
    // Figures from number and date answers, a count below 10 with a leading zero.
    assert!(
        t.contains("ngày 20/02/2026, có 60 người trên tổng số 85 người tham dự."),
        "{t}"
    );
    // The inspector's note follows the statement of a shortcoming.
    assert!(
        t.contains("ban hành chậm, chưa cụ thể hóa nhiệm vụ. Kế hoạch ban hành ngày 20/4/2026")
    );
    // Text answers by role: strengths, causes.
    assert!(t.contains("Sở duy trì hòm thư góp ý điện tử"));
    assert!(t.contains("Người đứng đầu chưa quan tâm đúng mức."));
    // Requests by addressee, the inspector's own one under its responsible party.
    let a = t.find("4.1. Đối với Lãnh đạo Sở Nội vụ:").unwrap();
    let b = t
        .find("4.2. Đối với Ban Chấp hành Công đoàn Sở Nội vụ:")
        .unwrap();
    let c = t.find("4.3. Đối với Sở Tài chính:").unwrap();
    assert!(a < b && b < c);
    assert!(t.contains(
        "báo cáo kết quả về Ban Chỉ đạo (qua Ban Dân vận Tỉnh ủy) trước ngày 15/01/2027."
    ));
    // No question marks or raw answers of the working summary.
    assert!(!t.contains("?") && !t.contains("— Có"), "{t}");
    // Number and date left for the clerk.
    assert!(t.contains("Số: ……/TB-BCĐ"));
    assert!(t.contains("Hà Tĩnh, ngày …… tháng …… năm ……"));
}

#[test]
fn a_missing_fact_is_a_dotted_blank_never_a_guess() {
    let t = text(Kind::Minutes, Lang::Vi, &Profile::default());
    assert!(t.contains("……, ngày 02 tháng 12 năm 2026"), "{t}");
    assert!(
        t.contains("vào lúc …… giờ …… ngày 02 tháng 12 năm 2026, tại ……,"),
        "{t}"
    );
    assert!(t.contains("Số: ……/BB-……"), "{t}");
    assert!(t.contains("kết thúc vào lúc …… giờ …… cùng ngày"), "{t}");
    // What the record holds is used: the team from its header fields.
    assert!(t.contains("Nguyễn Văn An, Phó Trưởng Ban Dân vận Tỉnh ủy, Trưởng đoàn;"));
    let c = text(Kind::Conclusion, Lang::Vi, &Profile::default());
    assert!(c.contains("trước ngày ……."), "{c}");
}

#[test]
fn a_party_body_gets_the_party_header_and_number() {
    let mut p = profile();
    p.set("style", "party").unwrap();
    let t = text(Kind::Conclusion, Lang::Vi, &p);
    assert!(t.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{t}");
    assert!(!t.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(t.contains("Số ……-TB/BCĐ"));
}

#[test]
fn a_checklist_without_statements_gives_a_plainer_correct_document() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records/so-noi-vu.json");
    let rec = onsite::record::load(&path).unwrap();
    let t = body_text(&render_record(Kind::Conclusion, &rec, Lang::Vi, &profile()).unwrap());
    assert!(
        t.contains("Lãnh đạo, chỉ đạo: các nội dung kiểm tra đều đạt yêu cầu."),
        "{t}"
    );
    assert!(t.contains("Kết luận kiểm tra việc thực hiện dân chủ ở cơ sở tại Sở Nội vụ"));
    let m = body_text(&render_record(Kind::Minutes, &rec, Lang::Vi, &profile()).unwrap());
    assert!(
        m.contains("Tổng số cán bộ, công chức, viên chức, người lao động: 06."),
        "{m}"
    );
}

/// Every character of a part is allowed in XML 1.0 and none is invisible.
fn assert_clean_xml(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("broken XML at {}: {e}", reader.buffer_position()),
        }
    }
    for c in xml.chars() {
        let allowed_control = matches!(c, '\n' | '\r' | '\t');
        let invisible = matches!(
            c,
            '\u{200B}' | '\u{FEFF}' | '\u{202E}' | '\u{2028}' | '\u{FFFF}'
        );
        assert!(
            (allowed_control || !c.is_control()) && !invisible,
            "U+{:04X} in the XML",
            c as u32
        );
    }
}

#[test]
fn hostile_record_text_stays_inert() {
    let mut rec = record();
    let hostile = "</w:t></w:r><w:fldSimple w:instr=\"DDEAUTO c:\\\\x\"/>]]>&amp;<x>\u{1b}[2J\u{7}\u{200B}\u{FEFF}\u{202E}\u{2028}\u{FFFF}\u{0}{ PAGE }";
    rec.header
        .insert("organisation".into(), format!("Sở {hostile}"));
    rec.general_notes = format!("Dòng một {hostile}\nDòng hai");
    if let Some(a) = rec.answers.get_mut("annual-plan") {
        a.note = hostile.to_string();
    }
    let mut p = profile();
    p.set("place", &format!("Hà Tĩnh{hostile}")).unwrap();
    for kind in [Kind::Minutes, Kind::Conclusion, Kind::Report, Kind::Brief] {
        let bytes = render_record(kind, &rec, Lang::Vi, &p).unwrap();
        let xml = part(&bytes, "word/document.xml");
        assert_clean_xml(&xml);
        // The only fields are the page numbers of the header, never in the body.
        assert!(
            !xml.contains("<w:fldSimple") && !xml.contains("<w:instrText"),
            "{kind:?}"
        );
        assert!(!xml.contains("<x>"));
        if kind != Kind::Brief {
            let t = body_text(&bytes);
            assert!(
                t.contains("<w:fldSimple w:instr=\"DDEAUTO"),
                "{kind:?}: the text is kept as text"
            );
        }
    }
}

#[test]
fn scores_appear_only_under_a_named_scoring_rule() {
    let p = profile();
    let mut rec = record();
    let with = body_text(&render_record(Kind::Report, &rec, Lang::Vi, &p).unwrap());
    assert!(with.contains("(đạt 50%)"), "{with}");
    assert!(with.contains("Điểm và xếp loại theo Hướng dẫn số 05-HD/BCĐ ngày 10/10/2026"));
    rec.header.shift_remove("scoring-rule");
    for kind in [Kind::Minutes, Kind::Conclusion] {
        let t = body_text(&render_record(kind, &rec, Lang::Vi, &p).unwrap());
        assert!(!t.contains('%'), "{kind:?}: {t}");
    }
    let without = body_text(&render_record(Kind::Report, &rec, Lang::Vi, &p).unwrap());
    let body = &without[..without.find("PHỤ LỤC").unwrap()];
    assert!(!body.contains('%'), "{body}");
    assert!(without.contains("Chưa có văn bản quy định chấm điểm, xếp loại"));
}
