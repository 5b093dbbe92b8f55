//! Fresh databases for tests: a temporary SQLite file by default, or — when
//! `TEST_DATABASE_URL` names a PostgreSQL server — a new database created on it for this test.
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use crate::server::db;

pub struct TestDb {
    pub url: String,
    pub db: DatabaseConnection,
    sqlite_file: Option<std::path::PathBuf>,
}

impl TestDb {
    /// A migrated, empty database. Panics (it is for tests) with the reason if it cannot.
    pub async fn fresh() -> TestDb {
        let suffix: String = rand::random::<[u8; 6]>()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let (url, sqlite_file) = match std::env::var("TEST_DATABASE_URL") {
            Ok(admin_url) if admin_url.starts_with("postgres") => {
                let admin = Database::connect(admin_url.as_str())
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "PostgreSQL at {} does not answer: {e}",
                            db::redact(&admin_url)
                        )
                    });
                let name = format!("tf_test_{suffix}");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create the test database");
                let _ = admin.close().await;
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .unwrap_or(&admin_url);
                (format!("{base}/{name}"), None)
            }
            _ => {
                let path = std::env::temp_dir().join(format!("tf-test-{suffix}.db"));
                (format!("sqlite://{}", path.display()), Some(path))
            }
        };
        let db = db::connect(&url)
            .await
            .expect("connect to the test database");
        db::migrate(&db).await.expect("migrate the test database");
        TestDb {
            url,
            db,
            sqlite_file,
        }
    }

    pub fn backend(&self) -> &'static str {
        if self.sqlite_file.is_some() {
            "sqlite"
        } else {
            "postgres"
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(path) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
    }
}
