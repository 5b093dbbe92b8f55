//! Signing in (by password or mailed link), the members, the people the secretariat keeps,
//! and one's own profile.
mod link_page;
mod login_page;
mod members_page;
mod people_page;
mod person_form_page;
mod profile_page;

pub use link_page::LinkPage;
pub use login_page::{LoginPage, ResetRequestPage};
pub use members_page::MembersPage;
pub use people_page::PeoplePage;
pub use person_form_page::PersonFormPage;
pub use profile_page::ProfilePage;
