//! The interface: layout, pages and the small components they share.
pub mod components;
pub mod escape;
pub mod forms;
pub mod layout;
pub mod pages;
pub mod url;

use leptos::prelude::*;

use crate::api::people::{Login, Logout, SetLanguage};
use crate::error::AppError;
use crate::model::SessionInfo;

/// Provided by `App`: the session every page reads, and the actions that change it.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub session: Resource<Result<SessionInfo, AppError>>,
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
    pub set_language: ServerAction<SetLanguage>,
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// The session, with a signed-out Danish default if it could not be read.
pub async fn session(app: AppContext) -> SessionInfo {
    app.session.await.unwrap_or_default()
}
