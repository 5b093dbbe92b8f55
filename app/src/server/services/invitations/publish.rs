//! What publishing, changing, adding papers to and cancelling a meeting send to its invitees.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::{
    About, MailContext, UPDATE_WINDOW_SECONDS, agenda, drop_unsent, enqueue_all, load,
    save_sequence,
};
use crate::model::invitations::Answer;
use crate::model::{MeetingStatus, Role};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{invitee, meeting, person};
use crate::server::error::DomainError;
use crate::server::mail::MailKind;
use crate::server::services::audit;

/// On publishing: the chair and members are invited (with secretariat staff who opted in and
/// any guests already added), the
/// meeting gets its UID, and every invitee gets their own REQUEST.
pub async fn on_publish(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
) -> Result<usize, DomainError> {
    let (tf, mut m) = load(db, meeting_id).await?;
    if m.uid.is_none() {
        let uid = format!(
            "{}@{}",
            crate::server::auth::hex(&rand::random::<[u8; 16]>()),
            ctx.host()
        );
        meeting::Entity::update_many()
            .col_expr(meeting::Column::Uid, Expr::value(uid.clone()))
            .filter(meeting::Column::Id.eq(meeting_id))
            .exec(db)
            .await?;
        m.uid = Some(uid);
    }
    let people = person::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(person::Column::Role.is_in([Role::Chair.as_str(), Role::Member.as_str()]))
                .add(
                    sea_orm::Condition::all()
                        .add(person::Column::Role.eq(Role::Secretariat.as_str()))
                        .add(person::Column::InvitationOptIn.eq(true)),
                ),
        )
        .filter(person::Column::DeactivatedAt.is_null())
        .order_by_asc(person::Column::SortOrder)
        .all(db)
        .await?;
    let existing = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(meeting_id))
        .all(db)
        .await?;
    for p in people {
        if existing.iter().any(|i| i.email == p.email) {
            continue;
        }
        invitee::ActiveModel {
            meeting_id: Set(meeting_id),
            person_id: Set(Some(p.id)),
            name: Set(p.name),
            email: Set(p.email),
            language: Set(p.language),
            partstat: Set(Answer::NoAnswer),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    let lines = agenda(db, meeting_id).await?;
    let about = About {
        tf: &tf,
        m: &m,
        lines: &lines,
    };
    enqueue_all(db, ctx, now, &about, MailKind::Invitation, Duration::zero()).await
}

/// After the meeting's time, place or link changed: one update per invitee, SEQUENCE + 1.
/// A queued update nobody has tried to send yet is replaced, so a burst of edits within
/// the window goes out as one message.
pub async fn on_meeting_changed(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    before: &meeting::Model,
) -> Result<usize, DomainError> {
    let (tf, mut m) = load(db, before.id).await?;
    let invited =
        m.status == MeetingStatus::Published && m.uid.is_some() && m.cancelled_at.is_none();
    let changed = m.starts_at != before.starts_at
        || m.ends_at != before.ends_at
        || m.location != before.location
        || m.online_link != before.online_link
        || m.title != before.title;
    if !invited || !changed {
        return Ok(0);
    }
    m.sequence += 1;
    save_sequence(db, &m).await?;
    drop_unsent(db, m.id, MailKind::Update).await?;
    let lines = agenda(db, m.id).await?;
    let about = About {
        tf: &tf,
        m: &m,
        lines: &lines,
    };
    let window = Duration::seconds(UPDATE_WINDOW_SECONDS);
    enqueue_all(db, ctx, now, &about, MailKind::Update, window).await
}

/// Uploads within this window become one "papers are out" e-mail.
pub const PAPERS_WINDOW_SECONDS: i64 = 600;

/// After papers were added to a published meeting: one e-mail per invitee that the papers are
/// out. A queued one nobody has tried to send yet is replaced, so many uploads are one e-mail.
pub async fn on_papers_published(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
) -> Result<usize, DomainError> {
    let (tf, m) = load(db, meeting_id).await?;
    let published =
        m.status == MeetingStatus::Published && m.uid.is_some() && m.cancelled_at.is_none();
    if !published {
        return Ok(0);
    }
    drop_unsent(db, m.id, MailKind::Papers).await?;
    let lines = agenda(db, m.id).await?;
    let about = About {
        tf: &tf,
        m: &m,
        lines: &lines,
    };
    let window = Duration::seconds(PAPERS_WINDOW_SECONDS);
    enqueue_all(db, ctx, now, &about, MailKind::Papers, window).await
}

/// Cancels a meeting: everyone invited gets a CANCEL.
pub async fn cancel_meeting(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
) -> Result<usize, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = cancel_meeting_in(&txn, access, ctx, now, meeting_id).await?;
    txn.commit().await?;
    Ok(done)
}

/// [`cancel_meeting`] inside the caller's transaction.
pub async fn cancel_meeting_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    meeting_id: i32,
) -> Result<usize, DomainError> {
    let (tf, mut m) = load(db, meeting_id).await?;
    if m.cancelled_at.is_some() || m.status >= MeetingStatus::Held {
        return Err(DomainError::WrongStatus);
    }
    m.sequence += 1;
    m.cancelled_at = Some(now);
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Sequence, Expr::value(m.sequence))
        .col_expr(meeting::Column::CancelledAt, Expr::value(Some(now)))
        .filter(meeting::Column::Id.eq(m.id))
        .exec(db)
        .await?;
    let sent = if m.uid.is_some() {
        let about = About {
            tf: &tf,
            m: &m,
            lines: &[],
        };
        enqueue_all(
            db,
            ctx,
            now,
            &about,
            MailKind::Cancellation,
            Duration::zero(),
        )
        .await?
    } else {
        0
    };
    audit::record(
        db,
        m.id,
        access.user(),
        now,
        "meeting.cancelled",
        format!("{sent} cancellations"),
    )
    .await?;
    Ok(sent)
}
