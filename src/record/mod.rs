//! Inspection records and their store: the format, atomic durable saves, locks, listing.

pub mod create;
pub mod followup;
pub mod id;
pub mod io;
pub mod listing;
pub mod lock;
pub mod model;
pub mod store;

pub use create::{new_record, parse_set};
pub use followup::FollowUp;
pub use io::{LoadError, Loaded, load, load_with_warnings};
pub use listing::Listing;
pub use lock::{Holder, LockError, LockGuard, acquire};
pub use model::*;
pub use store::{RecordSummary, Store, StoreError, save_at};
