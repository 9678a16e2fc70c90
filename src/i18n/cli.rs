//! Sentences of the command line (errors and warnings on stderr) in English and Vietnamese:
//! `--set` values, and the errors of records, stores, locks and checklists as the commands
//! report them. Each error type keeps an English `Display` for logs and tests; what the
//! user reads comes from here, in the UI language.

use std::io;
use std::path::Path;

use super::Lang;
use crate::checklist::ResolveError;
use crate::record::{LoadError, LockError, StoreError};
use crate::sanitize;

/// `--set` not written `FIELD=VALUE`.
pub fn set_syntax(lang: Lang, arg: &str) -> String {
    let arg = sanitize::line(arg);
    match lang {
        Lang::En => {
            format!("--set takes FIELD=VALUE (e.g. --set organisation=\"Sở Nội vụ\"), not `{arg}`")
        }
        Lang::Vi => format!(
            "--set cần dạng TRƯỜNG=GIÁ_TRỊ (ví dụ --set organisation=\"Sở Nội vụ\"), không phải `{arg}`"
        ),
    }
}

/// `--set` names a header field the checklist does not have.
pub fn unknown_field(lang: Lang, field: &str, checklist: &str, known: &[&str]) -> String {
    let field = sanitize::line(field);
    let checklist = sanitize::line(checklist);
    match (lang, known.is_empty()) {
        (Lang::En, true) => {
            format!("unknown header field `{field}`: checklist `{checklist}` has no header fields")
        }
        (Lang::En, false) => format!(
            "unknown header field `{field}`; checklist `{checklist}` knows: {}",
            known.join(", ")
        ),
        (Lang::Vi, true) => format!(
            "không có trường `{field}`: bộ câu hỏi `{checklist}` không có trường thông tin nào"
        ),
        (Lang::Vi, false) => format!(
            "không có trường `{field}`; bộ câu hỏi `{checklist}` có các trường: {}",
            known.join(", ")
        ),
    }
}

/// A `--set` value refused for its field's type (`reason` from `i18n::value`).
pub fn bad_field_value(lang: Lang, field: &str, reason: &str) -> String {
    let field = sanitize::line(field);
    match lang {
        Lang::En => format!("header field `{field}`: {reason}"),
        Lang::Vi => format!("trường `{field}`: {reason}"),
    }
}

/// A `--set FIELD=VALUE` refused.
pub fn set_error(lang: Lang, e: &crate::record::create::SetError) -> String {
    use crate::record::create::SetError as E;
    match e {
        E::Syntax(arg) => set_syntax(lang, arg),
        E::UnknownField {
            field,
            checklist,
            known,
        } => {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            unknown_field(lang, field, checklist, &known)
        }
        E::BadValue { field, error } => {
            bad_field_value(lang, field, &super::value::value_error(lang, error))
        }
    }
}

/// An OS error in words of the UI language (the kinds a user meets; others as the OS says).
pub fn io_reason(lang: Lang, e: &io::Error) -> String {
    use io::ErrorKind as K;
    let vi = match e.kind() {
        K::NotFound => Some("không tìm thấy"),
        K::PermissionDenied => Some("không có quyền truy cập"),
        K::AlreadyExists => Some("đã tồn tại"),
        K::StorageFull => Some("hết chỗ trên đĩa"),
        K::ReadOnlyFilesystem => Some("hệ thống tệp chỉ cho đọc"),
        K::IsADirectory => Some("là một thư mục"),
        K::NotADirectory => Some("không phải thư mục"),
        K::InvalidData => Some("dữ liệu không hợp lệ"),
        _ => None,
    };
    match (lang, vi) {
        (Lang::Vi, Some(v)) => v.to_string(),
        _ => e.to_string(),
    }
}

fn shown(path: &Path) -> String {
    sanitize::line(&path.display().to_string())
}

