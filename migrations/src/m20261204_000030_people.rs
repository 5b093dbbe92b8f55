use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    DeactivatedAt,
    DeputyForId,
    Lead,
    Version,
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    PersonId,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    UserAgent,
}

#[derive(DeriveIden)]
enum SignInLink {
    Table,
    Id,
    TokenHash,
    PersonId,
    Email,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum LinkRequest {
    Table,
    Id,
    Email,
    Purpose,
    RequestedAt,
    HandledAt,
}

/// People kept in the browser: deactivation instead of deletion, deputies, the secretariat's
/// lead, a version against lost updates, the person an audit entry is about, what browser a
/// session is, and sign-in links (stored as hashes) with the requests that ask for them.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        allow_deputy_role(manager).await?;
        // SQLite alters one column per statement.
        for column in [
            timestamp_with_time_zone_null(Person::DeactivatedAt),
            integer_null(Person::DeputyForId),
            boolean(Person::Lead).default(false).to_owned(),
            integer(Person::Version).default(1).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Person::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEntry::Table)
                    .add_column(integer_null(AuditEntry::PersonId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Session::Table)
                    .add_column(string_null(Session::UserAgent))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignInLink::Table)
                    .col(pk_auto(SignInLink::Id))
                    .col(string_uniq(SignInLink::TokenHash))
                    .col(integer(SignInLink::PersonId))
                    .col(string(SignInLink::Email))
                    .col(string(SignInLink::Purpose))
                    .col(timestamp_with_time_zone(SignInLink::CreatedAt))
                    .col(timestamp_with_time_zone(SignInLink::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SignInLink::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SignInLink::Table, SignInLink::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LinkRequest::Table)
                    .col(pk_auto(LinkRequest::Id))
                    .col(string(LinkRequest::Email))
                    .col(string(LinkRequest::Purpose))
                    .col(timestamp_with_time_zone(LinkRequest::RequestedAt))
                    .col(timestamp_with_time_zone_null(LinkRequest::HandledAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LinkRequest::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SignInLink::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Session::Table)
                    .drop_column(Session::UserAgent)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEntry::Table)
                    .drop_column(AuditEntry::PersonId)
                    .to_owned(),
            )
            .await?;
        for column in [
            Person::Version,
            Person::Lead,
            Person::DeputyForId,
            Person::DeactivatedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Person::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

/// The roles the person table accepts from now on.
const ROLES: &str = "'secretariat', 'chair', 'member', 'deputy', 'steering_group', 'observer'";

/// The person table's role check gains `deputy`. PostgreSQL replaces the named constraint.
/// SQLite cannot alter a constraint, but it can drop a column whose only constraint is its
/// own check: the role moves to a new column without the check, which takes the old name. SQLite refuses a
/// check on a column added to a table with rows ("no such column" while it tests them), so
/// on SQLite the role's values are held by the `Role` enum alone from here on.
async fn allow_deputy_role(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match db.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared(&format!(
                "ALTER TABLE person DROP CONSTRAINT IF EXISTS person_role_check; \
                 ALTER TABLE person ADD CONSTRAINT person_role_check CHECK (role IN ({ROLES}))"
            ))
            .await?;
        }
        DbBackend::Sqlite => {
            // One call, so that every statement runs on the same pooled connection (a
            // connection that did not make the change would still see the old columns).
            db.execute_unprepared(
                "ALTER TABLE person ADD COLUMN role_kept varchar NOT NULL DEFAULT 'member'; \
                 UPDATE person SET role_kept = role; \
                 ALTER TABLE person DROP COLUMN role; \
                 ALTER TABLE person RENAME COLUMN role_kept TO role;",
            )
            .await
            .map_err(|e| DbErr::Migration(format!("widening the role column: {e}")))?;
        }
        _ => {}
    }
    Ok(())
}
