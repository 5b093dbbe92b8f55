//! Use cases over the database. Each takes `&impl ConnectionTrait`, so it runs on the pool
//! or inside a transaction, and returns a `DomainError`.
pub mod accounts;
pub mod agenda;
pub mod audit;
pub mod invitations;
pub mod meeting_admin;
pub mod meetings;
pub mod outbox;
pub mod papers;
pub mod sessions;
pub mod taskforce;
