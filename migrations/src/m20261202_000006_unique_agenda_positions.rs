use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AgendaItem {
    Table,
    Id,
    MeetingId,
    Position,
}

/// Each place on a meeting's agenda holds one item. Concurrent saves had left two items at
/// the same place; those meetings are renumbered 1..n first, in their shown order (place,
/// then age), and the unique index replaces the plain one on the same columns.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let rows = db
            .query_all(
                &Query::select()
                    .columns([AgendaItem::Id, AgendaItem::MeetingId, AgendaItem::Position])
                    .from(AgendaItem::Table)
                    .order_by(AgendaItem::MeetingId, Order::Asc)
                    .order_by(AgendaItem::Position, Order::Asc)
                    .order_by(AgendaItem::Id, Order::Asc)
                    .to_owned(),
            )
            .await?;
        let mut items: Vec<(i32, i32, i32)> = Vec::with_capacity(rows.len());
        for row in rows {
            items.push((
                row.try_get("", "id")?,
                row.try_get("", "meeting_id")?,
                row.try_get("", "position")?,
            ));
        }
        for agenda in items.chunk_by(|a, b| a.1 == b.1) {
            let shared = agenda.windows(2).any(|pair| pair[0].2 == pair[1].2);
            if !shared {
                continue;
            }
            for (place, (id, _, _)) in (1..).zip(agenda) {
                db.execute(
                    &Query::update()
                        .table(AgendaItem::Table)
                        .value(AgendaItem::Position, place)
                        .and_where(Expr::col(AgendaItem::Id).eq(*id))
                        .to_owned(),
                )
                .await?;
            }
        }
        manager
            .drop_index(
                Index::drop()
                    .name("ix_agenda_item_meeting")
                    .table(AgendaItem::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_agenda_item_meeting_position")
                    .table(AgendaItem::Table)
                    .col(AgendaItem::MeetingId)
                    .col(AgendaItem::Position)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ux_agenda_item_meeting_position")
                    .table(AgendaItem::Table)
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
            .await
    }
}
