//! Adding an agenda item and changing one.
use leptos::prelude::*;

use crate::error::AppError;
use crate::model::agenda::ItemForm;

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
