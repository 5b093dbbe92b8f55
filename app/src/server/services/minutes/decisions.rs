//! Numbered decisions and the register across meetings.
//!
//! A decision's number is the next one in its meeting, taken while the meeting's row is locked
//! (`lock_meeting`), and a unique index on (meeting, number) backs it on both databases; a
//! number is never changed, and decisions are never deleted, so no number is reused.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::model::CurrentUser;
use crate::model::minutes::{DecisionRow, DecisionStatus, decision_code, decision_text};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{agenda_item, decision, meeting};
use crate::server::error::DomainError;
use crate::server::services::audit;
use crate::server::services::meetings::may_read_closed;

fn row(d: decision::Model, m: &meeting::Model, item: Option<&agenda_item::Model>) -> DecisionRow {
    DecisionRow {
        id: d.id,
        code: d.code,
        meeting_id: m.id,
        meeting_number: m.number,
        meeting_title: m.title.clone(),
        item_id: d.agenda_item_id,
        item_title: item.map(|i| i.title.clone()),
        text: d.text,
        status: d.status,
        decided_at: d.created_at,
    }
}

/// A meeting's decisions in number order.
pub async fn of_meeting(
    db: &impl ConnectionTrait,
    m: &meeting::Model,
) -> Result<Vec<DecisionRow>, DomainError> {
    let rows = decision::Entity::find()
        .filter(decision::Column::MeetingId.eq(m.id))
        .order_by_asc(decision::Column::Number)
        .all(db)
        .await?;
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(m.id))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|d| {
            let item = items.iter().find(|i| Some(i.id) == d.agenda_item_id);
            row(d, m, item)
        })
        .collect())
}

/// Records a decision under an item with the next number of its meeting. Returns its code.
pub async fn add(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    text: &str,
) -> Result<String, DomainError> {
    let text = decision_text(text).map_err(|p| super::text_problem("text", p))?;
    let txn = crate::server::db::begin_write(db).await?;
    let (m, item) = super::editable_item(&txn, item_id, now).await?;
    let last: Option<i32> = decision::Entity::find()
        .select_only()
        .column_as(decision::Column::Number.max(), "last")
        .filter(decision::Column::MeetingId.eq(m.id))
        .into_tuple::<Option<i32>>()
        .one(&txn)
        .await?
        .flatten();
    let number = last.unwrap_or(0) + 1;
    let code = decision_code(m.number, number);
    decision::ActiveModel {
        meeting_id: Set(m.id),
        agenda_item_id: Set(Some(item.id)),
        number: Set(number),
        code: Set(code.clone()),
        text: Set(text),
        status: Set(DecisionStatus::Noted),
        created_at: Set(now),
        created_by: Set(Some(access.user().person_id)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        m.id,
        access.user(),
        now,
        "minutes.decision",
        format!("{code} under {}", item.title),
    )
    .await?;
    txn.commit().await?;
    Ok(code)
}

/// Changes a decision's wording (while the minutes can be written) or its follow-up status
/// (at any time); its number stays.
pub async fn update(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    decision_id: i32,
    text: Option<&str>,
    status: DecisionStatus,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = decision::Entity::find_by_id(decision_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    let mut update: decision::ActiveModel = found.clone().into();
    if let Some(text) = text {
        let text = decision_text(text).map_err(|p| super::text_problem("text", p))?;
        if text != found.text {
            super::editable_meeting(&txn, found.meeting_id, now).await?;
            update.text = Set(text);
        }
    }
    update.status = Set(status);
    update.update(&txn).await?;
    audit::record(
        &txn,
        found.meeting_id,
        access.user(),
        now,
        "minutes.decision_changed",
        format!("{}: {}", found.code, status.as_str()),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The register: every decision of every meeting the viewer may see, newest meeting first;
/// a decision under a closed item only for those who may read closed items.
pub async fn register(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
) -> Result<Vec<DecisionRow>, DomainError> {
    let meetings = meeting::Entity::find()
        .order_by_desc(meeting::Column::Number)
        .all(db)
        .await?;
    let mut all = Vec::new();
    for m in meetings
        .iter()
        .filter(|m| viewer.role.may_see_meeting(m.status))
    {
        let items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(m.id))
            .all(db)
            .await?;
        let rows = decision::Entity::find()
            .filter(decision::Column::MeetingId.eq(m.id))
            .order_by_asc(decision::Column::Number)
            .all(db)
            .await?;
        for d in rows {
            let item = items.iter().find(|i| Some(i.id) == d.agenda_item_id);
            if item.is_some_and(|i| i.closed) && !may_read_closed(viewer.role) {
                continue;
            }
            all.push(row(d, m, item));
        }
    }
    Ok(all)
}
