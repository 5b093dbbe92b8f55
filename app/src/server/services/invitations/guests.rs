//! Guests without accounts, and removing an invitee (who gets their own CANCEL).
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::{About, MailContext, agenda, enqueue_for, load, save_sequence};
use crate::model::invitations::Answer;
use crate::model::{EmailAddress, Lang, MeetingStatus, PersonName};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::invitee;
use crate::server::error::DomainError;
use crate::server::mail::MailKind;
use crate::server::services::audit;

/// Someone to invite who has no account.
pub struct Guest<'a> {
    pub name: &'a PersonName,
    pub email: &'a EmailAddress,
    pub lang: Lang,
}

/// Invites a guest without an account (a deputy, an expert); once published, they get a REQUEST.
pub async fn add_guest(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
    guest: Guest<'_>,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    add_guest_in(&txn, access, ctx, now, meeting_id, guest).await?;
    txn.commit().await?;
    Ok(())
}

/// [`add_guest`] inside the caller's transaction.
pub async fn add_guest_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
    guest: Guest<'_>,
) -> Result<(), DomainError> {
    let Guest { name, email, lang } = guest;
    let (tf, m) = load(db, meeting_id).await?;
    if m.cancelled_at.is_some() {
        return Err(DomainError::WrongStatus);
    }
    let taken = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(meeting_id))
        .filter(invitee::Column::Email.eq(email.as_str()))
        .one(db)
        .await?;
    let who = match taken {
        Some(existing) if existing.removed_at.is_none() => {
            return Err(DomainError::Conflict(format!("{email} is already invited")));
        }
        Some(existing) => {
            let mut again: invitee::ActiveModel = existing.into();
            again.removed_at = Set(None);
            again.update(db).await?
        }
        None => {
            invitee::ActiveModel {
                meeting_id: Set(meeting_id),
                person_id: Set(None),
                name: Set(name.as_str().to_string()),
                email: Set(email.as_str().to_string()),
                language: Set(lang),
                partstat: Set(Answer::NoAnswer),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    if m.uid.is_some() && m.status == MeetingStatus::Published {
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
            &who,
            MailKind::Invitation,
            Duration::zero(),
        )
        .await?;
    }
    audit::record(
        db,
        m.id,
        access.user(),
        now,
        "invitee.added",
        who.email.clone(),
    )
    .await?;
    Ok(())
}

/// Takes someone off the list; if they were invited, they get a CANCEL of their own (once:
/// taking someone off twice changes nothing).
pub async fn remove_invitee(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    invitee_id: i32,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = remove_invitee_in(&txn, access, ctx, now, invitee_id).await?;
    txn.commit().await?;
    Ok(done)
}

/// [`remove_invitee`] inside the caller's transaction.
pub async fn remove_invitee_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    invitee_id: i32,
) -> Result<i32, DomainError> {
    let who = invitee::Entity::find_by_id(invitee_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    if who.removed_at.is_some() {
        // Already off the list (a double click, a resent form): nothing more to send.
        return Ok(who.meeting_id);
    }
    let (tf, mut m) = load(db, who.meeting_id).await?;
    let mut removed: invitee::ActiveModel = who.clone().into();
    removed.removed_at = Set(Some(now));
    removed.update(db).await?;
    if m.uid.is_some() && m.cancelled_at.is_none() {
        m.sequence += 1;
        save_sequence(db, &m).await?;
        enqueue_for(
            db,
            ctx,
            now,
            &About {
                tf: &tf,
                m: &m,
                lines: &[],
            },
            &who,
            MailKind::Cancellation,
            Duration::zero(),
        )
        .await?;
    }
    audit::record(
        db,
        m.id,
        access.user(),
        now,
        "invitee.removed",
        who.email.clone(),
    )
    .await?;
    Ok(m.id)
}
