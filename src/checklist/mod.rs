//! The checklist format `onsite-checklist/1`: types, loading with located errors,
//! validation, conditions, and where checklists are found.

pub mod catalog;
pub mod condition;
pub mod generate;
pub mod load;
pub mod locate;
pub mod model;
pub mod placeholder;
pub mod schema;
pub mod stream;
pub mod text;
pub mod validate;
pub mod visibility;
pub mod xlsform;

pub use catalog::{Catalog, Entry, Origin, ResolveError, resolve};
pub use load::{Problem, load_file, load_str};

pub use condition::{CmpOp, Condition};
pub use model::*;
pub use text::Text;
