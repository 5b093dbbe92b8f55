//! How a table's changes reach the page cache: every committed insert, update or delete raises
//! the revision of the *scope* the row belongs to (a meeting, or 0 for the whole taskforce).
//! A page is current while the sum of all scopes is unchanged (see the page cache), so any
//! change makes every kept page stale, as before; what scoping buys is that on PostgreSQL two
//! writers to different meetings lock different revision rows and do not queue behind one
//! another.
//!
//! Every table that a page may show must be covered by [`cover`] in the migration that creates
//! it; a test walks the live schema and fails for a table that is neither covered nor listed
//! in [`NOT_SHOWN`].
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// Tables no kept page shows: sessions, sign-in throttling, sign-in links and their requests
/// change with every sign-in (the pages that show them, the profile and the link pages, are
/// never kept), and the bookkeeping tables are the mechanism itself.
pub const NOT_SHOWN: [&str; 6] = [
    "session",
    "login_throttle",
    "sign_in_link",
    "link_request",
    "seaql_migrations",
    "revision",
];

/// Which scope a changed row raises, as SQL over the row, written with `{row}` for `NEW` or
/// `OLD`. It must never be NULL; use `COALESCE(…, 0)` where the scope may be unknown (a row
/// whose parent is already gone still raises the taskforce-wide scope, so no change is missed).
pub struct Scope(pub &'static str);

pub const TASKFORCE_WIDE: Scope = Scope("0");

fn scope_of(scope: &Scope, row: &str) -> String {
    scope.0.replace("{row}", row)
}

pub async fn create_table(manager: &SchemaManager<'_>, start: i64) -> Result<(), DbErr> {
    let db = manager.get_connection();
    db.execute_unprepared("CREATE TABLE revision (scope INTEGER PRIMARY KEY, n BIGINT NOT NULL)")
        .await?;
    db.execute_unprepared(&format!(
        "INSERT INTO revision (scope, n) VALUES (0, {start})"
    ))
    .await?;
    if manager.get_database_backend() == DbBackend::Postgres {
        db.execute_unprepared(
            "CREATE FUNCTION bump_revision(integer) RETURNS void LANGUAGE sql AS $$ \
             INSERT INTO revision (scope, n) VALUES ($1, 1) \
             ON CONFLICT (scope) DO UPDATE SET n = revision.n + 1 $$",
        )
        .await?;
    }
    Ok(())
}

pub async fn drop_table(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DbBackend::Postgres {
        db.execute_unprepared("DROP FUNCTION bump_revision(integer)")
            .await?;
    }
    db.execute_unprepared("DROP TABLE revision").await?;
    Ok(())
}

/// Triggers that raise `scope` for every row `table` gains, changes or loses.
pub async fn cover(manager: &SchemaManager<'_>, table: &str, scope: &Scope) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let (old, new) = (scope_of(scope, "OLD"), scope_of(scope, "NEW"));
    match manager.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION {table}_rev() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   IF TG_OP <> 'INSERT' THEN PERFORM bump_revision({old}); END IF; \
                   IF TG_OP <> 'DELETE' THEN PERFORM bump_revision({new}); END IF; \
                   RETURN NULL; \
                 END $$"
            ))
            .await?;
            db.execute_unprepared(&format!(
                "CREATE TRIGGER {table}_rev AFTER INSERT OR UPDATE OR DELETE ON {table} \
                 FOR EACH ROW EXECUTE FUNCTION {table}_rev()"
            ))
            .await?;
        }
        _ => {
            let bump = |at: &str| {
                format!(
                    "INSERT OR IGNORE INTO revision (scope, n) VALUES ({at}, 0); \
                     UPDATE revision SET n = n + 1 WHERE scope = {at};"
                )
            };
            for (event, body) in [
                ("insert", bump(&new)),
                ("update", format!("{} {}", bump(&old), bump(&new))),
                ("delete", bump(&old)),
            ] {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_{event}_rev AFTER {} ON {table} \
                     BEGIN {body} END",
                    event.to_uppercase()
                ))
                .await?;
            }
        }
    }
    Ok(())
}

/// Undoes [`cover`].
pub async fn uncover(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match manager.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared(&format!("DROP TRIGGER {table}_rev ON {table}"))
                .await?;
            db.execute_unprepared(&format!("DROP FUNCTION {table}_rev()"))
                .await?;
        }
        _ => {
            for event in ["insert", "update", "delete"] {
                db.execute_unprepared(&format!("DROP TRIGGER {table}_{event}_rev"))
                    .await?;
            }
        }
    }
    Ok(())
}
