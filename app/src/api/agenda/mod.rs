//! Agenda items: adding, changing, moving and removing them.
mod item_action;
mod save_item;

pub use item_action::{ItemAction, ItemCommand, item_action};
pub use save_item::{SaveItem, save_item};
