//! UI strings in English and Vietnamese (the language itself is [`crate::lang::Lang`]).
//!
//! Each part of the program keeps its strings in a submodule here, as a struct with one
//! field per string and one constant per language.

pub mod cli;
pub mod doc;
pub mod followup;
pub mod list;
pub mod profile_form;
pub mod report;
pub mod safety;
pub mod team;
pub mod tui;
pub mod value;
pub mod xlsform;

pub use crate::lang::Lang;
