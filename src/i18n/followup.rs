//! Strings of follow-up inspections (SPEC §9): the refusals of `new --follow-up`, the
//! generated section, the report part on the previous conclusion, the series of visits in
//! `aggregate`, and the previous answer on the question screen. `{name}` marks are filled
//! by the caller.

use super::Lang;

/// Every follow-up string, in one language.
#[derive(Debug, Clone, Copy)]
pub struct FollowUpText {
    /// Refusal: the previous record used another checklist.
    pub other_checklist: &'static str,
    /// Refusal: the previous record is not finished.
    pub unfinished: &'static str,
    /// Title of the generated section.
    pub section_title: &'static str,
    /// Guidance of the generated section.
    pub section_guidance: &'static str,
    /// Where a generated question's recommendation came from.
    pub from_visit: &'static str,
    /// When a recommendation carried forward more than once was first made.
    pub since: &'static str,
    /// Label: the section of the previous finding.
    pub section: &'static str,
    /// Label: who had to act.
    pub responsible: &'static str,
    /// Label: by when.
    pub due: &'static str,
    /// Mark of a due date that has passed.
    pub overdue: &'static str,
    /// The last line of a generated question's guidance.
    pub how_to_answer: &'static str,
    /// Option: implemented.
    pub implemented: &'static str,
    /// Option: partly implemented.
    pub partly: &'static str,
    /// Option: not implemented.
    pub not_implemented: &'static str,
    /// Option: no longer applicable.
    pub not_applicable: &'static str,
    /// Not yet checked on this visit.
    pub unchecked: &'static str,
    /// Report heading: the implementation of the previous conclusion.
    pub heading: &'static str,
    /// Report: which visit is followed up.
    pub previous_visit: &'static str,
    /// Report: the counts.
    pub counts: &'static str,
    /// Report heading: the score comparison.
    pub comparison: &'static str,
    /// Column: previous score.
    pub before: &'static str,
    /// Column: score now.
    pub now: &'static str,
    /// Column: change in percentage points.
    pub change: &'static str,
    /// A section the checklist no longer has.
    pub section_gone: &'static str,
    /// A section the previous checklist did not have.
    pub section_new: &'static str,
    /// Report heading: questions answered last time that the checklist no longer has.
    pub gone: &'static str,
    /// Mark of a recommendation carried forward.
    pub carried: &'static str,
    /// Aggregate heading: visits of each organisation.
    pub series: &'static str,
    /// Column: round number.
    pub round: &'static str,
    /// Column: previous recommendations implemented / checked.
    pub implemented_of: &'static str,
    /// Column: previous recommendations checked.
    pub checked: &'static str,
    /// The question screen: the previous answer.
    pub last_time: &'static str,
    /// Start screen heading: finished inspections to follow up.
    pub finished_heading: &'static str,
    /// Status line: nothing to copy.
    pub nothing_to_copy: &'static str,
}

/// English.
pub const EN: FollowUpText = FollowUpText {
    other_checklist: "record {record} was made from checklist `{was}`, not `{now}`; a follow-up continues an inspection made from the same checklist",
    unfinished: "record {record} is not finished, so it has no conclusion to follow up; finish it on its summary screen (`onsite resume {record}`) first",
    section_title: "Implementation of the previous recommendations ({date})",
    section_guidance: "One question per recommendation of the previous conclusion: was it carried out? Partly or not implemented ones carry forward into this conclusion unless you drop them on the summary screen.",
    from_visit: "Recommended at the inspection of {date} (record {record})",
    since: "first recommended on {date}",
    section: "section",
    responsible: "Responsible",
    due: "Due",
    overdue: "OVERDUE",
    how_to_answer: "Ask for the documents that show it was done; say what was done in the note.",
    implemented: "Implemented",
    partly: "Partly implemented",
    not_implemented: "Not implemented",
    not_applicable: "No longer applicable",
    unchecked: "Not yet checked",
    heading: "Implementation of the previous conclusion",
    previous_visit: "Previous inspection: {date} (record {record}, checklist version {version})",
    counts: "Of {total} recommendations: {implemented} implemented, {partly} partly implemented, {not} not implemented, {na} no longer applicable, {unchecked} not yet checked.",
    comparison: "Scores compared with the previous inspection",
    before: "Previous",
    now: "Now",
    change: "Change (points)",
    section_gone: "no longer in the checklist",
    section_new: "new in the checklist",
    gone: "Answered last time, no longer in the checklist",
    carried: "Carried forward from the conclusion of",
    series: "Visits by organisation",
    round: "Round",
    implemented_of: "Previous recommendations implemented",
    checked: "Previous recommendations checked",
    last_time: "last time",
    finished_heading: "Finished inspections — Enter starts the follow-up visit",
    nothing_to_copy: "nothing from last time to copy",
};

