use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Meeting {
    Table,
    Id,
    ReviewComment,
    ApprovedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AgendaItem {
    Table,
    Id,
    MeetingId,
    Position,
    Kind,
    Title,
    Resume,
    Indstilling,
    PresenterId,
    DurationMinutes,
    Closed,
    Standing,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Paper {
    Table,
    Id,
    AgendaItemId,
    Title,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PaperVersion {
    Table,
    Id,
    PaperId,
    VersionNo,
    OriginalName,
    StoredName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    MeetingId,
    ActorId,
    At,
    Action,
    Details,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .add_column(text_null(Meeting::ReviewComment))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .add_column(timestamp_with_time_zone_null(Meeting::ApprovedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AgendaItem::Table)
                    .col(pk_auto(AgendaItem::Id))
                    .col(integer(AgendaItem::MeetingId))
                    .col(integer(AgendaItem::Position))
                    .col(
                        string(AgendaItem::Kind)
                            .check(Expr::col(AgendaItem::Kind).is_in(["B", "D", "O"])),
                    )
                    .col(string(AgendaItem::Title))
                    .col(text(AgendaItem::Resume))
                    .col(text_null(AgendaItem::Indstilling))
                    .col(integer_null(AgendaItem::PresenterId))
                    .col(
                        integer(AgendaItem::DurationMinutes)
                            .check(Expr::col(AgendaItem::DurationMinutes).gt(0)),
                    )
                    .col(boolean(AgendaItem::Closed).default(false))
                    .col(string_null(AgendaItem::Standing))
                    .col(integer(AgendaItem::Version).default(1))
                    .col(timestamp_with_time_zone(AgendaItem::CreatedAt))
                    .col(timestamp_with_time_zone(AgendaItem::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgendaItem::Table, AgendaItem::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgendaItem::Table, AgendaItem::PresenterId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_agenda_item_meeting")
                    .table(AgendaItem::Table)
                    .col(AgendaItem::MeetingId)
                    .col(AgendaItem::Position)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Paper::Table)
                    .col(pk_auto(Paper::Id))
                    .col(integer(Paper::AgendaItemId))
                    .col(string(Paper::Title))
                    .col(timestamp_with_time_zone(Paper::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Paper::Table, Paper::AgendaItemId)
                            .to(AgendaItem::Table, AgendaItem::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_paper_item")
                    .table(Paper::Table)
                    .col(Paper::AgendaItemId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PaperVersion::Table)
                    .col(pk_auto(PaperVersion::Id))
                    .col(integer(PaperVersion::PaperId))
                    .col(integer(PaperVersion::VersionNo))
                    .col(string(PaperVersion::OriginalName))
                    .col(string_uniq(PaperVersion::StoredName))
                    .col(string(PaperVersion::ContentType))
                    .col(big_integer(PaperVersion::SizeBytes))
                    .col(string(PaperVersion::Sha256))
                    .col(integer_null(PaperVersion::UploadedBy))
                    .col(timestamp_with_time_zone(PaperVersion::UploadedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PaperVersion::Table, PaperVersion::PaperId)
                            .to(Paper::Table, Paper::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_paper_version")
                    .table(PaperVersion::Table)
                    .col(PaperVersion::PaperId)
                    .col(PaperVersion::VersionNo)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEntry::Table)
                    .col(pk_auto(AuditEntry::Id))
                    .col(integer_null(AuditEntry::MeetingId))
                    .col(integer_null(AuditEntry::ActorId))
                    .col(timestamp_with_time_zone(AuditEntry::At))
                    .col(string(AuditEntry::Action))
                    .col(text(AuditEntry::Details))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditEntry::Table, AuditEntry::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_meeting")
                    .table(AuditEntry::Table)
                    .col(AuditEntry::MeetingId)
                    .col(AuditEntry::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEntry::Table.into_iden(),
            PaperVersion::Table.into_iden(),
            Paper::Table.into_iden(),
            AgendaItem::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .drop_column(Meeting::ApprovedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .drop_column(Meeting::ReviewComment)
                    .to_owned(),
            )
            .await
    }
}
