//! Everything that only exists on the server: state, database, services, authentication.
pub mod auth;
pub mod calendar;
pub mod clock;
pub mod context;
pub mod csp;
pub mod db;
pub mod entities;
pub mod error;
pub mod files;
pub mod inbound;
pub mod mail;
pub mod mailer;
pub mod markdown;
pub mod seed;
pub mod services;
pub mod state;
pub mod testing;
