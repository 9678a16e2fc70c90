//! Strings of `onsite list`.

/// The words of the inspections table.
#[derive(Debug, Clone, Copy)]
pub struct ListStrings {
    /// Column: record id.
    pub id: &'static str,
    /// Column: checklist.
    pub checklist: &'static str,
    /// Column: organisation.
    pub organisation: &'static str,
    /// Column: status.
    pub status: &'static str,
    /// Column: progress.
    pub progress: &'static str,
    /// Column: last change.
    pub updated: &'static str,
    /// Status: in progress.
    pub in_progress: &'static str,
    /// Status: finished.
    pub finished: &'static str,
    /// Said when there are no records.
    pub empty: &'static str,
    /// Prefix of warnings.
    pub warning: &'static str,
}

/// English.
pub const EN: ListStrings = ListStrings {
    id: "ID",
    checklist: "CHECKLIST",
    organisation: "ORGANISATION",
    status: "STATUS",
    progress: "PROGRESS",
    updated: "UPDATED",
    in_progress: "in progress",
    finished: "finished",
    empty: "no inspections yet; start one with `onsite new demo` (`onsite checklists` lists the checklists)",
    warning: "warning",
};

/// Vietnamese.
pub const VI: ListStrings = ListStrings {
    id: "MÃ",
    checklist: "BỘ CÂU HỎI",
    organisation: "CƠ QUAN",
    status: "TRẠNG THÁI",
    progress: "TIẾN ĐỘ",
    updated: "CẬP NHẬT",
    in_progress: "đang làm",
    finished: "đã xong",
    empty: "chưa có cuộc kiểm tra nào; bắt đầu bằng `onsite new demo` (`onsite checklists` liệt kê các bộ câu hỏi)",
    warning: "cảnh báo",
};

/// The strings for a language.
pub fn strings(lang: super::Lang) -> &'static ListStrings {
    match lang {
        super::Lang::En => &EN,
        super::Lang::Vi => &VI,
    }
}
