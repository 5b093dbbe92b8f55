//! Invitations: who is invited, the iTIP messages they get (REQUEST on publishing, REQUEST
//! with a higher SEQUENCE on changes, CANCEL on cancellation or removal), and their answers
//! through signed links. Every message is written to the outbox in the transaction of the
//! change that causes it.
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use sha2::Sha256;

use crate::i18n::texts;
use crate::model::invitations::{Answer, InvitationsView, InviteeRow, RsvpView};
use crate::model::{EmailAddress, Lang, MeetingStatus, PersonName, Role};
use crate::server::auth::SecretariatAccess;
use crate::server::calendar::{EventData, Party};
use crate::server::entities::outbox_message::OutboxStatus;
use crate::server::entities::{
    agenda_item, app_secret, invitee, meeting, outbox_message, person, taskforce,
};
use crate::server::error::DomainError;
use crate::server::mail::{self, AgendaLine, Invitation, MailKind};
use crate::server::services::{audit, outbox};

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
fn organizer(tf: &taskforce::Model, lang: Lang) -> Party {
    Party {
        name: format!("{} {}", texts(lang).mail_organizer, tf.name),
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
        summary: format!("{}: {} {} – {}", tf.name, t.mail_meeting, m.number, m.title),
        description: format!("{}: {url}", t.mail_agenda_and_papers),
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
    let lang = Lang::parse(&who.language).unwrap_or_default();
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
            kind: kind.as_str().into(),
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
    let (tf, mut m) = load(&txn, meeting_id).await?;
    if m.cancelled_at.is_some() || m.status >= MeetingStatus::Held {
        return Err(DomainError::WrongStatus);
    }
    m.sequence += 1;
    m.cancelled_at = Some(now);
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Sequence, Expr::value(m.sequence))
        .col_expr(meeting::Column::CancelledAt, Expr::value(Some(now)))
        .filter(meeting::Column::Id.eq(m.id))
        .exec(&txn)
        .await?;
    let sent = if m.uid.is_some() {
        let about = About {
            tf: &tf,
            m: &m,
            lines: &[],
        };
        enqueue_all(
            &txn,
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
        &txn,
        m.id,
        access.user(),
        now,
        "meeting.cancelled",
        format!("{sent} cancellations"),
    )
    .await?;
    txn.commit().await?;
    Ok(sent)
}

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
    let Guest { name, email, lang } = guest;
    let txn = crate::server::db::begin_write(db).await?;
    let (tf, m) = load(&txn, meeting_id).await?;
    if m.cancelled_at.is_some() {
        return Err(DomainError::WrongStatus);
    }
    let taken = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(meeting_id))
        .filter(invitee::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?;
    let who = match taken {
        Some(existing) if existing.removed_at.is_none() => {
            return Err(DomainError::Conflict(format!("{email} is already invited")));
        }
        Some(existing) => {
            let mut again: invitee::ActiveModel = existing.into();
            again.removed_at = Set(None);
            again.update(&txn).await?
        }
        None => {
            invitee::ActiveModel {
                meeting_id: Set(meeting_id),
                person_id: Set(None),
                name: Set(name.as_str().to_string()),
                email: Set(email.as_str().to_string()),
                language: Set(lang.code().into()),
                partstat: Set(Answer::NoAnswer),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    if m.uid.is_some() && m.status == MeetingStatus::Published {
        let lines = agenda(&txn, m.id).await?;
        enqueue_for(
            &txn,
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
        &txn,
        m.id,
        access.user(),
        now,
        "invitee.added",
        who.email.clone(),
    )
    .await?;
    txn.commit().await?;
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
    let who = invitee::Entity::find_by_id(invitee_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    if who.removed_at.is_some() {
        // Already off the list (a double click, a resent form): nothing more to send.
        return Ok(who.meeting_id);
    }
    let (tf, mut m) = load(&txn, who.meeting_id).await?;
    let mut removed: invitee::ActiveModel = who.clone().into();
    removed.removed_at = Set(Some(now));
    removed.update(&txn).await?;
    if m.uid.is_some() && m.cancelled_at.is_none() {
        m.sequence += 1;
        save_sequence(&txn, &m).await?;
        enqueue_for(
            &txn,
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
        &txn,
        m.id,
        access.user(),
        now,
        "invitee.removed",
        who.email.clone(),
    )
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

fn link_error(problem: LinkProblem) -> DomainError {
    match problem {
        LinkProblem::Invalid => DomainError::NotFound,
        LinkProblem::Expired => DomainError::WrongStatus,
    }
}

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
    let who = invitee::Entity::find_by_id(invitee_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound)?;
    if who.removed_at.is_some() || answer == Answer::NoAnswer {
        return Err(DomainError::NotFound);
    }
    let mut update: invitee::ActiveModel = who.clone().into();
    update.partstat = Set(answer);
    update.answered_at = Set(Some(now));
    update.update(&txn).await?;
    audit::record_for(
        &txn,
        who.meeting_id,
        who.person_id,
        now,
        "invitee.answered",
        format!("{}: {} (via {via})", who.email, answer.partstat()),
    )
    .await?;
    txn.commit().await?;
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
        .ok_or(form(crate::model::agenda::FormProblem::ReplyUnreadable))?;
    if received.sender.as_deref() != Some(reply.attendee.as_str()) {
        tracing::warn!("a REPLY whose sender is not its attendee was refused");
        return Err(form(crate::model::agenda::FormProblem::ReplyForged));
    }
    let m = meeting::Entity::find()
        .filter(meeting::Column::Uid.eq(reply.uid.clone()))
        .one(db)
        .await?
        .ok_or(form(crate::model::agenda::FormProblem::ReplyUnknownMeeting))?;
    let who = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(m.id))
        .filter(invitee::Column::Email.eq(reply.attendee.clone()))
        .one(db)
        .await?
        .ok_or(form(crate::model::agenda::FormProblem::ReplyForged))?;
    let answer = Answer::from_partstat(&reply.partstat)
        .ok_or(form(crate::model::agenda::FormProblem::ReplyUnreadable))?;
    record_answer(db, now, who.id, answer, "e-mail").await?;
    Ok(ReplyOutcome::Recorded {
        email: who.email,
        answer: answer.partstat().into(),
    })
}

/// The secretariat's view: invitees and answers, and every message with its status.
pub async fn view(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    meeting_id: i32,
) -> Result<InvitationsView, DomainError> {
    let invitees = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(meeting_id))
        .order_by_asc(invitee::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|i| InviteeRow {
            id: i.id,
            guest: i.person_id.is_none(),
            answer: i.partstat,
            answered_at: i.answered_at,
            removed: i.removed_at.is_some(),
            name: i.name,
            email: i.email,
        })
        .collect();
    Ok(InvitationsView {
        invitees,
        progress: outbox::progress(db, meeting_id).await?,
        messages: outbox::list(db, access, Some(meeting_id)).await?,
    })
}

/// Reminders for published meetings starting within `hours`: one e-mail to everyone who has
/// not declined, once per meeting.
pub async fn send_due_reminders(
    db: &DatabaseConnection,
    ctx: &MailContext,
    now: DateTime<Utc>,
    hours: i64,
) -> Result<usize, DomainError> {
    let due = meeting::Entity::find()
        .filter(meeting::Column::Status.eq(MeetingStatus::Published))
        .filter(meeting::Column::ReminderSentAt.is_null())
        .filter(meeting::Column::CancelledAt.is_null())
        .filter(meeting::Column::Uid.is_not_null())
        .filter(meeting::Column::StartsAt.gt(now))
        .filter(meeting::Column::StartsAt.lte(now + Duration::hours(hours)))
        .all(db)
        .await?;
    let mut count = 0;
    for m in due {
        let txn = crate::server::db::begin_write(db).await?;
        let claimed = meeting::Entity::update_many()
            .col_expr(meeting::Column::ReminderSentAt, Expr::value(Some(now)))
            .filter(meeting::Column::Id.eq(m.id))
            .filter(meeting::Column::ReminderSentAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        let (tf, m) = load(&txn, m.id).await?;
        let lines = agenda(&txn, m.id).await?;
        for who in active_invitees(&txn, m.id).await? {
            if who.partstat == Answer::Declined {
                continue;
            }
            enqueue_for(
                &txn,
                ctx,
                now,
                &About {
                    tf: &tf,
                    m: &m,
                    lines: &lines,
                },
                &who,
                MailKind::Reminder,
                Duration::zero(),
            )
            .await?;
            count += 1;
        }
        txn.commit().await?;
    }
    Ok(count)
}
