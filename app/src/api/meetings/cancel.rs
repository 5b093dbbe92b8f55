//! Cancelling a meeting: every invitee gets the cancellation.
use leptos::prelude::*;

use crate::error::AppError;

#[server(prefix = "/api", endpoint = "cancel_meeting")]
pub async fn cancel_meeting(meeting_id: i32) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<CancelMeeting>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    invitations::cancel_meeting(
        &state.db,
        &access,
        &state.mail,
        state.clock.now(),
        meeting_id,
    )
    .await
    .map(|_| ())
    .map_err(|e| caller.refuse(e))
}
