use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{MeetingSummary, Role};

/// The landing page: the taskforce and the meetings the viewer may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub name: String,
    pub description: String,
    pub mailbox: String,
    pub meetings: Vec<MeetingSummary>,
    pub next_meeting_id: Option<i32>,
}

/// A sign-in as the secretariat's users page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub last_login_at: Option<DateTime<Utc>>,
}