/// A record file that could not be read, in the UI language.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        LoadError::Io { path, source } => {
            format!(
                "không đọc được {}: {}",
                shown(path),
                io_reason(lang, source)
            )
        }
        LoadError::Json {
            path,
            line,
            column,
            message,
            json_path,
        } => {
            let at = Some(json_path.as_str())
                .filter(|p| !p.is_empty() && *p != ".")
                .map(|p| format!(" (tại {p})"))
                .unwrap_or_default();
            format!(
                "{}:{line}:{column}: không phải hồ sơ onsite hợp lệ: {}{at}",
                shown(path),
                json_reason_vi(&sanitize::line(message))
            )
        }
        LoadError::Newer { path, format } => format!(
            "{} được ghi bởi phiên bản onsite mới hơn (định dạng {}, phiên bản này đọc {}); hãy nâng cấp onsite để mở — tệp được giữ nguyên",
            shown(path),
            sanitize::line(format),
            crate::record::RECORD_FORMAT
        ),
        LoadError::UnknownFormat { path, format } => format!(
            "{} không phải hồ sơ onsite (định dạng {}, cần {})",
            shown(path),
            format
                .as_deref()
                .map(|f| format!("`{}`", sanitize::line(f)))
                .unwrap_or_else(|| "không có".into()),
            crate::record::RECORD_FORMAT
        ),
        LoadError::BadId { path, id } => format!(
            "{} có mã hồ sơ không hợp lệ `{}` (chỉ chữ, số, `-`, `_` và `.`)",
            shown(path),
            sanitize::line(id)
        ),
        LoadError::TooLarge { path, size } => format!(
            "{} quá lớn ({size:.1} MiB); một hồ sơ dài tối đa {} MiB",
            shown(path),
            crate::record::io::MAX_RECORD_SIZE >> 20
        ),
        LoadError::TextTooLarge { path, at, size } => format!(
            "{} có một đoạn văn bản tại {} dài {size:.1} MiB; một ghi chú hay câu trả lời dạng văn bản dài tối đa {} KiB",
            shown(path),
            sanitize::line(at),
            crate::record::io::MAX_TEXT_SIZE >> 10
        ),
        LoadError::NotRegular { path, reason } => format!(
            "không đọc được {}: {}; hồ sơ phải là một tệp thường (không phải liên kết)",
            shown(path),
            not_regular_vi(reason)
        ),
    }
}

/// Why a path is not a regular file (`safe_fs::OpenError`), in Vietnamese.
fn not_regular_vi(reason: &str) -> String {
    if reason == "it is a symbolic link" {
        return "đây là liên kết tượng trưng".into();
    }
    for kind in [
        "a FIFO",
        "a socket",
        "a device",
        "a directory",
        "a special file",
    ] {
        if reason.contains(kind) {
            return format!(
                "đây là {}, không phải tệp thường",
                super::safety::kind_vi(kind)
            );
        }
    }
    reason.to_string()
}

/// The usual reasons serde_json gives, in Vietnamese; others as they are.
fn json_reason_vi(m: &str) -> String {
    if m.starts_with("EOF while parsing") {
        return "tệp kết thúc giữa chừng (bị cắt cụt)".into();
    }
    if m.starts_with("trailing characters") {
        return "còn ký tự thừa sau phần JSON".into();
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("thiếu trường {rest}");
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        return format!("trường không biết {rest}");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        return format!("sai kiểu dữ liệu: {rest}");
    }
    if m.starts_with("expected ") || m.starts_with("key must be a string") {
        return format!("lỗi cú pháp JSON ({m})");
    }
    m.to_string()
}

/// A store failure (finding, saving, listing records), in the UI language.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        StoreError::Io {
            action,
            path,
            source,
        } => format!(
            "không thể {} {}: {}",
            store_action_vi(action),
            shown(path),
            io_reason(lang, source)
        ),
        StoreError::Symlink { path } => format!(
            "{} là liên kết tượng trưng; onsite không ghi đè lên nó (hãy chuyển tệp thật vào đó)",
            shown(path)
        ),
        StoreError::Format { path, format } => format!(
            "không lưu {}: định dạng của nó là `{}`, onsite này ghi {}",
            shown(path),
            sanitize::line(format),
            crate::record::RECORD_FORMAT
        ),
        StoreError::BadId(id) => {
            format!(
                "mã hồ sơ `{}` không dùng được làm tên tệp",
                sanitize::line(id)
            )
        }
        StoreError::NotFound { spec, dir } => format!(
            "không có hồ sơ `{}` trong {}; lệnh `onsite list` liệt kê các hồ sơ",
            sanitize::line(spec),
            shown(dir)
        ),
        StoreError::Ambiguous { spec, candidates } => format!(
            "`{}` khớp với nhiều hồ sơ: {}; hãy nhập thêm ký tự của mã",
            sanitize::line(spec),
            candidates.join(", ")
        ),
        StoreError::Load(l) => load_error(lang, l),
        StoreError::Lock(l) => lock_error(lang, l),
    }
}

