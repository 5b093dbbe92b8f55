//! Invitations follow the roster: a person who gains a seat on the taskforce is invited to
//! the upcoming published meetings; one who loses it (deactivated, another role) gets a
//! CANCEL for each upcoming meeting they were invited to.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{About, MailContext, agenda, enqueue_for, load, remove_invitee_in};
use crate::model::MeetingStatus;
use crate::model::invitations::Answer;
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{invitee, meeting, person};
use crate::server::error::DomainError;
use crate::server::mail::MailKind;
use crate::server::services::audit;

/// Meetings still ahead and not cancelled, of any status.
async fn upcoming(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<meeting::Model>, DomainError> {
    Ok(meeting::Entity::find()
        .filter(meeting::Column::StartsAt.gt(now))
        .filter(meeting::Column::CancelledAt.is_null())
        .all(db)
        .await?)
}

/// Puts the person on the list of every upcoming published meeting they are not on, with an
/// invitation each; meetings not yet published pick them up when they are. How many.
pub async fn join_upcoming_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    who: &person::Model,
) -> Result<usize, DomainError> {
    let mut count = 0;
    for m in upcoming(db, now).await? {
        if m.status != MeetingStatus::Published || m.uid.is_none() {
            continue;
        }
        let existing = invitee::Entity::find()
            .filter(invitee::Column::MeetingId.eq(m.id))
            .filter(
                sea_orm::Condition::any()
                    .add(invitee::Column::PersonId.eq(who.id))
                    .add(invitee::Column::Email.eq(who.email.as_str())),
            )
            .one(db)
            .await?;
        let row = match existing {
            Some(on_list) if on_list.removed_at.is_none() => continue,
            Some(removed) => {
                let mut again: invitee::ActiveModel = removed.into();
                again.removed_at = Set(None);
                again.person_id = Set(Some(who.id));
                again.name = Set(who.name.clone());
                again.email = Set(who.email.clone());
                again.language = Set(who.language);
                again.partstat = Set(Answer::NoAnswer);
                again.update(db).await?
            }
            None => {
                invitee::ActiveModel {
                    meeting_id: Set(m.id),
                    person_id: Set(Some(who.id)),
                    name: Set(who.name.clone()),
                    email: Set(who.email.clone()),
                    language: Set(who.language),
                    partstat: Set(Answer::NoAnswer),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await?
            }
        };
        let (tf, m) = load(db, m.id).await?;
        let lines = agenda(db, m.id).await?;
        enqueue_for(
            db,
            ctx,
            now,
            &About {
                tf: &tf,
                m: &m,
                lines: &lines,
            },
            &row,
            MailKind::Invitation,
            Duration::zero(),
        )
        .await?;
        audit::record(
            db,
            m.id,
            access.user(),
            now,
            "invitee.added",
            row.email.clone(),
        )
        .await?;
        count += 1;
    }
    Ok(count)
}

/// Takes the person off every upcoming meeting they are on; each published one sends them
/// a CANCEL. How many.
pub async fn leave_upcoming_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person_id: i32,
) -> Result<usize, DomainError> {
    let meeting_ids: Vec<i32> = upcoming(db, now).await?.iter().map(|m| m.id).collect();
    let rows = invitee::Entity::find()
        .filter(invitee::Column::PersonId.eq(person_id))
        .filter(invitee::Column::MeetingId.is_in(meeting_ids))
        .filter(invitee::Column::RemovedAt.is_null())
        .all(db)
        .await?;
    for row in &rows {
        remove_invitee_in(db, access, ctx, now, row.id).await?;
    }
    Ok(rows.len())
}
