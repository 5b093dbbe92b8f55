//! People: signing in and out, the session, members and sign-ins.
mod accounts;
mod members;
mod session;
mod sign_in;

pub use accounts::{ListAccounts, list_accounts};
pub use members::{GetMembers, get_members};
pub use session::{GetSession, SetLanguage, get_session, set_language};
pub use sign_in::{
    Login, LoginInput, Logout, SIGNED_OUT, login, login_notice, login_problem, logout,
};
