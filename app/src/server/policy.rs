//! The access policy: which role may call which server function and plain route.
//!
//! The table below is the truth, not documentation of it: every server function starts with
//! `Caller::authorize::<ItsType>()`, the server refuses an `/api/` call and a plain route
//! before anything else runs unless the table lets the caller in, and an endpoint that is not
//! in the table is refused to everyone (deny by default). `server/tests/access.rs` walks the
//! whole table against the running app, every endpoint × every role and signed out, and fails
//! for a registered server function or a route without an entry here.
//!
//! This is the coarse gate. The finer rules stay where they are: a member sees only published
//! meetings, closed items stay hidden from those who may not see them, the chair approves and
//! the secretariat publishes (`meetings::allowed`), and a service that changes things
//! takes a `SecretariatAccess` proof.
use crate::model::{CurrentUser, Role};

/// What a caller may do. An endpoint needs one capability; a role grants several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    /// No sign-in needed: signing in and out, the language, the health check, and what a
    /// secret token opens by itself (answer links, calendar feeds).
    Public,
    /// The overview and the list of members.
    ReadTaskforce,
    /// Meetings, their papers and calendar files (which meetings and items: the finer rules).
    ReadMeetings,
    /// One's own settings: the profile, the password, one's sessions, the calendar feed
    /// address, the invitation opt-in choice.
    OwnSettings,
    /// Lifecycle steps (which step for whom: `meetings::allowed`).
    MoveMeetings,
    /// Planning meetings and agendas, and reading their audit log.
    ManageMeetings,
    /// Uploading papers.
    ManagePapers,
    /// Invitees, guests, cancelling, recording e-mailed answers, the outbox.
    ManageInvitations,
    /// Whether the secretariat person is invited to the meetings too.
    OptIntoInvitations,
    /// Adding, editing, deactivating and reactivating people.
    ManagePeople,
}

/// Who calls: nobody signed in, or a signed-in person with a role.
///
/// Outside consultees (hearing parties who answer a consultation, later) will be one more
/// audience with its own, narrow grants (reading what they are consulted on and answering
/// it); they get a role and a line in [`grants`] when the consultation capability arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    SignedOut,
    Role(Role),
}

impl Audience {
    /// Signed out, then every role: derived from `Role::ALL`, so a new role is never missing.
    pub const ALL: [Audience; Role::ALL.len() + 1] = {
        let mut all = [Audience::SignedOut; Role::ALL.len() + 1];
        let mut i = 0;
        while i < Role::ALL.len() {
            all[i + 1] = Audience::Role(Role::ALL[i]);
            i += 1;
        }
        all
    };

    pub fn of(user: Option<&CurrentUser>) -> Audience {
        user.map_or(Audience::SignedOut, |u| Audience::Role(u.role))
    }
}

/// What each role may do, besides what is public.
pub fn grants(role: Role) -> &'static [Capability] {
    use Capability::*;
    match role {
        Role::Secretariat => &[
            ReadTaskforce,
            ReadMeetings,
            OwnSettings,
            MoveMeetings,
            ManageMeetings,
            ManagePapers,
            ManageInvitations,
            OptIntoInvitations,
            ManagePeople,
        ],
        Role::Chair => &[ReadTaskforce, ReadMeetings, OwnSettings, MoveMeetings],
        // A deputy sees what the member sees, never more.
        Role::Member | Role::Deputy | Role::SteeringGroup | Role::Observer => {
            &[ReadTaskforce, ReadMeetings, OwnSettings]
        }
    }
}

pub fn allows(audience: Audience, capability: Capability) -> bool {
    match (audience, capability) {
        (_, Capability::Public) => true,
        (Audience::SignedOut, _) => false,
        (Audience::Role(role), needed) => grants(role).contains(&needed),
    }
}

