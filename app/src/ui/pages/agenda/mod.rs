//! The agenda item form.
mod item_form_page;

pub use item_form_page::ItemFormPage;
