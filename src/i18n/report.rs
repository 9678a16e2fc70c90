//! Strings of the reports (`onsite report`, `onsite aggregate`, the exported files):
//! English and Vietnamese. The md/html/txt report is the team's working summary (*Phiếu
//! tổng hợp kết quả kiểm tra*), not an official document: its labels say what the data is.

use super::Lang;

/// Every label a report uses, in one language.
#[derive(Debug, Clone, Copy)]
pub struct ReportText {
    /// Kind of document, above the checklist title.
    pub document: &'static str,
    /// What the document is for, under its title.
    pub working_document: &'static str,
    /// The draft mark of a report of an unfinished inspection.
    pub draft: &'static str,
    /// The sentence beside the draft mark.
    pub draft_note: &'static str,
    /// Heading: every answer and note, by section.
    pub answers: &'static str,
    /// An entry with a note or mark but no answer.
    pub no_answer: &'static str,
    /// Name of the answers sheet of an aggregate workbook (after the checklist id).
    pub answers_sheet: &'static str,
    /// Prefix of a required header field left empty.
    pub title_page: &'static str,
    /// Heading of the header facts.
    pub general: &'static str,
    /// Label of the record id.
    pub record: &'static str,
    /// Label of the checklist (id and version).
    pub checklist: &'static str,
    /// Label of the record's status.
    pub status: &'static str,
    /// Status: in progress.
    pub in_progress: &'static str,
    /// Status: finished.
    pub finished: &'static str,
    /// Label: when the record was created.
    pub created: &'static str,
    /// Label: when the record last changed.
    pub updated: &'static str,
    /// Label: when the record was finished.
    pub finished_at: &'static str,
    /// Heading of the scores part.
    pub scores: &'static str,
    /// Label of the overall score.
    pub overall: &'static str,
    /// Label of the rating band.
    pub rating: &'static str,
    /// Column: section.
    pub section: &'static str,
    /// Column: points earned / possible.
    pub points: &'static str,
    /// Column: score in percent.
    pub score: &'static str,
    /// Column: questions answered / visible.
    pub answered: &'static str,
    /// A score that cannot be computed (nothing scored yet).
    pub not_scored: &'static str,
    /// Title of the bar chart.
    pub chart: &'static str,
    /// Heading: results (strengths and shortcomings).
    pub results: &'static str,
    /// Heading: what was done well.
    pub strengths: &'static str,
    /// A section where every scored answer got full marks.
    pub section_full: &'static str,
    /// Heading: the findings.
    pub shortcomings: &'static str,
    /// Label: the answer given.
    pub answer: &'static str,
    /// Label: the inspector's note.
    pub note: &'static str,
    /// Label: the evidence to request.
    pub evidence: &'static str,
    /// Mark: documents still to come.
    pub awaiting_mark: &'static str,
    /// Heading: the recommendations.
    pub recommendations: &'static str,
    /// Priority high (group heading).
    pub high: &'static str,
    /// Priority medium (group heading).
    pub medium: &'static str,
    /// Priority low (group heading).
    pub low: &'static str,
    /// Label: who must act.
    pub responsible: &'static str,
    /// Label: by when.
    pub due: &'static str,
    /// Label: the question a recommendation belongs to.
    pub about: &'static str,
    /// Heading: questions awaiting evidence.
    pub awaiting: &'static str,
    /// Heading: required questions not answered.
    pub unanswered: &'static str,
    /// Heading: general notes (minutes).
    pub general_notes: &'static str,
    /// Heading: dates and status.
    pub dates: &'static str,
    /// An empty list.
    pub none: &'static str,
    /// Title of the aggregate report.
    pub aggregate: &'static str,
    /// Column: organisation.
    pub organisation: &'static str,
    /// Column: date of the inspection.
    pub date: &'static str,
    /// Column: number of findings.
    pub findings: &'static str,
    /// Column: number of open recommendations.
    pub open_recommendations: &'static str,
    /// Label: how many inspections a table holds.
    pub inspections: &'static str,
}

