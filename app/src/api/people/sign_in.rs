//! Signing in with a password and signing out.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Texts;

/// What the sign-in form posts (`input[email]`, `input[password]`, `input[next]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub next: String,
}

/// The notice code the sign-in page shows after signing out.
pub const SIGNED_OUT: &str = "signed-out";

/// A problem with the sign-in form in words, by its code; `None` for a code it does not know.
pub fn login_problem(t: &Texts, code: &str) -> Option<&'static str> {
    match code {
        "email_required" => Some(t.people.err_email_required),
        "email_invalid" => Some(t.people.err_email_invalid),
        "password_required" => Some(t.people.err_password_required),
        "email_local_part" | "email_domain" => Some(t.people.err_email_invalid),
        _ => None,
    }
}

/// A notice on the sign-in page, by the code in `?message=`; `None` for any other text.
pub fn login_notice(t: &Texts, code: &str) -> Option<&'static str> {
    match code {
        SIGNED_OUT => Some(t.people.notice_signed_out),
        super::LINK_SENT => Some(t.people.notice_link_sent),
        super::SIGNED_OUT_EVERYWHERE => Some(t.people.notice_signed_out_everywhere),
        _ => None,
    }
}

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(input: LoginInput) -> Result<(), AppError> {
    use crate::error::FieldError;
    use crate::i18n::texts;
    use crate::model::people::{EmailAddress, EmailError};
    use crate::server::auth::session_cookie;
    use crate::server::context::{Caller, back_to_form, set_cookie};
    use crate::server::services::people::sessions;

    let caller = Caller::authorize::<Login>().await?;
    let t = texts(caller.lang);
    let keep = [
        ("email", input.email.as_str()),
        ("next", input.next.as_str()),
    ];
    let invalid = |field: &str, code: &str| {
        AppError::Invalid(vec![FieldError {
            field: field.into(),
            code: code.into(),
            message: login_problem(t, code).unwrap_or_default().into(),
        }])
    };
    let email = match EmailAddress::parse(&input.email) {
        Ok(email) => email,
        Err(EmailError::Empty) => {
            return Err(back_to_form(
                invalid("email", "email_required"),
                "/login",
                &keep,
            ));
        }
        Err(_) => {
            return Err(back_to_form(
                invalid("email", "email_invalid"),
                "/login",
                &keep,
            ));
        }
    };
    if input.password.is_empty() {
        return Err(back_to_form(
            invalid("password", "password_required"),
            "/login",
            &keep,
        ));
    }
    let state = &caller.state;
    match sessions::sign_in_browser(
        &state.db,
        state.clock.now(),
        &email,
        input.password,
        state.settings.session_hours,
        crate::server::context::user_agent().as_deref(),
    )
    .await
    {
        Ok(signed_in) => {
            let max_age = (signed_in.expires_at - state.clock.now()).num_seconds();
            set_cookie(&session_cookie(
                &signed_in.token,
                max_age,
                state.settings.cookie_secure(),
            ));
            leptos_axum::redirect(&crate::ui::url::safe_next(&input.next));
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), "/login", &keep)),
    }
}

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::auth::expired_session_cookie;
    use crate::server::context::{Caller, set_cookie};
    use crate::server::services::people::sessions;

    let caller = Caller::authorize::<Logout>().await?;
    if let Some(token) = crate::server::context::session_token() {
        sessions::sign_out(&caller.state.db, &token)
            .await
            .map_err(|e| caller.refuse(e))?;
    }
    set_cookie(&expired_session_cookie(
        caller.state.settings.cookie_secure(),
    ));
    leptos_axum::redirect(&format!("/login?message={SIGNED_OUT}"));
    Ok(())
}
