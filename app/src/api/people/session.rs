//! Who is signed in, and the interface language.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::SessionInfo;

#[server(prefix = "/api", endpoint = "session")]
pub async fn get_session() -> Result<SessionInfo, AppError> {
    use crate::server::context::Caller;
    let caller = Caller::authorize::<GetSession>().await?;
    Ok(SessionInfo {
        lang: caller.lang,
        user: caller.user,
        demo: caller.state.settings.demo,
    })
}

/// Switches the language: for the signed-in person (kept with their profile) and in a cookie
/// for the browser, so the sign-in page follows too.
#[server(prefix = "/api", endpoint = "language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use crate::model::Lang;
    use crate::server::auth::lang_cookie;
    use crate::server::context::{Caller, set_cookie};
    use crate::server::services::people::accounts;

    let caller = Caller::authorize::<SetLanguage>().await?;
    let Some(lang) = Lang::parse(&lang) else {
        return Err(AppError::Validation {
            field: "lang".into(),
            message: "da | en".into(),
        });
    };
    if let Some(user) = &caller.user {
        accounts::set_language(&caller.state.db, user.person_id, lang)
            .await
            .map_err(|e| caller.refuse(e))?;
    }
    set_cookie(&lang_cookie(
        lang.code(),
        caller.state.settings.cookie_secure(),
    ));
    Ok(())
}
