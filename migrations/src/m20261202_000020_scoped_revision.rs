use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::m20261127_000005_data_revision as single;
use crate::revision::{self, Scope, TASKFORCE_WIDE};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables pages showed on this day, and the scope each row belongs to.
const COVERED: [(&str, Scope); 11] = [
    ("taskforce", TASKFORCE_WIDE),
    ("person", TASKFORCE_WIDE),
    ("user_account", TASKFORCE_WIDE),
    ("app_secret", TASKFORCE_WIDE),
    ("meeting", Scope("{row}.id")),
    ("agenda_item", Scope("{row}.meeting_id")),
    ("invitee", Scope("{row}.meeting_id")),
    ("audit_entry", Scope("COALESCE({row}.meeting_id, 0)")),
    ("outbox_message", Scope("COALESCE({row}.meeting_id, 0)")),
    (
        "paper",
        Scope("COALESCE((SELECT meeting_id FROM agenda_item WHERE id = {row}.agenda_item_id), 0)"),
    ),
    (
        "paper_version",
        Scope(
            "COALESCE((SELECT a.meeting_id FROM paper p JOIN agenda_item a \
             ON a.id = p.agenda_item_id WHERE p.id = {row}.paper_id), 0)",
        ),
    ),
];

async fn read_number(manager: &SchemaManager<'_>, sql: &str) -> Result<i64, DbErr> {
    let db = manager.get_connection();
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| DbErr::Custom(format!("no answer to {sql}")))?;
    row.try_get("", "n")
}

/// One revision per meeting (and one for the rest) instead of one for everything: on
/// PostgreSQL every writing statement used to update the single `data_revision` row, so all
/// writers queued on it until commit. The numbers go on from where they were, so a running
/// instance never sees the revision fall.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// One transaction on SQLite too: without it each statement may go to another pooled
    /// connection, and a half-done swap of triggers must never be seen.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let reached = read_number(manager, "SELECT n FROM data_revision WHERE id = 1").await?;
        single::Migration.down(manager).await?;
        revision::create_table(manager, reached + 1).await?;
        for (table, scope) in &COVERED {
            revision::cover(manager, table, scope).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let reached = read_number(
            manager,
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM revision",
        )
        .await?;
        for (table, _) in &COVERED {
            revision::uncover(manager, table).await?;
        }
        revision::drop_table(manager).await?;
        single::Migration.up(manager).await?;
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "UPDATE data_revision SET n = {} WHERE id = 1",
                reached + 1
            ))
            .await?;
        Ok(())
    }
}
