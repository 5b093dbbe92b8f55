//! People: their accounts and their sessions.
pub mod accounts;
pub mod roster;
pub mod sessions;
