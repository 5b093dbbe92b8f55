//! Invitations: who is invited, the iTIP messages they get (REQUEST on publishing, REQUEST
//! with a higher SEQUENCE on changes, CANCEL on cancellation or removal), and their answers
//! through signed links. Every message is written to the outbox in the transaction of the
//! change that causes it.
mod answers;
mod guests;
mod publish;
mod reminders;
mod roster;
mod view;

use crate::i18n::texts;
use crate::model::Lang;
use crate::model::invitations::Answer;
use crate::server::calendar::{EventData, Party};
use crate::server::entities::outbox_message::OutboxStatus;
use crate::server::entities::{
    agenda_item, app_secret, invitee, meeting, outbox_message, taskforce,
};
use crate::server::error::DomainError;
use crate::server::mail::{self, AgendaLine, Invitation, MailKind};
use crate::server::services::outbox;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use sha2::Sha256;

pub use answers::{ReplyOutcome, answer, apply_reply, rsvp_view};
pub use guests::{Guest, add_guest, add_guest_in, remove_invitee, remove_invitee_in};
pub use publish::{
    PAPERS_WINDOW_SECONDS, cancel_meeting, cancel_meeting_in, on_meeting_changed,
    on_papers_published, on_publish,
};
pub use reminders::send_due_reminders;
pub use roster::{join_upcoming_in, leave_upcoming_in};
pub use view::view;

/// Edits within this window become one update.
pub const UPDATE_WINDOW_SECONDS: i64 = 60;
/// Answer links work until this long after the meeting.
pub const LINK_DAYS_AFTER: i64 = 30;

/// What composing messages needs besides the database: where the app lives and the key
/// answer links are signed with.
#[derive(Clone)]
pub struct MailContext {
    pub base_url: String,
    key: Vec<u8>,
}

