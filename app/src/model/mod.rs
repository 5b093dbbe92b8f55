//! Types that cross the wire, one folder per area. Parsers live with their types; the browser
//! and the server use the same ones.
pub mod agenda;
pub mod forms;
pub mod invitations;
pub mod lang;
pub mod meetings;
pub mod minutes;
pub mod papers;
pub mod people;
pub mod taskforce;
pub mod time;

pub use lang::Lang;
pub use meetings::{MeetingStatus, MeetingSummary};
pub use people::{
    AccountRow, CurrentUser, EmailAddress, PersonName, PersonView, Role, Sector, SessionInfo,
};
pub use taskforce::Overview;
