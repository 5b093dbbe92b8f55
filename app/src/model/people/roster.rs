//! The taskforce's people as the secretariat keeps them: the people page, the person form and
//! what it parses into.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::forms::{FormProblem, short_text};
use crate::model::{EmailAddress, Lang, PersonName, Role, Sector};

/// A person as the people page lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterRow {
    pub id: i32,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub sector: Sector,
    pub email: String,
    pub role: Role,
    pub language: Lang,
    pub lead: bool,
    /// For a deputy: the member they stand in for.
    pub deputy_for: Option<(i32, String)>,
    pub active: bool,
    pub last_login_at: Option<DateTime<Utc>>,
    /// Whether the person has chosen a password yet (a new person signs in from the welcome mail).
    pub has_password: bool,
    pub version: i32,
}

/// The people page: everyone, and the active members a deputy can stand in for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub people: Vec<RosterRow>,
    pub members: Vec<(i32, String)>,
}

/// What the person form posts (`input[name]`, …). A checkbox that is not ticked is not sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonForm {
    #[serde(default)]
    pub person_id: Option<i32>,
    #[serde(default)]
    pub version: Option<i32>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub lead: Option<String>,
    #[serde(default)]
    pub deputy_for: String,
}

/// A person form that parsed: every field valid on its own. Rules that need the database
/// (the address is free, the member exists, the last secretariat person) are the service's.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonDraft {
    pub name: PersonName,
    pub title: String,
    pub organisation: String,
    pub sector: Sector,
    pub email: EmailAddress,
    pub role: Role,
    pub language: Lang,
    /// Only a secretariat person can be the lead.
    pub lead: bool,
    /// Only a deputy stands in for someone, and a deputy always does.
    pub deputy_for: Option<i32>,
}

impl PersonForm {
    /// Every problem at once, field by field.
    pub fn parse(&self) -> Result<PersonDraft, Vec<(&'static str, FormProblem)>> {
        let mut problems = Vec::new();
        let name = PersonName::parse(&self.name)
            .map_err(|e| problems.push(("name", e.into())))
            .ok();
        let title = short_text(&self.title)
            .map_err(|p| problems.push(("title", p)))
            .ok();
        let organisation = short_text(&self.organisation)
            .map_err(|p| problems.push(("organisation", p)))
            .ok();
        let sector = Sector::parse(&self.sector)
            .ok_or(FormProblem::SectorUnknown)
            .map_err(|p| problems.push(("sector", p)))
            .ok();
        let email = EmailAddress::parse(&self.email)
            .map_err(|e| problems.push(("email", e.into())))
            .ok();
        let role = Role::parse(&self.role)
            .ok_or(FormProblem::RoleUnknown)
            .map_err(|p| problems.push(("role", p)))
            .ok();
        let language = Lang::parse(self.language.trim())
            .ok_or(FormProblem::LanguageUnknown)
            .map_err(|p| problems.push(("language", p)))
            .ok();
        let deputy_for = match (role, self.deputy_for.trim()) {
            (Some(Role::Deputy), "") => {
                problems.push(("deputy_for", FormProblem::DeputyForRequired));
                None
            }
            (Some(Role::Deputy), id) => match id.parse::<i32>() {
                Ok(id) => Some(id),
                Err(_) => {
                    problems.push(("deputy_for", FormProblem::DeputyForUnknown));
                    None
                }
            },
            _ => None,
        };
        match (name, title, organisation, sector, email, role, language) {
            (
                Some(name),
                Some(title),
                Some(organisation),
                Some(sector),
                Some(email),
                Some(role),
                Some(language),
            ) if problems.is_empty() => Ok(PersonDraft {
                name,
                title,
                organisation,
                sector,
                email,
                role,
                language,
                lead: role == Role::Secretariat && self.lead.is_some(),
                deputy_for,
            }),
            _ => Err(problems),
        }
    }
}

/// What a mailed link is for. Each lasts as long as its purpose needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum LinkPurpose {
    /// Signing in without the password.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "sign_in"))]
    SignIn,
    /// "Forgot password": choose a new one.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reset"))]
    Reset,
    /// A new person's first sign-in, choosing their password.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "welcome"))]
    Welcome,
}

