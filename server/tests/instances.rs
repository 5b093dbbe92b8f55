//! The real binary as separate processes: a server killed in the middle of sending loses no
//! message, and two instances on one database send each message once. The SMTP server is
//! aiosmtpd on 127.0.0.1; the database is SQLite, or PostgreSQL when TEST_DATABASE_URL names one.
use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::server::entities::outbox_message;
use app::server::testing::{SmtpSink, TestDb};

const DEMO_INVITATIONS: u64 = 10;

fn start(db_url: &str, smtp_url: &str, demo: bool, worker: bool, dir: &std::path::Path) -> Child {
    let port = SmtpSink::free_port();
    Command::new(env!("CARGO_BIN_EXE_taskforce"))
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
        .expect("the binary starts")
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
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
