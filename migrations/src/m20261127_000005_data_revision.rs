use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables whose rows show on some page. Sessions and sign-in throttling are left out: they
/// change on every sign-in and no page shows them.
const CONTENT_TABLES: [&str; 11] = [
    "taskforce",
    "person",
    "user_account",
    "meeting",
    "agenda_item",
    "paper",
    "paper_version",
    "audit_entry",
    "invitee",
    "outbox_message",
    "app_secret",
];

/// One number that grows with every committed change to what pages show. A rendered page is
/// reused only while the number is unchanged, so every instance on the database knows when
/// its copies are stale. Triggers keep it, so no code path can forget to.
///
/// On PostgreSQL the trigger is `BEFORE ... FOR EACH STATEMENT`: the counter's row is the first
/// lock any writing statement takes, so writers queue in one order and cannot deadlock on it.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE TABLE data_revision (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO data_revision (id, n) VALUES (1, 1)")
            .await?;
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN UPDATE data_revision SET n = n + 1 WHERE id = 1; RETURN NULL; END $$",
                )
                .await?;
                for table in CONTENT_TABLES {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_revision BEFORE INSERT OR UPDATE OR DELETE \
                         ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_data_revision()"
                    ))
                    .await?;
                }
            }
            _ => {
                for table in CONTENT_TABLES {
                    for event in ["INSERT", "UPDATE", "DELETE"] {
                        db.execute_unprepared(&format!(
                            "CREATE TRIGGER {table}_{}_revision AFTER {event} ON {table} \
                             BEGIN UPDATE data_revision SET n = n + 1 WHERE id = 1; END",
                            event.to_lowercase()
                        ))
                        .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                for table in CONTENT_TABLES {
                    db.execute_unprepared(&format!("DROP TRIGGER {table}_revision ON {table}"))
                        .await?;
                }
                db.execute_unprepared("DROP FUNCTION bump_data_revision()")
                    .await?;
            }
            _ => {
                for table in CONTENT_TABLES {
                    for event in ["insert", "update", "delete"] {
                        db.execute_unprepared(&format!("DROP TRIGGER {table}_{event}_revision"))
                            .await?;
                    }
                }
            }
        }
        db.execute_unprepared("DROP TABLE data_revision").await?;
        Ok(())
    }
}
