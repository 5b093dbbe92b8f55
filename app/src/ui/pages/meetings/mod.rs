//! A meeting, its form, its print and its audit log.
mod audit_page;
mod meeting_form_page;
mod meeting_page;
mod print_page;

pub use audit_page::AuditPage;
pub use meeting_form_page::MeetingFormPage;
pub use meeting_page::MeetingPage;
pub use print_page::PrintPage;
