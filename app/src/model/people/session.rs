use serde::{Deserialize, Serialize};

use crate::model::{Lang, Role};

/// Who is signed in, as the interface needs to know it. Never carries secrets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub account_id: i32,
    pub person_id: i32,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub lang: Lang,
}

/// What every page knows before it renders: the language and, if any, the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SessionInfo {
    pub lang: Lang,
    pub user: Option<CurrentUser>,
    pub demo: bool,
}

impl SessionInfo {
    /// Whether the signed-in person, if any, is in the secretariat.
    pub fn is_secretariat(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.is_secretariat())
    }
}
