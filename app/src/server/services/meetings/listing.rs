//! Meetings as lists and rows.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::model::{MeetingStatus, MeetingSummary, Role};
use crate::server::entities::meeting;
use crate::server::error::DomainError;

/// The meetings a role may see, in order. The filter runs in SQL so nothing hidden leaves
/// the database.
pub async fn visible_to(
    db: &impl ConnectionTrait,
    taskforce_id: i32,
    role: Role,
) -> Result<Vec<MeetingSummary>, DomainError> {
    let visible = MeetingStatus::ALL
        .into_iter()
        .filter(|s| role.may_see_meeting(*s));
    let rows = meeting::Entity::find()
        .filter(meeting::Column::TaskforceId.eq(taskforce_id))
        .filter(meeting::Column::Status.is_in(visible))
        .order_by_asc(meeting::Column::StartsAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(summary).collect())
}

pub fn summary(row: meeting::Model) -> MeetingSummary {
    MeetingSummary {
        id: row.id,
        number: row.number,
        title: row.title,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        time_zone: row.time_zone,
        location: row.location,
        // The form accepts only web addresses; a row written otherwise is not shown as a link.
        online_link: row
            .online_link
            .filter(|link| crate::model::meetings::is_web_link(link)),
        status: row.status,
    }
}
