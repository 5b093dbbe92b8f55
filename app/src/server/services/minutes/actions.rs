//! Actions agreed at meetings: what, who, by when; open, done or dropped.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::CurrentUser;
use crate::model::forms::FormProblem;
use crate::model::minutes::{ActionDraft, ActionRow, ActionStatus};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{action_item, agenda_item, meeting, person};
use crate::server::error::DomainError;
use crate::server::services::audit;

async fn rows(
    db: &impl ConnectionTrait,
    found: Vec<action_item::Model>,
    today: NaiveDate,
) -> Result<Vec<ActionRow>, DomainError> {
    let people = person::Entity::find().all(db).await?;
    let meetings = meeting::Entity::find().all(db).await?;
    let item_ids: Vec<i32> = found.iter().filter_map(|a| a.agenda_item_id).collect();
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::Id.is_in(item_ids))
        .all(db)
        .await?;
    Ok(found
        .into_iter()
        .map(|a| ActionRow {
            id: a.id,
            meeting_id: a.meeting_id,
            meeting_number: meetings
                .iter()
                .find(|m| m.id == a.meeting_id)
                .map_or(0, |m| m.number),
            item_id: a.agenda_item_id,
            item_title: items
                .iter()
                .find(|i| Some(i.id) == a.agenda_item_id)
                .map(|i| i.title.clone()),
            owner: people
                .iter()
                .find(|p| p.id == a.owner_id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            overdue: a.status == ActionStatus::Open && a.due_on < today,
            what: a.what,
            owner_id: a.owner_id,
            due_on: a.due_on,
            status: a.status,
            version: a.version,
        })
        .collect())
}

/// The actions agreed at a meeting, in the order they were agreed.
pub async fn of_meeting(
    db: &impl ConnectionTrait,
    m: &meeting::Model,
    today: NaiveDate,
) -> Result<Vec<ActionRow>, DomainError> {
    let found = action_item::Entity::find()
        .filter(action_item::Column::MeetingId.eq(m.id))
        .order_by_asc(action_item::Column::Id)
        .all(db)
        .await?;
    rows(db, found, today).await
}

/// Agrees an action under an item of a meeting whose minutes can be written.
pub async fn add(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    draft: ActionDraft,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let (m, item) = super::editable_item(&txn, item_id, now).await?;
    let owner = person::Entity::find_by_id(draft.owner_id).one(&txn).await?;
    if owner.is_none_or(|p| p.deactivated_at.is_some()) {
        return Err(DomainError::Form(vec![(
            "owner_id",
            FormProblem::OwnerUnknown,
        )]));
    }
    let added = action_item::ActiveModel {
        meeting_id: Set(m.id),
        agenda_item_id: Set(Some(item.id)),
        what: Set(draft.what.clone()),
        owner_id: Set(draft.owner_id),
        due_on: Set(draft.due_on),
        status: Set(ActionStatus::Open),
        created_at: Set(now),
        closed_at: Set(None),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        m.id,
        access.user(),
        now,
        "minutes.action",
        format!("{} (due {})", draft.what, draft.due_on),
    )
    .await?;
    txn.commit().await?;
    Ok(added.id)
}

/// Marks an action done, dropped or open again: its owner or the secretariat, against the
/// version they saw.
pub async fn set_status(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
    action_id: i32,
    expected_version: i32,
    status: ActionStatus,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = action_item::Entity::find_by_id(action_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    if found.owner_id != user.person_id && !user.role.is_secretariat() {
        return Err(DomainError::Forbidden);
    }
    let changed = action_item::Entity::update_many()
        .col_expr(action_item::Column::Status, Expr::value(status))
        .col_expr(
            action_item::Column::ClosedAt,
            Expr::value((status != ActionStatus::Open).then_some(now)),
        )
        .col_expr(
            action_item::Column::Version,
            Expr::value(expected_version + 1),
        )
        .filter(action_item::Column::Id.eq(action_id))
        .filter(action_item::Column::Version.eq(expected_version))
        .exec(&txn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(DomainError::Stale);
    }
    audit::record(
        &txn,
        found.meeting_id,
        user,
        now,
        "minutes.action_status",
        format!("{}: {}", found.what, status.as_str()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Open actions first, overdue first among them, then by due date: everyone's for the
/// secretariat, one's own for everyone else (`mine`).
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    today: NaiveDate,
    mine: bool,
) -> Result<Vec<ActionRow>, DomainError> {
    let mut query = action_item::Entity::find();
    if mine || !viewer.role.is_secretariat() {
        query = query.filter(action_item::Column::OwnerId.eq(viewer.person_id));
    }
    let found = query
        .order_by_asc(action_item::Column::DueOn)
        .all(db)
        .await?;
    let mut all = rows(db, found, today).await?;
    all.sort_by_key(|a| (a.status != ActionStatus::Open, !a.overdue, a.due_on, a.id));
    Ok(all)
}

/// What the next meeting's follow-up item lists: every action still open.
pub async fn open(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
    today: NaiveDate,
) -> Result<Vec<ActionRow>, DomainError> {
    let found = action_item::Entity::find()
        .filter(action_item::Column::Status.eq(ActionStatus::Open))
        .order_by_asc(action_item::Column::DueOn)
        .all(db)
        .await?;
    rows(db, found, today).await
}
