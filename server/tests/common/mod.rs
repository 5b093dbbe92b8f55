//! The test harness: the whole app on port 0 over a fresh database, and a plain HTTP client.
// Each test binary uses its own part of the harness; the rest would be reported unused.
#![allow(dead_code)]
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::header::{ACCEPT, CONTENT_TYPE, COOKIE, HeaderMap, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::{Client, StatusCode, redirect};

use app::server::clock::FixedClock;
use app::server::testing::TestDb;
use server::config::Config;
use server::startup;

pub use app::server::seed::DEMO_PASSWORD as PASSWORD;
pub const HTML: &str = "text/html,application/xhtml+xml";

pub struct TestApp {
    pub base: String,
    pub client: Client,
    pub files_dir: std::path::PathBuf,
    /// SQL statements the app has run so far.
    pub queries: Arc<AtomicUsize>,
    _db: Option<TestDb>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The app with a configuration changed by `adjust`.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let test_db = TestDb::fresh().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    // A port is reused across runs; the random part keeps an old run's files out of this one.
    let run = format!("{}-{}", address.port(), rand::random::<u32>());
    let files_dir = std::env::temp_dir().join(format!("tf-files-{run}"));
    let mut config = Config {
        database_url: test_db.url.clone(),
        listen: address,
        base_url: format!("http://{address}"),
        demo: true,
        log_level: "warn".into(),
        site_root: "../site".into(),
        session_hours: 12,
        files_dir: files_dir.display().to_string(),
        upload_max_mb: 1,
        smtp_url: None,
        smtp_ca_file: None,
        outbox_dir: std::env::temp_dir()
            .join(format!("tf-outbox-{run}"))
            .display()
            .to_string(),
        reminder_hours: 48,
        run_worker: false,
        claim_seconds: 120,
        worker_tasks: 1,
        page_cache_mb: 16,
    };
    let clock = Arc::new(FixedClock::at(app::server::testing::now()));
    adjust(&mut config);
    let mut state = startup::prepare(&config, clock).await.expect("app starts");
    let queries = Arc::new(AtomicUsize::new(0));
    let seen = queries.clone();
    state.db.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    tokio::spawn(async move { axum::serve(listener, startup::router(state)).await });
    TestApp {
        base: format!("http://{address}"),
        client: Client::builder()
            .redirect(redirect::Policy::none())
            .build()
            .expect("an HTTP client"),
        files_dir,
        queries,
        _db: Some(test_db),
    }
}

impl TestApp {
    /// The database the app runs on, to put rows in that no form would accept.
    pub fn db(&self) -> &sea_orm::DatabaseConnection {
        &self._db.as_ref().expect("an app started by the test").db
    }

    /// A client for an app already running at `base`, e.g. a separate process.
    pub fn at(base: String, files_dir: std::path::PathBuf) -> TestApp {
        TestApp {
            base,
            client: Client::builder()
                .redirect(redirect::Policy::none())
                .build()
                .expect("an HTTP client"),
            files_dir,
            queries: Arc::new(AtomicUsize::new(0)),
            _db: None,
        }
    }
}

pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("tf_session="))
        .map(str::to_string)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs in the way a browser without JavaScript does, returning the `Cookie` value.
    pub async fn sign_in(&self, email: &str) -> String {
        let response = self
            .post_form(
                "/api/login",
                &[("input[email]", email), ("input[password]", PASSWORD)],
                None,
            )
            .await;
        assert_eq!(response.status(), StatusCode::FOUND, "sign-in as {email}");
        let cookie = session_cookie(response.headers()).expect("a session cookie");
        cookie.split(';').next().unwrap_or_default().to_string()
    }

    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(path))
            .header(ACCEPT, HTML)
            .header(ORIGIN, &self.base)
            .header("referer", self.url("/login"))
            .form(form);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("the app answers")
    }

    /// Calls a server function the way the hydrated app does (no HTML in Accept).
    pub async fn call(&self, endpoint: &str, cookie: Option<&str>) -> reqwest::Response {
        self.call_with(endpoint, "", cookie).await
    }

    pub async fn call_with(
        &self,
        endpoint: &str,
        body: &str,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(endpoint))
            .header(ORIGIN, &self.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body.to_string());
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("the app answers")
    }

    /// The meeting page's data as JSON.
    pub async fn meeting(&self, id: i32, cookie: &str) -> serde_json::Value {
        let response = self
            .call_with("/api/meeting", &format!("id={id}"), Some(cookie))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "meeting {id}");
        serde_json::from_str(&response.text().await.expect("a body")).expect("JSON")
    }

    /// The id of the agenda item with this title in meeting `id`.
    pub async fn item_id(&self, id: i32, title: &str, cookie: &str) -> i64 {
        let detail = self.meeting(id, cookie).await;
        detail["items"]
            .as_array()
            .and_then(|items| items.iter().find(|i| i["title"] == title))
            .and_then(|i| i["id"].as_i64())
            .unwrap_or_else(|| panic!("no item «{title}» in meeting {id}"))
    }

    /// Files in the upload directory, to check that refused uploads leave nothing behind.
    pub fn stored_files(&self) -> usize {
        std::fs::read_dir(&self.files_dir)
            .map(|d| d.count())
            .unwrap_or(0)
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut request = self.client.get(self.url(path)).header(ACCEPT, HTML);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("the app answers")
    }
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok().map(str::to_string))
        .unwrap_or_default()
}
