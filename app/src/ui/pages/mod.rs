mod accounts_page;
mod login_page;
mod members_page;
mod not_found_page;
mod overview_page;

pub use accounts_page::AccountsPage;
pub use login_page::LoginPage;
pub use members_page::MembersPage;
pub use not_found_page::NotFoundPage;
pub use overview_page::OverviewPage;
