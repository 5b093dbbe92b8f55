//! Signing in by a mailed link: asking for one, looking at one, using one.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::people::LinkState;

/// The notice code the sign-in page shows once a link is asked for.
pub const LINK_SENT: &str = "link-sent";

/// What the "send me a link" and "forgot password" forms post.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkRequestInput {
    pub email: String,
    /// sign_in | reset
    #[serde(default)]
    pub purpose: String,
}

/// Asks for a link. The answer is the same whether or not the address is known.
#[server(prefix = "/api", endpoint = "link_request")]
pub async fn request_link(input: LinkRequestInput) -> Result<(), AppError> {
    use crate::model::EmailAddress;
    use crate::model::people::LinkPurpose;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::people::links;

    let caller = Caller::authorize::<RequestLink>().await?;
    let purpose = LinkPurpose::parse(&input.purpose).unwrap_or(LinkPurpose::SignIn);
    let page = match purpose {
        LinkPurpose::SignIn => "/login",
        _ => "/login/reset",
    };
    let keep = [("email", input.email.as_str()), ("form", "link")];
    let email = match EmailAddress::parse(&input.email) {
        Ok(email) => email,
        Err(problem) => {
            return Err(back_to_form(
                caller.refuse(DomainError::Form(vec![("link_email", problem.into())])),
                page,
                &keep,
            ));
        }
    };
    let state = &caller.state;
    match links::request(&state.db, state.clock.now(), &email, purpose).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/login?message={LINK_SENT}"));
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), page, &keep)),
    }
}

/// Whether a link works, without using it.
#[server(prefix = "/api", endpoint = "link")]
pub async fn get_link(token: String) -> Result<LinkState, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::people::links;

    let caller = Caller::authorize::<GetLink>().await?;
    let state = &caller.state;
    links::state(&state.db, state.clock.now(), &token)
        .await
        .map_err(|e| caller.refuse(e))
}

/// What a link's page posts: the token, and for a welcome or reset link the new password.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UseLinkInput {
    pub token: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub again: String,
}

/// Uses a link and signs in.
#[server(prefix = "/api", endpoint = "link_use")]
pub async fn use_link(input: UseLinkInput) -> Result<(), AppError> {
    use crate::server::auth::session_cookie;
    use crate::server::context::{Caller, back_to_form, set_cookie, user_agent};
    use crate::server::services::people::links::{self, LinkUse};

    let caller = Caller::authorize::<UseLink>().await?;
    let state = &caller.state;
    let now = state.clock.now();
    let page = format!("/link/{}", crate::ui::url::encode(&input.token));
    let sets_password = !input.password.is_empty() || !input.again.is_empty();
    let used = links::use_link(
        &state.db,
        now,
        &input.token,
        LinkUse {
            password: input.password,
            again: input.again,
            user_agent: user_agent(),
        },
        state.settings.session_hours,
    )
    .await;
    match used {
        Ok(signed_in) => {
            set_cookie(&session_cookie(
                &signed_in.token,
                (signed_in.expires_at - now).num_seconds(),
                state.settings.cookie_secure(),
            ));
            leptos_axum::redirect(if sets_password {
                "/profile?message=password-set"
            } else {
                "/"
            });
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &[])),
    }
}
