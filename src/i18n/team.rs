//! Sentences of team work (`onsite team …`, `onsite merge-driver`, the history and conflict
//! overlays) in English and Vietnamese.

use std::path::Path;

use super::Lang;
use crate::sanitize;
use crate::team::TeamError;

fn p(path: &Path) -> String {
    sanitize::line(&path.display().to_string())
}

/// A team error as one sentence.
pub fn error(lang: Lang, e: &TeamError) -> String {
    match (lang, e) {
        (_, TeamError::Io { path, source }) => {
            let why = super::cli::io_reason(lang, source);
            match lang {
                Lang::En => format!("cannot read or write {}: {why}", p(path)),
                Lang::Vi => format!("không đọc hoặc ghi được {}: {why}", p(path)),
            }
        }
        (Lang::En, TeamError::Bad { path, place, what }) => {
            format!("{}:{place}: not an onsite team file: {what}", p(path))
        }
        (Lang::Vi, TeamError::Bad { path, place, what }) => {
            format!(
                "{}:{place}: không phải tệp làm việc nhóm của onsite: {what}",
                p(path)
            )
        }
        (Lang::En, TeamError::NotAPack(path)) => format!(
            "{} is not an onsite team pack (format onsite-team-pack/1); the leader writes one with `onsite team pack`",
            p(path)
        ),
        (Lang::Vi, TeamError::NotAPack(path)) => format!(
            "{} không phải tệp giao việc của onsite (định dạng onsite-team-pack/1); trưởng đoàn tạo bằng `onsite team pack`",
            p(path)
        ),
        (Lang::En, TeamError::NotShared(id)) => format!(
            "inspection {} is not shared: the leader shares it with `onsite team pack {0}`",
            sanitize::line(id)
        ),
        (Lang::Vi, TeamError::NotShared(id)) => format!(
            "cuộc kiểm tra {} chưa làm việc nhóm: trưởng đoàn chia sẻ bằng `onsite team pack {0}`",
            sanitize::line(id)
        ),
        (Lang::En, TeamError::AlreadyJoined(path)) => format!(
            "this inspection is already here ({}): `onsite resume` continues it",
            p(path)
        ),
        (Lang::Vi, TeamError::AlreadyJoined(path)) => format!(
            "cuộc kiểm tra này đã có ở đây ({}): dùng `onsite resume` để làm tiếp",
            p(path)
        ),
        (Lang::En, TeamError::NoSection(s)) => {
            format!("the checklist has no section `{}`", sanitize::line(s))
        }
        (Lang::Vi, TeamError::NoSection(s)) => {
            format!("bộ câu hỏi không có phần `{}`", sanitize::line(s))
        }
        (Lang::En, TeamError::Git { args, said }) => format!(
            "git {} failed: {}",
            sanitize::line(args),
            sanitize::line(said)
        ),
        (Lang::Vi, TeamError::Git { args, said }) => format!(
            "lệnh git {} không thành công: {}",
            sanitize::line(args),
            sanitize::line(said)
        ),
        (Lang::En, TeamError::NotARepo(dir)) => format!(
            "{} is not a git clone: clone the team's records repository there first (git clone URL {0})",
            p(dir)
        ),
        (Lang::Vi, TeamError::NotARepo(dir)) => format!(
            "{} không phải bản sao git: hãy git clone kho hồ sơ của đoàn vào đó trước (git clone URL {0})",
            p(dir)
        ),
    }
}

/// `team whoami`: the name changes are recorded under.
pub fn whoami(lang: Lang, name: &str, from_os: bool) -> String {
    let name = sanitize::line(name);
    match (lang, from_os) {
        (Lang::En, false) => format!("Changes on this machine are recorded as: {name}"),
        (Lang::En, true) => format!(
            "Changes on this machine are recorded as: {name} (the system user; set a name with `onsite team whoami NAME`)"
        ),
        (Lang::Vi, false) => format!("Thay đổi trên máy này được ghi tên: {name}"),
        (Lang::Vi, true) => format!(
            "Thay đổi trên máy này được ghi tên: {name} (tên người dùng hệ thống; đặt tên bằng `onsite team whoami TÊN`)"
        ),
    }
}

/// An empty name given to `team whoami`.
pub fn empty_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "the name is empty: give the name your changes should carry",
        Lang::Vi => "tên đang trống: hãy nhập tên sẽ ghi kèm các thay đổi của bạn",
    }
}

