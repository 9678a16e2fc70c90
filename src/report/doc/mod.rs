//! The documents the team signs, as editable Word files (`.docx`), built from the
//! [`Summary`] of a record, the checklist (for the brief) and the team's [`Profile`]:
//!
//! - [`minutes`]: Biên bản làm việc, printed and signed on site;
//! - [`conclusion`]: the draft Thông báo kết luận kiểm tra;
//! - [`team_report`]: the team's Báo cáo kết quả kiểm tra, for one record or many;
//! - [`brief`]: before the visit, Đề cương báo cáo and Danh mục tài liệu cần chuẩn bị.
//!
//! Layout in [`layout`]; the facts every document draws on (dates, numbers, the parts of a
//! conclusion) in [`facts`]. A fact nobody gave is a dotted blank ([`BLANK`]).

pub mod brief;
pub mod checked;
pub mod conclusion;
pub mod facts;
pub mod layout;
pub mod minutes;
pub mod profile;
pub mod team_report;

pub use crate::checklist::placeholder::BLANK;
pub use profile::Profile;

/// The kinds of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Biên bản làm việc.
    Minutes,
    /// Thông báo kết luận kiểm tra (draft).
    Conclusion,
    /// Báo cáo kết quả kiểm tra.
    Report,
    /// Đề cương báo cáo + Danh mục tài liệu cần chuẩn bị.
    Brief,
}

impl Kind {
    /// The word used on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Minutes => "minutes",
            Kind::Conclusion => "conclusion",
            Kind::Report => "report",
            Kind::Brief => "brief",
        }
    }
}
