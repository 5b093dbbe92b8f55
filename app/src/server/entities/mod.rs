//! sea-orm entities, written by hand to match `migrations/`.
pub mod login_throttle;
pub mod meeting;
pub mod person;
pub mod session;
pub mod taskforce;
pub mod user_account;
