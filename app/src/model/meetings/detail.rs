//! A meeting as its page shows it: the agenda, the papers, what the viewer may do.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::MeetingSummary;
use crate::model::agenda::AgendaItemView;

/// What the viewer may do on the meeting page; decided on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingPermissions {
    pub edit: bool,
    pub submit_for_review: bool,
    pub review: bool,
    pub publish: bool,
    pub mark_held: bool,
    pub close: bool,
    pub read_audit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonOption {
    pub id: i32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingDetail {
    pub meeting: MeetingSummary,
    pub version: i32,
    pub review_comment: Option<String>,
    pub approved: bool,
    pub cancelled: bool,
    pub items: Vec<AgendaItemView>,
    pub agenda_ends_at: DateTime<Utc>,
    /// Minutes the agenda runs past the meeting's end; zero or less means it fits.
    pub overrun_minutes: i64,
    pub can: MeetingPermissions,
    pub people: Vec<PersonOption>,
    /// How near the meeting is, when it has not begun (worked out on the server, by its clock).
    #[serde(default)]
    pub starts_in: Option<crate::model::time::StartsIn>,
}

/// One line of a meeting's audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub details: String,
}
