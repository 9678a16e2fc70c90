//! Inspection records and their store: the format, atomic durable saves, locks, listing.

pub mod create;
pub mod followup;
pub mod history;
pub mod id;
pub mod io;
pub mod listing;
pub mod lock;
pub mod merge;
pub mod model;
pub mod progress;
pub mod rescue;
pub mod store;
pub mod team;

pub use create::{new_record, parse_set};
pub use followup::FollowUp;
pub use io::{LoadError, Loaded, load, load_with_warnings};
pub use listing::Listing;
pub use lock::{Holder, LockError, LockGuard, acquire};
pub use model::*;
pub use progress::Progress;
pub use store::{FileStamp, RecordSummary, Store, StoreError, save_at};
