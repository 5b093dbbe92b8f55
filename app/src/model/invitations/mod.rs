//! Invitations as the secretariat follows them, and answers as invitees give them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An invitee's answer (iCalendar PARTSTAT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Answer {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "NEEDS-ACTION"))]
    NoAnswer,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "ACCEPTED"))]
    Accepted,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "TENTATIVE"))]
    Tentative,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "DECLINED"))]
    Declined,
}

impl Answer {
    pub fn partstat(self) -> &'static str {
        match self {
            Answer::NoAnswer => "NEEDS-ACTION",
            Answer::Accepted => "ACCEPTED",
            Answer::Tentative => "TENTATIVE",
            Answer::Declined => "DECLINED",
        }
    }

    pub fn from_partstat(value: &str) -> Option<Answer> {
        [
            Answer::NoAnswer,
            Answer::Accepted,
            Answer::Tentative,
            Answer::Declined,
        ]
        .into_iter()
        .find(|a| a.partstat().eq_ignore_ascii_case(value.trim()))
    }

    /// The word in an answer link: accepted, tentative, declined.
    pub fn from_link(value: &str) -> Option<Answer> {
        match value {
            "accepted" => Some(Answer::Accepted),
            "tentative" => Some(Answer::Tentative),
            "declined" => Some(Answer::Declined),
            _ => None,
        }
    }

    pub fn link_word(self) -> &'static str {
        match self {
            Answer::NoAnswer => "none",
            Answer::Accepted => "accepted",
            Answer::Tentative => "tentative",
            Answer::Declined => "declined",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteeRow {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub guest: bool,
    pub answer: Answer,
    pub answered_at: Option<DateTime<Utc>>,
    pub removed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutboxProgress {
    pub queued: u64,
    pub sent: u64,
    pub failed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub meeting_id: Option<i32>,
    pub recipient: String,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// The secretariat's view of one meeting's invitations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvitationsView {
    pub invitees: Vec<InviteeRow>,
    pub progress: OutboxProgress,
    pub messages: Vec<OutboxRow>,
}

/// What an answer link shows before the answer is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RsvpView {
    pub invitee_name: String,
    pub meeting_title: String,
    pub meeting_number: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: String,
    pub location: String,
    pub answer: Answer,
    pub cancelled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn answers_are_stored_as_their_partstat() {
        use sea_orm::{ActiveEnum, Iterable};
        for answer in Answer::iter() {
            assert_eq!(answer.to_value(), answer.partstat());
            assert_eq!(Answer::from_partstat(&answer.to_value()), Some(answer));
        }
    }

    #[test]
    fn answers_round_trip_through_partstat_and_link_words() {
        for answer in [
            Answer::NoAnswer,
            Answer::Accepted,
            Answer::Tentative,
            Answer::Declined,
        ] {
            assert_eq!(Answer::from_partstat(answer.partstat()), Some(answer));
        }
        assert_eq!(Answer::from_link("accepted"), Some(Answer::Accepted));
        assert_eq!(Answer::from_link("ACCEPTED"), None);
    }
}