/// English.
pub const EN: ReportText = ReportText {
    document: "Inspection working summary",
    working_document: "(the inspection team's working document)",
    draft: "DRAFT",
    draft_note: "The inspection is not finished; this summary may still change.",
    answers: "Answers and notes",
    no_answer: "not answered",
    answers_sheet: "answers",
    title_page: "Title page",
    general: "General information",
    record: "Record id",
    checklist: "Checklist",
    status: "Status",
    in_progress: "in progress",
    finished: "finished",
    created: "Record created",
    updated: "Record last changed",
    finished_at: "Marked finished",
    scores: "Scores",
    overall: "Overall score",
    rating: "Rating",
    section: "Section",
    points: "Points",
    score: "Score",
    answered: "Answered",
    not_scored: "not scored",
    chart: "Score by section",
    results: "Results",
    strengths: "Strengths",
    section_full: "every scored question met in full",
    shortcomings: "Shortcomings",
    answer: "Answer",
    note: "Note",
    evidence: "Documents to request",
    awaiting_mark: "awaiting evidence",
    recommendations: "Recommendations",
    high: "High priority",
    medium: "Medium priority",
    low: "Low priority",
    responsible: "Responsible",
    due: "Due",
    about: "Question",
    awaiting: "Questions awaiting evidence",
    unanswered: "Required questions not answered",
    general_notes: "General notes",
    dates: "Record times",
    none: "None.",
    aggregate: "Inspections compared",
    organisation: "Organisation",
    date: "Date",
    findings: "Findings",
    open_recommendations: "Open recommendations",
    inspections: "Inspections",
};

/// Vietnamese.
pub const VI: ReportText = ReportText {
    document: "Phiếu tổng hợp kết quả kiểm tra",
    working_document: "(Tài liệu làm việc của Đoàn kiểm tra)",
    draft: "DỰ THẢO",
    draft_note: "Cuộc kiểm tra chưa kết thúc; nội dung phiếu còn có thể thay đổi.",
    answers: "Câu trả lời và ghi chú",
    no_answer: "chưa trả lời",
    answers_sheet: "trả lời",
    title_page: "Trang thông tin",
    general: "Thông tin chung",
    record: "Mã hồ sơ",
    checklist: "Bộ câu hỏi",
    status: "Trạng thái",
    in_progress: "đang thực hiện",
    finished: "đã kết thúc",
    created: "Tạo hồ sơ lúc",
    updated: "Cập nhật hồ sơ lần cuối",
    finished_at: "Đánh dấu kết thúc lúc",
    scores: "Điểm đánh giá",
    overall: "Điểm chung",
    rating: "Xếp loại",
    section: "Phần",
    points: "Điểm",
    score: "Tỷ lệ",
    answered: "Đã trả lời",
    not_scored: "chưa chấm điểm",
    chart: "Điểm theo từng phần",
    results: "Kết quả",
    strengths: "Ưu điểm",
    section_full: "tất cả nội dung được chấm điểm đều đạt",
    shortcomings: "Hạn chế",
    answer: "Trả lời",
    note: "Ghi chú",
    evidence: "Tài liệu cần yêu cầu cung cấp",
    awaiting_mark: "chờ bổ sung tài liệu",
    recommendations: "Kiến nghị",
    high: "Ưu tiên cao",
    medium: "Ưu tiên trung bình",
    low: "Ưu tiên thấp",
    responsible: "Đơn vị thực hiện",
    due: "Thời hạn",
    about: "Câu hỏi liên quan",
    awaiting: "Nội dung chờ bổ sung tài liệu",
    unanswered: "Nội dung bắt buộc chưa trả lời",
    general_notes: "Ghi chú chung",
    dates: "Thời gian ghi hồ sơ",
    none: "Không có.",
    aggregate: "Tổng hợp kết quả kiểm tra",
    organisation: "Đơn vị",
    date: "Ngày",
    findings: "Số hạn chế",
    open_recommendations: "Số kiến nghị",
    inspections: "Số cuộc kiểm tra",
};

/// The report strings of a language.
pub fn text(lang: Lang) -> &'static ReportText {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}
