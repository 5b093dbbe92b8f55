//! The secretariat's changes to a meeting's agenda. Every change is audited in the same
//! transaction.
mod items;
mod moves;

use crate::model::MeetingStatus;
use crate::model::agenda::{ItemDraft, ItemKind, Standing};
use crate::server::entities::{agenda_item, meeting, person};
use crate::server::error::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

pub use items::{
    RemovedItem, add_item, add_item_in, insert_item, remove_item, remove_item_in, update_item,
    update_item_in,
};
pub use moves::{Placement, move_item, move_item_in};

pub(crate) mod places;

/// The agenda can change until the meeting has been held.
pub fn agenda_editable(status: MeetingStatus) -> bool {
    status < MeetingStatus::Held
}

/// The standing items every new meeting gets, in order.
pub fn standing_items() -> [(Standing, ItemKind, &'static str, Option<&'static str>, i32); 3] {
    [
        (
            Standing::Approval,
            ItemKind::B,
            "Godkendelse af dagsorden",
            Some("Det indstilles, at taskforcen godkender dagsordenen."),
            5,
        ),
        (
            Standing::FollowUp,
            ItemKind::O,
            "Opfølgning på handlinger fra sidste møde",
            None,
            10,
        ),
        (Standing::Aob, ItemKind::D, "Eventuelt", None, 5),
    ]
}

/// The meeting, locked for this transaction, if its agenda may still change.
async fn editable_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<meeting::Model, DomainError> {
    let row = places::lock_meeting(db, meeting_id).await?;
    if agenda_editable(row.status) {
        Ok(row)
    } else {
        Err(DomainError::WrongStatus)
    }
}

/// The service re-checks what the form checked: a draft built any other way obeys the rules too.
async fn check_draft(db: &impl ConnectionTrait, draft: &ItemDraft) -> Result<(), DomainError> {
    if draft.kind == ItemKind::B
        && draft
            .indstilling
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
    {
        return Err(DomainError::Form(vec![(
            "indstilling",
            crate::model::forms::FormProblem::IndstillingRequired,
        )]));
    }
    if draft.duration_minutes < 1 {
        return Err(DomainError::Form(vec![(
            "duration",
            crate::model::forms::FormProblem::DurationOutOfRange,
        )]));
    }
    if let Some(id) = draft.presenter_id
        && person::Entity::find_by_id(id).one(db).await?.is_none()
    {
        return Err(DomainError::Form(vec![(
            "presenter_id",
            crate::model::forms::FormProblem::PresenterUnknown,
        )]));
    }
    Ok(())
}

/// A changed agenda needs the chair's approval again.
async fn withdraw_approval(
    db: &impl ConnectionTrait,
    row: &meeting::Model,
) -> Result<(), DomainError> {
    if row.approved_at.is_some() && row.status == MeetingStatus::InReview {
        meeting::Entity::update_many()
            .col_expr(
                meeting::Column::ApprovedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(meeting::Column::Id.eq(row.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// An item whose meeting's agenda may still change.
pub async fn agenda_editable_item(
    db: &impl ConnectionTrait,
    item_id: i32,
) -> Result<agenda_item::Model, DomainError> {
    Ok(editable_item(db, item_id).await?.0)
}

/// An item and its meeting (locked for this transaction), if the meeting's agenda may still
/// change. The item is read again under the lock: what was read before it may be stale.
async fn editable_item(
    db: &impl ConnectionTrait,
    item_id: i32,
) -> Result<(agenda_item::Model, meeting::Model), DomainError> {
    let find = || async {
        agenda_item::Entity::find_by_id(item_id)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound)
    };
    let row = editable_meeting(db, find().await?.meeting_id).await?;
    Ok((find().await?, row))
}
