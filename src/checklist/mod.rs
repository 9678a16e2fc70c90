//! The checklist format `onsite-checklist/1`: types, loading with located errors,
//! validation, conditions, and where checklists are found.

pub mod condition;
pub mod model;
pub mod text;
pub mod visibility;

pub use condition::{CmpOp, Condition};
pub use model::*;
pub use text::Text;