impl LinkPurpose {
    pub const ALL: [LinkPurpose; 3] = [
        LinkPurpose::SignIn,
        LinkPurpose::Reset,
        LinkPurpose::Welcome,
    ];

    /// 15 minutes for a link the person asked for just now; three days for a welcome, which
    /// arrives when the secretariat adds someone, who may not read it at once.
    pub fn lifetime_minutes(self) -> i64 {
        match self {
            LinkPurpose::SignIn | LinkPurpose::Reset => 15,
            LinkPurpose::Welcome => 72 * 60,
        }
    }

    /// Whether using the link sets a password.
    pub fn sets_password(self) -> bool {
        matches!(self, LinkPurpose::Reset | LinkPurpose::Welcome)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::SignIn => "sign_in",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Welcome => "welcome",
        }
    }

    pub fn parse(value: &str) -> Option<LinkPurpose> {
        LinkPurpose::ALL.into_iter().find(|p| p.as_str() == value)
    }
}

/// What a link's page says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkState {
    Valid(LinkPurpose),
    Used,
    Expired,
    /// No such link (mistyped, or from an older system): said the same way as expired.
    Unknown,
}

/// The profile page: one's own settings and sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub language: Lang,
    pub has_password: bool,
    pub sessions: Vec<SessionRow>,
}

/// A signed-in browser as the profile lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRow {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: Option<String>,
    /// The browser looking at the page.
    pub current: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PersonForm {
        PersonForm {
            name: "Mikkel Højgaard Nørby".into(),
            title: "Vicedirektør".into(),
            organisation: "Region Midtjylland".into(),
            sector: "region".into(),
            email: "mikkel.norby@example.org".into(),
            role: "deputy".into(),
            language: "da".into(),
            deputy_for: "3".into(),
            ..PersonForm::default()
        }
    }

    #[test]
    fn a_complete_deputy_form_parses_with_the_member_it_stands_in_for() {
        let draft = form().parse().expect("valid");
        assert_eq!(draft.name.as_str(), "Mikkel Højgaard Nørby");
        assert_eq!(draft.role, Role::Deputy);
        assert_eq!(draft.deputy_for, Some(3));
        assert!(!draft.lead);
    }

    #[test]
    fn a_deputy_without_a_member_and_every_other_bad_field_are_named_at_once() {
        let problems = PersonForm {
            name: " ".into(),
            sector: "kommunal".into(),
            email: "mikkel@[127.0.0.1]".into(),
            language: "de".into(),
            deputy_for: String::new(),
            ..form()
        }
        .parse()
        .expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                ("name", FormProblem::NameEmpty),
                ("sector", FormProblem::SectorUnknown),
                ("email", FormProblem::EmailDomain),
                ("language", FormProblem::LanguageUnknown),
                ("deputy_for", FormProblem::DeputyForRequired),
            ]
        );
    }

    #[test]
    fn only_a_secretariat_person_can_be_the_lead_and_only_a_deputy_stands_in() {
        let member = PersonForm {
            role: "member".into(),
            lead: Some("on".into()),
            ..form()
        }
        .parse()
        .expect("valid");
        assert!(!member.lead);
        assert_eq!(member.deputy_for, None);
        let lead = PersonForm {
            role: "secretariat".into(),
            lead: Some("on".into()),
            ..form()
        }
        .parse()
        .expect("valid");
        assert!(lead.lead);
    }

    #[test]
    fn links_asked_for_last_a_quarter_of_an_hour_and_a_welcome_three_days() {
        assert_eq!(LinkPurpose::SignIn.lifetime_minutes(), 15);
        assert_eq!(LinkPurpose::Reset.lifetime_minutes(), 15);
        assert_eq!(LinkPurpose::Welcome.lifetime_minutes(), 3 * 24 * 60);
        for purpose in LinkPurpose::ALL {
            assert_eq!(LinkPurpose::parse(purpose.as_str()), Some(purpose));
        }
    }
}
