//! The checklist format `onsite-checklist/1`: types, loading with located errors,
//! validation, conditions, answer values (typed and shown per language), numbering, and
//! where checklists are found.

pub mod catalog;
pub mod condition;
pub mod load;
pub mod locate;
pub mod model;
pub mod numbering;
pub mod placeholder;
pub mod schema;
pub mod text;
pub mod validate;
pub mod value;
pub mod visibility;
pub mod xlsform;

pub use catalog::{Catalog, Entry, Origin, ResolveError, resolve};
pub use load::{Problem, load_file, load_str};

pub use condition::{CmpOp, Condition, Operand, Scaled};
pub use model::*;
pub use text::Text;
