//! Pasting an e-mailed answer (METHOD:REPLY) on the replies page: the page reads the message
//! with the same MIME reader as the `taskforce reply` command.
mod common;

use reqwest::StatusCode;
use sea_orm::ConnectionTrait;

use common::{location, spawn_app};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../app/tests/fixtures/replies/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

#[tokio::test]
async fn a_pasted_gmail_reply_in_quoted_printable_is_recorded_and_a_forged_one_is_refused() {
    let app = spawn_app().await;
    let changed = app
        .database()
        .execute_unprepared(
            "UPDATE meeting SET uid = '8c7d2f0e-4b1a-4c55-9d3e-2a6f0b1c9e11@taskforce.example.org' WHERE uid IS NOT NULL",
        )
        .await
        .expect("the fixtures' UID");
    assert_eq!(changed.rows_affected(), 1, "one published demo meeting");
    let ann = app.sign_in("ann.maskell@example.org").await;
    let gmail = fixture("gmail.eml");

    let response = app
        .post_form("/api/reply", &[("input[message]", &gmail)], Some(&ann))
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let to = location(&response);
    assert!(to.starts_with("/replies?recorded="), "{to}");
    assert!(
        to.contains("malene.kjaer-jepsen%40example.org")
            || to.contains("malene.kjaer-jepsen@example.org"),
        "{to}"
    );
    assert!(to.contains("DECLINED"), "{to}");

    let forged = gmail.replacen(
        "malene.kjaer-jepsen@example.org",
        "lasse.soenderup@example.org",
        1,
    );
    let response = app
        .post_form("/api/reply", &[("input[message]", &forged)], Some(&ann))
        .await;
    let to = location(&response);
    assert!(!to.contains("recorded="), "{to}");
    assert!(to.starts_with("/replies"), "{to}");
}
