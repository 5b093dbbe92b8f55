//! Pages, one folder per area; each file is one page (`<name>_page.rs`) or a part of one.
pub mod agenda;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod people;
pub mod site;
pub mod taskforce;

pub use agenda::ItemFormPage;
pub use invitations::FeedPage;
pub use invitations::OutboxPage;
pub use invitations::RepliesPage;
pub use invitations::RsvpPage;
pub use meetings::AuditPage;
pub use meetings::MeetingFormPage;
pub use meetings::MeetingPage;
pub use meetings::PrintPage;
pub use minutes::{ActionsPage, MinutesPage, RegisterPage};
pub use people::LinkPage;
pub use people::LoginPage;
pub use people::MembersPage;
pub use people::PeoplePage;
pub use people::PersonFormPage;
pub use people::ProfilePage;
pub use people::ResetRequestPage;
pub use site::AccessibilityPage;
pub use site::NotFoundPage;
pub use taskforce::OverviewPage;
