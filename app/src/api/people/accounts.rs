//! Sign-ins as the secretariat lists them.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::AccountRow;

/// Secretariat only: everyone who can sign in.
#[server(prefix = "/api", endpoint = "accounts")]
pub async fn list_accounts() -> Result<Vec<AccountRow>, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::people::accounts;

    let caller = Caller::authorize::<ListAccounts>().await?;
    let user = caller.require_user()?;
    let access = require_secretariat(user).map_err(|e| caller.refuse(e))?;
    accounts::list_accounts_for(&caller.state.db, &access)
        .await
        .map_err(|e| caller.refuse(e))
}
