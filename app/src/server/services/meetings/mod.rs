//! Meetings: which a person may see, the page that shows one, and planning them and moving them
//! through their life.
mod admin;
mod detail;
mod listing;

pub use admin::{
    allowed, create_meeting, create_meeting_in, transition, transition_in, update_meeting,
    update_meeting_in,
};
pub use detail::{may_read_closed, meeting_detail, permissions, visible_meeting};
pub use listing::{summary, visible_to};