/// The verb of a store action (`read`, `write`, …) in Vietnamese.
fn store_action_vi(action: &str) -> String {
    match action {
        "create the records dir" => "tạo thư mục hồ sơ".into(),
        "lock" => "khóa".into(),
        "read" => "đọc".into(),
        "write" => "ghi".into(),
        other => other.to_string(),
    }
}

/// A lock that could not be taken, in the UI language.
pub fn lock_error(lang: Lang, e: &LockError) -> String {
    match (lang, e) {
        (Lang::En, e) => e.to_string(),
        (Lang::Vi, LockError::Held(h)) => format!(
            "hồ sơ đang được mở bởi {}; có thể mở chỉ để xem bằng --read-only",
            holder(lang, h)
        ),
        (Lang::Vi, LockError::Io { path, source }) => format!(
            "không khóa được {}: {}",
            shown(path),
            io_reason(lang, source)
        ),
        (Lang::Vi, LockError::Link { path }) => format!(
            "không khóa được {}: đây là liên kết tượng trưng hoặc không phải tệp thường; hãy xoá nó (onsite không bao giờ đi theo liên kết)",
            shown(path)
        ),
        (Lang::Vi, LockError::OpenDir { dir, mode }) => format!(
            "không sửa hồ sơ trong {}: người dùng khác ghi được vào thư mục này (quyền {mode:04o}); hãy chạy `chmod go-w {}`",
            shown(dir),
            shown(dir)
        ),
    }
}

/// Who holds a record open: `alice@laptop (pid 1234) since 09:31` (`từ 09:31`).
pub fn holder(lang: Lang, h: &crate::record::lock::Holder) -> String {
    let (user, host) = (sanitize::line(&h.user), sanitize::line(&h.host));
    match lang {
        Lang::En => format!("{user}@{host} (pid {}) since {}", h.pid, h.when()),
        Lang::Vi => format!("{user}@{host} (pid {}) từ {}", h.pid, h.when()),
    }
}

/// A checklist that could not be found or loaded, in the UI language. The located
/// problems of a checklist file (`file:line:column: path: …`) are for checklist authors
/// and stay as `onsite validate` writes them.
pub fn resolve_error(lang: Lang, e: &ResolveError) -> String {
    let text = match (lang, e) {
        (Lang::En, e) => e.to_string(),
        (Lang::Vi, ResolveError::Invalid { spec, problems }) => {
            let mut s = format!("bộ câu hỏi {spec} có {} lỗi:", problems.len());
            for p in problems {
                s.push('\n');
                s.push_str(&p.to_string());
            }
            s
        }
        (
            Lang::Vi,
            ResolveError::Unknown {
                spec,
                available,
                broken,
            },
        ) => {
            let mut s = format!("không có bộ câu hỏi nào có mã \"{spec}\"");
            if available.is_empty() {
                s.push_str("; chưa có bộ câu hỏi nào");
            } else {
                s.push_str(&format!("; hiện có: {}", available.join(", ")));
            }
            if *broken > 0 {
                s.push_str(&format!(
                    " ({broken} tệp bộ câu hỏi không nạp được; `onsite checklists` cho biết lý do)"
                ));
            }
            s.push_str("; hoặc nhập đường dẫn tới một tệp bộ câu hỏi");
            s
        }
    };
    sanitize::multiline(&text)
}

/// No unfinished inspection to resume.
pub fn nothing_to_resume(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no unfinished inspection to resume; start one with `onsite new CHECKLIST`",
        Lang::Vi => {
            "không có cuộc kiểm tra nào đang dở để tiếp tục; bắt đầu bằng `onsite new BỘ_CÂU_HỎI`"
        }
    }
}

/// Writing to stdout failed.
pub fn stdout_failed(lang: Lang, e: &io::Error) -> String {
    match lang {
        Lang::En => format!("cannot write to stdout: {e}"),
        Lang::Vi => format!("không ghi được ra đầu ra chuẩn: {}", io_reason(lang, e)),
    }
}

