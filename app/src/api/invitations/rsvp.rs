//! Answering an invitation from the link in its e-mail, without signing in.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::invitations::RsvpView;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RsvpForm {
    pub token: String,
    #[serde(default)]
    pub answer: String,
}

/// What an answer link shows; no sign-in needed, the signed token is the key.
#[server(prefix = "/api", endpoint = "rsvp")]
pub async fn get_rsvp(token: String) -> Result<RsvpView, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<GetRsvp>().await?;
    let state = &caller.state;
    invitations::rsvp_view(&state.db, &state.mail, state.clock.now(), &token)
        .await
        .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "rsvp_answer")]
pub async fn answer_rsvp(input: RsvpForm) -> Result<(), AppError> {
    use crate::model::invitations::Answer;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<AnswerRsvp>().await?;
    let state = &caller.state;
    let page = format!("/rsvp/{}", input.token);
    let result = match Answer::from_link(&input.answer) {
        Some(answer) => {
            invitations::answer(
                &state.db,
                &state.mail,
                state.clock.now(),
                &input.token,
                answer,
            )
            .await
        }
        None => Err(DomainError::NotFound),
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("{page}?saved={}", input.answer));
            Ok(())
        }
        Err(e) => Err(back_to_form(caller.refuse(e), &page, &[])),
    }
}
