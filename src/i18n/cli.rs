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
    }
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
            h.describe()
        ),
        (Lang::Vi, LockError::Io { path, source }) => format!(
            "không khóa được {}: {}",
            shown(path),
            io_reason(lang, source)
        ),
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
pub fn write_failed(lang: Lang, e: &crate::report::write::WriteError) -> String {
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
