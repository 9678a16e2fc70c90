//! Sentences about keeping what was typed safe: saving, the rescue copy, locks, files
//! onsite will not touch, and the terminal it needs. English and Vietnamese.

use std::path::Path;

use super::Lang;
use crate::sanitize;

fn p(path: &Path) -> String {
    sanitize::line(&path.display().to_string())
}

/// A file is in the way of a copy that must never replace anything.
pub fn exists(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::En => format!("{} already exists; choose another name", p(path)),
        Lang::Vi => format!("{} đã có; hãy chọn tên khác", p(path)),
    }
}

/// The save failed and a rescue copy was written instead.
pub fn rescued(lang: Lang, error: &str, copy: &Path) -> String {
    let error = sanitize::line(error);
    match lang {
        Lang::En => format!("{error}; the answers were written to {} instead", p(copy)),
        Lang::Vi => format!(
            "{error}; các câu trả lời đã được ghi vào {} thay thế",
            p(copy)
        ),
    }
}

/// On resume, an editor was opened again with text typed but not confirmed last time.
pub fn draft_restored(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Text you had typed but not confirmed is back: Enter keeps it, Esc drops it",
        Lang::Vi => "Nội dung đã gõ nhưng chưa xác nhận được đưa lại: Enter để giữ, Esc để bỏ",
    }
}

/// The status line while a save is under way or typed text is not on disk yet.
pub fn saving(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "saving…",
        Lang::Vi => "đang lưu…",
    }
}

/// The record's lock file was removed and another process holds the record now.
pub fn lock_taken(lang: Lang, record: &Path, holder: &str) -> String {
    let holder = sanitize::line(holder);
    match lang {
        Lang::En => format!(
            "the lock of {} was removed and the record is now open by {holder}; not saving over it (your answers are kept here)",
            p(record)
        ),
        Lang::Vi => format!(
            "khoá của {} đã bị xoá và hồ sơ đang được mở bởi {holder}; không ghi đè (câu trả lời của bạn vẫn được giữ ở đây)",
            p(record)
        ),
    }
}

/// The record file changed on disk since onsite last saved or read it.
pub fn changed_on_disk(lang: Lang, record: &Path) -> String {
    match lang {
        Lang::En => format!(
            "{} was changed by another program since onsite last saved it; not overwriting it (your answers are kept here)",
            p(record)
        ),
        Lang::Vi => format!(
            "{} đã bị chương trình khác thay đổi từ lần lưu trước; không ghi đè (câu trả lời của bạn vẫn được giữ ở đây)",
            p(record)
        ),
    }
}

/// After quitting with the last save failed: what the record file holds, where the
/// latest answers are, how to bring them back in place, and how to resume.
pub fn not_saved(
    lang: Lang,
    record: &Path,
    held_from: Option<&str>,
    copy: Result<std::path::PathBuf, String>,
    resume: &str,
) -> String {
    let rec = p(record);
    let mut out = match (lang, held_from) {
        (Lang::En, Some(t)) => format!(
            "NOT SAVED: the last save failed; {rec} still holds the answers as saved at {t}, not the latest ones."
        ),
        (Lang::En, None) => format!(
            "NOT SAVED: the last save failed; {rec} cannot be read now and does not hold the latest answers."
        ),
        (Lang::Vi, Some(t)) => format!(
            "CHƯA LƯU: lần lưu cuối thất bại; {rec} vẫn chứa các câu trả lời đã lưu lúc {t}, không phải bản mới nhất."
        ),
        (Lang::Vi, None) => format!(
            "CHƯA LƯU: lần lưu cuối thất bại; hiện không đọc được {rec} và tệp này không chứa các câu trả lời mới nhất."
        ),
    };
    out.push('\n');
    match copy {
        Ok(copy) => {
            let hint = crate::record::rescue::restore_hint(&copy, record);
            out.push_str(&match lang {
                Lang::En => format!(
                    "The latest answers were written to {}.\nTo bring them back in place (once the disk can be written), replace the record with it: {hint}\nThen resume with: {resume}",
                    p(&copy)
                ),
                Lang::Vi => format!(
                    "Các câu trả lời mới nhất đã được ghi vào {}.\nĐể đưa về đúng chỗ (khi ổ đĩa ghi được), thay hồ sơ bằng bản này: {hint}\nRồi tiếp tục bằng lệnh: {resume}",
                    p(&copy)
                ),
            });
        }
        Err(e) => out.push_str(&match lang {
            Lang::En => format!(
                "Writing a copy elsewhere failed too ({}); the latest answers could not be kept.",
                sanitize::line(&e)
            ),
            Lang::Vi => format!(
                "Ghi bản sao sang nơi khác cũng thất bại ({}); không giữ được các câu trả lời mới nhất.",
                sanitize::line(&e)
            ),
        }),
    }
    out
}

