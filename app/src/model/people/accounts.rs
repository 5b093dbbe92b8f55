//! Sign-ins as the secretariat lists them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::Role;

/// A sign-in as the secretariat's users page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRow {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub last_login_at: Option<DateTime<Utc>>,
}
