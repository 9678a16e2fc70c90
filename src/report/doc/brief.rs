//! Đề cương báo cáo (being built).

use super::Profile;
use crate::checklist::Checklist;
use crate::i18n::Lang;

/// The brief of a checklist.
pub fn render(c: &Checklist, lang: Lang, p: &Profile) -> Result<Vec<u8>, String> {
    let _ = (c, lang, p);
    Err("not built yet".into())
}
