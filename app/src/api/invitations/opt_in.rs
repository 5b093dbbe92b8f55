//! Whether a secretariat member wants the meetings in their calendar.
use leptos::prelude::*;

use crate::error::AppError;

/// Secretariat only: whether I am invited to the meetings too (and my current choice).
#[server(prefix = "/api", endpoint = "opt_in")]
pub async fn get_invitation_opt_in() -> Result<Option<bool>, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::people::accounts;

    let caller = Caller::authorize::<GetInvitationOptIn>().await?;
    let user = caller.require_user()?;
    if !user.role.is_secretariat() {
        return Ok(None);
    }
    accounts::invitation_opt_in(&caller.state.db, user.person_id)
        .await
        .map(Some)
        .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "opt_in_set")]
pub async fn set_invitation_opt_in(on: String) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::people::accounts;

    let caller = Caller::authorize::<SetInvitationOptIn>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    accounts::set_invitation_opt_in(&caller.state.db, &access, on == "true")
        .await
        .map_err(|e| caller.refuse(e))
}
