//! Use cases over the database. Each takes `&impl ConnectionTrait`, so it runs on the pool
//! or inside a transaction, and returns a `DomainError`.
pub mod accounts;
pub mod meetings;
pub mod sessions;
pub mod taskforce;
