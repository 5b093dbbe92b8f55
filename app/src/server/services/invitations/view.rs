//! The invitees of a meeting and their answers, as the secretariat follows them.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::model::invitations::{InvitationsView, InviteeRow};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::invitee;
use crate::server::error::DomainError;
use crate::server::services::outbox;

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
