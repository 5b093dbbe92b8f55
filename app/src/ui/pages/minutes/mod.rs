//! Minutes: taking them, the decision register, and the actions.
mod actions_page;
mod minutes_page;
mod register_page;

pub use actions_page::ActionsPage;
pub use minutes_page::MinutesPage;
pub use register_page::RegisterPage;

pub use crate::i18n::minutes::{action_status_name, decision_status_name};
