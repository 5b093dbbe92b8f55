//! Guests: inviting someone without an account, and removing an invitee.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

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