/// The TUI will not draw here (see `tty::check_terminal`).
pub fn no_terminal(lang: Lang, why: crate::tty::NoTerminal) -> String {
    use crate::tty::NoTerminal;
    match (lang, why) {
        (Lang::En, NoTerminal::Input) => "onsite needs a terminal to read keys from, and standard input is not one; run it in a terminal (reports and lists work without one)".into(),
        (Lang::En, NoTerminal::Output) => "onsite draws its screens on a terminal, and standard output is not one (it is redirected); run it without redirecting the output".into(),
        (Lang::En, NoTerminal::Dumb) => "onsite needs a terminal that can move the cursor, and TERM=dumb says this one cannot; set TERM (e.g. TERM=xterm-256color)".into(),
        (Lang::Vi, NoTerminal::Input) => "onsite cần một terminal để đọc phím, nhưng đầu vào chuẩn không phải terminal; hãy chạy trong terminal (báo cáo và danh sách chạy được không cần terminal)".into(),
        (Lang::Vi, NoTerminal::Output) => "onsite vẽ màn hình trên terminal, nhưng đầu ra chuẩn không phải terminal (đang bị chuyển hướng); hãy chạy mà không chuyển hướng đầu ra".into(),
        (Lang::Vi, NoTerminal::Dumb) => "onsite cần terminal di chuyển được con trỏ, nhưng TERM=dumb cho biết terminal này không làm được; hãy đặt TERM (ví dụ TERM=xterm-256color)".into(),
    }
}

/// Text was pasted where no editor is open.
pub fn paste_ignored(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "Pasted text was not used: open an editor first (Enter for the answer, n for a note)"
        }
        Lang::Vi => {
            "Nội dung dán không được dùng: hãy mở ô nhập trước (Enter để trả lời, n để ghi chú)"
        }
    }
}

/// A paste would make a note longer than a note may be.
pub fn paste_too_long(lang: Lang, limit: usize) -> String {
    match lang {
        Lang::En => format!("Not pasted: a note may be at most {} KiB", limit >> 10),
        Lang::Vi => format!("Không dán: một ghi chú dài tối đa {} KiB", limit >> 10),
    }
}

/// An output file onsite will not replace (see `safe_fs::output_target`).
pub fn output_refused(lang: Lang, path: &Path, why: crate::safe_fs::Refusal) -> String {
    use crate::safe_fs::Refusal;
    let f = p(path);
    match (lang, why) {
        (Lang::En, Refusal::Link) => format!(
            "will not write {f}: it is a symbolic link (onsite never writes through one); give the real path, or `-o -` for standard output"
        ),
        (Lang::En, Refusal::Special(kind)) => format!(
            "will not write {f}: it is {kind}, not a regular file; give a file name, or `-o -` for standard output"
        ),
        (Lang::En, Refusal::OtherOwner) => {
            format!("will not write {f}: it belongs to another user; choose another name")
        }
        (Lang::En, Refusal::HardLinks(n)) => format!(
            "will not write {f}: it has {n} hard links and replacing it would split them; choose another name"
        ),
        (Lang::Vi, Refusal::Link) => format!(
            "không ghi {f}: đây là liên kết tượng trưng (onsite không bao giờ ghi qua liên kết); hãy cho đường dẫn thật, hoặc `-o -` để ghi ra đầu ra chuẩn"
        ),
        (Lang::Vi, Refusal::Special(kind)) => format!(
            "không ghi {f}: đây là {}, không phải tệp thường; hãy cho tên tệp, hoặc `-o -` để ghi ra đầu ra chuẩn",
            kind_vi(kind)
        ),
        (Lang::Vi, Refusal::OtherOwner) => {
            format!("không ghi {f}: tệp thuộc về người dùng khác; hãy chọn tên khác")
        }
        (Lang::Vi, Refusal::HardLinks(n)) => format!(
            "không ghi {f}: tệp có {n} liên kết cứng, ghi thay sẽ tách chúng ra; hãy chọn tên khác"
        ),
    }
}

/// The kind of a special file (`safe_fs::kind_of`) in Vietnamese.
pub fn kind_vi(kind: &str) -> &'static str {
    match kind {
        "a FIFO" => "một FIFO (ống có tên)",
        "a socket" => "một socket",
        "a device" => "một thiết bị",
        "a directory" => "một thư mục",
        "a symbolic link" => "một liên kết tượng trưng",
        _ => "một tệp đặc biệt",
    }
}

/// `aggregate` met a second file holding a record it already counted.
pub fn same_id(lang: Lang, path: &Path, id: &str, first: &Path) -> String {
    let id = sanitize::line(id);
    match lang {
        Lang::En => format!(
            "{} holds record {id}, already counted from {}; counted once",
            p(path),
            p(first)
        ),
        Lang::Vi => format!(
            "{} chứa hồ sơ {id}, đã được tính từ {}; chỉ tính một lần",
            p(path),
            p(first)
        ),
    }
}
