//! The one key table of the TUI: which keys do what on which screen, described in both
//! languages. Dispatch (`lookup`), the status-bar hints and the `?` help overlay all read it.
//!
//! The rule for letters, the same on every screen: inside an editor (a box with a cursor:
//! an answer, a note, a title-page field being edited, a recommendation, the search line)
//! every key is text except `Enter`, `Esc`, `Tab` and `Ctrl` keys; everywhere else letters
//! are commands, `?` shows the keys and `u` undoes, and a key that does nothing there says
//! so on the message line.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The start screen.
    Start,
    /// The title page, moving between fields.
    Header,
    /// A title-page field being edited.
    HeaderField,
    /// The inspection screen.
    Inspection,
    /// The summary screen.
    Summary,
    /// The search overlay.
    Search,
    /// The option list of a choice/multi question.
    Options,
    /// A one-line answer editor (text, number, date).
    Line,
    /// The note editor (question note or general notes).
    Note,
    /// The recommendation editor.
    Recommendation,
    /// A field of a recommendation (summary screen).
    RecField,
    /// The help overlay.
    Help,
    /// Quitting with unsaved work: the path of a copy.
    Rescue,
    /// Offer to open a record held by another `onsite` read-only.
    Offer,
    /// The document profile form (from the start screen), moving between facts.
    Profile,
    /// A fact of the document profile being edited.
    ProfileField,
    /// The history of a question.
    History,
    /// The disagreements between members of a shared inspection.
    Conflicts,
}

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Next question / item.
    Next,
    /// Previous question / item.
    Prev,
    /// Next section.
    NextSection,
    /// Previous section.
    PrevSection,
    /// Next unanswered required question (or next field).
    NextRequired,
    /// Previous field.
    PrevField,
    /// Pick or toggle option n (1-based).
    Pick(usize),
    /// Toggle the highlighted option.
    Toggle,
    /// Edit the answer / open the item / confirm.
    Edit,
    /// Confirm an editor.
    Confirm,
    /// Clear the answer.
    Clear,
    /// Follow-up: copy the previous visit's answer and note.
    CopyPrevious,
    /// Undo.
    Undo,
    /// Edit the note.
    Note,
    /// Edit the general notes.
    GeneralNotes,
    /// Mark awaiting evidence.
    Awaiting,
    /// Add a recommendation.
    Recommend,
    /// Cycle the recommendation's priority.
    CyclePriority,
    /// Scroll the question text down.
    ScrollDown,
    /// Scroll the question text up.
    ScrollUp,
    /// Set who is responsible for a recommendation.
    Responsible,
    /// Set a recommendation's due date.
    Due,
    /// Search.
    Search,
    /// Summary screen.
    Summary,
    /// Title page (header form).
    TitlePage,
    /// Finish the inspection.
    Finish,
    /// Reopen a finished inspection for editing.
    Reopen,
    /// Open the highlighted item (start screen).
    Open,
    /// Show or hide finished inspections (start screen).
    ToggleFinished,
    /// Start the follow-up visit of a finished inspection (start screen).
    FollowUp,
    /// The document profile form (start screen).
    DocProfile,
    /// Export the report.
    Export,
    /// Help.
    Help,
    /// Back / close / cancel.
    Back,
    /// Quit.
    Quit,
    /// The history of the current question.
    History,
    /// The disagreements between members.
    Conflicts,
    /// A disagreement: keep my value.
    KeepMine,
    /// A disagreement: keep the other member's value.
    KeepTheirs,
}

impl Action {
    /// Whether the action changes the record (refused, and left out of hints and help,
    /// when the record is read-only or finished).
    pub fn edits(self) -> bool {
        matches!(
            self,
            Action::Pick(_)
                | Action::Edit
                | Action::Clear
                | Action::Undo
                | Action::Note
                | Action::GeneralNotes
                | Action::Awaiting
                | Action::Recommend
                | Action::CyclePriority
                | Action::Responsible
                | Action::Due
                | Action::Finish
                | Action::CopyPrevious
                | Action::KeepMine
                | Action::KeepTheirs
        )
    }
}

/// Whether the record can be changed; hints and help show only the keys that work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Editable.
    Edit,
    /// Opened read-only (held by another `onsite`, or `--read-only`).
    ReadOnly,
    /// Finished: edits wait for an explicit reopen.
    Finished,
}

