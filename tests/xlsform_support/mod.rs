//! Workbooks for the XLSForm tests, written cell by cell as a spreadsheet program would
//! (with rust_xlsxwriter), and a small Vietnamese form written the way a secretary would.

#![allow(dead_code)]

use rust_xlsxwriter::Workbook;

/// A sheet: its name and rows of cells (the first row is the header).
pub type SheetRows<'a> = (&'a str, Vec<Vec<&'a str>>);

/// The bytes of an `.xlsx` workbook with these sheets; cells that read as numbers are
/// written as numbers, as a spreadsheet program stores them.
pub fn workbook(sheets: &[SheetRows]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (r, c) = (r as u32, c as u16);
                match cell.parse::<f64>() {
                    Ok(n) if r > 0 => {
                        ws.write_number(r, c, n).expect("write");
                    }
                    _ => {
                        ws.write_string(r, c, *cell).expect("write");
                    }
                }
            }
        }
    }
    book.save_to_buffer().expect("workbook")
}

/// A short Vietnamese/English checklist as a secretary would type it.
pub fn secretary_form() -> Vec<SheetRows<'static>> {
    vec![
        (
            "survey",
            vec![
                vec![
                    "type",
                    "name",
                    "label::Tiếng Việt (vi)",
                    "label::English (en)",
                    "hint::Tiếng Việt (vi)",
                    "required",
                    "relevant",
                    "constraint",
                    "basis::Tiếng Việt (vi)",
                    "recommendation::Tiếng Việt (vi)",
                    "priority",
                    "unit::Tiếng Việt (vi)",
                ],
                vec!["begin_group", "lanh-dao", "Lãnh đạo, chỉ đạo", "Leadership"],
                vec![
                    "select_one ynp",
                    "ke-hoach",
                    "Có kế hoạch thực hiện dân chủ ở cơ sở không?",
                    "Is there a plan?",
                    "Xem quyết định ban hành kế hoạch",
                    "yes",
                    "",
                    "",
                    "Điều 5 Luật 10/2022/QH15",
                    "Đề nghị ban hành kế hoạch năm.",
                    "high",
                ],
                vec![
                    "date",
                    "ngay-ke-hoach",
                    "Ngày ban hành kế hoạch",
                    "Issued on",
                    "",
                    "",
                    "selected(${ke-hoach}, 'yes') or selected(${ke-hoach}, 'partial')",
                ],
                vec![
                    "integer",
                    "so-can-bo",
                    "Tổng số cán bộ",
                    "Staff",
                    "",
                    "yes",
                    "",
                    ". >= 0 and . <= 5000",
                    "",
                    "",
                    "",
                    "người",
                ],
                vec![
                    "select_multiple kenh",
                    "kenh",
                    "Hình thức công khai",
                    "Channels",
                ],
                vec![
                    "text",
                    "y-kien",
                    "Ý kiến của cán bộ",
                    "Staff opinion",
                    "",
                    "",
                    "${so-can-bo} > 7 and not(${kenh} = '')",
                ],
                vec!["end_group"],
                vec!["begin group", "ket-luan", "Kết luận", "Conclusion"],
                vec![
                    "note",
                    "ghi-chu",
                    "Phần sau do thư ký ghi",
                    "For the secretary",
                ],
                vec!["text", "uu-diem", "Ưu điểm", "Strengths"],
                vec!["end group"],
            ],
        ),
        (
            "choices",
            vec![
                vec![
                    "list_name",
                    "name",
                    "label::Tiếng Việt (vi)",
                    "label::English (en)",
                    "score",
                    "flag",
                ],
                vec!["ynp", "yes", "Có", "Yes", "1"],
                vec!["ynp", "partial", "Một phần", "Partly", "0.5", "yes"],
                vec!["ynp", "no", "Không", "No", "0", "yes"],
                vec!["kenh", "bang-tin", "Bảng tin", "Notice board"],
                vec!["kenh", "hoi-nghi", "Hội nghị", "Meeting"],
            ],
        ),
        (
            "settings",
            vec![
                vec!["form_id", "form_title", "version", "default_language"],
                vec![
                    "qcdc-mini",
                    "Kiểm tra thực hiện dân chủ ở cơ sở",
                    "2026.1",
                    "Tiếng Việt (vi)",
                ],
            ],
        ),
        (
            "onsite_header",
            vec![
                vec![
                    "name",
                    "type",
                    "label::Tiếng Việt (vi)",
                    "label::English (en)",
                    "required",
                    "default",
                ],
                vec![
                    "organisation",
                    "text",
                    "Cơ quan được kiểm tra",
                    "Organisation",
                    "yes",
                ],
                vec!["date", "date", "Ngày kiểm tra", "Date", "", "today"],
            ],
        ),
        (
            "onsite_rating",
            vec![
                vec!["min", "label::Tiếng Việt (vi)", "label::English (en)"],
                vec!["0.9", "Tốt", "Good"],
                vec!["0", "Yếu", "Weak"],
            ],
        ),
    ]
}
