//! A meeting as its page shows it to the viewer.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::meetings::MeetingDetail;

#[server(prefix = "/api", endpoint = "meeting")]
pub async fn get_meeting(id: i32) -> Result<MeetingDetail, AppError> {
    use crate::model::time::starts_in;
    use crate::server::context::{Caller, shown_until};
    use crate::server::services::meetings;

    let caller = Caller::authorize::<GetMeeting>().await?;
    let user = caller.require_user()?;
    let mut detail = meetings::meeting_detail(&caller.state.db, user, id)
        .await
        .map_err(|e| caller.refuse(e))?;
    let m = &detail.meeting;
    if m.status.is_upcoming() && !detail.cancelled {
        let now = caller.state.clock.now();
        if let Some((when, until)) = starts_in(now, m.starts_at, &m.time_zone) {
            detail.starts_in = Some(when);
            shown_until(until);
        }
    }
    Ok(detail)
}
