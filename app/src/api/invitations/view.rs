//! The invitees of a meeting and their answers, for the secretariat.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::invitations::InvitationsView;

#[server(prefix = "/api", endpoint = "invitations")]
pub async fn get_invitations(meeting_id: i32) -> Result<InvitationsView, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<GetInvitations>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    invitations::view(&caller.state.db, &access, meeting_id)
        .await
        .map_err(|e| caller.refuse(e))
}
