//! Places on an agenda. Each place holds one item: a unique index on (meeting, position) says
//! so on both databases, and writers to one agenda go one at a time ([`lock_meeting`]), each
//! reading the places the one before it committed.
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::server::entities::{agenda_item, meeting};
use crate::server::error::DomainError;

/// Holds the meeting's row lock until the transaction ends, so that nobody else changes its
/// agenda meanwhile, and returns the meeting as it is now. A no-op UPDATE rather than
/// `SELECT … FOR UPDATE`: on PostgreSQL every writing statement first takes the data
/// revision's row (its trigger), and a row lock taken by reading would come before that,
/// in the opposite order to a writer that updates the meeting itself: a deadlock. On SQLite
/// the write transaction (`BEGIN IMMEDIATE`) is alone anyway.
pub(crate) async fn lock_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<meeting::Model, DomainError> {
    let locked = meeting::Entity::update_many()
        .col_expr(
            meeting::Column::UpdatedAt,
            Expr::col(meeting::Column::UpdatedAt),
        )
        .filter(meeting::Column::Id.eq(meeting_id))
        .exec(db)
        .await?;
    if locked.rows_affected == 0 {
        return Err(DomainError::NotFound);
    }
    meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// The meeting's items in agenda order.
pub(crate) async fn in_order(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<Vec<agenda_item::Model>, DomainError> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(db)
        .await?)
}

fn place(index: usize) -> Result<i32, DomainError> {
    i32::try_from(index + 1).map_err(|_| DomainError::Internal("too many agenda items".into()))
}

/// Puts each item at its new place without two items ever sharing one, even for a moment
/// (the index is checked row by row): the items that move are first parked at their place
/// negated, which is free (places are positive) and distinct; then each goes to its new
/// place, which is free or was held by an item that moves too, parked by now.
async fn assign(
    db: &impl ConnectionTrait,
    places: impl IntoIterator<Item = (&agenda_item::Model, i32)>,
) -> Result<(), DomainError> {
    let moving: Vec<(i32, i32)> = places
        .into_iter()
        .filter(|(item, to)| item.position != *to)
        .map(|(item, to)| (item.id, to))
        .collect();
    if moving.is_empty() {
        return Ok(());
    }
    agenda_item::Entity::update_many()
        .col_expr(
            agenda_item::Column::Position,
            Expr::col(agenda_item::Column::Position).mul(-1),
        )
        .filter(agenda_item::Column::Id.is_in(moving.iter().map(|(id, _)| *id)))
        .exec(db)
        .await?;
    for (id, to) in moving {
        agenda_item::Entity::update_many()
            .col_expr(agenda_item::Column::Position, Expr::value(to))
            .filter(agenda_item::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Gives the items the places 1, 2, … in the order given.
pub(super) async fn renumber(
    db: &impl ConnectionTrait,
    order: &[agenda_item::Model],
) -> Result<(), DomainError> {
    let places = order
        .iter()
        .enumerate()
        .map(|(index, item)| Ok((item, place(index)?)))
        .collect::<Result<Vec<_>, DomainError>>()?;
    assign(db, places).await
}

/// Frees the place before the item at `index` of `order` (or after the last, for
/// `order.len()`) by moving it and those after it down one, and returns that place.
pub(super) async fn make_room(
    db: &impl ConnectionTrait,
    order: &[agenda_item::Model],
    index: usize,
) -> Result<i32, DomainError> {
    let places = order
        .iter()
        .enumerate()
        .map(|(i, item)| Ok((item, place(if i < index { i } else { i + 1 })?)))
        .collect::<Result<Vec<_>, DomainError>>()?;
    assign(db, places).await?;
    place(index.min(order.len()))
}

/// After a removal: the items close up behind the gap.
pub(super) async fn close_up(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<(), DomainError> {
    renumber(db, &in_order(db, meeting_id).await?).await
}