/// Vietnamese.
pub const VI: FollowUpText = FollowUpText {
    other_checklist: "hồ sơ {record} được lập từ bộ câu hỏi `{was}`, không phải `{now}`; kiểm tra lại phải dùng cùng bộ câu hỏi với lần trước",
    unfinished: "hồ sơ {record} chưa kết thúc nên chưa có kết luận để kiểm tra việc thực hiện; hãy kết thúc nó ở màn hình tổng hợp (`onsite resume {record}`) trước",
    section_title: "Việc thực hiện kiến nghị của lần kiểm tra trước ({date})",
    section_guidance: "Mỗi câu là một kiến nghị trong kết luận lần trước: đơn vị đã thực hiện chưa? Kiến nghị thực hiện một phần hoặc chưa thực hiện được chuyển tiếp vào kết luận lần này, trừ khi bỏ ở màn hình tổng hợp.",
    from_visit: "Kiến nghị tại cuộc kiểm tra ngày {date} (hồ sơ {record})",
    since: "kiến nghị lần đầu ngày {date}",
    section: "mục",
    responsible: "Trách nhiệm",
    due: "Thời hạn",
    overdue: "ĐÃ QUÁ HẠN",
    how_to_answer: "Đề nghị cung cấp tài liệu chứng minh việc thực hiện; ghi rõ đã làm gì vào ghi chú.",
    implemented: "Đã thực hiện",
    partly: "Thực hiện một phần",
    not_implemented: "Chưa thực hiện",
    not_applicable: "Không còn áp dụng",
    unchecked: "Chưa kiểm tra",
    heading: "Kết quả thực hiện kết luận kiểm tra lần trước",
    previous_visit: "Lần kiểm tra trước: ngày {date} (hồ sơ {record}, phiên bản bộ câu hỏi {version})",
    counts: "Trong {total} kiến nghị: {implemented} đã thực hiện, {partly} thực hiện một phần, {not} chưa thực hiện, {na} không còn áp dụng, {unchecked} chưa kiểm tra.",
    comparison: "So sánh điểm với lần kiểm tra trước",
    before: "Lần trước",
    now: "Lần này",
    change: "Thay đổi (điểm %)",
    section_gone: "không còn trong bộ câu hỏi",
    section_new: "mới trong bộ câu hỏi",
    gone: "Đã trả lời lần trước, nay không còn trong bộ câu hỏi",
    carried: "Chuyển tiếp từ kết luận ngày",
    series: "Các lần kiểm tra theo cơ quan",
    round: "Lần",
    implemented_of: "Kiến nghị lần trước đã thực hiện",
    checked: "Kiến nghị lần trước đã kiểm tra",
    last_time: "lần trước",
    finished_heading: "Cuộc kiểm tra đã kết thúc — Enter để kiểm tra lại việc thực hiện kết luận",
    nothing_to_copy: "không có gì của lần trước để chép",
};

/// The strings for a language.
pub fn text(lang: Lang) -> &'static FollowUpText {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}
