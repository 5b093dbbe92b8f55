//! Types that cross the wire. Parsers live with their types; the browser and the server use
//! the same ones.
pub mod agenda;
pub mod email;
pub mod invitations;
pub mod lang;
pub mod meeting;
pub mod person;
pub mod person_name;
pub mod role;
pub mod session;
pub mod taskforce;
pub mod time;

pub use email::EmailAddress;
pub use lang::Lang;
pub use meeting::{MeetingStatus, MeetingSummary};
pub use person::{PersonView, Sector};
pub use person_name::PersonName;
pub use role::Role;
pub use session::{CurrentUser, SessionInfo};
pub use taskforce::{AccountRow, Overview};
