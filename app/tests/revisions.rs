//! The revisions that tell the page cache when a kept page is stale: every table a page may show
//! raises one, and on PostgreSQL writers to different meetings do not queue behind each other.
use migrations::revision::NOT_SHOWN;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

use app::server::testing::TestDb;

async fn strings(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("the query")
        .iter()
        .map(|row| row.try_get_by_index::<String>(0).expect("a text column"))
        .collect()
}

async fn number(db: &impl ConnectionTrait, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("the query")
        .expect("a row")
        .try_get_by_index::<i64>(0)
        .expect("a number")
}

async fn scope(db: &impl ConnectionTrait, scope: i64) -> i64 {
    number(
        db,
        &format!("SELECT COALESCE((SELECT n FROM revision WHERE scope = {scope}), 0)"),
    )
    .await
}

async fn total(db: &impl ConnectionTrait) -> i64 {
    number(
        db,
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM revision",
    )
    .await
}

/// Two agenda items of the first meeting that has two, and an item of another meeting:
/// (meeting, item, other item of the same meeting), (other meeting, its item).
async fn items(db: &DatabaseConnection) -> ((i64, i64, i64), (i64, i64)) {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT CAST(meeting_id AS BIGINT), CAST(id AS BIGINT) FROM agenda_item \
             ORDER BY meeting_id, id",
        ))
        .await
        .expect("the items");
    let pairs: Vec<(i64, i64)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get_by_index(0).expect("meeting"),
                r.try_get_by_index(1).expect("id"),
            )
        })
        .collect();
    let (meeting, first) = pairs[0];
    let second = pairs
        .iter()
        .find(|(m, id)| *m == meeting && *id != first)
        .expect("a second item in the meeting")
        .1;
    let other = *pairs
        .iter()
        .find(|(m, _)| *m != meeting)
        .expect("an item in another meeting");
    ((meeting, first, second), other)
}

#[tokio::test]
async fn every_table_a_page_may_show_raises_the_revision_when_it_changes() {
    let test = TestDb::fresh().await;
    let (tables, covered) = if test.backend() == "sqlite" {
        (
            strings(
                &test.db,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .await,
            strings(
                &test.db,
                "SELECT tbl_name || ':' || name FROM sqlite_master WHERE type = 'trigger'",
            )
            .await,
        )
    } else {
        (
            strings(
                &test.db,
                "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            )
            .await,
            strings(
                &test.db,
                "SELECT CAST(event_object_table || ':' || lower(event_manipulation) AS TEXT) \
                 FROM information_schema.triggers WHERE action_timing = 'AFTER' \
                 AND action_orientation = 'ROW'",
            )
            .await,
        )
    };
    assert!(tables.len() > NOT_SHOWN.len(), "{tables:?}");
    let mut uncovered = Vec::new();
    for table in tables.iter().filter(|t| !NOT_SHOWN.contains(&t.as_str())) {
        for event in ["insert", "update", "delete"] {
            let found = covered.iter().any(|c| {
                if test.backend() == "sqlite" {
                    c == &format!("{table}:{table}_{event}_rev")
                } else {
                    c == &format!("{table}:{event}")
                }
            });
            if !found {
                uncovered.push(format!("{table} ({event})"));
            }
        }
    }
    assert!(
        uncovered.is_empty(),
        "tables a page may show whose changes raise no revision (cover them with \
         migrations::revision::cover, or list them in NOT_SHOWN): {uncovered:?}"
    );
}

#[tokio::test]
async fn a_change_to_an_item_raises_its_own_meetings_revision_and_not_another_meetings() {
    let test = TestDb::seeded().await;
    let ((meeting, item, _), (other_meeting, _)) = items(&test.db).await;
    let (before, other_before, total_before) = (
        scope(&test.db, meeting).await,
        scope(&test.db, other_meeting).await,
        total(&test.db).await,
    );
    test.db
        .execute_unprepared(&format!(
            "UPDATE agenda_item SET title = title || '.' WHERE id = {item}"
        ))
        .await
        .expect("the change");
    assert!(scope(&test.db, meeting).await > before);
    assert_eq!(scope(&test.db, other_meeting).await, other_before);
    assert!(
        total(&test.db).await > total_before,
        "the sum pages compare"
    );

    let taskforce_wide = scope(&test.db, 0).await;
    test.db
        .execute_unprepared("UPDATE person SET title = title")
        .await
        .expect("a change to people");
    assert!(scope(&test.db, 0).await > taskforce_wide);
}

#[tokio::test]
async fn on_postgresql_a_writer_to_one_meeting_does_not_wait_for_an_open_transaction_on_another() {
    let test = TestDb::seeded().await;
    if test.backend() == "sqlite" {
        // SQLite has one writer at a time by design (write transactions begin IMMEDIATE).
        eprintln!("PostgreSQL only; run with TEST_DATABASE_URL");
        return;
    }
    let ((_, item, same_meeting_item), (_, other_item)) = items(&test.db).await;
    let open = test.db.begin().await.expect("a transaction");
    open.execute_unprepared(&format!(
        "UPDATE agenda_item SET title = title || '.' WHERE id = {item}"
    ))
    .await
    .expect("the first writer");

    let writer = |id: i64| {
        let db = test.db.clone();
        async move {
            let txn = db.begin().await.expect("a second transaction");
            txn.execute_unprepared("SET LOCAL lock_timeout = '3s'")
                .await
                .expect("a lock timeout");
            let outcome = txn
                .execute_unprepared(&format!(
                    "UPDATE agenda_item SET title = title || '!' WHERE id = {id}"
                ))
                .await;
            let _ = txn.rollback().await;
            outcome.map(|_| ())
        }
    };
    writer(other_item)
        .await
        .expect("a writer to another meeting goes ahead while the first is open");
    // The other side of the same design: writers to one meeting do queue (different rows, one
    // revision), so the check above would have caught a single shared revision.
    let queued = writer(same_meeting_item).await;
    assert!(
        queued.is_err_and(|e| e.to_string().contains("lock timeout")),
        "a writer to the same meeting waits for the open transaction"
    );
    open.rollback().await.expect("rolled back");
}
