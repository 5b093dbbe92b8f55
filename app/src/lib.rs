//! The taskforce app: one isomorphic crate. `model` and `ui` compile for both halves;
//! `server` exists only with the `ssr` feature and never reaches the browser bundle.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod error;
pub mod i18n;
pub mod model;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod server;
