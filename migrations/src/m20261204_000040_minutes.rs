use sea_orm_migration::{prelude::*, schema::*};

use crate::revision::{self, Scope};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Meeting {
    Table,
    Id,
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
}

#[derive(DeriveIden)]
enum ItemOutcome {
    Table,
    Id,
    AgendaItemId,
    Text,
    Version,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum Decision {
    Table,
    Id,
    MeetingId,
    AgendaItemId,
    Number,
    Code,
    Text,
    Status,
    CreatedAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum ActionItem {
    Table,
    Id,
    MeetingId,
    AgendaItemId,
    What,
    OwnerId,
    DueOn,
    Status,
    CreatedAt,
    ClosedAt,
    Version,
}

/// The tables the minutes add, and the meeting each row's changes belong to.
const COVERED: [(&str, Scope); 3] = [
    (
        "item_outcome",
        Scope("COALESCE((SELECT meeting_id FROM agenda_item WHERE id = {row}.agenda_item_id), 0)"),
    ),
    ("decision", Scope("{row}.meeting_id")),
    ("action_item", Scope("{row}.meeting_id")),
];

/// Minutes taken against the agenda: each item's outcome (kept with a version against lost
/// updates), numbered decisions that are never renumbered or reused, and actions with an owner
/// and a due date.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ItemOutcome::Table)
                    .col(pk_auto(ItemOutcome::Id))
                    .col(integer_uniq(ItemOutcome::AgendaItemId))
                    .col(text(ItemOutcome::Text))
                    .col(integer(ItemOutcome::Version).default(1))
                    .col(timestamp_with_time_zone(ItemOutcome::UpdatedAt))
                    .col(integer_null(ItemOutcome::UpdatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ItemOutcome::Table, ItemOutcome::AgendaItemId)
                            .to(AgendaItem::Table, AgendaItem::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ItemOutcome::Table, ItemOutcome::UpdatedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Decision::Table)
                    .col(pk_auto(Decision::Id))
                    .col(integer(Decision::MeetingId))
                    .col(integer_null(Decision::AgendaItemId))
                    .col(integer(Decision::Number).check(Expr::col(Decision::Number).gt(0)))
                    .col(string_uniq(Decision::Code))
                    .col(text(Decision::Text))
                    .col(
                        string(Decision::Status).check(Expr::col(Decision::Status).is_in([
                            "noted",
                            "follow_up",
                            "done",
                        ])),
                    )
                    .col(timestamp_with_time_zone(Decision::CreatedAt))
                    .col(integer_null(Decision::CreatedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decision::Table, Decision::MeetingId)
                            .to(Meeting::Table, Meeting::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decision::Table, Decision::AgendaItemId)
                            .to(AgendaItem::Table, AgendaItem::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decision::Table, Decision::CreatedBy)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("decision_meeting_number")
                    .table(Decision::Table)
                    .col(Decision::MeetingId)
                    .col(Decision::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActionItem::Table)
                    .col(pk_auto(ActionItem::Id))
                    .col(integer(ActionItem::MeetingId))
                    .col(integer_null(ActionItem::AgendaItemId))
                    .col(text(ActionItem::What))
                    .col(integer(ActionItem::OwnerId))
                    .col(date(ActionItem::DueOn))
                    .col(
                        string(ActionItem::Status).check(
                            Expr::col(ActionItem::Status).is_in(["open", "done", "dropped"]),
                        ),
                    )
                    .col(timestamp_with_time_zone(ActionItem::CreatedAt))
                    .col(timestamp_with_time_zone_null(ActionItem::ClosedAt))
                    .col(integer(ActionItem::Version).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActionItem::Table, ActionItem::MeetingId)
                            .to(Meeting::Table, Meeting::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActionItem::Table, ActionItem::AgendaItemId)
                            .to(AgendaItem::Table, AgendaItem::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActionItem::Table, ActionItem::OwnerId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (table, scope) in &COVERED {
            revision::cover(manager, table, scope).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, _) in COVERED.iter().rev() {
            revision::uncover(manager, table).await?;
        }
        for table in [
            ActionItem::Table.into_iden(),
            Decision::Table.into_iden(),
            ItemOutcome::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
