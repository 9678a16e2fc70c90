//! The strings of the terminal UI (screens, prompts, errors), in English and Vietnamese.
//!
//! Key descriptions live with the key table (`tui::keys`), so that dispatch, hints and help
//! come from one place.

use super::Lang;

/// Every fixed string the TUI shows.
#[derive(Debug)]
pub struct TuiStrings {
    /// "Section" (before "2/5").
    pub section: &'static str,
    /// "Question" (before "3 of 20").
    pub question: &'static str,
    /// Between the numbers in "3 of 20" (with its spaces).
    pub of: &'static str,
    /// "answered" in the progress line.
    pub answered: &'static str,
    /// "required" in the progress line.
    pub required: &'static str,
    /// Marker for a required question or field.
    pub required_mark: &'static str,
    /// Heading: guidance.
    pub guidance: &'static str,
    /// Heading: legal basis.
    pub basis: &'static str,
    /// Heading: evidence to request.
    pub evidence: &'static str,
    /// Heading: the answer.
    pub answer: &'static str,
    /// Heading: the note.
    pub note: &'static str,
    /// Shown where there is no answer yet.
    pub no_answer: &'static str,
    /// Shown for an info question.
    pub info_only: &'static str,
    /// Awaiting-evidence mark text.
    pub awaiting: &'static str,
    /// Heading of the outline pane.
    pub outline: &'static str,
    /// Heading of the help overlay.
    pub help: &'static str,
    /// Heading of the search overlay.
    pub search: &'static str,
    /// No search results.
    pub no_matches: &'static str,
    /// Heading of the general-notes editor.
    pub general_notes: &'static str,
    /// Heading of the recommendation editor.
    pub own_recommendation: &'static str,
    /// "Priority" in the recommendation editor.
    pub priority: &'static str,
    /// Priority names: high, medium, low.
    pub priorities: [&'static str; 3],
    /// Headings of the answer editors by type.
    pub edit_text: &'static str,
    /// Number editor heading.
    pub edit_number: &'static str,
    /// Date editor heading.
    pub edit_date: &'static str,
    /// Option-list heading.
    pub edit_options: &'static str,
    /// Terminal too small.
    pub too_small: &'static str,
    /// Saved status.
    pub saved: &'static str,
    /// Save failure prefix.
    pub save_failed: &'static str,
    /// Read-only banner.
    pub read_only: &'static str,
    /// Nothing to undo.
    pub nothing_to_undo: &'static str,
    /// Title page heading.
    pub header_form: &'static str,
    /// Required fields still empty.
    pub header_missing: &'static str,
    /// A required field was just emptied.
    pub header_emptied: &'static str,
    /// Start screen heading: inspections in progress.
    pub in_progress: &'static str,
    /// Start screen heading: checklists.
    pub checklists: &'static str,
    /// Start screen: nothing in progress.
    pub none_in_progress: &'static str,
    /// Summary heading.
    pub summary: &'static str,
    /// Summary: findings.
    pub findings: &'static str,
    /// Summary: awaiting evidence.
    pub awaiting_list: &'static str,
    /// Summary: unanswered required questions.
    pub unanswered_required: &'static str,
    /// Summary: recommendations.
    pub recommendations: &'static str,
    /// Summary: none.
    pub none: &'static str,
    /// Finish warning (unanswered required questions; press f again).
    pub finish_warning: &'static str,
    /// Finished.
    pub finished: &'static str,
    /// Export not available yet.
    pub export_unavailable: &'static str,
    /// Quit message: saved to.
    pub quit_saved: &'static str,
    /// Quit message of a read-only look.
    pub quit_read_only: &'static str,
    /// Quit message: resume with.
    pub quit_resume: &'static str,
    /// Quit message when the last save failed.
    pub quit_unsaved: &'static str,
    /// Title of the offer to write a copy elsewhere when quitting with unsaved work.
    pub rescue_title: &'static str,
    /// No visible question.
    pub no_question: &'static str,
    /// Summary: overall score.
    pub overall: &'static str,
    /// Summary: rating.
    pub rating: &'static str,
    /// Summary: scores by section.
    pub section_scores: &'static str,
    /// Summary: nothing scored yet.
    pub not_scored: &'static str,
    /// Recommendation: responsible party.
    pub responsible: &'static str,
    /// Recommendation: due date.
    pub due: &'static str,
    /// Recommendation: dropped marker.
    pub dropped: &'static str,
    /// Recommendation: the inspector's own marker.
    pub own: &'static str,
    /// Editor title: recommendation wording.
    pub edit_rec_text: &'static str,
    /// Editor title: responsible party.
    pub edit_responsible: &'static str,
    /// Editor title: due date.
    pub edit_due: &'static str,
    /// Export done: prefix of the paths.
    pub exported: &'static str,
    /// A change refused because the record is open read-only.
    pub read_only_refused: &'static str,
    /// A change refused because the record is finished.
    pub finished_refused: &'static str,
    /// The first press of the reopen key.
    pub reopen_confirm: &'static str,
    /// Reopened.
    pub reopened: &'static str,
    /// Status line of a finished record.
    pub finished_banner: &'static str,
    /// Start screen heading: finished inspections.
    pub finished_list: &'static str,
    /// Title of the offer to open a held record read-only.
    pub offer_title: &'static str,
    /// Recommendation: a scripted one the inspector changed.
    pub edited: &'static str,
    /// The terminal failed.
    pub terminal_error: &'static str,
    /// The terminal went away (before the record path).
    pub hangup_saved: &'static str,
    /// Before a record path: where it was saved.
    pub saved_to: &'static str,
}

/// English.
pub const EN: TuiStrings = TuiStrings {
    section: "Section",
    question: "Question",
    of: " of ",
    answered: "answered",
    required: "required",
    required_mark: "*",
    guidance: "Guidance",
    basis: "Legal basis",
    evidence: "Evidence to request",
    answer: "Answer",
    note: "Note",
    no_answer: "(no answer)",
    info_only: "(for information, no answer)",
    awaiting: "awaiting evidence",
    outline: "Outline",
    help: "Keys",
    search: "Search",
    no_matches: "no matching question",
    general_notes: "General notes (minutes)",
    own_recommendation: "Your recommendation",
    priority: "Priority",
    priorities: ["high", "medium", "low"],
    edit_text: "Answer (text)",
    edit_number: "Answer (number)",
    edit_date: "Answer (date YYYY-MM-DD)",
    edit_options: "Choose",
    too_small: "Terminal too small: at least 40×12 needed",
    saved: "saved",
    save_failed: "NOT SAVED (kept in memory, will retry)",
    read_only: "read-only",
    nothing_to_undo: "nothing to undo",
    header_form: "Title page",
    header_missing: "Required fields still empty",
    header_emptied: "Required field left empty",
    in_progress: "Inspections in progress",
    checklists: "Start from a checklist",
    none_in_progress: "(none)",
    summary: "Summary",
    findings: "Findings",
    awaiting_list: "Awaiting evidence",
    unanswered_required: "Unanswered required questions",
    recommendations: "Recommendations",
    none: "(none)",
    finish_warning: "Required questions are unanswered: press f again to finish anyway",
    finished: "Inspection finished: edits are locked (R twice reopens it)",
    export_unavailable: "Export is not available in this version yet",
    quit_saved: "Saved to",
    quit_read_only: "Read-only: nothing was changed in",
    quit_resume: "Resume with",
    quit_unsaved: "WARNING: the last save failed; answers may not be on disk",
    rescue_title: "Not saved! Write a copy to",
    no_question: "This checklist has no visible question.",
    overall: "Overall",
    rating: "Rating",
    section_scores: "Scores by section",
    not_scored: "not scored yet",
    responsible: "responsible",
    due: "due",
    dropped: "dropped",
    own: "own",
    edit_rec_text: "Recommendation",
    edit_responsible: "Responsible party",
    edit_due: "Due date (YYYY-MM-DD)",
    exported: "Exported",
    read_only_refused: "Read-only: nothing can be changed here",
    finished_refused: "This inspection is finished: press R twice to reopen it for editing",
    reopen_confirm: "Reopen this finished inspection for editing? Press R again",
    reopened: "Reopened for editing",
    finished_banner: "finished: read only until reopened (R)",
    finished_list: "Finished inspections",
    offer_title: "Open read-only?",
    edited: "edited",
    terminal_error: "terminal error",
    hangup_saved: "the terminal went away; the inspection was saved to",
    saved_to: "the inspection was saved to",
};

/// Vietnamese.
pub const VI: TuiStrings = TuiStrings {
    section: "Phần",
    question: "Câu",
    of: "/",
    answered: "đã trả lời",
    required: "bắt buộc",
    required_mark: "*",
    guidance: "Hướng dẫn",
    basis: "Căn cứ pháp lý",
    evidence: "Tài liệu cần yêu cầu",
    answer: "Trả lời",
    note: "Ghi chú",
    no_answer: "(chưa trả lời)",
    info_only: "(thông tin, không cần trả lời)",
    awaiting: "chờ tài liệu",
    outline: "Mục lục",
    help: "Phím",
    search: "Tìm",
    no_matches: "không có câu hỏi phù hợp",
    general_notes: "Ghi chú chung (biên bản)",
    own_recommendation: "Kiến nghị của đoàn",
    priority: "Mức ưu tiên",
    priorities: ["cao", "trung bình", "thấp"],
    edit_text: "Trả lời (văn bản)",
    edit_number: "Trả lời (số)",
    edit_date: "Trả lời (ngày, ví dụ 02/12/2026)",
    edit_options: "Chọn",
    too_small: "Cửa sổ quá nhỏ: cần ít nhất 40×12",
    saved: "đã lưu",
    save_failed: "CHƯA LƯU ĐƯỢC (vẫn giữ trong bộ nhớ, sẽ thử lại)",
    read_only: "chỉ xem",
    nothing_to_undo: "không có gì để hoàn tác",
    header_form: "Trang thông tin",
    header_missing: "Còn ô bắt buộc chưa điền",
    header_emptied: "Ô bắt buộc đang để trống",
    in_progress: "Cuộc kiểm tra đang làm",
    checklists: "Bắt đầu từ bộ câu hỏi",
    none_in_progress: "(không có)",
    summary: "Tổng hợp",
    findings: "Phát hiện",
    awaiting_list: "Chờ tài liệu",
    unanswered_required: "Câu bắt buộc chưa trả lời",
    recommendations: "Kiến nghị",
    none: "(không có)",
    finish_warning: "Còn câu bắt buộc chưa trả lời: bấm f lần nữa để vẫn kết thúc",
    finished: "Đã kết thúc cuộc kiểm tra: đã khoá chỉnh sửa (bấm R hai lần để mở lại)",
    export_unavailable: "Phiên bản này chưa hỗ trợ xuất báo cáo",
    quit_saved: "Đã lưu vào",
    quit_read_only: "Chỉ xem: không thay đổi gì trong",
    quit_resume: "Tiếp tục bằng lệnh",
    quit_unsaved: "CẢNH BÁO: lần lưu cuối thất bại; câu trả lời có thể chưa được ghi",
    rescue_title: "Chưa lưu được! Ghi một bản sao vào",
    no_question: "Bộ câu hỏi này không có câu nào hiển thị.",
    overall: "Tổng thể",
    rating: "Xếp loại",
    section_scores: "Điểm theo phần",
    not_scored: "chưa có điểm",
    responsible: "đơn vị thực hiện",
    due: "hạn",
    dropped: "đã bỏ",
    own: "của đoàn",
    edit_rec_text: "Kiến nghị",
    edit_responsible: "Đơn vị chịu trách nhiệm",
    edit_due: "Thời hạn (ví dụ 02/12/2026)",
    exported: "Đã xuất",
    read_only_refused: "Chỉ xem: không thể thay đổi gì ở đây",
    finished_refused: "Cuộc kiểm tra đã kết thúc: bấm R hai lần để mở lại và sửa",
    reopen_confirm: "Mở lại cuộc kiểm tra đã kết thúc để sửa? Bấm R lần nữa",
    reopened: "Đã mở lại để sửa",
    finished_banner: "đã kết thúc: chỉ xem cho tới khi mở lại (R)",
    finished_list: "Cuộc kiểm tra đã kết thúc",
    offer_title: "Mở chỉ xem?",
    edited: "đã sửa",
    terminal_error: "lỗi cửa sổ dòng lệnh",
    hangup_saved: "cửa sổ dòng lệnh đã đóng; cuộc kiểm tra đã được lưu vào",
    saved_to: "cuộc kiểm tra đã được lưu vào",
};

/// A refused session command, in the UI language.
pub fn session_error(lang: Lang, e: &crate::session::SessionError) -> String {
    use crate::session::SessionError as E;
    let fmt = |n: f64| crate::checklist::value::format_number(n, lang);
    let range = |min: &Option<f64>, max: &Option<f64>| {
        format!(
            "{}..{}",
            min.map(fmt).unwrap_or_default(),
            max.map(fmt).unwrap_or_default()
        )
    };
    let text = match (lang, e) {
        (_, E::Value(v)) => super::value::value_error(lang, v),
        (Lang::En, E::OutOfRange { min, max }) => format!("out of range ({})", range(min, max)),
        (Lang::En, other) => other.to_string(),
        (Lang::Vi, E::NotInteger) => "cần một số nguyên".into(),
        (Lang::Vi, E::OutOfRange { min, max }) => {
            format!("ngoài khoảng cho phép ({})", range(min, max))
        }
        (Lang::Vi, E::NoSuchOption(s)) => format!("không có phương án {s}"),
        (Lang::Vi, E::NotAnswerable) => "câu này không nhận câu trả lời như vậy".into(),
        (Lang::Vi, E::Unknown(s)) => format!("không rõ: {s}"),
        (Lang::Vi, E::NothingToUndo) => VI.nothing_to_undo.into(),
        (Lang::Vi, E::NothingToCopy) => super::followup::VI.nothing_to_copy.into(),
        (Lang::Vi, E::ReadOnly) => VI.read_only.into(),
        (Lang::Vi, E::Finished) => "cuộc kiểm tra đã kết thúc; mở lại để thay đổi".into(),
        (Lang::Vi, E::Conflicts(n)) => format!(
            "còn {n} chỗ các thành viên trả lời khác nhau chưa được giải quyết; bấm C để xem"
        ),
    };
    crate::sanitize::line(&text)
}

/// A key that does nothing on the screen it was pressed on.
pub fn unbound_key(lang: Lang, key: &str) -> String {
    match lang {
        Lang::En => format!("The key {key} does nothing here; ? shows the keys of this screen"),
        Lang::Vi => format!("Phím {key} không dùng ở màn hình này; bấm ? để xem các phím"),
    }
}

/// A change that hides questions with answers: how many, and that they are kept.
pub fn hides_answers(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => {
            "This change hides 1 answered question; its answer stays in the record (u brings it back)".into()
        }
        (Lang::En, n) => format!(
            "This change hides {n} answered questions; their answers stay in the record (u brings them back)"
        ),
        (Lang::Vi, n) => format!(
            "Thay đổi này ẩn {n} câu đã trả lời; câu trả lời vẫn được giữ trong hồ sơ (bấm u để khôi phục)"
        ),
    }
}

