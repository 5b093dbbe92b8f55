//! The taskforce as its landing page shows it.
use serde::{Deserialize, Serialize};

use crate::model::MeetingSummary;

/// The landing page: the taskforce and the meetings the viewer may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub name: String,
    pub description: String,
    pub mailbox: String,
    pub meetings: Vec<MeetingSummary>,
    pub next_meeting_id: Option<i32>,
}
