//! Planning meetings and moving them through their life: the secretariat plans and
//! publishes, the chair reviews.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::visible_meeting;
use crate::model::agenda::ItemDraft;
use crate::model::meetings::{MeetingDraft, Transition};
use crate::model::{CurrentUser, MeetingStatus, Role};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::meeting;
use crate::server::error::DomainError;
use crate::server::services::agenda::{insert_item, standing_items};
use crate::server::services::audit;
use crate::server::services::invitations::{self, MailContext};

pub const DEFAULT_ZONE: &str = "Europe/Copenhagen";

/// A new draft meeting with the next number and the standing items.
pub async fn create_meeting(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    taskforce_id: i32,
    draft: MeetingDraft,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = create_meeting_in(&txn, access, now, taskforce_id, draft).await?;
    txn.commit().await?;
    Ok(done)
}

/// The same inside the caller's transaction.
pub async fn create_meeting_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    taskforce_id: i32,
    draft: MeetingDraft,
) -> Result<i32, DomainError> {
    let last = meeting::Entity::find()
        .filter(meeting::Column::TaskforceId.eq(taskforce_id))
        .order_by_desc(meeting::Column::Number)
        .one(txn)
        .await?;
    let number = last.map(|m| m.number + 1).unwrap_or(1);
    let row = meeting::ActiveModel {
        taskforce_id: Set(taskforce_id),
        number: Set(number),
        title: Set(draft.title.clone()),
        starts_at: Set(draft.starts_at),
        ends_at: Set(draft.ends_at),
        time_zone: Set(DEFAULT_ZONE.into()),
        location: Set(draft.location.clone()),
        online_link: Set(draft.online_link.clone()),
        status: Set(MeetingStatus::Draft),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        review_comment: Set(None),
        approved_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for (position, (standing, kind, title, indstilling, minutes)) in (1..).zip(standing_items()) {
        let item = ItemDraft {
            kind,
            title: title.into(),
            resume: String::new(),
            indstilling: indstilling.map(str::to_string),
            presenter_id: None,
            duration_minutes: minutes,
            closed: false,
        };
        insert_item(txn, now, row.id, position, &item, Some(standing)).await?;
    }
    audit::record(
        txn,
        row.id,
        access.user(),
        now,
        "meeting.created",
        format!("{number}: {}", draft.title),
    )
    .await?;
    Ok(row.id)
}

/// Saves the meeting's details if nobody changed them since `expected_version`.
pub async fn update_meeting(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    mail: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
    expected_version: i32,
    draft: MeetingDraft,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    update_meeting_in(&txn, access, mail, now, meeting_id, expected_version, draft).await?;
    txn.commit().await?;
    Ok(())
}

/// The same inside the caller's transaction.
pub async fn update_meeting_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    mail: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
    expected_version: i32,
    draft: MeetingDraft,
) -> Result<(), DomainError> {
    let current = meeting::Entity::find_by_id(meeting_id)
        .one(txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    if current.status == MeetingStatus::Closed {
        return Err(DomainError::WrongStatus);
    }
    let result = meeting::Entity::update_many()
        .col_expr(meeting::Column::Title, Expr::value(draft.title.clone()))
        .col_expr(meeting::Column::StartsAt, Expr::value(draft.starts_at))
        .col_expr(meeting::Column::EndsAt, Expr::value(draft.ends_at))
        .col_expr(
            meeting::Column::Location,
            Expr::value(draft.location.clone()),
        )
        .col_expr(
            meeting::Column::OnlineLink,
            Expr::value(draft.online_link.clone()),
        )
        .col_expr(meeting::Column::Version, Expr::value(expected_version + 1))
        .col_expr(meeting::Column::UpdatedAt, Expr::value(now))
        .filter(meeting::Column::Id.eq(meeting_id))
        .filter(meeting::Column::Version.eq(expected_version))
        .exec(txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(DomainError::Stale);
    }
    let details = audit::changes(&[
        ("title", current.title.clone(), draft.title.clone()),
        (
            "start",
            current.starts_at.to_rfc3339(),
            draft.starts_at.to_rfc3339(),
        ),
        (
            "end",
            current.ends_at.to_rfc3339(),
            draft.ends_at.to_rfc3339(),
        ),
        ("location", current.location.clone(), draft.location.clone()),
        (
            "online link",
            current.online_link.clone().unwrap_or_default(),
            draft.online_link.clone().unwrap_or_default(),
        ),
    ]);
    audit::record(
        txn,
        meeting_id,
        access.user(),
        now,
        "meeting.updated",
        details,
    )
    .await?;
    invitations::on_meeting_changed(txn, mail, now, &current).await?;
    Ok(())
}

/// Who may take a step: the chair reviews, the secretariat does the rest.
pub fn allowed(role: Role, transition: Transition) -> bool {
    match transition {
        Transition::Approve | Transition::SendBack => role == Role::Chair,
        _ => role == Role::Secretariat,
    }
}

pub async fn transition(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    mail: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
    step: Transition,
    comment: &str,
) -> Result<MeetingStatus, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = transition_in(&txn, actor, mail, now, meeting_id, step, comment).await?;
    txn.commit().await?;
    Ok(done)
}

/// The same inside the caller's transaction.
pub async fn transition_in(
    txn: &impl ConnectionTrait,
    actor: &CurrentUser,
    mail: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
    step: Transition,
    comment: &str,
) -> Result<MeetingStatus, DomainError> {
    let current = visible_meeting(txn, actor, meeting_id).await?;
    if !allowed(actor.role, step) {
        return Err(DomainError::Forbidden);
    }
    let from = current.status;
    let to = step.reaches(from).ok_or(DomainError::WrongStatus)?;
    if step == Transition::Publish && current.approved_at.is_none() {
        return Err(DomainError::WrongStatus);
    }
    let comment = comment.trim();
    if step == Transition::SendBack && comment.is_empty() {
        return Err(DomainError::Form(vec![(
            "comment",
            crate::model::forms::FormProblem::CommentRequired,
        )]));
    }
    let mut update: meeting::ActiveModel = current.clone().into();
    update.status = Set(to);
    update.updated_at = Set(now);
    match step {
        Transition::Approve => update.approved_at = Set(Some(now)),
        Transition::SendBack => {
            update.approved_at = Set(None);
            update.review_comment = Set(Some(comment.to_string()));
        }
        Transition::SubmitForReview => update.approved_at = Set(None),
        _ => {}
    }
    update.update(txn).await?;
    let details = if comment.is_empty() {
        format!("{} → {}", from.as_str(), to.as_str())
    } else {
        format!("{} → {}: {comment}", from.as_str(), to.as_str())
    };
    audit::record(
        txn,
        meeting_id,
        actor,
        now,
        &format!("status.{}", step.as_str()),
        details,
    )
    .await?;
    if step == Transition::Publish {
        // The invitations are written with the status change: both happen, or neither.
        let invited = invitations::on_publish(txn, mail, now, meeting_id).await?;
        audit::record(
            txn,
            meeting_id,
            actor,
            now,
            "invitations.queued",
            format!("{invited} invitations"),
        )
        .await?;
    }
    Ok(to)
}
