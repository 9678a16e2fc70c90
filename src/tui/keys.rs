//! The one key table of the TUI: which keys do what on which screen, described in both
//! languages. Dispatch (`lookup`), the status-bar hints and the `?` help overlay all read it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The start screen.
    Start,
    /// The title-page form.
    Header,
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
    /// Export the report.
    Export,
    /// Help.
    Help,
    /// Back / close / cancel.
    Back,
    /// Quit.
    Quit,
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
    b(S::Inspection, &[C('u')], "u", A::Undo, "undo the last change to answers or notes", "hoàn tác thay đổi gần nhất", None),
    b(S::Inspection, &[C('n')], "n", A::Note, "edit the note of this question (Esc closes and keeps it)", "ghi chú cho câu này (Esc đóng và giữ nội dung)", Some(("n note", "n ghi chú"))),
    b(S::Inspection, &[C('N')], "N", A::GeneralNotes, "the inspection's general notes (minutes)", "ghi chú chung của cuộc kiểm tra (biên bản)", None),
    b(S::Inspection, &[C('d')], "d", A::Awaiting, "mark / unmark as awaiting evidence", "đánh dấu / bỏ đánh dấu chờ tài liệu", None),
    b(S::Inspection, &[C('r')], "r", A::Recommend, "add a recommendation of your own to this question", "thêm kiến nghị của đoàn cho câu này", None),
    b(S::Inspection, &[C('/')], "/", A::Search, "search questions as you type (ignores case and diacritics)", "tìm câu hỏi khi gõ (không phân biệt hoa thường, dấu)", Some(("/ search", "/ tìm"))),
    b(S::Inspection, &[C('J')], "J / K", A::ScrollDown, "scroll a long question text down / up", "cuộn nội dung câu hỏi dài xuống / lên", None),
    b(S::Inspection, &[C('K')], "", A::ScrollUp, "scroll the question text up", "cuộn nội dung câu hỏi lên", None),
    b(S::Inspection, &[C('h')], "h", A::TitlePage, "the title page (header fields)", "trang thông tin (các ô đầu)", None),
    b(S::Inspection, &[C('s')], "s", A::Summary, "summary screen", "màn hình tổng hợp", Some(("s summary", "s tổng hợp"))),
    b(S::Inspection, &[C('?')], "?", A::Help, "this help", "trợ giúp này", Some(("? help", "? trợ giúp"))),
    b(S::Inspection, QUIT, "q / Ctrl-C", A::Quit, "quit (everything is already saved)", "thoát (mọi thứ đã được lưu)", Some(("q quit", "q thoát"))),
    // Option list (Enter on a choice/multi question).
    b(S::Options, DOWN, "j / Down", A::Next, "next option", "phương án sau", None),
    b(S::Options, UP, "k / Up", A::Prev, "previous option", "phương án trước", None),
    b(S::Options, &[KeySpec::Digits], "1…9", A::Pick(0), "choice: pick option n; multi: toggle option n", "chọn / bật tắt phương án n", None),
    b(S::Options, &[C(' ')], "Space", A::Toggle, "choice: pick; multi: toggle the highlighted option", "chọn / bật tắt phương án đang trỏ", None),
    b(S::Options, ENTER, "Enter", A::Confirm, "confirm, save and go to the next question", "xác nhận, lưu và sang câu sau", None),
    b(S::Options, ESC, "Esc", A::Back, "cancel", "huỷ", None),
    b(S::Options, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // One-line answer editor.
    b(S::Line, ENTER, "Enter", A::Confirm, "confirm, save and go to the next question", "xác nhận, lưu và sang câu sau", None),
    b(S::Line, ESC, "Esc", A::Back, "cancel", "huỷ", None),
    b(S::Line, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Note editor.
    b(S::Note, ESC, "Esc", A::Back, "close the note and keep the text (Enter starts a new line)", "đóng ghi chú và giữ nội dung (Enter xuống dòng)", None),
    b(S::Note, CTRL_C, "Ctrl-C", A::Quit, "keep the text and quit", "giữ nội dung và thoát", None),
    // Recommendation editor.
    b(S::Recommendation, ENTER, "Enter", A::Confirm, "add the recommendation", "thêm kiến nghị", None),
    b(S::Recommendation, &[Code(KeyCode::Tab)], "Tab", A::CyclePriority, "change the priority", "đổi mức ưu tiên", None),
    b(S::Recommendation, ESC, "Esc", A::Back, "cancel", "huỷ", None),
    b(S::Recommendation, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // A field of a recommendation (summary screen).
    b(S::RecField, ENTER, "Enter", A::Confirm, "save", "lưu", None),
    b(S::RecField, ESC, "Esc", A::Back, "cancel", "huỷ", None),
    b(S::RecField, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Search overlay.
    b(S::Search, ARROW_DOWN, "Down", A::Next, "next match", "kết quả sau", None),
    b(S::Search, ARROW_UP, "Up", A::Prev, "previous match", "kết quả trước", None),
    b(S::Search, ENTER, "Enter", A::Confirm, "jump to the question", "đến câu hỏi", None),
    b(S::Search, ESC, "Esc", A::Back, "go back", "quay lại", None),
    b(S::Search, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Help overlay.
    b(S::Help, &[Code(KeyCode::Esc), C('?'), C('q'), Code(KeyCode::Enter)], "Esc / ? / q", A::Back, "close the help", "đóng trợ giúp", Some(("Esc close", "Esc đóng"))),
    b(S::Help, DOWN, "j / Down", A::Next, "scroll down", "cuộn xuống", Some(("j/k scroll", "j/k cuộn"))),
    b(S::Help, UP, "k / Up", A::Prev, "scroll up", "cuộn lên", None),
    b(S::Help, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", None),
    // Summary screen.
    b(S::Summary, &[Code(KeyCode::Esc), C('s')], "Esc", A::Back, "back to the questions", "quay lại câu hỏi", Some(("Esc back", "Esc quay lại"))),
    b(S::Summary, DOWN, "j / Down", A::Next, "next recommendation", "kiến nghị sau", None),
    b(S::Summary, UP, "k / Up", A::Prev, "previous recommendation", "kiến nghị trước", None),
    b(S::Summary, &[Code(KeyCode::PageDown), C(']')], "PgDn / ]", A::NextSection, "scroll the summary down", "cuộn bản tổng hợp xuống", Some(("]/[ scroll", "]/[ cuộn"))),
    b(S::Summary, &[Code(KeyCode::PageUp), C('[')], "PgUp / [", A::PrevSection, "scroll the summary up", "cuộn bản tổng hợp lên", None),
    b(S::Summary, ENTER, "Enter", A::Edit, "edit the wording of the recommendation", "sửa nội dung kiến nghị", Some(("Enter edit", "Enter sửa"))),
    b(S::Summary, &[C('p')], "p", A::CyclePriority, "change its priority", "đổi mức ưu tiên", None),
    b(S::Summary, &[C('o')], "o", A::Responsible, "set who is responsible", "đặt đơn vị chịu trách nhiệm", None),
    b(S::Summary, &[C('t')], "t", A::Due, "set the due date", "đặt thời hạn", None),
    b(S::Summary, &[C('x')], "x", A::Clear, "drop it (a dropped scripted one: restore it)", "bỏ kiến nghị (kiến nghị có sẵn đã bỏ: khôi phục)", None),
    b(S::Summary, &[C('a')], "a", A::Recommend, "add a recommendation of your own", "thêm kiến nghị của đoàn", None),
    b(S::Summary, &[C('f')], "f", A::Finish, "finish (warns about unanswered required questions first)", "kết thúc (cảnh báo nếu còn câu bắt buộc chưa trả lời)", Some(("f finish", "f kết thúc"))),
    b(S::Summary, &[C('e')], "e", A::Export, "export the report (Markdown and HTML beside the record)", "xuất báo cáo (Markdown và HTML cạnh tệp hồ sơ)", Some(("e export", "e xuất"))),
    b(S::Summary, &[C('?')], "?", A::Help, "help", "trợ giúp", Some(("? help", "? trợ giúp"))),
    b(S::Summary, QUIT, "q / Ctrl-C", A::Quit, "quit", "thoát", Some(("q quit", "q thoát"))),
    // Title-page form.
    b(S::Header, &[Code(KeyCode::Enter), Code(KeyCode::Tab), Code(KeyCode::Down)], "Enter / Tab / Down", A::NextRequired, "save the field, next field (after the last: the questions)", "lưu ô, sang ô sau (sau ô cuối: câu hỏi)", Some(("Enter next", "Enter ô sau"))),
    b(S::Header, &[Code(KeyCode::BackTab), Code(KeyCode::Up)], "Shift-Tab / Up", A::PrevField, "save the field, previous field", "lưu ô, về ô trước", None),
    b(S::Header, ESC, "Esc", A::Back, "save the field and go to the questions", "lưu ô và sang câu hỏi", Some(("Esc questions", "Esc câu hỏi"))),
    b(S::Header, CTRL_C, "Ctrl-C", A::Quit, "quit", "thoát", Some(("Ctrl-C quit", "Ctrl-C thoát"))),
    // Start screen.
    b(S::Start, DOWN, "j / Down", A::Next, "next item", "mục sau", None),
    b(S::Start, UP, "k / Up", A::Prev, "previous item", "mục trước", None),
    b(S::Start, ENTER, "Enter", A::Edit, "continue the inspection / start from the checklist", "tiếp tục cuộc kiểm tra / bắt đầu từ bộ câu hỏi", Some(("Enter open", "Enter mở"))),
    b(S::Start, &[C('?')], "?", A::Help, "help", "trợ giúp", Some(("? help", "? trợ giúp"))),
    b(S::Start, &[C('q'), Ctrl('c'), Code(KeyCode::Esc)], "q / Esc", A::Quit, "quit", "thoát", Some(("q quit", "q thoát"))),
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

/// The rows of the help overlay of a screen (rows without a label are folded into the row
/// before them).
pub fn help_rows(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    bindings(screen).filter(|b| !b.label.is_empty())
}

/// The rows of the table for a screen, in order.
pub fn bindings(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    TABLE.iter().filter(move |b| b.screen == screen)
}

/// The status-bar hints of a screen, joined.
pub fn hints(screen: Screen, lang: Lang) -> String {
    bindings(screen)
        .filter_map(|b| b.hint(lang))
        .collect::<Vec<_>>()
        .join("  ")
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
        assert!(hints(Screen::Inspection, Lang::Vi).contains("? trợ giúp"));
        assert!(hints(Screen::Inspection, Lang::En).contains("q quit"));
    }
}
