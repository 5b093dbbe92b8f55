//! People: signing in and out (by password or mailed link), the session, members, the
//! roster the secretariat keeps, and one's own profile.
mod links;
mod members;
mod profile;
mod roster;
mod session;
mod sign_in;

pub use links::{
    GetLink, LINK_SENT, LinkRequestInput, RequestLink, UseLink, UseLinkInput, get_link,
    request_link, use_link,
};
pub use members::{GetMembers, get_members};
pub use profile::{
    ChangePassword, GetProfile, PROFILE_NOTICES, PasswordInput, SIGNED_OUT_EVERYWHERE,
    SignOutEverywhere, change_password, get_profile, sign_out_everywhere,
};
pub use roster::{
    GetPersonLog, GetRoster, PERSON_NOTICES, PersonAction, PersonActionInput, SavePerson,
    get_person_log, get_roster, person_action, save_person,
};
pub use session::{GetSession, SetLanguage, get_session, set_language};
pub use sign_in::{
    Login, LoginInput, Logout, SIGNED_OUT, login, login_notice, login_problem, logout,
};