impl std::fmt::Debug for MailContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailContext")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl MailContext {
    /// The signing key is generated once and kept in the database, so every instance signs
    /// and checks links alike.
    pub async fn load(
        db: &impl ConnectionTrait,
        base_url: &str,
    ) -> Result<MailContext, DomainError> {
        let name = "answer-links".to_string();
        if let Some(found) = app_secret::Entity::find_by_id(name.clone()).one(db).await? {
            return Ok(MailContext {
                base_url: base_url.to_string(),
                key: found.value.into_bytes(),
            });
        }
        let value = crate::server::auth::new_token();
        let inserted = app_secret::ActiveModel {
            name: Set(name.clone()),
            value: Set(value),
        }
        .insert(db)
        .await;
        if inserted.is_err() {
            tracing::debug!("another instance created the signing key first");
        }
        let stored = app_secret::Entity::find_by_id(name)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound)?;
        Ok(MailContext {
            base_url: base_url.to_string(),
            key: stored.value.into_bytes(),
        })
    }

    pub fn host(&self) -> String {
        self.base_url
            .split("://")
            .nth(1)
            .unwrap_or("localhost")
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost")
            .to_string()
    }

    fn mac(&self, payload: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(payload.as_bytes());
        crate::server::auth::hex(&mac.finalize().into_bytes())
    }

    /// `invitee.expiry.signature`: one person, one meeting, until a date.
    pub fn sign(&self, invitee_id: i32, expires: DateTime<Utc>) -> String {
        let payload = format!("{invitee_id}.{}", expires.timestamp());
        format!("{payload}.{}", self.mac(&payload))
    }

    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<i32, LinkProblem> {
        let mut parts = token.split('.');
        let (Some(id), Some(expires), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(LinkProblem::Invalid);
        };
        let expected = self.mac(&format!("{id}.{expires}"));
        // Compare without an early exit.
        let same = expected.len() == signature.len()
            && expected
                .bytes()
                .zip(signature.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if !same {
            return Err(LinkProblem::Invalid);
        }
        let expires: i64 = expires.parse().map_err(|_| LinkProblem::Invalid)?;
        if now.timestamp() > expires {
            return Err(LinkProblem::Expired);
        }
        id.parse().map_err(|_| LinkProblem::Invalid)
    }

    /// Links work until a month after the meeting, or after sending if that is later.
    fn answer_links(
        &self,
        invitee_id: i32,
        meeting: &meeting::Model,
        now: DateTime<Utc>,
    ) -> [String; 3] {
        let token = self.sign(
            invitee_id,
            meeting.ends_at.max(now) + Duration::days(LINK_DAYS_AFTER),
        );
        [Answer::Accepted, Answer::Tentative, Answer::Declined]
            .map(|a| format!("{}/rsvp/{token}?answer={}", self.base_url, a.link_word()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    Invalid,
    Expired,
}

/// The organiser as the recipient reads it, in their language.
pub(crate) fn organizer(tf: &taskforce::Model, lang: Lang) -> Party {
    Party {
        name: format!("{} {}", texts(lang).invitations.mail_organizer, tf.name),
        email: tf.mailbox.clone(),
    }
}

/// The meeting as a calendar event, its texts in `lang`.
fn event(ctx: &MailContext, tf: &taskforce::Model, m: &meeting::Model, lang: Lang) -> EventData {
    let t = texts(lang);
    let url = format!("{}/meetings/{}", ctx.base_url, m.id);
    EventData {
        uid: m
            .uid
            .clone()
            .unwrap_or_else(|| format!("meeting-{}@{}", m.id, ctx.host())),
        sequence: m.sequence,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        time_zone: m.time_zone.clone(),
        summary: format!(
            "{}: {} {} – {}",
            tf.name, t.invitations.mail_meeting, m.number, m.title
        ),
        description: format!("{}: {url}", t.invitations.mail_agenda_and_papers),
        location: match &m.online_link {
            Some(link) => format!("{} / {link}", m.location),
            None => m.location.clone(),
        },
        url,
        cancelled: m.cancelled_at.is_some(),
    }
}

/// The meetings' calendar events for downloads and feeds (PUBLISH), in the reader's language.
pub async fn events_for(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    meetings: &[meeting::Model],
    lang: Lang,
) -> Result<Vec<EventData>, DomainError> {
    let taskforces = taskforce::Entity::find().all(db).await?;
    meetings
        .iter()
        .map(|m| {
            let tf = taskforces
                .iter()
                .find(|t| t.id == m.taskforce_id)
                .ok_or(DomainError::NotFound)?;
            Ok(event(ctx, tf, m, lang))
        })
        .collect()
}

async fn agenda(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<Vec<AgendaLine>, DomainError> {
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_asc(agenda_item::Column::Position)
        .all(db)
        .await?;
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(i, item)| AgendaLine {
            number: i + 1,
            kind: item.kind,
            title: (!item.closed).then_some(item.title),
        })
        .collect())
}

/// Writes one message for one invitee to the outbox.
/// The meeting a batch of messages is about.
struct About<'a> {
    tf: &'a taskforce::Model,
    m: &'a meeting::Model,
    lines: &'a [AgendaLine],
}

async fn enqueue_for(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    about: &About<'_>,
    who: &invitee::Model,
    kind: MailKind,
    delay: Duration,
) -> Result<(), DomainError> {
    let About { tf, m, lines } = *about;
    let message_id = format!(
        "{}.{}.m{}@{}",
        crate::server::auth::hex(&rand::random::<[u8; 12]>()),
        kind.as_str(),
        m.id,
        ctx.host()
    );
    // Guests choose their language on the guest form (Danish unless chosen otherwise);
    // people have theirs on their record.
    let lang = who.language;
    let invitation = Invitation {
        kind,
        lang,
        taskforce: tf.name.clone(),
        meeting_number: m.number,
        event: event(ctx, tf, m, lang),
        online_link: m.online_link.clone(),
        agenda: lines.to_vec(),
        organizer: organizer(tf, lang),
        recipient: Party {
            name: who.name.clone(),
            email: who.email.clone(),
        },
        answer_links: (kind != MailKind::Cancellation).then(|| ctx.answer_links(who.id, m, now)),
        message_id: message_id.clone(),
        dtstamp: now,
    };
    // Names and addresses are parsed before they are stored; a row from before that rule
    // gets a plain refusal naming the invitee instead of blocking with an internal error.
    let body = mail::build(&invitation).map_err(|e| {
        DomainError::Conflict(format!(
            "no message can be written for {}: {e}; take them off the list and add them again",
            who.email
        ))
    })?;
    outbox::enqueue(
        db,
        now,
        outbox::NewMessage {
            message_id,
            meeting_id: Some(m.id),
            sender: tf.mailbox.clone(),
            recipient: who.email.clone(),
            kind,
            subject: mail::subject(&invitation),
            body,
        },
        delay,
    )
    .await?;
    Ok(())
}

/// Removes queued messages of a kind nobody has tried to send yet, so a newer one replaces
/// them: a burst of changes goes out as one message.
async fn drop_unsent(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    kind: MailKind,
) -> Result<(), DomainError> {
    outbox_message::Entity::delete_many()
        .filter(outbox_message::Column::MeetingId.eq(meeting_id))
        .filter(outbox_message::Column::Kind.eq(kind.as_str()))
        .filter(outbox_message::Column::Status.eq(OutboxStatus::Queued))
        .filter(outbox_message::Column::Attempts.eq(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Stores the meeting's (raised) SEQUENCE.
async fn save_sequence(db: &impl ConnectionTrait, m: &meeting::Model) -> Result<(), DomainError> {
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Sequence, Expr::value(m.sequence))
        .filter(meeting::Column::Id.eq(m.id))
        .exec(db)
        .await?;
    Ok(())
}

async fn active_invitees(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<Vec<invitee::Model>, DomainError> {
    Ok(invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(meeting_id))
        .filter(invitee::Column::RemovedAt.is_null())
        .order_by_asc(invitee::Column::Id)
        .all(db)
        .await?)
}

/// The same message kind to everyone on the list (not removed); how many were queued.
async fn enqueue_all(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    about: &About<'_>,
    kind: MailKind,
    delay: Duration,
) -> Result<usize, DomainError> {
    let invitees = active_invitees(db, about.m.id).await?;
    for who in &invitees {
        enqueue_for(db, ctx, now, about, who, kind, delay).await?;
    }
    Ok(invitees.len())
}

async fn load(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<(taskforce::Model, meeting::Model), DomainError> {
    let m = meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let tf = taskforce::Entity::find_by_id(m.taskforce_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok((tf, m))
}

fn link_error(problem: LinkProblem) -> DomainError {
    match problem {
        LinkProblem::Invalid => DomainError::NotFound,
        LinkProblem::Expired => DomainError::WrongStatus,
    }
}
