//! The landing page: the taskforce and its meetings.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Overview;

#[server(prefix = "/api", endpoint = "overview")]
pub async fn get_overview() -> Result<Overview, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::taskforce;

    let caller = Caller::authorize::<GetOverview>().await?;
    let user = caller.require_user()?;
    taskforce::overview(&caller.state.db, user)
        .await
        .map_err(|e| caller.refuse(e))
}