impl Access {
    /// Whether a binding's action is offered under this access.
    pub fn offers(self, action: Action) -> bool {
        match (self, action) {
            (Access::Edit, Action::Reopen) => false,
            (Access::Edit, _) => true,
            (Access::ReadOnly, a) => !a.edits() && a != Action::Reopen,
            (Access::Finished, a) => !a.edits(),
        }
    }
}

/// A key or a family of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpec {
    /// A character without Ctrl/Alt (Shift allowed, as in `N` or `?`).
    Char(char),
    /// Ctrl + a character.
    Ctrl(char),
    /// A named key (arrows, Enter, Esc …).
    Code(KeyCode),
    /// The digits 0 to 9: `Action::Pick(n)` (no option is numbered 0; on a number or date
    /// question any digit starts the input).
    Digits,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The screen it applies to.
    pub screen: Screen,
    /// The keys.
    pub keys: &'static [KeySpec],
    /// How the keys are written in help and hints; empty: folded into the row before
    /// (e.g. `K` under "J / K").
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// Description in English.
    pub en: &'static str,
    /// Description in Vietnamese.
    pub vi: &'static str,
    /// Shown in the status-bar hints (short form: English, Vietnamese).
    pub hint: Option<(&'static str, &'static str)>,
}

impl Binding {
    /// The description in a language.
    pub fn describe(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Vi => self.vi,
        }
    }

    /// The short hint in a language, if any.
    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        self.hint.map(|(en, vi)| match lang {
            Lang::En => en,
            Lang::Vi => vi,
        })
    }
}

use Action as A;
use KeySpec::{Char as C, Code, Ctrl};
use Screen as S;

const fn b(
    screen: Screen,
    keys: &'static [KeySpec],
    label: &'static str,
    action: Action,
    en: &'static str,
    vi: &'static str,
    hint: Option<(&'static str, &'static str)>,
) -> Binding {
    Binding {
        screen,
        keys,
        label,
        action,
        en,
        vi,
        hint,
    }
}

const QUIT: &[KeySpec] = &[C('q'), Ctrl('c')];
const CTRL_C: &[KeySpec] = &[Ctrl('c')];
const ESC: &[KeySpec] = &[Code(KeyCode::Esc)];
const DOWN: &[KeySpec] = &[C('j'), Code(KeyCode::Down)];
const UP: &[KeySpec] = &[C('k'), Code(KeyCode::Up)];
const ARROW_DOWN: &[KeySpec] = &[Code(KeyCode::Down)];
const ARROW_UP: &[KeySpec] = &[Code(KeyCode::Up)];
const ENTER: &[KeySpec] = &[Code(KeyCode::Enter)];

