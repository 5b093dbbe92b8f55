//! Server functions, one use case per file, one folder per area.
pub mod agenda;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod people;
pub mod taskforce;
