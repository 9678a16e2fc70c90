//! Inspection records and their store: the format, atomic durable saves, locks, listing.

pub mod model;

pub use model::*;
