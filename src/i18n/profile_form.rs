//! Strings of the document-profile form (start screen, `p`). The labels of the facts are
//! the ones `onsite doc profile` prints (`i18n::doc`).

use std::path::Path;

use super::Lang;

/// The form's fixed words.
pub struct ProfileFormText {
    /// The form's title.
    pub title: &'static str,
    /// Before the key of the focused fact, in the help line.
    pub key: &'static str,
    /// Before the file the profile is saved in, in the help line.
    pub saved_in: &'static str,
}

const EN: ProfileFormText = ProfileFormText {
    title: "Document profile",
    key: "key",
    saved_in: "saved in",
};

const VI: ProfileFormText = ProfileFormText {
    title: "Hồ sơ văn bản",
    key: "khoá",
    saved_in: "lưu tại",
};

/// The form's words in a language.
pub fn text(lang: Lang) -> &'static ProfileFormText {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

/// A fact was saved.
pub fn saved(lang: Lang, label: &str, path: &Path) -> String {
    let path = crate::sanitize::line(&path.display().to_string());
    match lang {
        Lang::En => format!("Saved “{label}” to {path}"),
        Lang::Vi => format!("Đã lưu “{label}” vào {path}"),
    }
}

/// A fact typed in the form could not be saved on the way out: why, and the command that
/// sets it (so the text is still there to copy).
pub fn not_saved(lang: Lang, why: &str, key: &str, text: &str) -> String {
    let set = format!("onsite doc profile --set {key}={text:?}");
    match lang {
        Lang::En => format!("{why}. Not saved; to set it: {set}"),
        Lang::Vi => format!("{why}. Chưa lưu được; để đặt lại: {set}"),
    }
}

/// A paste with no fact being edited.
pub fn paste_refused(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Nothing is being edited: press Enter on a fact, then paste",
        Lang::Vi => "Chưa sửa mục nào: bấm Enter vào một mục rồi dán",
    }
}
