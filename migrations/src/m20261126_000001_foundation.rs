use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Taskforce {
    Table,
    Id,
    Name,
    Description,
    Mailbox,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    TaskforceId,
    Name,
    Title,
    Organisation,
    Sector,
    Email,
    Language,
    Role,
    SortOrder,
    CreatedAt,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    PersonId,
    PasswordHash,
    CreatedAt,
    LastLoginAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    AccountId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Failures,
    WindowStartedAt,
    LockedUntil,
}

#[derive(DeriveIden)]
enum Meeting {
    Table,
    Id,
    TaskforceId,
    Number,
    Title,
    StartsAt,
    EndsAt,
    TimeZone,
    Location,
    OnlineLink,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Taskforce::Table)
                    .col(pk_auto(Taskforce::Id))
                    .col(string(Taskforce::Name))
                    .col(text(Taskforce::Description))
                    .col(string(Taskforce::Mailbox))
                    .col(timestamp_with_time_zone(Taskforce::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Person::Table)
                    .col(pk_auto(Person::Id))
                    .col(integer(Person::TaskforceId))
                    .col(string(Person::Name))
                    .col(string(Person::Title))
                    .col(string(Person::Organisation))
                    .col(
                        string(Person::Sector).check(Expr::col(Person::Sector).is_in([
                            "stat",
                            "region",
                            "kommune",
                            "privat",
                            "forskning",
                        ])),
                    )
                    .col(string_uniq(Person::Email))
                    .col(
                        string(Person::Language)
                            .check(Expr::col(Person::Language).is_in(["da", "en"])),
                    )
                    .col(string(Person::Role).check(Expr::col(Person::Role).is_in([
                        "secretariat",
                        "chair",
                        "member",
                        "steering_group",
                        "observer",
                    ])))
                    .col(integer(Person::SortOrder).default(0))
                    .col(timestamp_with_time_zone(Person::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Person::Table, Person::TaskforceId)
                            .to(Taskforce::Table, Taskforce::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserAccount::Table)
                    .col(pk_auto(UserAccount::Id))
                    .col(integer_uniq(UserAccount::PersonId))
                    .col(string(UserAccount::PasswordHash))
                    .col(timestamp_with_time_zone(UserAccount::CreatedAt))
                    .col(timestamp_with_time_zone_null(UserAccount::LastLoginAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserAccount::Table, UserAccount::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(pk_auto(Session::Id))
                    .col(string_uniq(Session::TokenHash))
                    .col(integer(Session::AccountId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .col(string(LoginThrottle::Key).primary_key())
                    .col(integer(LoginThrottle::Failures))
                    .col(timestamp_with_time_zone(LoginThrottle::WindowStartedAt))
                    .col(timestamp_with_time_zone_null(LoginThrottle::LockedUntil))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Meeting::Table)
                    .col(pk_auto(Meeting::Id))
                    .col(integer(Meeting::TaskforceId))
                    .col(integer(Meeting::Number))
                    .col(string(Meeting::Title))
                    .col(timestamp_with_time_zone(Meeting::StartsAt))
                    .col(timestamp_with_time_zone(Meeting::EndsAt))
                    .col(string(Meeting::TimeZone))
                    .col(string(Meeting::Location))
                    .col(string_null(Meeting::OnlineLink))
                    .col(
                        string(Meeting::Status).check(Expr::col(Meeting::Status).is_in([
                            "draft",
                            "in_review",
                            "published",
                            "held",
                            "minutes_approved",
                            "closed",
                        ])),
                    )
                    .col(integer(Meeting::Version).default(1))
                    .col(timestamp_with_time_zone(Meeting::CreatedAt))
                    .col(timestamp_with_time_zone(Meeting::UpdatedAt))
                    .check(Expr::col(Meeting::EndsAt).gt(Expr::col(Meeting::StartsAt)))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Meeting::Table, Meeting::TaskforceId)
                            .to(Taskforce::Table, Taskforce::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_meeting_taskforce_number")
                    .table(Meeting::Table)
                    .col(Meeting::TaskforceId)
                    .col(Meeting::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_session_account")
                    .table(Session::Table)
                    .col(Session::AccountId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Meeting::Table.into_iden(),
            LoginThrottle::Table.into_iden(),
            Session::Table.into_iden(),
            UserAccount::Table.into_iden(),
            Person::Table.into_iden(),
            Taskforce::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
