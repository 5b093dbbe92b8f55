//! Meetings and their agendas: reading, planning, changing, and moving through review.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::agenda::{AuditRow, ItemForm, MeetingDetail, MeetingForm};

/// A button on an agenda item: move it `up` or `down`, or `remove` it; or, dragged and
/// dropped, `place` it at `place` (counting from 1).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemCommand {
    pub item_id: i32,
    pub action: String,
    #[serde(default)]
    pub place: Option<usize>,
}

/// A lifecycle step (`submit`, `approve`, `send_back`, `publish`, `held`, `close`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusChange {
    pub meeting_id: i32,
    pub step: String,
    #[serde(default)]
    pub comment: String,
}

#[server(prefix = "/api", endpoint = "meeting")]
pub async fn get_meeting(id: i32) -> Result<MeetingDetail, AppError> {
    use crate::model::time::starts_in;
    use crate::server::context::{Caller, shown_until};
    use crate::server::services::agenda;

    let caller = Caller::authorize::<GetMeeting>().await?;
    let user = caller.require_user()?;
    let mut detail = agenda::meeting_detail(&caller.state.db, user, id)
        .await
        .map_err(|e| caller.refuse(e))?;
    let m = &detail.meeting;
    if m.status.is_upcoming() && !detail.cancelled {
        let now = caller.state.clock.now();
        if let Some((when, until)) = starts_in(now, m.starts_at, &m.time_zone) {
            detail.starts_in = Some(when);
            shown_until(until);
        }
    }
    Ok(detail)
}

#[server(prefix = "/api", endpoint = "meeting_save")]
pub async fn save_meeting(input: MeetingForm) -> Result<(), AppError> {
    use crate::model::time::Zone;
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::{meeting_admin, taskforce};

    let caller = Caller::authorize::<SaveMeeting>().await?;
    let user = caller.require_user()?;
    let access = require_secretariat(user).map_err(|e| caller.refuse(e))?;
    let page = match input.meeting_id {
        Some(id) => format!("/meetings/{id}/edit"),
        None => "/meetings/new".to_string(),
    };
    let version = input.version.map(|v| v.to_string()).unwrap_or_default();
    let keep = [
        ("title", input.title.as_str()),
        ("date", input.date.as_str()),
        ("start", input.start.as_str()),
        ("end", input.end.as_str()),
        ("location", input.location.as_str()),
        ("online_link", input.online_link.as_str()),
        ("version", version.as_str()),
    ];
    let state = &caller.state;
    let result = match input.parse(Zone::EuropeCopenhagen) {
        Err(problems) => Err(DomainError::Form(problems)),
        Ok(draft) => match input.meeting_id {
            Some(id) => {
                let expected = input.version.unwrap_or_default();
                meeting_admin::update_meeting(
                    &state.db,
                    &access,
                    &state.mail,
                    state.clock.now(),
                    id,
                    expected,
                    draft,
                )
                .await
                .map(|()| id)
            }
            None => match taskforce::the_taskforce(&state.db).await {
                Ok(tf) => {
                    meeting_admin::create_meeting(
                        &state.db,
                        &access,
                        state.clock.now(),
                        tf.id,
                        draft,
                    )
                    .await
                }
                Err(e) => Err(e),
            },
        },
    };
    match result {
        Ok(id) => {
            leptos_axum::redirect(&format!("/meetings/{id}"));
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &keep)),
    }
}

#[server(prefix = "/api", endpoint = "item_save")]
pub async fn save_item(input: ItemForm) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::agenda;

    let caller = Caller::authorize::<SaveItem>().await?;
    let user = caller.require_user()?;
    let access = require_secretariat(user).map_err(|e| caller.refuse(e))?;
    let page = match input.item_id {
        Some(item) => format!("/meetings/{}/items/{item}/edit", input.meeting_id),
        None => format!("/meetings/{}/items/new", input.meeting_id),
    };
    let version = input.version.map(|v| v.to_string()).unwrap_or_default();
    let closed = if input.closed.is_some() { "on" } else { "" };
    let keep = [
        ("kind", input.kind.as_str()),
        ("title", input.title.as_str()),
        ("resume", input.resume.as_str()),
        ("indstilling", input.indstilling.as_str()),
        ("presenter_id", input.presenter_id.as_str()),
        ("duration", input.duration.as_str()),
        ("closed", closed),
        ("version", version.as_str()),
    ];
    let state = &caller.state;
    let now = state.clock.now();
    let result = match input.parse() {
        Err(problems) => Err(DomainError::Form(problems)),
        Ok(draft) => match input.item_id {
            Some(item) => {
                agenda::update_item(
                    &state.db,
                    &access,
                    now,
                    item,
                    input.version.unwrap_or_default(),
                    draft,
                )
                .await
            }
            None => agenda::add_item(&state.db, &access, now, input.meeting_id, draft)
                .await
                .map(|_| ()),
        },
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/meetings/{}", input.meeting_id));
            Ok(())
        }
        Err(error) => Err(back_to_form(caller.refuse(error), &page, &keep)),
    }
}

#[server(prefix = "/api", endpoint = "item_action")]
pub async fn item_action(input: ItemCommand) -> Result<(), AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::agenda::{self, Placement};

    let caller = Caller::authorize::<ItemAction>().await?;
    let user = caller.require_user()?;
    let access = require_secretariat(user).map_err(|e| caller.refuse(e))?;
    let (db, now) = (&caller.state.db, caller.state.clock.now());
    let result = match input.action.as_str() {
        "up" => agenda::move_item(db, &access, now, input.item_id, Placement::Up).await,
        "down" => agenda::move_item(db, &access, now, input.item_id, Placement::Down).await,
        "place" => match input.place {
            Some(place) => {
                agenda::move_item(db, &access, now, input.item_id, Placement::To(place)).await
            }
            None => Err(crate::server::error::DomainError::NotFound),
        },
        "remove" => {
            let files_dir = &caller.state.settings.files_dir;
            agenda::remove_item(db, &access, now, input.item_id, files_dir).await
        }
        _ => Err(crate::server::error::DomainError::NotFound),
    };
    result.map(|_| ()).map_err(|e| caller.refuse(e))
}

#[server(prefix = "/api", endpoint = "meeting_status")]
pub async fn change_status(input: StatusChange) -> Result<(), AppError> {
    use crate::model::agenda::Transition;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::meeting_admin;

    let caller = Caller::authorize::<ChangeStatus>().await?;
    let user = caller.require_user()?;
    let step = Transition::parse(&input.step).ok_or(DomainError::NotFound);
    let state = &caller.state;
    let result = match step {
        Ok(step) => {
            meeting_admin::transition(
                &state.db,
                user,
                &state.mail,
                state.clock.now(),
                input.meeting_id,
                step,
                &input.comment,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(()),
        Err(error) => Err(back_to_form(
            caller.refuse(error),
            &format!("/meetings/{}", input.meeting_id),
            &[("comment", input.comment.as_str())],
        )),
    }
}

#[server(prefix = "/api", endpoint = "meeting_log")]
pub async fn get_audit_log(meeting_id: i32) -> Result<Vec<AuditRow>, AppError> {
    use crate::server::auth::require_secretariat;
    use crate::server::context::Caller;
    use crate::server::services::audit;

    let caller = Caller::authorize::<GetAuditLog>().await?;
    let user = caller.require_user()?;
    let access = require_secretariat(user).map_err(|e| caller.refuse(e))?;
    audit::for_meeting(&caller.state.db, &access, meeting_id)
        .await
        .map_err(|e| caller.refuse(e))
}
