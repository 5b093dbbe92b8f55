//! A meeting's step through review, publishing, holding and closing.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A lifecycle step (`submit`, `approve`, `send_back`, `publish`, `held`, `close`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatusChange {
    pub meeting_id: i32,
    pub step: String,
    #[serde(default)]
    pub comment: String,
}

#[server(prefix = "/api", endpoint = "meeting_status")]
pub async fn change_status(input: StatusChange) -> Result<(), AppError> {
    use crate::model::meetings::Transition;
    use crate::server::context::{Caller, back_to_form};
    use crate::server::error::DomainError;
    use crate::server::services::meetings;

    let caller = Caller::authorize::<ChangeStatus>().await?;
    let user = caller.require_user()?;
    let step = Transition::parse(&input.step).ok_or(DomainError::NotFound);
    let state = &caller.state;
    let result = match step {
        Ok(step) => {
            meetings::transition(
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
