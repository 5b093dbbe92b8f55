//! Answers: from the signed link in the invitation, or e-mailed back as METHOD:REPLY.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::{MailContext, link_error};
use crate::model::invitations::{Answer, RsvpView};
use crate::server::entities::{invitee, meeting};
use crate::server::error::DomainError;
use crate::server::services::audit;

/// What an answer link shows. A tampered link is NotFound; an expired one WrongStatus.
pub async fn rsvp_view(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    token: &str,
) -> Result<RsvpView, DomainError> {
    let id = ctx.verify(token, now).map_err(link_error)?;
    let who = invitee::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    if who.removed_at.is_some() {
        return Err(DomainError::NotFound);
    }
    let m = meeting::Entity::find_by_id(who.meeting_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok(RsvpView {
        invitee_name: who.name,
        meeting_title: m.title,
        meeting_number: m.number,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        time_zone: m.time_zone,
        location: m.location,
        answer: who.partstat,
        cancelled: m.cancelled_at.is_some(),
    })
}

/// Records an answer given through a signed link (no sign-in needed).
pub async fn answer(
    db: &DatabaseConnection,
    ctx: &MailContext,
    now: DateTime<Utc>,
    token: &str,
    answer: Answer,
) -> Result<(), DomainError> {
    let id = ctx.verify(token, now).map_err(link_error)?;
    record_answer(db, now, id, answer, "link").await
}

async fn record_answer(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    invitee_id: i32,
    answer: Answer,
    via: &str,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    record_answer_in(&txn, now, invitee_id, answer, via).await?;
    txn.commit().await?;
    Ok(())
}

/// [`record_answer`] inside the caller's transaction.
async fn record_answer_in(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    invitee_id: i32,
    answer: Answer,
    via: &str,
) -> Result<(), DomainError> {
    let who = invitee::Entity::find_by_id(invitee_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    if who.removed_at.is_some() || answer == Answer::NoAnswer {
        return Err(DomainError::NotFound);
    }
    let mut update: invitee::ActiveModel = who.clone().into();
    update.partstat = Set(answer);
    update.answered_at = Set(Some(now));
    update.update(db).await?;
    audit::record_for(
        db,
        who.meeting_id,
        who.person_id,
        now,
        "invitee.answered",
        format!("{}: {} (via {via})", who.email, answer.partstat()),
    )
    .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyOutcome {
    Recorded { email: String, answer: String },
}

/// Reads an e-mailed iTIP REPLY (the raw message as received): the UID must be one of ours,
/// the ATTENDEE must be invited, and the message's sender must be that attendee.
pub async fn apply_reply(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    raw_message: &[u8],
) -> Result<ReplyOutcome, DomainError> {
    let form = |problem| DomainError::Form(vec![("reply", problem)]);
    let received = crate::server::inbound::read(raw_message);
    let reply = received
        .reply()
        .ok_or(form(crate::model::forms::FormProblem::ReplyUnreadable))?;
    if received.sender.as_deref() != Some(reply.attendee.as_str()) {
        tracing::warn!("a REPLY whose sender is not its attendee was refused");
        return Err(form(crate::model::forms::FormProblem::ReplyForged));
    }
    let m = meeting::Entity::find()
        .filter(meeting::Column::Uid.eq(reply.uid.clone()))
        .one(db)
        .await?
        .ok_or(form(crate::model::forms::FormProblem::ReplyUnknownMeeting))?;
    let who = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(m.id))
        .filter(invitee::Column::Email.eq(reply.attendee.clone()))
        .one(db)
        .await?
        .ok_or(form(crate::model::forms::FormProblem::ReplyForged))?;
    let answer = Answer::from_partstat(&reply.partstat)
        .ok_or(form(crate::model::forms::FormProblem::ReplyUnreadable))?;
    record_answer(db, now, who.id, answer, "e-mail").await?;
    Ok(ReplyOutcome::Recorded {
        email: who.email,
        answer: answer.partstat().into(),
    })
}