/// A record held by another `onsite`, as said in the offer to open it read-only.
pub fn held_offer(lang: Lang, h: &crate::record::lock::Holder) -> String {
    let who = super::cli::holder(lang, h);
    match lang {
        Lang::En => format!(
            "This inspection is open in another onsite by {who}. You can look at it read-only: nothing will be changed."
        ),
        Lang::Vi => format!(
            "Cuộc kiểm tra này đang được mở ở một onsite khác bởi {who}. Có thể mở chỉ xem: không thay đổi gì."
        ),
    }
}

/// The record was named after its organisation.
pub fn renamed(lang: Lang, new: &str, old: &str) -> String {
    let (new, old) = (crate::sanitize::line(new), crate::sanitize::line(old));
    match lang {
        Lang::En => {
            format!("Record named after the organisation: {new} (the old id {old} still finds it)")
        }
        Lang::Vi => format!("Đã đặt tên hồ sơ theo cơ quan: {new} (mã cũ {old} vẫn dùng được)"),
    }
}

/// The start screen's line for the finished inspections kept out of sight.
pub fn finished_hidden(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} finished (f shows them)"),
        Lang::Vi => format!("{n} cuộc đã kết thúc (bấm f để xem)"),
    }
}

/// The strings for a language.
pub fn strings(lang: Lang) -> &'static TuiStrings {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_differ_and_none_is_empty() {
        let (en, vi) = (strings(Lang::En), strings(Lang::Vi));
        assert_ne!(en.question, vi.question);
        assert_ne!(en.too_small, vi.too_small);
        for s in [
            vi.section, vi.note, vi.summary, en.section, en.note, en.summary,
        ] {
            assert!(!s.is_empty());
        }
    }
}
