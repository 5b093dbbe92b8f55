//! Moving an agenda item up, down or to a place.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::{editable_item, places, withdraw_approval};
use crate::server::auth::SecretariatAccess;
use crate::server::error::DomainError;
use crate::server::services::audit;

/// Where an item goes on its agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// One place up (the buttons).
    Up,
    /// One place down (the buttons).
    Down,
    /// To this place, counting from 1 (drag and drop); beyond the end means last.
    To(usize),
}

/// Moves an item on its agenda; the others close up behind it. Moving the first item up or
/// the last down changes nothing.
pub async fn move_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    placement: Placement,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = move_item_in(&txn, access, now, item_id, placement).await?;
    txn.commit().await?;
    Ok(done)
}

/// The same inside the caller's transaction.
pub async fn move_item_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    placement: Placement,
) -> Result<i32, DomainError> {
    let (current, row) = editable_item(txn, item_id).await?;
    let mut items = places::in_order(txn, current.meeting_id).await?;
    let from = items
        .iter()
        .position(|i| i.id == item_id)
        .ok_or(DomainError::NotFound)?;
    let last = items.len() - 1;
    let to = match placement {
        Placement::Up => from.saturating_sub(1),
        Placement::Down => (from + 1).min(last),
        Placement::To(place) => place.clamp(1, last + 1) - 1,
    };
    if to != from {
        let moved = items.remove(from);
        items.insert(to, moved);
        places::renumber(txn, &items).await?;
        withdraw_approval(txn, &row).await?;
        audit::record(
            txn,
            current.meeting_id,
            access.user(),
            now,
            "item.moved",
            format!("{}: {} → {}", current.title, from + 1, to + 1),
        )
        .await?;
    }
    Ok(current.meeting_id)
}
