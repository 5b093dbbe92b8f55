//! The taskforce as a whole.
mod overview;

pub use overview::{GetOverview, get_overview};
