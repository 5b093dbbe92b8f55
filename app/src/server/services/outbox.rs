//! The transactional outbox: messages are written with the change that causes them and sent
//! by a worker that claims one at a time, sends outside any transaction, and records the
//! outcome. Messages to one person about one meeting go out in the order they were written.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, Statement,
};

use crate::model::invitations::{OutboxProgress, OutboxRow};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::outbox_message::{self, OutboxStatus};
use crate::server::error::DomainError;
use crate::server::mail::MailKind;
use crate::server::mailer::Mailer;

pub const MAX_ATTEMPTS: i32 = 8;
/// How long a claim lasts; a worker that dies mid-send loses its claim after this.
pub const CLAIM_SECONDS: i64 = 120;

/// What a sent message that carried a sign-in link keeps of its body.
pub const SENT_SECRET: &str = "(sent; the body held a one-time link and is not kept)";

pub struct NewMessage {
    pub message_id: String,
    pub meeting_id: Option<i32>,
    pub sender: String,
    pub recipient: String,
    pub kind: MailKind,
    pub subject: String,
    pub body: Vec<u8>,
}

pub async fn enqueue(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    message: NewMessage,
    delay: Duration,
) -> Result<i32, DomainError> {
    let body = String::from_utf8(message.body)
        .map_err(|_| DomainError::Internal("message is not 7-bit text".into()))?;
    let row = outbox_message::ActiveModel {
        message_id: Set(message.message_id),
        meeting_id: Set(message.meeting_id),
        ordering_key: Set(format!(
            "{}|{}",
            message.meeting_id.unwrap_or_default(),
            message.recipient
        )),
        sender: Set(message.sender),
        recipient: Set(message.recipient),
        kind: Set(message.kind),
        subject: Set(message.subject),
        body: Set(body),
        status: Set(OutboxStatus::Queued),
        attempts: Set(0),
        next_attempt_at: Set(now + delay),
        claimed_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing is due.
    Idle,
    Sent(i32),
    /// Failed; will be tried again later.
    Retry(i32),
    /// Failed for the last time; the secretariat can retry it by hand.
    Dead(i32),
}

const CLAIM_POSTGRES: &str = r#"
UPDATE outbox_message SET status = 'sending', claimed_until = $1, attempts = attempts + 1
WHERE id = (
    SELECT o.id FROM outbox_message o
    WHERE ((o.status = 'queued' AND o.next_attempt_at <= $2) OR (o.status = 'sending' AND o.claimed_until < $2))
      AND NOT EXISTS (
        SELECT 1 FROM outbox_message p
        WHERE p.ordering_key = o.ordering_key AND p.id < o.id AND p.status IN ('queued', 'sending'))
    ORDER BY o.id
    LIMIT 1
    FOR UPDATE SKIP LOCKED)
RETURNING id"#;

// SQLite has one writer at a time, so the same statement without row locks claims safely.
const CLAIM_SQLITE: &str = r#"
UPDATE outbox_message SET status = 'sending', claimed_until = ?, attempts = attempts + 1
WHERE id = (
    SELECT o.id FROM outbox_message o
    WHERE ((o.status = 'queued' AND o.next_attempt_at <= ?2) OR (o.status = 'sending' AND o.claimed_until < ?2))
      AND NOT EXISTS (
        SELECT 1 FROM outbox_message p
        WHERE p.ordering_key = o.ordering_key AND p.id < o.id AND p.status IN ('queued', 'sending'))
    ORDER BY o.id
    LIMIT 1)
RETURNING id"#;

async fn claim(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    hold: Duration,
) -> Result<Option<outbox_message::Model>, DomainError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => CLAIM_POSTGRES,
        _ => CLAIM_SQLITE,
    };
    let until = now + hold;
    let statement = Statement::from_sql_and_values(backend, sql, [until.into(), now.into()]);
    let Some(row) = db.query_one_raw(statement).await? else {
        return Ok(None);
    };
    let id: i32 = row.try_get("", "id")?;
    Ok(outbox_message::Entity::find_by_id(id).one(db).await?)
}

fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    Duration::seconds((15 * 2_i64.pow(exponent)).min(1800))
}

