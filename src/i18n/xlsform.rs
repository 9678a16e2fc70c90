//! Strings of `onsite checklists export` and of workbook output (`aggregate --format xlsx`).

/// The sentences about writing workbooks; `{path}`, `{id}` and `{why}` are filled in.
#[derive(Debug, Clone, Copy)]
pub struct XlsformStrings {
    /// Said when a file was written.
    pub written: &'static str,
    /// A workbook cannot go to the terminal.
    pub needs_output: &'static str,
    /// A checklist has a part XLSForm cannot hold.
    pub cannot_export: &'static str,
}

/// English.
pub const EN: XlsformStrings = XlsformStrings {
    written: "wrote {path}",
    needs_output: "a workbook is written to a file: add -o FILE.xlsx",
    cannot_export: "checklist \"{id}\" cannot be written as a workbook: {why}",
};

/// Vietnamese.
pub const VI: XlsformStrings = XlsformStrings {
    written: "đã ghi {path}",
    needs_output: "bảng tính được ghi ra tệp: thêm -o TỆP.xlsx",
    cannot_export: "không ghi được bộ câu hỏi \"{id}\" thành bảng tính: {why}",
};

/// The strings for a language.
pub fn strings(lang: super::Lang) -> &'static XlsformStrings {
    match lang {
        super::Lang::En => &EN,
        super::Lang::Vi => &VI,
    }
}
