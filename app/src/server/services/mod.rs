//! Use cases over the database, one folder per area. Each takes `&impl ConnectionTrait`, so it
//! runs on the pool or inside a transaction, and returns a `DomainError`. `audit` and `outbox`
//! serve every area.
pub mod agenda;
pub mod audit;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod outbox;
pub mod papers;
pub mod people;
pub mod taskforce;