/// Every server function, by its path, and the capability it needs.
pub const SERVER_FUNCTIONS: &[(&str, Capability)] = {
    use Capability::*;
    &[
        // api/people/
        ("/api/session", Public),
        ("/api/login", Public),
        ("/api/logout", Public),
        ("/api/language", Public),
        // api/taskforce/, api/people/members.rs
        ("/api/overview", ReadTaskforce),
        ("/api/members", ReadTaskforce),
        // api/meetings/, api/agenda/
        ("/api/meeting", ReadMeetings),
        ("/api/meeting_save", ManageMeetings),
        ("/api/item_save", ManageMeetings),
        ("/api/item_action", ManageMeetings),
        ("/api/meeting_status", MoveMeetings),
        ("/api/meeting_log", ManageMeetings),
        // api/minutes/
        ("/api/minutes", ManageMeetings),
        ("/api/outcome_save", ManageMeetings),
        ("/api/decision_add", ManageMeetings),
        ("/api/action_add", ManageMeetings),
        ("/api/decisions", ReadMeetings),
        ("/api/actions", ReadMeetings),
        ("/api/action_status", ReadMeetings),
        // api/invitations/, api/meetings/cancel.rs
        ("/api/invitations", ManageInvitations),
        ("/api/invite_guest", ManageInvitations),
        ("/api/remove_invitee", ManageInvitations),
        ("/api/cancel_meeting", ManageInvitations),
        ("/api/outbox", ManageInvitations),
        ("/api/outbox_retry", ManageInvitations),
        ("/api/reply", ManageInvitations),
        ("/api/rsvp", Public),
        ("/api/rsvp_answer", Public),
        ("/api/feed", OwnSettings),
        ("/api/feed_renew", OwnSettings),
        ("/api/opt_in", OwnSettings),
        ("/api/opt_in_set", OptIntoInvitations),
        // api/people/roster.rs
        ("/api/roster", ManagePeople),
        ("/api/person_save", ManagePeople),
        ("/api/person_action", ManagePeople),
        ("/api/person_log", ManagePeople),
        // api/people/links.rs: a mailed link is its own proof
        ("/api/link_request", Public),
        ("/api/link", Public),
        ("/api/link_use", Public),
        // api/people/profile.rs
        ("/api/profile", OwnSettings),
        ("/api/password_change", OwnSettings),
        ("/api/sign_out_everywhere", OwnSettings),
    ]
};

/// Every plain axum route (method, path pattern as the router has it) and what it needs.
pub const PLAIN_ROUTES: &[(&str, &str, Capability)] = {
    use Capability::*;
    &[
        ("GET", "/healthz", Public),
        ("GET", "/files/papers/{version_id}", ReadMeetings),
        ("GET", "/meetings/{meeting_id}/calendar.ics", ReadMeetings),
        ("GET", "/calendar/{token}", Public),
        ("GET", "/decisions.csv", ReadMeetings),
        ("GET", "/actions.csv", ReadMeetings),
        (
            "POST",
            "/meetings/{meeting_id}/items/{item_id}/papers",
            ManagePapers,
        ),
    ]
};

pub fn for_server_function(path: &str) -> Option<Capability> {
    SERVER_FUNCTIONS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, c)| *c)
}

pub fn for_plain_route(method: &str, path: &str) -> Option<Capability> {
    PLAIN_ROUTES
        .iter()
        .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && *p == path)
        .map(|(_, _, c)| *c)
}

/// The gate's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// Signed out, and the endpoint needs a signed-in person.
    SignInFirst,
    /// Signed in, but the role does not have the capability.
    Forbidden,
    /// The endpoint is not in the table: refused to everyone.
    Unlisted,
}

pub fn decide(needed: Option<Capability>, user: Option<&CurrentUser>) -> Decision {
    let audience = Audience::of(user);
    match needed {
        None => Decision::Unlisted,
        Some(capability) if allows(audience, capability) => Decision::Allowed,
        Some(_) if audience == Audience::SignedOut => Decision::SignInFirst,
        Some(_) => Decision::Forbidden,
    }
}

/// Whether the endpoint can answer without looking the caller up.
pub fn is_public(needed: Option<Capability>) -> bool {
    needed == Some(Capability::Public)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_missing_from_the_table_is_refused_to_everyone() {
        assert_eq!(for_server_function("/api/not_in_the_table"), None);
        assert_eq!(decide(None, None), Decision::Unlisted);
    }

    #[test]
    fn only_the_secretariat_manages_and_every_role_reads_meetings() {
        for role in Role::ALL {
            let audience = Audience::Role(role);
            assert!(allows(audience, Capability::ReadMeetings), "{role:?}");
            assert_eq!(
                allows(audience, Capability::ManageMeetings),
                role == Role::Secretariat,
                "{role:?}"
            );
        }
        assert!(!allows(Audience::SignedOut, Capability::ReadMeetings));
        assert!(allows(Audience::SignedOut, Capability::Public));
    }

    #[test]
    fn every_endpoint_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for (path, _) in SERVER_FUNCTIONS {
            assert!(seen.insert(path.to_string()), "{path} twice");
        }
        for (method, path, _) in PLAIN_ROUTES {
            assert!(
                seen.insert(format!("{method} {path}")),
                "{method} {path} twice"
            );
        }
    }
}
