//! Server functions: one use case each, thin over the services.
pub mod accounts;
pub mod invitations;
pub mod meetings;
pub mod session;
pub mod taskforce;
