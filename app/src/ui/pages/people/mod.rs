//! Signing in, the members and the sign-ins.
mod accounts_page;
mod login_page;
mod members_page;

pub use accounts_page::AccountsPage;
pub use login_page::LoginPage;
pub use members_page::MembersPage;
