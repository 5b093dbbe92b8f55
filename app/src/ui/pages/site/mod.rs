//! Pages about the site itself.
mod accessibility_page;
mod not_found_page;

pub use accessibility_page::AccessibilityPage;
pub use not_found_page::NotFoundPage;
