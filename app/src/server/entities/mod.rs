//! sea-orm entities, written by hand to match `migrations/`.
pub mod agenda_item;
pub mod app_secret;
pub mod audit_entry;
pub mod invitee;
pub mod link_request;
pub mod login_throttle;
pub mod meeting;
pub mod outbox_message;
pub mod paper;
pub mod paper_version;
pub mod person;
pub mod session;
pub mod sign_in_link;
pub mod taskforce;
pub mod user_account;
