//! Configuration from the environment, with defaults that run the embedded setup.
use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: SocketAddr,
    pub base_url: String,
    pub demo: bool,
    pub log_level: String,
    pub site_root: String,
    pub session_hours: i64,
    pub files_dir: String,
    pub upload_max_mb: u64,
    /// smtp://, smtps:// (or smtp://…?tls=required for STARTTLS); may hold a password.
    pub smtp_url: Option<String>,
    /// A PEM certificate authority to trust for SMTP over TLS, besides the public ones.
    pub smtp_ca_file: Option<String>,
    pub outbox_dir: String,
    pub reminder_hours: i64,
    pub run_worker: bool,
    pub claim_seconds: i64,
    pub worker_tasks: usize,
    /// Megabytes of rendered pages kept in memory; 0 renders every page afresh.
    pub page_cache_mb: usize,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/taskforce.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:3000";

/// The variables, their defaults and meaning; the README's table is this list.
pub const VARIABLES: &[(&str, &str, &str)] = &[
    (
        "DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "sqlite://… (embedded) or postgres://user@host/db",
    ),
    (
        "LISTEN_ADDR",
        DEFAULT_LISTEN,
        "address and port the server listens on",
    ),
    (
        "BASE_URL",
        "http://<LISTEN_ADDR>",
        "public address; https:// makes cookies Secure",
    ),
    (
        "DEMO_MODE",
        "0",
        "1 seeds the demo taskforce into an empty database",
    ),
    (
        "LOG_LEVEL",
        "info",
        "tracing filter, e.g. debug or server=debug,sqlx=warn",
    ),
    (
        "SITE_ROOT",
        "site",
        "directory with the built CSS, fonts and wasm bundle",
    ),
    ("SESSION_HOURS", "12", "how long a sign-in lasts"),
    (
        "FILES_DIR",
        "data/files",
        "where uploaded papers are stored (outside the web root)",
    ),
    (
        "UPLOAD_MAX_MB",
        "25",
        "the largest paper accepted, in megabytes",
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is not valid: {problem}")]
    Invalid { name: &'static str, problem: String },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &'static str) -> Result<bool, ConfigError> {
    flag_or(name, false)
}

/// 1/true/yes or 0/false/no; `default` when the variable is not set.
fn flag_or(name: &'static str, default: bool) -> Result<bool, ConfigError> {
    match var(name).as_deref().map(str::trim) {
        None => Ok(default),
        Some("0") | Some("false") | Some("no") => Ok(false),
        Some("1") | Some("true") | Some("yes") => Ok(true),
        Some(other) => Err(ConfigError::Invalid {
            name,
            problem: format!("expected 1 or 0, got \"{other}\""),
        }),
    }
}

/// A whole number within `range`, or `default` when the variable is not set.
fn ranged<T>(
    name: &'static str,
    default: T,
    range: std::ops::RangeInclusive<T>,
    unit: &str,
) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    let Some(text) = var(name) else {
        return Ok(default);
    };
    text.trim()
        .parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| ConfigError::Invalid {
            name,
            problem: format!(
                "\"{text}\" is not a number of {unit} between {} and {}",
                range.start(),
                range.end()
            ),
        })
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let listen_text = var("LISTEN_ADDR").unwrap_or_else(|| DEFAULT_LISTEN.to_string());
        let listen: SocketAddr = listen_text.parse().map_err(|_| ConfigError::Invalid {
            name: "LISTEN_ADDR",
            problem: format!("\"{listen_text}\" is not an address:port such as 127.0.0.1:3000"),
        })?;
        let base_url = var("BASE_URL").unwrap_or_else(|| format!("http://{listen}"));
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(ConfigError::Invalid {
                name: "BASE_URL",
                problem: "it must start with http:// or https://".into(),
            });
        }
        let session_hours = ranged("SESSION_HOURS", 12, 1..=24 * 30, "hours")?;
        let upload_max_mb = ranged("UPLOAD_MAX_MB", 25, 1..=1024, "megabytes")?;
        let reminder_hours = ranged("REMINDER_HOURS", 48, 1..=24 * 14, "hours")?;
        let smtp_url = var("SMTP_URL");
        if let Some(url) = &smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(ConfigError::Invalid {
                name: "SMTP_URL",
                problem: "it must start with smtp:// or smtps://".into(),
            });
        }
        Ok(Config {
            smtp_url,
            smtp_ca_file: var("SMTP_CA_FILE"),
            outbox_dir: var("OUTBOX_DIR").unwrap_or_else(|| "data/outbox".to_string()),
            reminder_hours,
            run_worker: flag_or("RUN_WORKER", true)?,
            worker_tasks: ranged("WORKER_TASKS", 16, 1..=64, "tasks")?,
            claim_seconds: ranged("OUTBOX_CLAIM_SECONDS", 120, 1..=3600, "seconds")?,
            page_cache_mb: ranged("PAGE_CACHE_MB", 64, 0..=4096, "megabytes")?,
            files_dir: var("FILES_DIR").unwrap_or_else(|| "data/files".to_string()),
            upload_max_mb,
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string()),
            listen,
            base_url: base_url.trim_end_matches('/').to_string(),
            demo: flag("DEMO_MODE")?,
            log_level: var("LOG_LEVEL").unwrap_or_else(|| "info".to_string()),
            site_root: var("SITE_ROOT").unwrap_or_else(|| "site".to_string()),
            session_hours,
        })
    }
}
