use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use crate::server::clock::Clock;
use crate::server::services::invitations::MailContext;

/// Settings the app reads from its environment once, at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address people reach the app at, e.g. `https://taskforce.example.org`.
    pub base_url: String,
    /// Demo mode: seed the demo taskforce into an empty database and show demo hints.
    pub demo: bool,
    /// How long a sign-in lasts.
    pub session_hours: i64,
    /// Where uploaded papers are kept: outside the web root, under generated names.
    pub files_dir: std::path::PathBuf,
    /// The largest paper accepted, in megabytes.
    pub upload_max_mb: u64,
    /// Hours before a meeting that the reminder goes out.
    pub reminder_hours: i64,
    /// How long a worker's claim on a message lasts before another may take it over.
    pub claim_seconds: i64,
    /// Megabytes of rendered pages kept in memory; 0 renders every page afresh.
    pub page_cache_mb: usize,
}

impl Settings {
    pub fn cookie_secure(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// Shared by every request; cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    pub leptos_options: LeptosOptions,
    /// How messages are composed: the base URL and the key answer links are signed with.
    pub mail: MailContext,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}
