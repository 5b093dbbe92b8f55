//! My profile: the page's data, changing the password, signing out everywhere.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::people::Profile;

/// Notice codes the profile page shows (`?message=`).
pub const PROFILE_NOTICES: [&str; 2] = ["password-changed", "password-set"];

/// The notice code the sign-in page shows after "sign out everywhere".
pub const SIGNED_OUT_EVERYWHERE: &str = "signed-out-everywhere";

#[server(prefix = "/api", endpoint = "profile")]
pub async fn get_profile() -> Result<Profile, AppError> {
    use crate::server::context::{Caller, session_token};
    use crate::server::services::people::profile;

    let caller = Caller::authorize::<GetProfile>().await?;
    let user = caller.require_user()?;
    let token = session_token().unwrap_or_default();
    let state = &caller.state;
    profile::profile(&state.db, state.clock.now(), user, &token)
        .await
        .map_err(|e| caller.refuse(e))
}

/// What the password form posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PasswordInput {
    #[serde(default)]
    pub current: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub again: String,
}

#[server(prefix = "/api", endpoint = "password_change")]
pub async fn change_password(input: PasswordInput) -> Result<(), AppError> {
    use crate::server::context::{Caller, back_to_form, session_token};
    use crate::server::services::people::profile::{self, PasswordChange};

    let caller = Caller::authorize::<ChangePassword>().await?;
    let user = caller.require_user()?;
    let token = session_token().unwrap_or_default();
    let change = PasswordChange {
        current: input.current,
        password: input.password,
        again: input.again,
    };
    match profile::change_password(&caller.state.db, user, &token, change).await {
        Ok(()) => {
            leptos_axum::redirect("/profile?message=password-changed");
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), "/profile", &[])),
    }
}

#[server(prefix = "/api", endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use crate::server::auth::expired_session_cookie;
    use crate::server::context::{Caller, set_cookie};
    use crate::server::services::people::profile;

    let caller = Caller::authorize::<SignOutEverywhere>().await?;
    let user = caller.require_user()?;
    profile::sign_out_everywhere(&caller.state.db, user)
        .await
        .map_err(|e| caller.refuse(e))?;
    set_cookie(&expired_session_cookie(
        caller.state.settings.cookie_secure(),
    ));
    leptos_axum::redirect(&format!("/login?message={SIGNED_OUT_EVERYWHERE}"));
    Ok(())
}
