//! Pages about the site itself.
mod not_found_page;

pub use not_found_page::NotFoundPage;
