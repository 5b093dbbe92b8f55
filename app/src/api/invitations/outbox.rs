//! The outbox: every message and its state, and retrying one that gave up.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::invitations::OutboxRow;

#[server(prefix = "/api", endpoint = "outbox")]
pub async fn get_outbox() -> Result<Vec<OutboxRow>, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::outbox;

    let caller = Caller::authorize::<GetOutbox>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    outbox::list(&caller.state.db, &access, None)
        .await
        .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "outbox_retry")]
pub async fn retry_message(id: i32) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::outbox;

    let caller = Caller::authorize::<RetryMessage>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    outbox::retry(&caller.state.db, &access, caller.state.clock.now(), id)
        .await
        .map_err(|e| caller.refuse(e))
}
