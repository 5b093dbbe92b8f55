//! The server: configuration, start-up (router, layers), the routes that are not Leptos
//! pages, and the command line.
pub mod calendars;
pub mod cli;
pub mod config;
pub mod exports;
pub mod page_cache;
pub mod papers;
pub mod routes;
pub mod startup;
