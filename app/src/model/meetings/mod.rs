//! Meetings: their life, their form, and the page that shows one.
mod detail;
mod form;
mod lifecycle;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use detail::{AuditRow, MeetingDetail, MeetingPermissions, PersonOption};
pub use form::{MeetingDraft, MeetingForm};
pub use lifecycle::{LIFECYCLE, Transition};

/// The life of a meeting; the steps between the statuses are
/// [`LIFECYCLE`](crate::model::meetings::LIFECYCLE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum MeetingStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "draft"))]
    Draft,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "in_review"))]
    InReview,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "published"))]
    Published,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "held"))]
    Held,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "minutes_approved"))]
    MinutesApproved,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "closed"))]
    Closed,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 6] = [
        MeetingStatus::Draft,
        MeetingStatus::InReview,
        MeetingStatus::Published,
        MeetingStatus::Held,
        MeetingStatus::MinutesApproved,
        MeetingStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Draft => "draft",
            MeetingStatus::InReview => "in_review",
            MeetingStatus::Published => "published",
            MeetingStatus::Held => "held",
            MeetingStatus::MinutesApproved => "minutes_approved",
            MeetingStatus::Closed => "closed",
        }
    }

    pub fn parse(value: &str) -> Option<MeetingStatus> {
        MeetingStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }

    /// Published and everything after it is visible to members and the steering group.
    pub fn is_public(self) -> bool {
        self >= MeetingStatus::Published
    }

    /// Still ahead: not yet held.
    pub fn is_upcoming(self) -> bool {
        self < MeetingStatus::Held
    }
}

/// A meeting as the overview lists it. Times are UTC plus the IANA zone they are held in;
/// formatting happens in shared code so server and browser agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: i32,
    pub number: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: String,
    pub location: String,
    pub online_link: Option<String>,
    pub status: MeetingStatus,
}

/// A link to an online meeting may only be a plain web address: no `javascript:`, no `data:`,
/// nothing that could close the attribute it is written into.
pub fn is_web_link(link: &str) -> bool {
    (link.starts_with("https://") || link.starts_with("http://"))
        && !link
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<')
}

/// The next meeting is the earliest one that has not been held yet.
pub fn next_meeting(meetings: &[MeetingSummary]) -> Option<i32> {
    meetings
        .iter()
        .filter(|m| m.status.is_upcoming())
        .min_by_key(|m| m.starts_at)
        .map(|m| m.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[cfg(feature = "ssr")]
    #[test]
    fn every_status_is_stored_under_its_name() {
        use sea_orm::ActiveEnum;
        for status in MeetingStatus::ALL {
            assert_eq!(status.to_value(), status.as_str());
            assert_eq!(
                MeetingStatus::try_from_value(&status.as_str().to_string()).ok(),
                Some(status)
            );
        }
    }

    fn meeting(id: i32, day: u32, status: MeetingStatus) -> MeetingSummary {
        MeetingSummary {
            id,
            number: id,
            title: format!("Møde {id}"),
            starts_at: Utc.with_ymd_and_hms(2022, 3, day, 12, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2022, 3, day, 14, 0, 0).unwrap(),
            time_zone: "Europe/Copenhagen".into(),
            location: "København".into(),
            online_link: None,
            status,
        }
    }

    #[test]
    fn every_status_round_trips_through_its_name() {
        for status in MeetingStatus::ALL {
            assert_eq!(MeetingStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn the_next_meeting_is_the_earliest_not_yet_held() {
        let meetings = vec![
            meeting(1, 1, MeetingStatus::Closed),
            meeting(3, 20, MeetingStatus::Draft),
            meeting(2, 10, MeetingStatus::Published),
        ];
        assert_eq!(next_meeting(&meetings), Some(2));
    }

    #[test]
    fn there_is_no_next_meeting_when_all_are_held() {
        let meetings = vec![meeting(1, 1, MeetingStatus::Held)];
        assert_eq!(next_meeting(&meetings), None);
    }
}
