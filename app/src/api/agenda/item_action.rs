//! Moving an agenda item up, down or to a place, and removing it.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A button on an agenda item: move it `up` or `down`, or `remove` it; or, dragged and
/// dropped, `place` it at `place` (counting from 1).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemCommand {
    pub item_id: i32,
    pub action: String,
    #[serde(default)]
    pub place: Option<usize>,
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