/// Claims the next due message, sends it, and records what happened. Tests call this until
/// it returns `Idle` instead of sleeping.
pub async fn try_execute_task(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<Outcome, DomainError> {
    try_execute_task_holding(db, mailer, now, Duration::seconds(CLAIM_SECONDS)).await
}

/// The same, with a claim that lasts `hold` (OUTBOX_CLAIM_SECONDS).
pub async fn try_execute_task_holding(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    now: DateTime<Utc>,
    hold: Duration,
) -> Result<Outcome, DomainError> {
    // A cheap read first (one id, no message body), so idle workers do not take the write lock
    // every time they look.
    let due = outbox_message::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(
                    sea_orm::Condition::all()
                        .add(outbox_message::Column::Status.eq(OutboxStatus::Queued))
                        .add(outbox_message::Column::NextAttemptAt.lte(now)),
                )
                .add(
                    sea_orm::Condition::all()
                        .add(outbox_message::Column::Status.eq(OutboxStatus::Sending))
                        .add(outbox_message::Column::ClaimedUntil.lt(now)),
                ),
        )
        .select_only()
        .column(outbox_message::Column::Id)
        .into_tuple::<i32>()
        .one(db)
        .await?;
    if due.is_none() {
        return Ok(Outcome::Idle);
    }
    let Some(message) = claim(db, now, hold).await? else {
        return Ok(Outcome::Idle);
    };
    let result = mailer
        .deliver(
            &message.sender,
            &message.recipient,
            &message.message_id,
            message.body.as_bytes(),
        )
        .await;
    let id = message.id;
    match result {
        Ok(()) => {
            let mut sent = outbox_message::Entity::update_many();
            if message.kind.carries_secret() {
                // A sign-in link lives in the recipient's mailbox only: the copy kept here
                // would open the link for anyone who can read the table.
                sent = sent.col_expr(outbox_message::Column::Body, Expr::value(SENT_SECRET));
            }
            sent.col_expr(
                outbox_message::Column::Status,
                Expr::value(OutboxStatus::Sent),
            )
            .col_expr(outbox_message::Column::SentAt, Expr::value(now))
            .col_expr(
                outbox_message::Column::LastError,
                Expr::value(Option::<String>::None),
            )
            .filter(outbox_message::Column::Id.eq(id))
            .exec(db)
            .await?;
            tracing::info!(outbox_id = id, kind = message.kind.as_str(), "message sent");
            Ok(Outcome::Sent(id))
        }
        Err(error) => {
            let dead = message.attempts >= MAX_ATTEMPTS;
            tracing::warn!(outbox_id = id, attempts = message.attempts, dead, %error, "message not sent");
            outbox_message::Entity::update_many()
                .col_expr(
                    outbox_message::Column::Status,
                    Expr::value(if dead {
                        OutboxStatus::Dead
                    } else {
                        OutboxStatus::Queued
                    }),
                )
                .col_expr(
                    outbox_message::Column::NextAttemptAt,
                    Expr::value(now + backoff(message.attempts)),
                )
                .col_expr(
                    outbox_message::Column::LastError,
                    Expr::value(Some(error.chars().take(500).collect::<String>())),
                )
                .filter(outbox_message::Column::Id.eq(id))
                .exec(db)
                .await?;
            Ok(if dead {
                Outcome::Dead(id)
            } else {
                Outcome::Retry(id)
            })
        }
    }
}

/// Puts a dead (or failing) message back in the queue, due now.
pub async fn retry(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
    now: DateTime<Utc>,
    id: i32,
) -> Result<(), DomainError> {
    let result = outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::Column::Status,
            Expr::value(OutboxStatus::Queued),
        )
        .col_expr(outbox_message::Column::Attempts, Expr::value(0))
        .col_expr(outbox_message::Column::NextAttemptAt, Expr::value(now))
        .filter(outbox_message::Column::Id.eq(id))
        .filter(outbox_message::Column::Status.is_in([OutboxStatus::Dead, OutboxStatus::Queued]))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// How far one meeting's mail has got: waiting, sent, and failed (given up, or being retried
/// after an error). One grouped query.
pub async fn progress(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<OutboxProgress, DomainError> {
    let groups: Vec<(OutboxStatus, i32, i64)> = outbox_message::Entity::find()
        .select_only()
        .column(outbox_message::Column::Status)
        .column(outbox_message::Column::Attempts)
        .column_as(outbox_message::Column::Id.count(), "n")
        .filter(outbox_message::Column::MeetingId.eq(meeting_id))
        .group_by(outbox_message::Column::Status)
        .group_by(outbox_message::Column::Attempts)
        .into_tuple()
        .all(db)
        .await?;
    let mut progress = OutboxProgress {
        queued: 0,
        sent: 0,
        failed: 0,
    };
    for (status, attempts, n) in groups {
        let n = u64::try_from(n).unwrap_or(0);
        match status {
            OutboxStatus::Queued | OutboxStatus::Sending => progress.queued += n,
            OutboxStatus::Sent => progress.sent += n,
            OutboxStatus::Dead => progress.failed += n,
        }
        if status == OutboxStatus::Queued && attempts > 0 {
            progress.failed += n;
        }
    }
    Ok(progress)
}

/// A message as lists show it: everything but the message itself.
#[derive(Debug, sea_orm::DerivePartialModel)]
#[sea_orm(entity = "outbox_message::Entity")]
struct Listed {
    id: i32,
    meeting_id: Option<i32>,
    recipient: String,
    kind: MailKind,
    subject: String,
    status: OutboxStatus,
    attempts: i32,
    last_error: Option<String>,
    created_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
    meeting_id: Option<i32>,
) -> Result<Vec<OutboxRow>, DomainError> {
    let mut query = outbox_message::Entity::find()
        .order_by_desc(outbox_message::Column::Id)
        .limit(500);
    if let Some(id) = meeting_id {
        query = query.filter(outbox_message::Column::MeetingId.eq(id));
    }
    Ok(query
        .into_partial_model::<Listed>()
        .all(db)
        .await?
        .into_iter()
        .map(|m| OutboxRow {
            id: m.id,
            meeting_id: m.meeting_id,
            recipient: m.recipient,
            kind: m.kind.as_str().to_string(),
            subject: m.subject,
            status: m.status.as_str().to_string(),
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: m.created_at,
            sent_at: m.sent_at,
        })
        .collect())
}
