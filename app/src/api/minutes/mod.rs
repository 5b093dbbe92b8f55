//! Minutes: the minute-taking page and its saves, the decision register, and actions.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::minutes::export::{Register, RegisterFilter};
use crate::model::minutes::{ActionForm, ActionRow, MinutesView, OutcomeForm};

/// Secretariat only: the minute-taking page of a meeting.
#[server(prefix = "/api", endpoint = "minutes")]
pub async fn get_minutes(meeting_id: i32) -> Result<MinutesView, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::minutes;

    let caller = Caller::authorize::<GetMinutes>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    minutes::view(&state.db, &access, state.clock.now(), meeting_id)
        .await
        .map_err(|e| caller.refuse(e))
}

/// Where a minutes form goes back to: the meeting's minutes page, at the item.
#[cfg(feature = "ssr")]
fn minutes_page(meeting_id: i32, item_id: i32) -> String {
    format!("/meetings/{meeting_id}/minutes#item-{item_id}")
}

/// Saves an item's outcome.
#[server(prefix = "/api", endpoint = "outcome_save")]
pub async fn save_outcome(meeting_id: i32, input: OutcomeForm) -> Result<i32, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form, is_plain_form_post};
    use crate::server::services::minutes;

    let caller = Caller::authorize::<SaveOutcome>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    let page = format!("/meetings/{meeting_id}/minutes");
    match minutes::save_outcome(&state.db, &access, state.clock.now(), &input).await {
        Ok(version) => {
            if is_plain_form_post() {
                leptos_axum::redirect(&minutes_page(meeting_id, input.item_id));
            }
            Ok(version)
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &[])),
    }
}

/// What the new-decision form posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DecisionInput {
    pub meeting_id: i32,
    pub item_id: i32,
    #[serde(default)]
    pub text: String,
}

#[server(prefix = "/api", endpoint = "decision_add")]
pub async fn add_decision(input: DecisionInput) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form, is_plain_form_post};
    use crate::server::services::minutes::decisions;

    let caller = Caller::authorize::<AddDecision>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    let page = format!("/meetings/{}/minutes", input.meeting_id);
    match decisions::add(
        &state.db,
        &access,
        state.clock.now(),
        input.item_id,
        &input.text,
    )
    .await
    {
        Ok(_) => {
            if is_plain_form_post() {
                leptos_axum::redirect(&minutes_page(input.meeting_id, input.item_id));
            }
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &[])),
    }
}

#[server(prefix = "/api", endpoint = "action_add")]
pub async fn add_action(meeting_id: i32, input: ActionForm) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form, is_plain_form_post};
    use crate::server::error::DomainError;
    use crate::server::services::minutes::actions;

    let caller = Caller::authorize::<AddAction>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    let page = format!("/meetings/{meeting_id}/minutes");
    let result = match input.parse() {
        Err(problems) => Err(DomainError::Form(problems)),
        Ok(draft) => {
            actions::add(&state.db, &access, state.clock.now(), input.item_id, draft).await
        }
    };
    match result {
        Ok(_) => {
            if is_plain_form_post() {
                leptos_axum::redirect(&minutes_page(meeting_id, input.item_id));
            }
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &[])),
    }
}

/// Every decision the caller may see, across meetings.
#[server(prefix = "/api", endpoint = "decisions")]
pub async fn get_register(filter: RegisterFilter) -> Result<Register, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::minutes::decisions;

    let caller = Caller::authorize::<GetRegister>().await?;
    let user = caller.require_user()?;
    let all = decisions::register(&caller.state.db, user)
        .await
        .map_err(|e| caller.refuse(e))?;
    Ok(Register::new(all, &filter))
}

/// The caller's actions; for the secretariat everyone's unless `mine`.
#[server(prefix = "/api", endpoint = "actions")]
pub async fn get_actions(mine: bool) -> Result<Vec<ActionRow>, AppError> {
    use crate::server::context::Caller;
    use crate::server::services::minutes::actions;

    let caller = Caller::authorize::<GetActions>().await?;
    let user = caller.require_user()?;
    let today = crate::model::time::Zone::EuropeCopenhagen
        .to_local(caller.state.clock.now())
        .date();
    actions::list(&caller.state.db, user, today, mine)
        .await
        .map_err(|e| caller.refuse(e))
}

/// What an action's status button posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActionStatusInput {
    pub action_id: i32,
    pub version: i32,
    /// open | done | dropped
    pub status: String,
}

#[server(prefix = "/api", endpoint = "action_status")]
pub async fn set_action_status(input: ActionStatusInput) -> Result<(), AppError> {
    use crate::model::minutes::ActionStatus;
    use crate::server::context::{Caller, back_to_form, is_plain_form_post};
    use crate::server::services::minutes::actions;

    let caller = Caller::authorize::<SetActionStatus>().await?;
    let user = caller.require_user()?;
    let Some(status) = ActionStatus::parse(&input.status) else {
        return Err(AppError::Validation {
            field: "status".into(),
            message: "open | done | dropped".into(),
        });
    };
    let state = &caller.state;
    match actions::set_status(
        &state.db,
        user,
        state.clock.now(),
        input.action_id,
        input.version,
        status,
    )
    .await
    {
        Ok(()) => {
            if is_plain_form_post() {
                leptos_axum::redirect("/actions");
            }
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), "/actions", &[])),
    }
}
