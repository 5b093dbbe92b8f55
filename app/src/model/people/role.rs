use serde::{Deserialize, Serialize};

use crate::model::MeetingStatus;

/// A person's role in the taskforce. Access is decided from this, on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Role {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "secretariat"))]
    Secretariat,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "chair"))]
    Chair,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "member"))]
    Member,
    /// A member's stedfortræder: their own sign-in, acting for the member at meetings and
    /// seeing what the member sees (never more).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "deputy"))]
    Deputy,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "steering_group"))]
    SteeringGroup,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "observer"))]
    Observer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Secretariat,
        Role::Chair,
        Role::Member,
        Role::Deputy,
        Role::SteeringGroup,
        Role::Observer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Secretariat => "secretariat",
            Role::Chair => "chair",
            Role::Member => "member",
            Role::Deputy => "deputy",
            Role::SteeringGroup => "steering_group",
            Role::Observer => "observer",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value.trim())
    }

    /// Drafts belong to the secretariat; the chair reviews from `in_review` on; everyone
    /// else sees a meeting once it is published.
    pub fn may_see_meeting(self, status: MeetingStatus) -> bool {
        match self {
            Role::Secretariat => true,
            Role::Chair => status != MeetingStatus::Draft,
            Role::Member | Role::Deputy | Role::SteeringGroup | Role::Observer => {
                status.is_public()
            }
        }
    }

    pub fn is_secretariat(self) -> bool {
        self == Role::Secretariat
    }

    /// The taskforce proper: the chair and the members, who are invited to every meeting.
    pub fn sits_on_taskforce(self) -> bool {
        matches!(self, Role::Chair | Role::Member)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }

    #[test]
    fn members_never_see_drafts_or_meetings_in_review() {
        for role in [
            Role::Member,
            Role::Deputy,
            Role::SteeringGroup,
            Role::Observer,
        ] {
            assert!(!role.may_see_meeting(MeetingStatus::Draft));
            assert!(!role.may_see_meeting(MeetingStatus::InReview));
            assert!(role.may_see_meeting(MeetingStatus::Published));
        }
    }

    #[test]
    fn the_chair_sees_a_meeting_from_review_on_but_not_as_a_draft() {
        assert!(!Role::Chair.may_see_meeting(MeetingStatus::Draft));
        assert!(Role::Chair.may_see_meeting(MeetingStatus::InReview));
    }

    #[test]
    fn the_secretariat_sees_every_status() {
        for status in MeetingStatus::ALL {
            assert!(Role::Secretariat.may_see_meeting(status));
        }
    }
}
