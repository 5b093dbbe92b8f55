use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Meeting {
    Table,
    Id,
    Uid,
    Sequence,
    CancelledAt,
    ReminderSentAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    FeedToken,
}

#[derive(DeriveIden)]
enum Invitee {
    Table,
    Id,
    MeetingId,
    PersonId,
    Name,
    Email,
    Language,
    Partstat,
    AnsweredAt,
    RemovedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    Id,
    MessageId,
    MeetingId,
    Sender,
    Recipient,
    OrderingKey,
    Kind,
    Subject,
    Body,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum AppSecret {
    Table,
    Name,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            ColumnDef::new(Meeting::Uid).string().null().take(),
            ColumnDef::new(Meeting::Sequence)
                .integer()
                .not_null()
                .default(0)
                .take(),
            ColumnDef::new(Meeting::CancelledAt)
                .timestamp_with_time_zone()
                .null()
                .take(),
            ColumnDef::new(Meeting::ReminderSentAt)
                .timestamp_with_time_zone()
                .null()
                .take(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(Meeting::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Person::Table)
                    .add_column(string_null(Person::FeedToken))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Invitee::Table)
                    .col(pk_auto(Invitee::Id))
                    .col(integer(Invitee::MeetingId))
                    .col(integer_null(Invitee::PersonId))
                    .col(string(Invitee::Name))
                    .col(string(Invitee::Email))
                    .col(string(Invitee::Language))
                    .col(
                        string(Invitee::Partstat).check(Expr::col(Invitee::Partstat).is_in([
                            "NEEDS-ACTION",
                            "ACCEPTED",
                            "TENTATIVE",
                            "DECLINED",
                        ])),
                    )
                    .col(timestamp_with_time_zone_null(Invitee::AnsweredAt))
                    .col(timestamp_with_time_zone_null(Invitee::RemovedAt))
                    .col(timestamp_with_time_zone(Invitee::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitee::Table, Invitee::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitee::Table, Invitee::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_invitee_meeting_email")
                    .table(Invitee::Table)
                    .col(Invitee::MeetingId)
                    .col(Invitee::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OutboxMessage::Table)
                    .col(pk_auto(OutboxMessage::Id))
                    .col(string_uniq(OutboxMessage::MessageId))
                    .col(integer_null(OutboxMessage::MeetingId))
                    .col(string(OutboxMessage::Sender))
                    .col(string(OutboxMessage::Recipient))
                    .col(string(OutboxMessage::OrderingKey))
                    .col(string(OutboxMessage::Kind))
                    .col(string(OutboxMessage::Subject))
                    .col(text(OutboxMessage::Body))
                    .col(
                        string(OutboxMessage::Status).check(
                            Expr::col(OutboxMessage::Status)
                                .is_in(["queued", "sending", "sent", "dead"]),
                        ),
                    )
                    .col(integer(OutboxMessage::Attempts).default(0))
                    .col(timestamp_with_time_zone(OutboxMessage::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(OutboxMessage::ClaimedUntil))
                    .col(text_null(OutboxMessage::LastError))
                    .col(timestamp_with_time_zone(OutboxMessage::CreatedAt))
                    .col(timestamp_with_time_zone_null(OutboxMessage::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutboxMessage::Table, OutboxMessage::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_due")
                    .table(OutboxMessage::Table)
                    .col(OutboxMessage::Status)
                    .col(OutboxMessage::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_ordering")
                    .table(OutboxMessage::Table)
                    .col(OutboxMessage::OrderingKey)
                    .col(OutboxMessage::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AppSecret::Table)
                    .col(string(AppSecret::Name).primary_key())
                    .col(string(AppSecret::Value))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AppSecret::Table.into_iden(),
            OutboxMessage::Table.into_iden(),
            Invitee::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [
            Meeting::ReminderSentAt.into_iden(),
            Meeting::CancelledAt.into_iden(),
            Meeting::Sequence.into_iden(),
            Meeting::Uid.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Meeting::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Person::Table)
                    .drop_column(Person::FeedToken)
                    .to_owned(),
            )
            .await
    }
}
