use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Overview, PersonView};

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

#[server(prefix = "/api", endpoint = "members")]
pub async fn get_members() -> Result<Vec<PersonView>, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::taskforce;

    let caller = Caller::authorize::<GetMembers>().await?;
    let user = caller.require_user()?;
    taskforce::members(&caller.state.db, user)
        .await
        .map_err(|e| caller.refuse(e))
}
