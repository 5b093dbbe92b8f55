//! Planning a meeting and changing its date, place and times.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::meetings::MeetingForm;

#[server(prefix = "/api", endpoint = "meeting_save")]
pub async fn save_meeting(input: MeetingForm) -> Result<(), AppError> {
    use crate::model::time::Zone;
    use crate::server::auth::require_secretariat;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::{meetings, taskforce};

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
                meetings::update_meeting(
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
                    meetings::create_meeting(&state.db, &access, state.clock.now(), tf.id, draft)
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
