//! A person's calendar feed address, and renewing it.
use leptos::prelude::*;

use crate::error::AppError;

/// The signed-in person's feed address, made on first use.
#[server(prefix = "/api", endpoint = "feed")]
pub async fn my_feed() -> Result<String, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::people::accounts;

    let caller = Caller::authorize::<MyFeed>().await?;
    let user = caller.require_user()?;
    let token = accounts::feed_token(&caller.state.db, user.person_id, false)
        .await
        .map_err(|e| caller.refuse(e))?;
    Ok(format!(
        "{}/calendar/{token}.ics",
        caller.state.settings.base_url
    ))
}

#[server(prefix = "/api", endpoint = "feed_renew")]
pub async fn renew_feed() -> Result<(), AppError> {
    use crate::server::context::Caller;
    use crate::server::services::people::accounts;

    let caller = Caller::authorize::<RenewFeed>().await?;
    let user = caller.require_user()?;
    accounts::feed_token(&caller.state.db, user.person_id, true)
        .await
        .map(|_| ())
        .map_err(|e| caller.refuse(e))
}
