//! Connecting and migrating. SQLite is the embedded default; PostgreSQL when scaling out.
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr, SqlErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use crate::server::error::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("DATABASE_URL must start with sqlite:// or postgres:// (got \"{0}\")")]
    UnsupportedScheme(String),
    #[error("cannot create the directory for the SQLite file {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Connect(DbErr),
    #[error("cannot migrate the database: {0}")]
    Migrate(DbErr),
}

/// Connects, creating the SQLite file (and its directory) when it does not exist yet.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbSetupError> {
    let is_sqlite = url.starts_with("sqlite:");
    if !is_sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
        return Err(DbSetupError::UnsupportedScheme(redact(url)));
    }
    let mut url = url.to_string();
    if is_sqlite {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:")
            .split('?')
            .next()
            .unwrap_or_default()
            .to_string();
        if path != ":memory:"
            && let Some(dir) = std::path::Path::new(&path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|source| DbSetupError::Directory {
                path: path.clone(),
                source,
            })?;
        }
        if !url.contains("mode=") {
            url.push_str(if url.contains('?') {
                "&mode=rwc"
            } else {
                "?mode=rwc"
            });
        }
    }
    let mut options = ConnectOptions::new(url);
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if is_sqlite {
        // WAL with synchronous=NORMAL: readers never block the writer, and a commit does not
        // wait for fsync (an application crash loses nothing; a power cut may lose the last
        // commits, never the database).
        options.max_connections(4).map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
        });
    } else {
        options.max_connections(16);
    }
    Database::connect(options)
        .await
        .map_err(DbSetupError::Connect)
}

/// A transaction that writes. On SQLite it starts with `BEGIN IMMEDIATE`, so it waits for the
/// write lock (busy timeout) instead of failing when another connection wrote after it began
/// reading; on PostgreSQL it is an ordinary transaction.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// How often a write transaction is tried that lost a race for a unique value.
const UNIQUE_ATTEMPTS: usize = 3;

/// Whether the database refused a write for a unique index.
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// Runs a write transaction again when the database refused it for a unique index, because a
/// concurrent writer took the place or number it had computed. `attempt` begins and commits
/// its own transaction, so each try reads afresh; the last refusal is returned as it came.
pub async fn retry_unique_violations<T, F, Fut>(mut attempt: F) -> Result<T, DomainError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, DomainError>>,
{
    for _ in 1..UNIQUE_ATTEMPTS {
        match attempt().await {
            Err(DomainError::Db(err)) if is_unique_violation(&err) => {
                tracing::info!("retrying a write that lost a race for a unique value: {err}");
            }
            done => return done,
        }
    }
    attempt().await
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbSetupError> {
    Migrator::up(db, None).await.map_err(DbSetupError::Migrate)
}

/// A database URL as it may appear in logs and messages: without its password.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_database_urls_are_redacted() {
        assert_eq!(
            redact("postgres://tf:secret@db:5432/tf"),
            "postgres://tf:***@db:5432/tf"
        );
        assert_eq!(redact("postgres://tf@db/tf"), "postgres://tf@db/tf");
        assert_eq!(redact("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
