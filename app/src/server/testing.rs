//! Fresh databases for tests: a temporary SQLite file by default, or — when
//! `TEST_DATABASE_URL` names a PostgreSQL server — a new database created on it for this test.
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use crate::server::db;

/// The instant tests live at: 1 March 2022, 09:00 UTC, inside the demo taskforce's year.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc
        .with_ymd_and_hms(2022, 3, 1, 9, 0, 0)
        .single()
        .expect("a valid instant")
}

pub struct TestDb {
    pub url: String,
    pub db: DatabaseConnection,
    sqlite_file: Option<std::path::PathBuf>,
}

impl TestDb {
    /// A fresh database with the demo taskforce seeded at [`now`].
    pub async fn seeded() -> TestDb {
        let test = TestDb::fresh().await;
        crate::server::seed::seed_demo(&test.db, now())
            .await
            .expect("seed");
        test
    }

    /// Signs a demo person in at [`now`].
    pub async fn session_for(
        &self,
        email: &str,
    ) -> crate::server::services::people::sessions::SignedIn {
        let address = crate::model::EmailAddress::parse(email).expect("a valid address");
        crate::server::services::people::sessions::sign_in(
            &self.db,
            now(),
            &address,
            crate::server::seed::DEMO_PASSWORD.into(),
            12,
        )
        .await
        .expect("demo sign-in")
    }

    /// A signed-in demo person.
    pub async fn user(&self, email: &str) -> crate::model::CurrentUser {
        self.session_for(email).await.user
    }

    /// A migrated, empty database. Panics (it is for tests) with the reason if it cannot.
    pub async fn fresh() -> TestDb {
        let suffix = crate::server::auth::hex(&rand::random::<[u8; 6]>());
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

/// A real SMTP server for tests: aiosmtpd on 127.0.0.1, started as its own process, keeping
/// every message's raw bytes (scripts/smtp_sink.py). Stopped when dropped.
pub struct SmtpSink {
    child: std::process::Child,
    pub port: u16,
    pub dir: std::path::PathBuf,
}

impl SmtpSink {
    /// A port nothing listens on yet (so a test can also see SMTP refuse connections).
    pub fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port")
    }

    pub async fn start(port: u16) -> SmtpSink {
        SmtpSink::start_with(port, &[]).await
    }

    /// With extra arguments for the sink, e.g. `--tls starttls --cert … --key …`.
    pub async fn start_with(port: u16, extra: &[&str]) -> SmtpSink {
        let python = std::env::var("SMTP_SINK_PYTHON").unwrap_or_else(|_| "python3".into());
        let script = std::env::var("SMTP_SINK_SCRIPT").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/smtp_sink.py").into()
        });
        let dir = std::env::temp_dir().join(format!("tf-smtp-{port}-{}", rand::random::<u32>()));
        let mut child = std::process::Command::new(&python)
            .args([script.as_str(), "--port", &port.to_string(), "--dir"])
            .arg(&dir)
            .args(extra)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the SMTP sink with {python} (is aiosmtpd installed? scripts/setup.sh): {e}"));
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return SmtpSink { child, port, dir };
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the SMTP sink did not start on port {port}");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The raw bytes of every message received, in order.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut names: Vec<_> = std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
            .into_iter()
            .filter_map(|p| std::fs::read(p).ok())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
