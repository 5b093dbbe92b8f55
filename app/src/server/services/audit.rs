//! The audit log: who changed what, and when, per meeting.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::model::CurrentUser;
use crate::model::meetings::AuditRow;
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{audit_entry, person};
use crate::server::error::DomainError;

pub async fn record(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    actor: &CurrentUser,
    at: DateTime<Utc>,
    action: &str,
    details: String,
) -> Result<(), DomainError> {
    record_for(db, meeting_id, Some(actor.person_id), at, action, details).await
}

/// The same for an actor who may have no account (a guest answering through a link).
pub async fn record_for(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    actor_person_id: Option<i32>,
    at: DateTime<Utc>,
    action: &str,
    details: String,
) -> Result<(), DomainError> {
    audit_entry::ActiveModel {
        meeting_id: Set(Some(meeting_id)),
        actor_id: Set(actor_person_id),
        person_id: Set(None),
        at: Set(at),
        action: Set(action.to_string()),
        details: Set(details),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A change to a person (the people page): who did it, to whom, what.
pub async fn record_person(
    db: &impl ConnectionTrait,
    person_id: i32,
    actor: &CurrentUser,
    at: DateTime<Utc>,
    action: &str,
    details: String,
) -> Result<(), DomainError> {
    audit_entry::ActiveModel {
        meeting_id: Set(None),
        actor_id: Set(Some(actor.person_id)),
        person_id: Set(Some(person_id)),
        at: Set(at),
        action: Set(action.to_string()),
        details: Set(details),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// "title: «old» → «new»; duration: «10» → «15»" for the fields that differ.
pub fn changes(pairs: &[(&str, String, String)]) -> String {
    pairs
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| format!("{field}: «{old}» → «{new}»"))
        .collect::<Vec<_>>()
        .join("; ")
}

pub async fn for_meeting(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
    meeting_id: i32,
) -> Result<Vec<AuditRow>, DomainError> {
    rows_where(db, audit_entry::Column::MeetingId.eq(meeting_id)).await
}

/// Every change to a person's record and access, newest first.
pub async fn for_person(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
    person_id: i32,
) -> Result<Vec<AuditRow>, DomainError> {
    rows_where(db, audit_entry::Column::PersonId.eq(person_id)).await
}

async fn rows_where(
    db: &impl ConnectionTrait,
    condition: sea_orm::sea_query::SimpleExpr,
) -> Result<Vec<AuditRow>, DomainError> {
    let rows = audit_entry::Entity::find()
        .filter(condition)
        .order_by_desc(audit_entry::Column::At)
        .order_by_desc(audit_entry::Column::Id)
        .find_also_related(person::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(entry, actor)| AuditRow {
            at: entry.at,
            actor: actor.map(|p| p.name).unwrap_or_default(),
            action: entry.action,
            details: entry.details,
        })
        .collect())
}
