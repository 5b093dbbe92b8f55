//! An e-mailed answer (METHOD:REPLY) pasted in by the secretariat.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

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