/// A report or export file that could not be written.
pub fn write_failed(lang: Lang, e: &crate::output::WriteError) -> String {
    if let Some(why) = e.refused {
        return super::safety::output_refused(lang, &e.path, why);
    }
    match lang {
        Lang::En => e.to_string(),
        Lang::Vi => format!(
            "không ghi được {}: {}",
            shown(&e.path),
            io_reason(lang, &e.source)
        ),
    }
}

/// The words of `onsite aggregate` on stderr.
#[derive(Debug, Clone, Copy)]
pub struct AggregateStrings {
    /// Prefix of a record or input that was left out.
    pub skipped: &'static str,
    /// The progress line.
    pub reading: &'static str,
    /// Nothing could be read.
    pub nothing: &'static str,
}

/// The words of `onsite aggregate` in a language.
pub fn aggregate(lang: Lang) -> &'static AggregateStrings {
    const EN: AggregateStrings = AggregateStrings {
        skipped: "skipped",
        reading: "reading records",
        nothing: "no record could be read; nothing to aggregate",
    };
    const VI: AggregateStrings = AggregateStrings {
        skipped: "bỏ qua",
        reading: "đang đọc hồ sơ",
        nothing: "không đọc được hồ sơ nào; không có gì để tổng hợp",
    };
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

/// A directory of records that could not be read.
pub fn dir_unreadable(lang: Lang, dir: &Path, e: &io::Error) -> String {
    match lang {
        Lang::En => format!("cannot read the directory {}: {e}", shown(dir)),
        Lang::Vi => format!(
            "không đọc được thư mục {}: {}",
            shown(dir),
            io_reason(lang, e)
        ),
    }
}

/// An input path that does not exist.
pub fn no_such_path(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::En => format!("{} does not exist", shown(path)),
        Lang::Vi => format!("{} không tồn tại", shown(path)),
    }
}

/// No home directory to put the data dir in.
pub fn no_home(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "cannot find a home directory for the data dir; pass --data-dir DIR or set ONSITE_DATA_DIR"
        }
        Lang::Vi => {
            "không tìm thấy thư mục nhà để đặt thư mục dữ liệu; hãy dùng --data-dir THƯ_MỤC hoặc đặt ONSITE_DATA_DIR"
        }
    }
}

/// `onsite validate`: a JSON Schema file given among checklists.
pub fn validate_schema_skipped(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "skipped (a JSON Schema, not a checklist)",
        Lang::Vi => "bỏ qua (tệp JSON Schema, không phải bộ câu hỏi)",
    }
}

/// `onsite validate`: the closing count of problems.
pub fn validate_total(lang: Lang, problems: usize, bad: usize, files: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match lang {
        Lang::En => format!(
            "{} in {bad} of {}",
            plural(problems, "problem"),
            plural(files, "file")
        ),
        Lang::Vi => format!("{problems} lỗi trong {bad} trên {files} tệp"),
    }
}

/// The terminal cannot be used (not a terminal, or it refused raw mode).
pub fn no_terminal(lang: Lang, e: &io::Error) -> String {
    match lang {
        Lang::En => format!("cannot use the terminal ({e}); onsite needs an interactive terminal"),
        Lang::Vi => format!(
            "không dùng được cửa sổ dòng lệnh ({}); onsite cần một terminal tương tác",
            io_reason(lang, e)
        ),
    }
}

/// A record file other users can read.
pub fn permission_warning(lang: Lang, w: &crate::record::io::PermissionWarning) -> String {
    match lang {
        Lang::En => w.to_string(),
        Lang::Vi => format!(
            "người dùng khác đọc được {} (quyền {:03o}); hãy chạy `chmod 600 {}`",
            shown(&w.path),
            w.mode,
            shown(&w.path)
        ),
    }
}

/// A warning of `onsite list` (and the start screen).
pub fn list_warning(lang: Lang, w: &crate::record::store::ListWarning) -> String {
    use crate::record::store::ListWarning as W;
    match (lang, w) {
        (_, W::Readable(p)) => permission_warning(lang, p),
        (Lang::En, W::Skipped(e)) => format!("skipped {e}"),
        (Lang::Vi, W::Skipped(e)) => format!("bỏ qua {}", load_error(lang, e)),
        (_, W::Store(e)) => store_error(lang, e),
    }
}
