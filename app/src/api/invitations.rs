//! Invitations, answers, the outbox, calendar feeds and e-mailed replies.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::invitations::{InvitationsView, OutboxRow, RsvpView};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GuestForm {
    pub meeting_id: i32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub language: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RsvpForm {
    pub token: String,
    #[serde(default)]
    pub answer: String,
}

#[server(prefix = "/api", endpoint = "invitations")]
pub async fn get_invitations(meeting_id: i32) -> Result<InvitationsView, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<GetInvitations>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    invitations::view(&caller.state.db, &access, meeting_id)
        .await
        .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "invite_guest")]
pub async fn invite_guest(input: GuestForm) -> Result<(), AppError> {
    use crate::model::{EmailAddress, Lang, PersonName};
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<InviteGuest>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let mut problems = Vec::new();
    let name = PersonName::parse(&input.name)
        .map_err(|e| problems.push(("guest_name", e.into())))
        .ok();
    let email = EmailAddress::parse(&input.email)
        .map_err(|e| problems.push(("guest_email", e.into())))
        .ok();
    let state = &caller.state;
    let result = match (name, email) {
        (Some(name), Some(email)) => {
            let lang = Lang::parse(&input.language).unwrap_or_default();
            invitations::add_guest(
                &state.db,
                &access,
                &state.mail,
                state.clock.now(),
                input.meeting_id,
                invitations::Guest {
                    name: &name,
                    email: &email,
                    lang,
                },
            )
            .await
        }
        _ => Err(DomainError::Form(problems)),
    };
    result.map_err(|e| {
        back_to_form(
            caller.refuse(e),
            &format!("/meetings/{}", input.meeting_id),
            &[
                ("guest_name", input.name.as_str()),
                ("guest_email", input.email.as_str()),
            ],
        )
    })
}

#[server(prefix = "/api", endpoint = "remove_invitee")]
pub async fn remove_invitee(invitee_id: i32) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<RemoveInvitee>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    invitations::remove_invitee(
        &state.db,
        &access,
        &state.mail,
        state.clock.now(),
        invitee_id,
    )
    .await
    .map(|_| ())
    .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "cancel_meeting")]
pub async fn cancel_meeting(meeting_id: i32) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::invitations;

    let caller = Caller::authorize::<CancelMeeting>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    invitations::cancel_meeting(
        &state.db,
        &access,
        &state.mail,
        state.clock.now(),
        meeting_id,
    )
    .await
    .map(|_| ())
    .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "outbox")]
pub async fn get_outbox() -> Result<Vec<OutboxRow>, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::outbox;

    let caller = Caller::authorize::<GetOutbox>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    outbox::list(&caller.state.db, &access, None)
        .await
        .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "outbox_retry")]
pub async fn retry_message(id: i32) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::outbox;

    let caller = Caller::authorize::<RetryMessage>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    outbox::retry(&caller.state.db, &access, caller.state.clock.now(), id)
        .await
        .map_err(|e| caller.refuse(e))
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

/// The signed-in person's feed address, made on first use.
#[server(prefix = "/api", endpoint = "feed")]
pub async fn my_feed() -> Result<String, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::accounts;

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
    use crate::server::services::accounts;

    let caller = Caller::authorize::<RenewFeed>().await?;
    let user = caller.require_user()?;
    accounts::feed_token(&caller.state.db, user.person_id, true)
        .await
        .map(|_| ())
        .map_err(|e| caller.refuse(e))
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    pub message: String,
}

/// Secretariat: reads a REPLY e-mail and records the answer. Returns "email: PARTSTAT".
#[server(prefix = "/api", endpoint = "reply")]
pub async fn read_reply(input: ReplyForm) -> Result<String, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::services::invitations::{self, ReplyOutcome};

    let caller = Caller::authorize::<ReadReply>().await?;
    require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    match invitations::apply_reply(&state.db, state.clock.now(), input.message.as_bytes()).await {
        Ok(ReplyOutcome::Recorded { email, answer }) => {
            let summary = format!("{email}: {answer}");
            leptos_axum::redirect(&format!(
                "/replies?recorded={}",
                crate::ui::url::encode(&summary)
            ));
            Ok(summary)
        }
        Err(e) => Err(back_to_form(caller.refuse(e), "/replies", &[])),
    }
}

/// Secretariat only: whether I am invited to the meetings too (and my current choice).
#[server(prefix = "/api", endpoint = "opt_in")]
pub async fn get_invitation_opt_in() -> Result<Option<bool>, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::accounts;

    let caller = Caller::authorize::<GetInvitationOptIn>().await?;
    let user = caller.require_user()?;
    if !user.role.is_secretariat() {
        return Ok(None);
    }
    accounts::invitation_opt_in(&caller.state.db, user.person_id)
        .await
        .map(Some)
        .map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "opt_in_set")]
pub async fn set_invitation_opt_in(on: String) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::accounts;

    let caller = Caller::authorize::<SetInvitationOptIn>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    accounts::set_invitation_opt_in(&caller.state.db, &access, on == "true")
        .await
        .map_err(|e| caller.refuse(e))
}
