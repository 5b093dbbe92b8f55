//! The real binary as separate processes: a server killed in the middle of sending loses no
//! message, and two instances on one database send each message once. The SMTP server is
//! aiosmtpd on 127.0.0.1; the database is SQLite, or PostgreSQL when TEST_DATABASE_URL names one.
use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::server::entities::outbox_message;
use app::server::testing::{SmtpSink, TestDb};
use common::TestApp;
use reqwest::StatusCode;
use server::page_cache::CACHE_HEADER;

mod common;

const DEMO_INVITATIONS: u64 = 10;

struct Instance {
    child: Child,
    base: String,
}

fn start(
    db_url: &str,
    smtp_url: &str,
    demo: bool,
    worker: bool,
    dir: &std::path::Path,
) -> Instance {
    let port = SmtpSink::free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_taskforce"))
        .arg("serve")
        .env("DATABASE_URL", db_url)
        .env("SMTP_URL", smtp_url)
        .env("DEMO_MODE", if demo { "1" } else { "0" })
        .env("RUN_WORKER", if worker { "1" } else { "0" })
        .env("LISTEN_ADDR", format!("127.0.0.1:{port}"))
        .env("FILES_DIR", dir.join("files"))
        .env("OUTBOX_DIR", dir.join("outbox"))
        .env("OUTBOX_CLAIM_SECONDS", "3")
        .env("LOG_LEVEL", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    Instance {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

/// A server process is stopped when its test ends, also when the test fails halfway.
impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn stop(instance: Instance) {
    drop(instance);
}

async fn wait_until_up(instance: &Instance) {
    let health = format!("{}/healthz", instance.base);
    wait_for("the instance to answer", async || {
        reqwest::get(&health)
            .await
            .is_ok_and(|r| r.status().is_success())
    })
    .await;
}

async fn count(db: &sea_orm::DatabaseConnection, status: &str) -> u64 {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Status.eq(status))
        .count(db)
        .await
        .unwrap_or(0)
}

async fn wait_for(what: &str, mut ready: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn message_ids(sink: &SmtpSink) -> Vec<String> {
    sink.messages()
        .iter()
        .filter_map(|raw| {
            String::from_utf8_lossy(raw)
                .lines()
                .find(|l| l.starts_with("Message-ID: "))
                .map(str::to_string)
        })
        .collect()
}

#[tokio::test]
async fn a_server_killed_in_the_middle_of_sending_loses_no_message_when_it_restarts() {
    let test = TestDb::fresh().await;
    let dir = std::env::temp_dir().join(format!("tf-kill-{}", rand::random::<u32>()));
    // An SMTP server that accepts the connection and never answers: the send hangs there.
    let stuck = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let stuck_url = format!("smtp://127.0.0.1:{}", stuck.local_addr().unwrap().port());
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = stuck.accept().await {
            open.push(socket);
        }
    });

    let first = start(&test.url, &stuck_url, true, true, &dir);
    wait_for("messages in the middle of sending", async || {
        count(&test.db, "sending").await >= 1
    })
    .await;
    stop(first); // killed while messages are claimed and half sent

    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    let second = start(&test.url, &sink.url(), false, true, &dir);
    wait_for("every invitation sent", async || {
        count(&test.db, "sent").await == DEMO_INVITATIONS
    })
    .await;
    stop(second);
    held.abort();

    let ids = message_ids(&sink);
    assert_eq!(
        ids.len() as u64,
        DEMO_INVITATIONS,
        "all delivered after the restart"
    );
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len() as u64,
        DEMO_INVITATIONS,
        "each once"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn two_instances_on_one_database_send_each_message_exactly_once() {
    let test = TestDb::fresh().await;
    let dir = std::env::temp_dir().join(format!("tf-two-{}", rand::random::<u32>()));
    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    // One instance seeds the demo (its invitations queue up) without sending...
    let seeder = start(&test.url, &sink.url(), true, false, &dir);
    wait_for("the demo invitations queued", async || {
        count(&test.db, "queued").await == DEMO_INVITATIONS
    })
    .await;
    stop(seeder);
    // ...then two instances start together and race for the same messages.
    let one = start(&test.url, &sink.url(), false, true, &dir);
    let two = start(&test.url, &sink.url(), false, true, &dir);
    wait_for("every invitation sent", async || {
        count(&test.db, "sent").await == DEMO_INVITATIONS
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop(one);
    stop(two);
    let ids = message_ids(&sink);
    assert_eq!(ids.len() as u64, DEMO_INVITATIONS);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len() as u64,
        DEMO_INVITATIONS
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_change_made_through_one_instance_shows_at_once_on_another_that_kept_the_page() {
    let test = TestDb::fresh().await;
    let dir = std::env::temp_dir().join(format!("tf-pages-{}", rand::random::<u32>()));
    let no_mail = "smtp://127.0.0.1:9";
    let one = start(&test.url, no_mail, true, false, &dir);
    wait_until_up(&one).await;
    let two = start(&test.url, no_mail, false, false, &dir);
    wait_until_up(&two).await;
    let via_one = TestApp::at(one.base.clone(), dir.clone());
    let via_two = TestApp::at(two.base.clone(), dir.clone());
    let ann = via_one.sign_in("ann.maskell@example.org").await;
    let item = via_one
        .item_id(4, "Rekruttering af interviewpersoner", &ann)
        .await;

    let shown = async |app: &TestApp| {
        let response = app.get("/meetings/4", Some(&ann)).await;
        assert_eq!(response.status(), StatusCode::OK);
        let cache = response
            .headers()
            .get(CACHE_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        (cache, response.text().await.expect("a page"))
    };
    shown(&via_two).await;
    let (cache, before) = shown(&via_two).await;
    assert_eq!(cache, "hit", "instance two keeps the page");

    let moved = via_one
        .call_with(
            "/api/item_action",
            &format!("input[item_id]={item}&input[action]=up"),
            Some(&ann),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);

    let (cache, after) = shown(&via_two).await;
    stop(one);
    stop(two);
    assert_eq!(cache, "miss", "instance two saw the change in the database");
    // Where the moved item stands among the agenda's headings, before and after.
    let place = |html: &str| {
        html.match_indices(r#"<h3 class="h4">"#)
            .position(|(at, _)| {
                html[at..]
                    .chars()
                    .take(120)
                    .collect::<String>()
                    .contains("Rekruttering")
            })
            .expect("the item on the page")
    };
    assert_eq!(place(&after) + 1, place(&before), "one place up");
    let _ = std::fs::remove_dir_all(dir);
}
