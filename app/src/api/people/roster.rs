//! The people page: the roster, the person form, and deactivating, reactivating and
//! re-sending a welcome.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::people::{PersonForm, Roster};

/// Notice codes the people page shows after a change (`?message=`).
pub const PERSON_NOTICES: [&str; 5] = ["added", "saved", "deactivated", "reactivated", "welcome"];

/// Secretariat only: everyone, and the members a deputy can stand in for.
#[server(prefix = "/api", endpoint = "roster")]
pub async fn get_roster() -> Result<Roster, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::people::edit;

    let caller = Caller::authorize::<GetRoster>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    edit::roster(&caller.state.db, &access)
        .await
        .map_err(|e| caller.refuse(e))
}

/// Secretariat only: every change to a person, newest first.
#[server(prefix = "/api", endpoint = "person_log")]
pub async fn get_person_log(id: i32) -> Result<Vec<crate::model::meetings::AuditRow>, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::audit;

    let caller = Caller::authorize::<GetPersonLog>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    audit::for_person(&caller.state.db, &access, id)
        .await
        .map_err(|e| caller.refuse(e))
}

/// Adds a person (no `person_id`) or saves one (with `person_id` and `version`).
#[server(prefix = "/api", endpoint = "person_save")]
pub async fn save_person(input: PersonForm) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::people::edit;

    let caller = Caller::authorize::<SavePerson>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let page = match input.person_id {
        Some(id) => format!("/people/{id}/edit"),
        None => "/people/new".to_string(),
    };
    let lead = input.lead.clone().unwrap_or_default();
    let version = input.version.map(|v| v.to_string()).unwrap_or_default();
    let keep = [
        ("version", version.as_str()),
        ("name", input.name.as_str()),
        ("title", input.title.as_str()),
        ("organisation", input.organisation.as_str()),
        ("sector", input.sector.as_str()),
        ("email", input.email.as_str()),
        ("role", input.role.as_str()),
        ("language", input.language.as_str()),
        ("lead", lead.as_str()),
        ("deputy_for", input.deputy_for.as_str()),
    ];
    let state = &caller.state;
    let now = state.clock.now();
    let (result, notice) = match (input.parse(), input.person_id, input.version) {
        (Err(problems), _, _) => (Err(DomainError::Form(problems)), ""),
        (Ok(draft), Some(id), Some(version)) => (
            edit::update_person(&state.db, &access, &state.mail, now, id, version, draft).await,
            "saved",
        ),
        (Ok(_), Some(_), None) => (Err(DomainError::Stale), ""),
        (Ok(draft), None, _) => (
            edit::add_person(&state.db, &access, &state.mail, now, draft)
                .await
                .map(|_| ()),
            "added",
        ),
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/people?message={notice}"));
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &keep)),
    }
}

/// What the buttons on a person's page post.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PersonActionInput {
    pub person_id: i32,
    #[serde(default)]
    pub version: i32,
    /// deactivate | reactivate | welcome
    pub action: String,
}

#[server(prefix = "/api", endpoint = "person_action")]
pub async fn person_action(input: PersonActionInput) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::services::people::{edit, roster};

    let caller = Caller::authorize::<PersonAction>().await?;
    let access = require_secretariat(caller.require_user()?).map_err(|e| caller.refuse(e))?;
    let state = &caller.state;
    let now = state.clock.now();
    let (db, ctx, id, version) = (&state.db, &state.mail, input.person_id, input.version);
    let (result, notice) = match input.action.as_str() {
        "deactivate" => (
            roster::deactivate(db, &access, ctx, now, id, version).await,
            "deactivated",
        ),
        "reactivate" => (
            roster::reactivate(db, &access, ctx, now, id, version).await,
            "reactivated",
        ),
        "welcome" => (
            edit::resend_welcome(db, &access, ctx, now, id).await,
            "welcome",
        ),
        _ => {
            return Err(AppError::Validation {
                field: "action".into(),
                message: "deactivate | reactivate | welcome".into(),
            });
        }
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/people?message={notice}"));
            Ok(())
        }
        Err(error) => Err(back_to_form(
            caller.refuse(error),
            &format!("/people/{id}/edit"),
            &[],
        )),
    }
}