/// The key table. Order is the order of the help overlay.
#[rustfmt::skip]
pub const TABLE: &[Binding] = &[
    // Inspection screen (SPEC §2).
    b(S::Inspection, DOWN, "j / Down", A::Next, "next visible question", "câu tiếp theo", Some(("j/k move", "j/k câu"))),
    b(S::Inspection, UP, "k / Up", A::Prev, "previous visible question", "câu trước", None),
    b(S::Inspection, &[C(']'), Code(KeyCode::PageDown)], "] / PgDn", A::NextSection, "next section", "phần tiếp theo", None),
    b(S::Inspection, &[C('['), Code(KeyCode::PageUp)], "[ / PgUp", A::PrevSection, "previous section", "phần trước", None),
    b(S::Inspection, &[Code(KeyCode::Tab)], "Tab", A::NextRequired, "next unanswered required question (wraps)", "câu bắt buộc chưa trả lời tiếp theo (vòng lại)", None),
    b(S::Inspection, &[KeySpec::Digits], "1…9", A::Pick(0), "choice: pick option n, save, next question; multi: toggle option n; number or date: a digit starts the answer", "một lựa chọn: chọn phương án n, lưu, sang câu sau; nhiều lựa chọn: bật/tắt phương án n; số hoặc ngày: gõ chữ số để bắt đầu nhập", Some(("1-9 answer", "1-9 chọn"))),
    b(S::Inspection, ENTER, "Enter", A::Edit, "edit the answer (Enter confirms and moves on, Esc cancels)", "sửa câu trả lời (Enter xác nhận và sang câu sau, Esc huỷ)", Some(("Enter edit", "Enter sửa"))),
    b(S::Inspection, &[C('x')], "x", A::Clear, "clear the answer", "xoá câu trả lời", None),
    b(S::Inspection, &[C('p')], "p", A::CopyPrevious, "nothing changed since last time: copy its answer and note", "không đổi so với lần trước: chép câu trả lời và ghi chú", None),
    b(S::Inspection, &[C('u')], "u", A::Undo, "undo the last change (answers, notes, marks, title page, recommendations)", "hoàn tác thay đổi gần nhất (câu trả lời, ghi chú, đánh dấu, trang thông tin, kiến nghị)", Some(("u undo", "u hoàn tác"))),
    b(S::Inspection, &[C('n')], "n", A::Note, "edit the note of this question (Esc closes and keeps it)", "ghi chú cho câu này (Esc đóng và giữ nội dung)", Some(("n note", "n ghi chú"))),
    b(S::Inspection, &[C('N')], "N", A::GeneralNotes, "the inspection's general notes (minutes)", "ghi chú chung của cuộc kiểm tra (biên bản)", None),
    b(S::Inspection, &[C('d')], "d", A::Awaiting, "mark / unmark as awaiting evidence", "đánh dấu / bỏ đánh dấu chờ tài liệu", None),
    b(S::Inspection, &[C('r')], "r", A::Recommend, "add a recommendation of your own to this question", "thêm kiến nghị của đoàn cho câu này", None),
    b(S::Inspection, &[C('/')], "/", A::Search, "search questions as you type (ignores case and diacritics)", "tìm câu hỏi khi gõ (không phân biệt hoa thường, dấu)", Some(("/ search", "/ tìm"))),
    b(S::Inspection, &[C('J')], "J / K", A::ScrollDown, "scroll a long question text down / up", "cuộn nội dung câu hỏi dài xuống / lên", None),
    b(S::Inspection, &[C('K')], "", A::ScrollUp, "scroll the question text up", "cuộn nội dung câu hỏi lên", None),
    b(S::Inspection, &[C('h')], "h", A::TitlePage, "the title page (header fields)", "trang thông tin (các ô đầu)", None),
    b(S::Inspection, &[C('s')], "s", A::Summary, "summary screen", "màn hình tổng hợp", Some(("s summary", "s tổng hợp"))),
    b(S::Inspection, &[C('R')], "R", A::Reopen, "reopen the finished inspection for editing (press twice)", "mở lại cuộc kiểm tra đã kết thúc để sửa (bấm hai lần)", Some(("R reopen", "R mở lại"))),
    b(S::Inspection, &[C('H')], "H", A::History, "the history of this question: who changed it, when, from what to what", "lịch sử câu này: ai đổi, lúc nào, từ gì sang gì", None),
    b(S::Inspection, &[C('C')], "C", A::Conflicts, "a shared inspection: the answers members disagree on (keep mine / theirs / answer anew)", "làm việc nhóm: các câu thành viên trả lời khác nhau (giữ của tôi / của người kia / trả lời lại)", None),
    b(S::Inspection, &[C('?')], "?", A::Help, "this help", "trợ giúp này", Some(("? help", "? trợ giúp"))),
    b(S::Inspection, QUIT, "q / Ctrl-C", A::Quit, "quit (everything is already saved)", "thoát (mọi thứ đã được lưu)", Some(("q quit", "q thoát"))),
    // Option list (Enter on a choice/multi question).
    b(S::Options, DOWN, "j / Down", A::Next, "next option", "phương án sau", Some(("j/k move", "j/k di chuyển"))),
    b(S::Options, UP, "k / Up", A::Prev, "previous option", "phương án trước", None),
    b(S::Options, &[KeySpec::Digits], "1…9", A::Pick(0), "choice: pick option n; multi: toggle option n", "chọn / bật tắt phương án n", None),
    b(S::Options, &[C(' ')], "Space", A::Toggle, "choice: pick; multi: toggle the highlighted option", "chọn / bật tắt phương án đang trỏ", Some(("Space toggle", "Space chọn"))),
    b(S::Options, ENTER, "Enter", A::Confirm, "confirm, save and go to the next question", "xác nhận, lưu và sang câu sau", Some(("Enter confirm", "Enter xác nhận"))),
    b(S::Options, ESC, "Esc", A::Back, "cancel", "huỷ", Some(("Esc cancel", "Esc huỷ"))),
    b(S::Options, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // One-line answer editor.
    b(S::Line, ENTER, "Enter", A::Confirm, "confirm, save and go to the next question", "xác nhận, lưu và sang câu sau", Some(("Enter confirm", "Enter xác nhận"))),
    b(S::Line, ESC, "Esc", A::Back, "cancel", "huỷ", Some(("Esc cancel", "Esc huỷ"))),
    b(S::Line, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Note editor.
    b(S::Note, ESC, "Esc", A::Back, "close the note and keep the text (Enter starts a new line)", "đóng ghi chú và giữ nội dung (Enter xuống dòng)", Some(("Esc close (kept)  Enter new line", "Esc đóng (giữ nội dung)  Enter xuống dòng"))),
    b(S::Note, CTRL_C, "Ctrl-C", A::Quit, "keep the text and quit", "giữ nội dung và thoát", None),
    // Recommendation editor.
    b(S::Recommendation, ENTER, "Enter", A::Confirm, "add the recommendation", "thêm kiến nghị", Some(("Enter add", "Enter thêm"))),
    b(S::Recommendation, &[Code(KeyCode::Tab)], "Tab", A::CyclePriority, "change the priority", "đổi mức ưu tiên", Some(("Tab priority", "Tab mức ưu tiên"))),
    b(S::Recommendation, ESC, "Esc", A::Back, "cancel", "huỷ", Some(("Esc cancel", "Esc huỷ"))),
    b(S::Recommendation, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // A field of a recommendation (summary screen).
    b(S::RecField, ENTER, "Enter", A::Confirm, "save", "lưu", Some(("Enter save", "Enter lưu"))),
    b(S::RecField, ESC, "Esc", A::Back, "cancel", "huỷ", Some(("Esc cancel", "Esc huỷ"))),
    b(S::RecField, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Search overlay.
    b(S::Search, ARROW_DOWN, "Down", A::Next, "next match", "kết quả sau", Some(("Up/Down pick", "Lên/Xuống chọn"))),
    b(S::Search, ARROW_UP, "Up", A::Prev, "previous match", "kết quả trước", None),
    b(S::Search, ENTER, "Enter", A::Confirm, "jump to the question", "đến câu hỏi", Some(("Enter go", "Enter đến câu"))),
    b(S::Search, ESC, "Esc", A::Back, "go back", "quay lại", Some(("Esc back", "Esc quay lại"))),
    b(S::Search, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Help overlay.
    b(S::Help, &[Code(KeyCode::Esc), C('?'), C('q'), Code(KeyCode::Enter)], "Esc / ? / q", A::Back, "close the help", "đóng trợ giúp", Some(("Esc close", "Esc đóng"))),
    b(S::Help, DOWN, "j / Down", A::Next, "scroll down", "cuộn xuống", Some(("j/k scroll", "j/k cuộn"))),
    b(S::Help, UP, "k / Up", A::Prev, "scroll up", "cuộn lên", None),
    b(S::Help, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Summary screen.
    b(S::Summary, &[Code(KeyCode::Esc), C('s')], "Esc / s", A::Back, "back to the questions", "quay lại câu hỏi", Some(("Esc back", "Esc quay lại"))),
    b(S::Summary, DOWN, "j / Down", A::Next, "next recommendation", "kiến nghị sau", Some(("j/k pick", "j/k chọn"))),
    b(S::Summary, UP, "k / Up", A::Prev, "previous recommendation", "kiến nghị trước", None),
    b(S::Summary, &[Code(KeyCode::PageDown), C(']')], "PgDn / ]", A::NextSection, "scroll the summary down", "cuộn bản tổng hợp xuống", None),
    b(S::Summary, &[Code(KeyCode::PageUp), C('[')], "PgUp / [", A::PrevSection, "scroll the summary up", "cuộn bản tổng hợp lên", None),
    b(S::Summary, ENTER, "Enter", A::Edit, "edit the wording of the recommendation", "sửa nội dung kiến nghị", Some(("Enter edit", "Enter sửa"))),
    b(S::Summary, &[C('p')], "p", A::CyclePriority, "change its priority", "đổi mức ưu tiên", None),
    b(S::Summary, &[C('o')], "o", A::Responsible, "set who is responsible", "đặt đơn vị chịu trách nhiệm", None),
    b(S::Summary, &[C('t')], "t", A::Due, "set the due date", "đặt thời hạn", None),
    b(S::Summary, &[C('x')], "x", A::Clear, "drop it (a dropped scripted one: restore it)", "bỏ kiến nghị (kiến nghị có sẵn đã bỏ: khôi phục)", None),
    b(S::Summary, &[C('a')], "a", A::Recommend, "add a recommendation of your own", "thêm kiến nghị của đoàn", None),
    b(S::Summary, &[C('u')], "u", A::Undo, "undo the last change", "hoàn tác thay đổi gần nhất", Some(("u undo", "u hoàn tác"))),
    b(S::Summary, &[C('/')], "/", A::Search, "search questions and go to one", "tìm câu hỏi và đến câu đó", None),
    b(S::Summary, &[C('f')], "f", A::Finish, "finish: locks edits until reopened (warns about unanswered required questions first)", "kết thúc: khoá chỉnh sửa cho tới khi mở lại (cảnh báo nếu còn câu bắt buộc chưa trả lời)", Some(("f finish", "f kết thúc"))),
    b(S::Summary, &[C('R')], "R", A::Reopen, "reopen the finished inspection for editing (press twice)", "mở lại cuộc kiểm tra đã kết thúc để sửa (bấm hai lần)", Some(("R reopen", "R mở lại"))),
    b(S::Summary, &[C('e')], "e", A::Export, "export the report (Markdown and HTML beside the record) and the minutes and draft conclusion (.docx, in the current directory)", "xuất báo cáo (Markdown và HTML cạnh tệp hồ sơ), biên bản và dự thảo thông báo kết luận (.docx, tại thư mục hiện hành)", Some(("e export", "e xuất"))),
    b(S::Summary, &[C('?')], "?", A::Help, "help", "trợ giúp", Some(("? help", "? trợ giúp"))),
    b(S::Summary, QUIT, "q / Ctrl-C", A::Quit, "quit", "thoát", Some(("q quit", "q thoát"))),
    // Title page, moving between fields.
    b(S::Header, &[C('j'), Code(KeyCode::Down), Code(KeyCode::Tab)], "j / Down / Tab", A::Next, "next field", "ô sau", Some(("j/k field", "j/k chọn ô"))),
    b(S::Header, &[C('k'), Code(KeyCode::Up), Code(KeyCode::BackTab)], "k / Up / Shift-Tab", A::Prev, "previous field", "ô trước", None),
    b(S::Header, ENTER, "Enter", A::Edit, "edit the field (then Enter saves it and edits the next one)", "sửa ô (sau đó Enter lưu và sửa ô tiếp theo)", Some(("Enter edit", "Enter sửa"))),
    b(S::Header, &[C('u')], "u", A::Undo, "undo the last change", "hoàn tác thay đổi gần nhất", Some(("u undo", "u hoàn tác"))),
    b(S::Header, &[Code(KeyCode::Esc), C('h')], "Esc / h", A::Back, "go to the questions", "sang câu hỏi", Some(("Esc questions", "Esc câu hỏi"))),
    b(S::Header, &[C('R')], "R", A::Reopen, "reopen the finished inspection for editing (press twice)", "mở lại cuộc kiểm tra đã kết thúc để sửa (bấm hai lần)", Some(("R reopen", "R mở lại"))),
    b(S::Header, &[C('?')], "?", A::Help, "help", "trợ giúp", Some(("? help", "? trợ giúp"))),
    b(S::Header, QUIT, "q / Ctrl-C", A::Quit, "quit", "thoát", Some(("q quit", "q thoát"))),
    // A title-page field being edited.
    b(S::HeaderField, &[Code(KeyCode::Enter), Code(KeyCode::Tab), Code(KeyCode::Down)], "Enter / Tab / Down", A::NextRequired, "save the field, edit the next one (after the last: the questions)", "lưu ô, sửa ô sau (sau ô cuối: câu hỏi)", Some(("Enter next", "Enter ô sau"))),
    b(S::HeaderField, &[Code(KeyCode::BackTab), Code(KeyCode::Up)], "Shift-Tab / Up", A::PrevField, "save the field, edit the previous one", "lưu ô, sửa ô trước", None),
    b(S::HeaderField, ESC, "Esc", A::Back, "save the field and stop editing", "lưu ô và thôi sửa", Some(("Esc done", "Esc xong"))),
    b(S::HeaderField, CTRL_C, "Ctrl-C", A::Quit, "save the field and quit", "lưu ô và thoát", Some(("Ctrl-C quit", "Ctrl-C thoát"))),
    // Quitting with unsaved work: where to write a copy.
    b(S::Rescue, ENTER, "Enter", A::Confirm, "write the copy and quit", "ghi bản sao và thoát", Some(("Enter write the copy and quit", "Enter ghi bản sao và thoát"))),
    b(S::Rescue, ESC, "Esc", A::Back, "go back", "quay lại", Some(("Esc back", "Esc quay lại"))),
    b(S::Rescue, CTRL_C, "Ctrl-C", A::Quit, "quit (a copy goes to the temp dir)", "thoát (bản sao vào thư mục tạm)", Some(("Ctrl-C quit (copy to the temp dir)", "Ctrl-C thoát (bản sao vào thư mục tạm)"))),
    // History of a question.
    b(S::History, &[Code(KeyCode::Esc), C('H'), C('q')], "Esc / H", A::Back, "close the history", "đóng lịch sử", Some(("Esc close", "Esc đóng"))),
    b(S::History, DOWN, "j / Down", A::Next, "scroll down", "cuộn xuống", Some(("j/k scroll", "j/k cuộn"))),
    b(S::History, UP, "k / Up", A::Prev, "scroll up", "cuộn lên", None),
    b(S::History, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Disagreements between members.
    b(S::Conflicts, DOWN, "j / Down", A::Next, "next disagreement", "chỗ khác nhau sau", Some(("j/k pick", "j/k chọn"))),
    b(S::Conflicts, UP, "k / Up", A::Prev, "previous disagreement", "chỗ khác nhau trước", None),
    b(S::Conflicts, &[C('m')], "m", A::KeepMine, "keep my value", "giữ giá trị của tôi", Some(("m mine", "m của tôi"))),
    b(S::Conflicts, &[C('t')], "t", A::KeepTheirs, "keep the other member's value", "giữ giá trị của người kia", Some(("t theirs", "t người kia"))),
    b(S::Conflicts, ENTER, "Enter", A::Confirm, "go to the question and answer it anew", "đến câu đó và trả lời lại", Some(("Enter answer anew", "Enter trả lời lại"))),
    b(S::Conflicts, &[Code(KeyCode::Esc), C('C'), C('q')], "Esc / C", A::Back, "close", "đóng", Some(("Esc close", "Esc đóng"))),
    b(S::Conflicts, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Start screen.
    b(S::Start, DOWN, "j / Down", A::Next, "next item", "mục sau", None),
    b(S::Start, UP, "k / Up", A::Prev, "previous item", "mục trước", None),
    b(S::Start, ENTER, "Enter", A::Open, "continue the inspection / start from the checklist", "tiếp tục cuộc kiểm tra / bắt đầu từ bộ câu hỏi", Some(("Enter open", "Enter mở"))),
    b(S::Start, &[C('n')], "n", A::FollowUp, "a finished inspection: start its follow-up visit", "cuộc kiểm tra đã kết thúc: bắt đầu kiểm tra lại việc thực hiện kết luận", Some(("n follow-up", "n kiểm tra lại"))),
    b(S::Start, &[C('f')], "f", A::ToggleFinished, "show / hide finished inspections", "hiện / ẩn các cuộc kiểm tra đã kết thúc", Some(("f finished", "f đã kết thúc"))),
    b(S::Start, &[C('p')], "p", A::DocProfile, "the document profile: issuing body, place, signers, recipients of the documents", "hồ sơ văn bản: cơ quan ban hành, địa danh, người ký, nơi nhận của các văn bản", Some(("p profile", "p hồ sơ văn bản"))),
    b(S::Start, &[C('?')], "?", A::Help, "help", "trợ giúp", Some(("? help", "? trợ giúp"))),
    b(S::Start, &[C('q'), Ctrl('c'), Code(KeyCode::Esc)], "q / Esc", A::Quit, "quit", "thoát", Some(("q quit", "q thoát"))),
    // A record held by another onsite: open it read-only?
    b(S::Offer, ENTER, "Enter", A::Open, "open it read-only", "mở chỉ xem", Some(("Enter read-only", "Enter mở chỉ xem"))),
    b(S::Offer, &[Code(KeyCode::Esc), C('q')], "Esc / q", A::Back, "go back", "quay lại", Some(("Esc back", "Esc quay lại"))),
    b(S::Offer, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // The document profile, moving between facts (each saved to the profile file).
    b(S::Profile, &[C('j'), Code(KeyCode::Down), Code(KeyCode::Tab)], "j / Down / Tab", A::Next, "next fact", "mục sau", Some(("j/k move", "j/k chọn mục"))),
    b(S::Profile, &[C('k'), Code(KeyCode::Up), Code(KeyCode::BackTab)], "k / Up / Shift-Tab", A::Prev, "previous fact", "mục trước", None),
    b(S::Profile, ENTER, "Enter", A::Edit, "edit the fact (then Enter saves it and edits the next one; an empty value removes it)", "sửa mục (sau đó Enter lưu và sửa mục sau; để trống là xoá)", Some(("Enter edit", "Enter sửa"))),
    b(S::Profile, ESC, "Esc", A::Back, "back to the start screen", "về màn hình đầu", Some(("Esc back", "Esc quay lại"))),
    b(S::Profile, &[C('?')], "?", A::Help, "help", "trợ giúp", Some(("? help", "? trợ giúp"))),
    b(S::Profile, QUIT, "q / Ctrl-C", A::Quit, "quit", "thoát", Some(("q quit", "q thoát"))),
    // A fact of the document profile being edited.
    b(S::ProfileField, &[Code(KeyCode::Enter), Code(KeyCode::Tab), Code(KeyCode::Down)], "Enter / Tab / Down", A::NextRequired, "save the fact, edit the next one", "lưu mục, sửa mục sau", Some(("Enter next", "Enter mục sau"))),
    b(S::ProfileField, &[Code(KeyCode::BackTab), Code(KeyCode::Up)], "Shift-Tab / Up", A::PrevField, "save the fact, edit the previous one", "lưu mục, sửa mục trước", None),
    b(S::ProfileField, ESC, "Esc", A::Back, "save the fact and stop editing", "lưu mục và thôi sửa", Some(("Esc done", "Esc xong"))),
    b(S::ProfileField, CTRL_C, "Ctrl-C", A::Quit, "save the fact and quit", "lưu mục và thoát", Some(("Ctrl-C quit", "Ctrl-C thoát"))),
];

fn matches(spec: KeySpec, key: &KeyEvent) -> Option<Option<usize>> {
    let ctrl_alt = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (spec, key.code) {
        (KeySpec::Char(c), KeyCode::Char(k)) if k == c && !ctrl_alt => Some(None),
        (KeySpec::Ctrl(c), KeyCode::Char(k))
            if k.eq_ignore_ascii_case(&c) && key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(None)
        }
        (KeySpec::Code(c), k) if k == c && !ctrl_alt => Some(None),
        (KeySpec::Digits, KeyCode::Char(k)) if !ctrl_alt && k.is_ascii_digit() => {
            Some(k.to_digit(10).map(|d| d as usize))
        }
        _ => None,
    }
}

/// The action of a key on a screen, if the table has one.
pub fn lookup(screen: Screen, key: &KeyEvent) -> Option<Action> {
    for binding in bindings(screen) {
        for spec in binding.keys {
            if let Some(digit) = matches(*spec, key) {
                return Some(match (binding.action, digit) {
                    (Action::Pick(_), Some(n)) => Action::Pick(n),
                    (a, _) => a,
                });
            }
        }
    }
    None
}

/// The rows of the help overlay of a screen under an access (rows without a label are
/// folded into the row before them; keys that do not work are left out).
pub fn help_rows(screen: Screen, access: Access) -> impl Iterator<Item = &'static Binding> {
    bindings(screen).filter(move |b| !b.label.is_empty() && access.offers(b.action))
}

/// The rows of the table for a screen, in order.
pub fn bindings(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    TABLE.iter().filter(move |b| b.screen == screen)
}

/// The status-bar hints of a screen under an access, in table order.
pub fn hint_parts(screen: Screen, lang: Lang, access: Access) -> Vec<&'static str> {
    bindings(screen)
        .filter(|b| access.offers(b.action))
        .filter_map(|b| b.hint(lang))
        .collect()
}

/// The status-bar hints of a screen under an access, joined.
pub fn hints(screen: Screen, lang: Lang, access: Access) -> String {
    hint_parts(screen, lang, access).join("  ")
}

/// How a key is written in messages (`z`, `F5`, `Ctrl-X`); `None` for keys not worth a
/// message (modifiers alone, media keys, releases).
pub fn key_name(key: &KeyEvent) -> Option<String> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let name = match key.code {
        KeyCode::Char(c) if ctrl => format!("Ctrl-{}", c.to_ascii_uppercase()),
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Esc => "Esc".into(),
        _ => return None,
    };
    Some(crate::sanitize::line(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn spec_keys_dispatch_on_the_inspection_screen() {
        let s = Screen::Inspection;
        assert_eq!(lookup(s, &key(KeyCode::Char('j'))), Some(Action::Next));
        assert_eq!(lookup(s, &key(KeyCode::Down)), Some(Action::Next));
        assert_eq!(lookup(s, &key(KeyCode::Up)), Some(Action::Prev));
        assert_eq!(
            lookup(s, &key(KeyCode::PageDown)),
            Some(Action::NextSection)
        );
        assert_eq!(
            lookup(s, &key(KeyCode::Char('['))),
            Some(Action::PrevSection)
        );
        assert_eq!(lookup(s, &key(KeyCode::Tab)), Some(Action::NextRequired));
        assert_eq!(lookup(s, &key(KeyCode::Char('7'))), Some(Action::Pick(7)));
        assert_eq!(lookup(s, &key(KeyCode::Char('0'))), Some(Action::Pick(0)));
        assert_eq!(
            lookup(s, &key(KeyCode::Char('N'))),
            Some(Action::GeneralNotes)
        );
        assert_eq!(lookup(s, &key(KeyCode::Char('n'))), Some(Action::Note));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(s, &ctrl_c), Some(Action::Quit));
        let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(lookup(s, &alt_j), None);
    }

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        let samples: Vec<KeyEvent> = "abcdefghijklmnopqrstuvwxyzN?/[]123456789 "
            .chars()
            .map(|c| key(KeyCode::Char(c)))
            .chain(
                [
                    KeyCode::Enter,
                    KeyCode::Esc,
                    KeyCode::Tab,
                    KeyCode::BackTab,
                    KeyCode::Up,
                    KeyCode::Down,
                    KeyCode::PageUp,
                    KeyCode::PageDown,
                ]
                .map(key),
            )
            .collect();
        for b in TABLE {
            for k in &samples {
                let n = bindings(b.screen)
                    .filter(|x| x.keys.iter().any(|s| matches(*s, k).is_some()))
                    .count();
                assert!(n <= 1, "{:?} bound {n} times on {:?}", k.code, b.screen);
            }
        }
    }

    #[test]
    fn every_row_is_described_in_both_languages() {
        for b in TABLE {
            assert!(!b.en.is_empty() && !b.vi.is_empty());
            if b.label.is_empty() {
                let row = TABLE.iter().position(|x| std::ptr::eq(x, b)).unwrap_or(0);
                assert!(row > 0 && TABLE[row - 1].screen == b.screen, "{}", b.en);
            }
        }
        assert!(hints(Screen::Inspection, Lang::Vi, Access::Edit).contains("? trợ giúp"));
        assert!(hints(Screen::Inspection, Lang::En, Access::Edit).contains("q quit"));
    }

    #[test]
    fn help_and_undo_on_every_main_screen_and_hints_on_every_overlay() {
        for s in [Screen::Inspection, Screen::Summary, Screen::Header] {
            assert_eq!(
                lookup(s, &key(KeyCode::Char('?'))),
                Some(Action::Help),
                "{s:?}"
            );
            assert_eq!(
                lookup(s, &key(KeyCode::Char('u'))),
                Some(Action::Undo),
                "{s:?}"
            );
        }
        for s in [
            Screen::Options,
            Screen::Line,
            Screen::Note,
            Screen::Recommendation,
            Screen::RecField,
            Screen::Search,
            Screen::Help,
            Screen::HeaderField,
            Screen::Rescue,
            Screen::Offer,
            Screen::Profile,
            Screen::ProfileField,
            Screen::History,
            Screen::Conflicts,
        ] {
            assert!(!hints(s, Lang::Vi, Access::Edit).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn read_only_and_finished_views_offer_no_editing_key() {
        for access in [Access::ReadOnly, Access::Finished] {
            for s in [Screen::Inspection, Screen::Summary, Screen::Header] {
                assert!(help_rows(s, access).all(|b| !b.action.edits()));
                let h = hints(s, Lang::En, access);
                assert!(
                    !h.contains("edit") && !h.contains("note") && !h.contains("finish"),
                    "{h}"
                );
            }
        }
        assert!(hints(Screen::Summary, Lang::En, Access::Finished).contains("R reopen"));
        assert!(!hints(Screen::Summary, Lang::En, Access::ReadOnly).contains("R reopen"));
        assert!(!hints(Screen::Summary, Lang::En, Access::Edit).contains("R reopen"));
    }
}
