//! People: the roster the secretariat keeps, sign-ins, mailed links, sessions and profiles.
pub mod accounts;
pub mod edit;
pub mod links;
pub mod profile;
pub mod roster;
pub mod sessions;
