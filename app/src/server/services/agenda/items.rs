//! Adding, changing and removing agenda items.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::{check_draft, editable_item, editable_meeting, places, withdraw_approval};
use crate::model::agenda::{ItemDraft, Standing};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::agenda_item;
use crate::server::error::DomainError;
use crate::server::services::audit;

/// Adds an item before "Eventuelt", which stays last, in a transaction of its own.
pub async fn add_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    meeting_id: i32,
    draft: ItemDraft,
) -> Result<i32, DomainError> {
    crate::server::db::retry_unique_violations(|| async {
        let txn = crate::server::db::begin_write(db).await?;
        let inserted = add_item_in(&txn, access, now, meeting_id, &draft).await?;
        txn.commit().await?;
        Ok(inserted)
    })
    .await
}

/// Adds an item before "Eventuelt" (or last, without one) inside the caller's transaction.
pub async fn add_item_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    meeting_id: i32,
    draft: &ItemDraft,
) -> Result<i32, DomainError> {
    let row = editable_meeting(txn, meeting_id).await?;
    check_draft(txn, draft).await?;
    let items = places::in_order(txn, meeting_id).await?;
    let before = items
        .iter()
        .position(|i| i.standing == Some(Standing::Aob))
        .unwrap_or(items.len());
    let position = places::make_room(txn, &items, before).await?;
    let inserted = insert_item(txn, now, meeting_id, position, draft, None).await?;
    withdraw_approval(txn, &row).await?;
    audit::record(
        txn,
        meeting_id,
        access.user(),
        now,
        "item.added",
        format!("{} {}", draft.kind.as_str(), draft.title),
    )
    .await?;
    Ok(inserted)
}

pub async fn insert_item(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    meeting_id: i32,
    position: i32,
    draft: &ItemDraft,
    standing: Option<Standing>,
) -> Result<i32, DomainError> {
    let model = agenda_item::ActiveModel {
        meeting_id: Set(meeting_id),
        position: Set(position),
        kind: Set(draft.kind),
        title: Set(draft.title.clone()),
        resume: Set(draft.resume.clone()),
        indstilling: Set(draft.indstilling.clone()),
        presenter_id: Set(draft.presenter_id),
        duration_minutes: Set(draft.duration_minutes),
        closed: Set(draft.closed),
        standing: Set(standing),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// Saves an item if nobody changed it since `expected_version` was read; otherwise `Stale`.
pub async fn update_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    expected_version: i32,
    draft: ItemDraft,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    update_item_in(&txn, access, now, item_id, expected_version, draft).await?;
    txn.commit().await?;
    Ok(())
}

/// The same inside the caller's transaction.
pub async fn update_item_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    expected_version: i32,
    draft: ItemDraft,
) -> Result<(), DomainError> {
    let (current, row) = editable_item(txn, item_id).await?;
    check_draft(txn, &draft).await?;
    let result = agenda_item::Entity::update_many()
        .col_expr(agenda_item::Column::Kind, Expr::value(draft.kind))
        .col_expr(agenda_item::Column::Title, Expr::value(draft.title.clone()))
        .col_expr(
            agenda_item::Column::Resume,
            Expr::value(draft.resume.clone()),
        )
        .col_expr(
            agenda_item::Column::Indstilling,
            Expr::value(draft.indstilling.clone()),
        )
        .col_expr(
            agenda_item::Column::PresenterId,
            Expr::value(draft.presenter_id),
        )
        .col_expr(
            agenda_item::Column::DurationMinutes,
            Expr::value(draft.duration_minutes),
        )
        .col_expr(agenda_item::Column::Closed, Expr::value(draft.closed))
        .col_expr(
            agenda_item::Column::Version,
            Expr::value(expected_version + 1),
        )
        .col_expr(agenda_item::Column::UpdatedAt, Expr::value(now))
        .filter(agenda_item::Column::Id.eq(item_id))
        .filter(agenda_item::Column::Version.eq(expected_version))
        .exec(txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(DomainError::Stale);
    }
    let details = audit::changes(&[
        (
            "type",
            current.kind.as_str().to_string(),
            draft.kind.as_str().to_string(),
        ),
        ("title", current.title.clone(), draft.title.clone()),
        ("resume", current.resume.clone(), draft.resume.clone()),
        (
            "indstilling",
            current.indstilling.clone().unwrap_or_default(),
            draft.indstilling.clone().unwrap_or_default(),
        ),
        (
            "presenter",
            format!("{:?}", current.presenter_id),
            format!("{:?}", draft.presenter_id),
        ),
        (
            "duration",
            current.duration_minutes.to_string(),
            draft.duration_minutes.to_string(),
        ),
        (
            "closed",
            current.closed.to_string(),
            draft.closed.to_string(),
        ),
    ]);
    withdraw_approval(txn, &row).await?;
    audit::record(
        txn,
        current.meeting_id,
        access.user(),
        now,
        "item.updated",
        format!("{}: {details}", current.title),
    )
    .await?;
    Ok(())
}

/// Removes an item with its papers; their files in `files_dir` go once the removal commits.
pub async fn remove_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    files_dir: &std::path::Path,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let removed = remove_item_in(&txn, access, now, item_id).await?;
    txn.commit().await?;
    crate::server::files::remove_stored(files_dir, &removed.files).await;
    Ok(removed.meeting_id)
}

/// What removing an item leaves to do once the transaction has committed.
#[derive(Debug)]
pub struct RemovedItem {
    pub meeting_id: i32,
    /// The item's stored paper files: delete them after the commit, never before, so that a
    /// rolled-back removal keeps its papers.
    pub files: Vec<String>,
}

/// [`remove_item`] inside the caller's transaction; the caller deletes `files` after committing.
pub async fn remove_item_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
) -> Result<RemovedItem, DomainError> {
    let (current, row) = editable_item(db, item_id).await?;
    let files = crate::server::services::papers::stored_names_on_item(db, item_id).await?;
    agenda_item::Entity::delete_by_id(item_id).exec(db).await?;
    places::close_up(db, current.meeting_id).await?;
    withdraw_approval(db, &row).await?;
    audit::record(
        db,
        current.meeting_id,
        access.user(),
        now,
        "item.removed",
        current.title.clone(),
    )
    .await?;
    Ok(RemovedItem {
        meeting_id: current.meeting_id,
        files,
    })
}
