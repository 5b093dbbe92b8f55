//! A meeting's audit log.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::meetings::AuditRow;

#[server(prefix = "/api", endpoint = "meeting_log")]
pub async fn get_audit_log(meeting_id: i32) -> Result<Vec<AuditRow>, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::audit;

    let caller = Caller::authorize::<GetAuditLog>().await?;
    let user = caller.require_user()?;
    let access = require_secretariat(user).map_err(|e| caller.refuse(e))?;
    audit::for_meeting(&caller.state.db, &access, meeting_id)
        .await
        .map_err(|e| caller.refuse(e))
}