/// `team pack` done.
pub fn packed(lang: Lang, path: &Path, id: &str) -> String {
    match lang {
        Lang::En => format!(
            "Wrote {}: each member joins with `onsite team join {0}`; your copy is {}",
            p(path),
            sanitize::line(id)
        ),
        Lang::Vi => format!(
            "Đã ghi {}: mỗi thành viên tham gia bằng `onsite team join {0}`; bản của bạn là {}",
            p(path),
            sanitize::line(id)
        ),
    }
}

/// `team join` done.
pub fn joined(lang: Lang, id: &str, me: &str, sections: &[String]) -> String {
    let id = sanitize::line(id);
    let me = sanitize::line(me);
    let list = sections.join(", ");
    match (lang, sections.is_empty()) {
        (Lang::En, true) => format!("Joined {id} as {me}. Continue with: onsite resume {id}"),
        (Lang::En, false) => {
            format!("Joined {id} as {me}; your sections: {list}. Continue with: onsite resume {id}")
        }
        (Lang::Vi, true) => format!("Đã tham gia {id} với tên {me}. Làm tiếp: onsite resume {id}"),
        (Lang::Vi, false) => format!(
            "Đã tham gia {id} với tên {me}; phần của bạn: {list}. Làm tiếp: onsite resume {id}"
        ),
    }
}

/// `team assign` done.
pub fn assigned(lang: Lang, section: &str, member: &str) -> String {
    let (s, m) = (sanitize::line(section), sanitize::line(member));
    match lang {
        Lang::En => format!("Section {s} is {m}'s; members learn it at their next sync"),
        Lang::Vi => format!("Phần {s} giao cho {m}; các thành viên sẽ thấy ở lần đồng bộ sau"),
    }
}

/// `team sync` done.
pub fn synced(lang: Lang, new_changes: usize, members: &[String], conflicts: usize) -> String {
    let m = members.join(", ");
    match lang {
        Lang::En => format!(
            "Merged {new_changes} new change(s); the record holds the work of {m}; {}",
            if conflicts == 0 {
                "no disagreements".to_string()
            } else {
                format!(
                    "{conflicts} disagreement(s) to resolve (C on the question screen, or `onsite team status`)"
                )
            }
        ),
        Lang::Vi => format!(
            "Đã gộp {new_changes} thay đổi mới; hồ sơ gồm phần việc của {m}; {}",
            if conflicts == 0 {
                "không có chỗ nào khác nhau".to_string()
            } else {
                format!(
                    "{conflicts} chỗ trả lời khác nhau cần giải quyết (phím C ở màn hình câu hỏi, hoặc `onsite team status`)"
                )
            }
        ),
    }
}

/// `team sync` without `--folder` or `--git`.
pub fn sync_needs_place(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "say where the team's files are: --folder DIR (a shared folder) or --git DIR (a git clone)"
        }
        Lang::Vi => {
            "hãy cho biết nơi để tệp của đoàn: --folder THƯ_MỤC (thư mục dùng chung) hoặc --git THƯ_MỤC (bản sao git)"
        }
    }
}

/// Headings of `team status`.
pub struct StatusStrings {
    /// "Inspection".
    pub inspection: &'static str,
    /// "Leader".
    pub leader: &'static str,
    /// "You".
    pub me: &'static str,
    /// "Sections".
    pub sections: &'static str,
    /// "not assigned".
    pub unassigned: &'static str,
    /// "Disagreements".
    pub conflicts: &'static str,
    /// "none".
    pub none: &'static str,
    /// "(no value)".
    pub empty: &'static str,
}

/// English.
pub const EN: StatusStrings = StatusStrings {
    inspection: "Inspection",
    leader: "Leader",
    me: "You",
    sections: "Sections",
    unassigned: "not assigned",
    conflicts: "Disagreements",
    none: "none",
    empty: "(nothing)",
};

/// Vietnamese.
pub const VI: StatusStrings = StatusStrings {
    inspection: "Cuộc kiểm tra",
    leader: "Trưởng đoàn",
    me: "Bạn",
    sections: "Các phần",
    unassigned: "chưa giao",
    conflicts: "Chỗ trả lời khác nhau",
    none: "không có",
    empty: "(trống)",
};

/// The strings of `team status` in a language.
pub fn status(lang: Lang) -> &'static StatusStrings {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

/// The merge driver could not merge a file (git then reports a conflict; the file is
/// left as it was).
pub fn driver_refused(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::En => format!(
            "{}: not a journal or a shared inspection's record; left as it was for you to choose",
            p(path)
        ),
        Lang::Vi => format!(
            "{}: không phải nhật ký hay hồ sơ kiểm tra nhóm; giữ nguyên để bạn chọn",
            p(path)
        ),
    }
}
