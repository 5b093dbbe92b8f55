//! Reminders two days before a meeting, to those who have not declined.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{About, MailContext, active_invitees, agenda, enqueue_for, load};
use crate::model::MeetingStatus;
use crate::model::invitations::Answer;
use crate::server::entities::meeting;
use crate::server::error::DomainError;
use crate::server::mail::MailKind;

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
