//! The taskforce's members as everyone signed in may see them.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::PersonView;

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
