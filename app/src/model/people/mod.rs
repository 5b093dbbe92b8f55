//! People: who they are, how they are named and reached, their role and their session.
mod accounts;
mod email;
mod person;
mod person_name;
mod role;
mod roster;
mod session;

pub use accounts::AccountRow;
pub use email::{EmailAddress, EmailError};
pub use person::{PersonView, Sector};
pub use person_name::{NameError, PersonName};
pub use role::Role;
pub use roster::{
    LinkPurpose, LinkState, PersonDraft, PersonForm, Profile, Roster, RosterRow, SessionRow,
};
pub use session::{CurrentUser, SessionInfo};
