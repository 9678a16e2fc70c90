//! Words of the documents the team signs (`onsite doc`): Vietnamese in the register of
//! official documents (Nghị định 30/2020/NĐ-CP), English in a plain report register; and
//! the messages of the `doc` command.

use super::Lang;

/// Every fixed wording of the documents and of `onsite doc`, in one language.
#[derive(Debug, Clone, Copy)]
pub struct DocText {
    /// The team's name when the profile gives none.
    pub team: &'static str,
    /// Number line prefix, state layout (`Số: `).
    pub number: &'static str,
    /// "date" in a place-and-date line with the date left blank.
    pub place_date_blank: &'static str,
    /// Minutes: kind of document.
    pub minutes: &'static str,
    /// Minutes: subject, before the organisation.
    pub minutes_subject: &'static str,
    /// Opening: "Carrying out decision/plan No." (before the reference).
    pub basis: &'static str,
    /// " of " between a reference and its issuer.
    pub of: &'static str,
    /// Minutes opening: "Today, at" (before the time).
    pub today_at: &'static str,
    /// Before a date in words after a time or a comma ("on " in English).
    pub on_day: &'static str,
    /// ", at " (before the meeting place).
    pub at_place: &'static str,
    /// ", the inspection team worked with" (before the organisation).
    pub worked_with: &'static str,
    /// Heading: participants.
    pub participants: &'static str,
    /// Sub-heading: the team.
    pub the_team: &'static str,
    /// Role in a list of the team: leader.
    pub leader: &'static str,
    /// Role: member.
    pub member: &'static str,
    /// Role: secretary.
    pub secretary: &'static str,
    /// Heading: content of the meeting.
    pub content: &'static str,
    /// Step: the leader announces the plan.
    pub announce: &'static str,
    /// Step: the unit reports (before the organisation).
    pub unit_reports: &'static str,
    /// Step 2 after the organisation: reports on its results.
    pub unit_reports_rest: &'static str,
    /// Step: what the team checked.
    pub checked: &'static str,
    /// Step: remarks exchanged at the meeting.
    pub remarks: &'static str,
    /// Step: the unit's opinion (before the organisation).
    pub unit_opinion: &'static str,
    /// Step: the leader's preliminary conclusion.
    pub preliminary: &'static str,
    /// Step: documents the unit undertakes to supply.
    pub commitments: &'static str,
    /// "… undertakes to send them to the team by" (after the organisation).
    pub send_by: &'static str,
    /// Closing formula, before the end time.
    pub closing_at: &'static str,
    /// Closing formula, after the end time.
    pub closing_rest: &'static str,
    /// Signature: the unit's representative.
    pub unit_side: &'static str,
    /// Signature: the team leader.
    pub leader_side: &'static str,
    /// Signature: the secretary.
    pub secretary_side: &'static str,
    /// Hint under a title: sign and write the name.
    pub sign_hint: &'static str,
    /// Conclusion: kind of document.
    pub notice: &'static str,
    /// Conclusion subject, before what was inspected.
    pub conclusion_subject: &'static str,
    /// " at " before the organisation in a subject.
    pub at_org: &'static str,
    /// Subject line: between the document's subject and what is inspected (`of `).
    pub of_subject: &'static str,
    /// Preamble: "on" before the date.
    pub on_date: &'static str,
    /// Preamble: after "worked with ORG".
    pub after_hearing: &'static str,
    /// Preamble: whose opinions were heard, before the issuer that concludes.
    pub concludes: &'static str,
    /// Preamble: after the issuer, "concludes as follows:".
    pub concludes_end: &'static str,
    /// Heading: strengths.
    pub strengths: &'static str,
    /// Heading: limitations.
    pub limitations: &'static str,
    /// Heading: causes.
    pub causes: &'static str,
    /// Heading: requests.
    pub requests: &'static str,
    /// Before an addressee (may be empty).
    pub for_addressee: &'static str,
    /// A section where every scored answer got full marks.
    pub section_met: &'static str,
    /// Remedial report: before the organisation.
    pub remedy_ask: &'static str,
    /// Remedial report: after the organisation, before the body reported to.
    pub remedy_report: &'static str,
    /// Remedial report: before the deadline.
    pub remedy_by: &'static str,
    /// Heading of the recipients list.
    pub recipients: &'static str,
    /// The last recipient: the archive.
    pub archive: &'static str,
    /// Report: kind of document.
    pub report: &'static str,
    /// Report subject.
    pub report_subject: &'static str,
    /// Report subject for many units: "at N units".
    pub report_units: &'static str,
    /// "To:" line.
    pub to: &'static str,
    /// Report heading I.
    pub overview: &'static str,
    /// Report: the team was led by.
    pub team_led_by: &'static str,
    /// Report: after the leader's name.
    pub team_led_by_end: &'static str,
    /// Report: members.
    pub team_members: &'static str,
    /// Report: units inspected and dates.
    pub units_inspected: &'static str,
    /// Report: method.
    pub method: &'static str,
    /// Report heading II.
    pub results: &'static str,
    /// Report: section score line, before the percent.
    pub scored: &'static str,
    /// Report heading III.
    pub assessment: &'static str,
    /// Report heading IV.
    pub proposals: &'static str,
    /// "Heading of the signer of the report": team leader.
    pub team_leader: &'static str,
    /// The team report's signing capacity: on behalf of the team (`TM. Đoàn kiểm tra`).
    pub team_capacity: &'static str,
    /// "As above" recipient.
    pub as_above: &'static str,
    /// Annex heading.
    pub annex: &'static str,
    /// Annex subject.
    pub annex_scores: &'static str,
    /// Annex note: the scoring rule applied (before its reference).
    pub annex_rule: &'static str,
    /// Annex note without a rule: the team's own tally (before the checklist id).
    pub annex_tally: &'static str,
    /// "version" before a checklist's version.
    pub version: &'static str,
    /// Column: number.
    pub col_no: &'static str,
    /// Column: content (section).
    pub col_content: &'static str,
    /// Column: points.
    pub col_points: &'static str,
    /// Column: score.
    pub col_score: &'static str,
    /// Overall row.
    pub overall: &'static str,
    /// Rating label.
    pub rating: &'static str,
    /// Brief: kind of document.
    pub brief: &'static str,
    /// Brief: subtitle (suggested outline).
    pub brief_subject: &'static str,
    /// Brief: the report is due.
    pub brief_due: &'static str,
    /// Brief: what to report under a heading.
    pub brief_points: &'static str,
    /// Brief: statistics table heading.
    pub statistics: &'static str,
    /// Column: indicator.
    pub col_indicator: &'static str,
    /// Column: unit of measure.
    pub col_unit: &'static str,
    /// Unit of a date figure.
    pub date_unit: &'static str,
    /// Column: figure.
    pub col_figure: &'static str,
    /// Brief: list of documents heading.
    pub documents_list: &'static str,
    /// Column: document.
    pub col_document: &'static str,
    /// Brief closing heading (general assessment, proposals).
    pub brief_closing: &'static str,
    /// Brief closing items.
    pub brief_closing_items: &'static str,
    /// Said after writing a document: "written".
    pub written: &'static str,
    /// Error: the current directory cannot be found.
    pub no_cwd: &'static str,
    /// The profile file was written.
    pub profile_saved: &'static str,
    /// The profile is empty.
    pub profile_empty: &'static str,
    /// Error: unknown profile key (before the key).
    pub unknown_key: &'static str,
    /// Error: `--set` without `=`.
    pub bad_set: &'static str,
    /// Error: the profile file cannot be read.
    pub bad_profile: &'static str,
    /// Error: none of the records could be read.
    pub no_record: &'static str,
    /// The kinds that need a record.
    pub needs_record: &'static str,
    /// Labels of the profile keys, in the order of `profile::KEYS`.
    pub keys: [&'static str; 25],
}

/// English.
pub const EN: DocText = DocText {
    team: "Inspection team",
    number: "No. ",
    place_date_blank: "date",
    minutes: "Minutes",
    minutes_subject: "of the meeting of the inspection team with",
    basis: "Under decision (plan) No. ",
    of: " of ",
    today_at: "Today, at ",
    on_day: "on ",
    at_place: ", at ",
    worked_with: ", the inspection team met",
    participants: "I. PARTICIPANTS",
    the_team: "1. The inspection team:",
    leader: "head of the team",
    member: "member",
    secretary: "secretary",
    content: "II. COURSE OF THE MEETING",
    announce: "1. The head of the team announced the inspection plan and its content.",
    unit_reports: "2. The representative of",
    unit_reports_rest: "reported on the unit's results under the inspection plan.",
    checked: "3. What the team checked:",
    remarks: "4. Remarks and questions at the meeting:",
    unit_opinion: "5. The opinion of",
    preliminary: "6. Preliminary conclusion of the head of the team:",
    commitments: "7. Documents the unit undertakes to supply:",
    send_by: "undertakes to send them to the inspection team by",
    closing_at: "The meeting ended at ",
    closing_rest: " the same day; these minutes were read out to those present, who agreed and signed them; made in 02 copies, one for each side.",
    unit_side: "For the unit inspected",
    leader_side: "Head of the inspection team",
    secretary_side: "Secretary",
    sign_hint: "(signature and full name)",
    notice: "Notice",
    conclusion_subject: "Conclusions of the inspection",
    at_org: " at ",
    of_subject: "of ",
    on_date: "on ",
    after_hearing: "Having heard the report of",
    concludes: "the opinions of the team members and of the unit,",
    concludes_end: "concludes as follows:",
    strengths: "1. Strengths",
    limitations: "2. Limitations and shortcomings",
    causes: "3. Causes",
    requests: "4. Requests",
    for_addressee: "",
    section_met: "all points checked met the requirements",
    remedy_ask: "We ask",
    remedy_report: "to draw up a plan to remedy the shortcomings above and report the results to",
    remedy_by: "by",
    recipients: "Distribution:",
    archive: "- File: records, inspection file.",
    report: "Report",
    report_subject: "Results of the inspection",
    report_units: "units",
    to: "To: ",
    overview: "I. OVERVIEW",
    team_led_by: "The inspection team was led by",
    team_led_by_end: "",
    team_members: "Members:",
    units_inspected: "Units inspected and dates:",
    method: "The team worked directly with each unit, heard its report, checked its records and documents and discussed its results with it.",
    results: "II. RESULTS OF THE INSPECTION",
    scored: "score",
    assessment: "III. GENERAL ASSESSMENT",
    proposals: "IV. PROPOSALS AND RECOMMENDATIONS",
    team_leader: "Head of the inspection team",
    team_capacity: "",
    as_above: "- As above;",
    annex: "Annex",
    annex_scores: "Scores by section",
    annex_rule: "Scores and rating under",
    annex_tally: "No scoring rule applies: these are the team's own figures from the checklist",
    version: "version",
    col_no: "No.",
    col_content: "Section",
    col_points: "Points",
    col_score: "Score",
    overall: "Overall",
    rating: "Rating",
    brief: "Report outline",
    brief_subject: "(suggested) for the unit's report to the inspection team",
    brief_due: "The unit sends its report to the inspection team by",
    brief_points: "Points to report:",
    statistics: "Statistics table",
    col_indicator: "Indicator",
    col_unit: "Unit",
    date_unit: "date",
    col_figure: "Figure",
    documents_list: "Documents to prepare",
    col_document: "Document",
    brief_closing: "GENERAL ASSESSMENT AND PROPOSALS",
    brief_closing_items: "Strengths; limitations and their causes; lessons learned; the way ahead; proposals and recommendations.",
    written: "written",
    no_cwd: "cannot find the current directory to write the documents in",
    profile_saved: "document profile saved",
    profile_empty: "the document profile is empty; set its facts with `onsite doc profile --set KEY=VALUE`",
    unknown_key: "unknown document profile key",
    bad_set: "expected KEY=VALUE after --set, got",
    bad_profile: "cannot read the document profile",
    no_record: "no record could be read; no document written",
    needs_record: "this document is made from records; name at least one record",
    keys: [
        "layout: state or party",
        "body above the issuer",
        "issuing body (steering committee…)",
        "issuer's code (e.g. BCĐ)",
        "the team's name",
        "team's code (e.g. ĐKT)",
        "place name on documents",
        "what is inspected (subject line)",
        "meeting place",
        "meeting start (HH:MM)",
        "meeting end (HH:MM)",
        "head of the team: name",
        "head of the team: title",
        "team secretary",
        "unit signer: title",
        "unit signer: name",
        "conclusion signer: capacity (TM., KT.)",
        "conclusion signer: title",
        "conclusion signer: name",
        "recipients of the conclusion (;)",
        "recipients of the report (;)",
        "the unit reports its remedies to",
        "remedial report deadline",
        "missing documents due by",
        "unit's report due by",
    ],
};

/// Vietnamese.
pub const VI: DocText = DocText {
    team: "Đoàn kiểm tra",
    number: "Số: ",
    place_date_blank: "ngày",
    minutes: "Biên bản",
    minutes_subject: "Làm việc của Đoàn kiểm tra với",
    basis: "Thực hiện Quyết định (Kế hoạch) kiểm tra số ",
    of: " của ",
    today_at: "Hôm nay, vào lúc ",
    on_day: "",
    at_place: ", tại ",
    worked_with: ", Đoàn kiểm tra đã làm việc với",
    participants: "I. THÀNH PHẦN",
    the_team: "1. Đoàn kiểm tra:",
    leader: "Trưởng đoàn",
    member: "thành viên",
    secretary: "thư ký",
    content: "II. NỘI DUNG LÀM VIỆC",
    announce: "1. Trưởng đoàn kiểm tra thông qua Kế hoạch và nội dung kiểm tra.",
    unit_reports: "2. Đại diện",
    unit_reports_rest: "báo cáo kết quả thực hiện các nội dung theo Kế hoạch kiểm tra.",
    checked: "3. Kết quả kiểm tra hồ sơ, tài liệu:",
    remarks: "4. Ý kiến trao đổi tại buổi làm việc:",
    unit_opinion: "5. Ý kiến của",
    preliminary: "6. Kết luận sơ bộ của Trưởng đoàn:",
    commitments: "7. Tài liệu đơn vị cam kết bổ sung:",
    send_by: "gửi về Đoàn kiểm tra trước ngày",
    closing_at: "Buổi làm việc kết thúc vào lúc ",
    closing_rest: " cùng ngày; biên bản đã được đọc lại cho các thành viên dự họp nghe, thống nhất và ký tên; được lập thành 02 bản, mỗi bên giữ 01 bản.",
    unit_side: "Đại diện\nđơn vị được kiểm tra",
    leader_side: "Trưởng đoàn kiểm tra",
    secretary_side: "Thư ký",
    sign_hint: "(Ký, ghi rõ họ tên)",
    notice: "Thông báo",
    conclusion_subject: "Kết luận kiểm tra",
    at_org: " tại ",
    of_subject: "",
    on_date: "ngày ",
    after_hearing: "Sau khi nghe báo cáo của",
    concludes: "ý kiến của các thành viên Đoàn kiểm tra và ý kiến của đơn vị,",
    concludes_end: "kết luận như sau:",
    strengths: "1. Ưu điểm",
    limitations: "2. Hạn chế, khuyết điểm",
    causes: "3. Nguyên nhân",
    requests: "4. Đề nghị",
    for_addressee: "Đối với",
    section_met: "các nội dung kiểm tra đều đạt yêu cầu",
    remedy_ask: "Đề nghị",
    remedy_report: "xây dựng kế hoạch khắc phục những hạn chế nêu trên, báo cáo kết quả về",
    remedy_by: "trước ngày",
    recipients: "Nơi nhận:",
    archive: "- Lưu: VT, hồ sơ kiểm tra.",
    report: "Báo cáo",
    report_subject: "Kết quả kiểm tra",
    report_units: "cơ quan, đơn vị",
    to: "Kính gửi: ",
    overview: "I. KHÁI QUÁT",
    team_led_by: "Đoàn kiểm tra do đồng chí",
    team_led_by_end: " làm Trưởng đoàn",
    team_members: "Thành viên Đoàn:",
    units_inspected: "Cơ quan, đơn vị được kiểm tra và thời gian kiểm tra:",
    method: "Đoàn kiểm tra làm việc trực tiếp với từng cơ quan, đơn vị; nghe báo cáo, kiểm tra hồ sơ, tài liệu và trao đổi với đơn vị về kết quả thực hiện.",
    results: "II. KẾT QUẢ KIỂM TRA",
    scored: "đạt",
    assessment: "III. ĐÁNH GIÁ CHUNG",
    proposals: "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    team_leader: "Trưởng đoàn",
    team_capacity: "TM. Đoàn kiểm tra",
    as_above: "- Như trên;",
    annex: "Phụ lục",
    annex_scores: "Bảng điểm theo từng phần",
    annex_rule: "Điểm và xếp loại theo",
    annex_tally: "Chưa có văn bản quy định chấm điểm, xếp loại; đây là số liệu tổng hợp của Đoàn theo bộ câu hỏi",
    version: "phiên bản",
    col_no: "STT",
    col_content: "Nội dung",
    col_points: "Điểm",
    col_score: "Tỷ lệ",
    overall: "Chung",
    rating: "Xếp loại",
    brief: "Đề cương báo cáo",
    brief_subject: "(gợi ý) phục vụ Đoàn kiểm tra",
    brief_due: "Đơn vị gửi báo cáo về Đoàn kiểm tra trước ngày",
    brief_points: "Nội dung báo cáo:",
    statistics: "Biểu thống kê số liệu",
    col_indicator: "Chỉ tiêu",
    col_unit: "Đơn vị tính",
    date_unit: "ngày/tháng/năm",
    col_figure: "Số liệu",
    documents_list: "Danh mục tài liệu cần chuẩn bị",
    col_document: "Tài liệu",
    brief_closing: "ĐÁNH GIÁ CHUNG, ĐỀ XUẤT, KIẾN NGHỊ",
    brief_closing_items: "Ưu điểm; hạn chế và nguyên nhân; bài học kinh nghiệm; phương hướng thời gian tới; đề xuất, kiến nghị.",
    written: "đã ghi",
    no_cwd: "không xác định được thư mục hiện hành để ghi văn bản",
    profile_saved: "đã lưu hồ sơ văn bản",
    profile_empty: "hồ sơ văn bản còn trống; điền bằng `onsite doc profile --set KHÓA=GIÁ_TRỊ`",
    unknown_key: "không có khóa này trong hồ sơ văn bản",
    bad_set: "sau --set cần KHÓA=GIÁ_TRỊ, nhận được",
    bad_profile: "không đọc được hồ sơ văn bản",
    no_record: "không đọc được biên bản kiểm tra nào; chưa ghi văn bản",
    needs_record: "văn bản này lập từ kết quả kiểm tra; hãy chỉ ra ít nhất một bản ghi",
    keys: [
        "thể thức: state (nhà nước) hoặc party (Đảng)",
        "cơ quan cấp trên",
        "cơ quan ban hành (Ban Chỉ đạo…)",
        "ký hiệu cơ quan ban hành (vd. BCĐ)",
        "tên Đoàn",
        "ký hiệu của Đoàn (vd. ĐKT)",
        "địa danh",
        "nội dung kiểm tra (trích yếu)",
        "địa điểm làm việc",
        "giờ bắt đầu (GG:PP)",
        "giờ kết thúc (GG:PP)",
        "Trưởng đoàn: họ tên",
        "Trưởng đoàn: chức vụ",
        "Thư ký Đoàn",
        "người ký của đơn vị: chức vụ",
        "người ký của đơn vị: họ tên",
        "người ký thông báo: TM., KT.",
        "người ký thông báo: chức vụ",
        "người ký thông báo: họ tên",
        "nơi nhận thông báo (;)",
        "nơi nhận báo cáo (;)",
        "đơn vị báo cáo khắc phục về",
        "hạn báo cáo khắc phục",
        "hạn bổ sung tài liệu",
        "hạn gửi báo cáo của đơn vị",
    ],
};

/// The words in a language.
pub fn text(lang: Lang) -> &'static DocText {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}
